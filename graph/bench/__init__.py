"""Synthetic corpora at N× the seeds and the measured benchmark."""

#: Scales above this skip SHACL validation by default (kept here, light, for the command's --help).
VALIDATE_UP_TO = 100
