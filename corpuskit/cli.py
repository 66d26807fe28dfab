"""The ``corpuskit`` command line."""
from __future__ import annotations

import sys

import click

from . import __version__
from .config import TARGETS, Config


def _load_config(path: str | None, **options) -> Config:
    try:
        base = Config.load(path) if path else Config.defaults()
        return base.with_options(**options)
    except (OSError, ValueError) as e:
        raise click.UsageError(f"config: {e}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corpuskit")
def main() -> None:
    """Clean scraped Chinese and English news into an auditable JSONL corpus.

    \b
    Examples:
      corpuskit clean seeds/ -o corpus.jsonl --to zh-Hans
      corpuskit clean page.txt -o - --explain
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="OUTPUT",
              help="Where the records go: a .jsonl path, or - for standard output.")
@click.option("--to", "to", type=click.Choice(TARGETS), default=None,
              help="Target script: keep (default), zh-Hans, zh-Hant, zh-TW or zh-HK.")
@click.option("--explain", is_flag=True, help="Add each line's decision and reason to its record.")
@click.option("--workers", type=int, default=None, metavar="N", help="Worker processes (default: all cores).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="A TOML file overlaying the defaults (see docs/config.md).")
def clean(inputs: tuple[str, ...], output: str, to: str | None, explain: bool,
          workers: int | None, config_path: str | None) -> None:
    """Clean INPUT files and folders into OUTPUT.

    INPUT is a file, a folder (read recursively in sorted order), or - for
    standard input. A .txt file is one document; a .jsonl file holds one
    document per line in its "text" field. Each document becomes one JSON
    object per line in OUTPUT (see docs/format.md).
    """
    from .corpus.runner import run

    config = _load_config(config_path, **{"convert.to": to, "corpus.workers": workers})

    def report(f) -> None:
        click.echo(f"corpuskit: {f.message()}", err=True)

    try:
        result = run(list(inputs), output, config, explain=explain, on_failure=report)
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
    if output != "-":
        click.echo(f"corpuskit: {result.written} documents written to {output}"
                   + (f", {len(result.failures)} inputs failed" if result.failures else ""), err=True)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(TARGETS), default=None, help="Target script.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE")
def explain(file: str, to: str | None, config_path: str | None) -> None:
    """Show FILE line by line with each line's decision and reason."""
    from . import clean as clean_doc

    config = _load_config(config_path, **{"convert.to": to})
    data = click.get_binary_stream("stdin").read() if file == "-" else open(file, "rb").read()
    doc = clean_doc(data, config, source=file)
    click.echo(doc.explain())


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
