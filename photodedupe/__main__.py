"""`python -m photodedupe` behaves exactly like the `photodedupe` command."""

from photodedupe.cli import main

raise SystemExit(main())
