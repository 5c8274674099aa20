"""Cities named by their adjective («московского суда», «Каннского фестиваля»,
«нью-йоркском метро»), from the hand-written stems of ``data/city_adjectives.yaml``.

NEREL tags these as the city. An adjective before a word for a region («Московская
область», «Киевский район») names the region, not the city, and is left out.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.grammars.countries import ADJECTIVE_ENDINGS
from pledgewatch.extract.grammars.numbers import FLAGS

_REGION_AFTER = re.compile(r"\s+(?:област|кра[йяюе]|район|губерни|уезд)", FLAGS)


@cache
def _adjective_re() -> tuple[re.Pattern, dict[str, str]]:
    text = resources.files("pledgewatch").joinpath("data/city_adjectives.yaml").read_text("utf-8")
    by_stem = {
        stem: city for city, stems in yaml.safe_load(text)["stems"].items() for stem in stems
    }
    alternatives = "|".join(re.escape(s) for s in sorted(by_stem, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?P<stem>{alternatives}){ADJECTIVE_ENDINGS}(?![\w-])", FLAGS)
    return pattern, by_stem


def find_city_adjectives(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the city's nominative name) of each city adjective in ``text``."""
    pattern, by_stem = _adjective_re()
    return [
        (m.start(), m.end(), by_stem[m.group("stem").lower()])
        for m in pattern.finditer(text)
        if not _REGION_AFTER.match(text, m.end())
    ]
