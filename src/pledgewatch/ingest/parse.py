"""Turn the bytes of one file into text, title and publication date.

One entry point, :func:`parse_bytes` (and :func:`parse_file`, which refuses an oversized
file before reading it). The format is chosen by the file extension; each format has a
small reader below. The text is kept as the format gives it (newlines normalized to
``\\n``) because later stages store character offsets into it. Every failure is an
:class:`~pledgewatch.ingest.errors.IngestError` whose message is one line naming the file.
"""

from __future__ import annotations

import codecs
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path, PurePosixPath

from pledgewatch.ingest.errors import (
    EmptyDocument,
    FileTooLarge,
    InputNotFound,
    UnreadableDocument,
    UnsupportedFormat,
)

BYTES_PER_MB = 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SUPPORTED_EXTENSIONS = frozenset(MEDIA_TYPES)


@dataclass
class ParsedDocument:
    """What a parser learned from one file.

    ``published`` is an ISO date, possibly partial (``2024-03``); ``encoding`` is the
    Python codec the bytes were decoded with (None for PDF and DOCX); ``truncated`` is
    True when the text was cut at the character limit.
    """

    text: str
    title: str | None
    published: str | None
    media_type: str
    encoding: str | None
    truncated: bool = False


# ---------------------------------------------------------------------------
# Entry points


