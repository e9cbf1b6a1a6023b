"""`amurkg evaluate`: score the build against annotations of what texts state."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml

from .common import RootOption, fail, layout_of, out, reported


def evaluate_command(
    annotations: Annotated[
        list[Path],
        typer.Argument(
            help="Annotation YAML files. A relation annotation is a list of records (text, s, p, o, quote, s_forms, "
            "o_forms) or a mapping with 'relations:' and optionally 'documents:' (a folder of texts beside it, "
            "built in a throwaway project with the seeds' catalog). A file with a top-level 'entities:' key is "
            "an entity annotation (tests/data/entities/), one with 'figures:' a figure annotation (tests/data/figures/).",
            show_default=False,
        ),
    ],
    root: RootOption = None,
    misses: Annotated[int, typer.Option("--misses", min=0, help="How many missed relations to list.")] = 30,
    false_positives: Annotated[
        int, typer.Option("--false-positives", min=0, help="How many extracted but unannotated relations to list.")
    ] = 0,
) -> None:
    """Precision and recall of the build against annotations, per language and per predicate, with the misses.

    A relation counts as found when the build has it with evidence from the document that states it
    (symmetric predicates either way; entities matched by id, label or any of the given forms).
    """
    layout = layout_of(root)
    for path in annotations:
        if not path.is_file():
            fail([f"{path}: file not found"])
        try:
            head = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            fail([f"{path}: does not parse as YAML: {str(exc).splitlines()[0]}"])
        with reported():
            if isinstance(head, dict) and "entities" in head:
                from amurkg.evaluate.entities import evaluate_entities

                text = evaluate_entities(layout, path)
            elif isinstance(head, dict) and "figures" in head:
                from amurkg.evaluate.figures import evaluate_figures

                text = evaluate_figures(layout, path)
            else:
                from amurkg.evaluate.relations import evaluate_relations

                text = evaluate_relations(layout, path, misses, false_positives)
        out.print(text, highlight=False, soft_wrap=True, markup=False)
        if len(annotations) > 1:
            out.print("")
