"""Review in the browser's way, without JavaScript: the queue, one fact at a time (accept,
reject, correct, skip), bulk decisions; each decision says who and when on the fact."""

from __future__ import annotations

import re

from web.webhelpers import csrf_of, export_of


def suggested_ids(db) -> list[str]:
    return [f["id"] for f in export_of(db)["facts"] if f["status"] == "suggested"]


def test_one_at_a_time_accept_moves_to_the_next(editor, web_db):
    first = editor.get("/review/next")
    assert first.status_code == 303
    fact_url = first.headers["location"]
    fact_id = fact_url.rsplit("/", 1)[1]
    page = editor.get(fact_url).text
    assert 'data-key="a"' in page and 'data-key="r"' in page and "<mark>" in page
    # pressing Enter in a correction field submits the first button: it must be "correct"
    buttons = re.findall(r'<button type="submit" name="decision" value="(\w+)"', page)
    assert buttons[0] == "correct" and {"accept", "reject"} <= set(buttons)
    response = editor.post(fact_url, data={"decision": "accept", "csrf_token": csrf_of(page)})
    assert response.status_code == 303
    next_url = response.headers["location"]
    assert next_url.startswith("/review/fct_") and fact_id not in next_url.split("?")[0]
    fact = next(f for f in export_of(web_db)["facts"] if f["id"] == fact_id)
    assert fact["status"] == "accepted" and fact["reviewed_by"] == "editor"
    assert fact["reviewed_at"]
    shown = editor.get(f"/facts/{fact_id}").text
    assert "<strong>editor</strong>" in shown and "accepted" in shown
    assert "Decision recorded." in editor.get(next_url).text


def test_skip_goes_to_the_following_fact(editor):
    first = editor.get("/review/next").headers["location"]
    page = editor.get(first).text
    skip = re.search(r'href="(/review/next\?after=[^"]+)" data-key="s"', page).group(1)
    second = editor.get(skip.replace("&amp;", "&")).headers["location"]
    assert second != first and second.startswith("/review/fct_")


def test_correct_a_field_and_pick_another_entity(editor, web_db):
    record = export_of(web_db)
    fact = next(f for f in record["facts"] if f["type"] == "sentence")
    page = editor.get(f"/review/{fact['id']}").text
    assert 'name="attr.penalty"' in page and 'name="subject"' in page
    other = next(
        e for e in record["entities"] if e["type"] == "person" and e["id"] != fact["subject"]
    )
    form = {
        "decision": "correct",
        "csrf_token": csrf_of(page),
        "attr.penalty": "restricted_freedom",
        "attr.term_months": "36",
        "date": "2023-11-29",
        "subject": fact["subject"],
        "subject_other": other["id"],
        "object": "",
        "note": "read the verdict again",
    }
    response = editor.post(f"/review/{fact['id']}", data=form)
    assert response.status_code == 303
    changed = next(f for f in export_of(web_db)["facts"] if f["id"] == fact["id"])
    assert changed["status"] == "accepted" and changed["subject"] == other["id"]
    assert changed["attributes"]["penalty"] == "restricted_freedom"
    assert changed["attributes"]["term_months"] == 36 and changed["date"] == "2023-11-29"
    history = editor.get(f"/facts/{fact['id']}").text
    assert "corrected" in history and "<code>subject</code>" in history
    assert "read the verdict again" in history


def test_a_sentence_can_be_corrected_to_the_death_penalty(editor, web_db):
    """Facts stored before the vocabulary had `death` said `other`: a reviewer fixes them."""
    fact = next(f for f in export_of(web_db)["facts"] if f["type"] == "sentence")
    page = editor.get(f"/review/{fact['id']}").text
    assert re.search(r'<option value="death"[^>]*>death penalty</option>', page)
    form = {"decision": "correct", "csrf_token": csrf_of(page), "attr.penalty": "death"}
    form |= {"attr.term_months": "", "subject": fact["subject"], "object": ""}
    assert editor.post(f"/review/{fact['id']}", data=form).status_code == 303
    changed = next(f for f in export_of(web_db)["facts"] if f["id"] == fact["id"])
    assert changed["attributes"]["penalty"] == "death"
    assert changed["attributes"].get("term_months") is None  # a death sentence has no term


def test_a_bad_correction_is_shown_not_saved(editor, web_db):
    fact = next(f for f in export_of(web_db)["facts"] if f["type"] == "sentence")
    page = editor.get(f"/review/{fact['id']}").text
    response = editor.post(
        f"/review/{fact['id']}",
        data={"decision": "correct", "csrf_token": csrf_of(page), "date": "yesterday"},
    )
    assert response.status_code == 422 and "is not an ISO date" in response.text
    assert next(f for f in export_of(web_db)["facts"] if f["id"] == fact["id"])["status"] == (
        "suggested"
    )