def parse_file(path: Path, *, max_bytes: int, max_chars: int = DEFAULT_MAX_CHARS) -> ParsedDocument:
    """Parse the file at ``path``, refusing it by its size before reading a byte of it."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputNotFound(name, "no such file or directory") from None
    except OSError as error:
        raise UnreadableDocument(name, f"cannot read file ({error.strerror})") from None
    _check_size(name, size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(name, f"cannot read file ({error.strerror})") from None
    return parse_bytes(data, name, max_bytes=max_bytes, max_chars=max_chars)


def parse_bytes(
    data: bytes, filename: str, *, max_bytes: int, max_chars: int = DEFAULT_MAX_CHARS
) -> ParsedDocument:
    """Parse ``data``; ``filename`` (a name, path or URL) gives the format and names
    the input in error messages."""
    extension = _extension(filename)
    reader = _READERS.get(extension)
    if reader is None:
        raise UnsupportedFormat(filename, _unsupported_reason(extension))
    _check_size(filename, len(data), max_bytes)
    if not data.strip():
        raise EmptyDocument(filename, "empty document (no text)")
    document = reader(data, filename, max_chars)
    if not document.text.strip():
        raise EmptyDocument(filename, "empty document (no text)")
    if len(document.text) > max_chars:
        document.text = document.text[:max_chars]
        document.truncated = True
    return document


def _extension(filename: str) -> str:
    # PurePosixPath copes with URLs and Windows-looking names alike for this purpose.
    return PurePosixPath(filename.split("?")[0]).suffix.lower()


def _unsupported_reason(extension: str) -> str:
    supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
    if not extension:
        return f"no file extension, cannot tell the format (supported: {supported})"
    return f"unsupported file type '{extension}' (supported: {supported})"


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLarge(
            name,
            f"file is {size / BYTES_PER_MB:.1f} MB, over the {max_bytes / BYTES_PER_MB:g} MB "
            "limit (PLEDGEWATCH_MAX_FILE_MB)",
        )


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------
# Text decoding: BOM, then strict UTF-8, then the Cyrillic single-byte encodings by a
# letter-frequency check, then charset-normalizer for everything else.

_BOMS = (  # UTF-32 LE first: its BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of each letter in Russian prose, in percent. A text decoded with the wrong
# single-byte code page has the right letters in the wrong places (koi8-r read as cp1251
# turns "о" into "П"), which shows both in these frequencies and in the letter case.
_RUSSIAN_LETTER_PERCENT = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47,
    "р": 4.73, "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81,
    "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59,
    "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48,
    "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
}  # fmt: skip
_RARE_LETTER_PERCENT = 0.01
_SCORING_SAMPLE_CHARS = 100_000  # plenty to tell code pages apart, and cheap
# Right readings of short Russian texts score 0.8 or more; mojibake scores below 0.
_MIN_RUSSIAN_PLAUSIBILITY = 0.3
_CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8-r", "cp866")
_WORD = re.compile(r"[^\W\d_]+")
_WESTERN_TYPOGRAPHY = frozenset(
    "\u00a0\u201c\u201d\u2018\u2019\u201e\u2013\u2014\u2026«»•€°£§©®™×·"
)
_RUSSIAN_TYPOGRAPHY = _WESTERN_TYPOGRAPHY | {"№"}
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_BAD_CHAR_SHARE = 0.01


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode the bytes of a text file; returns ``(text, codec)``.

    Raises UnreadableDocument when the bytes are not text (NUL bytes, or control
    characters once decoded). The BOM is dropped; newlines are left as they are.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise UnreadableDocument(
                    name, f"not valid {codec.upper()} text despite its byte-order mark"
                ) from None
            return _refuse_binary(text, name), codec
    if b"\x00" in data:
        raise _binary(name)
    try:
        return _refuse_binary(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return _refuse_binary(mostly_utf8, name), "utf-8"
    cyrillic = _decode_cyrillic_single_byte(data)
    if cyrillic is not None:
        return _refuse_binary(cyrillic[0], name), cyrillic[1]
    western = _decode_western_single_byte(data)
    if western is not None:
        return _refuse_binary(western, name), "cp1252"
    return _decode_with_charset_normalizer(data, name)


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with the odd broken sequence (a file cut mid-character, one pasted cp1251
    byte), decoded with U+FFFD for the broken bytes; None when the breaks are not rare
    next to the valid non-ASCII characters. Read as cp1251 instead, such a file would
    come out as mojibake (``РЎСѓРґ``) that still looks Cyrillic."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    if broken <= max(2, len(text) // 1000) and valid_non_ascii >= 20 * broken:
        return text
    return None


def _decode_cyrillic_single_byte(data: bytes) -> tuple[str, str] | None:
    """The likeliest Russian reading of ``data`` among the Cyrillic code pages, or None
    when no reading looks like Cyrillic text (then charset-normalizer decides)."""
    best: tuple[float, str, str] | None = None
    for codec in _CYRILLIC_SINGLE_BYTE:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = russian_plausibility(text[:_SCORING_SAMPLE_CHARS])
        if score is not None and (best is None or score > best[0]):
            best = (score, text, codec)
    if best is None or best[0] < _MIN_RUSSIAN_PLAUSIBILITY:
        return None
    return best[1], best[2]


def russian_plausibility(text: str) -> float | None:
    """How much ``text`` reads like Russian, or None when it is not mainly Cyrillic words.

    The score is the mean log-frequency of its Cyrillic letters, minus penalties for
    words whose case is implausible (``уХД``) and for non-ASCII characters that are not
    letters or common typography (``╤єф``), both typical of a wrong code page. Letter case alone cannot tell
    the code pages apart: koi8-r and cp1251 swap the cases, so an all-capitals headline
    read with the wrong one is all lowercase. None also when Cyrillic letters sit inside
    Latin words, as when a Western European text is read as cp1251.
    """
    cyrillic_letters = mixed_letters = words = odd_case_words = 0
    log_frequency = 0.0
    for word in _WORD.findall(text):
        cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        if not cyrillic:
            continue
        if cyrillic < len(word):
            mixed_letters += cyrillic
            continue
        cyrillic_letters += cyrillic
        log_frequency += sum(
            math.log(_RUSSIAN_LETTER_PERCENT.get(ch, _RARE_LETTER_PERCENT)) for ch in word.lower()
        )
        words += 1
        if len(word) > 1 and not (word.islower() or word.isupper() or word.istitle()):
            odd_case_words += 1
    if cyrillic_letters < 3 or mixed_letters > 0.1 * (cyrillic_letters + mixed_letters):
        return None
    non_ascii = sum(1 for ch in text if ch > "\x7f")
    non_ascii_symbols = sum(
        1 for ch in text if ch > "\x7f" and not ch.isalpha() and ch not in _RUSSIAN_TYPOGRAPHY
    )
    return (
        log_frequency / cyrillic_letters
        - 2.0 * odd_case_words / words
        - 2.0 * non_ascii_symbols / non_ascii
    )


def _decode_western_single_byte(data: bytes) -> str | None:
    """``data`` read as cp1252 when every non-ASCII character that gives is a Latin
    letter or common typography. charset-normalizer guesses short English or French
    texts as cp1250 or even big5; this catches them first."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in set(text):
        if ch > "\x7f" and ch not in _WESTERN_TYPOGRAPHY and not _is_latin_letter(ch):
            return None
    return text


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _decode_with_charset_normalizer(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's best guess, except UTF-16/32 without a byte-order mark: text
    with no NUL byte is not UTF-16 in any language we read, whatever the guess says."""
    import charset_normalizer  # imported late: only files that are not UTF-8 need it

    for match in charset_normalizer.from_bytes(data):
        codec = codecs.lookup(match.encoding).name
        if not codec.startswith(("utf-16", "utf-32")):
            return _refuse_binary(str(match), name), codec
    raise _binary(name)


def _refuse_binary(text: str, name: str) -> str:
    """Control characters in more than 1% of the text mean it was not text (C1 controls
    included: they are what binary bytes become in a single-byte code page)."""
    bad = sum(1 for _ in _BAD_CHARS.finditer(text))
    if bad > _MAX_BAD_CHAR_SHARE * max(len(text), 1):
        raise _binary(name)
    return text


def _binary(name: str) -> UnreadableDocument:
    return UnreadableDocument(name, "not a text file (binary content)")


# ---------------------------------------------------------------------------
# Plain text


def _read_text(data: bytes, name: str, max_chars: int) -> ParsedDocument:
    text, codec = decode_text(data, name)
    text = _normalize_newlines(text)
    head = _first_lines(text, 3)
    title = head[0] if len(head) >= 2 and head[1] == "" and len(head[0]) < 200 else None
    if title is not None and _date_from_line(title):
        title = None
    published = next((d for d in map(_date_from_line, head) if d), None)
    return ParsedDocument(text, title, published, MEDIA_TYPES[".txt"], codec)


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines after any leading blank lines, stripped."""
    lines = text.lstrip().split("\n", count)[:count]
    return [line.strip() for line in lines]


# ---------------------------------------------------------------------------
# Markdown: rendered to HTML by markdown-it-py and read back as plain text, so quotes
# taken from it later carry no markup.

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _read_markdown(data: bytes, name: str, max_chars: int) -> ParsedDocument:
    from markdown_it import MarkdownIt

    source, codec = decode_text(data, name)
    source = _normalize_newlines(source)
    front, source = _split_front_matter(source)
    markdown = MarkdownIt("commonmark")
    tokens = markdown.parse(source)
    html = markdown.renderer.render(tokens, markdown.options, {})
    text = _html_fragment_text(html, block_separator="\n\n")
    title = front.get("title") or _first_h1(tokens)
    published = _iso_date(front.get("date")) if front.get("date") else None
    return ParsedDocument(text, title, published, MEDIA_TYPES[".md"], codec)


def _split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter (``---`` … ``---``) read as flat ``key: value`` lines."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    fields = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, source[match.end() :]


def _first_h1(tokens: list) -> str | None:
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.tag == "h1":
            return tokens[index + 1].content.strip() or None
    return None


# ---------------------------------------------------------------------------
# HTML: main text by trafilatura (no network, no extensive date search), falling back to
# the whole page's text without scripts, styles and navigation.

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"latin-1", "iso8859-1", "ascii"}
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
)
_NON_CONTENT_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "object", "embed", "svg", "math", "canvas",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    "address article blockquote dd details dialog div dl dt fieldset figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table tbody thead tfoot tr td "
    "th ul caption".split()
)
_BLOCK_MARK = "\ue000"  # private-use characters: cannot occur in real page text
_BREAK_MARK = "\ue001"


