"""What the window does: scans, moves, modes and the review on screen, off the GUI thread where long."""
