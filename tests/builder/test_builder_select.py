"""Selecting points: what qualifies, fact density, near-duplicates and MMR."""

from __future__ import annotations

from bot.builder.select import Candidate, common_clause, mmr, point_text, quality


def test_point_text_trims_labels_connectives_and_stray_quotes() -> None:
    assert point_text(
        "Export Control Violations: Scale AI CEO Alexandr Wang suggested that DeepSeek possesses 50,000 chips."
    ) == ("Scale AI CEO Alexandr Wang suggested that DeepSeek possesses 50,000 chips.", False)
    assert point_text(
        "Further, OpenAI has since uncovered evidence that its proprietary models were used by DeepSeek."
    ) == (
        "OpenAI has since uncovered evidence that its proprietary models were used by DeepSeek.",
        False,
    )
    text, fragment = point_text(  # type: ignore[misc]
        "“They’ve taken all the learning expertise or pitfalls that every other AI machine has had."
    )
    assert text.startswith("They’ve") and fragment


def test_point_text_keeps_verb_labels_and_rejects_non_points() -> None:
    assert point_text(
        "DeepSeek: Achieved immediate market validation and significant visibility in the US."
    ) == (
        "DeepSeek: Achieved immediate market validation and significant visibility in the US.",
        True,
    )
    assert (
        point_text("What makes DeepSeek’s AI model so intriguing to investors and analysts?")
        is None
    )
    assert point_text("Too short.") is None
    assert (
        point_text("Date: Over the weekend (Implied recent launch of the app in the US store)")
        is None
    )


def test_point_text_cuts_trailing_cross_reference() -> None:
    text, _ = point_text(  # type: ignore[misc]
        "Some tech executives suspect that DeepSeek used chips acquired in violation of sanctions "
        "(see CHINA: Semiconductor smuggling presents new challenges – September 10, 2024)."
    )
    assert text.endswith("in violation of sanctions")


def test_quality_prefers_fact_dense_sentences() -> None:
    dense = quality(
        "DeepSeek said on January 20 that training R1 cost $5.6 million on 2,048 H800 chips.", False
    )
    vague = quality(
        "We think this could perhaps change how the industry may work in the future.", False
    )
    assert dense > 2 * vague


def _cand(text: str, source: str, score: float, pos: int = 0) -> Candidate:
    return Candidate(text, [source], (0, pos), score)


def test_mmr_drops_near_duplicates_and_respects_limits() -> None:
    a = _cand(
        "DeepSeek trained its V3 model for $5.6 million using Nvidia H800 chips last year.",
        "a",
        3.0,
    )
    b = _cand(
        "DeepSeek trained its V3 model for $5.6 million using Nvidia H800 chips, it said.",
        "b",
        2.9,
        1,
    )
    c = _cand(
        "Nvidia lost more than USD500bn of market value on January 27 after the launch.",
        "c",
        2.0,
        2,
    )
    d = _cand(
        "Liang Wenfeng founded DeepSeek in 2023 after running the High-Flyer hedge fund.",
        "d",
        1.0,
        3,
    )
    chosen = mmr([a, b, c, d], max_points=8, budget=1500)
    assert [x.text for x in chosen] == [a.text, c.text, d.text]
    assert len(mmr([a, b, c, d], max_points=2, budget=1500)) == 2
    assert sum(len(x.text) for x in mmr([a, b, c, d], 8, budget=170)) <= 170


def test_near_duplicates_sharing_a_clause_cite_both_articles() -> None:
    a = _cand(
        "Reportedly, DeepSeek trained DeepSeek-V3 for a reported $5.6 million using H800 GPUs.",
        "a",
        3.0,
    )
    b = _cand(
        "DeepSeek trained DeepSeek-V3 for a reported $5.6 million using H800 GPUs, analysts said.",
        "b",
        2.0,
        1,
    )
    [point] = mmr([a, b], max_points=8, budget=1500, order=["a", "b"])
    assert point.sources == ["a", "b"]
    assert point.text == "DeepSeek trained DeepSeek-V3 for a reported $5.6 million using H800 GPUs"
    assert point.text in a.text and point.text in b.text


def test_common_clause_normalises_quotes_only() -> None:
    a = "He called it “AI’s Sputnik moment” after the launch of the first satellite in 1957."
    b = 'Andreessen called it "AI\'s Sputnik moment" after the launch of the first satellite in 1957, too.'
    assert (
        common_clause(a, b)
        == "called it “AI’s Sputnik moment” after the launch of the first satellite in 1957."[:-1]
    )
    assert common_clause("one two three", "four five six") is None


def test_rare_shared_words_make_a_duplicate_when_weighted() -> None:
    a = _cand(
        "OpenAI uncovered evidence that its proprietary models were used by DeepSeek via distillation.",
        "a",
        3.0,
    )
    b = _cand(
        "OpenAI has alleged in a lawsuit filed Tuesday that DeepSeek engaged in distillation of proprietary models.",
        "b",
        2.0,
        1,
    )
    c = _cand("Nvidia lost more than USD500bn of its market value on January 27.", "c", 1.0, 2)
    idf = {t: 0.5 for x in (a, b, c) for t in x.tokens}  # common words...
    idf |= {"distillation": 4.0, "proprietary": 4.0}  # ...and the rare ones both share
    assert len(mmr([a, b, c], 8, 1500)) == 3  # plain overlap: not a duplicate
    assert [x.text for x in mmr([a, b, c], 8, 1500, idf=idf)] == [a.text, c.text]
