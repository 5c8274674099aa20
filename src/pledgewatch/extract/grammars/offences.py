"""Offences named in words («разжигание социальной розни», "spreading false information")
mapped to charge categories (``vocab.CHARGE_CATEGORIES``).

Each rule is a regular expression over word stems, so every case form matches
(разжигание, разжигания, разжиганию, разжиганием, разжигании). The span is the whole phrase
(«возбуждение социальной, национальной или религиозной розни», «участие в деятельности
экстремистской организации»), which is what NEREL annotates as a CRIME; quotes around the
phrase («…», »…», "…") are left out of it.

Where phrases overlap the longest wins ("финансирование экстремистской деятельности" over
"экстремистской деятельности").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgewatch.extract.grammars.numbers import FLAGS, key_windows, lowered, non_overlapping


@dataclass
class OffenceMatch:
    start: int
    end: int
    text: str
    category: str  # one of vocab.CHARGE_CATEGORIES


# A run of Russian adjectives: «социальной, национальной, родовой, расовой или религиозной».
_ADJ = r"[а-яё]+(?:-[а-яё]+)?(?:ой|ей|ую|юю|ая|яя|ых|их|ые|ие|ым|им|ого|его|ому|ему|ом|ем|ый|ий)"
_ADJS = rf"(?:{_ADJ}(?:\s*,\s*|\s+(?:или|и)\s+|\s+)){{0,8}}"
_EN_ADJS = (
    r"(?:(?:social|national|ethnic|inter-?ethnic|racial|religious|inter-?religious|inter-?faith|"
    r"clan|class|tribal|estate|sectarian)(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+|\s+)){0,8}"
)
_DISCORD = r"(?:розн(?:ь|и|ью)|вражд(?:а|ы|е|у|ой)|ненавист(?:ь|и|ью))(?![\w])"
_EN_DISCORD = r"(?:discord|hatred|enmity|hostility|strife)(?![\w])"

# (category, keys, pattern), most specific first. A pattern starts at a word start; ``keys``
# are lower-case stems of which every match contains one: a rule runs only on texts that
# have one of its keys, which keeps the grammar cheap (most texts name few offences).
RULES: list[tuple[str, tuple[str, ...], str]] = [
    # --- Russian ---
    (
        "financing_extremism",
        ("финансировани",),
        r"финансировани\w+\s+(?:экстремистск\w+\s+(?:деятельност|организаци)\w*|экстремизм\w*)",
    ),
    (
        "terrorism",
        ("террор", "теракт"),
        r"(?:публичн\w+\s+)?(?:(?:пропаганд|оправдани|финансировани|подготовк|пособничеств"
        r"|содействи|организаци|планировани)\w*(?:\s+в\s+совершении)?"
        r"|призыв\w+\s+к(?:\s+(?:совершению|осуществлению))?)\s+"
        r"(?:терроризм\w*|теракт\w*|террористическ\w+\s+(?:деятельност|акт)\w*)",
    ),
    (
        "terrorism",
        ("террор",),
        r"участи\w+\s+в\s+(?:деятельности\s+)?(?:запрещ[её]нн\w+\s+)?террористическ\w+\s+(?:организаци|групп)\w*",
    ),
    (
        "extremism",
        ("экстремистск",),
        r"(?:участи\w+\s+в\s+(?:деятельности\s+)?|создани\w+(?:\s+(?:и|или)\s+руководств\w+)?\s+|"
        r"руководств\w+\s+|организаци\w+\s+деятельности\s+|членств\w+\s+в\s+)"
        r"(?:запрещ[её]нн\w+\s+)?экстремистск\w+\s+(?:организаци|групп|сообществ)\w*",
    ),
    (
        "extremism",
        ("экстремистск",),
        r"(?:(?:публичн\w+\s+)?призыв\w+\s+к\s+|участи\w+\s+в\s+|осуществлени\w+\s+)?"
        r"экстремистск\w+\s+деятельност\w+",
    ),
    (
        "extremism",
        ("экстремистск",),
        r"(?:хранени|распространени|изготовлени|приобретени|перевозк)\w*"
        r"(?:\s+(?:и|или)\s+\w+)?\s+экстремистск\w+\s+материал\w*",
    ),
    ("extremism", ("экстремизм",), r"экстремизм\w*"),
    (
        "terrorism",
        ("террор", "теракт"),
        r"(?:терроризм\w*|теракт\w*|террористическ\w+\s+(?:акт|деятельност)\w*)",
    ),
    (
        "inciting_discord",
        ("розн", "вражд", "ненавист"),
        r"(?:разжига\w*|разжечь|разожг\w*|возбужд\w*|возбуди\w*|провоцирова\w*|пропаганд\w*)\s+"
        rf"{_ADJS}{_DISCORD}(?:\s+(?:и|или|либо)\s+{_DISCORD})?",
    ),
    (
        "false_information",
        ("ложн", "недостоверн", "фейк"),
        r"(?:(?:публичн\w+\s+)?распростран\w+\s+(?:заведомо\s+)?(?:ложн\w+|недостоверн\w+(?:\s+общественно\s+значим\w+)?)"
        r"\s+(?:информаци\w+|сведени\w+)"
        # «распространение фейков», «… фейковых новостей»: not the adjective alone
        r"|распростран\w+\s+(?:фейк(?:и|ов|ам|ами|ах)?(?![\w-])|фейков\w+\s+(?:новост|информаци|сведени)\w*)"
        r"|заведомо\s+ложн\w+\s+(?:информаци|сведени)\w*)",
    ),
    (
        "mass_riots",
        ("беспорядк",),
        r"(?:(?:организаци|участи|подготовк)\w+(?:\s+(?:и|или)\s+(?:организаци|участи|подготовк)\w+)?"
        r"\s+(?:в\s+)?|призыв\w+\s+к\s+(?:участию\s+в\s+)?)?массов\w+\s+беспорядк\w+",
    ),
    (
        "anti_constitutional",
        ("конституционн",),
        r"(?:(?:публичн\w+\s+)?призыв\w+\s+к\s+)?(?:насильственн\w+\s+)?(?:изменени\w+|свержени\w+|захват\w*)"
        r"\s+конституционн\w+\s+стро\w+",
    ),
    (
        "anti_constitutional",
        ("власти",),
        r"(?:(?:публичн\w+\s+)?призыв\w+\s+к\s+)?(?:насильственн\w+\s+)?захват\w*"
        r"(?:\s+(?:или|и)\s+(?:насильственн\w+\s+)?удержани\w+)?\s+(?:государственной\s+)?власти",
    ),
    (
        "insulting_president",
        ("президент", "государства", "елбас", "нации"),
        r"(?:оскорблени\w+|посягательств\w+\s+на|унижени\w+)\s+"
        r"(?:(?:чест\w+|достоинств\w+)(?:\s+и\s+(?:чест|достоинств)\w+)?\s+)?"
        r"(?:Первого\s+)?(?:Президент\w*|глав\w+\s+государства|Елбас\w*|Лидер\w*\s+нации)",
    ),
    ("insulting_official", ("власти",), r"оскорблени\w+\s+представител\w+\s+власти"),
    ("other", ("власти",), r"применени\w+\s+насили\w+\s+в\s+отношении\s+представител\w+\s+власти"),
    (
        "unauthorized_assembly",
        ("собрани", "митинг", "мероприяти", "шестви", "пикет", "демонстраци"),
        r"нарушени\w+\s+(?:[а-яё]+\s+){0,5}?(?:порядк\w+\s+)?(?:организации\s+(?:и|или)\s+)?проведени\w+\s+"
        r"(?:мирн\w+\s+)?(?:собрани\w+|митинг\w+|публичн\w+\s+мероприяти\w+|шестви\w+|пикет\w+|демонстраци\w+)",
    ),
    (
        "unauthorized_assembly",
        ("митинг", "акци", "собрани", "шестви", "пикет", "демонстраци", "мероприяти"),
        r"(?:(?:участи\w+|организаци\w+|проведени\w+)\s+(?:в\s+)?)?(?:несанкционированн|несогласованн|незаконн)\w+\s+"
        r"(?:митинг\w*|акци\w+|собрани\w+|шестви\w+|пикет\w*|демонстраци\w+|мероприяти\w+)",
    ),
    ("treason", ("измен",), r"(?:государственн\w+\s+измен\w+|измен\w+\s+родин\w+)"),
    ("fraud", ("мошенничеств",), r"мошенничеств\w*"),
    (
        "other",
        ("хулиганств", "вымогательств", "клевет", "налог"),
        r"(?:хулиганств\w*|вымогательств\w*|клевет(?:а|ы|е|у|ой)|уклонени\w+\s+от\s+уплаты\s+налог\w+)",
    ),
    # --- English ---
    (
        "financing_extremism",
        ("financ",),
        r"financ\w+\s+(?:of\s+)?(?:extremism|extremist\s+(?:activit(?:y|ies)|organi[sz]ations?))",
    ),
    (
        "terrorism",
        ("terror",),
        r"(?:(?:propaganda|justification|financing|glorification)\s+(?:of\s+)?|calls?\s+for\s+|incitement\s+to\s+)?"
        r"(?:terrorism|terrorist\s+(?:acts?|attacks?|activit(?:y|ies)))",
    ),
    (
        "terrorism",
        ("terrorist",),
        r"(?:participat\w+\s+in|membership\s+(?:in|of))\s+(?:an?\s+|the\s+)?terrorist\s+(?:organi[sz]ation|group)s?",
    ),
    (
        "extremism",
        ("extremist",),
        r"(?:participat\w+\s+in|membership\s+(?:in|of)|creat\w+|organi[sz]\w+|lead\w*|found\w*)\s+"
        r"(?:the\s+activit(?:y|ies)\s+of\s+)?(?:an?\s+|the\s+)?(?:banned\s+)?extremist\s+"
        r"(?:organi[sz]ation|group|communit(?:y|ies)|cell)s?",
    ),
    (
        "extremism",
        ("extremis",),
        r"(?:(?:possess\w*|distribut\w+|disseminat\w+|stor\w+)\s+(?:of\s+)?extremist\s+materials?"
        r"|extremist\s+activit(?:y|ies)|extremism)",
    ),
    (
        "inciting_discord",
        ("discord", "hatred", "enmity", "hostility", "strife"),
        r"(?:incit\w+|stir\w*(?:\s+up)?|foment\w*|kindl\w+|instigat\w+|sow\w*|propaganda)"
        rf"(?:\s+(?:of|to))?\s+{_EN_ADJS}{_EN_DISCORD}",
    ),
    (
        "false_information",
        ("false", "fake", "untrue"),
        r"(?:(?:spread\w*|disseminat\w+|distribut\w+|publish\w*)\s+(?:of\s+)?(?:knowingly\s+|deliberately\s+)?"
        r"(?:false|fake|untrue)\s+(?:information|news|reports?)|knowingly\s+false\s+information)",
    ),
    (
        "mass_riots",
        ("mass",),
        r"(?:(?:organi[sz]\w+|participat\w+\s+in|incit\w+(?:\s+to)?|calls?\s+(?:for|to))\s+(?:the\s+)?)?"
        r"mass\s+(?:riots?|unrest|disorders?)",
    ),
    (
        "anti_constitutional",
        ("constitutional",),
        r"(?:calls?\s+(?:for|to)\s+)?(?:the\s+)?(?:violent(?:ly)?\s+)?(?:overthrow\w*|chang\w+|overturn\w*|subver\w+)"
        r"\s+(?:of\s+)?(?:the\s+)?constitutional\s+(?:order|system)",
    ),
    (
        "anti_constitutional",
        ("power",),
        r"(?:violent\s+)?(?:seizure|seizing|usurpation)\s+(?:of\s+)?(?:state\s+)?power",
    ),
    (
        "insulting_president",
        ("president", "head"),
        r"(?:insult\w*|defam\w+|encroach\w+\s+on)\s+(?:of\s+|to\s+)?(?:the\s+)?"
        r"(?:honou?r\s+and\s+dignity\s+of\s+(?:the\s+)?)?(?:First\s+)?(?:President|head\s+of\s+state)",
    ),
    (
        "insulting_official",
        ("insult",),
        r"insult\w*\s+(?:of\s+|to\s+)?(?:an?\s+|the\s+)?(?:government\s+|public\s+|state\s+|police\s+)?"
        r"(?:officials?|officers?|representatives?\s+of\s+(?:the\s+)?(?:authorities|government|state))",
    ),
    (
        "unauthorized_assembly",
        ("rall", "protest", "assembl", "demonstration", "gathering", "picket", "meeting", "march"),
        r"(?:(?:organi[sz]\w+|participat\w+\s+in|(?:tak\w+|took)\s+part\s+in|holding)\s+(?:an?\s+)?)?"
        r"(?:unauthori[sz]ed|unsanctioned|illegal|unpermitted)\s+"
        r"(?:rall(?:y|ies)|protests?|assembl(?:y|ies)|demonstrations?|gatherings?|pickets?|meetings?|marches)",
    ),
    (
        "unauthorized_assembly",
        ("assembl", "rall", "meeting", "gathering", "event"),
        r"(?:violat\w+|breach\w*)\s+(?:of\s+)?(?:the\s+)?(?:procedure|rules|law|order)\s+(?:for|on|of)\s+"
        r"(?:organi[sz]ing\s+and\s+)?(?:holding\s+)?(?:peaceful\s+)?"
        r"(?:assembl(?:y|ies)|rall(?:y|ies)|meetings?|gatherings?|public\s+events?)",
    ),
    ("treason", ("treason",), r"(?:high\s+)?treason"),
    ("fraud", ("fraud", "swindling"), r"(?:fraud|swindling)"),
    (
        "other",
        ("hooliganism", "extortion", "tax", "libel", "defamation"),
        r"(?:hooliganism|extortion|tax\s+evasion|libel|criminal\s+defamation)",
    ),
]

_COMPILED = [
    (category, keys, re.compile(rf"(?<![\w-]){pattern}(?![\w])", FLAGS))
    for category, keys, pattern in RULES
]


# How far a phrase reaches from its key: «нарушение законодательства Республики Казахстан о
# порядке организации и проведения мирных собраний» has its key near the end.
_REACH = 160


def find_offences(text: str) -> list[OffenceMatch]:
    """Offences named in ``text``, sorted by position, non-overlapping (the longest phrase
    wins; between equally long ones, the rule listed first)."""
    low = lowered(text)
    found: set[tuple[int, int, int, str]] = set()
    for order, (category, keys, regex) in enumerate(_COMPILED):
        for lo, hi in key_windows(low, keys, _REACH, _REACH):
            found.update(
                (m.start(), m.end(), order, category) for m in regex.finditer(text, lo, hi)
            )
    return non_overlapping(
        ((start - end, order), start, end, OffenceMatch(start, end, text[start:end], category))
        for start, end, order, category in found
    )
