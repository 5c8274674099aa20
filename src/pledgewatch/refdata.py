"""Reference data the project ships: legal provisions, codes, instruments and their
commitments, known organizations, countries, cities and regions.

The data lives in ``pledgewatch/data/*.yaml`` (package data) and every entry cites the public
pages its facts were read at.  This module loads it once (``functools.cache``), validates it
against the controlled vocabularies in :mod:`pledgewatch.model.vocab`, and offers lookups:

- :func:`provision` — ``provision("KZ", "174")``, ``provision("KZ-CC-2014", "174")``,
  ``provision("УК РК", "174")``; an earlier edition finds the renumbered article
  (``provision("KZ-CC-1997", "164")`` is ``KZ-CC-2014:174``).
- :func:`provisions_for_category`, :func:`find_offences`, :func:`offence_category`,
  :func:`provisions_for_offence` — map an offence named in words to its category/article.
- :func:`organization_by_alias` — case-, quote- and ё-insensitive; also "Name (ACRONYM)".
- :func:`instrument_by_alias`, :func:`find_commitments`.
- :func:`country_by_name`, :func:`country_by_adjective`, :func:`country_by_demonym`,
  :func:`city_by_name`, :func:`region_by_name` — on nominative forms (the caller lemmatizes).

Invalid data raises :class:`RefDataError` when it is first loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pledgewatch.model.vocab import CHARGE_CATEGORIES, DESIGNATION_KINDS, REGION, THEMES

__all__ = [
    "CODE_KINDS",
    "INSTRUMENT_KINDS",
    "ORGANIZATION_KINDS",
    "REGION",
    "City",
    "Code",
    "Commitment",
    "CommitmentMatch",
    "Country",
    "Designation",
    "Instrument",
    "OffenceMatch",
    "Organization",
    "Provision",
    "RefDataError",
    "Region",
    "city_by_name",
    "cities",
    "code",
    "code_by_alias",
    "codes",
    "commitment",
    "commitments",
    "countries",
    "country",
    "country_by_adjective",
    "country_by_demonym",
    "country_by_name",
    "find_commitments",
    "find_offences",
    "instrument",
    "instrument_by_alias",
    "instruments",
    "normalize_article",
    "normalize_name",
    "offence_category",
    "organization",
    "organization_by_alias",
    "organizations",
    "provision",
    "provisions",
    "provisions_for_category",
    "provisions_for_offence",
    "region_by_name",
    "regions",
]

INSTRUMENT_KINDS = ("declaration", "treaty", "law", "draft_law", "decree")
CODE_KINDS = ("criminal", "administrative")
ORGANIZATION_KINDS = ("ngo", "un_body", "party", "movement", "media")

# Parties to an instrument that are not countries.
_NON_COUNTRY_PARTIES = ("EU",)

_URL = re.compile(r"^https?://\S+$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class RefDataError(ValueError):
    """The shipped reference data is invalid."""


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Code:
    """A legal code (criminal code of a country, code of administrative offences)."""

    id: str  # "KZ-CC-2014"
    country: str  # ISO 3166-1 alpha-2
    kind: str  # one of CODE_KINDS
    name_ru: str
    name_en: str
    date: str | None  # ISO date of adoption, may be partial
    earlier_edition: str | None  # the code whose numbers Provision.article_1997 gives
    aliases: tuple[str, ...]
    notes: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Provision:
    """One article of a code that recurs in political cases."""

    id: str  # "KZ-CC-2014:174"
    country: str
    code: str  # Code.id
    article: str  # "174", "244-1"
    article_1997: str | None  # the same offence in the earlier edition (Code.earlier_edition)
    category: str  # one of CHARGE_CATEGORIES
    title_ru: str
    title_en: str
    keywords_ru: tuple[str, ...]
    keywords_en: tuple[str, ...]
    notes: str | None
    sources: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.keywords_ru + self.keywords_en

    def title(self, language: str = "en") -> str:
        return self.title_ru if language == "ru" else self.title_en


@dataclass(frozen=True)
class Commitment:
    """A commitment made in an instrument."""

    id: str  # "eu-ca-summit-2025:expression"
    instrument: str  # Instrument.id
    theme: str  # one of THEMES
    text_en: str
    text_ru: str
    keywords_ru: tuple[str, ...]
    keywords_en: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.keywords_ru + self.keywords_en

    def text(self, language: str = "en") -> str:
        return self.text_ru if language == "ru" else self.text_en


@dataclass(frozen=True)
class Instrument:
    """A declaration, treaty, law, draft law or decree as a whole."""

    id: str
    kind: str  # one of INSTRUMENT_KINDS
    name_ru: str
    name_en: str
    date: str | None  # ISO, may be partial ("2025-02")
    place: str | None
    parties: tuple[str, ...]  # ISO codes, plus "EU"
    aliases: tuple[str, ...]
    commitments: tuple[Commitment, ...]
    notes: str | None
    sources: tuple[str, ...]

    def name(self, language: str = "en") -> str:
        return self.name_ru if language == "ru" else self.name_en


@dataclass(frozen=True)
class Designation:
    """An organization designated extremist/terrorist/... by a country."""

    kind: str  # one of DESIGNATION_KINDS
    country: str
    date: str | None
    authority: str | None
    source: str


@dataclass(frozen=True)
class Organization:
    id: str
    kind: str  # one of ORGANIZATION_KINDS
    name_ru: str | None
    name_en: str | None
    acronym: str | None
    other_names: tuple[tuple[str, str], ...]  # (language, name), e.g. ("fr", "Fédération ...")
    aliases: tuple[str, ...]
    country: str | None  # ISO code of the seat; None for intergovernmental bodies
    designations: tuple[Designation, ...]
    notes: str | None
    sources: tuple[str, ...]

    def name(self, language: str = "en") -> str:
        """The name in ``language`` ("ru", "en", "fr", ...), falling back to English, Russian."""
        if language == "ru" and self.name_ru:
            return self.name_ru
        for lang, name in self.other_names:
            if lang == language:
                return name
        return self.name_en or self.name_ru or self.acronym or self.id

    @property
    def all_names(self) -> tuple[str, ...]:
        names = [self.name_ru, self.name_en, self.acronym]
        names += [name for _, name in self.other_names]
        names += list(self.aliases)
        return tuple(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class City:
    name_ru: str
    name_en: str
    country: str
    aliases: tuple[str, ...]
    capital: bool


@dataclass(frozen=True)
class Region:
    """A first-level division of a country: «Алматинская область», «Татарстан», "Texas"."""

    name_ru: str
    name_en: str
    country: str  # ISO 3166-1 alpha-2 of the country it belongs to
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name_ru: str
    name_en: str
    official_name_ru: str | None
    official_name_en: str | None
    aliases: tuple[str, ...]
    adjectives_ru: tuple[str, ...]
    adjectives_en: tuple[str, ...]
    demonyms_ru: tuple[str, ...]
    capital: City | None
    cities: tuple[City, ...]
    sources: tuple[str, ...]

    @property
    def region(self) -> bool:
        """True for the five Central Asian states."""
        return self.code in REGION

    def name(self, language: str = "en") -> str:
        return self.name_ru if language == "ru" else self.name_en


@dataclass(frozen=True)
class OffenceMatch:
    """An offence named in words, found by :func:`find_offences`."""

    start: int
    end: int
    text: str
    keyword: str
    category: str
    provisions: tuple[str, ...]  # ids of the provisions that list the keyword


@dataclass(frozen=True)
class CommitmentMatch:
    """A reference to a commitment, found by :func:`find_commitments`."""

    start: int
    end: int
    text: str
    keyword: str
    theme: str
    commitments: tuple[str, ...]  # ids of the commitments that list the keyword


# --------------------------------------------------------------------------- normalization

_QUOTES = "«»„“”‟\"'‘’‚‛‹›`´ʻ"
_DASHES = "‐‑‒–—―−"
_QUOTE_TABLE = str.maketrans({c: " " for c in _QUOTES} | {c: "-" for c in _DASHES})
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def normalize_name(text: str) -> str:
    """Fold a name for lookups: case, ё→е, quotes dropped, dashes unified, spaces collapsed,
    surrounding punctuation stripped.  «Адил соз», "Адил Соз" and адил  соз are equal."""
    text = text.translate(_QUOTE_TABLE).casefold().replace("ё", "е")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:!?()[]")


def normalize_article(article: str | int) -> str:
    """``"174"``, ``174``, ``"244¹"``, ``"244.1"``, ``"ст. 244-1"`` → ``"174"``/``"244-1"``."""
    text = str(article).strip().casefold()
    text = re.sub(r"^(статья|статьи|статье|ст\.?|article|art\.?|бап|modda)\s*", "", text)
    text = re.sub(r"(\d)([¹²³⁴⁵⁶⁷⁸⁹⁰]+)", lambda m: m[1] + "-" + m[2], text)
    text = text.translate(_SUPERSCRIPTS)
    text = re.sub(r"\s*[.\-‐‑‒–—_/]\s*", "-", text)
    return re.sub(r"\s+", "", text)


def _fold_same_length(text: str) -> str:
    """Lower-case and ё→е without changing offsets."""
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).replace("ё", "е")


# --------------------------------------------------------------------------- loading


def _read_yaml(name: str) -> dict[str, Any]:
    text = resources.files("pledgewatch.data").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise RefDataError(f"{name}: expected a mapping at the top level")
    return data


def _tuple(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RefDataError(f"{where}: {field} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _str(entry: dict, field: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(field)
    if value is None:
        if required:
            raise RefDataError(f"{where}: missing {field}")
        return None
    if not isinstance(value, str | int | float) or not str(value).strip():
        raise RefDataError(f"{where}: {field} must be a non-empty string")
    return str(value).strip()


def _sources(entry: dict, where: str) -> tuple[str, ...]:
    sources = _tuple(entry.get("sources"), where, "sources")
    if not sources:
        raise RefDataError(f"{where}: at least one source is required")
    for url in sources:
        if not _URL.match(url):
            raise RefDataError(f"{where}: source is not an http(s) URL: {url!r}")
    return sources


def _country_code(value: Any, where: str, field: str = "country") -> str:
    if not isinstance(value, str) or not _ISO2.match(value):
        raise RefDataError(f"{where}: {field} must be an ISO 3166-1 alpha-2 code, got {value!r}")
    return value


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    value = str(value)
    if not _DATE.match(value):
        raise RefDataError(f"{where}: date must be ISO (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for id_ in ids:
        if id_ in seen:
            raise RefDataError(f"duplicate {what} id: {id_}")
        seen.add(id_)


@cache
def _provisions_file() -> tuple[tuple[Code, ...], tuple[Provision, ...]]:
    data = _read_yaml("provisions.yaml")
    codes_: list[Code] = []
    for i, entry in enumerate(data.get("codes") or []):
        where = f"provisions.yaml codes[{i}]"
        id_ = _str(entry, "id", where)
        where = f"provisions.yaml code {id_}"
        kind = _str(entry, "kind", where)
        if kind not in CODE_KINDS:
            raise RefDataError(f"{where}: kind {kind!r} not in {CODE_KINDS}")
        codes_.append(
            Code(
                id=id_,
                country=_country_code(entry.get("country"), where),
                kind=kind,
                name_ru=_str(entry, "name_ru", where),
                name_en=_str(entry, "name_en", where),
                date=_date(entry.get("date"), where),
                earlier_edition=_str(entry, "earlier_edition", where, required=False),
                aliases=_tuple(entry.get("aliases"), where, "aliases"),
                notes=_str(entry, "notes", where, required=False),
                sources=_sources(entry, where),
            )
        )
    _unique([c.id for c in codes_], "code")
    by_id = {c.id: c for c in codes_}
    for c in codes_:
        if c.earlier_edition is not None:
            earlier = by_id.get(c.earlier_edition)
            if earlier is None or earlier.country != c.country:
                raise RefDataError(f"code {c.id}: unknown earlier_edition {c.earlier_edition!r}")

    provisions_: list[Provision] = []
    for i, entry in enumerate(data.get("provisions") or []):
        where = f"provisions.yaml provisions[{i}]"
        id_ = _str(entry, "id", where)
        where = f"provisions.yaml provision {id_}"
        code_id = _str(entry, "code", where)
        code_ = by_id.get(code_id)
        if code_ is None:
            raise RefDataError(f"{where}: unknown code {code_id!r}")
        country_ = _country_code(entry.get("country"), where)
        if country_ != code_.country:
            raise RefDataError(f"{where}: country {country_} differs from code {code_id}")
        article = _str(entry, "article", where)
        if normalize_article(article) != article:
            raise RefDataError(f"{where}: article {article!r} is not normalized")
        if id_ != f"{code_id}:{article}":
            raise RefDataError(f"{where}: id must be '{code_id}:{article}'")
        article_1997 = _str(entry, "article_1997", where, required=False)
        if article_1997 is not None:
            if code_.earlier_edition is None:
                raise RefDataError(
                    f"{where}: article_1997 given but {code_id} has no earlier_edition"
                )
            if normalize_article(article_1997) != article_1997:
                raise RefDataError(f"{where}: article_1997 {article_1997!r} is not normalized")
        category = _str(entry, "category", where)
        if category not in CHARGE_CATEGORIES:
            raise RefDataError(f"{where}: category {category!r} not in CHARGE_CATEGORIES")
        keywords_ru = _tuple(entry.get("keywords_ru"), where, "keywords_ru")
        keywords_en = _tuple(entry.get("keywords_en"), where, "keywords_en")
        if not keywords_ru and not keywords_en:
            raise RefDataError(f"{where}: at least one keyword is required")
        provisions_.append(
            Provision(
                id=id_,
                country=country_,
                code=code_id,
                article=article,
                article_1997=article_1997,
                category=category,
                title_ru=_str(entry, "title_ru", where),
                title_en=_str(entry, "title_en", where),
                keywords_ru=keywords_ru,
                keywords_en=keywords_en,
                notes=_str(entry, "notes", where, required=False),
                sources=_sources(entry, where),
            )
        )
    _unique([p.id for p in provisions_], "provision")
    _check_keyword_categories((kw, p.category, p.id) for p in provisions_ for kw in p.keywords)
    _check_aliases(
        ((name, c.id) for c in codes_ for name in (c.name_ru, c.name_en, c.id, *c.aliases)),
        "code",
    )
    return tuple(codes_), tuple(provisions_)


def _check_keyword_categories(items) -> None:
    """A keyword must lead to one category, whichever provisions list it."""
    seen: dict[str, tuple[str, str]] = {}
    for keyword, category, owner in items:
        key = normalize_name(keyword)
        if key in seen and seen[key][0] != category:
            raise RefDataError(
                f"keyword {keyword!r} is {seen[key][0]} in {seen[key][1]} but {category} in {owner}"
            )
        seen.setdefault(key, (category, owner))


def _check_aliases(items, what: str) -> dict[str, str]:
    """Every normalized name must point to one record."""
    index: dict[str, str] = {}
    for name, owner in items:
        if not name:
            continue
        key = normalize_name(name)
        if key in index and index[key] != owner:
            raise RefDataError(f"{what} name {name!r} is used by {index[key]} and {owner}")
        index[key] = owner
    return index


def codes() -> tuple[Code, ...]:
    return _provisions_file()[0]


def provisions() -> tuple[Provision, ...]:
    return _provisions_file()[1]


@cache
def instruments() -> tuple[Instrument, ...]:
    data = _read_yaml("instruments.yaml")
    result: list[Instrument] = []
    for i, entry in enumerate(data.get("instruments") or []):
        where = f"instruments.yaml instruments[{i}]"
        id_ = _str(entry, "id", where)
        where = f"instruments.yaml instrument {id_}"
        kind = _str(entry, "kind", where)
        if kind not in INSTRUMENT_KINDS:
            raise RefDataError(f"{where}: kind {kind!r} not in {INSTRUMENT_KINDS}")
        parties = _tuple(entry.get("parties"), where, "parties")
        for party in parties:
            if party not in _NON_COUNTRY_PARTIES:
                _country_code(party, where, "parties")
        commitments_: list[Commitment] = []
        for j, c in enumerate(entry.get("commitments") or []):
            cwhere = f"{where} commitments[{j}]"
            cid = _str(c, "id", cwhere)
            if not cid.startswith(f"{id_}:"):
                raise RefDataError(f"{cwhere}: id must start with '{id_}:'")
            theme = _str(c, "theme", cwhere)
            if theme not in THEMES:
                raise RefDataError(f"{cwhere}: theme {theme!r} not in THEMES")
            commitments_.append(
                Commitment(
                    id=cid,
                    instrument=id_,
                    theme=theme,
                    text_en=_str(c, "text_en", cwhere),
                    text_ru=_str(c, "text_ru", cwhere),
                    keywords_ru=_tuple(c.get("keywords_ru"), cwhere, "keywords_ru"),
                    keywords_en=_tuple(c.get("keywords_en"), cwhere, "keywords_en"),
                    sources=_sources(c, cwhere),
                )
            )
        result.append(
            Instrument(
                id=id_,
                kind=kind,
                name_ru=_str(entry, "name_ru", where),
                name_en=_str(entry, "name_en", where),
                date=_date(entry.get("date"), where),
                place=_str(entry, "place", where, required=False),
                parties=parties,
                aliases=_tuple(entry.get("aliases"), where, "aliases"),
                commitments=tuple(commitments_),
                notes=_str(entry, "notes", where, required=False),
                sources=_sources(entry, where),
            )
        )
    _unique([x.id for x in result], "instrument")
    _unique([c.id for x in result for c in x.commitments], "commitment")
    _check_aliases(
        ((n, x.id) for x in result for n in (x.name_ru, x.name_en, *x.aliases)), "instrument"
    )
    _check_keyword_categories(
        (kw, c.theme, c.id) for x in result for c in x.commitments for kw in c.keywords
    )
    return tuple(result)


@cache
def organizations() -> tuple[Organization, ...]:
    data = _read_yaml("organizations.yaml")
    result: list[Organization] = []
    for i, entry in enumerate(data.get("organizations") or []):
        where = f"organizations.yaml organizations[{i}]"
        id_ = _str(entry, "id", where)
        where = f"organizations.yaml organization {id_}"
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", id_):
            raise RefDataError(f"{where}: id must be a lower-case slug")
        kind = _str(entry, "kind", where)
        if kind not in ORGANIZATION_KINDS:
            raise RefDataError(f"{where}: kind {kind!r} not in {ORGANIZATION_KINDS}")
        name_ru = _str(entry, "name_ru", where, required=False)
        name_en = _str(entry, "name_en", where, required=False)
        if not name_ru and not name_en:
            raise RefDataError(f"{where}: name_ru or name_en is required")
        other = entry.get("other_names") or {}
        if not isinstance(other, dict):
            raise RefDataError(f"{where}: other_names must map a language code to a name")
        other_names = tuple((str(k), str(v).strip()) for k, v in other.items())
        country_ = entry.get("country")
        if country_ is not None:
            country_ = _country_code(country_, where)
        designations: list[Designation] = []
        for j, d in enumerate(entry.get("designations") or []):
            dwhere = f"{where} designations[{j}]"
            dkind = _str(d, "kind", dwhere)
            if dkind not in DESIGNATION_KINDS:
                raise RefDataError(f"{dwhere}: kind {dkind!r} not in DESIGNATION_KINDS")
            source = _str(d, "source", dwhere)
            if not _URL.match(source):
                raise RefDataError(f"{dwhere}: source is not an http(s) URL: {source!r}")
            designations.append(
                Designation(
                    kind=dkind,
                    country=_country_code(d.get("country"), dwhere),
                    date=_date(d.get("date"), dwhere),
                    authority=_str(d, "authority", dwhere, required=False),
                    source=source,
                )
            )
        result.append(
            Organization(
                id=id_,
                kind=kind,
                name_ru=name_ru,
                name_en=name_en,
                acronym=_str(entry, "acronym", where, required=False),
                other_names=other_names,
                aliases=_tuple(entry.get("aliases"), where, "aliases"),
                country=country_,
                designations=tuple(designations),
                notes=_str(entry, "notes", where, required=False),
                sources=_sources(entry, where),
            )
        )
    _unique([o.id for o in result], "organization")
    _check_aliases(((n, o.id) for o in result for n in o.all_names), "organization")
    return tuple(result)


@cache
def countries() -> tuple[Country, ...]:
    data = _read_yaml("countries.yaml")
    result: list[Country] = []
    for i, entry in enumerate(data.get("countries") or []):
        where = f"countries.yaml countries[{i}]"
        code_ = _country_code(entry.get("code"), where, "code")
        where = f"countries.yaml country {code_}"
        cities_: list[City] = []
        for j, c in enumerate(entry.get("cities") or []):
            cwhere = f"{where} cities[{j}]"
            cities_.append(
                City(
                    name_ru=_str(c, "name_ru", cwhere),
                    name_en=_str(c, "name_en", cwhere),
                    country=code_,
                    aliases=_tuple(c.get("aliases"), cwhere, "aliases"),
                    capital=j == 0,
                )
            )
        result.append(
            Country(
                code=code_,
                name_ru=_str(entry, "name_ru", where),
                name_en=_str(entry, "name_en", where),
                official_name_ru=_str(entry, "official_name_ru", where, required=False),
                official_name_en=_str(entry, "official_name_en", where, required=False),
                aliases=_tuple(entry.get("aliases"), where, "aliases"),
                adjectives_ru=_tuple(entry.get("adjectives_ru"), where, "adjectives_ru"),
                adjectives_en=_tuple(entry.get("adjectives_en"), where, "adjectives_en"),
                demonyms_ru=_tuple(entry.get("demonyms_ru"), where, "demonyms_ru"),
                capital=cities_[0] if cities_ else None,
                cities=tuple(cities_),
                sources=_sources(entry, where),
            )
        )
    _unique([c.code for c in result], "country")
    missing = set(REGION) - {c.code for c in result}
    if missing:
        raise RefDataError(f"countries.yaml: region countries missing: {sorted(missing)}")
    _check_aliases(
        (
            (n, c.code)
            for c in result
            for n in (c.name_ru, c.name_en, c.official_name_ru, c.official_name_en, *c.aliases)
        ),
        "country",
    )
    _check_aliases(
        (
            (n, f"{city.country}:{city.name_en}")
            for city in _all_cities(result)
            for n in (city.name_ru, city.name_en, *city.aliases)
        ),
        "city",
    )
    return tuple(result)


def _all_cities(countries_) -> tuple[City, ...]:
    return tuple(city for c in countries_ for city in c.cities)


def cities() -> tuple[City, ...]:
    return _all_cities(countries())


@cache
def regions() -> tuple[Region, ...]:
    """The regions of ``regions.yaml``: per country, rows of [name_ru, name_en, alias...]."""
    data = _read_yaml("regions.yaml")
    result: list[Region] = []
    for code_, group in (data.get("regions") or {}).items():
        where = f"regions.yaml {code_}"
        _country_code(code_, where)
        _sources(group, where)
        for i, row in enumerate(group.get("names") or []):
            names = _tuple(row, f"{where} names[{i}]", "row")
            if len(names) < 2:
                raise RefDataError(f"{where} names[{i}]: needs name_ru and name_en")
            result.append(Region(names[0], names[1], code_, names[2:]))
    _check_aliases(
        (
            (n, f"{r.country}:{r.name_en}")
            for r in result
            for n in (r.name_ru, r.name_en, *r.aliases)
        ),
        "region",
    )
    return tuple(result)


# --------------------------------------------------------------------------- indexes


@cache
def _code_index() -> dict[str, Code]:
    by_id = {c.id: c for c in codes()}
    index = _check_aliases(
        ((n, c.id) for c in codes() for n in (c.name_ru, c.name_en, c.id, *c.aliases)), "code"
    )
    return {key: by_id[id_] for key, id_ in index.items()}


@cache
def _organization_index() -> dict[str, Organization]:
    by_id = {o.id: o for o in organizations()}
    index = _check_aliases(
        ((n, o.id) for o in organizations() for n in o.all_names), "organization"
    )
    return {key: by_id[id_] for key, id_ in index.items()}


@cache
def _instrument_index() -> dict[str, Instrument]:
    by_id = {x.id: x for x in instruments()}
    index = _check_aliases(
        ((n, x.id) for x in instruments() for n in (x.name_ru, x.name_en, *x.aliases)),
        "instrument",
    )
    return {key: by_id[id_] for key, id_ in index.items()}


@cache
def _country_index() -> dict[str, Country]:
    by_code = {c.code: c for c in countries()}
    index = _check_aliases(
        (
            (n, c.code)
            for c in countries()
            for n in (c.name_ru, c.name_en, c.official_name_ru, c.official_name_en, *c.aliases)
        ),
        "country",
    )
    return {key: by_code[code_] for key, code_ in index.items()}


@cache
def _word_index(field: str) -> dict[str, Country]:
    index: dict[str, Country] = {}
    for c in countries():
        for word in getattr(c, field):
            index.setdefault(normalize_name(word), c)
    return index


@cache
def _city_index() -> dict[str, City]:
    index: dict[str, City] = {}
    for city in cities():
        for name in (city.name_ru, city.name_en, *city.aliases):
            index.setdefault(normalize_name(name), city)
    return index


@cache
def _region_index() -> dict[str, Region]:
    return {
        normalize_name(name): region
        for region in regions()
        for name in (region.name_ru, region.name_en, *region.aliases)
    }


# --------------------------------------------------------------------------- lookups


def code(code_id: str) -> Code | None:
    """The code with this id ("KZ-CC-2014")."""
    for c in codes():
        if c.id == code_id:
            return c
    return None


def code_by_alias(text: str) -> Code | None:
    """The code a text names: "УК РК", "Уголовного кодекса Республики Казахстан", "KZ-CC"."""
    return _code_index().get(normalize_name(text))


def _codes_for(code_or_country: str) -> list[Code]:
    key = code_or_country.strip()
    if _ISO2.match(key.upper()) and len(key) == 2:
        found = [c for c in codes() if c.country == key.upper()]
        # criminal codes first, the current edition before the earlier one
        earlier = {c.earlier_edition for c in found}
        return sorted(found, key=lambda c: (CODE_KINDS.index(c.kind), c.id in earlier))
    exact = code(key)
    if exact is not None:
        return [exact]
    by_alias = code_by_alias(key)
    return [by_alias] if by_alias is not None else []


def provision(code_or_country: str, article: str | int) -> Provision | None:
    """The provision ``article`` of a code, or of the codes of a country.

    ``code_or_country``: "KZ", "KZ-CC-2014", or a name of the code ("УК РК").  ``article``:
    "174", "174-1", "244¹", "ст. 174".  For a country, its criminal code is searched before
    the administrative one.  An earlier edition ("KZ-CC-1997") finds the provision of the
    current code whose ``article_1997`` is ``article``.
    """
    wanted = normalize_article(article)
    if not wanted:
        return None
    for c in _codes_for(code_or_country):
        successors = [s for s in codes() if s.earlier_edition == c.id]
        for p in provisions():
            if p.code == c.id and p.article == wanted:
                return p
        for s in successors:
            for p in provisions():
                if p.code == s.id and p.article_1997 == wanted:
                    return p
    return None


def _article_key(article: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", article)) or (0,)


def provisions_for_category(category: str, country: str | None = None) -> list[Provision]:
    """Provisions of a charge category, optionally of one country ("KZ") or code id."""
    if category not in CHARGE_CATEGORIES:
        raise ValueError(f"unknown charge category {category!r}")
    found = [p for p in provisions() if p.category == category]
    if country is not None:
        found = [p for p in found if country in (p.country, p.code)]
    code_order = {c.id: i for i, c in enumerate(codes())}
    return sorted(found, key=lambda p: (p.country, code_order[p.code], _article_key(p.article)))


def organization(org_id: str) -> Organization | None:
    for o in organizations():
        if o.id == org_id:
            return o
    return None


def organization_by_alias(text: str) -> Organization | None:
    """The organization a name refers to: any of its names, its acronym or an alias,
    ignoring case, quotes, ё/е and spacing.  "Full name (ACRONYM)" and "ACRONYM (Full name)"
    are resolved through either part."""
    if not text or not text.strip():
        return None
    index = _organization_index()
    found = index.get(normalize_name(text))
    if found is not None:
        return found
    match = re.match(r"^\s*(.*?)\s*\(([^()]*)\)\s*$", text)
    if match:
        for part in (match[1], match[2]):
            if part.strip():
                found = index.get(normalize_name(part))
                if found is not None:
                    return found
    return None


def instrument(instrument_id: str) -> Instrument | None:
    for x in instruments():
        if x.id == instrument_id:
            return x
    return None


def instrument_by_alias(text: str) -> Instrument | None:
    """The instrument a name refers to («совместная декларация саммита «ЕС – Центральная
    Азия»», "Samarkand declaration", «закон об иноагентах»)."""
    if not text or not text.strip():
        return None
    return _instrument_index().get(normalize_name(text))


def commitments() -> tuple[Commitment, ...]:
    return tuple(c for x in instruments() for c in x.commitments)


def commitment(commitment_id: str) -> Commitment | None:
    for c in commitments():
        if c.id == commitment_id:
            return c
    return None


def country(code_: str) -> Country | None:
    """The country with this ISO code ("KZ")."""
    for c in countries():
        if c.code == code_.upper():
            return c
    return None


def country_by_name(text: str) -> Country | None:
    """The country a nominative name refers to («Казахстан», «Республика Казахстан»,
    "Kyrgyz Republic", «Киргизия»).  The caller lemmatizes inflected forms."""
    if not text or not text.strip():
        return None
    return _country_index().get(normalize_name(text))


def country_by_adjective(word: str) -> Country | None:
    """The country an adjective refers to («казахстанский», «киргизский», "Uzbek")."""
    key = normalize_name(word)
    return _word_index("adjectives_ru").get(key) or _word_index("adjectives_en").get(key)


def country_by_demonym(word: str) -> Country | None:
    """The country a demonym refers to («казахстанец»)."""
    return _word_index("demonyms_ru").get(normalize_name(word))


# Case endings of a Russian noun -> its nominative ending, for names the lemmatizer does not
# know («Претории» -> «Претория», «Невады» -> «Невада», «Иванове» -> «Иваново»); an
# indeclinable name («Кокшетау») is found as it is.  Tried in order, the first known name
# wins; a stem keeps at least three letters.
_CASE_ENDINGS = (
    ("ией", "ия"), ("ии", "ия"), ("ию", "ия"), ("ой", "а"), ("ей", "я"), ("ью", "ь"),
    ("ом", ""), ("ем", ""), ("ом", "о"),
    ("ы", "а"), ("е", "а"), ("у", "а"), ("и", "я"), ("е", "я"), ("ю", "я"),
    ("а", ""), ("е", ""), ("у", ""), ("я", "ь"), ("и", "ь"), ("е", "ь"), ("ю", "ь"),
    ("а", "о"), ("е", "о"), ("у", "о"),
)  # fmt: skip


def _lookup(index: dict[str, Any], text: str, inflected: bool) -> Any:
    if not text or not text.strip():
        return None
    key = normalize_name(text)
    found = index.get(key)
    if found is not None or not inflected:
        return found
    head, _, last = key.rpartition(" ")
    for ending, nominative in _CASE_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            stem = last[: len(last) - len(ending)]
            found = index.get(f"{head} {stem}{nominative}".strip())
            if found is not None:
                return found
    return None


def city_by_name(text: str, *, inflected: bool = False) -> City | None:
    """The city a nominative name refers to («Алматы», "Alma-Ata", «Жанаозен»).  With
    ``inflected``, a name whose last word is in another case is tried in the nominative too
    («в Претории», «из Кокшетау»): for place names the lemmatizer does not know."""
    return _lookup(_city_index(), text, inflected)


def region_by_name(text: str, *, inflected: bool = False) -> Region | None:
    """The region a nominative name refers to («Татарстан», «Республика Каракалпакстан»,
    «ГБАО», "Texas"); ``inflected`` as for :func:`city_by_name` («в Неваде»).  A name that
    is also a city's («Нью-Йорк») is not a region here: the city is meant far more often,
    and :func:`city_by_name` answers for it."""
    return _lookup(_region_index(), text, inflected)


# --------------------------------------------------------------------------- keyword matching

_STOPWORDS = frozenset(
    "в во на к ко с со и или а по за о об от для из у при "
    "of the a an in to for and or on by with at from as".split()
)
_GLUE = r"[\s,;:«»„“”‟\"'‘’‹›()\[\]\-‐‑‒–—]+"
_MAX_GAP_WORDS = 3


def _token_pattern(token: str, single: bool) -> str:
    if single and token.isascii():
        return rf"(?<!\w){re.escape(token)}s?(?!\w)"
    if len(token) <= 3:
        return rf"(?<!\w){re.escape(token)}(?!\w)"
    stem = token[:-1] if len(token) <= 5 else token[: max(4, len(token) - 3)]
    return rf"(?<!\w){re.escape(stem)}\w*"


def _keyword_pattern(keyword: str) -> re.Pattern[str] | None:
    tokens = [t for t in re.findall(r"\w+", _fold_same_length(keyword)) if t not in _STOPWORDS]
    if not tokens:
        return None
    single = len(tokens) == 1
    gap = rf"(?:{_GLUE}\w+){{0,{_MAX_GAP_WORDS}}}{_GLUE}"
    return re.compile(gap.join(_token_pattern(t, single) for t in tokens))


_Pattern = tuple[re.Pattern[str], str, str, tuple[str, ...], int]


def _keyword_patterns(items, label: str) -> tuple[_Pattern, ...]:
    """(pattern, keyword, label value, owner ids, words) for every keyword of ``items``
    (provisions or commitments); one pattern per distinct keyword, owned by all items that
    list it."""
    owners: dict[str, list] = {}
    originals: dict[str, str] = {}
    for item in items:
        for kw in item.keywords:
            key = normalize_name(kw)
            owners.setdefault(key, []).append(item)
            originals.setdefault(key, kw)
    result = []
    for key, owned in owners.items():
        pattern = _keyword_pattern(originals[key])
        if pattern is not None:
            weight = len(re.findall(r"\w+", key))
            ids = tuple(item.id for item in owned)
            result.append((pattern, originals[key], getattr(owned[0], label), ids, weight))
    return tuple(result)


@cache
def _offence_patterns() -> tuple[_Pattern, ...]:
    return _keyword_patterns(provisions(), "category")


@cache
def _commitment_patterns() -> tuple[_Pattern, ...]:
    return _keyword_patterns(commitments(), "theme")


def _scan(
    text: str, patterns, *, overlap_other_labels: bool = False
) -> list[tuple[int, int, str, str, tuple[str, ...]]]:
    folded = _fold_same_length(text)
    candidates = []
    for pattern, keyword, label, ids, weight in patterns:
        for m in pattern.finditer(folded):
            candidates.append((m.start(), m.end(), keyword, label, ids, weight))
    # the most specific keyword wins: more words, then the tighter span, then the earlier one
    candidates.sort(key=lambda c: (-c[5], c[1] - c[0], c[0]))
    taken: list[tuple[int, int, str, str, tuple[str, ...]]] = []
    for start, end, keyword, label, ids, _ in candidates:
        clashes = [t for t in taken if not (end <= t[0] or start >= t[1])]
        if overlap_other_labels:
            clashes = [t for t in clashes if t[3] == label]
        if not clashes:
            taken.append((start, end, keyword, label, ids))
    return sorted(taken)


def find_offences(text: str) -> list[OffenceMatch]:
    """Offences named in words in ``text`` (Russian or English): «разжигание розни»,
    «участие в «экстремистской деятельности»», "spreading false information".  Inflected
    forms, quotes and up to three words in between are tolerated; where keywords overlap,
    the most specific one wins.  Offsets are into ``text``."""
    return [
        OffenceMatch(start, end, text[start:end], keyword, category, ids)
        for start, end, keyword, category, ids in _scan(text, _offence_patterns())
    ]


def offence_category(text: str) -> str | None:
    """The charge category of an offence named in words (the first match), or None."""
    found = find_offences(text)
    return found[0].category if found else None


def provisions_for_offence(text: str, country: str | None = None) -> list[Provision]:
    """The provisions an offence named in words may refer to: those that list the matched
    keyword, else (for the country) all provisions of the matched category."""
    found = find_offences(text)
    if not found:
        return []
    first = found[0]
    by_id = {p.id: p for p in provisions()}
    listed = [by_id[i] for i in first.provisions]
    if country is not None:
        listed = [p for p in listed if country in (p.country, p.code)]
        if not listed:
            return provisions_for_category(first.category, country)
    return listed


def find_commitments(text: str) -> list[CommitmentMatch]:
    """References to commitments in ``text`` («свобода слова», "independent media").
    Matches of different themes may overlap: «свободе слова и объединений» names both
    freedom of expression and freedom of association."""
    return [
        CommitmentMatch(start, end, text[start:end], keyword, theme, ids)
        for start, end, keyword, theme, ids in _scan(
            text, _commitment_patterns(), overlap_other_labels=True
        )
    ]
