"""Pairwise matching of people and organizations, and blocking to resolve many at once.

``compare_persons(a, b, context)`` scores how likely two records name one person, from 0
(certainly not) to 1. Names are compared part by part (first name, surname or Turkic
patronymic, Russian patronymic, initials) on script-independent keys, so inflection
(«Марата Жыланбаева»), script (Marat Zhylanbayev, Марат Жыланбаев) and the usual
spelling variants (Yerzhan/Erzhan, Тілеужан/Тлеужан, Tajimuratov/Tojimuratov) compare
equal or nearly so; a different first name, a different surname, a different gender or a
different father's name makes two people different however alike the rest is. Evidence
outside the name (country, roles, people mentioned alongside, one document) moves the
score; it never makes two different names one person.

Scores land in three bands: at or above ``AUTO_MERGE`` the resolver records 'same'; from
``REVIEW`` up it records 'unsure' for a researcher to decide ('possibly the same person');
below, nothing. Wrong merges are worse than missed ones, so anything short of the full
name in agreement (an initial, a surname alone, a dropped -ов/-ова, a double surname
against one of its halves) stays below ``AUTO_MERGE`` unless the two mentions share a
document.

``resolve_records`` clusters many records with blocking (surname skeleton and first
letter), never all pairs: see ``bench/resolve.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from pledgewatch import refdata
from pledgewatch.resolve.names import FEMALE_NAMES, PARTICLES, morph, normalize_person_name
from pledgewatch.resolve.translit import fold, german_keys, has_cyrillic, match_key

AUTO_MERGE = 0.9
REVIEW = 0.7

__all__ = [
    "AUTO_MERGE",
    "REVIEW",
    "MatchContext",
    "OrganizationRecord",
    "PersonRecord",
    "block_keys",
    "compare_names",
    "compare_organizations",
    "compare_persons",
    "organization_block_keys",
    "organization_key",
    "resolve_records",
    "token_similarity",
]


@dataclass(frozen=True)
class PersonRecord:
    """What is known of one person record: every full form of the name (any case, any
    script), the country (ISO code), roles (the ``role`` vocabulary) and the match keys
    of people mentioned in the same documents."""

    names: tuple[str, ...]
    country: str | None = None
    roles: frozenset[str] = frozenset()
    co_mentions: frozenset[str] = frozenset()
    id: str | None = None

    @classmethod
    def of(cls, name: str, country: str | None = None, **kwargs) -> PersonRecord:
        return cls((name,), country, **kwargs)


@dataclass(frozen=True)
class MatchContext:
    """How the two records were met: ``same_document`` when both are mentions in one
    document (where a surname alone, an initial or «Тлеужан»/«Тлеужанова» is the person
    named in full nearby)."""

    same_document: bool = False


@dataclass(frozen=True)
class OrganizationRecord:
    names: tuple[str, ...]
    country: str | None = None
    ref: str | None = None  # reference-data id ("organization:fidh")
    id: str | None = None


# --- name parts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameForm:
    """One reading of a name, every part as match keys."""

    first: tuple[str, ...]  # ("kasim", "jomart")
    family: tuple[str, ...]  # surname words, or the base of a Turkic patronymic
    family_from_particle: bool  # family is "Тажибек" of «Тажибек кызы»
    patronymic: str | None  # father's name base when there is a surname as well
    initials: tuple[str, ...]  # ("m", "t")
    gender: str | None
    gender_strong: bool  # shown by the surname's ending, a particle or an inflection
    latin: bool
    primary: bool  # the normalizer's own reading, not one forced by a gender hint
    trusted: bool  # the normalizer's own reading rests on a first name it knows
    german: frozenset[str] = frozenset()  # keys of words in German spelling (see translit)

    @property
    def first_joined(self) -> str:
        return "".join(self.first)


_PATRONYMIC_ENDINGS = re.compile(r"(ovič|evič|ič|ovna|evna|ična|inična|uli|ulu|kizi|ogli|ugli)$")
_PARTICLE_KEYS = {match_key(p).replace(" ", ""): g for p, g in PARTICLES.items()}
_PARTICLE_KEYS |= {"ogli": "masc", "ugli": "masc", "oglu": "masc", "kizi": "femn"}
_FEMALE_KEYS = frozenset(match_key(n) for n in FEMALE_NAMES)
_LATIN_FEMALE_SURNAME = re.compile(r"(ova|eva|ina|aia|skaia|kizi)$")
_LATIN_MALE_SURNAME = re.compile(r"(ov|ev|in|skii|ski|ulu|uli|ogli)$")
_TO_RUSSIAN = str.maketrans("әіұүқғңөһ", "аиуукгнох")


def _keys(text: str | None) -> tuple[str, ...]:
    return tuple(match_key(text).split()) if text else ()


def _patronymic_base(text: str) -> tuple[str | None, str | None]:
    """(key of the father's name, gender) of «Тажибек кызы», «Абишевич», «Әбішұлы»."""
    words = _keys(text)
    if not words:
        return None, None
    if len(words) > 1 and words[-1] in _PARTICLE_KEYS:
        return "".join(words[:-1]), _PARTICLE_KEYS[words[-1]]
    word = "".join(words)
    gender = "femn" if re.search(r"(ovna|evna|ična|kizi)$", word) else "masc"
    stripped = _PATRONYMIC_ENDINGS.sub("", word)
    return (stripped if len(stripped) >= 2 else word), gender


def _latin_gender(first: tuple[str, ...], family: tuple[str, ...]) -> str | None:
    if "".join(first) in _FEMALE_KEYS or (first and first[-1] in _FEMALE_KEYS):
        return "femn"
    last = family[-1] if family else ""
    if _LATIN_FEMALE_SURNAME.search(last):
        return "femn"
    if _LATIN_MALE_SURNAME.search(last):
        return "masc"
    return None


def _known_first_name(lemma: str | None, gender: str | None) -> bool:
    if not lemma or not gender:
        return False
    low = lemma.lower().split("-")[-1]
    if gender == "femn" and low.translate(_TO_RUSSIAN) in FEMALE_NAMES:
        return True
    analyser = morph()
    return analyser.word_is_known(low) and any(
        "Name" in p.tag and p.tag.gender == gender and p.normal_form == low
        for p in analyser.parse(low)
    )


_GENDERED_SURNAME = re.compile(r"(ov|ev|in|ova|eva|ina|skii|skaia|ckii|ckaia|skoi)$")


def _words(text: str) -> list[str]:
    return [w.strip(".").lower() for w in text.split()]


def _form(text: str, gender_hint: str | None, trusted: bool | None = None) -> NameForm:
    person = normalize_person_name(text, gender_hint=gender_hint)
    latin = not has_cyrillic(text)
    first = _keys(person.first)
    family = _keys(person.last)
    patronymic = None
    gender = person.gender
    from_particle = False
    strong = bool(family and _GENDERED_SURNAME.search(family[-1]))
    if person.patronymic:
        base, particle_gender = _patronymic_base(person.patronymic)
        if family:
            patronymic = base
        elif base:
            family, from_particle = (base,), True
        gender = gender or particle_gender
        strong = strong or particle_gender is not None
    if not latin and not strong:
        # an inflected mention shows its gender («Жанатом Казакбаем» is a man)
        strong = sorted(_words(text)) != sorted(_words(person.full))
    initials = tuple(match_key(i)[:1] for i in (person.initials or "").split(".") if i)
    if latin:
        gender = gender or _latin_gender(first, family)
    return NameForm(
        first=first,
        family=family,
        family_from_particle=from_particle,
        patronymic=patronymic,
        initials=tuple(i for i in initials if i),
        gender=gender,
        gender_strong=strong and gender is not None,
        latin=latin,
        primary=gender_hint is None,
        trusted=(latin or _known_first_name(person.first, person.gender))
        if trusted is None
        else trusted,
        german=german_keys(text),
    )


@lru_cache(maxsize=65536)
def name_forms(text: str) -> tuple[NameForm, ...]:
    """The normalizer's reading of a mention, then (Cyrillic only) the readings forced to
    each gender: «Нургельды Халыкова» is read as a woman Нургельда Халыкова, but is also
    the genitive of Нургельды Халыков."""
    text = " ".join(text.split())
    primary = _form(text, None)
    forms = [primary]
    if len(primary.first) == 1 and not primary.family and not primary.initials:
        # one word alone («Мамая», "Tleuzhan") may as well be the surname
        forms.append(replace(primary, first=(), family=primary.first))
    if primary.latin:
        return tuple(forms)
    for gender in ("masc", "femn"):
        if gender != primary.gender:
            alternative = _form(text, gender, trusted=primary.trusted)
            if alternative.gender == gender and alternative not in forms:
                forms.append(alternative)
    return tuple(forms)


# --- tokens ----------------------------------------------------------------------------------

_KEY_VOWELS = frozenset("aeiou")
_V_BEFORE_CONSONANT = re.compile(r"v(?=[^aeiou\W])")
_DOUBLED = re.compile(r"(.)\1+")


@cache
def _loose(key: str) -> str:
    """A looser key: ң written ng or n, Karakalpak/Turkmen w, в before a consonant as у
    (Давлетмурат, Даулетмурат), дж after д (Саидджафар, Saidjafar), doubled letters."""
    key = key.replace("ng", "n").replace("w", "v").replace("dj", "j")
    if len(key) > 3 and key.endswith("h") and key[-2] in _KEY_VOWELS:
        key = key[:-1]  # Tajik Абдуллоҳ, Abdulloh: Абдулло
    key = _DOUBLED.sub(r"\1", key)  # Бейшекеева, Beishekeyeva
    return _V_BEFORE_CONSONANT.sub("u", key)


@cache
def _skeleton(key: str) -> str:
    return "".join(c for c in _loose(key) if c not in _KEY_VOWELS)


def _vowel_distance(a: str, b: str, limit: int) -> bool:
    """True when ``b`` is ``a`` with at most ``limit`` vowels inserted, dropped or changed:
    Тілеужан/Тлеужан, Dostyar/Dostiyar, Бейнегуль/Бейнигул, Tojimuratov/Tajimuratov."""
    if abs(len(a) - len(b)) > limit:
        return False
    n, m = len(a), len(b)
    inf = limit + 1
    previous = [j if all(c in _KEY_VOWELS for c in b[:j]) else inf for j in range(m + 1)]
    for i in range(1, n + 1):
        current = [previous[0] + 1 if a[i - 1] in _KEY_VOWELS else inf] + [inf] * m
        for j in range(1, m + 1):
            ca, cb = a[i - 1], b[j - 1]
            best = previous[j - 1] if ca == cb else inf
            if ca in _KEY_VOWELS and cb in _KEY_VOWELS:
                best = min(best, previous[j - 1] + 1)
            if ca in _KEY_VOWELS:
                best = min(best, previous[j] + 1)
            if cb in _KEY_VOWELS:
                best = min(best, current[j - 1] + 1)
            current[j] = min(best, inf)
        previous = current
    return previous[m] <= limit


_VOICING = {frozenset(p) for p in ("dt", "bp", "gk", "zs", "vf", "mn", "jš", "jč")}


def _voicing_pair(a: str, b: str) -> bool:
    """One consonant written as its voiced or voiceless pair (or n as m before b)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in _VOICING


_GENDER_PAIR = re.compile(r"(ov|ev|in|iin|skii)$")
_FAMILY_SUFFIXES = ("uli", "ulu", "kizi", "ova", "eva", "ov", "ev")


@cache
def _family_stem(key: str) -> str:
    for suffix in _FAMILY_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            key = key[: -len(suffix)]
            break
    if len(key) > 4 and key.endswith("i") and key[-2] in _KEY_VOWELS:
        key = key[:-1]  # Сарсенбай: the й of -бай against -баев
    return key


def is_gender_pair(a: str, b: str) -> bool:
    """Нурпеисов/Нурпеисова, Aleksandrov/Aleksandrova: one family, two people."""
    short, long = sorted((a, b), key=len)
    return long == short + "a" and bool(_GENDER_PAIR.search(short))


_CASE_ENDINGS = ("a", "u", "om", "em", "e", "i", "oi", "oiu", "ou", "im")


@lru_cache(maxsize=262144)
def token_similarity(a: str, b: str, *, inflected: bool = False) -> float:
    """How alike two name words (match keys) are: 1 the same word, 0.97 the same up to
    ң/w/в spellings, 0.93 a vowel apart (two in long words), 0.9 one letter apart in a long
    word, 0.85 the same family name with and without -ов/-ова/-ұлы; below 0.5 otherwise.
    ``inflected``: ``a`` or ``b`` may still carry a Russian case ending (the father's name
    in «Максата Тажибека уулу»)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    la, lb = _loose(a), _loose(b)
    if la == lb:
        return 0.97
    if is_gender_pair(la, lb):
        return 0.3
    shortest = min(len(la), len(lb))
    limit = 2 if shortest >= 8 else 1 if shortest >= 4 else 0
    # vowel edits keep the consonants: only then is the distance worth computing
    if limit and _skeleton(la) == _skeleton(lb) and _vowel_distance(la, lb, limit):
        return 0.93
    if inflected:
        short, long = sorted((la, lb), key=len)
        if long.startswith(short) and long[len(short) :] in _CASE_ENDINGS:
            return 0.95
    if shortest >= 4 and _family_stem(la) == _family_stem(lb):
        return 0.85
    if shortest >= 8 and _voicing_pair(la, lb):
        return 0.9  # Мухаметкарим, Мухаммедкарим; Ishenbekov, Ishembekov
    if shortest >= 7 and OSA.distance(la, lb) == 1 and Levenshtein.distance(la, lb) == 2:
        return 0.9  # two neighbouring letters swapped
    return 0.5 * fuzz.ratio(la, lb) / 100


# --- comparing names --------------------------------------------------------------------------

_MAX_GERMAN_SPOTS = 4


@cache
def _german_readings(word: str) -> tuple[str, ...]:
    """The readings of a German-spelt word's key: its š may be ж as well (Schomart:
    šomart, jomart), its s outside vowels з as well (Mirsijojew); the s of ss
    between vowels is с and the single s there is already з. At most four such letters."""
    readings = [""]
    spots = 0
    for i, ch in enumerate(word):
        between_vowels = 0 < i < len(word) - 1 and {word[i - 1], word[i + 1]} <= _KEY_VOWELS
        other = "j" if ch == "š" else "z" if ch == "s" and not between_vowels else None
        if other is None or spots == _MAX_GERMAN_SPOTS:
            readings = [r + ch for r in readings]
        else:
            spots += 1
            readings = [r + c for r in readings for c in (ch, other)]
    return tuple(readings)


def _read_toward(form: NameForm, other: NameForm) -> NameForm:
    """``form`` with each German-spelt word read as the other name's words suggest:
    Kassym-Schomart against Касым-Жомарт reads jomart, against Шомарт šomart. Only a
    German spelling against another is left as it is: the two spell alike."""
    if not form.german or other.german:
        return form
    targets = (*other.first, *other.family, other.first_joined)

    def read(word: str) -> str:
        if word not in form.german:
            return word
        return max(
            _german_readings(word),
            key=lambda r: (max((token_similarity(r, t) for t in targets), default=0), r == word),
        )

    return replace(
        form, first=tuple(read(w) for w in form.first), family=tuple(read(w) for w in form.family)
    )


def _read_together(a: NameForm, b: NameForm) -> tuple[NameForm, NameForm]:
    return _read_toward(a, b), _read_toward(b, a)


# a part of a name that is missing, as opposed to one that differs
_MISSING = None


def _family_similarity(a: NameForm, b: NameForm, same_document: bool) -> float | None:
    if not a.family or not b.family:
        return _MISSING
    inflected = a.family_from_particle or b.family_from_particle
    if len(a.family) == 1 == len(b.family):  # most names: no generator for one pair
        score = token_similarity(a.family[0], b.family[0], inflected=inflected)
    elif len(a.family) == len(b.family):
        pairs = zip(a.family, b.family, strict=True)
        score = min(token_similarity(x, y, inflected=inflected) for x, y in pairs)
        if len(a.family) == 2:
            swapped = min(
                token_similarity(a.family[0], b.family[1]),
                token_similarity(a.family[1], b.family[0]),
            )
            score = max(score, swapped)
    else:
        # a double-barrelled surname against one of its halves
        short, long = sorted((a.family, b.family), key=len)
        joined = token_similarity("".join(short), "".join(long))
        if joined >= 0.93:
            return joined
        halves = max(token_similarity(short[0], part) for part in long)
        score = min(halves, 0.85) if halves >= 0.93 else halves * 0.5
    if a.family_from_particle != b.family_from_particle and score >= 0.93:
        score = 0.85  # «Бекчоро уулу» and Bekchoroev: one family, perhaps not one person
    if same_document and 0.85 <= score < 0.9:
        return 0.95
    return score


def _initial_matches(initial: str, word: str) -> bool:
    return bool(word) and word[0] == initial


def _first_similarity(a: NameForm, b: NameForm, same_document: bool) -> float:
    if a.first and b.first:
        score = token_similarity(a.first_joined, b.first_joined)
        if score < 0.93 and len(a.first) != len(b.first):
            # Kassym-Jomart against Kassym: one name of a double first name
            short, long = sorted((a.first, b.first), key=len)
            if any(token_similarity(short[0], part) >= 0.97 for part in long):
                score = 0.85
        return score
    # here at most one side has a first name; the other side's initials meet it
    if (a.initials and b.first) or (b.initials and a.first):
        with_initials, with_name = (a, b) if b.first else (b, a)
        if not _initial_matches(with_initials.initials[0], with_name.first[0]):
            return 0.0
        if len(with_initials.initials) > 1 and with_name.patronymic:
            if not _initial_matches(with_initials.initials[1], with_name.patronymic):
                return 0.0
        return 0.95 if same_document else 0.85
    if a.initials and b.initials:
        if a.initials[0] != b.initials[0]:
            return 0.0
        return 0.95 if same_document else 0.85
    # a surname alone («Жыланбаеву»): the person named in full nearby, or anyone
    return 0.95 if same_document else 0.55


def _compare_forms(a: NameForm, b: NameForm, same_document: bool) -> float:
    if a.gender and b.gender and a.gender != b.gender and a.gender_strong and b.gender_strong:
        return 0.0  # a brother and a sister, a father and a daughter
    family = _family_similarity(a, b, same_document)
    if family is _MISSING:
        return 0.0
    first = _first_similarity(a, b, same_document)
    score = family * first
    if a.patronymic and b.patronymic:
        father = token_similarity(a.patronymic, b.patronymic, inflected=True)
        if father < 0.85:
            return min(score, 0.3)  # two fathers: two people
    return score


@lru_cache(maxsize=65536)  # asked for every pair of readings a name meets
def _swap(form: NameForm) -> NameForm | None:
    """First name and surname the other way round ("Zhylanbayev Marat", «Мамай Жанболат»)."""
    if not form.first or not form.family or form.family_from_particle:
        return None
    if len(form.first) != 1 or len(form.family) != 1:
        return None
    return replace(form, first=form.family, family=form.first)


def _reading_weight(a: NameForm, b: NameForm, score: float) -> float:
    """A reading the normalizer did not choose counts in full where its own choice rests
    on a first name it does not know (Нургельда, Рухшон); where it knows the name
    («Александра Александрова» is a woman, not the genitive of Александр Александров)
    the other reading is only worth a researcher's look."""
    for form in (a, b):
        if not form.primary:
            return min(score, 0.88 if form.trusted else 0.95)
    return score


def _family_block(form: NameForm) -> set[str]:
    return {_skeleton(_family_stem(_loose(w)))[:3] for w in form.family}


def _may_match(a: NameForm, b: NameForm) -> bool:
    """Whether another reading could make two names match: their surnames file together,
    or one has none (a first name the normalizer took for a surname, or the reverse)."""
    if not a.family or not b.family or not a.first or not b.first:
        return True
    blocks_a, blocks_b = _family_block(a), _family_block(b)
    return bool(blocks_a & blocks_b) or bool(
        {_skeleton(_family_stem(_loose(w)))[:3] for w in a.first} & blocks_b
    )


@lru_cache(maxsize=65536)
def _surface_key(text: str) -> str:
    return " ".join(sorted(_loose(w) for w in match_key(text).split()))


@lru_cache(maxsize=262144)
def compare_names(a: str, b: str, same_document: bool = False) -> float:
    """How alike two names are, as names (no country, roles or other evidence)."""
    if len(a.split()) > 1 and _surface_key(a) == _surface_key(b):
        return 1.0  # the same words in any script: «Айнара Айдарханова», Ainara Aidarkhanova
    best = 0.0
    forms_a, forms_b = name_forms(a), name_forms(b)
    if not _may_match(*_read_together(forms_a[0], forms_b[0])):
        forms_a, forms_b = forms_a[:1], forms_b[:1]  # other readings will not help
    for fa in forms_a:
        for fb in forms_b:
            if not (fa.primary or fb.primary) and fa.gender == fb.gender:
                continue  # two forced readings prove nothing
            if fa.german or fb.german:  # else both read as they are
                fa, fb = _read_together(fa, fb)
            score = _compare_forms(fa, fb, same_document)
            swapped = _swap(fb)
            if swapped is not None:
                score = max(score, 0.99 * _compare_forms(fa, swapped, same_document))
            score = _reading_weight(fa, fb, score)
            if score > best:
                best = score
                if best >= 1.0:
                    return 1.0
    return best


# --- context -----------------------------------------------------------------------------------

_STATE_ROLES = frozenset({"official", "judge", "prosecutor"})
_CIVIL_ROLES = frozenset(
    {"journalist", "blogger", "activist", "human_rights_defender", "opposition_politician"}
)


def _context_adjusted(score: float, a: PersonRecord, b: PersonRecord) -> float:
    if a.country and b.country and a.country != b.country:
        score *= 0.65  # the same name in two countries needs more than the name
    elif a.country and a.country == b.country:
        score += 0.02
    if a.roles and b.roles:
        if a.roles & b.roles:
            score += 0.02
        elif (a.roles <= _STATE_ROLES and b.roles <= _CIVIL_ROLES) or (
            b.roles <= _STATE_ROLES and a.roles <= _CIVIL_ROLES
        ):
            score *= 0.85  # a judge and a defendant of one name are rarely one person
    shared = len(a.co_mentions & b.co_mentions)
    if shared:
        score += 0.03 if shared == 1 else 0.05
    return max(0.0, min(1.0, score))


def _as_person(value: PersonRecord | str) -> PersonRecord:
    return value if isinstance(value, PersonRecord) else PersonRecord((value,))


MAX_NAMES = 12  # names per record compared (the most frequent forms come first)


@lru_cache(maxsize=262144)
def _signature(name: str) -> tuple:
    return tuple((f.first, f.family, f.patronymic, f.initials, f.gender) for f in name_forms(name))


@lru_cache(maxsize=65536)  # a record meets many others: its names are sorted out once
def _distinct_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Names that read differently (one of «Марата Жыланбаева», «Марат Жыланбаев»)."""
    out, seen = [], set()
    for name in names[: MAX_NAMES * 2]:
        if not name or not name.strip():
            continue
        signature = _signature(name)
        if signature not in seen:
            seen.add(signature)
            out.append(name)
    return tuple(out[:MAX_NAMES])


def compare_persons(
    a: PersonRecord | str, b: PersonRecord | str, context: MatchContext | None = None
) -> float:
    """Score in [0, 1] that ``a`` and ``b`` are one person (see the module docstring for
    the bands). Strings are names; records bring their country, roles and co-mentions."""
    a, b = _as_person(a), _as_person(b)
    same_document = bool(context and context.same_document)
    names_a = _distinct_names(tuple(a.names))
    names_b = _distinct_names(tuple(b.names))
    best = 0.0
    for x in names_a:
        for y in names_b:
            best = max(best, compare_names(x, y, same_document))
            if best >= 1.0:
                break
    if best < 0.5:
        return best
    return round(_context_adjusted(best, a, b), 4)


# --- organizations ---------------------------------------------------------------------------

_LEGAL_FORMS = re.compile(
    r"\b(общественное объединение|общественный фонд|общественная организация|"
    r"частный фонд|корпоративный фонд|некоммерческая организация|"
    r"ро|оо|оф|пф|ооо|тоо|нко|нпо|ано|ао|"
    r"public association|public foundation|public fund|non-governmental organization|"
    r"ngo|pf|pa|llp|llc|ltd|inc|e\.?v|gmbh|asbl|aisbl)\b\.?",
    re.IGNORECASE,
)
_QUOTES = "«»„“”‟\"'‘’‚‛‹›"
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([^()]{2,12})\)\s*$")
_STOP_WORDS = frozenset(
    "and of the for to in on at by de des du la le les et pour по и за в на для при".split()
)


@lru_cache(maxsize=65536)
def organization_key(name: str) -> str:
    """Script-independent key of an organization's name without quotes, legal form or a
    bracketed acronym: «ОО «Кадыр Касиет»», "Kadyr Kasiet" and Кадыр Касиет give one key."""
    text = _ACRONYM_IN_BRACKETS.sub("", name)
    text = text.translate({ord(c): " " for c in _QUOTES})
    text = _LEGAL_FORMS.sub(" ", text)
    return match_key(" ".join(text.split()))


def _acronym_of(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in _STOP_WORDS]
    return "".join(w[0] for w in words).upper()


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 10 and all(c.isupper() for c in letters) and " " not in text


def _reference_id(name: str) -> str | None:
    org = refdata.organization_by_alias(name)
    if org is None:
        stripped = organization_key(name)
        if not stripped:
            return None
        org = _reference_by_key().get(stripped)
    return org.id if org else None


@cache
def _reference_by_key() -> dict[str, refdata.Organization]:
    index: dict[str, refdata.Organization] = {}
    for org in refdata.organizations():
        for name in org.all_names:
            index.setdefault(organization_key(name), org)
    return index


def _compare_organization_names(a: str, b: str) -> float:
    ka, kb = organization_key(a), organization_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    for short, long in ((a, b), (b, a)):
        if _looks_like_acronym(short.strip(_QUOTES + " ")) and not _looks_like_acronym(long):
            stripped = short.strip(_QUOTES + " ")
            acronym = _acronym_of(_ACRONYM_IN_BRACKETS.sub("", long))
            if fold(stripped).upper() == fold(acronym).upper():
                return 0.92
            return 0.0
    if min(len(ka), len(kb)) < 6:
        return 0.0  # short names: equal or nothing
    ratio = fuzz.ratio(ka, kb) / 100
    if ratio >= 0.9:
        return ratio  # spellings of one name: Oyan, Qazaqstan / Оян, Казахстан
    if len(ka.split()) >= 2 and len(kb.split()) >= 2 and fuzz.WRatio(ka, kb) >= 95:
        return 0.75  # one name inside the other: worth a look, no more
    return 0.5 * ratio


def compare_organizations(
    a: OrganizationRecord | str, b: OrganizationRecord | str, context: MatchContext | None = None
) -> float:
    """Score that two organization records are one organization: the reference data
    decides where it knows either name (FIDH, Международная федерация за права человека
    and Fédération internationale pour les droits humains are one); otherwise names are
    compared without quotes and legal form, and an acronym against the initials of a
    name."""
    a = a if isinstance(a, OrganizationRecord) else OrganizationRecord((a,))
    b = b if isinstance(b, OrganizationRecord) else OrganizationRecord((b,))
    refs_a = {a.ref.removeprefix("organization:")} if a.ref else set()
    refs_b = {b.ref.removeprefix("organization:")} if b.ref else set()
    refs_a |= {r for r in map(_reference_id, a.names) if r}
    refs_b |= {r for r in map(_reference_id, b.names) if r}
    if refs_a and refs_b:
        return 1.0 if refs_a & refs_b else 0.0
    names_a, names_b = list(a.names), list(b.names)
    for refs, names in ((refs_a, names_a), (refs_b, names_b)):
        for ref in refs:
            org = refdata.organization(ref)
            if org is not None:
                names.extend(org.all_names)
    best = max((_compare_organization_names(x, y) for x in names_a for y in names_b), default=0.0)
    if a.country and b.country and a.country != b.country and best < 1.0:
        best *= 0.8
    return round(best, 4)


# --- blocking and clustering -------------------------------------------------------------------


def block_keys(name: str) -> set[str]:
    """Keys under which a person's name is filed: ``s:`` and the consonant skeleton of
    each surname word (first four consonants of its stem: vowel spellings and -ов/-ова
    endings share it), and ``f:`` with the first letter of the first name as well. A
    record is compared only with records that share a key; initials and a surname alone
    file under ``s:`` only. Latin names are also filed the other way round
    ("Zhylanbayev Marat"), and a German-spelt surname under each of its readings
    (Schylanbajew with Жыланбаев as well as with Шыланбаев)."""
    return set(_block_keys(name))  # a copy: callers add to it


@lru_cache(maxsize=65536)  # asked for each name of each record, at ingest and when resolving
def _block_keys(name: str) -> frozenset[str]:
    keys: set[str] = set()
    forms = [f for f in name_forms(name) if f.primary]
    for form in list(forms):
        # the normalizer may have taken a surname for a first name it does not know
        swapped = _swap(form) if form.latin or not form.trusted else None
        if swapped is not None:
            forms.append(swapped)
    for form in forms:
        initials = {r[0] for r in _readings(form.first[0], form) if r} if form.first else set()
        for word in (r for w in form.family for r in _readings(w, form)):
            skeleton = _skeleton(_family_stem(_loose(word)))[:4] or word[:3]
            keys.add(f"s:{skeleton}")
            keys.update(f"f:{skeleton}:{initial}" for initial in initials)
    return frozenset(keys)


def _readings(word: str, form: NameForm) -> tuple[str, ...]:
    """A word of ``form`` under each of its readings (one, unless it is German-spelt)."""
    return _german_readings(word) if word in form.german else (word,)


def organization_block_keys(name: str) -> set[str]:
    """Keys under which an organization's name is filed: its first word, its acronym (or
    the initials of its words) and its reference-data id."""
    return set(_organization_block_keys(name))


@lru_cache(maxsize=65536)
def _organization_block_keys(name: str) -> frozenset[str]:
    keys: set[str] = set()
    words = organization_key(name).split()
    if words:
        keys.add(f"o:{words[0][:5]}")
    stripped = name.strip(_QUOTES + " ")
    if _looks_like_acronym(stripped):
        keys.add(f"a:{fold(stripped).upper()}")
    elif len(words) >= 2:
        keys.add(f"a:{fold(_acronym_of(_ACRONYM_IN_BRACKETS.sub('', name))).upper()}")
    ref = _reference_id(name)
    if ref:
        keys.add(f"r:{ref}")
    return frozenset(k[:60] for k in keys)


@dataclass
class Clusters:
    """Union-find over record ids; ``decide`` records pairs above the thresholds."""

    parent: dict[str, str] = field(default_factory=dict)
    same: list[tuple[str, str, float]] = field(default_factory=list)
    unsure: list[tuple[str, str, float]] = field(default_factory=list)
    compared: int = 0

    def find(self, x: str) -> str:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb))
            self.parent[drop] = keep

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return sorted(sorted(g) for g in out.values())


def candidate_pairs(
    records: Sequence[PersonRecord], max_block: int = 400
) -> Iterable[tuple[int, int]]:
    """Index pairs of records that share a block key, each pair once. Two records that
    both have a full first name are paired in their first-letter block only (the surname
    block is there for initials and surnames alone); a block larger than ``max_block``
    (a very common surname) is left to its first-letter blocks."""
    blocks: dict[str, list[int]] = defaultdict(list)
    named: dict[str, set[int]] = defaultdict(set)  # skeleton -> records with a first name
    for i, record in enumerate(records):
        keys: set[str] = set()
        for name in record.names[:MAX_NAMES]:
            keys |= block_keys(name)
        for key in keys:
            blocks[key].append(i)
            if key.startswith("f:"):
                named[key.split(":")[1]].add(i)
    seen: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        members = blocks[key]
        surname_block = key.startswith("s:")
        if surname_block and len(members) > max_block:
            continue
        with_first = named.get(key[2:], set()) if surname_block else set()
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if surname_block and pair[0] in with_first and pair[1] in with_first:
                    continue
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def resolve_records(
    records: Sequence[PersonRecord],
    *,
    auto_merge: float = AUTO_MERGE,
    review: float = REVIEW,
    progress=None,
) -> Clusters:
    """Clusters of records that are one person (score >= ``auto_merge``), and the pairs
    in the review band. Records need distinct ids. ``progress(done)`` is called as pairs
    are compared."""
    clusters = Clusters()
    for record in records:
        clusters.find(record.id or "")
    for n, (i, j) in enumerate(candidate_pairs(records)):
        a, b = records[i], records[j]
        if clusters.find(a.id) == clusters.find(b.id):
            continue
        score = compare_persons(a, b)
        clusters.compared += 1
        if score >= auto_merge:
            clusters.same.append((a.id, b.id, score))
            clusters.union(a.id, b.id)
        elif score >= review:
            clusters.unsure.append((a.id, b.id, score))
        if progress is not None and n % 1000 == 0:
            progress(n)
    return clusters
