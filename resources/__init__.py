"""SVG icons and desktop files, shipped inside the package as ``photodedupe.resources``."""
