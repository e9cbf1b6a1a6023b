"""Synthetic corpora for the benchmark: the seed documents' sentences shuffled and recombined,
with invented place names mixed in, at a multiple of the seed corpus's size.

`generate_project(source, target, scale, seed)` writes a complete throwaway project folder
(`seeds/documents/`, `seeds/documents.yaml`, `seeds/catalog/` = the source catalog plus
`bench_places.yaml` with the invented cities, `ontology/`) that `amurkg build --root` builds like
the real one. The same source, scale and seed always give the same bytes.

Each synthetic document has one language, drawn in proportion to the seed corpus's bytes per
language (the first four documents cover the four languages), and a size drawn between 2 and
40 kB; its sentences (`split_sentences`) come from the seed documents of that language. In about
half of the sentences that name a Chinese or Russian city, port or region of the catalog, the
first such name is replaced by an invented city of the same country (Chinese-style names for
China, Russian-style for Russia), so the linker has more names to find and the graph more entities.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from amurkg.corpus.catalog import Catalog, load_catalog
from amurkg.corpus.documents import load_documents
from amurkg.layout import Layout
from amurkg.namespaces import LANGUAGES
from amurkg.text.sentences import split_sentences

EXTRA_CATALOG = "bench_places.yaml"
MIN_DOCUMENT, MAX_DOCUMENT = 2_000, 40_000  # bytes of a synthetic document
REPLACE_RATE = 0.5
SWAPPED_CLASSES = ("City", "Port", "Region")  # names an invented city may stand in for
NAMES_PER_SCALE, MAX_NAMES = 40, 4_000

# Chinese-style names: three syllables (pinyin, hanzi, Russian Palladius transcription).
_CN = [
    ("an", "安", "ань"),
    ("bao", "宝", "бао"),
    ("dong", "东", "дун"),
    ("feng", "丰", "фэн"),
    ("fu", "富", "фу"),
    ("hai", "海", "хай"),
    ("hong", "宏", "хун"),
    ("hua", "华", "хуа"),
    ("jia", "佳", "цзя"),
    ("jin", "金", "цзинь"),
    ("lin", "林", "линь"),
    ("long", "龙", "лун"),
    ("ming", "明", "мин"),
    ("ning", "宁", "нин"),
    ("ping", "平", "пин"),
    ("qing", "庆", "цин"),
    ("rui", "瑞", "жуй"),
    ("shan", "山", "шань"),
    ("tai", "泰", "тай"),
    ("tong", "通", "тун"),
    ("xing", "兴", "син"),
    ("yan", "延", "янь"),
    ("yong", "永", "юн"),
    ("chang", "长", "чан"),
    ("zheng", "正", "чжэн"),
    ("he", "河", "хэ"),
    ("yang", "阳", "ян"),
    ("ling", "岭", "лин"),
]
# Russian-style names: prefix + one or two middles + suffix (English, Russian, katakana, hanzi).
_RU_PREFIX = [
    ("Za", "За", "ザ", "扎"),
    ("Bel", "Бел", "ベル", "别尔"),
    ("No", "Но", "ノ", "诺"),
    ("Ka", "Ка", "カ", "卡"),
    ("Mir", "Мир", "ミル", "米尔"),
    ("Le", "Ле", "レ", "列"),
    ("Tro", "Тро", "トロ", "特罗"),
    ("Gor", "Гор", "ゴル", "戈尔"),
    ("Vo", "Во", "ヴォ", "沃"),
    ("Ra", "Ра", "ラ", "拉"),
    ("Se", "Се", "セ", "谢"),
    ("To", "То", "ト", "托"),
]
_RU_MIDDLE = [
    ("ri", "ри", "リ", "里"),
    ("lo", "ло", "ロ", "洛"),
    ("va", "ва", "ヴァ", "瓦"),
    ("ne", "не", "ネ", "涅"),
    ("do", "до", "ド", "多"),
    ("ma", "ма", "マ", "马"),
]
_RU_SUFFIX = [
    ("insk", "инск", "インスク", "因斯克"),
    ("ovsk", "овск", "オフスク", "奥夫斯克"),
    ("grad", "град", "グラード", "格勒"),
    ("evo", "ево", "エヴォ", "耶沃"),
    ("ovka", "овка", "オフカ", "奥夫卡"),
    ("yarsk", "ярск", "ヤルスク", "亚尔斯克"),
]
# Where invented cities lie (id in the catalog, latitude and longitude ranges).
_HOME = {
    "china": ("heilongjiang", (44.0, 53.0), (122.0, 134.0)),
    "russia": ("primorsky-krai", (42.5, 48.0), (131.0, 139.0)),
}


@dataclass(frozen=True)
class InventedCity:
    id: str
    country: str  # "china" or "russia"
    labels: dict[str, str]
    coordinates: tuple[float, float]


@dataclass
class CorpusStats:
    """What was generated."""

    folder: Path
    scale: float
    seed: int
    documents: int = 0
    bytes: int = 0
    by_language: Counter = field(default_factory=Counter)  # documents per language
    invented_names: int = 0
    replaced_names: int = 0

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6


def invent_cities(count: int, taken: set[str], rng: random.Random) -> list[InventedCity]:
    """`count` new cities, half Chinese-style, half Russian-style, with labels in four languages
    that differ from every name in `taken` (compared case-folded) and from each other."""
    cities: list[InventedCity] = []
    seen = {name.casefold() for name in taken}
    attempts = 0
    while len(cities) < count:
        attempts += 1
        if attempts > 50 * count + 1000:
            raise ValueError(f"cannot invent {count} distinct names")
        country = "china" if len(cities) % 2 == 0 else "russia"
        if country == "china":
            parts: list[tuple[str, ...]] = [rng.choice(_CN) for _ in range(3)]
            en = "".join(p[0] for p in parts).capitalize()
            hanzi = "".join(p[1] for p in parts)
            labels = {"en": en, "zh": hanzi, "ja": hanzi, "ru": "".join(p[2] for p in parts).capitalize()}
        else:
            parts = [rng.choice(_RU_PREFIX), *(rng.choice(_RU_MIDDLE) for _ in range(rng.randint(1, 2)))]
            parts.append(rng.choice(_RU_SUFFIX))
            labels = {
                "en": "".join(p[0] for p in parts),
                "ru": "".join(p[1] for p in parts),
                "ja": "".join(p[2] for p in parts),
                "zh": "".join(p[3] for p in parts),
            }
        keys = {labels["en"].casefold(), labels["zh"], labels["ru"].casefold(), labels["ja"]}
        if keys & seen:
            continue
        seen |= keys
        _, (lat0, lat1), (lon0, lon1) = _HOME[country]
        coordinates = (round(rng.uniform(lat0, lat1), 4), round(rng.uniform(lon0, lon1), 4))
        cities.append(InventedCity(f"bench-{labels['en'].lower()}", country, labels, coordinates))
    return cities


def _catalog_yaml(cities: list[InventedCity]) -> str:
    entries = [
        {
            "id": c.id,
            "labels": {lang: c.labels[lang] for lang in LANGUAGES},
            "locatedIn": _HOME[c.country][0],
            "coordinates": list(c.coordinates),
        }
        for c in cities
    ]
    header = "# Invented cities of a synthetic benchmark corpus (amurkg bench); not real places.\n"
    return header + yaml.safe_dump(
        {"class": "City", "entities": entries}, allow_unicode=True, sort_keys=False, width=200
    )


class _NameSwapper:
    """Replaces the first place name of a sentence (SWAPPED_CLASSES) by an invented city of the same country."""

    def __init__(self, catalog: Catalog, cities: list[InventedCity]):
        self.patterns: dict[str, re.Pattern] = {}
        self.country_of: dict[tuple[str, str], str] = {}
        for lang in LANGUAGES:
            names: list[str] = []
            for entity in (e for e in catalog if e.cls in SWAPPED_CLASSES):
                country = catalog.country_of(entity.id)
                if country not in _HOME:
                    continue
                for name_lang, name in entity.names():
                    if name_lang == lang and len(name) >= 2:
                        names.append(name)
                        self.country_of[(lang, name)] = country
            names = sorted(set(names), key=lambda n: (-len(n), n))
            if names:
                escaped = "|".join(re.escape(n) for n in names)
                bound = (r"(?<![\w])(%s)(?![\w])" if lang in ("en", "ru") else "(%s)") % escaped
                self.patterns[lang] = re.compile(bound)
        self.cities = {country: [c for c in cities if c.country == country] for country in _HOME}

    def swap(self, sentence: str, lang: str, rng: random.Random) -> tuple[str, bool]:
        pattern = self.patterns.get(lang)
        match = pattern.search(sentence) if pattern else None
        if match is None or rng.random() >= REPLACE_RATE:
            return sentence, False
        pool = self.cities[self.country_of[(lang, match.group(1))]]
        if not pool:
            return sentence, False
        name = rng.choice(pool).labels[lang]
        return sentence[: match.start(1)] + name + sentence[match.end(1) :], True


def sentence_pools(layout: Layout, catalog: Catalog) -> tuple[dict[str, list[str]], Counter]:
    """The seed sentences per language, and the seed corpus's bytes per language."""
    documents = load_documents(layout.document_listing, layout.documents, layout.root, set(catalog.entities))
    pools: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    sizes: Counter = Counter()
    for document in documents:
        text = document.read_text()
        sizes[document.language] += len(text.encode("utf-8"))
        pools[document.language] += [text[s.start : s.end] for s in split_sentences(text, document.language)]
    return pools, sizes


