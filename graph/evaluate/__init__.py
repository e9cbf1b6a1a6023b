"""Evaluation of the pipeline against annotation files in tests/data/ (see their README)."""
