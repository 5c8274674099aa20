"""Laws, article references, crimes and charges as extract() finds them: the spans NEREL
scores (LAW, CRIME, CONVICTED_OF) and the charge facts researchers review."""

import pytest

from pledgewatch.extract import extract


def spans(text: str, *types: str) -> set[str]:
    return {m.text for m in extract(text, "ru").mentions if m.type in types}


def charges(text: str) -> dict[str, list[str]]:
    """Subject name -> the crime spans of its charge facts."""
    extraction = extract(text, "ru")
    found = {}
    for fact in extraction.facts:
        if fact.type == "charge":
            name = extraction.entities[fact.subject].name
            found.setdefault(name, []).extend(text[a:b] for _, a, b in fact.spans)
    return found


# (text, mention types, texts that must be among their mentions)
PRESENT = [
    # a law by its subject, with the subject's complements
    (
        "Депутаты приняли закон о слежке за пользователями мессенджеров.",
        ("instrument",),
        {"закон о слежке за пользователями мессенджеров"},
    ),
    # a law named after a person
    ("Правозащитники потребовали отменить закон Яровой.", ("instrument",), {"закон Яровой"}),
    # a quoted title «О …» is also a mention of the law
    (
        "Парламент изменил закон «О средствах массовой информации».",
        ("instrument",),
        {"закон «О средствах массовой информации»", "О средствах массовой информации"},
    ),
    # the code of a country the provisions grammar does not list, and the nested references
    (
        "Его осудили по ч. 3 ст. 424 УК Республики Беларусь.",
        ("legal_provision",),
        {"ч. 3 ст. 424 УК Республики Беларусь", "ст. 424 УК Республики Беларусь"},
    ),
    (
        "Его осудили по ч. 3 ст. 424 УК Республики Беларусь.",
        ("instrument",),
        {"УК Республики Беларусь"},
    ),
    # the title of an administrative offence names a law, not a crime
    (
        "Его оштрафовали по статье 19.7 КоАП РФ («Непредставление сведений в налоговый орган»).",
        ("legal_provision",),
        {"Непредставление сведений в налоговый орган"},
    ),
    # a charge word governs the offence, a few words after it
    (
        "Следователи обвинили Ивана Петрова в хищении бюджетных средств.",
        ("crime",),
        {"хищении бюджетных средств"},
    ),
    (
        "Возбуждено дело о мошенничестве в особо крупном размере.",
        ("crime",),
        {"мошенничестве в особо крупном размере"},
    ),
    # two offences joined by «и» are two crimes
    (
        "Бизнесмена обвиняют в контрабанде сигарет и отмывании денег.",
        ("crime",),
        {"контрабанде сигарет", "отмывании денег"},
    ),
    ("Его обвиняют в подготовке теракта.", ("crime",), {"подготовке теракта"}),
    # a country or organization may end the offence; a person never is part of it
    (
        "Её задержали по обвинению в шпионаже в пользу Казахстана.",
        ("crime",),
        {"шпионаже в пользу Казахстана"},
    ),
]


@pytest.mark.parametrize("text, types, expected", PRESENT)
def test_spans_found(text, types, expected):
    assert expected <= spans(text, *types)


ABSENT = [
    # an attack reported as an event is not a charge
    ("Теракт в метро унёс жизни десяти человек.", ("crime",), {"Теракт"}),
    # a case about events, not about an offence
    ("Суд рассмотрел дело о январских событиях.", ("crime",), {"январских событиях"}),
    # «УК» of a management company is no criminal code
    ("Директор ООО УК «Жилсервис» уволился.", ("instrument",), {"УК"}),
    ("Бизнесмена обвиняют в контрабанде сигарет и отмывании денег.", ("crime",),
     {"контрабанде сигарет и отмывании денег"}),
    ("Его обвиняют в убийстве Ивана Петрова.", ("crime",), {"убийстве Ивана Петрова"}),
    # an offence word inside an article's gloss is not a second crime
    ("Его обвинили по ч. 1 ст. 30 УК РФ (попытка убийства).", ("crime",), {"убийства"}),
]  # fmt: skip


@pytest.mark.parametrize("text, types, absent", ABSENT)
def test_spans_not_found(text, types, absent):
    assert not absent & spans(text, *types)


def test_a_governed_offence_is_a_charge_without_another_charge_word():
    found = charges("Чиновника Бахыта Серикова уличили в получении взятки.")
    assert found == {"Бахыт Сериков": ["получении взятки"]}


def test_the_victim_named_after_the_offence_is_not_charged():
    found = charges("Сергея Иванова обвиняют в покушении на Петра Сидорова.")
    assert list(found) == ["Сергей Иванов"]


def test_each_of_two_offences_is_a_crime_span_of_the_charge():
    found = charges("Бизнесмена Армана Касымова обвиняют в контрабанде сигарет и отмывании денег.")
    assert sorted(found["Арман Касымов"]) == ["контрабанде сигарет", "отмывании денег"]


def test_persons_listed_together_share_a_sentence():
    extraction = extract(
        "Суд приговорил Арсена Ержанова и Данияра Сейткали к пяти годам лишения свободы.", "ru"
    )
    sentenced = {
        extraction.entities[f.subject].name for f in extraction.facts if f.type == "sentence"
    }
    assert sentenced == {"Арсен Ержанов", "Данияр Сейткали"}