def _document_text(pool: list[str], lang: str, size: int, swapper: _NameSwapper, rng: random.Random) -> tuple[str, int]:
    cjk = lang in ("zh", "ja")
    paragraphs: list[str] = []
    total = swaps = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 8)):
            sentence, swapped = swapper.swap(rng.choice(pool), lang, rng)
            swaps += swapped
            sentences.append(sentence)
        paragraph = ("" if cjk else " ").join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return ("\n" if cjk else "\n\n").join(paragraphs) + "\n", swaps


def generate_project(
    source: Layout,
    target: Path,
    scale: float,
    seed: int = 0,
    progress=lambda _: None,
    single: tuple[str, int] | None = None,
) -> CorpusStats:
    """Write a synthetic project of about `scale` × the seed corpus's bytes into `target` (which must
    be empty or absent). `single` = (language, bytes): instead, one document of that size and language."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    rng = random.Random(seed)
    catalog = load_catalog(source.catalog, source.root)
    pools, sizes = sentence_pools(source, catalog)
    taken = {name for entity in catalog for _, name in entity.names()}
    count = min(MAX_NAMES, max(8, round(NAMES_PER_SCALE * scale)))
    cities = invent_cities(count, taken, rng)
    swapper = _NameSwapper(catalog, cities)
    stats = CorpusStats(target, scale, seed, invented_names=len(cities))

    project = Layout(target)
    shutil.copytree(source.root / "ontology", target / "ontology")
    shutil.copytree(source.catalog, project.catalog, ignore=shutil.ignore_patterns(".*"))
    (project.catalog / EXTRA_CATALOG).write_text(_catalog_yaml(cities), encoding="utf-8")
    project.documents.mkdir(parents=True)

    languages = [lang for lang in LANGUAGES if pools[lang]]
    weights = [sizes[lang] for lang in languages]
    budget = single[1] if single else round(scale * sum(sizes.values()))
    listing = []
    index = 0
    while stats.bytes < budget and not (single and stats.documents):
        lang = languages[index] if index < len(languages) else rng.choices(languages, weights)[0]
        # small corpora still get several documents (one per language at least)
        size = min(rng.randint(MIN_DOCUMENT, MAX_DOCUMENT), max(budget // 4, 200), max(budget - stats.bytes, 200))
        if single:
            lang, size = single
        text, swaps = _document_text(pools[lang], lang, size, swapper, rng)
        doc_id = f"bench-{index:06d}"
        file_name = f"{doc_id}.txt"
        data = text.encode("utf-8")
        (project.documents / file_name).write_bytes(data)
        listing.append(
            {
                "id": doc_id,
                "file": file_name,
                "language": lang,
                "title": {
                    "original": f"Synthetic document {index} ({lang})",
                    "en": f"Synthetic document {index} ({lang})",
                },
                "year": 2000 + index % 25,
            }
        )
        stats.documents += 1
        stats.bytes += len(data)
        stats.by_language[lang] += 1
        stats.replaced_names += swaps
        index += 1
        if index % 500 == 0:
            progress(f"generated {index:,} documents, {stats.megabytes:.1f} MB")
    header = f"# Synthetic benchmark corpus: scale {scale:g}, seed {seed} (amurkg bench); not real documents.\n"
    project.document_listing.write_text(
        header + yaml.safe_dump(listing, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
    )
    return stats