def _read_html(data: bytes, name: str, max_chars: int) -> ParsedDocument:
    source, codec = _decode_html(data, name)
    source = _XML_DECLARATION.sub("", _normalize_newlines(source))
    page = _parse_html_tree(source)
    if page is None:
        raise EmptyDocument(name, "empty document (no text)")
    extracted = _trafilatura_extract(source)
    title = (extracted.title if extracted is not None else None) or _html_title(page)
    published = _meta_published(page)
    if published is None and extracted is not None and extracted.date:
        published = _iso_date(extracted.date)
    if published is None:
        published = _time_element_date(page)
    if extracted is not None and extracted.text and extracted.text.strip():
        text = extracted.text.strip()
    else:
        text = _html_tree_text(page, block_separator="\n")
    return ParsedDocument(text, title, published, MEDIA_TYPES[".html"], codec)


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    """A BOM wins, then a ``<meta charset>`` that the bytes agree with, then the same
    detection as for plain text."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        match = _META_CHARSET.search(data[:4096])
        if match:
            codec = _codec_name(match.group(1).decode("ascii"))
            if codec is not None and not codec.startswith("utf-16"):
                try:
                    return _refuse_binary(data.decode(codec), name), codec
                except UnicodeDecodeError:
                    pass
    return decode_text(data, name)


def _codec_name(label: str) -> str | None:
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if codec in _WINDOWS_1252_LABELS else codec


@cache
def _trafilatura_config():
    """trafilatura's defaults, with extensive date search off (slow, and a guess) and a
    lower threshold before its fallback extractors, which flatten short pages into one
    line."""
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _trafilatura_extract(source: str):
    """trafilatura's main text and metadata, or None. It is given a string, never a URL,
    so it has nothing to download."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            source,
            include_comments=False,
            favor_recall=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_trafilatura_config(),
        )
    except Exception:  # a crash on odd markup is no reason to lose the page: use the fallback
        return None


