"""Evaluation of a build against annotations: relations (`relations.py`) and, where present,
entities (`entities.py`)."""
