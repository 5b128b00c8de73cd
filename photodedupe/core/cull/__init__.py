"""Culling a shoot: the series of frames of one moment, ranked best first."""
