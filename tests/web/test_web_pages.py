"""The HTML pages in-process: they show what the API returns, highlight mentions with links
to their entities, escape every piece of document text, and switch language."""

from __future__ import annotations

import html
import re

import pytest

from web.webhelpers import HOSTILE_NAME, api_token, csrf_of, export_of


@pytest.fixture
def record(web_db) -> dict:
    return export_of(web_db)


def entity_named(record: dict, name: str) -> dict:
    return next(e for e in record["entities"] if e["name"] == name)


def document_from(record: dict, source_part: str) -> dict:
    return next(d for d in record["documents"] if source_part in d["source"])


def test_home_counts_per_country_chart_and_latest(editor, record):
    page = editor.get("/")
    assert page.status_code == 200
    text = page.text
    assert "<svg" in text and 'class="chart"' in text
    assert "Kazakhstan" in text and "Kyrgyzstan" in text
    assert "People held" in text and "Open demands" in text and "Documents this month" in text
    for doc in record["documents"][:5]:
        assert f'href="/documents/{doc["id"]}"' in text
    assert 'action="/search"' in text


def test_document_highlights_mentions_and_lists_facts_with_evidence(editor, record, web_db):
    doc = document_from(record, "01_zhylanbayev")
    page = editor.get(f"/documents/{doc['id']}").text
    person = entity_named(record, "Марат Жыланбаев")
    assert re.search(
        rf'<a class="m m-person" href="/entities/{person["id"]}"[^>]*>Марату Жыланбаеву</a>', page
    )
    assert 'class="m m-organization"' in page and 'class="m m-location"' in page
    assert "samples/01_zhylanbayev-sentence-ru.txt" in page and ">ru<" in page
    client = editor
    client.headers.update({"Authorization": f"Bearer {api_token(web_db, 'editor')}"})
    api = client.get(f"/api/v1/documents/{doc['id']}").json()
    assert api["facts"]
    for fact in api["facts"]:  # one query layer: the page shows every fact the API returns
        assert f'id="fact-{fact["id"]}"' in page
        assert html.escape(fact["evidence"][0]["quote"], quote=False) in page
        assert f'id="ev-{fact["evidence"][0]["start"]}"' in page


def test_person_page(editor, record, web_db):
    person = entity_named(record, "Марат Жыланбаев")
    page = editor.get(f"/entities/{person['id']}").text
    assert "Marat Zhylanbayev" in page  # aliases in every script
    assert "Kazakhstan" in page
    assert "opposition politician" in page  # a role
    assert "status-held" in page
    assert "Timeline" in page and "imprisonment" in page
    assert "Суд приговорил его к семи годам лишения свободы." in page  # the evidence sentence
    assert "Demands made for this person" in page
    for doc_id in {m["document"] for m in person["mentions"]}:
        assert f'href="/documents/{doc_id}"' in page
    client = editor
    client.headers.update({"Authorization": f"Bearer {api_token(web_db, 'editor')}"})
    api = client.get(f"/api/v1/entities/{person['id']}").json()
    for fact in api["facts"] + api["incoming"]:
        assert f'id="fact-{fact["id"]}"' in page


def test_timeline_is_drawn_for_dated_events(editor, web_db):
    # a dated detention makes a point on the axis
    client = editor
    client.headers.update({"Authorization": f"Bearer {api_token(web_db, 'editor')}"})
    person = next(
        e
        for e in client.get("/api/v1/entities", params={"type": "person", "limit": 200}).json()[
            "items"
        ]
        if any(
            f["date"]
            for f in client.get("/api/v1/entities/" + e["id"]).json()["facts"]
            if f["type"] in ("detention", "sentence", "charge", "release")
        )
    )
    page = client.get(f"/entities/{person['id']}").text
    assert 'class="chart timeline"' in page and "<circle" in page


def test_provision_page_shows_what_points_to_it(editor, record):
    provisions = [e for e in record["entities"] if e["type"] == "legal_provision"]
    pointed = {f["object"]: f for f in record["facts"] if f["object"]}
    provision = next(p for p in provisions if p["id"] in pointed)
    page = editor.get(f"/entities/{provision['id']}").text
    assert "What points to it" in page
    fact = pointed[provision["id"]]
    assert f'id="fact-{fact["id"]}"' in page
    assert provision["attributes"].get("article", "") in page


def test_organization_page_shows_its_demands(editor, record):
    demands = [f for f in record["facts"] if f["type"] == "demand" and f["subject"]]
    org_id = demands[0]["subject"]
    page = editor.get(f"/entities/{org_id}").text
    assert "Facts about it" in page and "demand" in page
    assert f'id="fact-{demands[0]["id"]}"' in page


def test_search_latin_finds_the_cyrillic_record_with_facets(editor, record):
    page = editor.get("/search", params={"q": "Zhylanbayev"}).text
    person = entity_named(record, "Марат Жыланбаев")
    assert f'href="/entities/{person["id"]}"' in page
    assert "<mark>Жыланбаеву</mark>" in page or "<mark>Жыланбаева</mark>" in page
    for facet in ("Country", "Mentions a", "Has a fact", "Language"):
        assert f"<h2>{facet}</h2>" in page
    english = editor.get("/search", params={"q": "Zhylanbayev", "language": "en"}).text
    assert "samples/21_summit" in english and "samples/01_zhylanbayev" not in english
    inflected = editor.get("/search", params={"q": "Марата Жыланбаева"}).text
    assert "samples/01_zhylanbayev" in inflected


