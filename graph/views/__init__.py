"""What people look at in a browser: the interactive network page and the map."""
