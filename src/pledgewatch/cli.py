"""Command line: one command per stage function (ingest, export, search, show)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pledgewatch import __version__
from pledgewatch.config import Settings, get_settings, settings_table

app = typer.Typer(
    help="pledgewatch: sourced records of human-rights cases and government pledges.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)


class State:
    db: str


state = State()


@app.callback()
def main(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL or SQLite file path [env: PLEDGEWATCH_DATABASE_URL; "
            "default: pledgewatch.sqlite]",
        ),
    ] = None,
) -> None:
    state.db = db or get_settings().database_url


def _engine():
    from pledgewatch.store.db import open_store

    try:
        return open_store(state.db)
    except Exception as exc:
        errors.print(f"[red]error:[/] cannot open database {state.db!r}: {exc}")
        raise typer.Exit(1) from exc


@app.command()
def version() -> None:
    """Print the version."""
    console.print(f"pledgewatch {__version__}")


@app.command("settings")
def show_settings() -> None:
    """List every setting (environment variable), its default and what it does."""
    table = Table("variable", "default", "help")
    for row in settings_table():
        table.add_row(*row)
    console.print(table)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    workers: Annotated[int, typer.Option(help="Worker processes for parsing and extraction.")] = 1,
) -> None:
    """Read documents, extract entities and facts, and store them (one transaction each)."""
    from pledgewatch.ingest.acquire import expand_inputs
    from pledgewatch.ingest.errors import IngestError
    from pledgewatch.ingest.pipeline import Outcome, Summary, ingest_paths

    settings: Settings = get_settings()
    engine = _engine()
    summary = Summary()
    files: list[Path] = []
    for item in expand_inputs(paths):
        if isinstance(item, IngestError):
            summary.outcomes.append(Outcome(str(item.path), "failed", error=str(item)))
        else:
            files.append(item)
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[name]}"),
        console=errors,
        transient=False,
        disable=not files,
    )
    try:
        with progress:
            task = progress.add_task("ingest", total=len(files), name="")
            for outcome in ingest_paths(engine, files, settings, workers=workers):
                summary.outcomes.append(outcome)
                progress.update(task, advance=1, name=Path(outcome.path).name[:40])
    except KeyboardInterrupt:
        errors.print("[yellow]interrupted[/]: documents stored so far are kept")
        _print_summary(summary)
        raise typer.Exit(130) from None
    _print_summary(summary)
    if summary.failures:
        raise typer.Exit(1)


def _print_summary(summary) -> None:
    added = [o for o in summary.outcomes if o.status == "added"]
    console.print(
        f"added {len(added)}, skipped {summary.count('duplicate')} as duplicates, "
        f"failed {len(summary.failures)}; "
        f"{sum(o.entities for o in added)} entities and {sum(o.facts for o in added)} facts found"
    )
    for failure in summary.failures:
        errors.print(f"[red]failed:[/] {escape(failure.error)}", highlight=False, soft_wrap=True)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json or csv")] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (json) or folder (csv).")
    ] = None,
) -> None:
    """Write the record: JSON (pledgewatch/1) to stdout or a file, or CSV files to a folder."""
    from pledgewatch.report.export import write_csv, write_json
    from pledgewatch.store.db import session_scope

    if format not in ("json", "csv"):
        errors.print(f"[red]error:[/] unknown format {format!r} (use json or csv)")
        raise typer.Exit(2)
    if format == "csv" and output is None:
        errors.print("[red]error:[/] --format csv needs -o FOLDER")
        raise typer.Exit(2)
    engine = _engine()
    with session_scope(engine) as session:
        if format == "csv":
            for path in write_csv(session, output):
                errors.print(f"wrote {path}")
        elif output is None:
            write_json(session, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                write_json(session, handle)
            errors.print(f"wrote {output}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words or a name, in any case form or script.")],
    limit: Annotated[int, typer.Option(help="Most documents to list.")] = 20,
) -> None:
    """Find documents and entities by inflected forms and transliterations."""
    from pledgewatch.store.db import session_scope
    from pledgewatch.store.search import search_documents, search_entities

    engine = _engine()
    with session_scope(engine) as session:
        entities = search_entities(session, query)
        hits = search_documents(session, query, limit=limit)
        for entity in entities:
            console.print(f"[bold]{entity.type}[/] {entity.id}  {entity.name}", highlight=False)
        if not hits:
            console.print(f"no documents found for {query!r}")
            raise typer.Exit(0)
        for hit in hits:
            doc = hit.document
            console.print(
                f"[bold]{doc.id}[/]  {doc.title or Path(doc.source).name}  "
                f"[dim]{doc.language or '?'} {doc.published or ''}[/]",
                highlight=False,
            )
            console.print(f"    {hit.passage}", highlight=False, markup=False)


@app.command()
def show(
    entity: Annotated[str, typer.Argument(help="An entity id or a name (any form, any script).")],
) -> None:
    """Print an entity with its aliases, facts and the evidence sentence behind each fact."""
    from pledgewatch.report.show import find_entity, render_entity
    from pledgewatch.store.db import session_scope

    engine = _engine()
    with session_scope(engine) as session:
        found = find_entity(session, entity)
        if not found:
            errors.print(f"[red]error:[/] no entity matches {entity!r}")
            raise typer.Exit(1)
        for item in found[:5]:
            render_entity(session, item, console)


@app.command()
def summary() -> None:
    """What the database holds: counts, people and their facts."""
    from pledgewatch.report.show import render_summary
    from pledgewatch.store.db import session_scope

    engine = _engine()
    with session_scope(engine) as session:
        render_summary(session, console)


# --- web app and accounts ------------------------------------------------------------------

user_app = typer.Typer(help="Accounts of the web app: add, list, API tokens.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes answering requests in parallel.")
    ] = 1,
) -> None:
    """Serve the web app: browse, search, review and upload (creates the first admin)."""
    import uvicorn

    from pledgewatch.auth import ensure_first_admin
    from pledgewatch.store.db import session_scope

    settings = get_settings()
    engine = _engine()  # migrates the schema here, once, before any worker opens it
    with session_scope(engine) as session:
        created = ensure_first_admin(session)
    engine.dispose()  # the workers open their own connections
    if created:
        name, password = created
        console.print(
            f"[bold]Created the first user[/]: [bold]{name}[/] with password "
            f"[bold]{escape(password)}[/]\n(shown once: keep it, or change it on the account "
            "page after signing in)",
            highlight=False,
        )
    if host not in ("127.0.0.1", "localhost", "::1"):
        errors.print(f"[yellow]warning:[/] listening on {host}: reachable from the network")
    console.print(f"serving on http://{'[' + host + ']' if ':' in host else host}:{port}/")
    # Each worker process builds its own app from the environment, so --db goes there too.
    os.environ["PLEDGEWATCH_DATABASE_URL"] = state.db
    uvicorn.run(
        "pledgewatch.web.app:create_app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        proxy_headers=settings.trust_proxy_headers,
        forwarded_allow_ips="*" if settings.trust_proxy_headers else None,
        log_level="info",
    )


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ + -).")],
    role: Annotated[
        str,
        typer.Option(help="viewer (reads), editor (reviews, uploads) or admin (manages users)."),
    ] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin (for scripts).")
    ] = False,
) -> None:
    """Add a user of the web app; the password is asked for (or read from stdin)."""
    from pledgewatch.auth import ROLES, AccountError, create_user
    from pledgewatch.store.db import session_scope

    if role not in ROLES:
        errors.print(f"[red]error:[/] unknown role {role!r} (use {', '.join(ROLES)})")
        raise typer.Exit(2)
    password = _read_password(password_stdin)
    engine = _engine()
    try:
        with session_scope(engine) as session:
            create_user(session, name=name, password=password, role=role)
    except AccountError as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    console.print(f"added {role} {name}", highlight=False)


@user_app.command("list")
def user_list() -> None:
    """List the users of the web app with their roles."""
    from sqlalchemy import select

    from pledgewatch.store.db import session_scope
    from pledgewatch.store.models import User

    table = Table("name", "role", "active", "created")
    with session_scope(_engine()) as session:
        for user in session.scalars(select(User).order_by(User.name)):
            table.add_row(
                user.name, user.role, "yes" if user.active else "no", f"{user.created_at:%Y-%m-%d}"
            )
    console.print(table)


@user_app.command("token")
def user_token(
    name: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "cli",
) -> None:
    """Create a personal API token for a user and print it (once)."""
    from pledgewatch.auth import create_api_token, get_user
    from pledgewatch.store.db import session_scope

    with session_scope(_engine()) as session:
        user = get_user(session, name)
        if user is None:
            errors.print(f"[red]error:[/] no user named {name!r}")
            raise typer.Exit(1)
        token, _ = create_api_token(session, user, label)
    print(token)


def _register_sub_apps() -> None:
    from pledgewatch.evaluate.cli import eval_app
    from pledgewatch.resolve import cli as resolve_cli

    app.add_typer(eval_app, name="eval")
    app.add_typer(resolve_cli.app)  # merge, split, resolve, judgements


_register_sub_apps()


def run() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    app()
