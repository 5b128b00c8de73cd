"""The pure core: finding, hashing, caching and grouping photos.

Nothing under this package imports Qt, so the CLI, the GUI and the tests all
drive the same code.
"""
