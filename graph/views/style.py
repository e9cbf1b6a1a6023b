"""How the views draw and name classes and predicates.

One colour and vis-network shape per class (the network and the map share them), a colour, width
and dash pattern per predicate. The explicit palette draws on Okabe–Ito and Paul Tol's colour-blind
safe sets with no colour used twice; relations are mostly greys told apart by dash pattern, so a
line never looks like a class. A class or predicate without an entry (a new one in the ontology)
gets the next unused colour and shape of a reserve, in name order, so it is still distinct and never
crashes a page. Words (class names, predicates, interface strings per language) are data in
words.yaml.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

SHAPES = ("dot", "square", "diamond", "triangle", "triangleDown", "star", "hexagon")

CLASS_STYLE: dict[str, tuple[str, str]] = {  # class → (colour, vis-network shape)
    "Country": ("#332288", "star"),
    "Region": ("#88CCEE", "hexagon"),
    "City": ("#0072B2", "dot"),
    "Port": ("#009E73", "triangle"),
    "Park": ("#999933", "square"),
    "Corridor": ("#DDAA33", "diamond"),
    "Industry": ("#CC6677", "dot"),
    "CooperationModel": ("#882255", "diamond"),
    "Program": ("#AA4499", "square"),
    "Project": ("#E69F00", "triangleDown"),
    "Organization": ("#44AA99", "triangleDown"),
    "Event": ("#D55E00", "star"),
    "GeoFeature": ("#117733", "hexagon"),
    "Infrastructure": ("#997700", "triangle"),
    "Company": ("#EE99AA", "square"),
    "GovernmentBody": ("#004488", "hexagon"),
    "Agreement": ("#F0E442", "hexagon"),
    "Document": ("#555555", "square"),
}
CLASS_RESERVE = ("#77AADD", "#BBCC33", "#FFAABB", "#AAAA00", "#99DDFF", "#EEDD88", "#44BB99", "#EE8866")

PREDICATE_STYLE: dict[str, dict] = {  # predicate → colour, width, dashes (False or a pattern in px)
    "locatedIn": {"color": "#BDBDBD", "width": 1.0, "dashes": False},
    "partOf": {"color": "#969696", "width": 1.5, "dashes": [2, 3]},
    "counterpartOf": {"color": "#252525", "width": 3.0, "dashes": False},
    "hinterlandOf": {"color": "#737373", "width": 2.5, "dashes": [8, 4]},
    "targetsIndustry": {"color": "#A6761D", "width": 1.5, "dashes": False},
    "appliesModel": {"color": "#66A61E", "width": 2.0, "dashes": False},
    "proposes": {"color": "#525252", "width": 1.5, "dashes": [1, 3]},
    "cooperatesWith": {"color": "#7570B3", "width": 2.5, "dashes": False},
    "adjoins": {"color": "#A6CEE3", "width": 2.0, "dashes": [4, 2]},
    "connects": {"color": "#1F78B4", "width": 2.0, "dashes": [6, 2, 2, 2]},
    "investsIn": {"color": "#B15928", "width": 2.0, "dashes": False},
    "fundedBy": {"color": "#B15928", "width": 1.5, "dashes": [6, 3]},
    "implements": {"color": "#66A61E", "width": 1.5, "dashes": [6, 3]},
    "participatesIn": {"color": "#7570B3", "width": 1.5, "dashes": [2, 2]},
    "hosts": {"color": "#A6761D", "width": 1.5, "dashes": [6, 3]},
    "signs": {"color": "#252525", "width": 1.5, "dashes": [2, 2]},
    "coMentionedWith": {"color": "rgba(120,120,120,0.25)", "width": 0.6, "dashes": [3, 3]},
}
PREDICATE_RESERVE = ("#E7298A", "#1B9E77", "#D95F02", "#666666", "#E6AB02")
DASH_RESERVE: tuple[list[int] | bool, ...] = (False, [6, 3], [2, 3], [8, 3, 2, 3])


def _spare(used: set[str], reserve: tuple[str, ...], index: int) -> str:
    """The index-th reserve colour not already used; past the reserve, golden-angle hues."""
    free = [c for c in reserve if c.upper() not in used]
    if index < len(free):
        return free[index]
    hue = (0.11 + 0.618034 * (index - len(free))) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.45, 0.6)
    return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"


def class_styles(names: list[str] | tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """(colour, shape) for every class named, explicit ones as listed, new ones from the reserve."""
    used = {colour.upper() for colour, _ in CLASS_STYLE.values()}
    new = sorted(n for n in set(names) if n not in CLASS_STYLE)
    styles = {n: CLASS_STYLE[n] for n in names if n in CLASS_STYLE}
    for i, name in enumerate(new):
        styles[name] = (_spare(used, CLASS_RESERVE, i), SHAPES[i % len(SHAPES)])
    return styles


def predicate_styles(names: list[str] | tuple[str, ...]) -> dict[str, dict]:
    """Colour, width and dashes for every predicate named; new ones from the reserve."""
    used = {str(s["color"]).upper() for s in PREDICATE_STYLE.values()}
    new = sorted(n for n in set(names) if n not in PREDICATE_STYLE)
    styles = {n: dict(PREDICATE_STYLE[n]) for n in names if n in PREDICATE_STYLE}
    for i, name in enumerate(new):
        styles[name] = {
            "color": _spare(used, PREDICATE_RESERVE, i),
            "width": 1.5,
            "dashes": DASH_RESERVE[i % len(DASH_RESERVE)],
        }
    return styles


def class_colour(cls: str) -> str:
    return class_styles([cls])[cls][0]


def spaced(name: str) -> str:
    """`targetsIndustry` → "targets industry", `CooperationModel` → "Cooperation model"."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).split()
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[:1].upper() + text[1:] if name[:1].isupper() else text


@dataclass(frozen=True)
class Words:
    """What a page says in one language: interface strings, class names, predicates in words."""

    lang: str
    interface: dict[str, str]
    classes: dict[str, str]
    predicates: dict[str, str]

    def cls(self, name: str) -> str:
        return self.classes.get(name) or spaced(name)

    def predicate(self, name: str) -> str:
        return self.predicates.get(name) or spaced(name)

    def say(self, key: str, **values: object) -> str:
        text = self.interface.get(key, key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text


@cache
def _data() -> dict:
    return yaml.safe_load((resources.files("amurkg.views") / "words.yaml").read_text(encoding="utf-8"))


def words(lang: str) -> Words:
    """The words of the views in `lang`, English where a word is missing."""
    data = _data()
    interface = dict(data["interface"]["en"], **data["interface"].get(lang, {}))

    def pick(table: dict[str, dict[str, str]]) -> dict[str, str]:
        return {name: names.get(lang) or names.get("en", "") for name, names in table.items()}

    return Words(lang, interface, pick(data["classes"]), pick(data["predicates"]))
