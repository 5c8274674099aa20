"""parse_file / parse_bytes on real files written into tmp_path: every text encoding we
promise, each format, and each way a file is refused (one line, naming the file)."""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pledgewatch.ingest.errors import (
    EmptyDocument,
    FileTooLarge,
    IngestError,
    UnreadableDocument,
    UnsupportedFormat,
)
from pledgewatch.ingest.parse import (
    BYTES_PER_MB,
    MEDIA_TYPES,
    ParsedDocument,
    parse_bytes,
    parse_file,
)

LIMIT = 10 * BYTES_PER_MB
FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)

SHORT_RU = "Суд оштрафовал активиста."
SHORT_RU_2 = "Правозащитник задержан в Алматы. Его адвокат обжалует арест."
CAPS_RU = "ЖУРНАЛИСТ ЗАДЕРЖАН"
TITLE_CASE_RU = "Бишкек"
LONG_RU = (
    "Вымышленная правозащитная группа 'Открытый суд' сообщила, что 3 марта районный суд "
    "приговорил блогера Ивана Петрова к двум годам ограничения свободы по статье о "
    "распространении ложной информации.\nЗащита назвала приговор политически мотивированным "
    "и намерена подать апелляцию. Наблюдатели не были допущены в зал заседаний.\n"
)
ENGLISH = "The court fined the activist for a post.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def parse(tmp_path: Path, name: str, data: bytes, **options) -> ParsedDocument:
    return parse_file(
        write(tmp_path, name, data), max_bytes=options.pop("max_bytes", LIMIT), **options
    )


def refused(tmp_path: Path, name: str, data: bytes, error_type=IngestError, **options) -> str:
    """The one-line message of the error parsing ``data`` as ``name`` raises."""
    path = write(tmp_path, name, data)
    with pytest.raises(error_type) as caught:
        parse_file(path, max_bytes=options.pop("max_bytes", LIMIT), **options)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert caught.value.path == str(path)
    return message.removeprefix(f"{path}: ")


# ---------------------------------------------------------------------------
# Plain text encodings

ENCODED_TEXTS = [
    # (case, bytes, expected text, expected codec)
    ("utf-8", LONG_RU.encode("utf-8"), LONG_RU, "utf-8"),
    ("utf-8 ascii", ENGLISH.encode(), ENGLISH, "utf-8"),
    ("utf-8 bom", codecs.BOM_UTF8 + LONG_RU.encode("utf-8"), LONG_RU, "utf-8"),
    ("utf-16-le bom", codecs.BOM_UTF16_LE + SHORT_RU.encode("utf-16-le"), SHORT_RU, "utf-16-le"),
    ("utf-16-be bom", codecs.BOM_UTF16_BE + SHORT_RU.encode("utf-16-be"), SHORT_RU, "utf-16-be"),
    ("utf-16-le bom long", codecs.BOM_UTF16_LE + LONG_RU.encode("utf-16-le"), LONG_RU, "utf-16-le"),
    ("cp1251 short", SHORT_RU.encode("cp1251"), SHORT_RU, "cp1251"),
    ("cp1251 two sentences", SHORT_RU_2.encode("cp1251"), SHORT_RU_2, "cp1251"),
    ("cp1251 capitals", CAPS_RU.encode("cp1251"), CAPS_RU, "cp1251"),
    ("cp1251 one word", TITLE_CASE_RU.encode("cp1251"), TITLE_CASE_RU, "cp1251"),
    ("cp1251 long", LONG_RU.encode("cp1251"), LONG_RU, "cp1251"),
    ("koi8-r short", SHORT_RU.encode("koi8-r"), SHORT_RU, "koi8-r"),
    ("koi8-r two sentences", SHORT_RU_2.encode("koi8-r"), SHORT_RU_2, "koi8-r"),
    ("koi8-r capitals", CAPS_RU.encode("koi8-r"), CAPS_RU, "koi8-r"),
    ("koi8-r one word", TITLE_CASE_RU.encode("koi8-r"), TITLE_CASE_RU, "koi8-r"),
    ("koi8-r long", LONG_RU.encode("koi8-r"), LONG_RU, "koi8-r"),
    (
        "utf-8 cut mid-character",
        LONG_RU.encode()[:-3],  # drops ".\n" and half of the last "й"
        LONG_RU[:-3] + "\ufffd",
        "utf-8",
    ),
    ("cp866 short", SHORT_RU.encode("cp866"), SHORT_RU, "cp866"),
    ("cp1252 english", "He said “no” — café…".encode("cp1252"), "He said “no” — café…", "cp1252"),
]


