"""Upload from the browser without JavaScript: a multipart form, one result per file, the
same formats and limits as `pledgewatch ingest`."""

from __future__ import annotations

from conftest import SAMPLES

from web.webhelpers import csrf_of, login, make_client


def test_upload_form_adds_documents_and_reports_each_file(editor):
    page = editor.get("/upload")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    sample = SAMPLES / "05_yensebek-detention-ru.txt"
    files = [
        ("files", (sample.name, sample.read_bytes(), "text/plain")),
        ("files", ("notes.odt", b"PK\x03\x04 not supported", "application/octet-stream")),
        (
            "files",
            (
                "01_zhylanbayev-sentence-ru.txt",
                (SAMPLES / "01_zhylanbayev-sentence-ru.txt").read_bytes(),
                "text/plain",
            ),
        ),
    ]
    response = editor.post("/upload", data={"csrf_token": csrf_of(page.text)}, files=files)
    assert response.status_code == 200
    rows = response.text.split('<tr class="result-')[1:]
    assert [r.split('"')[0] for r in rows] == ["added", "failed", "duplicate"]
    assert sample.name in rows[0] and "notes.odt" in rows[1]
    doc_link = rows[0].split('href="')[1].split('"')[0]
    document = editor.get(doc_link).text
    assert "Енсебек" in document and 'class="m m-person"' in document


def test_upload_refuses_files_over_the_limit(web_db):
    client = make_client(web_db, max_file_mb=0.001)
    login(client, "editor")
    page = client.get("/upload")
    response = client.post(
        "/upload",
        data={"csrf_token": csrf_of(page.text)},
        files=[("files", ("big.txt", "слово ".encode() * 1000, "text/plain"))],
    )
    assert "result-failed" in response.text and "0.001 MB limit" in response.text


def test_upload_needs_the_csrf_token(editor):
    response = editor.post("/upload", files=[("files", ("a.txt", b"text", "text/plain"))])
    assert response.status_code == 403


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(web_db):
    client = make_client(web_db, max_file_mb=0.001)  # 50 files of 1 kB, plus 1 MB
    login(client, "editor")
    page = client.get("/upload")
    huge = b"x" * (2 * 1024 * 1024)
    response = client.post(
        "/upload",
        data={"csrf_token": csrf_of(page.text)},
        files=[("files", ("huge.txt", huge, "text/plain"))],
    )
    assert response.status_code == 413
