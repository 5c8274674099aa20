"""Cities and regions named by their adjective («московского суда», «Каннского фестиваля»,
«нью-йоркском метро», «Калифорнийского университета», «подмосковном»), from the
hand-written stems of ``data/city_adjectives.yaml`` and ``data/regions.yaml``.

NEREL tags these as the city or the region. An adjective before a word for a region
(«Московская область», «Киевский район», «Башкирская республика») names that region, not
the city, and is left out.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.grammars.countries import ADJECTIVE_ENDINGS
from pledgewatch.extract.grammars.numbers import FLAGS, case_sensitive, lowered

_REGION_AFTER = re.compile(r"\s+(?:област|кра[йяюе]|район|губерни|уезд|республик|АССР|ССР)", FLAGS)


def _stems(name: str, key: str) -> dict[str, str]:
    """Adjective stem -> the place's nominative name, from one data file."""
    text = resources.files("pledgewatch").joinpath(f"data/{name}").read_text("utf-8")
    return {stem: place for place, stems in yaml.safe_load(text)[key].items() for stem in stems}


@cache
def _adjective_re() -> tuple[re.Pattern, dict[str, str]]:
    by_stem = _stems("city_adjectives.yaml", "stems") | _stems("regions.yaml", "adjective_stems")
    alternatives = "|".join(re.escape(s) for s in sorted(by_stem, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?P<stem>{alternatives}){ADJECTIVE_ENDINGS}(?![\w-])", FLAGS)
    return pattern, by_stem


def find_city_adjectives(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the place's nominative name) of each adjective of a city or region in
    ``text``; the name is a city or a region of the reference data, which types it."""
    pattern, by_stem = _adjective_re()
    return [
        (m.start(), m.end(), by_stem[m.group("stem").lower()])
        for m in (case_sensitive(pattern) or pattern).finditer(lowered(text))  # faster
        if not _REGION_AFTER.match(text, m.end())
    ]
