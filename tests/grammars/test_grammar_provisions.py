"""References to legal provisions (pledgewatch.extract.grammars.provisions)."""

import pytest

from pledgewatch.extract.grammars.provisions import find_provision_refs

# (sentence, matched text, articles, part, paragraph, code, country)
REFS = [
    ("Его обвиняют по части 1 статьи 174 УК РК.", "части 1 статьи 174 УК РК", ["174"], "1", None, "CC", "KZ"),
    ("возбуждено дело по ч. 2 ст. 174 УК РК", "ч. 2 ст. 174 УК РК", ["174"], "2", None, "CC", "KZ"),
    ("осуждена по статьи 405 и 258 УК РК", "статьи 405 и 258 УК РК", ["405", "258"], None, None, "CC", "KZ"),
    ("предъявлено обвинение по статьям 405, 258 и 182 Уголовного кодекса Республики Казахстан",
     "статьям 405, 258 и 182 Уголовного кодекса Республики Казахстан", ["405", "258", "182"], None, None, "CC", "KZ"),
    ("обвинение по ст. 274 УК", "ст. 274 УК", ["274"], None, None, "CC", None),
    ("статья 174 Уголовного кодекса («Возбуждение розни»)", "статья 174 Уголовного кодекса", ["174"], None, None, "CC", None),
    ("по статье 330 УК КР", "статье 330 УК КР", ["330"], None, None, "CC", "KG"),
    ("по статье 244-1 УК РУз", "статье 244-1 УК РУз", ["244-1"], None, None, "CC", "UZ"),
    ("статья 159 Уголовного кодекса Узбекистана", "статья 159 Уголовного кодекса Узбекистана", ["159"], None, None, "CC", "UZ"),
    ("ст. 307 УК РТ", "ст. 307 УК РТ", ["307"], None, None, "CC", "TJ"),
    ("по статье 189 Уголовного кодекса Таджикистана", "статье 189 Уголовного кодекса Таджикистана", ["189"], None, None, "CC", "TJ"),
    ("ст. 174 УК Туркменистана", "ст. 174 УК Туркменистана", ["174"], None, None, "CC", "TM"),
    ("ст. 280 УК РФ", "ст. 280 УК РФ", ["280"], None, None, "CC", "RU"),
    ("обвиняется по п. 2 ч. 3 ст. 272", "п. 2 ч. 3 ст. 272", ["272"], "3", "2", None, None),
    ("по п. «а» ч. 2 ст. 105 УК РФ", "п. «а» ч. 2 ст. 105 УК РФ", ["105"], "2", "а", "CC", "RU"),
    ("возбуждено уголовное дело по статьи 159 (часть 4)", "статьи 159 (часть 4)", ["159"], "4", None, None, None),
    ("ст.174 ч.1 УК РК", "ст.174 ч.1 УК РК", ["174"], "1", None, "CC", "KZ"),
    ("по\u00a0ст.\u00a0174\u00a0УК\u00a0РК", "ст.\u00a0174\u00a0УК\u00a0РК", ["174"], None, None, "CC", "KZ"),
    ("по статье 488 КоАП РК", "статье 488 КоАП РК", ["488"], None, None, "AC", "KZ"),
    ("статья 20.2 КоАП РФ", "статья 20.2 КоАП РФ", ["20.2"], None, None, "AC", "RU"),
    ("осуждены по статьям №213 и №115 УК РФ", "статьям №213 и №115 УК РФ", ["213", "115"], None, None, "CC", "RU"),
    ("обвинили по пунктам 1 и 7 части 2 статьи 104 УК РФ", "пунктам 1 и 7 части 2 статьи 104 УК РФ",
     ["104"], "2", "1,7", "CC", "RU"),
    # the article's title in quotes is part of the reference; a gloss in brackets is not
    ("по статье 128.1 УК РФ «Клевета»", "статье 128.1 УК РФ «Клевета»", ["128.1"], None, None, "CC", "RU"),
    ("дело по части 2 статьи 214 «Вандализм»", "части 2 статьи 214 «Вандализм»", ["214"], "2", None, None, None),
    ("по статье 488 Кодекса Республики Казахстан об административных правонарушениях",
     "статье 488 Кодекса Республики Казахстан об административных правонарушениях", ["488"], None, None, "AC", "KZ"),
    # English
    ("He was charged under Article 174 of the Criminal Code.", "Article 174 of the Criminal Code", ["174"], None, None, "CC", None),
    ("Article 174 of the Criminal Code of Kazakhstan", "Article 174 of the Criminal Code of Kazakhstan", ["174"], None, None, "CC", "KZ"),
    ("Articles 405 and 258 of Kazakhstan's Criminal Code", "Articles 405 and 258 of Kazakhstan's Criminal Code",
     ["405", "258"], None, None, "CC", "KZ"),
    ("convicted under Criminal Code Article 274", "Criminal Code Article 274", ["274"], None, None, "CC", None),
    ("convicted under Kyrgyzstan's Criminal Code Article 330", "Kyrgyzstan's Criminal Code Article 330", ["330"], None, None, "CC", "KG"),
    ("charged under Art. 174(1)", "Art. 174(1)", ["174"], "1", None, None, None),
    ("part 2 of Article 174 of the Criminal Code", "part 2 of Article 174 of the Criminal Code", ["174"], "2", None, "CC", None),
    ("Article 488 of the Code of Administrative Offences", "Article 488 of the Code of Administrative Offences",
     ["488"], None, None, "AC", None),
]  # fmt: skip


