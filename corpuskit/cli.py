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
              help="Where the records go: .jsonl, .jsonl.gz, .jsonl.zst or .parquet, or - for standard output.")
@click.option("--to", "to", type=click.Choice(TARGETS), default=None,
              help="Target script: keep (default), zh-Hans, zh-Hant, zh-TW or zh-HK.")
@click.option("--numbers", type=click.Choice(["keep", "arabic", "chinese"]), default=None,
              help="Chinese numerals that count or measure to digits (arabic), digits read out (chinese), "
                   "or keep (default).")
@click.option("--dates", type=click.Choice(["keep", "iso"]), default=None,
              help="Whole dates in the text to 2021-12-31 (iso), or keep (default).")
@click.option("--quotes", type=click.Choice(["auto", "keep", "curly", "corner"]), default=None,
              help="Quotation marks: auto (default: “” for zh-Hans, 「」 for Traditional targets), keep, "
                   "curly or corner.")
@click.option("--explain", is_flag=True, help="Add each line's decision and reason to its record.")
@click.option("--dedup", type=click.Choice(["near", "exact", "off"]), default=None,
              help="Drop duplicates: near (default; MinHash LSH), exact (normalized text) or off.")
@click.option("--report", "reports", multiple=True, metavar="FILE",
              help="Write the run report to FILE: .json, or .html with charts (repeatable).")
@click.option("--rejected", metavar="FILE", default=None,
              help="Write rejected documents (quality, duplicates) to FILE as JSON lines, with the reason.")
@click.option("--errors", metavar="FILE", default=None,
              help="Write one line per unusable input (path:line: reason) to FILE; JSON lines if named .jsonl.")
@click.option("--shard-size", metavar="N|SIZE", default=None,
              help="Split OUTPUT into shards of N records or SIZE bytes (256MB): NAME-00000.jsonl, ...")
@click.option("--resume", is_flag=True, help="Continue an interrupted run, skipping the input files it finished.")
@click.option("--checkpoint", "checkpoint_seconds", type=click.FloatRange(min=0), default=60.0, show_default=True,
              metavar="SECONDS", help="Save the state --resume needs at least this often (at input file ends).")
@click.option("--workers", type=click.IntRange(min=0), default=None, metavar="N",
              help="Worker processes (default: all cores).")
@click.option("--dask", "dask_address", metavar="local|ADDRESS", default=None,
              help="Run the workers on Dask: local (a LocalCluster) or a scheduler such as tcp://host:8786.")
@click.option("--html", "html", type=click.Choice(["lines", "trafilatura"]), default=None,
              help="HTML input: every block of the page as lines, the line rules decide (lines, default), "
                   "or trafilatura's main text first.")
