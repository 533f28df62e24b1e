"""An operator drops a new article into seeds/ and rebuilds: its facts reach the right briefs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from bot.builder.cli import build
from bot.models import Index

NEW = """Chip Wire exclusive
DeepSeek spent $12 million on computing power to train its R2 model, the company said in a filing on March 3, 2025.
The company said the R2 model was trained on 2,048 Nvidia H800 chips over 55 days, according to the filing.
Analysts at Morgan Stanley estimated that the true training cost of R2 was closer to $40 million once salaries are counted.
Subscribe to our newsletter
COMMENTS
"""


def test_new_article_reaches_training_cost_brief(
    seeds_copy: Path, tmp_path: Path, write_article: Callable[[Path, str, str, str], Path]
) -> None:
    write_article(seeds_copy, "r2-filing", "DeepSeek’s R2 filing", NEW)
    out = tmp_path / "briefings"
    result = CliRunner().invoke(
        build, ["--seeds", str(seeds_copy), "--out", str(out), "--show-dropped"]
    )
    assert result.exit_code == 0, result.output
    assert "built 6 articles" in result.output
    assert "r2-filing.txt:9 [newsletter] Subscribe to our newsletter" in result.output

    index = Index.model_validate_json((out / "index.json").read_text())
    brief = next(b for b in index.briefs if b.id == "training-cost")
    assert "r2-filing" in brief.sources
    n = brief.sources.index("r2-filing") + 1
    markdown = (out / brief.path).read_text()
    cited = [line for line in markdown.splitlines() if re.search(rf"\[{n}\]$", line)]
    assert any("$12 million" in line for line in cited), markdown
    # the new figure is set beside the other articles' training costs
    differ = markdown.split("## Where sources differ", 1)[1].split("## Sources", 1)[0]
    assert re.search(rf"\*\*\$12 million\*\* \(DeepSeek-R2\): .* \[{n}\]", differ), differ
    assert "sources agree" in differ  # the articles' $5.6 million-ish figures, once
    assert f"{n}. DeepSeek’s R2 filing · no link on file" in markdown

    article = next(a for a in index.articles if a.id == "r2-filing")
    assert "training-cost" in article.topics
    summary = (out / article.path).read_text()
    assert "Subscribe" not in summary and "COMMENTS" not in summary
    assert "**2,048 Nvidia H800 chips** (Chip count" in summary
