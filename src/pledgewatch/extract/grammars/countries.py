"""Countries of the world by name and by adjective, for country mentions beyond the
reference data's few (which lists the region and its neighbours with their cities).

Names: the nominative Russian and English names of every ISO 3166-1 country from Babel's
CLDR data (``babel.Locale("ru").territories``, shipped in Babel's wheel, read offline), plus
the abbreviations and colloquial names of ``data/world_countries.yaml`` («США», «СССР»,
«Британия»). A name is looked up by its lemma or nominative («Японии» → «япония»).

Adjectives: stems from the same file, matched in any case form («итальянскому»,
«британской» → IT, GB), as NEREL tags them COUNTRY.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.grammars.numbers import FLAGS

# CLDR territory codes that are not countries
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ"}


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").replace("’", "'").split())


@cache
def _data() -> dict:
    text = resources.files("pledgewatch").joinpath("data/world_countries.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def _names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("en", "ru"):
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                names.setdefault(_norm(name), code)
    for code, aliases in (_data().get("names") or {}).items():
        for alias in aliases:
            names[_norm(alias)] = code
    return names


def country_code(*names: str | None) -> str | None:
    """The ISO code of the first of ``names`` (lemma, nominative or surface form of a place
    name) that names a country."""
    table = _names()
    for name in names:
        if name:
            code = table.get(_norm(name))
            if code:
                return code
    return None


def country_name(code: str, language: str = "ru") -> str:
    from babel import Locale

    if code == "SU":
        return "СССР" if language == "ru" else "Soviet Union"
    return Locale(language).territories.get(code, code)


_ENDINGS = r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|их|ых|ими|ыми)"


@cache
def _adjective_re() -> tuple[re.Pattern, dict[str, str]]:
    by_stem = {
        stem: code
        for code, stems in (_data().get("adjective_stems") or {}).items()
        for stem in stems
    }
    alternatives = "|".join(sorted(by_stem, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?P<stem>{alternatives}){_ENDINGS}(?![\w-])", FLAGS)
    return pattern, by_stem


def find_country_adjectives(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of each country adjective in ``text``."""
    pattern, by_stem = _adjective_re()
    return [(m.start(), m.end(), by_stem[m.group("stem").lower()]) for m in pattern.finditer(text)]