def _parse_html_tree(source: str):
    from lxml import etree, html

    try:
        return html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return None


def _html_fragment_text(source: str, *, block_separator: str) -> str:
    from lxml import html

    if not source.strip():
        return ""
    return _html_tree_text(
        html.fragment_fromstring(source, create_parent="div"), block_separator=block_separator
    )


def _html_tree_text(root, *, block_separator: str) -> str:
    """The text of an HTML tree without scripts, styles, navigation or comments, one
    line per block element. The tree is changed in place."""
    from lxml import etree

    etree.strip_elements(root, *_NON_CONTENT_TAGS, etree.Comment, with_tail=False)
    for element in root.iter():
        if element.tag == "br":
            element.tail = _BREAK_MARK + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = _BLOCK_MARK + (element.text or "")
            element.tail = _BLOCK_MARK + (element.tail or "")
    blocks = []
    for chunk in root.text_content().split(_BLOCK_MARK):
        lines = (" ".join(line.split()) for line in chunk.split(_BREAK_MARK))
        block = "\n".join(line for line in lines if line)
        if block:
            blocks.append(block)
    return block_separator.join(blocks)


def _html_title(page) -> str | None:
    for query in ("//meta[@property='og:title']/@content", "//title//text()", "//h1//text()"):
        for value in page.xpath(query):
            if value.strip():
                return " ".join(value.split())
    return None


def _meta_published(page) -> str | None:
    for meta in page.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content"):
            found = _iso_date(meta.get("content"))
            if found:
                return found
    return None


