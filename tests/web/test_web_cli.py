"""`pledgewatch user …` and `pledgewatch serve` as a user runs them."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from pledgewatch.cli import app

runner = CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_user_add_from_stdin_and_prompt(tmp_path):
    db = str(tmp_path / "users.sqlite")
    result = runner.invoke(
        app,
        ["--db", db, "user", "add", "maria", "--role", "editor", "--password-stdin"],
        input="maria-password-1\n",
    )
    assert result.exit_code == 0, result.output
    assert "added editor maria" in result.output
    prompted = runner.invoke(
        app, ["--db", db, "user", "add", "olga"], input="olga-password-1\nolga-password-1\n"
    )
    assert prompted.exit_code == 0, prompted.output
    again = runner.invoke(
        app, ["--db", db, "user", "add", "maria", "--password-stdin"], input="another-password\n"
    )
    assert again.exit_code == 1 and "exists already" in again.output
    short = runner.invoke(
        app, ["--db", db, "user", "add", "ivan", "--password-stdin"], input="short\n"
    )
    assert short.exit_code == 1 and "at least 8" in short.output
    bad_role = runner.invoke(
        app,
        ["--db", db, "user", "add", "ivan", "--role", "boss", "--password-stdin"],
        input="password-123\n",
    )
    assert bad_role.exit_code == 2
    listed = runner.invoke(app, ["--db", db, "user", "list"])
    assert "maria" in listed.output and "olga" in listed.output and "viewer" in listed.output
    token = runner.invoke(app, ["--db", db, "user", "token", "maria"])
    assert token.exit_code == 0 and token.output.strip().startswith("pw_")
    assert runner.invoke(app, ["--db", db, "user", "token", "nobody"]).exit_code == 1


def start_server(db: str, port: int, *options: str, env: dict | None = None) -> subprocess.Popen:
    command = ["pledgewatch.cli", "--db", db, "serve", "--port", str(port), *options]
    return subprocess.Popen(
        [sys.executable, "-m", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        start_new_session=True,  # its own process group: see kill_all
    )


def kill_all(process: subprocess.Popen) -> None:
    """Kills the server and every worker it started (its process group), so a test that
    fails half-way leaves no uvicorn worker running behind it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # all gone already
    process.wait(10)


def read_until_serving(process: subprocess.Popen) -> str:
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "serving on" in line:
            break
    return "".join(lines)


def wait_for(url: str) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(url, follow_redirects=False)
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serve_creates_the_first_admin_once(tmp_path):
    db = str(tmp_path / "fresh.sqlite")
    port = free_port()
    server = start_server(db, port)
    try:
        output = read_until_serving(server)
        found = re.search(r"Created the first user: admin with password (\S+)", output)
        assert found, output
        password = found.group(1)
        assert f"serving on http://127.0.0.1:{port}/" in output
        base = f"http://127.0.0.1:{port}"
        assert wait_for(base + "/").headers["location"] == "/login?next=%2F"
        with httpx.Client(base_url=base) as browser:
            page = browser.get("/login").text
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
            signed_in = browser.post(
                "/login",
                data={"username": "admin", "password": password, "csrf_token": csrf, "next": "/"},
            )
            assert signed_in.status_code == 303
            assert browser.get("/admin/users").status_code == 200
    finally:
        server.terminate()
        server.wait(10)
    port = free_port()
    again = start_server(db, port)
    try:
        output = read_until_serving(again)
        assert "serving on" in output and "password" not in output
    finally:
        again.terminate()
        again.wait(10)


def test_serve_help_documents_workers():
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--workers" in result.output and "Worker processes" in result.output
    refused = runner.invoke(app, ["serve", "--workers", "0"])
    assert refused.exit_code == 2


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_with_two_workers_answers_and_stops_on_a_signal(tmp_path, stop):
    db = str(tmp_path / "workers.sqlite")
    port = free_port()
    server = start_server(db, port, "--workers", "2", env={"PLEDGEWATCH_ANONYMOUS_READ": "true"})
    try:
        output = read_until_serving(server)
        password = re.search(r"Created the first user: admin with password (\S+)", output)
        assert password, output
        base = f"http://127.0.0.1:{port}"
        assert wait_for(base + "/").status_code == 200  # the setting reached the workers
        with httpx.Client(base_url=base) as browser:  # and so did --db: the admin signs in
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/login").text)
            signed_in = browser.post(
                "/login",
                data={
                    "username": "admin",
                    "password": password.group(1),
                    "csrf_token": csrf.group(1),
                    "next": "/",
                },
            )
            assert signed_in.status_code == 303
            assert all(browser.get("/admin/users").status_code == 200 for _ in range(4))
        server.send_signal(stop)
        rest, _ = server.communicate(timeout=30)
        output += rest
        assert output.count("Created the first user") == 1
        # two worker processes ran; on a loaded machine uvicorn may replace one that answered
        # its health check late, so a replacement may be among them
        started = re.findall(r"Started server process \[(\d+)\]", output)
        ended = re.findall(r"Terminated child process \[(\d+)\]", output)
        workers = {int(p) for p in started + ended}
        assert len(workers) >= 2 and started, output
        for pid in workers:  # the signal stopped every one (checked before kill_all)
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
    finally:
        kill_all(server)  # only a test that failed half-way leaves any to kill
