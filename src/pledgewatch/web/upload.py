"""Documents added from the browser go through the same ingest as the CLI: the same
formats, the same size and text limits, one transaction per file, one result per file."""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine

from pledgewatch.config import Settings
from pledgewatch.ingest.errors import IngestError
from pledgewatch.ingest.pipeline import prepare, store_prepared
from pledgewatch.store.db import session_scope
from pledgewatch.web.schemas import UploadResult

CHUNK = 1024 * 1024
# natasha's models are loaded once per process and are not meant for concurrent use.
_extract_lock = threading.Lock()


def safe_filename(name: str | None) -> str:
    """The file's own name, without any folder part and without characters that could
    mean something to a file system or a shell."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ()\[\]]+", "_", base).strip(" .")
    return base[:150] or "upload"


def ingest_upload(engine: Engine, name: str, stream: BinaryIO, settings: Settings) -> UploadResult:
    """Copies the upload to a private temporary folder, refusing it as soon as it passes
    the size limit, then prepares and stores it like `pledgewatch ingest`."""
    filename = safe_filename(name)
    limit = int(settings.max_file_mb * 1024 * 1024)
    with tempfile.TemporaryDirectory(prefix="pledgewatch-upload-") as folder:
        path = Path(folder) / filename
        size = 0
        with path.open("wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    return UploadResult(
                        file=filename,
                        status="failed",
                        error=f"{filename}: file is over the {settings.max_file_mb:g} MB limit "
                        "(PLEDGEWATCH_MAX_FILE_MB)",
                    )
                out.write(chunk)
        try:
            with _extract_lock, session_scope(engine) as session:
                prepared = prepare(path, settings, session)
                prepared.path = filename  # the source is the name the user gave, not our copy
                outcome = store_prepared(session, prepared, settings)
        except IngestError as exc:
            return UploadResult(file=filename, status="failed", error=f"{filename}: {exc.reason}")
        except Exception as exc:  # one broken file must never stop the others
            return UploadResult(
                file=filename, status="failed", error=f"{filename}: {type(exc).__name__}: {exc}"
            )
    return UploadResult(
        file=filename,
        status=outcome.status,
        document=outcome.document_id,
        entities=outcome.entities,
        facts=outcome.facts,
    )
