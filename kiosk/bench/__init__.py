"""``kiosk bench``: measured speed and memory, each figure beside its target.

Figures are medians of several runs (the machines are shared and noisy);
targets come from the issue that asked for them. ``--quick`` runs fewer
rounds, only to show that every measurement works.
"""
