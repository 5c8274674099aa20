"""Transliteration of Central Asian names and a script-independent match key.

Three jobs, one module:

- ``cyr_to_lat``: the readable romanisation English press releases use
  (Марат Жыланбаев → Marat Zhylanbayev, Ержан → Yerzhan, Айгерим → Aigerim);
- ``latin_variants``: the Latin spellings a name is likely to meet in documents
  (press, BGN/PCGN, Russian passports (ICAO 9303), Kazakh Latin 2021, Uzbek Latin);
- ``match_key``: one key for all of them, so that Zhylanbayev, Zhylanbaev, Jylanbaev and
  Жыланбаев compare equal while Нурлан/Нуржан or Мамай/Мамаев stay apart; German and
  Dutch press spellings too (Tokajew, Tokajev).

The key works in two steps: Cyrillic is written out in one plain Latin scheme, then every
Latin spelling is read as a sequence of sounds (greedy digraphs: "zh", "kh", "shch", …)
and written in a small skeleton alphabet (š = ш/щ, č = ч, j = ж/дж, h = х, c = ц).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

# --- shared tables -------------------------------------------------------------------------

_VOWELS = set("аеёиоуыэюяәөұүіӣӯ")
_SOFT_SIGNS = set("ьъ")
# Letters of the region's Cyrillic alphabets outside Russian, as Russian-like Latin.
_EXTRA_LETTERS = {
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "ng",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ў": "o",  # Uzbek
    "ҳ": "h",  # Uzbek, Tajik
    "ҷ": "j",  # Tajik
    "ӣ": "i",  # Tajik
    "ӯ": "u",  # Tajik
    "ҝ": "g",
    "є": "ye",
    "ї": "yi",
    "ґ": "g",
}

_BASE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    **_EXTRA_LETTERS,
}

# Each scheme: letter table plus how е is written where it is iotated (word-initially,
# after a vowel or a soft/hard sign). Tables only list the letters that differ from _BASE.
_SCHEMES: dict[str, tuple[dict[str, str], str]] = {
    # BGN/PCGN 1947 (ё → ë, folded to e).
    "bgn": ({"ё": "ë"}, "ye"),
    # Russian passports since 2013 (ICAO Doc 9303).
    "icao": ({"ё": "e", "й": "i", "ъ": "ie", "ю": "iu", "я": "ia"}, "e"),
    # Older passports and many NGO lists: press letters, no iotated е.
    "plain": ({"ё": "e"}, "e"),
    # Kazakh Latin alphabet of 2021.
    "kazakh2021": (
        {
            "ә": "ä",
            "ғ": "ğ",
            "ё": "io",
            "ж": "j",
            "й": "i",
            "қ": "q",
            "ң": "ñ",
            "ө": "ö",
            "ұ": "ū",
            "ү": "ü",
            "х": "h",
            "ш": "ş",
            "щ": "şş",
            "і": "ı",
            "ю": "iu",
            "я": "ia",
        },
        "e",
    ),
    # Uzbek Latin (1995, as revised).
    "uzbek": (
        {
            "ж": "j",
            "х": "x",
            "ц": "s",
            "щ": "sh",
            "ы": "i",
            "ў": "oʻ",
            "қ": "q",
            "ғ": "gʻ",
            "ҳ": "h",
        },
        "ye",
    ),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


_ANY_CYRILLIC = re.compile("[\u0400-\u052f]")  # the two blocks of _is_cyrillic


def has_cyrillic(text: str) -> bool:
    return _ANY_CYRILLIC.search(text) is not None


def _case_like(out: str, ch: str, all_caps: bool) -> str:
    if not out or not ch.isupper():
        return out
    return out.upper() if all_caps else out[:1].upper() + out[1:]


def _transliterate_word(word: str, table: dict[str, str], iotated_e: str, press: bool) -> str:
    lower = word.lower()
    all_caps = len(word) > 1 and word.isupper()
    out: list[str] = []
    n = len(lower)
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i else ""
        nxt = lower[i + 1] if i + 1 < n else ""
        if ch == "е" and (not prev or prev in _VOWELS or prev in _SOFT_SIGNS):
            lat = iotated_e
        elif press and ch == "й" and nxt and nxt not in _VOWELS:
            lat = "i"  # Айгерим → Aigerim, Кайрат → Kairat; word-final stays Mamay
        elif press and ch == "й" and not nxt and prev == "ы":
            lat = ""  # -ый → -y
        elif press and ch == "я" and not nxt and prev == "и":
            lat = "a"  # Юлия → Yulia, Мария → Maria
        elif press and ch == "ё" and prev in ("ж", "ч", "ш", "щ"):
            lat = "e"  # Горбачёв → Gorbachev, Пугачёва → Pugacheva
        elif ch in table:
            lat = table[ch]
        elif ch.isascii():
            lat = ch
        else:
            lat = unidecode(ch)
        out.append(_case_like(lat, word[i], all_caps))
    return "".join(out)


def _transliterate(text: str, table: dict[str, str], iotated_e: str, press: bool) -> str:
    return _WORD.sub(
        lambda m: (
            _transliterate_word(m.group(), table, iotated_e, press)
            if has_cyrillic(m.group())
            else m.group()
        ),
        text,
    )


@lru_cache(maxsize=65536)
def cyr_to_lat(text: str) -> str:
    """Press-style romanisation: Марат Жыланбаев → Marat Zhylanbayev.

    Non-Cyrillic text is returned unchanged, except characters outside ASCII in Cyrillic
    words, which Unidecode writes out.
    """
    return _transliterate(text, _BASE, "ye", press=True)


# --- folding ---------------------------------------------------------------------------------

_FOLD_SPECIAL = {
    "ş": "sh",
    "ș": "sh",
    "š": "sh",
    "ç": "ch",
    "č": "ch",
    "ž": "zh",
    "ñ": "ng",
    "ğ": "g",
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "đ": "d",
    "ð": "d",
    "þ": "th",
}
_APOSTROPHES = "'’‘ʻʼ`´ʹʺ"
_DROP = {ord(c): None for c in _APOSTROPHES}


class _CharTable(dict):
    """A ``str.translate`` table filled in as characters are met: each character's
    replacement is worked out once per process, and the translating runs in C."""

    def __init__(self, replace) -> None:
        super().__init__()
        self._replace = replace

    def __missing__(self, code: int) -> str | None:
        value = self[code] = self._replace(chr(code))
        return value


def _fold_char(ch: str) -> str | None:
    if ch in _APOSTROPHES:
        return None
    special = _FOLD_SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii() or _is_cyrillic(ch):
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLD = _CharTable(_fold_char)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, Latin diacritics and apostrophes dropped (Uzbek oʻ → o), ş → sh,
    ñ → ng. Cyrillic letters are kept as they are (й and ё are not decomposed)."""
    return text.lower().translate(_FOLD)