def _time_element_date(page) -> str | None:
    for value in page.xpath("//time/@datetime"):
        found = _iso_date(value)
        if found:
            return found
    return None


# ---------------------------------------------------------------------------
# PDF


def _read_pdf(data: bytes, name: str, max_chars: int) -> ParsedDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise UnreadableDocument(name, f"not a readable PDF ({_pdfium_reason(error)})") from None
    try:
        pages = _pdf_page_texts(pdf, name, max_chars)
        metadata = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    if not pages:
        raise UnreadableDocument(name, "PDF has no text layer (scanned image?)")
    title = (metadata.get("Title") or "").strip() or None
    published = _iso_date(metadata.get("CreationDate"))
    return ParsedDocument("\n\n".join(pages), title, published, MEDIA_TYPES[".pdf"], None)


def _pdf_page_texts(pdf, name: str, max_chars: int) -> list[str]:
    """Non-empty page texts, stopping once ``max_chars`` is reached."""
    import pypdfium2 as pdfium

    pages, total = [], 0
    for index in range(len(pdf)):
        try:
            page = pdf[index]
            textpage = page.get_textpage()
            raw = textpage.get_text_range()
            textpage.close()
            page.close()
        except pdfium.PdfiumError as error:
            raise UnreadableDocument(
                name, f"not a readable PDF (page {index + 1}: {error})"
            ) from None
        text = _clean_pdf_text(raw)
        if text:
            pages.append(text)
            total += len(text) + 2
            if total > max_chars:
                break
    return pages


def _clean_pdf_text(raw: str) -> str:
    # pdfium marks a hyphen it inferred at a line end with U+0002 or U+FFFE.
    text = _normalize_newlines(raw).replace("\x02", "-").replace("\ufffe", "-")
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f]", "", text).strip()


def _pdfium_reason(error: Exception) -> str:
    message = str(error).lower()
    if "password" in message:
        return "password-protected"
    if "security" in message:
        return "unsupported encryption"
    if "format" in message or "file" in message:
        return "file is truncated or damaged"
    return str(error)


# ---------------------------------------------------------------------------
# DOCX. A .docx is a zip archive; its declared sizes are checked before python-docx
# inflates anything, so a small file cannot expand to gigabytes (zipfile never inflates
# a member past its declared size).

_DOCX_MAX_MEMBERS = 10_000
_DOCX_MAX_UNPACKED_BYTES = 256 * BYTES_PER_MB
_DOCX_MAX_RATIO = 100  # compressed XML is typically 5-20 times smaller, not 100
_DOCX_RATIO_CHECK_FROM_BYTES = 8 * BYTES_PER_MB
# python-docx's built-in template stamps every new file with this creation time; it says
# nothing about when the document was written.
_PYTHON_DOCX_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


