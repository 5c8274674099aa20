"""``laws.tokens_at``: the token that starts at an offset, looked up in its sentence only;
it must give what a dict over every token of the text gives."""

from pledgewatch.extract.laws import tokens_at
from pledgewatch.extract.nlp import russian_nlp

TEXT = (
    "Депутаты приняли закон об иностранных агентах.\n"
    "Суд сослался на ст. 19 Закона «О гражданстве». Адвокат обжалует решение!"
)


def test_every_offset_finds_the_token_that_starts_there():
    analysis = russian_nlp().analyze(TEXT)
    every = {
        token.start: (sentence.tokens, i)
        for sentence in analysis.sentences
        for i, token in enumerate(sentence.tokens)
    }
    located = tokens_at(analysis)
    for offset in range(-1, len(TEXT) + 2):
        expected = every.get(offset)
        found = located.get(offset)
        if expected is None:
            assert found is None, offset
        else:
            assert found[0] is expected[0] and found[1] == expected[1], offset


def test_law_subject_read_from_its_sentence():
    tokens, i = tokens_at(russian_nlp().analyze(TEXT)).get(TEXT.index("иностранных"))
    assert tokens[i].text == "иностранных"
    assert tokens[i + 1].text == "агентах"