@pytest.mark.parametrize(
    ("data", "expected", "codec"),
    [case[1:] for case in ENCODED_TEXTS],
    ids=[case[0] for case in ENCODED_TEXTS],
)
def test_text_encodings_decode_exactly(tmp_path, data, expected, codec):
    document = parse(tmp_path, "statement.txt", data)
    assert document.text == expected
    assert document.encoding == codec
    assert document.media_type == "text/plain"
    assert not document.truncated


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo", "one\ntwo"),
        ("  отступ \t\n\nконец  ".encode(), "  отступ \t\n\nконец  "),
    ],
    ids=["crlf", "cr", "whitespace kept"],
)
def test_text_newlines_normalized_and_nothing_else_changed(tmp_path, data, expected):
    assert parse(tmp_path, "a.txt", data).text == expected


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        ("Заявление правозащитников\n\nСуд отклонил жалобу.\n", "Заявление правозащитников", None),
        ("\n\nЗаявление\n\n15 марта 2024 г.\n\nТекст.", "Заявление", "2024-03-15"),
        ("Statement\n\n2024-03-15\n\nText.", "Statement", "2024-03-15"),
        ("11.04.2025\n\nТекст заявления.", None, "2025-04-11"),
        ("Первая строка\nвторая строка\n\nТекст.", None, None),
        ("A" * 250 + "\n\nText.", None, None),
        ("Statement of March 15, 2024\n\nText.", "Statement of March 15, 2024", None),
        ("Statement\n\nMarch 15, 2024\nText.", "Statement", "2024-03-15"),
        ("Statement\n\n31.02.2024\nText.", "Statement", None),
    ],
)
def test_text_title_and_date_from_first_lines(tmp_path, text, title, published):
    document = parse(tmp_path, "a.txt", text.encode())
    assert (document.title, document.published) == (title, published)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n  ",
        codecs.BOM_UTF8 + b"\n\n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
    ids=["zero bytes", "whitespace", "utf-8 bom only", "utf-16 whitespace"],
)
def test_empty_text_refused(tmp_path, data):
    assert refused(tmp_path, "x.txt", data, EmptyDocument) == "empty document (no text)"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        bytes(b or 1 for b in random.Random(7).randbytes(4096)),  # no NUL bytes at all
        b"text with a NUL\x00 inside",
    ],
    ids=["png", "random bytes", "nul byte"],
)
def test_binary_content_named_txt_refused(tmp_path, data):
    assert (
        refused(tmp_path, "x.txt", data, UnreadableDocument) == "not a text file (binary content)"
    )


def test_text_cut_at_character_limit(tmp_path):
    document = parse(tmp_path, "a.txt", ("абв" * 100).encode(), max_chars=10)
    assert document.text == "абвабвабва"
    assert document.truncated


# ---------------------------------------------------------------------------
# Size limit and format


def test_sixty_megabyte_file_refused_by_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as file:
        chunk = "а".encode() * (BYTES_PER_MB // 2)  # one MB of Cyrillic text
        for _ in range(60):
            file.write(chunk)

    def read_bytes(self):
        raise AssertionError("an oversized file must not be read")

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(FileTooLarge) as caught:
        parse_file(path, max_bytes=50 * BYTES_PER_MB)
    assert str(caught.value) == (
        f"{path}: file is 60.0 MB, over the 50 MB limit (PLEDGEWATCH_MAX_FILE_MB)"
    )


def test_size_limit_applies_to_bytes_too():
    with pytest.raises(FileTooLarge) as caught:
        parse_bytes(b"x" * 3 * BYTES_PER_MB, "page.html", max_bytes=int(1.5 * BYTES_PER_MB))
    assert str(caught.value) == (
        "page.html: file is 3.0 MB, over the 1.5 MB limit (PLEDGEWATCH_MAX_FILE_MB)"
    )


def test_small_limit_refuses_small_file(tmp_path):
    message = refused(tmp_path, "a.txt", b"x" * 2000, FileTooLarge, max_bytes=1000)
    assert message.startswith("file is 0.0 MB, over the ")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("table.xlsx", "unsupported file type '.xlsx'"),
        ("IMAGE.PNG", "unsupported file type '.png'"),
        ("README", "no file extension, cannot tell the format"),
    ],
)
def test_unsupported_format_refused(tmp_path, name, expected):
    message = refused(tmp_path, name, b"content", UnsupportedFormat)
    assert message.startswith(expected)
    assert "(supported: .docx, .htm, .html, .md, .pdf, .txt)" in message