# --- variants --------------------------------------------------------------------------------

MAX_VARIANTS = 32


def latin_variants(text: str) -> set[str]:
    """Plausible Latin spellings of a Cyrillic name, folded (see ``fold``).

    Press (Yelshibayev, Yensebek, Yulia), BGN/PCGN (Yuliya, Aygerim), passports
    (Elshibaev, Iuliia), Kazakh Latin 2021 (Jylanbaev), Uzbek Latin (Xolmatov); then the
    common mixes of those (kh → h, -yev → -ev). At most ``MAX_VARIANTS``. Latin input
    gives just its folded self.
    """
    return set(_latin_variants(text))


@lru_cache(maxsize=16384)
def _latin_variants(text: str) -> frozenset[str]:
    if not has_cyrillic(text):
        return frozenset({fold(text)})
    ordered: dict[str, None] = {}

    def add(value: str) -> None:
        if len(ordered) < MAX_VARIANTS:
            ordered.setdefault(fold(value), None)

    press = cyr_to_lat(text)
    add(press)
    base: list[str] = [press]
    for table, iotated_e in _SCHEMES.values():
        spelled = _transliterate(text, {**_BASE, **table}, iotated_e, press=False)
        add(spelled)
        base.append(spelled)
    # Mixes seen in practice: press iotation without -yev, h for х, y for й in press.
    for spelled in list(base[:4]):
        low = spelled.lower()
        add(low.replace("kh", "h"))
        add(re.sub(r"(?<=[aeiou])yev\b", "ev", low))
        add(re.sub(r"\bye", "e", low))
    add(re.sub(r"(?<=[aeiou])yev\b", "ev", press.lower()).replace("kh", "h"))
    return frozenset(ordered)


# --- match key -------------------------------------------------------------------------------

# Cyrillic written out plainly for the key: ё and э are е (Семён = Семен), ь/ъ dropped.
_KEY_CYRILLIC = {**_BASE, "ё": "e", "э": "e", "ҷ": "dzh"}

# Latin sound units, longest first; the value is the skeleton letter.
_UNITS = {
    "shch": "š",
    "dzh": "j",
    "sch": "š",
    "zh": "j",
    "dj": "j",
    "kh": "h",
    "sh": "š",
    "ch": "č",
    "ts": "c",
    "gh": "g",
    "ck": "k",
    "yo": "e",  # ё: Fyodor = Фёдор = Федор, Bakhtiyor = Бахтиёр
    "j": "j",
    "w": "v",  # Turkmen and Karakalpak Latin, German -ow: Halykow, Dawletmurat, Karimow
    "x": "h",
    "q": "k",
    "y": "i",
}
_UNIT_RE = re.compile("|".join(sorted(_UNITS, key=len, reverse=True)) + "|.")
_KEY_VOWELS = set("aeiou")


