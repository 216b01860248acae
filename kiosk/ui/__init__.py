"""The Qt layer: renders navigation state and turns input into core events.

Nothing here decides behaviour; ``kiosk.core`` does. Widgets read state
(``NavState``, the Exhibit) and emit intents that the controller turns into
events for the machine.
"""
