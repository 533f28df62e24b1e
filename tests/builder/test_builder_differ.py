"""Figures, what they measure, which model, and the side-by-side differences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.builder.differ import (
    Row,
    canonical_model,
    chips_used,
    clause_for,
    differences,
    find_figures,
    group_rows,
    mentions,
    models_in,
    undisclosed,
)


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [
        ("It cost just $5.6 million to train.", "just $5.6 million", 5.6e6, 5.6e6),
        ("It cost $5.58 million.", "$5.58 million", 5.58e6, 5.58e6),
        ("It only cost about USD6mn in compute cost.", "about USD6mn", 6e6, 6e6),
        ("That erased USD1tn from the market.", "USD1tn", 1e12, 1e12),
        ("The loss of more than USD500bn from Nvidia.", "more than USD500bn", 5e11, 5e11),
        ("The ~$5M training cost is insanely good.", "~$5M", 5e6, 5e6),
        ("It needs closer to $50-$100M of compute.", "$50-$100M", 5e7, 1e8),
        ("It is 20 to 50 times cheaper to use.", "20 to 50 times", 20, 50),
        ("The final run cost 5.6 million dollars.", "5.6 million dollars", 5.6e6, 5.6e6),
        ("It cost about 6 million US dollars.", "about 6 million US dollars", 6e6, 6e6),
        ("R1 is eleven times more likely to do so.", "eleven times", 11, 11),
        ("Versions cost approximately 95 percent less.", "approximately 95 percent", 95, 95),
        ("It has 50,000 Nvidia H100 chips.", "50,000 Nvidia H100 chips", 5e4, 5e4),
        (
            "It bought thousands of high-end Nvidia A100 chips.",
            "thousands of high-end Nvidia A100 chips",
            1e3,
            1e3,
        ),
    ],
)
def test_figures_are_parsed_with_units(text: str, figure: str, low: float, high: float) -> None:
    figs = find_figures(text)
    assert [(f.text, f.low, f.high) for f in figs] == [(figure, low, high)]


def test_chip_model_numbers_are_not_counts() -> None:
    assert find_figures("It used Nvidia H800 GPUs and H20 chips.") == []


def test_chips_used_skips_comparison_targets_and_counts() -> None:
    used = chips_used(
        "Despite using low-end hardware, including the H800 GPUs—far less powerful than the H100s "
        "used by industry leaders—the company made strides."
    )
    assert used is not None and used.text == "H800"
    pair = chips_used(
        "DeepSeek has only used sanctions-compliant H800 and H20 chips to train its models."
    )
    assert pair is not None and pair.text == "H20 and H800"
    assert chips_used("Wang said DeepSeek possesses 50,000 Nvidia H100 chips.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The company’s R1 model is alleged to cost just $6 million to train– a fraction of what it "
            "costs companies like NVIDIA– and its most powerful versions cost approximately 95 percent "
            "less than OpenAI and its competitors.",
            [("Training cost", "just $6 million", "DeepSeek-R1"),
             ("How much cheaper to use", "approximately 95 percent", "DeepSeek-R1")],
        ),
        (
            "According to DeepSeek, training its latest DeepSeek-v3 model — which matches OpenAI’s "
            "latest ChatGPT-4o — only cost about USD6mn in compute cost, using Nvidia H800 chips.",
            [("Training cost", "about USD6mn", "DeepSeek-V3"), ("Chips used", "H800", "DeepSeek-V3")],
        ),
        (
            "DeepSeek’s DeepSeek-R1 is said to be 20 to 50 times cheaper to use than OpenAI’s "
            "equivalent models.",
            [("How much cheaper to use", "20 to 50 times", "DeepSeek-R1")],
        ),
        (
            "This, on January 27, led to the loss of more than USD500bn from Nvidia’s market "
            "capitalisation.",
            [("Market value lost", "more than USD500bn", None)],
        ),
        (
            "More surprising than the model’s capabilities is its low training cost—around $5 "
            "million, a price tag that experts are now reassessing.",
            [("Training cost", "around $5 million", None)],
        ),
        (
            "Recent findings suggest that DeepSeek-R1 is eleven times more likely to generate "
            "harmful content than OpenAI’s o1 model.",
            [("Harmful output", "eleven times", "DeepSeek-R1")],
        ),
        ("Meta has set up four war rooms to analyze the models.", []),
    ],
)  # fmt: skip
def test_mentions_have_measure_and_model(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    got = [(m.measure, m.figure.text, m.model) for m in mentions(sentence)]
    assert got == expected


def test_model_comes_from_previous_sentence_when_unnamed() -> None:
    prev = "The standout moment came on January 20 with the launch of its R1 reasoning model, which rivals OpenAI’s o1 model."
    [m] = mentions("Its low training cost was around $5 million.", prev)
    assert m.model == "DeepSeek-R1"


def test_model_names_are_canonical() -> None:
    assert canonical_model("DeepSeek-v3") == canonical_model("V3") == "DeepSeek-V3"
    assert canonical_model("R1") == "DeepSeek-R1"
    assert canonical_model("O1") == "o1"
    assert canonical_model("GPT-4o") == "GPT-4o"


def _rows(*items: tuple[str, str]) -> list[Row]:
    out = []
    for article, sentence in items:
        [m] = [m for m in mentions(sentence) if m.measure == "Training cost"]
        out.append(Row(m.figure, m.model, sentence, article, m.scope))
    return out


def test_differences_need_two_values_from_two_articles() -> None:
    same_article = _rows(
        ("a", "Training R1 cost $6 million."), ("a", "Training V3 cost $5.6 million.")
    )
    assert differences({"Training cost": same_article}, ["a", "b"]) == []
    agree = _rows(
        ("a", "Training R1 cost $6 million."), ("b", "Training cost $6 million, it said.")
    )
    assert differences({"Training cost": agree}, ["a", "b"]) == []
    differ = _rows(("b", "Training R1 cost $6 million."), ("a", "Training V3 cost $5.58 million."))
    [d] = differences({"Training cost": differ}, ["a", "b"])
    assert d.measure == "Training cost"
    assert [(r.figure.text, r.article) for r in d.rows] == [
        ("$5.58 million", "a"),
        ("$6 million", "b"),
    ]


def test_agreeing_values_are_one_group_with_every_citation() -> None:
    rows = _rows(
        ("a", "Training cost $6 million, a said."),
        ("b", "Training cost about $5.8 million, b said."),
        ("c", "Training cost less than $6 million, c said."),
        ("d", "Training cost $60 million, d said."),
    )
    [d] = differences({"Training cost": rows}, ["a", "b", "c", "d"])
    agree = next(g for g in d.groups if len(g.articles) > 1)
    assert sorted(agree.articles) == ["a", "b", "c"]
    assert [g.articles for g in d.groups if g is not agree] == [("d",)]


def test_values_that_all_agree_are_no_difference() -> None:
    rows = _rows(("a", "Training cost $5.58 million."), ("b", "Training cost $5.6 million."))
    assert differences({"Training cost": rows}, ["a", "b"]) == []


def test_percent_cheaper_is_compared_as_a_multiple() -> None:
    """95% cheaper is 20 times cheaper: it agrees with "20 to 50 times cheaper"."""
    rows = [
        Row(f, None, s, a, cheaper=True)
        for a, s in (
            ("a", "It is 20 to 50 times cheaper to use."),
            ("b", "It costs 95 percent less."),
        )
        for f in find_figures(s)
    ]
    assert len(group_rows(rows)) == 1
    far = [
        Row(f, None, "80 percent less", "c", cheaper=True) for f in find_figures("80 percent less")
    ]
    assert len(group_rows(rows + far)) == 2


def _dated_rows(said: list[tuple[str, str, date]], kind: str | None = None) -> list[Row]:
    """The rows of (article, sentence, published) as the builder makes them, of one figure
    kind when given."""
    return [
        Row(m.figure, m.model, s, a, m.scope, published)
        for a, s, published in said
        for m in mentions(s)
        if kind is None or m.figure.kind == kind
    ]


def test_other_scope_and_newer_coverage_come_apart_newest_first() -> None:
    s1 = "DeepSeek trained V3 for $5.6 million."
    s2 = "SemiAnalysis puts DeepSeek's capital expenditure on servers at around $1.6 billion."
    s3 = "The reinforcement learning stage that produced R1 cost $294,000, the paper said."
    rows = _dated_rows(
        [
            ("old", s1, date(2025, 1, 20)),
            ("semi", s2, date(2025, 1, 31)),
            ("paper", s3, date(2025, 9, 17)),
        ]
    )
    assert {r.scope for r in rows} == {None, "hardware spend", "one training stage"}
    assert all(m.measure == "Training cost" for s in (s1, s2, s3) for m in mentions(s))
    [d] = differences({"Training cost": rows}, ["old", "semi", "paper"])
    assert [g.articles[0] for g in d.groups] == ["paper", "semi", "old"]


def test_clause_for_long_sentences_keeps_the_figure() -> None:
    s = (
        "The launch of DeepSeek’s latest open-source AI model on 20 January has caused a wide range of "
        "reactions from policymakers, academics and industry leaders across the world; Nvidia alone "
        "lost USD1tn of market value amid fears of overheated AI investment in the sector."
    )
    fig = find_figures(s)[0]
    clause = clause_for(s, fig, limit=120)
    assert clause.startswith("Nvidia alone lost USD1tn") and clause in s


def test_clause_for_never_cuts_inside_an_insertion() -> None:
    """ "[Acme Securities — Equity Research:] …" is one voice: a dash inside the brackets is
    no clause break ("Equity Research:] Applying …" named no one)."""
    s = (
        "[Acme Securities (Asia) — Equity Research:] Applying a discount to the multiples "
        "implied by recent private rounds, to reflect the ceiling that list rates place on "
        "monetisation, we arrive at a fair value of about US$38bn for the business."
    )
    fig = find_figures(s)[-1]
    assert not clause_for(s, fig, limit=120).startswith("Equity Research")


def test_bounds_are_not_the_same_value() -> None:
    [exact] = find_figures("It cost about $6 million.")
    [bound] = find_figures("It cost less than $6 million.")
    [just] = find_figures("It cost just $6 million.")
    assert exact.key == just.key != bound.key


def test_a_scope_cue_belongs_to_the_figure_nearest_it() -> None:
    """ "Hardware" far from a figure does not make it a hardware figure when "training" is
    right at it, or when another figure sits between the cue and it."""
    s1 = (
        "A training bill of under $6 million captures only a sliver of what the lab has spent "
        "on hardware."
    )
    s2 = 'Server spending near $1.6 billion is far beyond the "$6 million" headline.'
    assert [(m.figure.text, m.scope) for m in mentions(s1)] == [("under $6 million", None)]
    assert [(m.figure.text, m.scope) for m in mentions(s2)] == [
        ("$1.6 billion", "hardware spend"),
        ("$6 million", None),
    ]


def test_a_hedged_figure_does_not_stretch_a_group_past_its_stated_spread() -> None:
    """ "~$5M" and "$6 million" are 1.2× apart as stated: one group, though the hedge would
    have widened "~$5M" down to $4.75M."""
    rows = _rows(
        ("a", "Training cost ~$5M, a said."),
        ("b", "Training cost $5.6 million, b said."),
        ("c", "Training cost $6 million, c said."),
    )
    assert len(group_rows(rows)) == 1


def test_the_figure_an_article_opens_with_is_kept_when_groups_are_cut() -> None:
    sents = [
        "Server capex came to $1.6 billion, SemiAnalysis said.",
        "Server capex once came to $400 million.",
        "Server capex in one year came to $700 million.",
        "Server capex in another year came to $900 million.",
        "Server capex in a third year came to $1.1 billion.",
    ]
    rows = [
        Row(m.figure, m.model, s, "semi", m.scope, pos=i)
        for i, s in enumerate(sents)
        for m in mentions(s)
    ]
    rows += _rows(("old", "Training V3 cost $5.6 million."))
    [d] = differences({"Training cost": rows}, ["old", "semi"])
    assert "$1.6 billion" in [r.figure.text for r in d.rows]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the model named right before the figure, not the one the sentence opens with
        (
            "Other models resisted at least part of the time: OpenAI's o1 had an attack "
            "success rate of 26% and Anthropic's Claude 3.5 Sonnet 36%.",
            [("26%", "o1"), ("36%", "Claude 3.5 Sonnet")],
        ),
        (
            "At standard rates, R1 cost $0.14 per million input tokens, while the V3 chat model "
            "cost $0.07.",
            [("$0.14", "DeepSeek-R1"), ("$0.07", "DeepSeek-V3")],
        ),
        # a model inside an aside, or before a "but", is not what the figure is about
        (
            "Training DeepSeek-V3 — which matches OpenAI's GPT-4o — only cost about USD6mn.",
            [("about USD6mn", "DeepSeek-V3")],
        ),
        (
            "OpenAI's o3 is more powerful, but the ~$5M training cost is insane.",
            [("~$5M", None)],
        ),
        (
            'Anthropic\'s Claude 3.5 Sonnet cost "$10s of millions to train".',
            [("$10s of millions", "Claude 3.5 Sonnet")],
        ),
        # a possessor just before the figure: the company's, not the sentence's model's
        (
            "Its o3 model costs $2 per million input tokens after a cut in June, still many "
            "times Widget's $0.28.",
            [("$2", "o3"), ("$0.28", None)],
        ),
    ],
)
def test_a_figure_belongs_to_the_model_named_nearest_before_it(
    sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.figure.text, m.model) for m in mentions(sentence)] == expected


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [
        (
            "Analysts put it between $500 million and $1 billion.",
            "between $500 million and $1 billion",
            5e8,
            1e9,
        ),
        ("Estimates run from $500 million to $1 billion.", None, 5e8, 5e8),
        (
            "It would cost $500 million to $1 billion a year.",
            "$500 million to $1 billion",
            5e8,
            1e9,
        ),
        ("Shares fell between 12% and 17% on Monday.", "between 12% and 17%", 12, 17),
    ],
)
def test_two_figures_given_as_the_ends_of_a_range_are_one_range(
    text: str, figure: str | None, low: float, high: float
) -> None:
    figs = find_figures(text)
    if figure is None:  # "from X to Y" is a change: two figures
        assert [f.low for f in figs] == [5e8, 1e9]
    else:
        assert [(f.text, f.low, f.high) for f in figs] == [(figure, low, high)]


def test_a_price_cut_from_one_figure_to_another_stays_two_figures() -> None:
    assert [f.text for f in find_figures("It cut the price from $2.19 to $1.68.")] == [
        "$2.19",
        "$1.68",
    ]
    # and "and" without "between" joins two separate figures, not a range
    assert len(find_figures("It raised $5 million and $9 million in two rounds.")) == 2


def test_tens_of_millions_is_a_range() -> None:
    [fig] = find_figures('It cost "$10s of millions to train".')
    assert (fig.low, fig.high) == (10e6, 99e6)


def test_a_price_cut_is_its_own_scope_not_how_much_cheaper_than_a_rival() -> None:
    [cut] = mentions("DeepSeek cut the prices of its API by more than 50% on Monday, it said.")
    assert (cut.measure, cut.scope) == ("How much cheaper to use", "price cut")
    [rival] = mentions("DeepSeek-R1 is said to be 20 to 50 times cheaper to use than OpenAI's o1.")
    assert rival.scope is None
    [loss] = mentions(
        "It challenged massive investment in cutting-edge chips and wiped USD500bn off Nvidia's "
        "market value."
    )
    assert loss.scope != "price cut"  # "cutting-edge" cuts nothing


def test_an_agreeing_group_shows_each_value_once() -> None:
    from bot.builder.render import _group_line

    rows = [
        Row(m.figure, m.model, s, a)
        for a, s in (
            ("a", "DeepSeek trained V3 on 2,048 Nvidia H800 GPUs."),
            ("b", "DeepSeek trained V3 on 2,048 Nvidia H800 chips."),
        )
        for m in mentions(s)
    ]
    [group] = group_rows(rows)
    line = _group_line("Chip count", group, {"a": 1, "b": 2}, set())
    assert line.count("2,048") == 1 and "2 sources agree [1] [2]" in line


@pytest.mark.parametrize(
    ("sentence", "lost"),
    [
        ("Nvidia's stock fell nearly 17% on Monday, wiping roughly $589 billion off its value.",
         ["nearly 17%", "roughly $589 billion"]),
        ("This, on January 27, led to the loss of more than USD500bn from Nvidia's market value.",
         ["more than USD500bn"]),
        ("It helped knock nearly $600 billion off Nvidia's market value, the biggest drop.",
         ["nearly $600 billion"]),
        # a rise is no loss, and the level a valuation fell to is not the amount lost
        ("Shares of chipmakers Cambricon and Hygon rose more than 5% in Shanghai trading.", []),
        ("The fall pushed its market valuation below $3 trillion for the first time.", []),
    ],
)  # fmt: skip
def test_market_value_lost_is_a_fall(sentence: str, lost: list[str]) -> None:
    found = [m.figure.text for m in mentions(sentence) if m.measure == "Market value lost"]
    assert found == lost


def test_pay_is_a_scope_as_a_noun_not_as_a_verb() -> None:
    """ "developers pay $0.028 per million input tokens" is a token price, not staff pay."""
    api = mentions("Under the new list, developers pay $0.028 per million input tokens.")
    assert [(m.measure, m.scope) for m in api] == [("API price", "input tokens")]
    [staff] = mentions("Staff pay reached $2 million a year for top training researchers.")
    assert staff.scope == "pay"
    # "a year" alone is no one's pay: a yearly spend on compute is a running cost
    [compute] = mentions("Widget spends an estimated $500 million a year on compute.")
    assert (compute.measure, compute.scope) == ("Training cost", "running costs")


def test_a_full_development_cost_is_its_own_scope_and_staff_it_includes_is_not_pay() -> None:
    [full] = mentions(
        "Analysts estimated that the full cost of developing W9, including research, failed "
        "runs and staff, was between $500 million and $1 billion."
    )
    assert (full.figure.text, full.scope) == (
        "between $500 million and $1 billion",
        "full development cost",
    )
    # a contrast about other costs is not this figure's scope
    [claim] = mentions(
        "Its claim to have trained a competitive model for about $5.6 million, even if total "
        "development costs were higher, rattled investors."
    )
    assert claim.scope is None


def test_the_value_a_figure_replaced_is_not_reported_again() -> None:
    """ "$0.028 …, down from $0.07": $0.07 was the price before; the sentence reports $0.028."""
    found = mentions("The chat model costs $0.028 per million input tokens, down from $0.07.")
    assert [m.figure.text for m in found] == ["$0.028"]


def test_a_figure_an_article_states_twice_is_one_row_with_its_scope() -> None:
    """The headline's "$294,000" and the lede's, which names the training stage, are one
    statement; and a thousands separator is no part of the figure before a comma."""
    rows = _rows(
        ("w", "Widget says W1 reasoning training cost $294,000 in paper"),
        ("w", "Widget said the reinforcement-learning stage of W1 cost $294,000, it said."),
        ("v", "Widget said training W1 cost $6 million."),
    )
    [d] = differences({"Training cost": rows}, ["v", "w"])
    stage = [r for r in d.rows if r.article == "w"]
    assert [(r.figure.text, r.scope) for r in stage] == [("$294,000", "one training stage")]


def test_a_plain_figure_and_the_same_figure_with_its_scope_are_one_group() -> None:
    """ "$5.6 million" in two articles and "$5.6 million for W3's final training run" in a
    third agree: one group, labelled with the scope, not a difference with itself."""
    rows = _rows(
        ("a", "Training W3 cost $5.6 million, Widget said."),
        ("b", "Widget said training W3 cost about $5.58 million."),
        ("c", "Widget said W3's final training run cost $5.6 million."),
        ("d", "Widget spent $1.6 billion on W3 servers, analysts said."),
    )
    groups = group_rows(rows)
    assert sorted((g.scope, len(g.rows)) for g in groups if g.rows[0].figure.low < 1e7) == [
        ("final training run", 3)
    ]


def test_a_number_in_a_products_name_is_no_count() -> None:
    """ "Huawei's Ascend 950 chips" names a chip; "10,000 Nvidia A100 GPUs" counts them."""
    counts = [
        [f.text for f in find_figures(s) if f.kind == "count"]
        for s in (
            "More than half of W5's traffic now runs on Huawei's Ascend 950 chips.",
            "High-Flyer bought 10,000 Nvidia A100 GPUs in 2021.",
            "In 2021 Widget bought 2,048 chips.",
        )
    ]
    assert counts == [[], ["10,000 Nvidia A100 GPUs"], ["2,048 chips"]]
    # a bound stays with its count: "fewer than 30,000" is not "30,000"
    [fewer] = find_figures("W5 was trained on fewer than 30,000 H800 and H20 accelerators.")
    assert fewer.text == "fewer than 30,000 H800 and H20 accelerators"


def test_a_figure_naming_no_model_is_never_about_a_model_named_only_later() -> None:
    """A 2025 "about 50,000 GPUs" is not the "50,000 chips" a 2026 report says W5 was trained
    on: a model-less figure joins only models its article's day could be about."""
    s_new = "A report said Widget trained W5 on 50,000 smuggled chips."
    s_old = "Widget has access to roughly 50,000 GPUs, a research firm said."
    rows = _dated_rows(
        [("new", s_new, date(2026, 1, 21)), ("old", s_old, date(2025, 1, 31))], "count"
    )
    new, old = rows
    assert new.model is not None and old.model is None
    assert len(group_rows(rows)) == 2
    # the same figure a week after the report may be about W5: it joins it
    assert len(group_rows([new, replace(old, published=date(2026, 1, 28))])) == 1


