"""``pledgewatch eval``: measurements of the extractor against annotated corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

eval_app = typer.Typer(
    help="Measure the extractor against annotated corpora (NEREL).",
    no_args_is_help=True,
    add_completion=False,
)


@eval_app.callback()
def _group() -> None:
    """Measure the extractor against annotated corpora (NEREL)."""
    # a callback keeps `nerel` a subcommand even while it is the only one


def progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def score_table(title: str, rows: dict[str, dict | None], first: str = "Type") -> Table:
    """A table of {type: {"p", "r", "f1", "support"} or None (not applicable)}."""
    table = Table(title=title)
    table.add_column(first)
    for name in ("P", "R", "F1", "Support"):
        table.add_column(name, justify="right")
    for type_, score in rows.items():
        if score is None:
            table.add_row(type_, "n.a.", "n.a.", "n.a.", "")
            continue
        table.add_row(
            type_,
            f"{score['p']:.3f}",
            f"{score['r']:.3f}",
            f"{score['f1']:.3f}",
            str(score["support"]),
        )
    return table


@eval_app.command("nerel")
def nerel(
    directory: Annotated[
        Path,
        typer.Argument(
            help="A NEREL split folder with .txt and .ann files (e.g. its dev folder).",
            exists=True,
            file_okay=False,
            dir_okay=True,
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of tables.")
    ] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N documents.")
    ] = None,
) -> None:
    """Score extraction against a NEREL split: exact-span P, R, F1 per type and relation.

    Also reports documents per second of the extraction (model loading excluded).
    """
    from pledgewatch.evaluate.nerel import evaluate, project_predictor, read_split, split_files

    stderr = Console(stderr=True)
    files = split_files(directory, limit)
    if not files:
        stderr.print(f"[red]error:[/] no .txt/.ann pairs in {directory}")
        raise typer.Exit(2)
    with progress_bar(stderr) as progress:
        task = progress.add_task("loading models", total=len(files))
        predict = project_predictor()
        progress.update(task, description="extracting")
        result = evaluate(
            read_split(directory, limit),
            predict,
            on_document=lambda *_: progress.advance(task),
        )
    report = result.as_json()
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))
        return
    console = Console()
    docs = result.scorer.documents
    console.print(
        score_table(
            f"NEREL entities, exact spans ({docs} documents from {directory})", report["entities"]
        )
    )
    console.print(
        score_table("NEREL relations, exact argument spans", report["relations"], "Relation")
    )
    console.print(f"{report['docs_per_second']:.1f} documents per second (extraction only)")
    if result.skipped_lines:
        console.print(f"{result.skipped_lines} annotation line(s) skipped (did not parse)")