@click.option("--text-field", default=None, metavar="NAME", help='JSONL field holding the text (default "text").')
@click.option("--id-field", default=None, metavar="NAME", help='JSONL field holding the id (default "id").')
@click.option("--progress/--no-progress", default=None, help="Progress line (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No summary at the end.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="A TOML file overlaying the defaults (see docs/config.md).")
def clean(inputs: tuple[str, ...], output: str, to: str | None, numbers: str | None, dates: str | None,
          quotes: str | None, explain: bool, dedup: str | None,
          reports: tuple[str, ...], rejected: str | None, errors: str | None, shard_size: str | None,
          resume: bool, checkpoint_seconds: float, workers: int | None, dask_address: str | None, html: str | None,
          text_field: str | None,
          id_field: str | None, progress: bool | None, quiet: bool, config_path: str | None) -> None:
    """Clean INPUT files and folders into OUTPUT.

    \b
    INPUT is a file, a folder (read recursively in sorted order), or - for
    standard input. .txt and .html files are one document each (an HTML
    page's blocks become lines first); .jsonl, .jsonl.gz and .jsonl.zst files
    hold one document per line. Duplicates and low-quality documents are
    dropped, each counted by reason in the summary printed at the end.
    See docs/cli.md and docs/corpus.md.

    \b
    Exit status: 0 when the run completed (even if some inputs were rejected),
    1 when no output could be written, 2 on a usage error, 130 when interrupted
    (rerun with --resume to continue).
    """
    from .corpus.report import summary
    from .corpus.runner import Options, ResumeError, run

    for r in reports:
        if not r.lower().endswith((".json", ".html", ".htm")):
            raise click.UsageError(f"--report {r}: name it .json or .html")
    config = _load_config(config_path, **{"convert.to": to, "normalize.numbers": numbers, "normalize.dates": dates,
                                          "normalize.quotes": quotes,
                                          "corpus.workers": workers, "corpus.dedup": dedup,
                                          "corpus.html": html, "corpus.text_field": text_field, "corpus.id_field": id_field})

    def report(f) -> None:
        if not errors and not quiet:
            click.echo(f"corpuskit: {f.message()}", err=True)

    opts = Options(explain=explain, resume=resume, shard_size=shard_size, rejected=rejected, errors=errors,
                   reports=reports, dask=dask_address, progress=progress, on_failure=report,
                   checkpoint_seconds=checkpoint_seconds)
    try:
        result = run(list(inputs), output, config, options=opts)
    except ResumeError as e:
        raise click.UsageError(str(e)) from None
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    except OSError as e:
        raise click.ClickException(f"cannot write {e.filename or output}: {e.strerror or e}") from None
    if result.interrupted:
        click.echo("corpuskit: interrupted; run the same command with --resume to continue", err=True)
        sys.exit(130)
    if not quiet:
        click.echo(summary(result.report), err=True)
        if output != "-":
            click.echo(f"corpuskit: {result.written} documents written to {', '.join(result.outputs)}", err=True)
    docs = result.report["documents"]["in"]
    if docs == 0 and result.report["errors"]["skipped"]:
        click.echo("corpuskit: no input could be read", err=True)
        sys.exit(1)


# How `explain` shows each action on a terminal (plain text elsewhere).
ACTION_STYLES: dict[str, dict] = {
    "drop": {"fg": "red", "dim": True},
    "meta": {"fg": "yellow"},
    "title": {"bold": True},
    "heading": {"bold": True},
    "keep": {},
}


def explain_lines(doc, *, width: int = 0, only: tuple[str, ...] = ()) -> list[str]:
    """The page line by line, ``N  action:reason  text``, styled by action, then the metadata.

    ``width`` > 0 cuts each line's text to that many characters; ``only`` keeps
    the lines whose action is listed.
    """
    out = [click.style(f"# {doc.path or '-'}  lang={doc.lang}  encoding={doc.encoding}"
                       + (f"  repairs={','.join(doc.repairs)}" if doc.repairs else ""), dim=True)]
    for ln in doc.lines:
        if only and ln.action not in only:
            continue
        text = ln.raw if width <= 0 or len(ln.raw) <= width else ln.raw[: width - 1] + "…"
        row, style = f"{ln.n:>5}  {ln.label():<18} {text}", ACTION_STYLES.get(ln.action)
        out.append(click.style(row, **style) if style else row)
    out.append(click.style("# metadata", dim=True))
    out.append(click.style(f"title: {doc.title}", bold=True))
    for key in ("authors", "editors", "source", "published", "dateline"):
        value = doc.meta.get(key)
        if isinstance(value, list):
            value = "; ".join(value)
        out.append(click.style(f"{key}: {value if value else '-'}", fg="yellow"))
    for key, value in doc.meta.items():
        if key not in ("authors", "editors", "source", "published", "dateline", "extra") and value:
            out.append(click.style(f"{key}: {value}", fg="yellow"))
    counts: dict[str, int] = {}
    for ln in doc.lines:
        counts[ln.action] = counts.get(ln.action, 0) + 1
    out.append(click.style("# lines: " + ", ".join(f"{a} {n}" for a, n in sorted(counts.items())), dim=True))
    return out


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(TARGETS), default=None, help="Target script.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE")
@click.option("--width", type=int, default=0, metavar="N", help="Cut each line to N characters (0: whole lines).")
@click.option("--only", multiple=True, type=click.Choice(sorted(ACTION_STYLES)),
              help="Show only lines with this action (repeatable).")
@click.option("--color/--no-color", default=None, help="Force colours on or off (default: on a terminal).")
@click.option("--html", "html", type=click.Choice(["lines", "trafilatura"]), default=None,
              help="How an .html FILE becomes text (as for clean).")
def explain(file: str, to: str | None, config_path: str | None, width: int, only: tuple[str, ...],
            color: bool | None, html: str | None) -> None:
    """Show FILE line by line with each line's decision and reason, then its metadata.

    \b
    Each line reads: its number in the input, the action (title, heading, keep,
    meta, drop) with the reason, and the line. On a terminal, dropped lines are
    red, lines moved to metadata yellow, the title and headings bold.
    Example: corpuskit explain page.txt --only drop --width 80
    """
    from . import clean as clean_doc
    from .corpus.readers import HTML_SUFFIXES

    config = _load_config(config_path, **{"convert.to": to, "corpus.html": html})
    try:
        if file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(file, "rb") as f:
                data = f.read()
    except OSError as e:
        raise click.ClickException(f"cannot read {file}: {e.strerror or e}") from None
    if file.lower().endswith(HTML_SUFFIXES):
        from .corpus.html import html_document
        from .pipeline import pipeline_for

        try:
            doc = pipeline_for(config)(html_document(data, config, file))
        except ValueError as e:
            raise click.ClickException(f"{file}: {e}") from None
    else:
        doc = clean_doc(data, config, source=file)
    for line in explain_lines(doc, width=width, only=only):
        click.echo(line, color=color)


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
