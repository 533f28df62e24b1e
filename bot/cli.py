"""deepseek-bot: build briefings from seeds/ and serve them in Slack."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="deepseek-bot")
def cli() -> None:
    """Build cited DeepSeek briefings and serve them in Slack.

    Example: deepseek-bot build && deepseek-bot serve
    """


def main() -> None:
    cli()
