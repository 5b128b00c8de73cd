"""The Qt desktop app: a thin layer over ``photodedupe.core``."""
