"""Slack listeners, one module per feature. Each exposes `register(app)`; `features.py` lists them and
registers them all once at start-up."""
