"""`python -m photodedupe` behaves exactly like the `photodedupe` command."""

from photodedupe.launch import run

raise SystemExit(run())