# German (Duden) and Dutch press spell Russian names with their own letters: Nasarbajew,
# Tschingis, Dschumabajew, Tokajew; Nazarbajev, Tsjingis, Dzjoemabajev, Noersoeltan. A word
# is read that way only when it has a spelling that English and the region's Latin
# alphabets never use (sch, a -jew/-jev ending after a vowel, tsj, zj, sj, two oe), so
# that Chingiz, Jomart, Jylanbaev (Kazakh Latin) or Mamadshoeva keep their English reading;
# word by word, as the press mixes them (Kassim-Jomart Tokajev).
_GERMAN_MARK = re.compile(r"sch|[aeiouy]jewa?$")
_DUTCH_MARK = re.compile(r"tsj|dzj|zj|sj|[aeiouy]j[eo]va?$|oe[^aeiouv].*oe[^aeiouv]")
_GERMAN = re.compile(r"schtsch|tsch|dsch|sch|ch|tz|ss|(?<=[aeiouy])s(?=[aeiouy])|z|j|w")
_DUTCH = re.compile(r"sjtsj|tsj|dzj|zj|sj|oe|ch|j|w")
# as English press would write them; a single s between vowels is з in German (с is ss)
_GERMAN_AS_ENGLISH = {
    "schtsch": "shch",
    "tsch": "ch",
    "dsch": "dzh",
    "sch": "sh",
    "ch": "kh",
    "tz": "ts",
    "ss": "s",
    "s": "z",
    "z": "ts",
    "j": "y",
    "w": "v",
}
_DUTCH_AS_ENGLISH = {
    "sjtsj": "shch",
    "tsj": "ch",
    "dzj": "dzh",
    "zj": "zh",
    "sj": "sh",
    "oe": "u",
    "ch": "kh",
    "j": "y",
    "w": "v",
}


def _as_english(word: str) -> str:
    """A folded Latin word in German or Dutch spelling rewritten as English press spells
    it (Nasarbajew → nazarbayev, Dzjoemabajev → dzhumabayev); any other word as it is."""
    if _GERMAN_MARK.search(word):
        return _GERMAN.sub(lambda m: _GERMAN_AS_ENGLISH[m.group()], word)
    if _DUTCH_MARK.search(word):
        return _DUTCH.sub(lambda m: _DUTCH_AS_ENGLISH[m.group()], word)
    return word


@lru_cache(maxsize=65536)  # words recur in many names and texts
def _key_word(word: str) -> str:
    units = [_UNITS.get(u, u) for u in _UNIT_RE.findall(word)]
    collapsed: list[str] = []
    for u in units:
        if not collapsed or collapsed[-1] != u:
            collapsed.append(u)
    out: list[str] = []
    for i, u in enumerate(collapsed):
        # y/i before e only marks iotation where it starts the word or follows a vowel:
        # Yerzhan = Erzhan, Zhylanbayev = Zhylanbaev (Dmitriev keeps its i).
        if (
            u == "i"
            and i + 1 < len(collapsed)
            and collapsed[i + 1] == "e"
            and (not out or out[-1] in _KEY_VOWELS)
        ):
            continue
        if out and out[-1] == u:
            continue  # Mirziyoyev: the y dropped between yo and e leaves e e, as in Мирзиёев
        out.append(u)
    return "".join(out)


def _key_letter(ch: str) -> str:
    if ch in _KEY_CYRILLIC:
        return _KEY_CYRILLIC[ch]
    return fold(unidecode(ch)) if _is_cyrillic(ch) else ch


_KEY_LETTERS = _CharTable(_key_letter)
_KEY_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=131072)
def match_key(text: str) -> str:
    """Script-independent comparison key, words in their original order.

    Марат Жыланбаев, Marat Zhylanbayev, Marat Zhylanbaev and Marat Jylanbaev all give
    "marat jilanbaev". Kazakh letters fold to their Russian neighbours, so Әйгерім gives
    the same key as Айгерим, but Тілеужан ("tileujan") stays one letter from Тлеужан.
    German and Dutch press spellings are read as such (``_as_english``): Nasarbajew,
    Nazarbajev and Назарбаев give "nazarbaev".
    """
    lowered = fold(text)
    if has_cyrillic(lowered):
        words = _KEY_WORD.findall(lowered.translate(_KEY_LETTERS))
    else:
        words = [_as_english(w) for w in _KEY_WORD.findall(lowered)]
    keys = (_key_word(w) for w in words)
    return " ".join(k for k in keys if k)


@lru_cache(maxsize=65536)
def german_keys(text: str) -> frozenset[str]:
    """Match keys of the words of a Latin name that are read as German press spellings.

    Duden writes ж and ш alike as sch, and з and с alike as s outside vowels (Schomart =
    Жомарт, Scholpan = Шолпан; Mirsijojew = Мирзиёев, Koslow = Козлов); the key reads
    ш and с. The key cannot read both without joining Жакен and Шакен, so the matcher
    needs to know which words may mean the other letter too.
    """
    if has_cyrillic(text):
        return frozenset()
    words = re.findall(r"[^\W_]+", fold(text))
    return frozenset(_key_word(_as_english(w)) for w in words if _GERMAN_MARK.search(w))