def test_search_with_dates_and_nothing_found(editor):
    page = editor.get("/search", params={"q": "Zhylanbayev", "date_from": "2025-04"}).text
    assert "samples/21_summit" in page  # published 2025-04-10
    assert "samples/01_zhylanbayev" not in page  # no publication date
    empty = editor.get("/search", params={"q": "несуществующееслово"}).text
    assert "Nothing found." in empty


def test_language_switch(editor, record):
    response = editor.get("/lang/ru", params={"next": "/"})
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert "pw_lang=ru" in response.headers["set-cookie"]
    page = editor.get("/").text
    assert "Под стражей" in page and "Казахстан" in page and '<html lang="ru">' in page
    doc = document_from(record, "17_mamadshoeva")
    text = editor.get(f"/documents/{doc['id']}").text
    assert "Факты из этого документа" in text
    assert "Ulfatkhonim Mamadshoeva" in text  # the document stays in English
    assert (
        editor.get("/lang/en", params={"next": "https://evil.example/"}).headers["location"] == "/"
    )


def test_untrusted_text_is_escaped(editor, record):
    doc = document_from(record, HOSTILE_NAME)
    response = editor.get(f"/documents/{doc['id']}")
    page = response.text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    search = editor.get("/search", params={"q": "Адилбеков"}).text
    assert "<script>alert" not in search and "&lt;script&gt;" in search


def test_missing_pages_are_404(editor):
    response = editor.get("/documents/doc_nothing")
    assert response.status_code == 404 and "Not found" in response.text
    assert editor.get("/entities/per_nothing").status_code == 404
    assert editor.get("/no/such/page").status_code == 404


def test_lists_of_documents_and_entities(editor, record):
    docs = editor.get("/documents").text
    assert all(f'href="/documents/{d["id"]}"' in docs for d in record["documents"])
    people = editor.get("/entities", params={"type": "person"}).text
    assert "Марат Жыланбаев" in people and "Кыргызстан" not in people
    assert editor.get("/entities", params={"q": "Zhylanbayev"}).text.count('class="ent ') == 1


def _upload(editor, web_db, name: str, text: str) -> tuple[dict, dict]:
    """Uploads one text file as the editor; the record exported after it and the entity
    of Иван Петров in it."""
    page = editor.get("/upload")
    files = [("files", (name, text.encode(), "text/plain"))]
    added = editor.post("/upload", data={"csrf_token": csrf_of(page.text)}, files=files)
    assert '<tr class="result-added' in added.text
    record = export_of(web_db)
    return record, entity_named(record, "Иван Петров")


def test_a_death_sentence_is_labelled_as_such_and_the_person_is_held(editor, web_db):
    text = "5 мая 2023 года суд в Ташкенте приговорил Ивана Петрова к смертной казни.\n"
    record, person = _upload(editor, web_db, "death-sentence-ru.txt", text)
    facts = record["facts"]
    (sentence,) = [f for f in facts if f["type"] == "sentence" and f["subject"] == person["id"]]
    assert sentence["attributes"]["penalty"] == "death"
    page = editor.get(f"/entities/{person['id']}").text
    assert "death penalty" in page and "status-held" in page and ">other<" not in page
    editor.get("/lang/ru", params={"next": "/"})
    assert "смертная казнь" in editor.get(f"/entities/{person['id']}").text


def test_a_former_role_is_shown_as_past_on_the_person_page(editor, web_db):
    text = "5 мая 2023 года в Алматы задержан бывший прокурор города Иван Петров.\n"
    record, person = _upload(editor, web_db, "former-prosecutor-ru.txt", text)
    (role,) = [f for f in record["facts"] if f["type"] == "role" and f["subject"] == person["id"]]
    assert role["attributes"] == {"role": "prosecutor", "period": "former"}
    assert ">former<" in editor.get(f"/entities/{person['id']}").text
    editor.get("/lang/ru", params={"next": "/"})
    assert ">в прошлом<" in editor.get(f"/entities/{person['id']}").text


def test_a_life_sentence_says_life_on_the_pages(editor, web_db):
    text = (
        "5 мая 2023 года суд в Ташкенте приговорил Ивана Петрова к пожизненному лишению "
        "свободы без права условно-досрочного освобождения.\n"
    )
    record, person = _upload(editor, web_db, "life-sentence-ru.txt", text)
    (sentence,) = [
        f for f in record["facts"] if f["type"] == "sentence" and f["subject"] == person["id"]
    ]
    assert sentence["attributes"] == {
        "penalty": "imprisonment",
        "term_months": None,
        "life": True,
        "parole": False,
    }
    page = editor.get(f"/entities/{person['id']}").text
    assert '<span class="attr">life</span>' in page and "without parole" in page
    assert "2023-05-05 · sentence imprisonment life" in page  # the timeline's label
    assert "status-held" in page
    fact_page = editor.get(f"/facts/{sentence['id']}").text
    assert "<dt>life</dt><dd>yes</dd>" in fact_page and "<dd>True</dd>" not in fact_page
    editor.get("/lang/ru", params={"next": "/"})
    page = editor.get(f"/entities/{person['id']}").text
    assert '<span class="attr">пожизненно</span>' in page and "без права на УДО" in page
    assert "лишение свободы пожизненно" in page
