"""Professions and positions («президент», «министр иностранных дел», «главный тренер»,
«сотрудник полиции») from the hand-written lexicon ``data/professions.yaml``.

Each lexicon lemma is expanded to its case and number forms with pymorphy3 once per
process, and the forms are matched as one trie-compiled alternation on the lower-cased
text (no per-token lemmatization). A match gives the head word and, when the text goes
on with a genitive complement, the outer phrase too, as NEREL annotates both
(«президента» and «президента США»): :func:`find_professions` returns the head matches
and :func:`outer_end` the end of the outer phrase given the mentions that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from pledgewatch.extract.grammars.numbers import FLAGS, lowered, word_alternation


@dataclass
class ProfessionMatch:
    start: int  # the head word, or the modifier before it («главный тренер»)
    head_start: int
    end: int  # end of the head word
    role: str  # role of a role fact (see the lexicon)
    needs_complement: bool = False


@cache
def _lexicon() -> dict:
    text = resources.files("pledgewatch").joinpath("data/professions.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _forms(lemma: str) -> set[str]:
    from pledgewatch.extract.nlp import _morph

    lemma = lemma.lower().replace("ё", "е")
    forms = {lemma}
    parses = [p for p in _morph().parse(lemma) if p.normal_form.replace("ё", "е") == lemma]
    for parse in parses[:2]:
        if parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            continue
        for form in parse.lexeme:
            if form.tag.POS != parse.tag.POS or "Cmp2" in form.tag.grammemes:
                continue
            if form.tag.POS in ("ADJF", "PRTF") and not ({"masc", "plur"} & form.tag.grammemes):
                continue  # «военный», «военные», not «военной», «военное»
            word = form.word.replace("ё", "е")
            top = _morph().parse(word)[0].normal_form.replace("ё", "е")
            if word == lemma or top == lemma:
                forms.add(word)  # not «после» (a form of «посол»), «политике», «критики»
    return forms


@cache
def _compiled():
    lexicon = _lexicon()
    role_of: dict[str, tuple[str, bool]] = {}
    for role, lemmas in (lexicon.get("words") or {}).items():
        for lemma in lemmas:
            for form in _forms(lemma):
                role_of.setdefault(form, (role, False))
    for lemma in lexicon.get("needs_complement") or []:
        for form in _forms(lemma):
            role_of.setdefault(form, ("other", True))
    modifiers = set()
    for lemma in lexicon.get("modifiers") or []:
        modifiers.update(_forms(lemma))
    complements = [c.lower().replace("ё", "е") for c in lexicon.get("complements") or []]
    head = re.compile(rf"(?<![\w-]){word_alternation(role_of)}(?![\w-])", FLAGS)
    modifier = re.compile(rf"(?<![\w-]){word_alternation(modifiers)}\s+$", FLAGS)
    complement = re.compile(
        rf"\s+(?:{word_alternation(complements)})(?![\w-])(?:\s+(?:и|или)\s+[\w-]+)?", FLAGS
    )
    return head, modifier, complement, role_of


def find_professions(text: str) -> list[ProfessionMatch]:
    head, modifier, _complement, role_of = _compiled()
    low = lowered(text).replace("ё", "е")
    found = []
    for match in head.finditer(low):
        role, needs = role_of[match.group()]
        start = match.start()
        left = modifier.search(low, max(0, start - 25), start)
        found.append(
            ProfessionMatch(
                left.start() if left else start, match.start(), match.end(), role, needs
            )
        )
    return found


def complement_end(text: str, end: int) -> int | None:
    """The end of a fixed genitive complement right after ``end`` («иностранных дел»)."""
    _head, _modifier, complement, _role_of = _compiled()
    match = complement.match(lowered(text).replace("ё", "е"), end)
    return match.end() if match else None


# Words before a name that are titles or forms of address, not part of it (besides the
# lexicon's professions: «Принц Филипп», «Император Акихито», «Папа Франциск»).
_TITLES = {"папа", "мистер", "миссис", "мисс", "госпожа", "господин", "сэр", "леди", "лорд"}
_TITLES |= {"поп-звезда", "звезда", "экс-президент", "экс-премьер", "святой", "святая"}


def is_title_word(word: str) -> bool:
    """A profession or a title that natasha tends to keep at the start of a name."""
    word = word.lower().replace("ё", "е")
    return word in _TITLES or word in _compiled()[3]
