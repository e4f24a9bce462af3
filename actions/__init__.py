"""Rasa custom actions: thin adapters over the ``bot`` core (one module per concern)."""

from . import runtime

runtime.warm_up()
