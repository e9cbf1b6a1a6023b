"""YAML reading that keeps line numbers, so errors can point at the entry that is wrong."""

from pathlib import Path
from typing import Any

import yaml

from amurkg.errors import InputError


class LineDict(dict):
    """A mapping that remembers the line (1-based) it starts on."""

    line: int = 0


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: the catalog loads ~5× faster


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, shown_as: str | None = None) -> Any:
    """Parse a YAML file; a syntax error becomes an InputError naming file and line."""
    name = shown_as or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.one(name, "file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError.one(name, f"not UTF-8 text ({exc.reason})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        raise InputError.one(name, f"malformed YAML: {exc.problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError.one(name, f"malformed YAML: {exc}") from None


def line_of(value: Any) -> int | None:
    return getattr(value, "line", None) or None


def load_data(stream: Any) -> Any:
    """`yaml.safe_load` with libyaml's parser when PyYAML has it (the rule files parse ~5× faster)."""
    return yaml.load(stream, Loader=_SafeLoader)  # noqa: S506 - a safe loader
