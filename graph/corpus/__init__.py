"""What goes in: the document listing, the curated catalog, claims, ingesting new texts, candidate names."""
