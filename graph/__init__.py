"""amurkg's pipeline: seeds + ontology → normalize → link → extract → assemble → validate → Turtle."""
