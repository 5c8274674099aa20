"""The benchmark corpus: real Russian news texts written out as UTF-8 .txt files.

NEREL v1.1 (Russian Wikinews) from ``../shared/data/nerel-v1.1/{train,dev}/*.txt`` when
that folder exists, else the repository's ``samples/*.txt``. Texts are taken in order
(train sorted, then dev sorted) and cycled when more are asked for than exist; every
copy after the first gets a different closing sentence, so no two files have the same
bytes (ingest skips a file whose SHA-256 it has seen). Both sides of the benchmark read
the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEREL = REPO.parent / "shared" / "data" / "nerel-v1.1"
SAMPLES = REPO / "samples"
WARMUP_DOCS = 3


@dataclass
class Corpus:
    name: str  # "nerel" or "samples"
    paths: list[Path]  # the measured documents
    warmup: list[Path]  # WARMUP_DOCS documents for warming up, not measured
    available: int  # distinct source texts
    cycled: bool  # some texts occur more than once (with different suffixes)


def source_texts(which: str = "auto") -> tuple[str, list[Path]]:
    """("nerel" or "samples", the source files); ``which`` is auto, nerel or samples."""
    if which != "samples" and NEREL.is_dir():
        files = [p for split in ("train", "dev") for p in sorted((NEREL / split).glob("*.txt"))]
        if files:
            return "nerel", files
    if which == "nerel":
        raise SystemExit(f"no NEREL texts in {NEREL}")
    files = sorted(SAMPLES.glob("*.txt"))
    if not files:
        raise SystemExit(f"no corpus: neither {NEREL} nor {SAMPLES}/*.txt exists")
    return "samples", files


def _text(source: Path) -> str:
    """The file's text: NEREL is UTF-8; some samples are cp1251, koi8-r or UTF-16."""
    data = source.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        return str(from_bytes(data).best())


def _suffix(name: str, copy: int) -> str:
    if copy == 0:
        return ""
    if name == "nerel":
        return f"\n\nПовтор {copy}.\n"
    # the samples are few, so most documents are copies: end each with a real sentence
    return f"\n\nМатериал опубликован повторно, выпуск {copy}.\n"


def build_corpus(n: int, dest: Path, which: str = "auto") -> Corpus:
    """Writes ``n`` documents to ``dest/docs`` and the warm-up ones to ``dest/warmup``."""
    name, files = source_texts(which)
    docs, warm = dest / "docs", dest / "warmup"
    docs.mkdir(parents=True, exist_ok=True)
    warm.mkdir(parents=True, exist_ok=True)
    texts = {}
    paths = []
    for i in range(n):
        source = files[i % len(files)]
        if source not in texts:
            texts[source] = _text(source)
        path = docs / f"{i:05d}_{source.parent.name}_{source.stem}.txt"
        path.write_text(texts[source] + _suffix(name, i // len(files)), encoding="utf-8")
        paths.append(path)
    # Warm up on the last texts of the list (not among the measured ones unless the
    # corpus is cycled), marked so their bytes differ from any measured document.
    warmup = []
    for j, source in enumerate(files[-WARMUP_DOCS:]):
        path = warm / f"warmup{j}_{source.stem}.txt"
        path.write_text(_text(source) + "\n\nРазминка.\n", encoding="utf-8")
        warmup.append(path)
    return Corpus(name, paths, warmup, len(files), n > len(files))
