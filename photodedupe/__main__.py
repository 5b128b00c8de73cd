"""`python -m photodedupe` behaves exactly like the `photodedupe` command."""

from photodedupe import run

raise SystemExit(run())
