"""Find the files to ingest from what the user typed, and hash their bytes.

Inputs are files, folders (searched recursively) and glob patterns (``docs/*.txt``,
``reports/**``). The order is deterministic: inputs in the order given, and within a
folder or pattern by sorted path, so two runs over the same tree ingest the same files in
the same order. An input that matches nothing is yielded as an
:class:`~pledgewatch.ingest.errors.IngestError` rather than raised, so the caller can
report it and carry on with the others.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pledgewatch.ingest.errors import IngestError, InputNotFound
from pledgewatch.ingest.parse import SUPPORTED_EXTENSIONS


def expand_inputs(inputs: list[str]) -> Iterator[Path | IngestError]:
    """Yield each file to ingest once, or an error for an input that matches nothing.

    A file named explicitly is yielded whatever its extension (parsing then says if the
    format is unsupported); files found in folders or by patterns are kept only when
    their extension is supported. Hidden files and folders (``.git``, ``.DS_Store``) and
    Office lock files (``~$report.docx``) are skipped inside folders and patterns.
    """
    seen: set[Path] = set()
    for raw in inputs:
        for found in _expand_one(raw):
            if isinstance(found, IngestError):
                yield found
                continue
            key = found.resolve()
            if key not in seen:
                seen.add(key)
                yield found


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``: the document's identity for de-duplication."""
    return hashlib.sha256(data).hexdigest()


def _expand_one(raw: str) -> Iterator[Path | IngestError]:
    if glob.has_magic(raw):
        yield from _expand_pattern(raw)
        return
    path = Path(raw)
    if path.is_dir():
        yield from _walk_folder(path)
    elif path.is_file():
        yield path
    elif path.exists():
        yield IngestError(raw, "not a regular file or folder")
    else:
        yield InputNotFound(raw, "no such file or directory")


def _expand_pattern(pattern: str) -> Iterator[Path | IngestError]:
    """Files matching ``pattern`` (``**`` crosses folders); a folder that matches is
    searched like a folder given by name, as the shell would have passed it. glob itself
    never lets a wildcard match a hidden name."""
    matches = sorted(glob.glob(pattern, recursive=True))
    found_any = False
    for match in matches:
        path = Path(match)
        if path.is_dir():
            candidates: Iterable[Path] = _walk_folder(path)
        elif _is_wanted(path.name):
            candidates = [path]
        else:
            candidates = []
        for candidate in candidates:
            found_any = True
            yield candidate
    if not found_any:
        yield InputNotFound(pattern, "no supported file matches this pattern")


def _walk_folder(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, sorted, skipping hidden files and folders."""
    for directory, subdirectories, filenames in os.walk(folder):
        subdirectories[:] = sorted(name for name in subdirectories if not _is_hidden(name))
        for name in sorted(filenames):
            if _is_wanted(name):
                yield Path(directory) / name


def _is_wanted(name: str) -> bool:
    return (
        not _is_hidden(name)
        and not name.startswith("~$")
        and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
    )


def _is_hidden(name: str) -> bool:
    return name.startswith(".")
