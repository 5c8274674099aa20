"""Countries of the world by name and by adjective, for country mentions beyond the
reference data's few (which lists the region and its neighbours with their cities).

Names: the nominative Russian and English names of every ISO 3166-1 country from Babel's
CLDR data (``babel.Locale("ru").territories``, shipped in Babel's wheel, read offline), plus
the abbreviations and colloquial names of ``data/world_countries.yaml`` («США», «СССР»,
«Британия»). A name is looked up by its lemma or nominative («Японии» → «япония»).

Adjectives: stems from the same file, matched in any case form («итальянскому»,
«британской» → IT, GB), as NEREL tags them COUNTRY; also the first part of a compound
(«российско-британской»). An adjective before a word for a person («британский актёр»)
names a nationality, not the state, and is left out.

Names in running text (:func:`find_country_names`): the same names in every case form
(pymorphy3 inflects them once per process), found also where the NER model sees none,
inside an organization's or a law's name («Банка России», «УК РФ»).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.grammars.numbers import FLAGS, lowered, word_alternation

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
    # an inflected form whose lemma came out wrong («Соединённых Штатов» lemmatized as
    # «Соединени Штатов»): the forms the trie of country names knows
    by_form = _name_forms()[1]
    for name in names:
        if name:
            code = by_form.get(name.lower().replace("ё", "е"))
            if code:
                return code
    return None


# States that no longer exist, which CLDR does not name.
_FORMER_STATES = {
    "SU": ("СССР", "Soviet Union"),
    "YU": ("Югославия", "Yugoslavia"),
    "CS": ("Чехословакия", "Czechoslovakia"),
}


def country_name(code: str, language: str = "ru") -> str:
    from babel import Locale

    if code in _FORMER_STATES:
        return _FORMER_STATES[code][0 if language == "ru" else 1]
    return Locale(language).territories.get(code, code)


ADJECTIVE_ENDINGS = (
    r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|их|ых|ими|ыми)"
)


@cache
def _adjective_re() -> tuple[re.Pattern, dict[str, str]]:
    by_stem = {
        stem: code
        for code, stems in (_data().get("adjective_stems") or {}).items()
        for stem in stems
    }
    alternatives = "|".join(sorted(by_stem, key=len, reverse=True))
    # «российско-британской»: both parts, the first ending in «о» before the hyphen
    pattern = re.compile(
        rf"(?:(?<![\w-])|(?P<second>(?<=\wо-)))(?P<stem>{alternatives})"
        rf"(?:{ADJECTIVE_ENDINGS}(?![\w-])|(?P<first>о)(?=-\w))",
        FLAGS & ~re.IGNORECASE,  # run on the lower-cased text: the same matches, faster
    )
    return pattern, by_stem


def find_country_adjectives(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of each country adjective in ``text`` that names the state,
    not a person's nationality («британский актёр»)."""
    pattern, by_stem = _adjective_re()
    return [
        (m.start(), m.end(), by_stem[m.group("stem").lower()])
        for m in pattern.finditer(lowered(text))
        if m.group("first") is not None
        or m.group("second") is not None
        or not _person_noun_after(text, m.end())
    ]


_NEXT_WORD = re.compile(r"[\s,]+([\w-]+)")


@cache
def _nationality_nouns() -> frozenset[str]:
    return frozenset(_data().get("nationality_nouns") or ())


def _person_noun_after(text: str, end: int) -> bool:
    """Whether the noun the adjective goes with is a person named by an occupation of the
    arts, sport, science or business («российский боксёр», «советского и российского
    актёра»), looking past other adjectives and «и»."""
    from pledgewatch.extract.nlp import _morph

    for _ in range(4):
        match = _NEXT_WORD.match(text, end)
        if match is None:
            return False
        word, end = match.group(1).lower(), match.end()
        if word == "и":
            continue
        parse = _morph().parse(word.split("-")[0])[0]
        if parse.tag.POS in ("ADJF", "PRTF"):
            continue
        return parse.normal_form.replace("ё", "е") in _nationality_nouns()
    return False


# Names that are also ordinary words or first names when capitalised («Того же…», the
# name Доминика, Jordan, Chad): never matched in running text.
_AMBIGUOUS_NAMES = frozenset(
    {"того", "доминика", "jordan", "georgia", "chad", "jersey", "turkey", "guinea", "man"}
)
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@cache
def _name_forms() -> tuple[re.Pattern, dict[str, str]]:
    """A trie pattern over the lower-cased forms of every country name, and form -> code."""
    by_form: dict[str, str] = {}
    for name, code in _names().items():
        if name in _AMBIGUOUS_NAMES or len(name) < 2:
            continue
        for form in _inflected(name):
            by_form.setdefault(form, code)
    return re.compile(rf"(?<![\w-])(?:{word_alternation(by_form)})(?!\w)"), by_form


def _inflected(name: str) -> set[str]:
    """«южная корея» → «южной кореи», «южную корею», …; words not in the nominative
    («америки» of «соединенные штаты америки») and Latin names stay as they are."""
    forms = {name}
    if not re.search("[а-я]", name):
        return forms
    from pledgewatch.extract.nlp import _morph

    words = name.split()
    parses = [_nominative_parse(_morph().parse(w)) for w in words]
    for case in _CASES:
        inflected = []
        for word, parse in zip(words, parses, strict=True):
            if parse.tag.case == "nomn" and parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
                form = parse.inflect({case, parse.tag.number or "sing"})
                word = form.word if form else word
            inflected.append(word)
        forms.add(" ".join(inflected).replace("ё", "е"))
    return forms


def _nominative_parse(parses):
    """The reading in the nominative if there is one («соединенные»: not the accusative)."""
    return next((p for p in parses if p.tag.case == "nomn"), parses[0])


def find_country_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of each capitalised country name in ``text``, in any case
    form («перу» is a feather's dative, «Перу» the country), with «Республика» or
    «Королевство» before it («Республике Кипр», «Королевство Эсватини»)."""
    pattern, by_form = _name_forms()
    found = []
    for match in pattern.finditer(lowered(text).replace("ё", "е")):
        if text[match.start()].isupper():
            state = _STATE_WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
            start = state.start() if state else match.start()  # «Республики Кипр»
            found.append((start, match.end(), by_form[match.group()]))
    return found


_STATE_WORD_BEFORE = re.compile(r"(?<![\w-])(?:Республик|Королевств)\w{0,3}\s+$")
