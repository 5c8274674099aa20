"""The trained role link classifier (extract.role_model): the links it adds to the rules'
role facts, with a confidence under theirs, the ones it must not add, and its training
script (train/works_as.py) run end to end on a few NEREL train documents. Example
sentences are written for these tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from pledgewatch.extract import extract
from pledgewatch.extract.role_model import MAX_CONFIDENCE, MODEL_PATH, RoleModel, role_model

NEREL_TRAIN = SHARED / "data" / "nerel-v1.1" / "train"


def _roles(text: str) -> dict[tuple[str, str], float]:
    """(person name, profession text) -> confidence of every role fact."""
    ex = extract(text, "ru")
    return {
        (ex.entities[f.subject].name, text[start:end]): f.confidence
        for f in ex.facts
        if f.type == "role"
        for _type, start, end in f.spans
    }


def test_the_shipped_model_loads_once():
    assert MODEL_PATH.exists(), "src/pledgewatch/data/role_model.npz: run train/works_as.py"
    model = role_model()
    assert model is role_model()
    assert 0 < model.threshold < 1 and model.buckets == len(model.weights)


@pytest.mark.parametrize(
    ("text", "person", "professions"),
    [
        # a list of posts after a linking verb and a colon
        (
            "Ерлан Калиев ранее занимал много постов: был начальником штаба, главой "
            "полиции, министром обороны.",
            "Ерлан Калиев",
            {"начальником штаба", "главой полиции", "министром обороны"},
        ),
        # an apposition after an age
        ("Асель Нурова — 45 лет, врач, мать троих детей.", "Асель Нурова", {"врач"}),
        # the profession in the next sentence, the person named in the one before
        (
            "Вчера в Москве скончался Олег Петров. 81-летний писатель долго болел.",
            "Олег Петров",
            {"писатель"},
        ),
        # or named four sentences before, the text about them alone
        (
            "Олег Петров родился в Омске. Там он окончил школу. Потом переехал в Москву. "
            "Там женился. В понедельник 81-летний писатель умер.",
            "Олег Петров",
            {"писатель"},
        ),
    ],
)
def test_the_model_adds_links_the_rules_miss(text, person, professions):
    roles = _roles(text)
    for profession in professions:
        assert (person, profession) in roles
        # a guess: under the rules' confidence, a plain float a database can store
        assert type(roles[(person, profession)]) is float
        assert roles[(person, profession)] <= MAX_CONFIDENCE < 0.8


@pytest.mark.parametrize(
    "text",
    [
        # a name in the genitive after a profession is the profession's client
        "Адвокат Ивана Петрова подал жалобу в суд.",
        # a bare profession after a sentence about someone is most often someone else's
        "Ивана Петрова задержали в Алматы. Адвокат заявил, что обжалует арест.",
        "Вчера Асель Нурова встретилась с журналистами. Журналисты спросили её о суде.",
        # a relative's profession: the name is the relative
        "На премьеру пришла дочь известного писателя Мария Петрова.",
        "Мария Петрова, дочь известного писателя, пришла на премьеру.",
        "На премьеру пришла дочь известного писателя, актёра и режиссёра Мария Петрова.",
        # the profession of the subject, the name the object
        "Журналист встретился с Ерланом Калиевым в Алматы.",
        "Сотрудники полиции задержали Ерлана Калиева.",
    ],
)
def test_no_link_for_someone_elses_profession(text):
    assert _roles(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Суд признал Ерлана Калиева виновным. Калиеву запрещено:\nработать журналистом.",
        "Ерлану Калиеву на три года запрещено работать учителем.",
        "Ерлан Калиев лишён права работать адвокатом.",
    ],
)
def test_no_link_to_a_profession_someone_is_barred_from(text):
    assert not [p for (_name, p) in _roles(text) if p in ("журналистом", "учителем", "адвокатом")]


@pytest.mark.skipif(not NEREL_TRAIN.is_dir(), reason=f"NEREL is not here ({NEREL_TRAIN})")
def test_training_script_writes_a_model_that_loads(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("works_as", ROOT / "train" / "works_as.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "role_model.npz"
    lines: list[str] = []
    script.train(NEREL_TRAIN, out, limit=6, log=lines.append)
    model = RoleModel.load(out)
    assert model.buckets == script.BUCKETS and model.threshold in script.THRESHOLDS
    assert lines[0].startswith("6 documents")
    # deterministic to the byte: a rerun on the same data leaves the shipped file unchanged
    again = tmp_path / "again.npz"
    script.train(NEREL_TRAIN, again, limit=6, log=lines.append)
    assert again.read_bytes() == out.read_bytes()
