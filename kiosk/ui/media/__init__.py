"""Pictures and sound: decoding off the GUI thread, kept pixels, narration and its worker process."""