def test_reject_and_bulk_decisions(editor, web_db):
    ids = suggested_ids(web_db)
    page = editor.get(f"/review/{ids[0]}").text
    editor.post(f"/review/{ids[0]}", data={"decision": "reject", "csrf_token": csrf_of(page)})
    queue = editor.get("/review").text
    assert f'value="{ids[0]}"' not in queue  # no longer in the queue
    response = editor.post(
        "/review/bulk",
        data={"csrf_token": csrf_of(queue), "decision": "accept", "fact": [ids[1], ids[2]]},
    )
    assert response.status_code == 303 and "done=2" in response.headers["location"]
    status = {f["id"]: f["status"] for f in export_of(web_db)["facts"]}
    assert status[ids[0]] == "rejected"
    assert status[ids[1]] == status[ids[2]] == "accepted"
    assert "Decision recorded." in editor.get(response.headers["location"]).text


def test_queue_filters_by_type_and_ends(editor, web_db):
    record = export_of(web_db)
    demands = [f["id"] for f in record["facts"] if f["type"] == "demand"]
    queue = editor.get("/review", params={"type": "demand"}).text
    shown = set(re.findall(r'name="fact" value="([^"]+)"', queue))
    assert shown == set(demands[:50])
    token = csrf_of(queue)
    editor.post(
        "/review/bulk",
        data={"csrf_token": token, "decision": "reject", "type": "demand", "fact": demands},
    )
    last = editor.get("/review/next", params={"type": "demand"})
    assert last.headers["location"] == "/review?type=demand"
    assert "Nothing waits for review." in editor.get("/review", params={"type": "demand"}).text


def test_a_correction_that_changes_nothing_records_no_change(editor, web_db):
    fact = next(
        f
        for f in export_of(web_db)["facts"]
        if f["type"] == "sentence" and f["attributes"].get("term_months") is None
    )
    page = editor.get(f"/review/{fact['id']}").text
    form = {"decision": "correct", "csrf_token": csrf_of(page), "note": "checked the verdict"}
    for key, value in fact["attributes"].items():
        if value is not None:
            form[f"attr.{key}"] = str(value).lower() if isinstance(value, bool) else str(value)
    assert editor.post(f"/review/{fact['id']}", data=form).status_code == 303
    history = editor.get(f"/facts/{fact['id']}").text
    assert "checked the verdict" in history and "<code>attributes</code>" not in history


def _life_sentence(db) -> dict:
    """The sample's life sentence (Kholbash Kholbashov, "sentenced to life imprisonment")."""
    return next(
        f for f in export_of(db)["facts"] if f["type"] == "sentence" and f["attributes"].get("life")
    )


def test_the_form_offers_life_and_a_reviewer_can_take_it_back(editor, web_db):
    fact = _life_sentence(web_db)
    page = editor.get(f"/review/{fact['id']}").text
    select = re.search(r'<select name="attr.life">(.*?)</select>', page, re.S).group(1)
    assert re.search(r'<option value="true"\s+selected>yes</option>', select)
    assert '<option value="false" >no</option>' in select
    assert 'name="attr.parole"' in page
    # a life sentence with a term is refused, and nothing is saved
    form = {
        "decision": "correct",
        "csrf_token": csrf_of(page),
        "attr.penalty": "imprisonment",
        "attr.life": "true",
        "attr.term_months": "240",
    }
    refused = editor.post(f"/review/{fact['id']}", data=form)
    assert refused.status_code == 422 and "life sentence has no term_months" in refused.text
    assert _life_sentence(web_db)["attributes"]["life"] is True
    # the reviewer reads the text again: twenty years, not life
    form.update({"attr.life": "", "attr.term_months": "240"})
    assert editor.post(f"/review/{fact['id']}", data=form).status_code == 303
    changed = next(f for f in export_of(web_db)["facts"] if f["id"] == fact["id"])
    assert changed["attributes"] == {"penalty": "imprisonment", "term_months": 240}


def test_a_sentence_can_be_corrected_to_life(editor, web_db):
    fact = next(
        f
        for f in export_of(web_db)["facts"]
        if f["type"] == "sentence" and f["attributes"].get("term_months")
    )
    page = editor.get(f"/review/{fact['id']}").text
    form = {
        "decision": "correct",
        "csrf_token": csrf_of(page),
        "attr.penalty": "imprisonment",
        "attr.term_months": "",
        "attr.life": "true",
        "attr.parole": "false",
    }
    assert editor.post(f"/review/{fact['id']}", data=form).status_code == 303
    changed = next(f for f in export_of(web_db)["facts"] if f["id"] == fact["id"])
    # JSON booleans in the export, not the form's words
    assert changed["attributes"] == {"penalty": "imprisonment", "life": True, "parole": False}
    again = editor.get(f"/review/{fact['id']}").text
    assert re.search(r'<option value="false"\s+selected>no</option>', again)
    form.update({"csrf_token": csrf_of(again), "attr.life": "maybe"})
    refused = editor.post(f"/review/{fact['id']}", data=form)
    assert refused.status_code == 422 and "maybe&#39; is not one of true, false" in refused.text
