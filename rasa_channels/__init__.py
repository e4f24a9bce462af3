"""Rasa input channels of this assistant; imported by the Rasa server (its own venv), never by the core."""
