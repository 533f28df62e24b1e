"""Property tests: the cleaner and splitter never crash and never lose non-boilerplate text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.builder.clean import BULLET, boilerplate_reason, clean_text
from bot.builder.differ import find_figures, mentions
from bot.builder.select import point_text
from bot.builder.split import split_sentences

FAST = settings(max_examples=60, deadline=None)
VOCABULARY = (
    "DeepSeek Nvidia U.S. Sen. Mark Warner, D-Va., R-La. $5.6 million USD500bn o1 R1 H800 chips "
    "the a of said claimed “quoted” (see) e.g. 50,000 20 to 50 times 95 percent January 27, 2025 "
    "training cost market model Beijing Washington export controls — – ’s it’s"
)
WORDS = st.sampled_from(VOCABULARY.split())
SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(WORDS, min_size=1, max_size=25),
    st.sampled_from([".", "!", "?", ".”", ""]),
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@FAST
@given(st.text())
def test_cleaner_and_splitter_never_crash_on_any_text(text: str) -> None:
    cleaned = clean_text(text)
    for line in cleaned.lines:
        for sentence in split_sentences(line.text):
            point_text(sentence)
            mentions(sentence)


@FAST
@given(PARAGRAPH)
def test_splitter_loses_and_adds_nothing(paragraph: str) -> None:
    sentences = split_sentences(paragraph)
    assert squash("".join(sentences)) == squash(paragraph)
    pos = 0
    for s in sentences:  # in order, each an exact substring
        pos = paragraph.index(s, pos) + len(s)


@FAST
@given(st.lists(PARAGRAPH, min_size=1, max_size=8))
def test_cleaner_keeps_every_content_line(paragraphs: list[str]) -> None:
    # content lines; a leading "20. " is a numbered-list marker (markup, removed by design)
    content = [p for p in paragraphs if boilerplate_reason(p) is None and not BULLET.match(p)]
    cleaned = clean_text("\n".join(content))
    assert cleaned.dropped == ()
    assert [squash(line.text) for line in cleaned.lines] == [
        squash(p) for p in content if p.strip()
    ]


@FAST
@given(st.lists(PARAGRAPH, min_size=1, max_size=5), st.integers(min_value=0, max_value=5))
def test_boilerplate_between_content_is_the_only_thing_dropped(
    paragraphs: list[str], where: int
) -> None:
    furniture = ["Subscribe to our newsletter", "COMMENTS", "Photo: Getty Images"]
    lines = list(paragraphs)
    lines.insert(min(where, len(lines)), furniture[where % len(furniture)])
    cleaned = clean_text("\n".join(lines))
    assert [d.text for d in cleaned.dropped] == [furniture[where % len(furniture)]]
    assert len(cleaned.lines) == len(paragraphs)


@FAST
@given(st.text(alphabet="0123456789$,.USDmbnt ~-–tomillionbillion times percent", max_size=40))
def test_figure_parser_never_crashes(text: str) -> None:
    for fig in find_figures(text):
        assert fig.low <= fig.high or fig.kind == "money"
        assert text[fig.start : fig.end].strip() == fig.text
