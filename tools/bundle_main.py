"""The bundle's entry point: the same as the installed ``photodedupe`` command."""

from photodedupe.launch import run

raise SystemExit(run())
