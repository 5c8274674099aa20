"""Every setting, every CLI command and every penalty value is documented in the README."""

from __future__ import annotations

from conftest import ROOT

from pledgewatch.cli import app
from pledgewatch.config import settings_table
from pledgewatch.model.vocab import PENALTIES, SENTENCE_FLAGS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme():
    for variable, _, help_text in settings_table():
        assert f"`{variable}`" in README, variable
        assert help_text, f"{variable} has no help text"


def test_every_command_is_in_the_readme():
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        if getattr(command, "commands", None):
            for sub in command.commands:
                assert f"pledgewatch {name} {sub}" in README, f"{name} {sub}"
        else:
            assert f"pledgewatch {name}" in README, name


def test_every_penalty_value_is_in_the_readme():
    for value in PENALTIES:
        assert f"`{value}`" in README, value


def test_every_sentence_flag_is_in_the_readme():
    """`life` and `parole`, the yes/no attributes of a sentence."""
    for value in SENTENCE_FLAGS:
        assert f"`{value}`" in README and f'"{value}": ' in README, value
