"""Facts from the fixture documents (tests/fixtures/docs), one short text per phrasing the
core issue lists, scored against tests/fixtures/docs/expected.yaml.

The documents go through the real pipeline into a SQLite file, Russian first, so that an
English text can recognise a name already known in Cyrillic. The figures reached are the
floor: quality may rise, never silently fall.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from pledgewatch.config import Settings
from pledgewatch.evaluate.facts import Report, score_document
from pledgewatch.ingest.pipeline import ingest_paths
from pledgewatch.report.export import build_export
from pledgewatch.store.db import open_store, session_scope

DOCS = Path(__file__).resolve().parent.parent / "fixtures" / "docs"

# Floors: the figures reached (see README, "Fixture facts"). Lowered on 2026-11-29 when ten
# documents written after the rules were added (on those alone, at their first run: P 0.80,
# R 0.55; after the fixes they prompted, P 0.89, R 0.71), then raised to what all reach;
# eight more came in the next session (`heldout2-*`: first run P 0.75, R 0.64), and all 64
# reach the same floors after the fixes they prompted (P 0.955, R 0.895). Raised when
# allegations and designations came in with three documents written alongside their rules
# (`heldout3-*`, so not held out): all 67 reach P 0.959, R 0.917; then P 0.967, R 0.921 with
# release dates from the verdict («освобождены в зале суда») and no second acquittal.
MIN_PRECISION = 0.965
MIN_RECALL = 0.92


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> Report:
    expected = yaml.safe_load((DOCS / "expected.yaml").read_text(encoding="utf-8"))
    order = sorted(expected, key=lambda name: (expected[name]["language"] != "ru", name))
    engine = open_store(str(tmp_path_factory.mktemp("fixtures") / "facts.sqlite"))
    outcomes = list(ingest_paths(engine, [DOCS / name for name in order], Settings()))
    assert [o.status for o in outcomes] == ["added"] * len(order), [o.error for o in outcomes]
    with session_scope(engine) as session:
        export = build_export(session)
    source_of = {d["id"]: Path(d["source"]).name for d in export["documents"]}
    entities = {e["id"]: e for e in export["entities"]}
    facts_by_doc = defaultdict(list)
    for fact in export["facts"]:
        facts_by_doc[source_of[fact["evidence"][0]["document"]]].append(fact)
    report = Report()
    for name in order:
        score_document(report, name, expected[name], facts_by_doc[name], entities)
    return report


def test_fixture_facts_score_at_least_the_recorded_floor(scored):
    lines = [
        f"{t:12} P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f} (tp {s.tp} fp {s.fp} fn {s.fn})"
        for t, s in sorted(scored.by_type.items())
    ]
    total = scored.total
    lines.append(f"{'all':12} P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}")
    print("\n".join(lines))
    print("\n".join(["misses:", *scored.misses, "extras:", *scored.extras]))
    assert total.precision >= MIN_PRECISION, lines
    assert total.recall >= MIN_RECALL, lines


def test_nothing_the_fixtures_forbid_is_extracted(scored):
    assert scored.forbidden == []
