"""Ingest throughput and peak memory against plain natasha, on the same texts, in one run.

    .venv/bin/python bench/ingest.py                 # 300 documents, one worker, a table
    .venv/bin/python bench/ingest.py --workers 2     # ingest with two worker processes
    .venv/bin/python bench/ingest.py --json          # one JSON object on stdout

Each side runs in a fresh subprocess, so models load once per side and peak RSS is that
side's own. Model loading and a warm-up on 3 documents are not timed; everything after
is: for ours ``ingest_paths`` into a fresh SQLite file (read, parse, language, extract,
resolve, store, one commit per document); for the baseline natasha's segmenter, NER,
morphology, syntax and ``span.normalize`` on every span. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import WARMUP_DOCS, build_corpus  # noqa: E402

GOAL_RSS_MB = 600
BUSY = 0.2  # cores kept busy by other processes above which the table warns


def _mb(kilobytes: int) -> float:
    return kilobytes / 1024  # ru_maxrss is in KiB on Linux


def _pin(wanted: bool) -> int | None:
    """Pins this process (and whatever it starts later) to one core; the core, or None."""
    if not wanted or not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


# --- the two sides, each run as `ingest.py --side NAME` in its own process -----------------


def side_ours(corpus_dir: Path, workers: int, pin: bool = True) -> dict:
    core = _pin(pin and workers <= 1)  # before numpy is imported, so BLAS sees one core too
    started = time.perf_counter()
    from pledgewatch.config import Settings
    from pledgewatch.ingest.pipeline import ingest_paths
    from pledgewatch.store.db import open_store

    settings = Settings(_env_file=None)
    # Warm up in this process on a store of its own: models, caches and mappers load
    # here (and workers forked later inherit them); the measured store starts empty.
    store = Path(tempfile.mkdtemp(dir=corpus_dir))  # fresh files for every run
    warm = open_store(str(store / "warmup.sqlite"))
    for outcome in ingest_paths(warm, _paths(corpus_dir / "warmup"), settings):
        if outcome.status == "failed":
            raise SystemExit(f"warm-up failed: {outcome.error}")
    engine = open_store(str(store / "bench.sqlite"))
    loaded = time.perf_counter() - started

    paths = _paths(corpus_dir / "docs")
    t0 = time.perf_counter()
    outcomes = list(ingest_paths(engine, paths, settings, workers=workers))
    seconds = time.perf_counter() - t0

    own = _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    children = _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    failures = [o.error for o in outcomes if o.status == "failed"]
    import multiprocessing

    return {
        "seconds": seconds,
        "docs": len(outcomes),
        "added": sum(o.status == "added" for o in outcomes),
        "failed": len(failures),
        "failures": failures[:5],
        "entities": sum(o.entities for o in outcomes),
        "facts": sum(o.facts for o in outcomes),
        "load_seconds": loaded,
        # one worker: this process does everything; several: the largest worker
        "peak_rss_mb": own if workers <= 1 else children,
        "parent_peak_rss_mb": own,
        "pinned_core": core,
        "start_method": multiprocessing.get_start_method(),
    }


def side_baseline(corpus_dir: Path) -> dict:
    core = _pin(True)
    started = time.perf_counter()
    try:
        import pymorphy2  # noqa: F401  (natasha's own dependency, as installed)

        morphology = "pymorphy2"
    except Exception:  # pymorphy2 breaks on some Pythons; pymorphy3 is its drop-in
        import pymorphy3

        sys.modules["pymorphy2"] = pymorphy3
        morphology = "pymorphy3"
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    segmenter = Segmenter()
    morph_vocab = MorphVocab()
    morph_tagger = NewsMorphTagger(embedding)
    syntax_parser = NewsSyntaxParser(embedding)
    ner_tagger = NewsNERTagger(embedding)

    def process(path: Path) -> int:
        doc = Doc(path.read_text(encoding="utf-8"))
        doc.segment(segmenter)
        doc.tag_ner(ner_tagger)
        doc.tag_morph(morph_tagger)
        doc.parse_syntax(syntax_parser)
        for span in doc.spans:
            span.normalize(morph_vocab)
        return len(doc.tokens)

    for path in _paths(corpus_dir / "warmup"):
        process(path)
    loaded = time.perf_counter() - started

    paths = _paths(corpus_dir / "docs")
    t0 = time.perf_counter()
    tokens = sum(process(path) for path in paths)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "docs": len(paths),
        "tokens": tokens,
        "load_seconds": loaded,
        "peak_rss_mb": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "pinned_core": core,
        "morphology": morphology,
    }


def _busy_seconds() -> float | None:
    """CPU seconds all processes on the machine have used since boot (Linux), or None."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _own_children_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_side(name: str, corpus_dir: Path, workers: int, pin: bool = True) -> dict:
    out = corpus_dir / f"{name}.json"
    out.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--side", name]
    command += ["--corpus-dir", str(corpus_dir), "--workers", str(workers), "--out", str(out)]
    if not pin:
        command.append("--no-pin")
    busy, own, started = _busy_seconds(), _own_children_seconds(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0 or not out.exists():
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {name} side failed (exit status {done.returncode})")
    result = json.loads(out.read_text())
    # CPU that other processes used meanwhile, in cores: the machine's busy time less
    # this side's own (its workers included)
    after = _busy_seconds()
    if busy is not None and after is not None:
        other = (after - busy) - (_own_children_seconds() - own)
        result["other_load"] = max(0.0, other / wall)
    else:
        result["other_load"] = None
    return result


# --- the parent: corpus, both sides, report --------------------------------------------


def measure(
    docs: int, workers: int, progress, pin: bool = True, repeat: int = 1, which: str = "auto"
) -> dict:
    bases, ours_runs = [], []
    with tempfile.TemporaryDirectory(prefix="pledgewatch-bench-") as tmp:
        corpus = build_corpus(docs, Path(tmp), which)
        progress(f"corpus: {docs} documents from {corpus.name}")
        for i in range(repeat):
            run = f" (run {i + 1} of {repeat})" if repeat > 1 else ""
            progress(f"baseline: plain natasha, one core{run}…")
            bases.append(run_side("baseline", Path(tmp), 1))
            progress(f"ours: ingest, {workers} worker{'s' if workers > 1 else ''}{run}…")
            ours_runs.append(run_side("ours", Path(tmp), workers, pin))
    # several runs: each side's fastest run (the least disturbed), the highest peak RSS
    base = min(bases, key=lambda r: r["seconds"])
    ours = min(ours_runs, key=lambda r: r["seconds"])
    dps = ours["docs"] / ours["seconds"]
    base_dps = base["docs"] / base["seconds"]
    result = {
        "docs_per_second": round(dps, 2),
        "baseline_docs_per_second": round(base_dps, 2),
        "ratio": round(dps / base_dps, 3),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in ours_runs), 1),
        "baseline_peak_rss_mb": round(max(r["peak_rss_mb"] for r in bases), 1),
        "parent_peak_rss_mb": round(max(r["parent_peak_rss_mb"] for r in ours_runs), 1),
        "docs": docs,
        "workers": workers,
        "corpus": corpus.name,
        "corpus_texts": corpus.available,
        "corpus_cycled": corpus.cycled,
        "avg_tokens": round(base["tokens"] / base["docs"], 1),
        "warmup_docs": WARMUP_DOCS,
        "pinned": ours["pinned_core"] is not None,
        "baseline_pinned": base["pinned_core"] is not None,
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "other_load": _round(ours["other_load"]),
        "baseline_other_load": _round(base["other_load"]),
        "repeat": repeat,
        "docs_per_second_runs": [round(r["docs"] / r["seconds"], 2) for r in ours_runs],
        "baseline_docs_per_second_runs": [round(r["docs"] / r["seconds"], 2) for r in bases],
        "seconds": round(ours["seconds"], 2),
        "baseline_seconds": round(base["seconds"], 2),
        "load_seconds": round(ours["load_seconds"], 2),
        "baseline_load_seconds": round(base["load_seconds"], 2),
        "added": ours["added"],
        "failed": ours["failed"],
        "entities": ours["entities"],
        "facts": ours["facts"],
        "start_method": ours["start_method"],
        "baseline_morphology": base["morphology"],
    }
    if ours["failures"]:
        result["first_failures"] = ours["failures"]
    return result


