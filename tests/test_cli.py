"""The CLI end to end, as a user runs it: a real process, a real SQLite file."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

from pledgewatch.report.show import describe_fact
from pledgewatch.store.models import Fact

CLI = [sys.executable, "-m", "pledgewatch.cli"]


def run(*args: str, cwd: Path, env: dict | None = None, check: bool = True):
    result = subprocess.run(
        [*CLI, *args],
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The sample documents ingested once into the default database of a working folder."""
    folder = tmp_path_factory.mktemp("cli")
    result = run("ingest", str(SAMPLES), cwd=folder)
    return folder, result


def test_ingest_samples_summary(ingested):
    folder, result = ingested
    documents = len([p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"}])
    assert documents >= 15
    assert f"added {documents}, skipped 0 as duplicates, failed 0" in result.stdout
    assert (folder / "pledgewatch.sqlite").exists()  # the default database location


def test_second_ingest_adds_nothing(ingested):
    folder, _ = ingested
    result = run("ingest", str(SAMPLES), cwd=folder)
    assert "added 0," in result.stdout and "failed 0" in result.stdout


def test_export_json_is_deterministic_and_sourced(ingested):
    folder, _ = ingested
    first = run("export", "--format", "json", cwd=folder).stdout
    second = run("export", "--format", "json", cwd=folder).stdout
    assert first == second
    export = json.loads(first)
    assert export["schema"] == "pledgewatch/1"
    people = {e["name"] for e in export["entities"] if e["type"] == "person"}
    assert {"Марат Жыланбаев", "Темирлан Енсебек", "Айгерим Тлеужан"} <= people
    assert all(f["evidence"] and f["status"] == "suggested" for f in export["facts"])
    languages = {d["language"] for d in export["documents"]}
    assert {"ru", "en"} <= languages


def test_export_csv_one_file_per_entity_type_and_facts(ingested, tmp_path):
    folder, _ = ingested
    run("export", "--format", "csv", "-o", str(tmp_path / "out"), cwd=folder)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"documents.csv", "person.csv", "organization.csv", "facts.csv"} <= names
    with (tmp_path / "out" / "facts.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["evidence"] for row in rows)


def test_search_inflected_and_latin_forms(ingested):
    folder, _ = ingested
    for query in ("Жыланбаев", "Zhylanbayev"):
        result = run("search", query, cwd=folder)
        assert "Жыланбаев" in result.stdout, (query, result.stdout)
        assert "01_zhylanbayev-sentence-ru" in result.stdout or "doc_" in result.stdout


def test_show_prints_facts_with_evidence(ingested):
    folder, _ = ingested
    result = run("show", "Marat Zhylanbayev", cwd=folder)
    assert "Марат Жыланбаев" in result.stdout
    assert "sentence imprisonment 84 months" in result.stdout
    assert "“" in result.stdout  # the evidence sentence is quoted


def test_a_life_sentence_in_the_export_and_show(ingested):
    """Samples/17 «sentenced to life imprisonment»: `life`, not a term the text left out."""
    folder, _ = ingested
    export = json.loads(run("export", "--format", "json", cwd=folder).stdout)
    names = {e["id"]: e["name"] for e in export["entities"]}
    (life,) = [f for f in export["facts"] if f["attributes"].get("life")]
    assert life["type"] == "sentence" and names[life["subject"]] == "Kholbash Kholbashov"
    assert life["attributes"] == {"penalty": "imprisonment", "term_months": None, "life": True}
    shown = run("show", "Kholbash Kholbashov", cwd=folder).stdout
    assert "sentence imprisonment life" in shown and "life=" not in shown


def test_show_says_life_without_parole():
    fact = Fact(
        type="sentence",
        attributes={"penalty": "imprisonment", "term_months": None, "life": True, "parole": False},
        date="2023-05",
    )
    assert describe_fact(fact, {}) == "sentence imprisonment life without parole [2023-05]"


def test_show_unknown_entity_fails_cleanly(ingested):
    folder, _ = ingested
    result = run("show", "Nobody Nowhere", cwd=folder, check=False)
    assert result.returncode == 1
    assert "no entity matches" in result.stderr


def test_database_from_option_and_environment(tmp_path):
    one = tmp_path / "doc.txt"
    one.write_text("Журналист Данияр Адилбеков был задержан 3 марта 2024 года.", encoding="utf-8")
    run("--db", str(tmp_path / "a.sqlite"), "ingest", str(one), cwd=tmp_path)
    assert (tmp_path / "a.sqlite").exists()
    env = {"PLEDGEWATCH_DATABASE_URL": str(tmp_path / "b.sqlite")}
    run("ingest", str(one), cwd=tmp_path, env=env)
    assert (tmp_path / "b.sqlite").exists()
    assert not (tmp_path / "pledgewatch.sqlite").exists()


def test_bad_inputs_each_get_one_line_and_lose_nothing(tmp_path):
    """An empty file, a truncated PDF, a binary file named .txt, a file over the size limit,
    an HTML page with scripts, a cp1251 file and a missing path, in one run."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R")
    (folder / "big.txt").write_text("Правозащитники сообщили о задержании.\n" * 60_000, "utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Задержан журналист</title><script>alert('x')</script></head>"
        "<body><nav>Меню сайта</nav><article><p>Журналист Данияр Адилбеков был задержан "
        "в Алматы 3 марта 2024 года. Его обвиняют по статье 274 УК РК.</p>"
        "<p onclick=\"alert('y')\">Правозащитники потребовали освободить журналиста.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "legacy.txt").write_bytes(
        "Блогер Асхат Жексебаев приговорен к пяти годам лишения свободы.".encode("cp1251")
    )
    missing = tmp_path / "nowhere" / "gone.txt"
    env = {"PLEDGEWATCH_MAX_FILE_MB": "1"}
    result = run("ingest", str(folder), str(missing), cwd=tmp_path, env=env, check=False)
    assert result.returncode == 1
    assert "added 2, skipped 0 as duplicates, failed 5" in result.stdout
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failures) == 5, result.stderr
    expected = {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "truncated.pdf": "PDF",
        "big.txt": "1 MB limit",
        "gone.txt": "no such file",
    }
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in failures), (name, failures)
    export = json.loads(run("export", cwd=tmp_path, env=env).stdout)
    texts = {Path(d["source"]).name: d for d in export["documents"]}
    assert set(texts) == {"page.html", "legacy.txt"}
    assert texts["page.html"]["title"] == "Задержан журналист"
    people = {e["name"] for e in export["entities"] if e["type"] == "person"}
    assert {"Данияр Адилбеков", "Асхат Жексебаев"} <= people
    html_mentions = [m["text"] for e in export["entities"] for m in e["mentions"]]
    assert not any("alert" in text for text in html_mentions)


def test_usage_error_exits_2(tmp_path):
    result = run("export", "--format", "xml", cwd=tmp_path, check=False)
    assert result.returncode == 2


def test_ctrl_c_keeps_what_was_stored(tmp_path):
    """Interrupting a batch keeps every document already committed; ingesting again adds
    only the rest."""
    import signal
    import sqlite3
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(60):
        (folder / f"doc{n:02}.txt").write_text(
            f"Журналист Данияр Адилбеков{n} был задержан в Алматы. Документ номер {n}.\n" * 40,
            encoding="utf-8",
        )
    database = tmp_path / "pledgewatch.sqlite"
    process = subprocess.Popen(
        [*CLI, "ingest", str(folder)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def stored() -> int:
        try:
            with sqlite3.connect(database) as connection:
                return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            return 0

    deadline = time.monotonic() + 120
    while stored() < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    kept = stored()
    assert 3 <= kept, err
    if kept < 60:  # interrupted before the end
        assert process.returncode == 130, err
        assert "documents stored so far are kept" in err
    result = run("ingest", str(folder), cwd=tmp_path)
    assert f"added {60 - kept}, skipped {kept} as duplicates, failed 0" in result.stdout
    assert stored() == 60
