"""Every kind of payload the bot produces is valid Block Kit within Slack's limits. Pure."""

from __future__ import annotations

from datetime import date

import pytest
from slack_checks import check_payload, no_unescaped_mentions

from bot.library import Brief, Library, parse_brief
from bot.models import Article, Topic
from bot.slack import blocks
from bot.slack.router import Context, Router

COMMANDS = [
    "",
    "help",
    "brief",
    "brief cost",
    "brief distilation",
    "brief who is behind deepseek",
    "brief xyzzy",
    "topics",
    "sources",
    "sources 2",
    "sources 99",
    "sources 1-2",
    "sources training-cost",
    "sources overview",
    "sources market daily",
    "sources zzzz",
    "brif cost",
    "cost",
    "<!channel> <@U123> @here",
]


@pytest.mark.parametrize("text", COMMANDS)
def test_every_reply_is_valid(text: str, router: Router, ctx: Context) -> None:
    payload = router.dispatch(text, ctx)
    check_payload(payload)
    assert payload["response_type"] == "ephemeral"
    no_unescaped_mentions(payload)


def test_brief_has_header_points_sources_buttons(library: Library) -> None:
    payload = blocks.brief_message(library.brief("training-cost"), library)
    kinds = [b["type"] for b in payload["blocks"]]
    assert kinds[0] == "header" and "section" in kinds and "context" in kinds
    assert kinds[-1] == "actions"
    ids = [e["action_id"] for e in payload["blocks"][-1]["elements"]]
    assert ids == ["more:training-cost", "show_sources:training-cost", "open_overview", "share"]
    text = str(payload)
    assert "<https://example.com/a|[1]>" in text  # citations link to the article
    assert "R&amp;D &lt;costs&gt;" in text  # article text escaped
    assert payload["text"].startswith("Training cost and efficiency: ")


def test_overview_has_a_button_per_topic(library: Library) -> None:
    payload = blocks.brief_message(library.overview, library)
    ids = [
        e["action_id"] for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    for t in library.topics:
        assert f"open_topic:{t.id}" in ids


def test_digest_is_routed(router: Router) -> None:
    assert router.get("digest") is not None


def test_home_and_modal_views(library: Library) -> None:
    home = blocks.home_view(library, extra=[{"type": "divider"}])
    assert home["type"] == "home"
    check_payload({"text": "home", "blocks": home["blocks"]}, max_blocks=100)
    assert home["blocks"][-1] == {"type": "divider"}
    modal = blocks.modal_view(
        blocks.brief_message(library.brief("distillation"), library),
        "A very long title that is cut",
    )
    assert len(modal["title"]["text"]) <= 24
    assert all(b["type"] != "actions" for b in modal["blocks"])
    check_payload({"text": "modal", "blocks": modal["blocks"]}, max_blocks=100)


def huge_library(library: Library) -> Library:
    """A brief far over every limit: a 300-char title, 120 long points, 80 sources."""
    sentence = "DeepSeek said R&D <costs> were *small* & @here <!channel> " * 8
    points = "\n".join(f"- {sentence} {i}. [{i % 80 + 1}] [2]" for i in range(120))
    diffs = "\n".join(
        f"### Aspect {i}\n- **${i} million** (R{i}): {sentence} [1]" for i in range(30)
    )
    sources = "\n".join(
        f"{i}. [Title {i} {'x' * 200}](https://example.com/{i}) · Pub · 2025-01-01"
        for i in range(1, 81)
    )
    md = (
        f"# {'Very long title ' * 20}\n\n{'Description. ' * 100}\n\n**Bottom line:** {sentence} [1]\n\n"
        f"## Key points\n\n{points}\n\n## Where sources differ\n\n{diffs}\n\n## Sources\n\n{sources}\n"
    )
    big = parse_brief("training-cost", md, path="topics/training-cost.md")
    articles = tuple(
        Article(
            id=f"a{i}",
            title=f"Article {i} " + "t" * 300,
            publisher="P & <Q>",
            url=f"https://e.com/{i}",
            published=date(2025, 1, 1),
            path=f"articles/a{i}.md",
            summary="S <!here> " * 200,
            topics=("training-cost",),
            sha256="0" * 64,
        )
        for i in range(1, 61)
    )
    topics = tuple(
        Topic(id=f"t{i}", title=f"Topic {i} " + "y" * 100, description="d " * 400)
        for i in range(30)
    )
    index = library.index.model_copy(
        update={"articles": articles, "topics": library.topics + topics}
    )
    return Library(library.root, index, big, {"training-cost": big}, {})


def test_huge_content_is_trimmed_never_fails(library: Library) -> None:
    big = huge_library(library)
    for payload in (
        blocks.brief_message(big.brief("training-cost"), big),
        blocks.brief_message(big.overview, big),
        blocks.brief_sources_message(big.brief("training-cost"), big),
        blocks.sources_message(big),
        blocks.sources_message(big, start=46),
        blocks.topics_message(big),
        blocks.article_message(1, big.articles[0], None, big),
    ):
        check_payload(payload)
        no_unescaped_mentions(payload)
    home = blocks.home_view(big)  # App Home: 100 blocks; no 12k message limit
    check_payload({"text": "home", "blocks": home["blocks"]}, max_blocks=100, max_chars=None)


def test_fit_keeps_header_and_closing_buttons() -> None:
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 2900}}
    closing = [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "sources"}]},
        {
            "type": "actions",
            "elements": [
                {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "A"}}
            ],
        },
    ]
    header = {"type": "header", "text": {"type": "plain_text", "text": "H"}}
    payload = blocks.fit({"text": "t", "blocks": [header, *[section] * 60, *closing]})
    kinds = [b["type"] for b in payload["blocks"]]
    assert kinds[0] == "header" and kinds[-2:] == ["context", "actions"]
    assert len(kinds) <= 50
    check_payload(payload)
    ending_in_section = blocks.fit({"text": "t", "blocks": [header, *[section] * 60]})
    assert len(ending_in_section["blocks"]) <= 50
    check_payload(ending_in_section)


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Training cost and efficiency", "Training cost and…"),
        ("The models and how they compare", "The models and how…"),
        ("Sources", "Sources"),
        ("Supercalifragilisticexpialidocious!", "Supercalifragilisticexp…"),
        ("@here what they said", "@\u2060here what they said"),
    ],
)
def test_modal_titles_cut_at_a_word_with_an_ellipsis(title: str, shown: str) -> None:
    modal = blocks.modal_view({"blocks": []}, title)
    assert modal["title"]["text"] == shown
    assert len(modal["title"]["text"]) <= 24


