"""Controlled vocabularies: declared once, used by extraction, storage, export and the UI.

Values may be added, never renamed (they are part of the export contract).
"""

ENTITY_TYPES = (
    "person",
    "organization",
    "country",
    "location",
    "legal_provision",
    "commitment",
    "instrument",
)

# Typed spans the extractor keeps besides entity mentions (scored by `eval nerel`).
SPAN_TYPES = ("profession", "crime", "penalty", "date", "event")

FACT_TYPES = (
    "role",
    "membership",
    "detention",
    "charge",
    "trial",
    "sentence",
    "acquittal",
    "allegation",
    "restriction",
    "release",
    "demand",
    "commitment",
    "designation",
)

ROLES = (
    "journalist",
    "blogger",
    "activist",
    "human_rights_defender",
    "lawyer",
    "opposition_politician",
    "official",
    "judge",
    "prosecutor",
    "other",
)

# A role's ``period``: set to ``former`` when the text calls it past («бывший прокурор»,
# «экс-президент», "former judge"); left out when it does not say (a reviewer may set
# ``current``).
ROLE_PERIODS = ("former", "current")

DETENTION_KINDS = ("arrest", "detention", "house_arrest")

TRIAL_STAGES = ("investigation", "trial", "appeal", "cassation")

PENALTIES = (
    "imprisonment",
    "restricted_freedom",
    "suspended_sentence",
    "administrative_arrest",
    "fine",
    "ban",
    "death",  # the death penalty («смертная казнь», "sentenced to death")
    "other",
)
# A life term is ``imprisonment`` with ``life: true`` and no ``term_months`` («пожизненное
# лишение свободы», "life imprisonment"); ``parole: false`` when the text rules parole out
# («без права условно-досрочного освобождения», "without parole"). Both are JSON booleans.
SENTENCE_FLAGS = ("life", "parole")
# How a form offers a boolean attribute (stored as true/false).
YES_NO = ("true", "false")

ALLEGATION_KINDS = ("torture", "ill_treatment", "denial_of_medical_care", "incommunicado", "other")

RESTRICTION_KINDS = ("travel_ban", "house_arrest", "surveillance", "other")

RELEASE_KINDS = ("full", "early", "amnesty", "pardon", "end_of_term", "transfer_to_house_arrest")

DEMAND_ACTIONS = (
    "release",
    "repeal",
    "amend",
    "abandon",
    "investigate",
    "stop",
    "drop_charges",
    "other",
)

THEMES = (
    "expression",
    "association",
    "assembly",
    "civil_society",
    "media",
    "human_rights_defenders",
    "women",
    "children",
    "fair_trial",
    "torture",
    "other",
)

DESIGNATION_KINDS = ("extremist", "terrorist", "undesirable", "foreign_agent")

CHARGE_CATEGORIES = (
    "extremism",
    "financing_extremism",
    "terrorism",
    "inciting_discord",
    "anti_constitutional",
    "false_information",
    "insulting_official",
    "insulting_president",
    "mass_riots",
    "unauthorized_assembly",
    "treason",
    "fraud",
    "other",
)

FACT_STATUSES = ("suggested", "accepted", "rejected")

# Central Asian states (ISO 3166-1 alpha-2).
REGION = ("KZ", "KG", "TJ", "TM", "UZ")
