"""Museum exhibit kiosk: YAML exhibits shown on a full-screen touch interface.

The package splits in two: ``kiosk.core`` (exhibit model, loader, navigation
and idle policy) imports no Qt so it can be tested and reasoned about on its
own; ``kiosk.ui`` renders the core's state with PySide6 and turns input into
core events.
"""

__version__ = "0.1.0"
