"""Errors raised (or yielded) by the ingest stage.

Every error names the input it is about and reads as one line, so the CLI can print
``str(error)`` for each failed input and carry on with the others.
"""

from __future__ import annotations

import re
from pathlib import Path


def _one_line(text: str) -> str:
    """Library messages may span lines; a report line must not."""
    return re.sub(r"\s+", " ", text).strip()


class IngestError(Exception):
    """An input that could not be turned into a document.

    ``path`` is the input as the user gave it (a path, a glob or a file name), ``reason``
    says what is wrong with it, and ``str(error)`` is ``"<path>: <reason>"``.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = _one_line(reason)
        super().__init__(f"{self.path}: {self.reason}")

    @property
    def message(self) -> str:
        """The one-line message shown to the user."""
        return str(self)


class InputNotFound(IngestError):
    """A file, folder or glob pattern that matches nothing on disk."""


class FileTooLarge(IngestError):
    """A file over the configured size limit; refused before it is read."""


class UnsupportedFormat(IngestError):
    """A file whose extension no parser handles."""


class EmptyDocument(IngestError):
    """A file with no text at all (zero bytes, or only whitespace once parsed)."""


class UnreadableDocument(IngestError):
    """A file of a supported type that cannot be read: damaged, binary, encrypted,
    a PDF without a text layer, or an archive that would expand to an unsafe size."""