@pytest.mark.parametrize("sentence, span, articles, part, paragraph, code, country", REFS)
def test_reference(sentence, span, articles, part, paragraph, code, country):
    refs = find_provision_refs(sentence)
    assert len(refs) == 1, refs
    ref = refs[0]
    assert sentence[ref.start : ref.end] == ref.text == span
    assert (ref.articles, ref.part, ref.paragraph, ref.code, ref.country) == (
        articles,
        part,
        paragraph,
        code,
        country,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "статья в газете",
        "Статья журналиста вышла в 2023 году.",
        "Статья 174 предусматривает ответственность.",  # a bare article and no charge
        "Согласно статьи 5 Закона о СМИ журналист обвиняется в клевете.",
        "Статья 19 Международного пакта о гражданских и политических правах",
        "Article 19 of the ICCPR guarantees freedom of expression.",
        "Его задержали по ст. 107 УПК.",
        "в соответствии со статьей 32 Конституции",
        "согласно статье 5 «Закона о СМИ» журналист обвиняется в клевете",
        "The article was published in 2023.",
    ],
)
def test_no_reference(sentence):
    assert find_provision_refs(sentence) == []


def test_a_listed_reference_takes_the_code_of_the_next():
    sentence = "обвиняется по ч. 2 ст. 174 и ч. 1 ст. 405 УК РК"
    refs = find_provision_refs(sentence)
    assert [(r.text, r.articles, r.part, r.code, r.country) for r in refs] == [
        ("ч. 2 ст. 174", ["174"], "2", "CC", "KZ"),
        ("ч. 1 ст. 405 УК РК", ["405"], "1", "CC", "KZ"),
    ]


def test_a_part_before_the_next_article_is_that_article_s():
    sentence = "Ему предъявили обвинение по ч. 3 ст. 30, ч. 1 ст. 318 УК РФ."
    refs = find_provision_refs(sentence)
    assert [(r.text, r.articles, r.part, r.code) for r in refs] == [
        ("ч. 3 ст. 30", ["30"], "3", "CC"),
        ("ч. 1 ст. 318 УК РФ", ["318"], "1", "CC"),
    ]


def test_a_count_after_the_list_is_not_an_article():
    sentence = "обвинили по статье 174 и 2 человека задержали"
    assert [r.articles for r in find_provision_refs(sentence)] == [["174"]]


def test_several_references_in_a_text():
    text = (
        "Суд признал его виновным по части 2 статьи 174 УК РК и по статье 274 Уголовного кодекса "
        "Республики Казахстан. В 2019 году его оштрафовали по статье 488 КоАП РК."
    )
    refs = find_provision_refs(text)
    assert [(r.articles, r.code, r.country) for r in refs] == [
        (["174"], "CC", "KZ"),
        (["274"], "CC", "KZ"),
        (["488"], "AC", "KZ"),
    ]
    assert all(text[r.start : r.end] == r.text for r in refs)


def test_a_charge_word_in_another_sentence_does_not_count():
    text = "Его обвинили в клевете. Статья 174 предусматривает до 7 лет."
    assert find_provision_refs(text) == []
    text = "Статья 174 применяется часто: по ней обвинили уже сотни людей."
    assert [r.articles for r in find_provision_refs(text)] == [["174"]]
