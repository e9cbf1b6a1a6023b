"""The curated catalog: one YAML file per core class, one entry per real-world thing.

Loading checks everything a user can get wrong (duplicate ids, unknown references, missing English
labels, labels without a language, coordinates out of range, ill-formed Wikidata ids) and reports
every problem with file, line and entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from amurkg.errors import InputError, Problem
from amurkg.namespaces import LANGUAGES
from amurkg.yamlio import line_of, read_yaml

CORE_CLASSES: tuple[str, ...] = (
    "Country",
    "Region",
    "City",
    "Port",
    "Park",
    "Corridor",
    "Industry",
    "CooperationModel",
    "Program",
    "Project",
    "Organization",
    "Event",
    "GeoFeature",
)
PLACE_CLASSES = frozenset({"Country", "Region", "City", "Port", "Park", "Corridor", "GeoFeature"})
# Finer classes an entry may declare with `subclass:` (the ontology has them under the core class).
SUBCLASSES: dict[str, tuple[str, ...]] = {
    "Project": ("Infrastructure",),
    "Organization": ("Company", "GovernmentBody", "ResearchInstitute"),
    "Program": ("Agreement", "Strategy"),
}
STATUSES = ("curated", "proposed")  # catalog entries are curated; names the build discovers are proposed
CONCEPT_CLASSES = frozenset({"Industry", "CooperationModel"})

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
KNOWN_FIELDS = frozenset(
    {"id", "labels", "aliases", "locatedIn", "partOf", "broader", "coordinates", "wikidata", "year", "note", "subclass"}
)


@dataclass(frozen=True)
class Entity:
    """One catalog entry."""

    id: str
    cls: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    located_in: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    coordinates: tuple[float, float] | None = None
    wikidata: str | None = None
    year: int | None = None
    source: str = ""
    subclass: str | None = None  # a finer class of the ontology (Company under Organization), if known
    status: str = "curated"  # "proposed" for names the build discovered in a document

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (language, name) this entity is known by: labels first, then aliases."""
        for lang in LANGUAGES:
            if lang in self.labels:
                yield lang, self.labels[lang]
        for lang in LANGUAGES:
            for alias in self.aliases.get(lang, ()):
                yield lang, alias

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels["en"]


@dataclass
class Catalog:
    """All entities by id, with the geography needed to reason about them."""

    entities: dict[str, Entity]

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities[k] for k in sorted(self.entities))

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def extended(self, entities: Iterable[Entity]) -> Catalog:
        """This catalog plus entities discovered in a document (catalog entries win on an id clash),
        so extractors look up a discovered entity's class and ancestors like a catalog one's."""
        added = {e.id: e for e in entities if e.id not in self.entities}
        return Catalog({**self.entities, **added}) if added else self

    def of_class(self, cls: str) -> list[Entity]:
        return [e for e in self if e.cls == cls]

    def ancestors(self, entity_id: str) -> list[str]:
        """The places containing an entity, nearest first (locatedIn, transitively)."""
        seen: list[str] = []
        frontier = list(self.entities[entity_id].located_in)
        while frontier:
            current = frontier.pop(0)
            if current in seen or current not in self.entities:
                continue
            seen.append(current)
            frontier.extend(self.entities[current].located_in)
        return seen

    def country_of(self, entity_id: str) -> str | None:
        """The Country an entity lies in, if the catalog's geography says so."""
        if entity_id in self.entities and self.entities[entity_id].cls == "Country":
            return entity_id
        for ancestor in self.ancestors(entity_id):
            if self.entities[ancestor].cls == "Country":
                return ancestor
        return None


def load_catalog(directory: Path, root: Path | None = None) -> Catalog:
    """Read every `*.yaml` of the catalog folder; raise InputError listing all problems."""
    problems: list[Problem] = []
    entities: dict[str, Entity] = {}
    declared: set[str] = set()  # ids of entries with other problems too: not reported again as unknown
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise InputError.one(_shown(directory, root), "no catalog files (*.yaml) found")
    for path in files:
        shown = _shown(path, root)
        try:
            document = read_yaml(path, shown)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(document, dict) and isinstance(document.get("entities"), list):
            declared.update(
                e["id"] for e in document["entities"] if isinstance(e, dict) and isinstance(e.get("id"), str)
            )
        for entity in _entities_of_file(document, shown, problems):
            if entity.id in entities:
                problems.append(
                    Problem(
                        shown,
                        f"duplicate id (first defined in {entities[entity.id].source})",
                        entity.id,
                        _line(entity.source),
                    )
                )
                continue
            entities[entity.id] = entity
    problems.extend(_reference_problems(entities.values(), set(entities) | declared))
    if problems:
        raise InputError(problems)
    return Catalog(entities)


