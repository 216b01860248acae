"""One module per screen; each renders state and emits core events."""
