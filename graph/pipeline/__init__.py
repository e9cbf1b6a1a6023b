"""The build: per-document processing (cached, parallel), RDF assembly, SHACL validation, deterministic output."""
