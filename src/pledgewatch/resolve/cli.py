"""Commands for merge decisions: ``merge``, ``split``, ``resolve`` and ``judgements``.

Registered on the main app without a group name, so they read ``pledgewatch merge A B``.
Every decision is a judgement in the log (``resolve.judgements``); nothing is deleted.
"""

from __future__ import annotations

import getpass
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

app = typer.Typer(add_completion=False)
console = Console()
errors = Console(stderr=True)

ByOption = Annotated[
    str | None,
    typer.Option("--by", help="Who decides (recorded with the judgement) [default: your login]."),
]


def _engine(ctx: typer.Context):
    from pledgewatch.config import get_settings
    from pledgewatch.store.db import open_store

    url = ctx.find_root().params.get("db") or get_settings().database_url
    try:
        return open_store(url)
    except Exception as exc:
        errors.print(f"[red]error:[/] cannot open database {url!r}: {escape(str(exc))}")
        raise typer.Exit(1) from exc


def _who(by: str | None) -> str:
    if by and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment
        return "cli"


def _label(session, entity_id: str) -> str:
    from pledgewatch.store.models import Entity

    entity = session.get(Entity, entity_id)
    return f"{entity.name} ({entity_id})" if entity else entity_id


def _print_record(session, entity_id: str) -> None:
    from pledgewatch.resolve.judgements import load_resolution

    resolution = load_resolution(session)
    survivor = resolution.canonical_id(entity_id)
    members = resolution.members(entity_id)
    line = f"  {_label(session, survivor)}"
    if len(members) > 1:
        line += " ← " + ", ".join(m for m in members if m != survivor)
    console.print(line, highlight=False, markup=False)


@contextmanager
def _refused_judgement():
    """A judgement the log refuses (unknown id, a conflict) ends the command with its
    reason and exit status 1; nothing is stored (the session rolls back)."""
    from pledgewatch.resolve import judgements as log

    try:
        yield
    except log.JudgementError as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from None


@app.command()
def merge(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="An entity id.")],
    b: Annotated[str, typer.Argument(help="Another entity id: the same person or organization.")],
    by: ByOption = None,
) -> None:
    """Judge two records the same: they show as one record (the older id survives)."""
    from pledgewatch.resolve import judgements as log
    from pledgewatch.store.db import session_scope

    with _refused_judgement(), session_scope(_engine(ctx)) as session:
        row = log.merge(session, a, b, decided_by=_who(by))
        console.print(f"judgement #{row.id}: same", highlight=False)
        _print_record(session, a)


@app.command()
def split(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="An entity id.")],
    b: Annotated[
        str, typer.Argument(help="Another entity id: a different person or organization.")
    ],
    by: ByOption = None,
) -> None:
    """Judge two records not the same: undoes a merge, and no later resolution joins them."""
    from pledgewatch.resolve import judgements as log
    from pledgewatch.store.db import session_scope

    with _refused_judgement(), session_scope(_engine(ctx)) as session:
        row = log.split(session, a, b, decided_by=_who(by))
        console.print(f"judgement #{row.id}: not the same", highlight=False)
        _print_record(session, a)
        _print_record(session, b)


@app.command("resolve")
def resolve_command(ctx: typer.Context) -> None:
    """Re-run resolution over the whole database (researchers' judgements are kept)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pledgewatch.resolve import resolve_all
    from pledgewatch.store.db import session_scope

    engine = _engine(ctx)
    progress = Progress(
        TextColumn("[bold]resolve[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
    )
    tasks: dict[str, int] = {}

    def report_progress(phase: str, done: int, total: int) -> None:
        if phase not in tasks:
            tasks[phase] = progress.add_task(phase, total=total)
        progress.update(tasks[phase], completed=done, total=total)

    with progress, session_scope(engine) as session:
        report = resolve_all(session, progress=report_progress)
    console.print(
        f"{report.entities} people and organizations, {report.compared} pairs compared; "
        f"recorded {report.same} same, {report.unsure} unsure (review queue), "
        f"{report.retracted} withdrawn; records {report.records_before} → {report.records_after}",
        highlight=False,
    )


@app.command()
def judgements(
    ctx: typer.Context,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only judgements about this record.")
    ] = None,
    pending: Annotated[
        bool, typer.Option("--pending", help="Only the review queue: 'possibly the same'.")
    ] = False,
    by: Annotated[str | None, typer.Option("--by", help="Only judgements by this name.")] = None,
) -> None:
    """List merge judgements (who, when, decision, score), or the pairs awaiting review."""
    from pledgewatch.resolve.judgements import judgement_log, pending_merge_candidates
    from pledgewatch.store.db import session_scope

    engine = _engine(ctx)
    with session_scope(engine) as session:
        if pending:
            table = Table("#", "record", "possibly the same as", "score", "since")
            for c in pending_merge_candidates(session):
                if entity and entity not in (c.entity_a, c.entity_b, c.judged_a, c.judged_b):
                    continue
                table.add_row(
                    str(c.judgement_id),
                    escape(_label(session, c.entity_a)),
                    escape(_label(session, c.entity_b)),
                    f"{c.score:.2f}" if c.score is not None else "",
                    c.decided_at.strftime("%Y-%m-%d %H:%M"),
                )
        else:
            table = Table("#", "a", "b", "decision", "score", "by", "when")
            for row in judgement_log(session, entity_id=entity, decided_by=by):
                table.add_row(
                    str(row.id),
                    escape(_label(session, row.entity_a)),
                    escape(_label(session, row.entity_b)),
                    row.decision,
                    f"{row.score:.2f}" if row.score is not None else "",
                    escape(row.decided_by),
                    row.decided_at.strftime("%Y-%m-%d %H:%M"),
                )
        if table.row_count:
            console.print(table)
        else:
            console.print("no judgements" if not pending else "nothing awaits review")
