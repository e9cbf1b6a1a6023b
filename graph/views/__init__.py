"""What people look at in a browser: the interactive network page and the map."""

# The node cap of a page (graph/views/select.py), here so that `amurkg viz --help` needs no import.
DEFAULT_LIMIT = 2000
