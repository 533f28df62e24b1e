"""Topic and article search on the fixture briefings. Pure."""

from __future__ import annotations

import pytest

from bot.library import Library
from bot.slack.search import BM25Index, find_article, find_topic, stem, tokens


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("training-cost", "training-cost"),
        ("Training cost and efficiency", "training-cost"),
        ("cost", "training-cost"),
        ("how did they train it so cheaply", "training-cost"),
        ("who is behind deepseek", "company-founder"),
        ("distilation", "distillation"),
        ("did they copy openai outputs", "distillation"),
        ("liang wenfeng", "company-founder"),
        ("hedge fund", "company-founder"),
        ("DISTILLATION", "distillation"),
    ],
)
def test_finds_topic(library: Library, query: str, topic: str) -> None:
    result = find_topic(library, query)
    assert result.confident, result
    assert result.best == topic


def test_typo_is_reported(library: Library) -> None:
    result = find_topic(library, "distilation allegations")
    assert ("distilation", "distillation") in result.corrections


@pytest.mark.parametrize("query", ["xyzzy", "weather in paris", "🙂", "the of and"])
def test_nothing_matches_offers_closest(library: Library, query: str) -> None:
    result = find_topic(library, query)
    assert not result.confident
    assert result.closest and all(library.topic(i) for i in result.closest)


def test_bm25_ranks_rarer_terms_higher() -> None:
    index = BM25Index.build(
        [
            ("a", [("common common rare", 1)], []),
            ("b", [("common common common", 1)], []),
        ]
    )
    scores = index.scores(tokens("rare common"))
    assert scores[0] > scores[1] > 0


def test_stemming_and_tokens() -> None:
    assert stem("chips") == "chip" and stem("training") == "train" and stem("class") == "class"
    assert tokens("The GPUs, DeepSeek's $5.6 million") == ["gpu", "5.6", "million"]
    # a four-letter word and its other forms are one word: "who does it hire" finds "hires"
    for forms in (
        ["hire", "hires", "hired", "hiring"],
        ["file", "files", "filed", "filing"],
        ["centre", "centres", "center", "centers"],  # British and American spellings
        ["colour", "colours", "color"],
        ["organise", "organised", "organize", "organized"],
        ["comply", "complies", "complied"],  # "-ly" is no adverb here, "-ied" is "-y"
        ["apply", "applies", "applied"],
        ["quick", "quickly"],
    ):
        assert len({stem(w) for w in forms}) == 1, forms
    assert stem("italy") == "italy" and stem("family") == "family" and stem("daily") == "daily"
    # a benchmark suite is no lawsuit, a plane no plan
    assert stem("suite") == stem("suites") != stem("suit") == stem("suits")
    assert stem("plane") != stem("plan")


def test_find_article(library: Library) -> None:
    assert find_article(library, "market daily").best == "market"
    assert find_article(library, "intriguing").best == "intriguing"


def test_a_word_is_found_without_its_accents() -> None:
    """ "vertice", as people type it, finds "Vértice"; "kjaergaard" finds "Kjærgaard"."""
    assert tokens("Vértice São Paulo Kjærgaard Müller") == tokens(
        "vertice sao paulo kjaergaard muller"
    )
    assert tokens("Vértice") == ["vertic"]
