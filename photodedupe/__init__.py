"""photodedupe: find near-duplicate photos and move the rejects to the trash."""

__version__ = "0.1.0"