def test_extension_is_case_insensitive(tmp_path):
    assert parse(tmp_path, "NOTE.TXT", b"Hello there.").text == "Hello there."


def test_missing_file_refused(tmp_path):
    with pytest.raises(IngestError) as caught:
        parse_file(tmp_path / "gone.txt", max_bytes=LIMIT)
    assert str(caught.value) == f"{tmp_path / 'gone.txt'}: no such file or directory"


# ---------------------------------------------------------------------------
# Markdown


def test_markdown_title_from_first_heading_and_markup_removed(tmp_path):
    source = (
        "Вступление без заголовка.\n\n"
        "# Дело Ивана Петрова\n\n"
        "Суд **отклонил** жалобу [защиты](https://example.org/case).\n\n"
        "- первое требование\n- второе требование\n\n"
        "## Хронология\n\n"
        "<script>alert(1)</script>\n"
    )
    document = parse(tmp_path, "case.md", source.encode())
    assert document.title == "Дело Ивана Петрова"
    assert document.text == (
        "Вступление без заголовка.\n\nДело Ивана Петрова\n\n"
        "Суд отклонил жалобу защиты.\n\nпервое требование\n\nвторое требование\n\nХронология"
    )
    assert document.media_type == "text/markdown"


def test_markdown_front_matter_gives_title_and_date(tmp_path):
    source = "---\ntitle: 'Заявление'\ndate: 2025-04-11\n---\nТекст заявления.\n"
    document = parse(tmp_path, "note.md", source.encode("cp1251"))
    assert (document.title, document.published, document.text) == (
        "Заявление",
        "2025-04-11",
        "Текст заявления.",
    )
    assert document.encoding == "cp1251"


