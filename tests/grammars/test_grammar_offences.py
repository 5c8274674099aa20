"""Offences named in words → charge categories (pledgewatch.extract.grammars.offences)."""

import pytest

from pledgewatch.extract.grammars.offences import RULES, find_offences
from pledgewatch.model.vocab import CHARGE_CATEGORIES

# (sentence, matched text, category)
OFFENCES = [
    # inciting discord, in every case
    ("Его обвиняют в разжигании розни.", "разжигании розни", "inciting_discord"),
    ("статья о разжигании социальной розни", "разжигании социальной розни", "inciting_discord"),
    ("обвинение в «разжигании розни»", "разжигании розни", "inciting_discord"),
    ("привлечен к ответственности по статье о разжиганию розни", "разжиганию розни", "inciting_discord"),
    ("дело о разжигания межнациональной розни", "разжигания межнациональной розни", "inciting_discord"),
    ("разжигание межнациональной розни", "разжигание межнациональной розни", "inciting_discord"),
    ("возбуждение социальной розни", "возбуждение социальной розни", "inciting_discord"),
    ("за возбуждение национальной вражды", "возбуждение национальной вражды", "inciting_discord"),
    ("по статье о возбуждении ненависти либо вражды", "возбуждении ненависти либо вражды", "inciting_discord"),
    ("Возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни",
     "Возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни",
     "inciting_discord"),
    ("возбуждение религиозной ненависти", "возбуждение религиозной ненависти", "inciting_discord"),
    # false information
    ("за »распространение ложной информации»", "распространение ложной информации", "false_information"),
    ("распространение заведомо ложной информации", "распространение заведомо ложной информации", "false_information"),
    ("обвиняется в распространении ложной информации", "распространении ложной информации", "false_information"),
    # extremism
    ("за участие в «экстремистской деятельности»", "экстремистской деятельности", "extremism"),
    ("участие в деятельности экстремистской организации", "участие в деятельности экстремистской организации", "extremism"),
    ("обвинение в экстремизме", "экстремизме", "extremism"),
    ("за хранение экстремистских материалов", "хранение экстремистских материалов", "extremism"),
    ("финансирование экстремистской деятельности", "финансирование экстремистской деятельности", "financing_extremism"),
    ("за финансирование экстремизма", "финансирование экстремизма", "financing_extremism"),
    # terrorism
    ("пропаганда терроризма", "пропаганда терроризма", "terrorism"),
    ("обвинение в терроризме", "терроризме", "terrorism"),
    ("публичные призывы к совершению террористической деятельности",
     "публичные призывы к совершению террористической деятельности", "terrorism"),
    # mass riots
    ("организация массовых беспорядков", "организация массовых беспорядков", "mass_riots"),
    ("участие в массовых беспорядках", "участие в массовых беспорядках", "mass_riots"),
    ("массовые беспорядки в Алматы", "массовые беспорядки", "mass_riots"),
    # anti-constitutional
    ("призывы к насильственному изменению конституционного строя",
     "призывы к насильственному изменению конституционного строя", "anti_constitutional"),
    ("обвинили в попытке захвата власти", "захвата власти", "anti_constitutional"),
    ("насильственный захват власти", "насильственный захват власти", "anti_constitutional"),
    # insults
    ("оскорбление представителя власти", "оскорбление представителя власти", "insulting_official"),
    ("за оскорбление президента", "оскорбление президента", "insulting_president"),
    ("посягательство на честь и достоинство Первого Президента",
     "посягательство на честь и достоинство Первого Президента", "insulting_president"),
    # assemblies
    ("нарушение порядка организации и проведения мирных собраний",
     "нарушение порядка организации и проведения мирных собраний", "unauthorized_assembly"),
    ("нарушение законодательства Республики Казахстан о порядке организации и проведения мирных собраний",
     "нарушение законодательства Республики Казахстан о порядке организации и проведения мирных собраний",
     "unauthorized_assembly"),
    ("за несанкционированный митинг", "несанкционированный митинг", "unauthorized_assembly"),
    ("за участие в несанкционированном митинге", "участие в несанкционированном митинге", "unauthorized_assembly"),
    # treason, fraud, other
    ("обвиняется в государственной измене", "государственной измене", "treason"),
    ("по статье «Мошенничество»", "Мошенничество", "fraud"),
    ("осужден за мошенничество", "мошенничество", "fraud"),
    ("обвинение в хулиганстве", "хулиганстве", "other"),
    # English
    ("He was charged with inciting social discord.", "inciting social discord", "inciting_discord"),
    ("inciting national, ethnic or religious hatred", "inciting national, ethnic or religious hatred",
     "inciting_discord"),
    ("incitement to ethnic hatred", "incitement to ethnic hatred", "inciting_discord"),
    ("charged with spreading false information", "spreading false information", "false_information"),
    ("dissemination of knowingly false information", "dissemination of knowingly false information",
     "false_information"),
    ("accused of extremism", "extremism", "extremism"),
    ("participation in the activities of a banned extremist organization",
     "participation in the activities of a banned extremist organization", "extremism"),
    ("financing of extremism", "financing of extremism", "financing_extremism"),
    ("propaganda of terrorism", "propaganda of terrorism", "terrorism"),
    ("organizing mass riots", "organizing mass riots", "mass_riots"),
    ("accused of participating in mass unrest", "participating in mass unrest", "mass_riots"),
    ("convicted of fraud", "fraud", "fraud"),
    ("charged with high treason", "high treason", "treason"),
    ("insulting a government official", "insulting a government official", "insulting_official"),
    ("insulting the president", "insulting the president", "insulting_president"),
    ("calls to overthrow the constitutional order", "calls to overthrow the constitutional order",
     "anti_constitutional"),
    ("seizure of power", "seizure of power", "anti_constitutional"),
    ("taking part in an unauthorized rally", "taking part in an unauthorized rally",
     "unauthorized_assembly"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, span, category", OFFENCES)
def test_offence(sentence, span, category):
    matches = find_offences(sentence)
    assert len(matches) == 1, matches
    match = matches[0]
    assert sentence[match.start : match.end] == match.text == span
    assert match.category == category


@pytest.mark.parametrize(
    "sentence",
    [
        "перестать злоупотреблять антиэкстремистской и антидезинформационной политикой",
        "возбуждение уголовного дела",
        "мирное собрание прошло спокойно",
        "власти Казахстана",
        "The president visited Almaty.",
        "a peaceful rally",
    ],
)
def test_no_offence(sentence):
    assert find_offences(sentence) == []


def test_the_seed_statement():
    text = (
        "положения Уголовного кодекса, предусматривающие наказание за участие в «экстремистской "
        "деятельности», «разжигание розни» и »распространение ложной информации»"
    )
    assert [(m.text, m.category) for m in find_offences(text)] == [
        ("экстремистской деятельности", "extremism"),
        ("разжигание розни", "inciting_discord"),
        ("распространение ложной информации", "false_information"),
    ]


def test_rules_use_the_vocabulary_and_lower_case_keys():
    for category, keys, _ in RULES:
        assert category in CHARGE_CATEGORIES
        assert keys and all(key == key.lower() for key in keys)


@pytest.mark.parametrize("sentence, span, category", OFFENCES)
def test_every_match_contains_a_key_of_its_rule(sentence, span, category):
    # a rule only runs where one of its keys occurs, so its matches must contain one
    keys = {
        key
        for rule_category, rule_keys, _ in RULES
        if rule_category == category
        for key in rule_keys
    }
    assert any(key in span.lower() for key in keys)
