"""Evaluation of the extractors against development annotations (tests/data/)."""