# ---------------------------------------------------------------------------
# HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="ru"><head>
<meta charset="{charset}">
<title>Суд над блогером | Вымышленные новости</title>
<meta property="article:published_time" content="2024-03-15T10:00:00+05:00">
<script>alert(1)</script>
<style>body {{ color: red }}</style>
</head>
<body onload="alert('onload')">
<nav><a href="/">Главная</a> <a href="/about" onclick="alert('nav')">О нас</a></nav>
<article>
<h1>Суд над блогером</h1>
<time datetime="2024-03-14">14 марта 2024</time>
<p onclick="alert('click')">Суд в Алматы приговорил вымышленного блогера Ивана Петрова
к двум годам ограничения свободы.</p>
<script type="text/javascript">document.write("hidden script text")</script>
<p>Правозащитники назвали приговор <a href="#" onmouseover="alert('hover')">политически
мотивированным</a>.</p>
<noscript>Включите JavaScript</noscript>
</article>
<footer>© Вымышленные новости</footer>
<script src="tracker.js"></script>
</body></html>
"""


@pytest.mark.parametrize("charset", ["utf-8", "windows-1251"])
def test_html_main_text_without_scripts_with_title_and_date(tmp_path, charset):
    data = HTML_PAGE.format(charset=charset).encode(charset)
    document = parse(tmp_path, "page.html", data)
    assert "приговорил вымышленного блогера Ивана Петрова" in document.text
    assert "политически мотивированным" in document.text
    for leaked in ("alert", "hidden script", "document.write", "color: red", "JavaScript"):
        assert leaked not in document.text
    assert "Главная" not in document.text  # navigation is not main text
    assert document.title == "Суд над блогером"
    assert document.published == "2024-03-15"  # the meta tag wins over <time>
    assert document.encoding == {"utf-8": "utf-8", "windows-1251": "cp1251"}[charset]
    assert document.media_type == "text/html"


def test_html_date_from_time_element_and_title_from_title_tag(tmp_path):
    page = (
        "<html><head><title>Заявление НПО</title></head><body>"
        "<p>Короткий текст.</p><time datetime='2023-11-02T08:00'>2 ноября</time></body></html>"
    )
    document = parse(tmp_path, "short.htm", page.encode())
    assert document.title == "Заявление НПО"
    assert document.published == "2023-11-02"
    assert "Короткий текст." in document.text


def test_html_fallback_keeps_text_without_scripts(tmp_path):
    # trafilatura finds no main text in a lone fragment; the plain lxml reading takes over.
    page = "<p>Одна строка<script>alert(1)</script></p><style>p{}</style>"
    document = parse(tmp_path, "fragment.html", page.encode())
    assert document.text == "Одна строка"


def test_html_with_only_scripts_is_empty(tmp_path):
    page = b"<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>"
    assert refused(tmp_path, "x.html", page, EmptyDocument) == "empty document (no text)"


# ---------------------------------------------------------------------------
# PDF


@pytest.fixture(scope="module")
def cyrillic_font() -> Path:
    for path in FONT_PATHS:
        if path.exists():
            return path
    pytest.skip("needs DejaVuSans.ttf for Cyrillic PDFs (apt-get install fonts-dejavu-core)")


def make_pdf(font: Path, pages: list[str], title: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=12)
    pdf.set_creation_date(datetime(2025, 4, 11, 9, 30, tzinfo=UTC))
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


PDF_PAGES = [
    "Суд приговорил вымышленного активиста к семи годам.",
    "Вторая страница: правозащитники требуют освобождения.",
]


def test_pdf_cyrillic_text_round_trips(tmp_path, cyrillic_font):
    data = make_pdf(cyrillic_font, PDF_PAGES, title="Доклад о задержаниях")
    document = parse(tmp_path, "report.pdf", data)
    assert document.text == "\n\n".join(PDF_PAGES)
    assert document.title == "Доклад о задержаниях"
    assert document.published == "2025-04-11"
    assert (document.media_type, document.encoding) == ("application/pdf", None)


def test_truncated_pdf_refused(tmp_path, cyrillic_font):
    data = make_pdf(cyrillic_font, PDF_PAGES)
    message = refused(tmp_path, "report.pdf", data[: len(data) // 2], UnreadableDocument)
    assert message == "not a readable PDF (file is truncated or damaged)"


def test_pdf_without_text_layer_refused(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 80, 40, style="F")  # a drawing, as a scan would be an image
    message = refused(tmp_path, "scan.pdf", bytes(pdf.output()), UnreadableDocument)
    assert message == "PDF has no text layer (scanned image?)"


def test_not_a_pdf_refused(tmp_path):
    message = refused(tmp_path, "fake.pdf", b"just some text", UnreadableDocument)
    assert message == "not a readable PDF (file is truncated or damaged)"


# ---------------------------------------------------------------------------
# DOCX


def make_docx(*, created: datetime | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Заявление коалиции"
    if created is not None:
        document.core_properties.created = created
    document.add_heading("Требования", level=1)
    document.add_paragraph("Освободить вымышленного журналиста Ивана Петрова.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Статья 174"
    table.cell(0, 1).text = "Возбуждение розни"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Отменить"
    document.add_paragraph("")
    document.add_paragraph("Подписали восемь организаций.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_tables_and_properties(tmp_path):
    data = make_docx(created=datetime(2025, 4, 11, 12, 0))
    document = parse(tmp_path, "statement.docx", data)
    assert document.text == (
        "Требования\n\n"
        "Освободить вымышленного журналиста Ивана Петрова.\n\n"
        "Статья 174 | Возбуждение розни\n\n"
        "Отменить\n\n"
        "Подписали восемь организаций."
    )
    assert document.title == "Заявление коалиции"
    assert document.published == "2025-04-11"
    assert document.media_type == MEDIA_TYPES[".docx"]


def test_docx_template_creation_date_is_not_a_publication_date(tmp_path):
    assert parse(tmp_path, "statement.docx", make_docx()).published is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (make_docx()[:3000], "not a readable DOCX (not a zip archive, or truncated)"),
        (b"PK\x03\x04 not really a zip", "not a readable DOCX (not a zip archive, or truncated)"),
    ],
    ids=["truncated", "garbage"],
)
def test_damaged_docx_refused(tmp_path, data, expected):
    assert refused(tmp_path, "broken.docx", data, UnreadableDocument) == expected


def rezip(data: bytes, extra: dict[str, bytes] | None = None, drop: str | None = None) -> bytes:
    """The same docx archive with members added or removed."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != drop:
                target.writestr(info, source.read(info))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def test_docx_zip_bomb_refused_before_inflating(tmp_path):
    bomb = rezip(make_docx(), {"word/media/image1.png": bytes(32 * BYTES_PER_MB)})
    assert len(bomb) < BYTES_PER_MB
    message = refused(tmp_path, "bomb.docx", bomb, UnreadableDocument)
    assert message.startswith("DOCX part word/media/image1.png expands ")
    assert message.endswith("times to 32 MB (zip bomb?)")


def test_zip_without_word_document_refused(tmp_path):
    data = rezip(make_docx(), drop="word/document.xml")
    message = refused(tmp_path, "other.docx", data, UnreadableDocument)
    assert message == "not a readable DOCX (no word/document.xml)"


def test_docx_text_cut_at_character_limit(tmp_path):
    document = parse(tmp_path, "statement.docx", make_docx(), max_chars=20)
    assert document.text == "Требования\n\nОсвободи"
    assert document.truncated
