"""Small pieces of the web app, table-driven: highlighting, a person's status, charts."""

from __future__ import annotations

import pytest

from pledgewatch.web.charts import Series, bar_chart, timeline
from pledgewatch.web.highlight import document_segments, evidence_context, passage_segments
from pledgewatch.web.schemas import MentionOut
from pledgewatch.web.tracking import StatusEvent, demand_is_open, person_status


def mention(start, end, type_="person", entity="per_1", text="x"):
    return MentionOut(document="d", start=start, end=end, text=text, type=type_, entity=entity)


def test_segments_cover_the_text_and_prefer_entity_mentions():
    text = "Марат Жыланбаев осуждён по статье 405 УК РК."
    law = text.index("статье")
    crime = text.index("по статье")
    mentions = [
        mention(0, 15),
        mention(6, 15, "profession", None),  # inside the person: dropped
        mention(law, law + 16, "legal_provision", "law_1"),
        mention(crime, law + 16, "crime", None),  # overlaps the provision: dropped
    ]
    segments = document_segments(text, mentions, anchors=[0, law + 4])
    assert "".join(s.text for s in segments) == text
    linked = [(s.text, s.entity) for s in segments if s.entity]
    assert linked == [("Марат Жыланбаев", "per_1"), ("статье 405 УК РК", "law_1")]
    anchors = {a: s.text for s in segments for a in s.anchors}
    assert anchors == {0: "Марат Жыланбаев", law + 4: "статье 405 УК РК"}  # moved to its start


def test_segments_ignore_mentions_outside_the_text():
    segments = document_segments("abc", [mention(2, 10), mention(-1, 1)])
    assert [s.text for s in segments] == ["abc"]


def test_passage_marks_inflected_and_latin_forms():
    from pledgewatch.store.search import _query_groups

    marked = [
        s.text
        for s in passage_segments("Марату Жыланбаеву и Zhylanbayev", _query_groups("Жыланбаев"))
        if s.type
    ]
    assert marked == ["Жыланбаеву", "Zhylanbayev"]


def test_evidence_context_cuts_at_words():
    text = "один два три четыре пять шесть семь"
    start = text.index("четыре")
    before, quote, after = evidence_context(text, start, start + 6, width=8)
    assert quote == "четыре" and before.startswith("…") and after.endswith("…")


@pytest.mark.parametrize(
    "events, expected",
    [
        ([], "unknown"),
        ([("detention", "2023-01", {"kind": "arrest"})], "held"),
        ([("detention", None, {"kind": "house_arrest"})], "restricted"),
        (
            [
                ("sentence", "2023-11", {"penalty": "imprisonment"}),
                ("release", "2024-06", {"kind": "early"}),
            ],
            "released",
        ),
        (
            [
                ("release", "2022-01", {"kind": "full"}),
                ("detention", "2024-03", {"kind": "detention"}),
            ],
            "held",
        ),
        (
            [
                ("sentence", "2023-11", {"penalty": "imprisonment"}),
                ("release", None, {"kind": "pardon"}),
            ],
            "released",
        ),
        ([("sentence", None, {"penalty": "fine"})], "unknown"),
        ([("sentence", None, {"penalty": "suspended_sentence"})], "restricted"),
        ([("sentence", "2023-05-05", {"penalty": "death"})], "held"),  # on death row
        (
            [("detention", "2024-03-01", {}), ("release", "2024-03-01", {"kind": "full"})],
            "released",
        ),
    ],
)
def test_person_status(events, expected):
    items = [StatusEvent("per_1", t, d, a) for t, d, a in events]
    assert person_status(items) == expected


def test_demand_outcome():
    assert not demand_is_open("release", "released")
    assert demand_is_open("release", "held")
    assert demand_is_open("repeal", None)


def test_charts_escape_their_labels():
    svg = bar_chart(
        [("<b>KZ</b>", [1, 2])], [Series("held", "a&b"), Series("docs", "c")], title="t<"
    )
    assert "<b>" not in svg and "&lt;b&gt;KZ&lt;/b&gt;" in svg and "a&amp;b" in svg
    line = timeline(
        [
            ("2023-11", "sentence", "<script>", "#f1", False),
            (None, "role", "x", "#f2", False),
            ("2025-04-10", "release", "y", "#f3", True),
        ],
        title="tl",
    )
    assert line is not None and "<script>" not in line and "&lt;script&gt;" in line
    assert line.count("<circle") == 2 and 'class="event-release approximate"' in line
    assert "≈ 2025-04-10" in line
    assert timeline([(None, "role", "x", "#", False)], title="none") is None


def test_a_sentence_s_yes_no_attributes_are_json_booleans():
    from pledgewatch.web.review import ReviewError, clean_attributes

    given = {"penalty": "imprisonment", "term_months": "", "life": True, "parole": "false"}
    assert clean_attributes("sentence", given) == {
        "penalty": "imprisonment",
        "life": True,
        "parole": False,
    }
    with pytest.raises(ReviewError, match="no term_months"):
        clean_attributes("sentence", {"penalty": "imprisonment", "term_months": 84, "life": "true"})
    with pytest.raises(ReviewError, match="not one of true, false"):
        clean_attributes("sentence", {"penalty": "imprisonment", "life": "yes please"})