def print_table(r: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    workers = r["workers"]
    per = "largest worker" if workers > 1 else "one process"
    table = Table(title=f"pledgewatch ingest vs plain natasha, {r['docs']} documents")
    table.add_column("")
    table.add_column(f"ours ({workers} worker{'s' if workers > 1 else ''})", justify="right")
    table.add_column("natasha (1 core)", justify="right")
    table.add_row(
        "documents / second", f"{r['docs_per_second']:.2f}", f"{r['baseline_docs_per_second']:.2f}"
    )
    table.add_row("measured seconds", f"{r['seconds']:.1f}", f"{r['baseline_seconds']:.1f}")
    table.add_row(
        "load + warm-up s (not timed)",
        f"{r['load_seconds']:.1f}",
        f"{r['baseline_load_seconds']:.1f}",
    )
    table.add_row(
        f"peak RSS, MB ({per})", f"{r['peak_rss_mb']:.0f}", f"{r['baseline_peak_rss_mb']:.0f}"
    )
    if workers > 1:
        table.add_row("peak RSS, MB (storing parent)", f"{r['parent_peak_rss_mb']:.0f}", "")
    table.add_row("pinned to one core", _yes(r["pinned"]), _yes(r["baseline_pinned"]))
    console.print(table)

    if r["corpus"] == "nerel":
        corpus = "NEREL v1.1 (Russian Wikinews)"
    else:
        corpus = "[yellow]samples/*.txt[/], not NEREL (absent from ../shared, or --corpus samples)"
    if r["corpus_cycled"]:
        corpus += f", cycled over {r['corpus_texts']} texts"
    console.print(f"corpus: {corpus}; {r['avg_tokens']:.0f} tokens per document on average")
    console.print(
        f"stored: {r['added']} added, {r['failed']} failed; {r['entities']} entities, {r['facts']} facts"
    )
    for failure in r.get("first_failures", []):
        console.print(f"  [red]failed:[/] {failure.splitlines()[0]}", highlight=False)
    if workers > 1:
        speed = "the goal is for one core: run without --workers"
    else:
        speed = "goal >= 1 on one core: " + ("met" if r["ratio"] >= 1 else "[red]not met[/]")
    memory = "met" if r["peak_rss_mb"] < GOAL_RSS_MB else "[red]not met[/]"
    console.print(f"ratio ours / natasha: [bold]{r['ratio']:.2f}[/] ({speed})")
    console.print(
        f"peak RSS ({per}): [bold]{r['peak_rss_mb']:.0f} MB[/] (goal < {GOAL_RSS_MB} MB per worker: {memory})"
    )
    if r["repeat"] > 1:
        runs = ", ".join(f"{x:.1f}" for x in r["docs_per_second_runs"])
        base_runs = ", ".join(f"{x:.1f}" for x in r["baseline_docs_per_second_runs"])
        console.print(f"best of {r['repeat']} runs; ours: {runs}; natasha: {base_runs} docs/s")
    busy = max(r["other_load"] or 0, r["baseline_other_load"] or 0)
    if busy > BUSY:
        console.print(
            f"[yellow]note:[/] other processes kept {busy:.1f} cores busy on average during "
            "a side's run: figures may be low (--repeat 3 keeps each side's best run)"
        )
    if workers > 1 and r["cpus"] is not None and workers > r["cpus"]:
        console.print(f"[yellow]note:[/] {workers} workers on {r['cpus']} CPUs")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to ingest (default 300)")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="ingest worker processes (default 1); the baseline always uses one core",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of a table"
    )
    parser.add_argument(
        "--corpus",
        choices=["auto", "nerel", "samples"],
        default="auto",
        help="NEREL from ../shared when present (auto, the default), or samples/*.txt",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each side this many times, alternating, and keep each side's fastest run",
    )
    parser.add_argument(
        "--no-pin",
        action="store_true",
        help="do not pin ours to one core with --workers 1 (the baseline is always pinned)",
    )
    parser.add_argument("--side", choices=["ours", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if min(args.docs, args.workers, args.repeat) < 1:
        parser.error("--docs, --workers and --repeat must be at least 1")

    if args.side:
        if args.side == "ours":
            result = side_ours(args.corpus_dir, args.workers, not args.no_pin)
        else:
            result = side_baseline(args.corpus_dir)
        args.out.write_text(json.dumps(result))
        return 0

    def progress(message: str) -> None:
        if not args.json:
            print(message, file=sys.stderr, flush=True)

    result = measure(args.docs, args.workers, progress, not args.no_pin, args.repeat, args.corpus)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
