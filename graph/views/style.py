"""How the views draw classes and predicates: one colour per class (the network and the map share
them), a vis-network shape per class, a colour and line style per predicate."""

from __future__ import annotations

from amurkg.views.model import COMENTION, NODE_CLASSES, PREDICATES

CLASS_STYLE: dict[str, tuple[str, str]] = {  # class → (colour, vis-network shape)
    "Country": ("#d62728", "star"),
    "Region": ("#ff7f0e", "hexagon"),
    "City": ("#1f77b4", "dot"),
    "Port": ("#17becf", "triangle"),
    "Park": ("#2ca02c", "square"),
    "Corridor": ("#bcbd22", "diamond"),
    "Industry": ("#9467bd", "dot"),
    "CooperationModel": ("#e377c2", "diamond"),
    "Program": ("#8c564b", "square"),
    "Project": ("#b8860b", "triangleDown"),
    "Organization": ("#393b79", "triangleDown"),
    "Event": ("#e7969c", "star"),
    "GeoFeature": ("#6baed6", "hexagon"),
    "Document": ("#525252", "square"),
}
assert set(CLASS_STYLE) == set(NODE_CLASSES)

PREDICATE_STYLE: dict[str, dict] = {  # predicate → colour, width, dashes
    "locatedIn": {"color": "#9e9e9e", "width": 1.2},
    "partOf": {"color": "#8d6e63", "width": 1.5},
    "counterpartOf": {"color": "#d62728", "width": 3.0},
    "hinterlandOf": {"color": "#ff7f0e", "width": 2.5},
    "targetsIndustry": {"color": "#9467bd", "width": 1.5},
    "appliesModel": {"color": "#e377c2", "width": 2.0},
    "proposes": {"color": "#525252", "width": 1.5},
    "cooperatesWith": {"color": "#2ca02c", "width": 2.5},
    "adjoins": {"color": "#17becf", "width": 2.0},
    "connects": {"color": "#1f77b4", "width": 2.5},
    "investsIn": {"color": "#bcbd22", "width": 2.0},
    "fundedBy": {"color": "#8c564b", "width": 1.5, "dashes": True},
    "implements": {"color": "#7f7f7f", "width": 1.5},
    "participatesIn": {"color": "#aec7e8", "width": 1.5},
    "hosts": {"color": "#e7969c", "width": 2.0},
    "signs": {"color": "#393b79", "width": 2.0},
    COMENTION: {"color": "rgba(120,120,120,0.25)", "width": 0.6, "dashes": True},
}
assert set(PREDICATE_STYLE) == set(PREDICATES) | {COMENTION}


def class_colour(cls: str) -> str:
    return CLASS_STYLE[cls][0]
