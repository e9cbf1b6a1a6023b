"""Synthetic corpora at N× the seeds and the measured benchmark."""
