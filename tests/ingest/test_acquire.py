"""expand_inputs over a real folder tree in tmp_path: folders, globs, missing paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgewatch.ingest.acquire import expand_inputs, sha256_bytes
from pledgewatch.ingest.errors import IngestError, InputNotFound

TREE = [
    "docs/b.txt",
    "docs/a.pdf",
    "docs/2024/march/court.html",
    "docs/2024/april/statement.docx",
    "docs/2024/notes.md",
    "docs/2024/table.xlsx",  # unsupported: skipped inside folders
    "docs/2024/UPPER.TXT",
    "docs/.git/config.txt",  # hidden folder
    "docs/.draft.txt",  # hidden file
    "docs/~$statement.docx",  # Word lock file
    "other/c.htm",
    "other/d.txt",
]


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    for name in TREE:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("текст")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def expanded(*inputs: str) -> list[str]:
    """Paths as posix strings, errors as their messages."""
    return [
        str(item) if isinstance(item, IngestError) else item.as_posix()
        for item in expand_inputs(list(inputs))
    ]


def test_folder_is_searched_recursively_in_sorted_order(tree):
    assert expanded("docs") == [
        "docs/a.pdf",
        "docs/b.txt",
        "docs/2024/UPPER.TXT",
        "docs/2024/notes.md",
        "docs/2024/april/statement.docx",
        "docs/2024/march/court.html",
    ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("docs/*.txt", ["docs/b.txt"]),
        ("*/*.htm*", ["other/c.htm"]),
        ("docs/**/*.html", ["docs/2024/march/court.html"]),
        ("other/**", ["other/c.htm", "other/d.txt"]),
        (
            "docs/2024/*",
            [
                "docs/2024/UPPER.TXT",
                "docs/2024/april/statement.docx",
                "docs/2024/march/court.html",
                "docs/2024/notes.md",
            ],
        ),
    ],
)
def test_glob_patterns(tree, pattern, expected):
    assert expanded(pattern) == expected


def test_double_star_reaches_every_level_once_and_skips_hidden(tree):
    found = expanded("**")
    assert sorted(found) == sorted(
        name
        for name in TREE
        if ".git" not in name
        and "/." not in name
        and "~$" not in name
        and not name.endswith(".xlsx")
    )
    assert len(found) == len(set(found))


def test_missing_path_and_empty_pattern_are_reported_in_place(tree):
    assert expanded("other/d.txt", "missing.txt", "docs/*.rtf", "other/c.htm") == [
        "other/d.txt",
        "missing.txt: no such file or directory",
        "docs/*.rtf: no supported file matches this pattern",
        "other/c.htm",
    ]
    errors = [item for item in expand_inputs(["missing.txt"]) if isinstance(item, IngestError)]
    assert isinstance(errors[0], InputNotFound)
    assert errors[0].path == "missing.txt"


def test_explicit_file_is_kept_whatever_its_extension(tree):
    # Parsing, not acquisition, says an explicitly named file's format is unsupported.
    assert expanded("docs/2024/table.xlsx", "docs/.draft.txt") == [
        "docs/2024/table.xlsx",
        "docs/.draft.txt",
    ]


def test_each_file_is_yielded_once_in_first_seen_order(tree):
    assert expanded("other/d.txt", "other", "./other/c.htm", "other/*.txt") == [
        "other/d.txt",
        "other/c.htm",
    ]


def test_absolute_paths_work(tree):
    assert expanded(str(tree / "other")) == [
        (tree / "other/c.htm").as_posix(),
        (tree / "other/d.txt").as_posix(),
    ]


def test_sha256_bytes():
    assert sha256_bytes(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert sha256_bytes("текст".encode()) == sha256_bytes("текст".encode())
    assert sha256_bytes(b"a") != sha256_bytes(b"b")