def test_a_long_brief_fits_its_first_screen_and_more_shows_the_rest(library: Library) -> None:
    from dataclasses import replace

    from bot.library import Point

    brief = library.brief("training-cost")
    long = "DeepSeek said the figure covered only the final training run of the model. " * 3
    many = tuple(Point(f"{long}{i}", f"{long}{i}", (1,)) for i in range(5))
    big = replace(brief, points=many)
    first = blocks.brief_blocks(big, library)
    assert blocks._visible_length(first) <= blocks.FIRST_SCREEN
    text = str([b.to_dict() for b in first])
    assert f"{long}0" in text and f"{long}4" not in text  # the last points gave way first
    assert "more:training-cost" in text  # … and "More" shows them
    whole = str([b.to_dict() for b in blocks.brief_blocks(big, library, full=True)])
    assert all(f"{long}{i}" in whole for i in range(5))


def _brief_with_differences(point: str, differences: str) -> Brief:
    """A training-cost brief with five long key points and these "Where sources differ" lines."""
    points = "\n".join(f"- {point}{i} [1]" for i in range(5))
    sources = "\n".join(
        f"{i}. [Source {i}](https://example.com/{i}) · 2025-01-0{i}" for i in range(1, 5)
    )
    md = (
        "# Training cost\n\nd\n\n**Bottom line:** Widget spent $6 million. [1]\n\n"
        f"## Key points\n\n{points}\n\n## Where sources differ\n\n{differences}\n"
        f"## Sources\n\n{sources}\n"
    )
    return parse_brief("training-cost", md, path="topics/training-cost.md")


def test_the_figure_most_sources_agree_on_leads_its_difference_line(library: Library) -> None:
    """Newest first in the Markdown, but on the first screen the agreed figure comes first and
    a measure keeps two figures side by side before another measure gives way."""
    long = "Widget said the figure was disputed by analysts at several banks. " * 4 + "x" * 14 + " "
    brief = _brief_with_differences(
        long,
        "### Training cost\n"
        "- **$500 million** (running costs; 2025-10-01): Widget spends $500 million a year. [4]\n"
        "- **$5.6 million**, **$6 million** (W3; 2025-01-31): 3 sources agree, among them "
        "[1] [2] [3]\n"
        "- **$1.6 billion** (hardware spend; 2025-01-31): Servers cost $1.6 billion. [3]\n\n"
        "### API price\n- **$2** (W9): Widget charges $2. [2]\n- **$0.28** (W8): It was $0.28. [1]\n",
    )
    text = str(blocks.brief_message(brief, library))
    line = text[text.find("_Training cost:_") :]
    assert 0 <= line.find("$5.6 million") < line.find("$500 million")  # agreed figure first
    assert "$500 million" in line  # … and another beside it: still a difference
    assert "_API price:_" not in text  # the second measure gave way first


def test_a_difference_keeps_two_figures_before_a_third_key_point(library: Library) -> None:
    long = "Widget said the figure was disputed by analysts at several banks. " * 4 + "x" * 50 + " "
    brief = _brief_with_differences(
        long,
        "### Training cost\n"
        "- **$5.6 million**, **$6 million** (W3; 2025-01-31): 3 sources agree, among them "
        "[1] [2] [3]\n"
        "- **$500 million** (running costs; 2025-10-01): Widget spends $500 million a year. [4]\n",
    )
    text = str(blocks.brief_message(brief, library))
    assert "$5.6 million" in text and "$500 million" in text
    assert text.count("x" * 50) == 2  # the third key point gave way instead
