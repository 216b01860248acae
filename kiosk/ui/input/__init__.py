"""Input: every press, release and key, watched at the window and turned into core events."""
