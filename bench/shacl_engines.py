"""CPU seconds of the SHACL engines on the built graph: amurkg's SHACL Core engine (fast), pySHACL
(the reference) and, when installed, pyshacl-turbo (`pip install pyshacl-turbo`, a Rust engine).

    .venv/bin/python bench/shacl_engines.py fast|pyshacl|turbo
"""

import sys
import time
from pathlib import Path

from rdflib import Graph

from amurkg.layout import Layout
from amurkg.pipeline.build import load_ontology
from amurkg.pipeline.validate import pyshacl_violations, shacl_violations

layout = Layout(Path(__file__).resolve().parent.parent)
data = Graph()
data.parse(layout.turtle, format="turtle")
ontology, shapes = load_ontology(layout)
engine = sys.argv[1] if len(sys.argv) > 1 else "fast"
start = time.process_time()
if engine == "fast":
    found = f"{len(shacl_violations(data, shapes, ontology, 'fast'))} violations"
elif engine == "pyshacl":
    found = f"{len(pyshacl_violations(data, shapes, ontology))} violations"
else:
    import pyshacl_turbo

    conforms, _, _ = pyshacl_turbo.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    found = "conforms" if conforms else "does not conform"
print(f"{engine}: {len(data)} triples, {found}, {time.process_time() - start:.2f} s CPU")
