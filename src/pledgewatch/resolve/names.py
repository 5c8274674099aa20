"""Person names: the nominative of an inflected Russian mention, match keys, and
capitalised-name candidates in English text.

``normalize_person_name("Марата Жыланбаева")`` gives Марат Жыланбаев. Every word gets
candidate readings (lemma, gender, case) from pymorphy3 where its dictionary knows the word
as a name, and from declension rules where it does not (Central Asian surnames mostly
are not in it): -ов/-ев/-ин surnames, -ский adjectives, consonant-final Turkic surnames
that decline for men and stay fixed for women (Темирлана Енсебека, Айгерим Тлеужан),
Russian patronymics and Turkic ones with a particle (Тажибек кызы). The reading chosen
is the gender and case on which all words agree best, helped by the tagger's features
where the caller has them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from pledgewatch.resolve.translit import has_cyrillic, match_key

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
GENDERS = ("masc", "femn")


@dataclass(frozen=True)
class PersonName:
    first: str | None
    last: str | None
    patronymic: str | None = None
    initials: str | None = None  # "М.Т.", where only initials were given
    gender: str | None = field(default=None, compare=False)  # "masc", "femn" or None

    @property
    def full(self) -> str:
        """Russian order: "First Patronymic Last", "First Last", "М.Т. Last"."""
        if self.first:
            parts = [self.first, self.patronymic, self.last]
        else:
            parts = [self.initials, self.patronymic, self.last]
        return " ".join(p for p in parts if p)


@cache
def morph():
    """The process's one pymorphy3 analyser (0.3 s and ~15 MB to build). Its ``parse``
    remembers each word's readings: the name, place and role rules parse the same words
    again and again (two calls in five repeat a word within a document set), and a parse
    costs some 20 microseconds. Each call gets its own copy of the list."""
    import pymorphy3

    analyzer = pymorphy3.MorphAnalyzer()
    parse = lru_cache(maxsize=20_000)(analyzer.parse)

    def cached_parse(word: str) -> list:
        return list(parse(word))

    analyzer.parse = cached_parse
    return analyzer


# --- reference lists -------------------------------------------------------------------------

# Women's names the dictionary lacks or takes for men's; consonant-final ones do not decline.
# Looked up with Kazakh letters read as Russian ones (Әйгерім → айгерим).
FEMALE_NAMES = frozenset(
    """
    аделя айгерим айгул айгуль айдана айжан айнагуль айпери айсулу айым айымгуль акмарал
    алия альбина анара аружан асель асем асия бактыгуль балжан бермет бибигуль ботагоз
    гаухар гулзат гулнара гулнора гульжан гульзат гульмира гульнара гульнур гульшат дана
    дильноза диляра динара жазира жанат жанна жибек жулдыз жылдыз зарина зауре зульфия
    индира камила карлыгаш кымбат лаззат мадина макена махаббат мейрамгуль меруерт мохира
    мээрим назгуль насиба нигора нилуфар нургуль нуриза перизат рахима роза салтанат сауле
    мунира замира назира фарида малика сабира азиза самира салима латифа нафиса шахида
    сымбат толкын улжан улфатхоним умида феруза чолпон шахноза шолпан
    """.split()
)
# Names given to both women and men: both readings stay open.
AMBIGUOUS_NAMES = frozenset("айнур бахытжан умут жанар нурсулу алтынай".split())
_FEMALE_NAME_ENDINGS = ("гуль", "гул", "хоним", "бегим", "нисо", "ниса", "биби", "ай", "жамал")
# Men's names: a form "X-а" of these is the genitive, not a woman's nominative.
_MALE_NAME_ENDINGS = tuple(
    "жан жон бек бай бой хан лан болат булат мурат тай дин улла али бол бет мат тар рат".split()
)

# Turkic patronymic particles ("Тажибек кызы", "Akmal oʻgʻli") and the gender they give.
PARTICLES = {
    **dict.fromkeys("кызы қызы кизи гызы qizi kyzy kizi gyzy qyzy".split(), "femn"),
    **dict.fromkeys(
        "улы ұлы уулу оглы оглу угли ўғли uly uuly uulu ogly oglu ogli o'g'li oʻgʻli ugli".split(),
        "masc",
    ),
}
# Surnames written in one word with the particle (Тоқтарұлы) do not decline.
_PARTICLE_SURNAME = re.compile(r"(улы|ұлы|уулу|кызы|қызы|оглы|оглу|угли|заде|зода)$")

_VOWELS = set("аеёиоуыэюяәөұүі")
# Kazakh letters read as their Russian neighbours, to look a name up (Әйгерім → айгерим).
_TO_RUSSIAN = str.maketrans("әіұүқғңөһ", "аиуукгнох")


def _russian(word: str) -> str:
    return word.translate(_TO_RUSSIAN)


_SIBILANTS = set("жшчщц")


def _is_consonant(ch: str) -> bool:
    return ch.isalpha() and ch not in _VOWELS and ch not in "йьъ"


# --- candidate readings ----------------------------------------------------------------------

Reading = dict[tuple[str, str], tuple[str, float]]  # (gender, case) -> (lemma, score)


def _add(readings: Reading, gender: str, case: str, lemma: str, score: float) -> None:
    if len(lemma) < 2:
        return
    old = readings.get((gender, case))
    if old is None or old[1] < score:
        readings[(gender, case)] = (lemma, score)


def _add_all_cases(readings: Reading, gender: str, lemma: str, score: float) -> None:
    for case in CASES:
        _add(readings, gender, case, lemma, score)


def _second_declension(word: str) -> list[tuple[str, str, float]]:
    """(lemma, case, weight) for a masculine noun of the second declension: Енсебека →
    Енсебек. A word in -ом/-ем read as a nominative weighs less than as an instrumental."""
    out: list[tuple[str, str, float]] = []
    last = word[-1]
    if _is_consonant(last) or last in "йь":
        out.append((word, "nomn", 0.7 if word.endswith(("ом", "ем", "ым")) else 1.0))
    stem = word[:-1]
    if len(stem) < 2:
        return out
    if last == "а" and _is_consonant(stem[-1]):
        out += [(stem, "gent", 1.0), (stem, "accs", 1.0)]
    elif last == "у" and _is_consonant(stem[-1]):
        out.append((stem, "datv", 1.0))
    elif last in "яю":
        soft = stem + ("й" if stem[-1] in _VOWELS else "ь")
        cases = ("datv",) if last == "ю" else ("gent", "accs")
        out += [(soft, case, 1.0) for case in cases]
    elif last == "е":
        out.append((stem if _is_consonant(stem[-1]) else stem + "й", "loct", 1.0))
    elif last == "м" and len(stem) > 2:
        base, vowel = stem[:-1], stem[-1]
        if vowel == "о" and _is_consonant(base[-1]):
            out.append((base, "ablt", 1.0))
        elif vowel == "е":
            if base[-1] in _SIBILANTS:
                out.append((base, "ablt", 1.0))
            elif base[-1] in _VOWELS:
                out.append((base + "й", "ablt", 1.0))
            elif _is_consonant(base[-1]):
                out.append((base + "ь", "ablt", 1.0))
    return out


_FIRST_DECLENSION = (
    # ending, lemma ending, cases
    ("а", "а", ("nomn",)),
    ("я", "я", ("nomn",)),
    ("ы", "а", ("gent",)),
    ("и", "а", ("gent",)),
    ("ии", "ия", ("gent", "datv", "loct")),
    ("и", "я", ("gent",)),
    ("е", "а", ("datv", "loct")),
    ("е", "я", ("datv", "loct")),
    ("у", "а", ("accs",)),
    ("ю", "я", ("accs",)),
    ("ой", "а", ("ablt",)),
    ("ою", "а", ("ablt",)),
    ("ей", "я", ("ablt",)),
    ("ей", "а", ("ablt",)),
    ("ею", "я", ("ablt",)),
)


def _first_declension(word: str) -> list[tuple[str, str]]:
    """(lemma, case) for a noun in -а/-я (Гульнары → Гульнара, Алии → Алия)."""
    out = []
    for ending, lemma_ending, cases in _FIRST_DECLENSION:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: len(word) - len(ending)]
            if ending == "ы" and stem[-1] in "гкхжшчщ":
                continue
            if ending == "и" and lemma_ending == "а" and stem[-1] not in "гкхжшчщ":
                continue
            out += [(stem + lemma_ending, case) for case in cases]
    return out


def _tag_case(tag) -> str | None:
    case = tag.case
    return {"gen1": "gent", "gen2": "gent", "loc1": "loct", "loc2": "loct", "acc2": "accs"}.get(
        case, "nomn" if case == "voct" else case
    )


@lru_cache(maxsize=32768)
def _first_name_readings(word: str) -> Reading:
    readings: Reading = {}
    known = False
    for lemma, case in _first_declension(word):
        if _russian(lemma) in FEMALE_NAMES:
            _add(readings, "femn", case, lemma, 1.0)
            known = True
    listed = _russian(word)
    if listed in FEMALE_NAMES or listed in AMBIGUOUS_NAMES:
        if not word.endswith(("а", "я")):
            _add_all_cases(readings, "femn", word, 1.0 if listed in FEMALE_NAMES else 0.8)
        known = True
    analyser = morph()
    if analyser.word_is_known(word):
        parses = [p for p in analyser.parse(word) if "Name" in p.tag and "plur" not in p.tag]
        masc_lemmas = {p.normal_form for p in parses if p.tag.gender == "masc"}
        # «Анне» is also the indeclinable Anne: Анна's dative and locative come first
        declined = any("Fixd" not in p.tag for p in parses)
        for p in parses:
            case = _tag_case(p.tag)
            if case not in CASES:
                continue
            gender = p.tag.gender
            genders = (gender,) if gender in GENDERS else GENDERS if "ms-f" in p.tag else ()
            for gender in genders:
                # Нурлана as a woman's nominative is the dictionary's guess from Нурлан;
                # the man's genitive is far more common in the news.
                score = 0.7 if gender == "femn" and p.normal_form[:-1] in masc_lemmas else 1.0
                if gender == "femn" and listed in FEMALE_NAMES:
                    score = 1.0
                if declined and "Fixd" in p.tag:
                    score *= 0.9
                _add(readings, gender, case, p.normal_form, score)
            known = True
    if known:
        return readings
    # Not a name the dictionary or our lists know: rules, weighed by the name's ending.
    # Political cases name far more men than women, and women's names in -а are mostly
    # in the dictionary or in FEMALE_NAMES: an unknown "X-а" is read as a man's genitive.
    for lemma, case, weight in _second_declension(word):
        if lemma.endswith(_FEMALE_NAME_ENDINGS):
            continue
        score = 0.6 if lemma.endswith(_MALE_NAME_ENDINGS) else 0.5
        _add(readings, "masc", case, lemma, score * weight)
    for lemma, case in _first_declension(word):
        masc_like = lemma[:-1].endswith(_MALE_NAME_ENDINGS)
        _add(readings, "femn", case, lemma, 0.2 if masc_like else 0.35)
    if _is_consonant(word[-1]) or word[-1] in "йь":
        female = word.endswith(_FEMALE_NAME_ENDINGS)
        weight = 0.7 if word.endswith(("ом", "ем", "ым")) else 1.0
        _add_all_cases(readings, "femn", word, (0.9 if female else 0.3) * weight)
    if word[-1] in "еиоуэю":
        # Vowel-final names do not decline (Айпери, Эмомали).
        _add_all_cases(readings, "femn", word, 0.4)
        _add_all_cases(readings, "masc", word, 0.3)
    return readings


_ADJ_MASC = {"ий": ("nomn",), "ой": ("nomn",), "ого": ("gent", "accs"), "ому": ("datv",)}
_ADJ_MASC |= {"им": ("ablt",), "ом": ("loct",)}
_ADJ_FEMN = {"ая": ("nomn",), "ой": ("gent", "datv", "ablt", "loct"), "ую": ("accs",)}
_ADJ_FEMN |= {"ою": ("ablt",)}
_POSSESSIVE = re.compile(r"^(.{2,}(?:ов|ев|ёв|ин|ын))(а|у|ым|е|ой|ою)?$")
_POSSESSIVE_MASC = {"": ("nomn",), "а": ("gent", "accs"), "у": ("datv",)}
_POSSESSIVE_MASC |= {"ым": ("ablt",), "е": ("loct",)}
_POSSESSIVE_FEMN = {"а": ("nomn",), "ой": ("gent", "datv", "ablt", "loct"), "у": ("accs",)}
_POSSESSIVE_FEMN |= {"ою": ("ablt",)}
_ADJECTIVAL = re.compile(r"^(.{2,}(?:ск|цк))(ий|ой|ого|ому|им|ом|ая|ую|ою)$")
# Other adjectival surnames (Навальный, Белый); weaker than the patterns above.
_ADJ_OTHER = re.compile(r"^(.{3,}[нлрвтдмбп])(ый|ой|ого|ому|ым|ом|ая|ую|ою)$")
_FIXED_SURNAME = re.compile(r"(ко|ых|их|аго|яго|ово|ени|иа)$")


@lru_cache(maxsize=32768)
def _surname_readings(word: str) -> Reading:
    readings: Reading = {}
    particle = _PARTICLE_SURNAME.search(word)
    if particle:
        gender = PARTICLES.get(particle.group(1))
        for g in (gender,) if gender else GENDERS:
            _add_all_cases(readings, g, word, 1.0)
        return readings
    possessive = _POSSESSIVE.match(word)
    if possessive:
        stem, ending = possessive.group(1), possessive.group(2) or ""
        for case in _POSSESSIVE_MASC.get(ending, ()):
            _add(readings, "masc", case, stem, 1.0)
        for case in _POSSESSIVE_FEMN.get(ending, ()):
            _add(readings, "femn", case, stem + "а", 1.0)
    adjectival = _ADJECTIVAL.match(word)
    if adjectival:
        stem, ending = adjectival.group(1), adjectival.group(2)
        for case in _ADJ_MASC.get(ending, ()):
            _add(readings, "masc", case, stem + "ий", 0.5 if ending == "ой" else 1.0)
        for case in _ADJ_FEMN.get(ending, ()):
            _add(readings, "femn", case, stem + "ая", 1.0)
    other = None if readings else _ADJ_OTHER.match(word)
    if other:
        stem, ending = other.group(1), other.group(2)
        for case in _ADJ_MASC.get("ий" if ending == "ый" else ending, ()):
            _add(readings, "masc", case, stem + ("ой" if ending == "ой" else "ый"), 0.5)
        for case in _ADJ_FEMN.get(ending, ()):
            _add(readings, "femn", case, stem + "ая", 0.5)
    analyser = morph()
    if analyser.word_is_known(word):
        for p in analyser.parse(word):
            if "Surn" not in p.tag or "plur" in p.tag:
                continue
            case, gender = _tag_case(p.tag), p.tag.gender
            nominative = p.inflect({"nomn"})
            if case in CASES and gender in GENDERS and nominative is not None:
                _add(readings, gender, case, nominative.word, 0.9)
    if not possessive and not adjectival:
        # Consonant-final surnames (Енсебек, Мамай, Тлеужан): declined for men only.
        base = 0.4 if other else 0.6
        for lemma, case, weight in _second_declension(word):
            _add(readings, "masc", case, lemma, base * weight)
        if _is_consonant(word[-1]) or word[-1] in "йь":
            weight = 0.7 if word.endswith(("ом", "ем", "ым")) else 1.0
            _add_all_cases(readings, "femn", word, base * weight)
        # Surnames in -а/-я that are not -ова/-ина (Гурба): declined for both genders. A
        # noun-like one in «-ца» (Кустурица, Птица) declines as the noun does, a man's too:
        # «Эмира Кустурицу», «Кустурице» are no fixed forms.
        for lemma, case in _first_declension(word):
            for gender in GENDERS:
                _add(readings, gender, case, lemma, 0.5 if lemma.endswith("ца") else 0.25)
    if word[-1] in "еиоуыэю" or _FIXED_SURNAME.search(word):
        fixed = 0.7 if _FIXED_SURNAME.search(word) else 0.3
        if word[-1] == "ы" and not word.endswith("лды") and _first_declension(word):
            # «Кустурицы», «Обамы» are the genitives of Кустурица, Обама; a surname in «-ы»
            # that does not decline is mostly a Kazakh one in «-лды» (Сатыбалды)
            fixed = 0.2
        for gender in GENDERS:
            _add_all_cases(readings, gender, word, fixed)
    return readings


_PATRONYMIC_MASC = re.compile(r"^(.{2,}(?:ович|евич|ьич|ич))(а|у|ем|е)?$")
_PATRONYMIC_FEMN = re.compile(r"^(.{2,}(?:овн|евн|ичн))(а|ы|е|у|ой|ою)$")
_PATRONYMIC_MASC_CASES = {"": ("nomn",), "а": ("gent", "accs"), "у": ("datv",)}
_PATRONYMIC_MASC_CASES |= {"ем": ("ablt",), "е": ("loct",)}
_PATRONYMIC_FEMN_CASES = {"а": ("nomn",), "ы": ("gent",), "е": ("datv", "loct")}
_PATRONYMIC_FEMN_CASES |= {"у": ("accs",), "ой": ("ablt",), "ою": ("ablt",)}


def _is_patronymic(word: str) -> bool:
    return bool(_PATRONYMIC_FEMN.match(word) or re.search(r"(ович|евич)(а|у|ем|е)?$", word))


@lru_cache(maxsize=8192)
def _patronymic_readings(word: str) -> Reading:
    readings: Reading = {}
    m = _PATRONYMIC_MASC.match(word)
    if m:
        for case in _PATRONYMIC_MASC_CASES.get(m.group(2) or "", ()):
            _add(readings, "masc", case, m.group(1), 1.0)
    m = _PATRONYMIC_FEMN.match(word)
    if m:
        for case in _PATRONYMIC_FEMN_CASES.get(m.group(2), ()):
            _add(readings, "femn", case, m.group(1) + "а", 1.0)
    if not readings:
        for gender in GENDERS:
            _add_all_cases(readings, gender, word, 0.3)
    return readings


_READERS = {"first": _first_name_readings, "last": _surname_readings}
_READERS["patronymic"] = _patronymic_readings


def _hyphenated_readings(role: str, word: str) -> Reading:
    """Every part of a double surname declines (Ахмедовой-Исмаиловой); in a double first
    name only the last part does (Касым-Жомарта)."""
    reader = _READERS[role]
    parts = [p for p in word.split("-") if p]  # no empty part: «Петров-» cut at a line end
    if len(parts) <= 1:
        return reader(parts[0] if parts else word)
    tail = reader(parts[-1])
    heads = [reader(p) for p in parts[:-1]]
    readings: Reading = {}
    for key, (lemma, score) in tail.items():
        lemmas, total = [], score
        for part, head in zip(parts[:-1], heads, strict=True):
            if key in head:
                lemmas.append(head[key][0])
                total += head[key][1]
            elif role == "first":
                # the fixed head still tells the gender: Касым-Жомарта is a man
                lemmas.append(part)
                total += head.get((key[0], "nomn"), ("", 0.0))[1]
            else:
                break
        else:
            _add(readings, *key, "-".join([*lemmas, lemma]), total / len(parts))
    return readings


# --- the mention's words ---------------------------------------------------------------------

_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$|^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]$")
_GLUED_INITIALS = re.compile(r"^((?:[^\W\d_]\.)+)([^\W\d_]{2,}.*)$")
_TRAILING_INITIALS = re.compile(r"^([^\W\d_]{2,}?)((?:[^\W\d_]\.)+)$")  # ЖыланбаевМ.Т.
_STRIP = "«»„“”\"'()[]{},;:!?—–"


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.replace("\u00a0", " ").split():
        token = raw.strip(_STRIP)
        if not token:
            continue
        glued = _GLUED_INITIALS.match(token)
        trailing = _TRAILING_INITIALS.match(token)
        if glued:
            out += [glued.group(1), glued.group(2)]
        elif trailing and trailing.group(2)[0].isupper() and trailing.group(1)[-1].islower():
            out += [trailing.group(1), trailing.group(2)]
        elif _INITIALS.match(token):
            out.append(token)
        elif token.rstrip("."):  # not a lone «.» or «...»
            out.append(token.rstrip("."))  # a full stop after the name
    return out


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _initials(tokens: list[str]) -> str | None:
    letters = [t.rstrip(".") for tok in tokens for t in tok.split(".") if t]
    return "".join(f"{_title(x)}." for x in letters) or None


def _roles(words: list[str], *, has_initials: bool) -> list[str]:
    """Which word is the first name, the surname, the patronymic (Russian conventions:
    "First Last", "First Patronymic Last", official "Last First Patronymic")."""
    n = len(words)
    caps = [len(w) > 1 and w.isupper() for w in words]
    if n == 1:
        if has_initials:
            return ["last"]
        return ["first"] if _looks_like_first_name(words[0].lower()) else ["last"]
    if n == 2:
        if any(caps) and not all(caps):
            return ["last", "first"] if caps[0] else ["first", "last"]
        a, b = (w.lower() for w in words)
        if _is_patronymic(b) and _looks_like_first_name(a):
            return ["first", "patronymic"]
        if _looks_like_surname(a) and _looks_like_first_name(b) and not _looks_like_surname(b):
            return ["last", "first"]
        return ["first", "last"]
    official = ["last", "first"] + ["patronymic"] * (n - 2)
    if _is_patronymic(words[-1].lower()) and not _is_patronymic(words[1].lower()):
        return official
    if caps[0] and not all(caps):
        return official
    return ["first"] + ["patronymic"] * (n - 2) + ["last"]


def _looks_like_first_name(word: str) -> bool:
    readings = _first_name_readings(word)
    return any(score >= 0.8 for _, score in readings.values())


def _looks_like_surname(word: str) -> bool:
    return bool(
        _POSSESSIVE.match(word) or _ADJECTIVAL.match(word) or _PARTICLE_SURNAME.search(word)
    )


# --- choosing one reading --------------------------------------------------------------------

_UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt"}
_UD_CASES |= {"Loc": "loct", "Par": "gent", "Voc": "nomn"}
_UD_GENDERS = {"Masc": "masc", "Fem": "femn"}


def _hint(value: str | None, table: dict[str, str]) -> str | None:
    if not value:
        return None
    if value in table.values():
        return value
    return table.get(value.capitalize()) or table.get(value[:3].capitalize())


def _feats_hints(feats: Sequence[dict] | None) -> tuple[str | None, str | None]:
    """Majority case and gender over the tokens' features (the tokenisation of the caller
    need not match ours)."""
    if not feats:
        return None, None
    cases: dict[str, int] = {}  # counts in order of first occurrence, as a Counter keeps them
    genders: dict[str, int] = {}
    for f in feats:
        if f:
            case = _UD_CASES.get(f.get("Case", ""))
            if case is not None:
                cases[case] = cases.get(case, 0) + 1
            gender = _UD_GENDERS.get(f.get("Gender", ""))
            if gender is not None:
                genders[gender] = genders.get(gender, 0) + 1
    # the first of the most frequent, as Counter.most_common(1) gives it
    return (
        max(cases, key=cases.__getitem__) if cases else None,
        max(genders, key=genders.__getitem__) if genders else None,
    )


_WEIGHT = {"first": 1.0, "last": 1.2, "patronymic": 1.0}
# (gender, case, the readings' key) in the order ``_choose`` tries them
_GENDER_CASES = tuple((gender, case, (gender, case)) for gender in GENDERS for case in CASES)


def _best_lemma(readings: Reading, fallback: str) -> str:
    if not readings:
        return fallback
    return max(readings.items(), key=lambda kv: (kv[1][1], kv[0][1] == "nomn"))[1][0]


def _choose(
    slots: list[tuple[str, str]],
    fixed_gender: str | None,
    case_hint: str | None,
    gender_hint: str | None,
    feats_case: str | None,
    feats_gender: str | None,
) -> tuple[list[str], str | None]:
    readings = [
        (slot, _WEIGHT[role], word, _hyphenated_readings(role, word))
        for slot, (role, word) in enumerate(slots)
    ]
    fallbacks: dict[int, str] = {}  # a slot's best lemma where a reading is missing
    best: tuple[float, list[str], str] | None = None
    for gender, case, key in _GENDER_CASES:
        total = 0.05 if case == "nomn" else 0.0
        total += 1.0 * (case == case_hint) + 1.0 * (gender == gender_hint)
        total += 0.3 * (case == feats_case) + 0.3 * (gender == feats_gender)
        if fixed_gender and gender != fixed_gender:
            total -= 2.0
        lemmas = []
        for slot, weight, word, reading in readings:
            hit = reading.get(key)
            if hit:
                total += weight * hit[1]
                lemmas.append(hit[0])
            else:
                total -= 1.0
                if slot not in fallbacks:
                    fallbacks[slot] = _best_lemma(reading, word)
                lemmas.append(fallbacks[slot])
        if best is None or total > best[0] + 1e-9:
            best = (total, lemmas, gender)
    assert best is not None
    return best[1], best[2]


# --- entry points ----------------------------------------------------------------------------


def normalize_person_name(
    tokens_or_text: str | Sequence[str],
    feats: Sequence[dict] | None = None,
    *,
    case_hint: str | None = None,
    gender_hint: str | None = None,
) -> PersonName:
    """The nominative form of a person's name as mentioned: «Марата Жыланбаева» →
    Марат Жыланбаев, «Айгерим Тлеужановой» → Айгерим Тлеужанова, «Жыланбаева М.Т.» →
    initials М.Т., surname Жыланбаева (a woman's nominative unless the features say
    genitive). Latin-script names are split, not inflected.

    ``feats``: the tagger's per-token features ({"Case": "Gen", "Gender": "Masc"}), used
    as soft evidence; ``case_hint``/``gender_hint`` ("Gen"/"gent", "Fem"/"femn") as strong
    evidence. Results are cached per input.
    """
    text = tokens_or_text if isinstance(tokens_or_text, str) else " ".join(tokens_or_text)
    feats_case, feats_gender = _feats_hints(feats)
    return _normalize(
        text,
        _hint(case_hint, _UD_CASES),
        _hint(gender_hint, _UD_GENDERS),
        feats_case,
        feats_gender,
    )


@lru_cache(maxsize=65536)
def _normalize(
    text: str,
    case_hint: str | None,
    gender_hint: str | None,
    feats_case: str | None,
    feats_gender: str | None,
) -> PersonName:
    tokens = _tokens(text)
    initials = [t for t in tokens if _INITIALS.match(t)]
    words: list[str] = []
    patronymic: str | None = None
    fixed_gender: str | None = None
    for token in tokens:
        if token in initials:
            continue
        particle = PARTICLES.get(token.lower().replace("’", "'").replace("‘", "'"))
        if particle and words:
            base = words.pop()
            patronymic = f"{_title(base) if has_cyrillic(base) else base} {token.lower()}"
            fixed_gender = particle
        else:
            words.append(token)
    if not words:
        return PersonName(None, None, patronymic, _initials(initials), fixed_gender)

    if patronymic and len(words) == 1:
        roles = ["first"]  # Макена Тажибек кызы
    else:
        roles = _roles(words, has_initials=bool(initials))
    if patronymic and "patronymic" in roles:
        roles = ["last" if r == "patronymic" else r for r in roles]
    if not has_cyrillic(text):
        lemmas = [_title(w) if len(w) > 1 and w.isupper() else w for w in words]
        gender = fixed_gender or gender_hint
    else:
        slots = [(role, w.lower()) for role, w in zip(roles, words, strict=True)]
        lemmas, gender = _choose(
            slots, fixed_gender, case_hint, gender_hint, feats_case, feats_gender
        )
        lemmas = [_title(x) for x in lemmas]
    # a regnal number stays as written: «Елизавета II», «Людовика XIV»; so does a particle
    # written in lower case inside the name: «Людвиг ван Бетховен», «Шарль де Голль»
    lemmas = [
        w if _REGNAL.fullmatch(w) or (i and _lower_particle(w)) else x
        for i, (w, x) in enumerate(zip(words, lemmas, strict=True))
    ]
    parts: dict[str, list[str]] = {"first": [], "last": [], "patronymic": []}
    for role, lemma in zip(roles, lemmas, strict=True):
        parts[role].append(lemma)
    if patronymic:
        parts["patronymic"].insert(0, patronymic)
    return PersonName(
        first=" ".join(parts["first"]) or None,
        last=" ".join(parts["last"]) or None,
        patronymic=" ".join(parts["patronymic"]) or None,
        initials=_initials(initials),
        gender=gender,
    )


_REGNAL = re.compile(r"(?=[IVX]{2,})X{0,3}(?:IX|IV|V?I{0,3})")
# Nobiliary and patronymic particles of European and Arabic names, written in lower case
# inside a name: «Людвиг ван Бетховен», «Отто фон Бисмарк», «Леонардо да Винчи».
_NAME_PARTICLES = frozenset(
    "ван фан фон дер де ди да дель делла дю ла ле дос дас до ду тер цу ибн бин бен".split()
)


def _lower_particle(word: str) -> bool:
    """A particle as written in lower case («ван»), not a capitalised name («Ван»)."""
    return word in _NAME_PARTICLES


def surname_misread_as_locative(written: str, person: PersonName) -> bool:
    """Whether the last word as written is the surname read as a locative in «-е»
    («Модибо Сидибе» → Сидиб). A locative always follows a preposition («о Путине»); a name
    given alone has none, and its surname in «-е» does not decline."""
    words = written.split()
    last = words[-1].strip(_STRIP).rstrip(".") if words else ""
    return bool(person.last) and last.lower() == person.last.lower() + "е"


def _as_name(name: PersonName | str) -> PersonName:
    return normalize_person_name(name) if isinstance(name, str) else name


def name_key(name: PersonName | str) -> str:
    """Order- and script-independent key of first name and surname (the patronymic only
    where there is no surname: Макена Тажибек кызы). "Zhylanbayev Marat",
    "Marat Zhylanbayev" and «Марата Жыланбаева» give one key."""
    person = _as_name(name)
    if isinstance(name, str) and surname_misread_as_locative(name, person):
        # a display name («Модибо Сидибе») is keyed as the nominative it shows
        person = normalize_person_name(name, case_hint="nomn")
    parts = [person.first or person.initials or "", person.last or person.patronymic or ""]
    words = [_SAME_PARTICLE.get(w, w) for part in parts for w in match_key(part).split()]
    return " ".join(sorted(words))


# Russian texts write Uzbek oʻgʻli as угли.
_SAME_PARTICLE = {"ugli": "ogli"}


def surname_key(name: PersonName | str) -> str:
    """Match key of the surname (or, failing one, of the Turkic patronymic or the one
    word given)."""
    person = _as_name(name)
    return match_key(person.last or person.patronymic or person.first or "")


# --- names in English text -------------------------------------------------------------------

_MONTHS = """january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
friday saturday sunday""".split()
# Places and peoples: a name token is never one of these.
_PLACES = """kazakhstan kazakh kazakhs kyrgyzstan kyrgyz uzbekistan uzbek uzbeks tajikistan tajik
tajiks turkmenistan turkmen russia russian russians china chinese afghanistan afghan belarus
belarusian ukraine ukrainian georgia georgian azerbaijan armenia europe european america
american asia asian central soviet eurasia eurasian turkey turkish iran mongolia germany
france britain british astana almaty bishkek tashkent dushanbe ashgabat nur-sultan karaganda
shymkent aktau aktobe atyrau zhanaozen taraz pavlodar semey oral uralsk kostanay osh
jalal-abad batken karakol naryn samarkand bukhara andijan namangan fergana nukus termez
karakalpakstan khorog badakhshan gorno-badakhshan khujand moscow brussels geneva washington
london paris vienna strasbourg warsaw berlin""".split()
# Words of organisation, court and document names.
_ORG_WORDS = """court courts committee council ministry parliament party union bureau watch
international federation foundation fund office agency service services security police
prosecutor prosecutors general department commission organization organisation association
centre center institute university republic government assembly human rights helsinki
amnesty freedom defenders front line reporters borders journalists protect democracy
democratic civil society group network coalition alliance movement media news radio liberty
free press times post bank company summit declaration convention covenant code criminal
article law laws act constitution nations united states kingdom national state city
regional district region oblast province colony prison penitentiary clinic legal initiative
project program programme forum council mission osce odihr unhcr ohchr unesco eu un usa
supreme appeals appeal cassation investigative interior justice affairs foreign embassy
delegation television tv agency channel youtube facebook telegram instagram twitter
tiktok whatsapp covid week day year""".split()
# Titles before a name: dropped from the span, never part of the name.
_TITLES = """mr mrs ms miss dr prof professor president minister judge lawyer attorney activist
journalist blogger poet writer senator sir madam special rapporteur deputy chairman chair
chairwoman director head leader ambassador colonel general major captain imam sheikh
defender opposition politician researcher editor founder member mp spokesperson spokesman
former late citizen prisoner dissident""".split()
# Words that start English sentences or headlines with a capital letter.
_COMMON = """the a an this that these those in on at by for from with without after before
during since until as if when while although though however moreover meanwhile according
despite both either neither all some many most several other another such his her their
our we they he she it i you its there here yesterday today tomorrow last next earlier later
also and but or nor so yet then thus therefore instead please dear why what who whom which
how where no not one two three four five first second third new old recent recently about
against among between under over into upon within via per call calls called release
released free urge urges urged demand demands stop end repeal drop ensure guarantee
statement joint open letter report update read see more share photo video source note
authorities government officials police human rights""".split()
_STOP = frozenset(_MONTHS + _PLACES + _ORG_WORDS + _TITLES + _COMMON)
_TITLE_WORDS = frozenset(_TITLES + _COMMON)
_LATIN_PARTICLES = frozenset(p for p in PARTICLES if p.isascii() or "ʻ" in p or "‘" in p)

_EN_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʻ‘-][^\W\d_]+)*\.?", re.UNICODE)
_POSSESSIVE_S = re.compile(r"['’]s$")


def _latin_word(token: str) -> bool:
    return not has_cyrillic(token) and token[:1].isalpha()


def _capitalised(token: str) -> bool:
    """Title Case (Zhylanbayev, Kassym-Jomart, O'Brien), not an ALL-CAPS acronym."""
    if not _latin_word(token) or not token[0].isupper():
        return False
    letters = [c for c in token if c.isalpha()]
    return len(letters) == 1 or not all(c.isupper() for c in letters)


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[1] == "." and token[0].isupper() and _latin_word(token)


def _name_token_ok(token: str) -> bool:
    low = token.lower().rstrip(".")
    parts = low.split("-")
    return low not in _STOP and not all(p in _STOP for p in parts) and len(low) > 1


def is_person_name_like(text: str) -> bool:
    """Two or three capitalised Latin words (initials and Turkic particles allowed), none
    of them a month, place, organisation word, title or common English word."""
    tokens = text.split()
    name_tokens = [t for t in tokens if t.lower() not in _LATIN_PARTICLES]
    if not 2 <= len(name_tokens) <= 3 or len(tokens) - len(name_tokens) > 1:
        return False
    full = [t for t in name_tokens if not _is_initial(t)]
    if not full:
        return False
    return all(_capitalised(t) and _name_token_ok(t) for t in full)


def english_name_candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of capitalised word sequences in English text that look like a
    person's name: "Marat Zhylanbayev", "Kassym-Jomart Tokayev", "Kanykei Tajibek kyzy",
    "M. Zhylanbayev". Titles and sentence-initial words before a name are left out
    ("President Kassym-Jomart Tokayev" → "Kassym-Jomart Tokayev"); sequences that are an
    organisation's or a place's name are skipped. The caller matches these against known
    names (``name_key``)."""
    lowercase_words = {
        m.group().lower().rstrip(".") for m in _EN_TOKEN.finditer(text) if m.group()[0].islower()
    }
    found = []
    for run in _capitalised_runs(text):
        for piece in _name_pieces(run, lowercase_words):
            start, end = piece[0][0], piece[-1][1]
            if is_person_name_like(" ".join(t for _, _, t in piece)):
                found.append((start, end, text[start:end]))
    return found


Token = tuple[int, int, str]


def _capitalised_runs(text: str) -> list[list[Token]]:
    """Capitalised words (and particles after them) separated by one space only; a full
    stop, a comma, a possessive 's or a line break ends a run."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for match in _EN_TOKEN.finditer(text):
        token, start, end = match.group(), match.start(), match.end()
        closes = False
        if token.endswith(".") and not _is_initial(token):
            token, end, closes = token[:-1], end - 1, True
        possessive = _POSSESSIVE_S.search(token)
        if possessive:
            token, end, closes = token[: possessive.start()], start + possessive.start(), True
        joined = bool(run) and text[run[-1][1] : start] in (" ", "\u00a0")
        if _capitalised(token) or (joined and token.lower() in _LATIN_PARTICLES):
            if not joined and run:
                runs.append(run)
                run = []
            run.append((start, end, token))
        elif run:
            runs.append(run)
            run = []
        if closes and run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _name_pieces(run: list[Token], lowercase_words: set[str]) -> list[list[Token]]:
    """Cut a run at stop words. A piece an organisation word follows is part of that
    organisation's name ("Ulugbek Abdullaev Foundation"); a leading word the text also
    writes in lower case is an ordinary word ("Free Marat Zhylanbayev")."""
    pieces: list[list[Token]] = []
    piece: list[Token] = []
    for tok in run:
        word = tok[2].lower()
        if word in _LATIN_PARTICLES or _is_initial(tok[2]) or _name_token_ok(tok[2]):
            if piece or (word not in _LATIN_PARTICLES and word not in lowercase_words):
                piece.append(tok)
            continue
        if piece and word not in _ORG_WORDS:
            pieces.append(piece)
        piece = []
    if piece:
        pieces.append(piece)
    return [p for p in pieces if 2 <= len(p) <= 4]