def test_counts_of_different_things_never_agree() -> None:
    """ "50,000 domestic accelerators" planned is not "50,000 Nvidia H100 chips" owned; "50,000
    Nvidia GPUs" may be the H100s said less exactly."""
    day = date(2026, 1, 1)
    said = [
        ("plan", "Widget wants a cluster of roughly 50,000 domestic accelerators by 2027.", day),
        ("owned", "Widget has 50,000 Nvidia H100 chips, an analyst said.", day),
        ("less", "Widget owns about 50,000 Nvidia GPUs, a research firm said.", day),
    ]
    rows = _dated_rows(said, "count")
    assert len(rows) == 3
    grouped = sorted(sorted(r.article for r in g.rows) for g in group_rows(rows))
    assert grouped == [["less", "owned"], ["plan"]]
    # exact counts agree only when equal: "1,920 chips" smuggled is not the "2,048 Nvidia H800
    # GPUs" W3 was trained on, though only 6% apart
    said = [
        ("trained", "Widget trained W3 on 2,048 Nvidia H800 GPUs.", day),
        ("smuggled", "Widget's W3 may have used 1,920 chips shipped via Singapore.", day),
        ("same", "Widget trained W3 on 2,048 GPUs, its paper said.", day),
    ]
    grouped = sorted(
        sorted(r.article for r in g.rows) for g in group_rows(_dated_rows(said, "count"))
    )
    assert grouped == [["same", "trained"], ["smuggled"]]
    # "(v2, published 9 April)" is a report's version, no model
    assert models_in("DeepSeek's updated report (v2, published 9 April) says V5 used 8,192.") == [
        (55, "DeepSeek-V5")
    ]