def _read_docx(data: bytes, name: str, max_chars: int) -> ParsedDocument:
    import docx

    _check_docx_archive(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # any failure to open untrusted bytes means a damaged file
        raise UnreadableDocument(name, f"not a readable DOCX ({_describe(error)})") from None
    blocks: list[str] = []
    _collect_docx_blocks(document, blocks, max_chars)
    properties = document.core_properties
    title = (properties.title or "").strip() or None
    created = properties.created
    if created is not None and created.replace(tzinfo=None) == _PYTHON_DOCX_TEMPLATE_CREATED:
        created = None
    return ParsedDocument(
        "\n\n".join(blocks), title, _iso_date(created), MEDIA_TYPES[".docx"], None
    )


def _check_docx_archive(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise UnreadableDocument(
            name, "not a readable DOCX (not a zip archive, or truncated)"
        ) from None
    if len(members) > _DOCX_MAX_MEMBERS:
        raise UnreadableDocument(
            name, f"DOCX archive has {len(members)} parts (over {_DOCX_MAX_MEMBERS}; zip bomb?)"
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > _DOCX_MAX_UNPACKED_BYTES:
        raise UnreadableDocument(
            name,
            f"DOCX archive would expand to {unpacked / BYTES_PER_MB:.0f} MB "
            f"(over {_DOCX_MAX_UNPACKED_BYTES // BYTES_PER_MB} MB; zip bomb?)",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _DOCX_RATIO_CHECK_FROM_BYTES and ratio > _DOCX_MAX_RATIO:
            raise UnreadableDocument(
                name,
                f"DOCX part {member.filename} expands {ratio:.0f} times "
                f"to {member.file_size / BYTES_PER_MB:.0f} MB (zip bomb?)",
            )
    if "word/document.xml" not in {member.filename for member in members}:
        raise UnreadableDocument(name, "not a readable DOCX (no word/document.xml)")


def _collect_docx_blocks(container, blocks: list[str], max_chars: int) -> None:
    """Append the paragraphs of ``container`` (a document or a table cell) to ``blocks``,
    each table row as one block with its cells separated by `` | ``, stopping once
    ``max_chars`` is reached (a small archive can still hold a lot of text)."""
    from docx.table import Table

    total = sum(len(block) + 2 for block in blocks)
    for item in container.iter_inner_content():
        if total > max_chars:
            break
        if isinstance(item, Table):
            rows = [_docx_row_text(row, max_chars) for row in item.rows]
            new = [row for row in rows if row]
        else:
            new = [item.text] if item.text.strip() else []
        blocks.extend(new)
        total += sum(len(block) + 2 for block in new)


def _docx_row_text(row, max_chars: int) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
            continue
        seen.add(id(cell._tc))
        inner: list[str] = []
        _collect_docx_blocks(cell, inner, max_chars)
        text = "\n".join(inner).strip()
        if text:
            cells.append(text)
    return " | ".join(cells)


def _describe(error: Exception) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# ---------------------------------------------------------------------------
# Dates: ISO (possibly partial) from metadata values and from date-only lines of text.

_ISO_PREFIX = re.compile(r"^\s*(?:D:)?(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?")
_RU_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
_EN_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_NUMBER = {
    name: number for names in (_RU_MONTHS, _EN_MONTHS) for number, name in enumerate(names, 1)
}
_DATE_LINES = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?:\s*(?:г\.?|года))?"),
    re.compile(r"(?P<d>\d{1,2})\s+(?P<month>[а-яa-z]+)\s+(?P<y>\d{4})(?:\s*(?:г\.?|года))?"),
    re.compile(r"(?P<month>[a-z]+)\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})"),
)


def _iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) from a date, a datetime, an ISO string,
    a PDF date (``D:20240315…``) or a written date (``15.03.2024``); None when the value
    is not a valid date."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.match(value)
    if not match:
        return _date_from_line(value)
    year, month, day = match.groups()
    return _valid_date(int(year), month and int(month), day and int(day))


def _date_from_line(line: str) -> str | None:
    """The date when the whole line is one (``15 марта 2024 г.``, ``15.03.2024``,
    ``March 15, 2024``, ``2024-03-15``)."""
    line = line.strip().lower()
    for pattern in _DATE_LINES:
        match = pattern.fullmatch(line)
        if not match:
            continue
        fields = match.groupdict()
        month = _MONTH_NUMBER.get(fields["month"]) if "month" in fields else int(fields["m"])
        if month:
            return _valid_date(int(fields["y"]), month, int(fields["d"]))
    return None


def _valid_date(year: int, month: int | None, day: int | None) -> str | None:
    if not 1000 <= year <= 2999:
        return None
    if not month:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if not day:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------

_READERS: dict[str, Callable[[bytes, str, int], ParsedDocument]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}

__all__ = [
    "BYTES_PER_MB",
    "DEFAULT_MAX_CHARS",
    "MEDIA_TYPES",
    "SUPPORTED_EXTENSIONS",
    "ParsedDocument",
    "decode_text",
    "parse_bytes",
    "parse_file",
]
