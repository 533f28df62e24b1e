"""`deepseek-bot build`: the click command. All I/O and messages live here."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from bot.builder.errors import BuildError
from bot.models import Topic


def _progress(items: Iterable[int], stage: str) -> Iterable[int]:
    """A progress bar on a terminal; nothing when output is piped or logged."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=stage, unit="art", leave=False)  # type: ignore[no-any-return]


def topics_fingerprint(topics: Iterable[Topic]) -> str:
    """A hash of the topic list: analyses depend on its keywords."""
    data = json.dumps([t.model_dump(mode="json") for t in topics], sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


@click.command()
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(path_type=Path, file_okay=False, readable=False),
    default=None,
    help="Seeds folder (articles/*.txt and topics.toml). Default: SEEDS_DIR setting.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Briefings folder to write. Default: BRIEFINGS_DIR setting.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 naming the files that differ from a fresh build.",
)
@click.option(
    "--show-dropped",
    is_flag=True,
    help="List every boilerplate line dropped, with file, line and reason.",
)
@click.option(
    "--skip-unusable",
    is_flag=True,
    help="Leave out (with a warning) articles with no usable sentence, instead of failing.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where per-article analyses are cached. Default: .cache/deepseek-bot beside seeds/.",
)
@click.option("--no-cache", is_flag=True, help="Analyse every article afresh; read no cache.")
@click.option(
    "--show-unmatched",
    is_flag=True,
    help="For coverage no topic holds: its sentences and a topics.toml stub to paste.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and warnings.")
def build(
    seeds_dir: Path | None,
    out_dir: Path | None,
    check: bool,
    show_dropped: bool,
    skip_unusable: bool,
    cache_dir: Path | None,
    no_cache: bool,
    show_unmatched: bool,
    quiet: bool,
) -> None:
    """Build cited briefings from the articles in seeds/ into briefings/.

    Reads seeds/articles/*.txt (TOML front matter between '+++' lines, then the article
    text) and seeds/topics.toml, then writes overview.md, topics/<id>.md,
    articles/<id>.md and index.json. The output is deterministic, and the folder is
    swapped in atomically: a failed build leaves the old briefings in place.

    \b
    Examples:
      deepseek-bot build
      deepseek-bot build --check            # CI: fail if briefings/ is stale
      deepseek-bot build --show-dropped     # audit the boilerplate that was removed
      deepseek-bot build --seeds /tmp/seeds --out /tmp/briefings

    Each article's analysis is cached by its content (and the builder's code), so after
    adding one article only that article is read again. The cache is safe to delete.
    """
    from bot.builder.pipeline import build as run
    from bot.builder.readers import read_seeds
    from bot.builder.writer import differing, recover, write_atomic

    if seeds_dir is None or out_dir is None:
        from bot.cli import load_settings_or_fail

        settings = load_settings_or_fail()
        seeds_dir = seeds_dir or settings.seeds_dir
        out_dir = out_dir or settings.briefings_dir
    if not check:
        try:
            note = recover(out_dir)  # a build killed mid-swap: finish or undo it first
        except OSError as exc:
            raise click.ClickException(
                f"{out_dir}: could not tidy an interrupted build ({exc.strerror or exc})"
            ) from None
        if note:
            click.echo(note, err=True)
    try:
        seeds = read_seeds(seeds_dir)
        cache = None
        if not no_cache:
            from bot.builder.cache import AnalysisCache

            root = cache_dir or seeds_dir.resolve().parent / ".cache" / "deepseek-bot"
            cache = AnalysisCache(root, topics_fingerprint(seeds.topics))
        output = run(seeds, progress=_progress, skip_unusable=skip_unusable, cache=cache)
    except BuildError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in output.warnings:
        click.echo(str(warning), err=True)
    for group in output.unmatched:
        if not quiet or show_unmatched:
            click.echo(
                f"note: {len(group.points)} points from {len(group.articles)} "
                f"article{'s' if len(group.articles) > 1 else ''} fit no "
                f"topic; they share “{', '.join(group.words[:3])}” "
                + ("(below)" if show_unmatched else "(--show-unmatched for a topics.toml stub)"),
                err=True,
            )
        if show_unmatched:
            for article, text in group.points[:8]:
                click.echo(f"  {article}: {text}", err=True)
            click.echo("\n".join(f"  {line}" for line in group.stub().splitlines()), err=True)
    if show_dropped:
        for path, line in output.dropped:
            click.echo(f"dropped {path}:{line.number} [{line.reason}] {line.text}")
    if check:
        stale = differing(out_dir, output.files)
        if stale:
            names = ", ".join(stale[:20]) + (
                f" and {len(stale) - 20} more" if len(stale) > 20 else ""
            )
            raise click.ClickException(
                f"{out_dir} is out of date ({len(stale)} files differ: {names}); run `deepseek-bot build`"
            )
        if not quiet:
            click.echo(f"{out_dir} is up to date; {output.summary()}")
        return
    try:
        write_atomic(out_dir, output.files)
    except OSError as exc:
        raise click.ClickException(
            f"{out_dir}: could not write briefings ({exc.strerror or exc}); old briefings kept"
        ) from None
    if not quiet:
        click.echo(
            f"{output.summary()} → {out_dir}"
            + ("" if show_dropped else " (--show-dropped lists them)")
        )