def _shown(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


def _line(source: str) -> int | None:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _entities_of_file(document: object, shown: str, problems: list[Problem]) -> Iterator[Entity]:
    if not isinstance(document, dict) or "class" not in document or "entities" not in document:
        problems.append(Problem(shown, "expected a mapping with 'class' and 'entities'"))
        return
    cls = document["class"]
    if cls not in CORE_CLASSES:
        problems.append(
            Problem(shown, f"unknown class {cls!r}; expected one of {', '.join(CORE_CLASSES)}", line=line_of(document))
        )
        return
    raw_entities = document["entities"] or []
    if not isinstance(raw_entities, list):
        problems.append(Problem(shown, "'entities' must be a list", line=line_of(document)))
        return
    for raw in raw_entities:
        entity = _parse_entity(raw, cls, shown, problems)
        if entity is not None:
            yield entity


def _parse_entity(raw: object, cls: str, shown: str, problems: list[Problem]) -> Entity | None:
    line = line_of(raw)
    if not isinstance(raw, dict):
        problems.append(Problem(shown, "an entry must be a mapping", line=line))
        return None
    entity_id = raw.get("id")
    before = len(problems)

    def bad(message: str) -> None:
        problems.append(Problem(shown, message, str(entity_id) if entity_id else None, line))

    if not isinstance(entity_id, str) or not SLUG.match(entity_id):
        bad(f"id {entity_id!r} is not a slug (lowercase ASCII letters, digits and hyphens)")
    for key in raw:
        if key not in KNOWN_FIELDS:
            bad(f"unknown field {key!r}")
    labels = _parse_labels(raw.get("labels"), bad)
    aliases = _parse_aliases(raw.get("aliases"), bad)
    coordinates = _parse_coordinates(raw.get("coordinates"), cls, bad)
    wikidata = raw.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA_ID.match(wikidata)):
        bad(f"ill-formed Wikidata id {wikidata!r} (expected Q followed by digits, e.g. Q42956)")
    year = raw.get("year")
    if year is not None and not (isinstance(year, int) and 1000 <= year <= 2100):
        bad(f"year {year!r} is not a year")
    refs = {key: _id_list(raw.get(key), key, bad) for key in ("locatedIn", "partOf", "broader")}
    subclass = raw.get("subclass")
    if subclass is not None and subclass not in SUBCLASSES.get(cls, ()):
        allowed = ", ".join(SUBCLASSES.get(cls, ())) or "none"
        bad(f"subclass {subclass!r} is not a subclass of {cls} (allowed: {allowed})")
    if len(problems) > before:
        return None
    return Entity(
        id=str(entity_id),
        cls=cls,
        labels=labels,
        aliases=aliases,
        located_in=refs["locatedIn"],
        part_of=refs["partOf"],
        broader=refs["broader"],
        coordinates=coordinates,
        wikidata=wikidata,
        year=year,
        source=f"{shown}:{line}",
        subclass=subclass,
    )


def _parse_labels(raw: object, bad) -> dict[str, str]:
    if not isinstance(raw, dict):
        bad("'labels' must map a language (en, zh, ja, ru) to a name; a label without a language is not allowed")
        return {}
    labels: dict[str, str] = {}
    for lang, name in raw.items():
        if lang not in LANGUAGES:
            bad(f"label {name!r} has no known language ({lang!r}; expected one of {', '.join(LANGUAGES)})")
        elif not isinstance(name, str) or not name.strip():
            bad(f"label for {lang!r} is empty or not text")
        else:
            labels[lang] = name.strip()
    if "en" not in labels:
        bad("missing English label (labels.en)")
    return labels


def _parse_aliases(raw: object, bad) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        bad("'aliases' must map a language to a list of names; an alias without a language is not allowed")
        return {}
    aliases: dict[str, tuple[str, ...]] = {}
    for lang, names in raw.items():
        if lang not in LANGUAGES:
            bad(f"aliases under unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
            continue
        if names is None:
            continue
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            bad(f"aliases.{lang} must be a list of non-empty names")
            continue
        aliases[lang] = tuple(dict.fromkeys(n.strip() for n in names))
    return aliases


def _parse_coordinates(raw: object, cls: str, bad) -> tuple[float, float] | None:
    if raw is None:
        return None
    if cls not in PLACE_CLASSES:
        bad(f"coordinates given for a {cls}, which is not a place")
        return None
    if (
        not isinstance(raw, list)
        or len(raw) != 2
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw)
    ):
        bad(f"coordinates must be [latitude, longitude] in degrees, got {raw!r}")
        return None
    lat, lon = float(raw[0]), float(raw[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        bad(f"coordinates out of range: latitude {lat} must be in [-90, 90], longitude {lon} in [-180, 180]")
        return None
    return lat, lon


def _id_list(raw: object, key: str, bad) -> tuple[str, ...]:
    if raw is None:
        return ()
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        bad(f"'{key}' must be an id or a list of ids")
        return ()
    return tuple(values)


def _reference_problems(entities: Iterable[Entity], known: set[str]) -> list[Problem]:
    problems = []
    for entity in entities:
        for key, refs in (("locatedIn", entity.located_in), ("partOf", entity.part_of), ("broader", entity.broader)):
            for ref in refs:
                if ref not in known:
                    problems.append(
                        Problem(
                            entity.source.rsplit(":", 1)[0],
                            f"{key} refers to unknown id {ref!r}",
                            entity.id,
                            _line(entity.source),
                        )
                    )
                elif ref == entity.id:
                    problems.append(
                        Problem(
                            entity.source.rsplit(":", 1)[0], f"{key} refers to itself", entity.id, _line(entity.source)
                        )
                    )
    return problems
