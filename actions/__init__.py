"""Rasa custom actions: thin adapters over the ``bot`` core (one module per concern)."""
