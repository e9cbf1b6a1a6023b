"""Which part of the network a view shows: the filters of `amurkg viz` and the size limit."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from amurkg.errors import InputError
from amurkg.views import DEFAULT_LIMIT
from amurkg.views.model import COMENTION, NODE_CLASSES, PREDICATES, Link, Network, Node

#: Containers that join almost everything: `--focus` does not walk on through them unless asked.
HUB_CLASSES = frozenset({"Country", "Region"})


@dataclass(frozen=True)
class Filters:
    classes: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()
    document: str = ""
    focus: str = ""  # an entity slug (resolve names with EntityIndex first)
    depth: int = 1
    min_degree: int = 0
    comentions: bool = False
    limit: int = DEFAULT_LIMIT
    through_hubs: bool = False  # with focus: walk on through countries and regions too

    @property
    def narrowing(self) -> bool:
        """Whether any filter narrows the graph (then the size limit does not cut it)."""
        return bool(self.classes or self.predicates or self.document or self.focus or self.min_degree)

    def describe(self) -> list[str]:
        """The filters in use, as the page header and the command line say them."""
        used = [f"class {', '.join(self.classes)}"] if self.classes else []
        if self.predicates:
            used.append(f"predicate {', '.join(self.predicates)}")
        if self.document:
            used.append(f"document {self.document}")
        if self.focus:
            used.append(f"focus {self.focus} (depth {self.depth}{', through hubs' if self.through_hubs else ''})")
        if self.min_degree:
            used.append(f"min degree {self.min_degree}")
        if self.comentions:
            used.append("co-mentions included")
        return used


@dataclass
class Selection:
    nodes: list[Node]  # sorted by slug
    links: list[Link]
    degree: dict[str, int]  # links in this view
    notes: list[str] = field(default_factory=list)  # e.g. that the size limit cut the graph
    total_nodes: int = 0  # before any filter
    total_degree: dict[str, int] = field(default_factory=dict)  # stated links in the whole graph
    focus: str = ""


def check_filters(network: Network, filters: Filters) -> None:
    """InputError naming every filter value that names nothing in the graph."""
    problems = []
    for cls in filters.classes:
        if cls not in NODE_CLASSES:
            problems.append(f"unknown class {cls!r}; expected one of {', '.join(NODE_CLASSES)}")
    for predicate in filters.predicates:
        if predicate not in PREDICATES + (COMENTION,):
            problems.append(f"unknown predicate {predicate!r}; expected one of {', '.join(PREDICATES + (COMENTION,))}")
    if filters.document and filters.document not in network.documents:
        problems.append(f"no document {filters.document!r}; documents: {', '.join(network.documents)}")
    if filters.focus and filters.focus not in network.nodes:
        problems.append(f"no entity {filters.focus!r} in the network")
    if filters.depth < 0 or filters.min_degree < 0 or filters.limit < 1:
        problems.append("--depth and --min-degree must be ≥ 0 and the limit ≥ 1")
    if problems:
        raise InputError.one("filter", "; ".join(problems))


def select(network: Network, filters: Filters) -> Selection:
    """Apply focus, class, document, predicate and degree filters, then the size limit.

    The focus neighbourhood is walked over every class (so a park is shown because it is linked to
    the focus, not merely because it is a park), then the class and document filters narrow it; the
    focus entity itself always stays. The walk does not go on through hubs (HUB_CLASSES) unless
    `through_hubs`: reaching the province is shown, everything else in the province is not.
    """
    check_filters(network, filters)
    comentions = filters.comentions or COMENTION in filters.predicates
    links = [l for l in network.links if l.predicate != COMENTION or comentions]
    if filters.predicates:
        links = [l for l in links if l.predicate in filters.predicates]
    keep = set(network.nodes)
    if filters.focus:
        hubs = set() if filters.through_hubs else {n for n, node in network.nodes.items() if node.cls in HUB_CLASSES}
        keep = _neighbourhood(filters.focus, links, filters.depth, hubs - {filters.focus})
    if filters.classes:
        keep = {n for n in keep if network.nodes[n].cls in filters.classes or n == filters.focus}
    if filters.document:
        keep = {
            n for n in keep if any(d == filters.document for d, _ in network.nodes[n].documents) or n == filters.focus
        }
    links = [l for l in links if l.source in keep and l.target in keep]
    if filters.predicates:
        keep = {end for l in links for end in (l.source, l.target)} | ({filters.focus} & keep)
    if filters.min_degree:  # links counted before this filter: "entities with at least N links"
        degree = _degree(links)
        keep = {n for n in keep if degree[n] >= filters.min_degree or n == filters.focus}
        links = [l for l in links if l.source in keep and l.target in keep]
    notes = []
    if len(keep) > filters.limit:
        if filters.narrowing:
            notes.append(f"{len(keep):,} nodes is above the limit of {filters.limit:,}: the page may be slow")
        else:
            degree = _degree(links)
            ranked = sorted(keep, key=lambda n: (-degree[n], n))
            notes.append(
                f"{len(keep):,} nodes is above the limit of {filters.limit:,}: showing the "
                f"{filters.limit:,} with the most links; use a filter to see the rest"
            )
            keep = set(ranked[: filters.limit])
            links = [l for l in links if l.source in keep and l.target in keep]
    total = _degree([l for l in network.links if l.predicate != COMENTION])
    return Selection(
        [network.nodes[n] for n in sorted(keep)],
        links,
        _degree(links),
        notes,
        len(network.nodes),
        {n: total.get(n, 0) for n in keep},
        filters.focus,
    )


def _degree(links: list[Link]) -> dict[str, int]:
    degree: dict[str, int] = defaultdict(int)
    for link in links:
        degree[link.source] += 1
        degree[link.target] += 1
    return degree


def _neighbourhood(start: str, links: list[Link], depth: int, stops: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
    """Nodes within `depth` links of `start`, links taken in either direction; the walk reaches
    nodes in `stops` but does not go on from them."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for link in links:
        adjacent[link.source].add(link.target)
        adjacent[link.target].add(link.source)
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        node, distance = queue.popleft()
        if distance == depth or (node in stops and node != start):
            continue
        for other in sorted(adjacent[node]):
            if other not in seen:
                seen.add(other)
                queue.append((other, distance + 1))
    return seen
