"""The upload page: files from the browser, the same ingest as the CLI, one result per
file. Without JavaScript the form posts here; with it, app.js sends each file to
/api/v1/documents and shows its progress."""

from fastapi import APIRouter, HTTPException, Request
from starlette.datastructures import UploadFile

from pledgewatch.ingest.parse import SUPPORTED_EXTENSIONS
from pledgewatch.web.api.documents import MAX_UPLOAD_FILES
from pledgewatch.web.deps import Editor, PostedForm
from pledgewatch.web.render import render
from pledgewatch.web.upload import ingest_upload

router = APIRouter()


def _context(request: Request, results=None) -> dict:
    return {
        "formats": ", ".join(sorted(SUPPORTED_EXTENSIONS)),
        "accept": ",".join(sorted(SUPPORTED_EXTENSIONS)),
        "max_mb": f"{request.app.state.settings.max_file_mb:g}",
        "results": results,
    }


@router.get("/upload")
def upload_form(request: Request, _: Editor):
    return render(request, "upload.html", _context(request))


@router.post("/upload")
def upload(request: Request, _: Editor, form: PostedForm):
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(413, f"at most {MAX_UPLOAD_FILES} files per request")
    settings = request.app.state.settings
    results = [
        ingest_upload(request.app.state.engine, item.filename, item.file, settings)
        for item in files
    ]
    request.app.state.stats_cache.invalidate()
    return render(request, "upload.html", _context(request, results))
