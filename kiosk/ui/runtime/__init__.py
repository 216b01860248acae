"""The kiosk as a running program: the window, the controller that connects it to the navigation machine,
start-up, the supervisor (staff actions, faults, statistics, watchdog), the stall detector, accessibility."""
