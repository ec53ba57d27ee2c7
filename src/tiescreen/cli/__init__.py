"""The ``tiescreen`` command: a thin click layer over the Python API.

One module per command. Data goes to standard output (or ``-o FILE``); progress and
messages go to standard error. Exit codes: 0 success, 1 bad input or runtime error (one
line on stderr, never a traceback), 2 usage, 3 matches found with ``--fail-on-match``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from tiescreen import __version__
from tiescreen.errors import TiescreenError


class _Group(click.Group):
    """Turns every error into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TiescreenError as err:
            raise click.ClickException(str(err)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            raise SystemExit(1) from None
        except KeyboardInterrupt:
            raise SystemExit(130) from None
        except MemoryError:
            raise click.ClickException("out of memory; try a smaller input or --skip-bad-rows") from None
        except Exception as err:  # the last guard: users see a line, never a traceback
            if os.environ.get("TIESCREEN_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {err.__class__.__name__}: {err} (set TIESCREEN_DEBUG=1 for details)"
            ) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tiescreen")
def cli() -> None:
    """Screen the people presented to the public for ties to the state, with evidence."""


def _register() -> None:
    from tiescreen.cli import demo, extract, ingest, score_pairs, screen, serve, upgrade

    for module in (ingest, screen, score_pairs, demo, serve, extract, upgrade):
        cli.add_command(module.command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="tiescreen")