def test_prices_per_unit_times_and_titles() -> None:
    """ "$1.25 per million output tokens" is an output price though "input" stands nearer;
    "by mid-2027" names no model; "V4.5" is DeepSeek-V4.5; a figure naming no model in an
    article whose title names one is that model's."""
    s = "Pricing is $0.32 per million input tokens and $1.25 per million output tokens."
    assert [m.scope for m in mentions(s)] == ["input tokens", "output tokens"]
    assert models_in("a cluster of 50,000 domestic chips by mid-2027") == []
    assert canonical_model("V4.5") == "DeepSeek-V4.5"
    price = "DeepSeek will charge $0.27 per million input tokens."
    assert [m.model for m in mentions(price, "Pricing is out.")] == [None]
    assert [m.model for m in mentions(price, "Pricing is out.", "DeepSeek-V4.5")] == [
        "DeepSeek-V4.5"
    ]


def test_money_owed_is_no_cost_or_price() -> None:
    """ "$1.5bn in damages" for models "trained on the works", "a fine of €18.5 million": owed,
    not spent on training nor charged for tokens."""
    for s in (
        "The suit seeks at least $1.5bn in damages and an order to destroy models trained on "
        "the works.",
        "The Authority imposed a fine of €18.5 million on the company that trained the model.",
        "Damages of up to $150,000 per work are sought for training on pirated books.",
    ):
        assert mentions(s) == [], s
    assert [m.measure for m in mentions("Training V3 cost $5.6 million.")] == ["Training cost"]


