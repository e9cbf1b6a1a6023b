"""Language rules: per-character folding with an offset map, sentences, Russian forms, catalog linking."""
