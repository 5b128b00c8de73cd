"""What the window shows: its panels and views, and the Qt models they read."""