def test_a_share_of_people_is_no_price_or_saving() -> None:
    """ "64% of Widget users named price as the main reason": how many of a group, not how much
    cheaper; as a price it "disclosed" what "Acme declined to say whether its Widget pricing
    would track Widget's" left open."""
    for s in (
        "64% of Widget users named price as the main reason they picked it.",
        "A survey found 31% of the developers polled use Widget because of its pricing.",
    ):
        assert mentions(s) == [], s
    assert [m.measure for m in mentions("W5 is 95% cheaper to use than o1.")] == [
        "How much cheaper to use"
    ]
    assert [m.measure for m in mentions("Widget failed to block 100% of harmful prompts.")] == [
        "Harmful output"
    ]


def test_a_rate_a_score_or_a_rise_is_no_cost_or_saving() -> None:
    """ "valued at $11.2 million assuming a rental price of $2 per chip-hour": $2 is a rate, the
    cost is $11.2 million; "a 58.9% score" and "a 49% increase" are no saving; "prompts are not
    shared with Widget" discloses nothing about what is not disclosed."""
    run = (
        "Widget said the final training run for W5 used 5.6 million chip-hours, which it valued "
        "at $11.2 million assuming a rental price of $2 per chip-hour."
    )
    assert [m.figure.text for m in mentions(run)] == ["$11.2 million"]
    assert mentions("A 49% increase in blended cost could push users to cheaper models.") == []
    cut = "The 45% price cut keeps W5 far cheaper than rivals even at a 58.9% score."
    assert [m.figure.text for m in mentions(cut)] == ["45%"]
    assert undisclosed("Acme said prompts are not shared with Widget or used to train it.") is None
    assert undisclosed("Widget has not shared figures on what W5 cost to train.") == "Training cost"


def test_what_was_not_said_is_what_follows_not_a_word_further_on() -> None:
    """ "has not said how many users were affected or whether it will compensate API customers"
    keeps no API price back: what it did not say follows it; a training cost still does."""
    assert (
        undisclosed(
            "Widget has not said how many users were affected or whether it will compensate "
            "API customers."
        )
        is None
    )
    assert undisclosed("Widget has not disclosed the training costs for W5.") == "Training cost"
