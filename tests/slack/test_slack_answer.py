"""Answering questions from points.jsonl: pure, against the committed briefings."""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.library import CatalogPoint, Library
from bot.models import Article
from bot.slack import semantic
from bot.slack.answer import (
    BUDGET,
    MONEY,
    PARTICULAR,
    RATIO,
    SPEECH,
    TIME_TEXT,
    PointIndex,
    answer,
    counted,
    definition,
    fits_first,
    headlined,
    introduced,
    joined,
    lead_told,
    news_only,
    obliged,
    place_forms,
    quantity,
    question_words,
    title_items,
)
from bot.slack.listeners.commands.brief import topic_reply
from bot.slack.search import alternatives, edit_distance, family, relatives, root, stem, tokens

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.load(ROOT / "briefings")


def _header(reply: dict) -> str:  # type: ignore[type-arg]
    return str(reply["blocks"][0]["text"]["text"])


def test_words_that_name_a_topic_get_its_brief(lib: Library) -> None:
    assert _header(topic_reply(lib, "training cost")) == "Training cost and efficiency"
    assert _header(topic_reply(lib, "export controls")) == "Chips and export controls"
    assert _header(topic_reply(lib, "security")) == "Security and privacy"


def test_asked_about_deepseek_itself_the_overview_answers(lib: Library) -> None:
    overview = _header(topic_reply(lib, ""))
    for question in ("what is deepseek", "deepseek", "tell me about deepseek?", "what is it"):
        assert _header(topic_reply(lib, question)) == overview, question


def test_words_that_name_a_topic_unsurely_are_answered_not_refused(lib: Library) -> None:
    """ "deepseek vs openai": "openai" is one topic's name, but the match is not sure; the
    question is answered from the points, never "No brief matches"."""
    reply = topic_reply(lib, "deepseek vs openai")
    assert "No brief matches" not in str(reply["blocks"])
    assert "OpenAI" in str(reply["blocks"])


def test_a_part_of_a_hyphenated_name_finds_it_as_typed(lib: Library) -> None:
    """ "janus" finds "Janus-Pro" (a part is stemmed as a typed word is: "janus" → "janu")."""
    ans = answer(lib, "janus")
    assert ans is not None and "Janus-Pro" in ans.lead.text


def test_a_versioned_name_is_found_by_its_letters(lib: Library) -> None:
    """ "hbm export rule" finds "… removed HBM2E stacks from the list …": a name with a version
    number is that kind of thing ("HBM3" is HBM memory); "H800" is no "h"."""
    from bot.slack.answer import index_tokens

    assert "hbm" in index_tokens("removed HBM2E stacks") and "qwen" in index_tokens("Qwen3-8B")
    assert "h" not in index_tokens("Nvidia H800 chips")
    point = CatalogPoint(
        "w-hbm:3",
        "Washington removed HBM2E stacks from the list of items that need a licence.",
        ("w-hbm",),
        "2026-10-06",
    )
    ans = answer(replace(lib, points=(*lib.points, point)), "hbm licence list")
    assert ans is not None and ans.lead.id == "w-hbm:3", [p.text for p in ans.all_points]


def test_words_from_a_topics_keywords_are_still_a_narrower_question(lib: Library) -> None:
    # "wiz", "database" and "leaking" are security-privacy keywords, not its names
    assert _header(topic_reply(lib, "wiz database leak")).startswith("“wiz database leak")


def test_a_narrower_question_gets_points_from_the_whole_corpus(lib: Library) -> None:
    ans = answer(lib, "what did andreessen say")
    assert ans is not None and "Andreessen" in ans.lead.text
    reply = topic_reply(lib, "what did andreessen say")
    assert _header(reply).startswith("“what did andreessen say")
    ids = [e["action_id"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert any(i.startswith(("open_topic:", "open_overview")) for i in ids)  # related briefs


def test_answers_do_not_repeat_themselves(lib: Library) -> None:
    for q in ("nvidia stock", "how did deepseek train so cheaply", "database leak"):
        ans = answer(lib, q)
        assert ans is not None
        texts = [p.text for p in ans.all_points]
        assert len(texts) == len(set(texts)) and len({p.id for p in ans.all_points}) == len(texts)
        assert sum(len(t) for t in texts) <= BUDGET


def test_nonsense_gets_no_answer_and_real_words_are_not_corrected(lib: Library) -> None:
    assert answer(lib, "weather in paris") is None
    assert answer(lib, "zxqv blorp") is None
    reply = topic_reply(lib, "weather in paris")
    assert "No brief matches" in str(reply["blocks"])
    assert "whether" not in str(reply)


def test_edit_distance() -> None:
    assert edit_distance("distilation", "distillation") == 1
    assert edit_distance("weather", "whether") == 2
    assert edit_distance("cihps", "chips") == 1  # a transposition is one edit


def _story_library(lib: Library) -> Library:
    """The committed points plus two made-up articles: a ban in Freedonia, and bans in passing."""

    def pt(article: str, pos: int, text: str) -> CatalogPoint:
        return CatalogPoint(f"{article}:{pos}", text, (article,), "2025-03-01", quality=1.5)

    story = [
        "Freedonia bans the Widget app from government phones",
        "Freedonia has ordered every ministry to remove the Widget app from official phones, "
        "citing a security review.",
        "The Freedonia order takes effect on March 3 and covers 40 agencies.",
        "Freedonia's digital minister said the ban follows a review of 12 foreign apps.",
    ]
    other = [
        "Widget released a new reasoning model on Monday.",
        "Regulators may ban more apps in 2026, and a ban on chatbots is likely, analysts say.",
        "The model scores 80% on a mathematics benchmark.",
    ]
    points = [pt("freedonia-ban", i, t) for i, t in enumerate(story)]
    points += [pt("widget-model", i, t) for i, t in enumerate(other)]
    return replace(lib, points=(*lib.points, *points))


def test_a_question_about_one_story_is_led_by_its_lede_without_stray_mentions(
    lib: Library,
) -> None:
    ans = answer(_story_library(lib), "freedonia ban")
    assert ans is not None
    assert ans.lead.id == "freedonia-ban:1"  # the lede, not the headline or a later line
    assert {p.sources[0] for p in ans.all_points} == {"freedonia-ban"}  # "ban" alone is not enough


def test_a_point_a_newer_article_updates_gives_its_place_to_the_update(lib: Library) -> None:
    old = CatalogPoint(
        "grid-old:1",
        "Freedonia's grid operator has not disclosed how much power the Widget data centre uses.",
        ("grid-old",),
        "2025-01-10",
        quality=2.0,
        updated_by="grid-new:4",
    )
    new = CatalogPoint(
        "grid-new:4",
        "The Widget data centre used 180 megawatts in March, the operator said.",
        ("grid-new",),
        "2025-04-02",
        quality=1.0,
    )
    ans = answer(replace(lib, points=(*lib.points, old, new)), "freedonia grid power disclosed")
    assert ans is not None
    ids = [p.id for p in ans.all_points]
    assert "grid-new:4" in ids and "grid-old:1" not in ids


def test_a_question_in_other_words_than_the_answer_still_finds_it(lib: Library) -> None:
    """ "cost" and "API" in the question; "pay", "prices" and "tokens" in the answer."""
    price = CatalogPoint(
        "widget-prices:2",
        "Under the new prices, developers pay $0.028 per million input tokens on a cache hit.",
        ("widget-prices",),
        "2025-09-29",
        quality=1.5,
    )
    ans = answer(replace(lib, points=(*lib.points, price)), "how much does the api cost now")
    assert ans is not None and price.id in [p.id for p in ans.all_points[:3]]


def test_a_story_lede_must_hold_a_word_of_the_question(lib: Library) -> None:
    story = [
        "Glimmerland at a glance: the ban so far",
        "Here is what we know about it so far.",
        "Glimmerland banned the Widget app on all government phones on March 3.",
        "Glimmerland's minister said the Glimmerland ban covers 40 agencies.",
        "The Glimmerland ban followed a review of 12 apps.",
    ]
    points = tuple(
        CatalogPoint(f"glimmer:{i}", t, ("glimmer",), "2025-03-04", quality=1.5)
        for i, t in enumerate(story)
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "glimmerland ban")
    assert ans is not None and ans.lead.id == "glimmer:2"  # not "Here is what we know"


def test_sentence_vectors_load_offline_as_unit_rows() -> None:
    embed = semantic.embedder()
    assert embed is not None  # the model ships in its wheel: no download, no network
    vectors = embed(
        ["Nvidia's stock fell 17%.", "Nvidia's stock fell 17%.", "Italy banned the app."]
    )
    assert vectors.shape == (3, 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(vectors[0], vectors[1])  # deterministic


def test_a_point_that_means_what_is_asked_ranks_without_sharing_a_word() -> None:
    texts = [
        "Investors in the company include a hedge fund.",
        "Chip stocks fell sharply and the Nasdaq lost 3%, its worst day since 2020.",
        "The company hired 40 engineers in Hangzhou.",
    ]
    points = tuple(
        CatalogPoint(f"a{i}:1", t, (f"a{i}",), "2025-01-27", quality=1.0)
        for i, t in enumerate(texts)
    )
    query = "how did investors react"
    _, words = question_words(query)
    embed = semantic.embedder()
    assert embed is not None
    by_words, _ = PointIndex(points).rank(words)
    by_meaning, _ = PointIndex(points, embed).rank(words, meaning=embed([query])[0])
    assert [i for i, _ in by_words] == [0]  # only the point holding "investors"
    assert [i for i, _ in by_meaning] == [0, 1]  # the sell-off too; the hiring is unrelated
    # meaning alone answers nothing: some word of the question must be in the coverage
    nothing, _ = PointIndex(points, embed).rank(["weather"], meaning=embed(["weather"])[0])
    assert nothing == []


def test_without_sentence_vectors_answers_rank_by_words_and_say_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "wordllama", None)  # as if the package were missing
    semantic.embedder.cache_clear()
    try:
        assert semantic.embedder() is None
    finally:
        semantic.embedder.cache_clear()
    (record,) = [r for r in caplog.records if r.name == "bot.slack.semantic"]
    assert "words only" in record.getMessage() and "pip install -e ." in record.getMessage()
    assert record.exc_info is None  # one line, no traceback


def test_a_point_joined_to_the_next_sentence_stands_in_for_the_shorter_one(lib: Library) -> None:
    said = '"Freedonia has ignited global enthusiasm for the Widget app," Ana Ruiz said.'
    more = f'{said} "The Widget app is an excellent innovation for Freedonia."'
    points = (
        CatalogPoint("ruiz:4", said, ("ruiz",), "2025-02-26", quality=1.5),
        CatalogPoint("ruiz:5", more, ("ruiz",), "2025-02-26", quality=1.0),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "what did ana ruiz say")
    assert ans is not None
    ids = [p.id for p in ans.all_points]
    assert "ruiz:5" in ids and "ruiz:4" not in ids  # one says all the other does, and more


def test_what_is_x_leads_with_a_sentence_about_x(lib: Library) -> None:
    """Release notes whose sentences open with W9 say what W9 is; a newer, denser sentence
    from elsewhere that merely names it does not. (Qualities as the builder rated the real
    sentences these copy.)"""
    points = (
        CatalogPoint(
            "w9-notes:2",
            "W9 supports a thinking mode and a non-thinking mode in one model.",
            ("w9-notes",),
            "2025-08-21",
            quality=1.07,
        ),
        CatalogPoint(
            "w9-notes:5",
            "[W9] weights are available on Hugging Face under the MIT license.",
            ("w9-notes",),
            "2025-08-21",
            quality=1.28,
        ),
        CatalogPoint(
            "w9-prices:20",
            "[Widget] has not said which hardware it used to train W8 or W9.",
            ("w9-prices",),
            "2025-09-05",
            quality=1.74,  # as the builder rates such a sentence, against 1.07
        ),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "what is w9")
    assert ans is not None and ans.lead.sources == ("w9-notes",)


def test_a_lead_that_only_says_what_was_not_said_gives_way(lib: Library) -> None:
    """ "[Widget] has not said …" may be a point, not the lead: the best point near its score
    that states something leads."""
    points = (
        CatalogPoint(
            "w9-prices:20",
            "[Widget] has not said which hardware it used to train W9.",
            ("w9-prices",),
            "2025-09-05",
            quality=2.0,
        ),
        CatalogPoint(
            "w9-prices:2",
            "Under the new schedule, the thinking and non-thinking modes of W9 each cost $0.07 "
            "per million input tokens.",
            ("w9-prices",),
            "2025-09-05",
            quality=2.0,
        ),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "w9 hardware price")
    assert ans is not None
    assert ans.lead.id == "w9-prices:2"
    assert "w9-prices:20" in [p.id for p in ans.points]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who is suing widget", "suit:1"),  # "suing" → sued, lawsuit
        ("how much does widget charge", "prices:3"),  # "charge" → price, cost
        ("how many people use widget", "users:1"),  # "people use" → users
        ("widget investigation", "inquiry:2"),  # investigation → inquiry
        ("is widget down", "outage:1"),  # only a stopword is left: "down" → outage
        ("how long was widget down", "outage:1"),  # "how long" is how it is asked
        ("widget q2 earnings", "results:2"),  # q2 → quarter, earnings → revenue, profit
        ("widget storefront outage", "outage:2"),  # outage → unavailable
        ("are widget customers refunded", "credit:1"),  # refund → credit
        ("who discovered the widget server", "server:1"),  # discovered → found
        ("when does the widget campus start running", "campus:3"),  # start → begin operating
        ("were widget login details leaked", "leak:4"),  # login → passwords
        ("how much does each writer get per book from widget", "deal:2"),  # writer → author
    ],
)
def test_everyday_question_words_find_the_news_words(
    lib: Library, question: str, expected: str
) -> None:
    points = (
        CatalogPoint(
            "suit:1",
            "Novelists sued Widget in federal court on Wednesday over pirated copies of books.",
            ("suit",),
            "2025-10-08",
            quality=1.5,
        ),
        CatalogPoint(
            "prices:3",
            "Widget's API price is $0.28 per million input tokens after the cut.",
            ("prices",),
            "2025-09-29",
            quality=1.5,
        ),
        CatalogPoint(
            "users:1",
            "Widget's chatbot had 22 million daily active users in October.",
            ("users",),
            "2025-11-03",
            quality=1.5,
        ),
        CatalogPoint(
            "inquiry:2",
            "Freedonia's regulator opened an inquiry into Widget's data transfers on Monday.",
            ("inquiry",),
            "2025-03-04",
            quality=1.5,
        ),
        CatalogPoint(
            "outage:1",
            "Widget's chat service was restored after an outage of nearly five hours.",
            ("outage",),
            "2025-10-14",
            quality=1.5,
        ),
        CatalogPoint(
            "outage:2",
            "Widget's storefront was unavailable for about six hours on Tuesday.",
            ("storefront",),
            "2025-10-14",
            quality=1.5,
        ),
        CatalogPoint(
            "results:2",
            "Widget's revenue for the second quarter rose 38% to 14.6 billion yuan.",
            ("results",),
            "2025-08-13",
            quality=1.5,
        ),
        *(
            CatalogPoint(pid, text, (pid.split(":")[0],), "2026-02-10", quality=1.5)
            for pid, text in (
                ("credit:1", "Paying Widget customers will get a service credit of 20% in May."),
                ("server:1", "Researchers at Kestrel Labs found the unprotected Widget server."),
                (
                    "campus:3",
                    "The Widget campus will begin operating in the first quarter of 2028.",
                ),
                ("leak:4", "Hashed Widget passwords were among the exposed tables."),
                ("deal:2", "Widget will pay each author about $325 for each work."),
            )
        ),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), question)
    assert ans is not None and ans.lead.id == expected


@pytest.mark.parametrize(
    ("question", "word", "news"),
    [
        ("are we getting refunded", "refunded", "credit"),
        ("who discovered the server", "discovered", "found"),
        ("how long were things broken", "broken", "outage"),
        ("when does the site start running", "start", "operating"),
        ("were login details exposed", "login", "passwords"),
        ("who's number one in the rankings", "rankings", "leaderboard"),
        ("how many people is widget adding", "people", "engineers"),  # "hire 150 engineers"
        ("who is bankrolling widget", "bankrolling", "investors"),
        ("who owns widget", "owns", "controlled"),
        ("when was widget founded", "founded", "established"),
        ("why did widget get cheaper", "cheaper", "cut"),  # "slashes its price", "cut"
        ("why did widget drop its prices", "drop", "cut"),
        ("how much did widget end up raising", "raising", "funding"),
        ("does widget have a paid plan yet", "paid", "subscription"),
    ],
)
def test_a_readers_words_point_at_the_news_words(question: str, word: str, news: str) -> None:
    assert stem(news) in alternatives(question)[stem(word)]


def test_who_regulates_or_leads_is_found_by_what_news_calls_them() -> None:
    """ "trouble with regulators": the news writes of an authority, a watchdog, a commission;
    "executive changes": of a chief, an officer, a head; "agree to": commitments."""
    alts = alternatives("has w5 run into trouble with regulators")
    assert {stem("watchdog"), stem("authority"), stem("commission")} <= set(
        alts[stem("regulators")]
    )
    alts = alternatives("widget executive changes")
    assert {stem("chief"), stem("officer"), stem("head")} <= set(alts[stem("executive")])
    alts = alternatives("w5 price cut")  # a price halved, reduced, lowered
    assert {stem("halve"), stem("reduction"), stem("lower")} <= set(alts[stem("cut")])
    alts = alternatives("what did widget agree to")  # its commitments, conditions and terms
    assert {stem("commitments"), stem("conditions"), stem("terms")} <= set(alts[stem("agree")])
    alts = alternatives("sylvania lawsuit against widget")  # a complaint filed in a court
    assert {stem("complaint"), stem("court"), stem("filed")} <= set(alts[stem("lawsuit")])
    alts = alternatives("how many widget cars were recalled")  # or vehicles
    assert stem("vehicles") in alts[stem("cars")]


def test_versus_is_no_word_to_find() -> None:
    assert question_words("qwen vs deepseek")[0] == ["qwen"]
    assert question_words("qwen versus r1")[0] == ["qwen", "r1"]


def test_asked_what_it_costs_now_the_newest_price_leads(lib: Library) -> None:
    """Weeks apart among months of coverage, two price reports rank close: asked for the price
    now, the newer leads; asked plainly, the better match does."""
    old = CatalogPoint(
        "w-prices-sep5:5",
        "At standard rates, Widget's API cost $0.14 per million input tokens and $2.19 per "
        "million output tokens, and its API price per million tokens was the lowest.",
        ("w-prices-sep5",),
        "2025-09-05",
        quality=3.0,
    )
    new = CatalogPoint(
        "w-prices-sep29:4",
        "Widget's API output tokens cost $0.42 per million, down from $1.68.",
        ("w-prices-sep29",),
        "2025-09-29",
        quality=2.6,
    )
    other = tuple(
        CatalogPoint(f"w-news-{m}:1", f"Widget opened office number {m}.", (f"w-news-{m}",), d)
        for m, d in enumerate([f"2025-0{k}-10" for k in range(1, 9)] + ["2025-11-03"], start=1)
    )
    lib2 = replace(lib, points=(*lib.points, old, new, *other))
    now = answer(lib2, "how much does the widget API cost now")
    assert now is not None and now.lead.id == "w-prices-sep29:4"
    then = answer(lib2, "how much does the widget API cost")
    assert then is not None and then.lead.id == "w-prices-sep5:5"


def test_a_question_naming_something_is_answered_from_the_articles_that_name_it(
    lib: Library,
) -> None:
    """ "What changed in Gizmo-2": words it is asked in ("changed" → new, improved, added)
    must not bring in articles that never name Gizmo-2."""

    def pt(article: str, pos: int, text: str, quality: float = 1.5) -> CatalogPoint:
        return CatalogPoint(f"{article}:{pos}", text, (article,), "2025-05-28", quality=quality)

    upgrade = [
        "Widget's Gizmo-2 upgrade lifts its maths score to 88%",
        "Widget released Gizmo-2 on Wednesday, an update to its reasoning model.",
        "The new checkpoint scores 88% on a maths test, up from 70% for the first version.",
        "Widget said hallucinations fell by about half in summarising tasks.",
    ]
    elsewhere = [
        "Rival labs have set up new teams to study Widget's models and improve their own, "
        "adding hundreds of engineers since January.",
        "Acme added a new model to its cloud catalogue of about 1,800 AI models.",
        "Shares in chip makers rose 4% as investors added to positions in new AI suppliers.",
    ]
    points = [pt("gizmo-upgrade", i, t) for i, t in enumerate(upgrade)]
    points += [pt("rival-labs", i, t, quality=3.0) for i, t in enumerate(elsewhere)]
    ans = answer(replace(lib, points=(*lib.points, *points)), "what changed in gizmo-2")
    assert ans is not None
    assert {p.sources[0] for p in ans.all_points} == {"gizmo-upgrade"}


def test_a_point_whose_words_an_earlier_point_already_holds_is_a_repeat(lib: Library) -> None:
    """A headline its lede restates in longer words says nothing new: one of them is enough."""

    def pt(pos: int, text: str) -> CatalogPoint:
        return CatalogPoint(f"gizmo-week:{pos}", text, ("gizmo-week",), "2025-02-28", quality=2.0)

    story = [
        "Widget ends Gizmo Week with its GFS file system after five days of releases",
        "Widget wrapped up its Gizmo Week on Friday, Feb. 28, by publishing the GFS file system, "
        "the fifth code release in five days from the Freedonia company, which spent the week "
        "opening up pieces of the infrastructure behind its W3 and R9 models.",
        "On Tuesday came GizmoEP, a communication library for training large models.",
        "On Wednesday came GizmoGEMM, a matrix-multiplication library.",
    ]
    lib2 = replace(lib, points=(*lib.points, *(pt(i, t) for i, t in enumerate(story))))
    ans = answer(lib2, "gizmo week")
    assert ans is not None
    texts = [p.text for p in ans.all_points]
    assert story[1] in texts and story[0] not in texts


def test_a_point_that_updates_an_older_report_leads_among_close_matches(lib: Library) -> None:
    """Asked about "freedonia ban", the lifting of the ban leads, not an older story that
    matches the words a little better (the watchdog's earlier ban of another app)."""
    old = CatalogPoint(
        "fr-order:1",
        "Freedonia's privacy watchdog ordered Widget to stop processing Freedonians' data.",
        ("fr-order",),
        "2025-01-30",
        quality=1.5,
        updated_by="fr-lift:1",
    )
    other = CatalogPoint(
        "fr-order:2",
        "Freedonia's regulator has banned chatbots before: it briefly banned Gadget's app in "
        "2023 over alleged privacy violations and fined it €15 million.",
        ("fr-order",),
        "2025-01-30",
        quality=2.0,
    )
    new = CatalogPoint(
        "fr-lift:1",
        "Freedonia's privacy watchdog said on Monday it had lifted its block on Widget's app "
        "after the company agreed to store Freedonians' data at home.",
        ("fr-lift",),
        "2025-11-03",
        quality=1.5,
    )
    ans = answer(replace(lib, points=(*lib.points, old, other, new)), "freedonia ban")
    assert ans is not None and ans.lead.id == "fr-lift:1"
    assert "fr-order:2" in {p.id for p in ans.points}  # still an answer, after the news


def test_what_is_x_is_led_by_what_x_is_and_finds_it_hyphenated(lib: Library) -> None:
    """ "what is widget w9": the release note saying "Widget-W9, its next-generation model"
    leads, before a denser line about what W9 does."""
    does = CatalogPoint(
        "w9-things:3",
        "Widget W9 accepts up to 1 million tokens of context, eight times as much as W8 did.",
        ("w9-things",),
        "2025-12-02",
        quality=2.0,
    )
    is_ = CatalogPoint(
        "w9-release:0",
        "Widget today announced the release of Widget-W9, its next-generation language model, "
        "with open weights.",
        ("w9-release",),
        "2025-12-01",
        quality=1.5,
    )
    ans = answer(replace(lib, points=(*lib.points, does, is_)), "what is widget w9")
    assert ans is not None and ans.lead.id == "w9-release:0"
    assert "w9-things:3" in {p.id for p in ans.points}


def test_a_name_inside_a_hyphenated_one_counts_as_a_name(lib: Library) -> None:
    """ "deepseek ocr" names DeepSeek-OCR: answered from the article about it, not padded with
    other DeepSeek news close only in meaning."""

    def pt(article: str, pos: int, text: str) -> CatalogPoint:
        return CatalogPoint(f"{article}:{pos}", text, (article,), "2025-10-21", quality=1.5)

    ocr = [
        "DeepSeek has released DeepSeek-OCR, an open-source model that stores long documents "
        "as images and reads them back.",
        "At a compression ratio below 10x, the model decoded text with about 97% precision.",
    ]
    other = [
        "DeepSeek's chat model now costs $0.07 per million input tokens on a cache hit.",
        "DeepSeek released its reasoning model under the MIT license in January.",
    ]
    points = [pt("w-ocr", i, t) for i, t in enumerate(ocr)]
    points += [pt("w-other", i, t) for i, t in enumerate(other)]
    ans = answer(replace(lib, points=(*lib.points, *points)), "deepseek ocr")
    assert ans is not None
    assert {p.sources[0] for p in ans.all_points} == {"w-ocr"}


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("widget signups paused", "Widget paused new API sign-ups for 72 hours on Thursday."),
        ("widget sign-ups paused", "Widget paused new API signups for 72 hours on Thursday."),
        ("widget r&d center", "Widget opened a 42,000-square-metre R&D centre in Freedonia."),
        ("widget licence", "Widget releases its weights under the MIT license."),
        ("widget optimization", "Widget credits the optimisation of its training kernels."),
    ],
)
def test_a_word_is_found_however_it_is_spelt(lib: Library, query: str, written: str) -> None:
    """British or American spelling, a compound with or without its hyphen, "R&D": the
    question finds the sentence whichever way either writes it."""
    point = CatalogPoint("w-spelt:0", written, ("w-spelt",), "2025-11-20", quality=1.5)
    index = PointIndex((point,))
    assert index.coverage([joined(w, index) for w in tokens(query)], [0]) == 1.0
    ans = answer(replace(lib, points=(*lib.points, point)), query)
    assert ans is not None and ans.lead.id == "w-spelt:0"


def _article(aid: str, day: str, *texts: str) -> tuple[CatalogPoint, ...]:
    """An article's points, in order: made-up coverage for one test."""
    return tuple(
        CatalogPoint(f"{aid}:{i}", text, (aid,), day, quality=1.5) for i, text in enumerate(texts)
    )


@pytest.mark.parametrize(
    ("question", "written"),
    [
        (
            "what did the judge decide",
            "Judge Ada Quill denied Widget's motion to dismiss on Monday.",
        ),
        ("which firms were blacklisted", "BIS added Quarrel Compute to the Entity List in March."),
        ("who are the lawyers", "Nell Ortiz of Brandt & Hale LLP represents Widget in the case."),
        ("how many documents were leaked", "About 2.3 million files were reachable by anyone."),
        ("any investigation", "The EU opened formal proceedings against Widget on Monday."),
        ("who is the supplier", "Widget will buy memory from Acme Micro for 20 years."),
        ("widget launch", "Widget unveiled W7 on Tuesday with a 512K-token context window."),
    ],
)
def test_a_question_finds_the_words_the_news_writes_for_it(
    lib: Library, question: str, written: str
) -> None:
    """A court decides by ruling, denying or granting; an export blacklist is the Entity
    List; lawyers are counsel or a firm that represents a side; a leak is data exposed or
    reachable, documents are files; a launch is a model unveiled or released; an investigation
    may be formal proceedings; a supplier is whom one buys from, under an agreement."""
    other = "A former judge sits on Widget's board." if "judge" in question else "Widget rose 2%."
    story = _article("w-news", "2026-06-02", written, other)
    ans = answer(replace(lib, points=(*lib.points, *story)), question)
    assert ans is not None and ans.lead.id == "w-news:0", question


def test_a_why_question_is_not_led_by_a_cause_of_something_else(lib: Library) -> None:
    """ "why was widget put on the entity list": a sentence giving the cause of another thing
    ("[Widget] attributes the gain to more computing resources") is no answer; the listing is."""
    other = _article(
        "w-other",
        "2026-05-28",
        "[Widget] attributes the gain to more computing resources, due to a reason it gave.",
    )
    listed = _article(
        "w-listed",
        "2026-01-28",
        "BIS added Widget to the Entity List for buying 2,300 servers through middlemen.",
    )
    ans = answer(
        replace(lib, points=(*lib.points, *other, *listed)), "why was widget put on the entity list"
    )
    assert ans is not None and ans.lead.id == "w-listed:0"


def test_a_word_the_coverage_never_uses_does_not_veto_a_clear_question(lib: Library) -> None:
    """ "hearing in the authors case": "hearing" is in no article, but the rest says what is
    asked; so does a model's name ("w5 specs"). "weather in paris" stays unanswered."""

    def pt(pos: int, text: str) -> CatalogPoint:
        return CatalogPoint(f"w-case:{pos}", text, ("w-case",), "2026-04-17", quality=1.5)

    points = (
        pt(0, "A judge let the authors' copyright case against Widget proceed on Thursday."),
        pt(1, "[Judge Ada Quill] set a case management conference for June 9, 2026."),
    )
    w5 = _article(
        "w-model",
        "2026-05-14",
        "Widget released W5, its next model, with a 1 million-token context window.",
        "W5 scored 78% on a coding test, up from 71% for W4.",
        "Developers pay $0.30 per million input tokens to use W5.",
        "Rivals said W5 would force them to cut prices.",
    )
    cases = _article(
        "w-other",
        "2025-01-01",
        "Three authors filed a case against Acme in January.",
        "The authors in that case asked for damages of $1 million.",
    )
    library = replace(lib, points=(*lib.points, *points, *w5, *cases))
    ans = answer(library, "hearing in the authors case")
    assert ans is not None and {p.id for p in ans.all_points} & {"w-case:0", "w-case:1"}
    specs = answer(library, "w5 specs")
    assert specs is not None and specs.lead.id == "w-model:0"
    assert answer(lib, "weather in paris") is None


def test_question_words_find_the_news_words_for_them() -> None:
    """ "yesterday" and "anywhere" name no subject (like "now", they only say when or where);
    "investing" points at investors and funding, "how good" at benchmarks and scores: the
    words the news uses."""
    assert question_words("why was widget down yesterday")[0] == ["widget"]
    assert question_words("is widget banned anywhere")[0] == ["widget", "ban"]
    _, expanded = question_words("who is investing in widget")
    assert {"investor", "fund"} <= set(expanded)
    _, expanded = question_words("how good is widget w5")
    assert {"performanc", "benchmark", "scor"} <= set(expanded)
    _, expanded = question_words("how many people work at widget")
    assert {"user", "employ", "staff"} <= set(expanded)
    # "put" asks nothing ("SemiAnalysis puts … at $1.6 billion" is no answer); ads are
    # advertising
    words, expanded = question_words("will widget put ads in the app")
    assert "put" not in words and stem("advertising") in expanded
    # a fine is what a regulator's decision calls a penalty surcharge; who left, a departure
    _, expanded = question_words("freedonia widget fine")
    assert {"penalty", "surcharg"} <= set(expanded)
    _, expanded = question_words("who left widget")
    assert {"departur", "join"} <= set(expanded)
    # is it real: genuine, authentic
    _, expanded = question_words("was the leaked widget memo real")
    assert {"genuin", "authentic"} <= set(expanded)
    # who testified: the hearing's witnesses, what they told the committee
    _, expanded = question_words("who testified at the widget hearing")
    assert {"witness", "committee", "hear"} <= set(expanded)
    # "raise" is what the news calls an increase, a rise or a hike; "why" asks for a reason,
    # but words of a cause find nothing on their own ("attributes the gain to …")
    _, expanded = question_words("why did widget raise prices")
    assert {"increas", "ris", "hik"} <= set(expanded)
    assert {"becaus", "attribut"}.isdisjoint(expanded)
    assert {"becaus", "attribut"} <= set(question_words("why?")[1])
    # a ban is what the news may call a prohibition; overvalued asks about a valuation
    _, expanded = question_words("freedonia widget ban schools")
    assert {"prohibit", "prohibition", "bar"} <= set(expanded)
    _, expanded = question_words("is widget overvalued")
    assert {"valuation", "worth"} <= set(expanded)
    # money raised is funding or financing; an outage may be written as an incident or as
    # degraded service; a job asked by its initials is written out
    _, expanded = question_words("how much did widget raise")
    assert {"fund", "financ", "investor"} <= set(expanded)
    _, expanded = question_words("widget outage in april")
    assert {"incident", "degrad", "downtim", "breakdown"} <= set(expanded)
    _, expanded = question_words("who is the new cfo")
    assert {"financial", "financ"} <= set(expanded)
    # "states" is a subject, though "stats" (a way of asking for figures) is stemmed the same
    assert question_words("which states restrict widget")[0] == ["stat", "restrict", "widget"]
    # spending is an expenditure, capex or a budget; an opinion piece is a kind of piece
    _, expanded = question_words("how much is widget spending on chips")
    assert {"expenditur", "capex", "budget"} <= set(expanded)
    assert question_words("opinion piece on widget bans")[0] == ["widget", "ban"]
    # who quit is who left or resigned; how fast is a speed, a latency, so many per second
    _, expanded = question_words("why did widget's research chief quit")
    assert {"left", "leav", "resign", "departur"} <= set(expanded)
    _, expanded = question_words("how fast is w5")
    assert {"spe", "latency", "second"} <= set(expanded)
    # "come with" is how it is asked
    assert question_words("which phones come with widget preinstalled")[0] == [
        "phon",
        "widget",
        "preinstall",
    ]
    # "daily" is "a day"; specs are parameters, a context window, a licence
    assert "day" in question_words("widget daily token volume")[1]
    assert {"parameter", "context", "licens"} <= set(question_words("w5 specs")[1])
    # a speedup is what the news calls faster
    assert "faster" in question_words("attention paper speedup")[1]
    # "ever", "numbers": how it is asked ("did widget ever confirm the leaked numbers")
    assert question_words("did widget ever confirm the leaked numbers")[0] == [
        "widget",
        "confirm",
        "leak",
    ]


def test_a_question_echoing_a_headline_is_about_that_story() -> None:
    """ "indiana school ban": the article headlined "Indiana bans Widget from public schools"
    is the story asked about, though another article's points also say "ban", "schools" and
    "Indiana". A question two headlines hold alike names no story."""
    story = _article(
        "w-indiana",
        "2026-03-30",
        "Indiana became the first state to ban Widget from its public schools on Thursday.",
        "Indiana schools must remove Widget by August 1.",
        "The law takes effect on July 1.",
        "Vendors face penalties of up to $5,000 per violation.",
    )
    other = _article(
        "w-japan",
        "2025-05-12",
        "Japan lifted its ban on Widget for ministries on Monday.",
        "Some US states ban Widget in public schools, Indiana among them.",
        "Schools in Japan were never covered by the Widget ban.",
    )
    headlines = {
        "w-indiana": "Indiana bans Widget from public schools",
        "w-japan": "Japan lifts its Widget ban",
    }
    index = PointIndex((*story, *other), None, headlines)
    words = question_words("indiana school ban")[0]
    assert headlined(index, words, {}) == "w-indiana"
    assert headlined(index, question_words("widget ban")[0], {}) is None
    assert index.rank(words)[1] is None  # by its points alone, no article stands out
    assert index.rank(words, headlined="w-indiana")[1] == "w-indiana"
    assert index.rank(words, headlined="w-japan")[1] is None  # its points do not answer best


def test_a_story_is_not_led_by_its_commentary_opening(lib: Library) -> None:
    """ "Leaderboards are the closest thing the industry has to a league table …" opens the
    story but reports nothing (no figure, date, name or source): the news after it leads."""

    def pt(pos: int, text: str, quality: float) -> CatalogPoint:
        return CatalogPoint(f"w-arena:{pos}", text, ("w-arena",), "2026-05-29", quality=quality)

    story = (
        pt(0, "A week at the top: what Widget's slide on the Arena leaderboard tells us", 0.6),
        pt(1, "Leaderboards are the closest thing AI has to a league table of winners.", 0.6),
        pt(2, "Widget's W5, which entered the Arena leaderboard at the top, fell to third.", 1.4),
        pt(3, "W5's leaderboard rating rose three points, to 1,412, on 31,000 votes.", 1.5),
    )
    ans = answer(replace(lib, points=(*lib.points, *story)), "widget leaderboard")
    assert ans is not None and ans.lead.id == "w-arena:2"


def test_a_story_few_of_whose_points_hold_the_question_still_fills_a_reply(
    lib: Library,
) -> None:
    """ "westbrook cheating": the decision says so once, in its last line; the reply still
    gives the story's densest points, not one line."""
    decision = _article(
        "w-panel",
        "2026-07-08",
        "Panel decides ECON 2140 case",
        "On 19 May 2026, the course convenor referred 47 students to the integrity office.",
        "Thirty-one students admitted using Widget when presented with the evidence.",
        "Each of the 31 students will receive a mark of zero for the examination.",
        "The Westbrook Students' Union said it does not condone cheating.",
    )
    ans = answer(replace(lib, points=(*lib.points, *decision)), "westbrook cheating")
    assert ans is not None and len(ans.all_points) >= 3
    assert {p.sources for p in ans.all_points} == {("w-panel",)}


def test_the_storys_densest_fact_is_a_candidate() -> None:
    """ "freedonia school ban": the story asked about (headlined so, or answering far better
    than any other) gives its densest fact as a candidate, though it does not repeat the
    question's words ("takes effect on July 1, …"). With another article answering as well,
    no story is asked about, and only what the words reach is."""
    story = _article(
        "w-ban",
        "2026-03-30",
        "Freedonia became the first state to ban Widget from its public schools on Thursday.",
        "Freedonia schools must remove Widget from school devices by August 1.",
        "The law takes effect on July 1, 2026, with fines of up to $5,000 per violation.",
        "Critics said the measure was rushed.",
    )
    facts = replace(story[2], quality=3.0)
    index = PointIndex(
        (*story[:2], facts, story[3]), None, {"w-ban": "Freedonia bans Widget from schools"}
    )
    words = question_words("freedonia school ban")[0]
    ranked, found = index.rank(words, headlined="w-ban")
    assert found == "w-ban" and "w-ban:2" in {index.points[i].id for i, _ in ranked}
    ranked, found = index.rank(words)  # no headline echoed, but the one story answering
    assert found == "w-ban" and "w-ban:2" in {index.points[i].id for i, _ in ranked}
    rival = _article(
        "w-rival",
        "2026-03-31",
        "Sylvania said it would ban Widget from its public schools as Freedonia did.",
        "Sylvania schools must remove Widget from devices, the Freedonia way, officials said.",
    )
    index = PointIndex((*story[:2], facts, story[3], *rival))
    ranked, found = index.rank(words)
    assert found is None and "w-ban:2" not in {index.points[i].id for i, _ in ranked}


def test_a_hedging_word_does_not_turn_a_question_away(lib: Library) -> None:
    """ "how many users does widget actually have": "actually" says nothing of what is asked.
    Weighed as the rarest word it sank the answer below the bar, and a topic brief came
    instead of the users figure."""
    assert question_words("how many users does widget actually have")[0] == ["user", "widget"]
    users = _article(
        "w-users",
        "2026-06-03",
        "Widget had 118 million monthly active users in March, below the 160 million analysts "
        "had estimated.",
        "Analysts actually expected faster growth.",
    )
    ans = answer(
        replace(lib, points=(*lib.points, *users)), "how many users does widget actually have"
    )
    assert ans is not None and ans.lead.id == "w-users:0"


def test_whether_a_question_is_answered_is_judged_beyond_the_best_five_points(
    lib: Library,
) -> None:
    """ "monthly users in freedonia and sylvania": the best five points hold "monthly
    users"; the rarer "freedonia" and "sylvania" are in points further down. Judged on the
    five alone, the question had no answer at all."""
    users = _article(
        "w-users",
        "2026-06-03",
        *(
            f"Widget had {n} million monthly users in {m}, its tracker said."
            for n, m in (
                (118, "March"),
                (121, "April"),
                (125, "May"),
                (131, "June"),
                (140, "July"),
                (150, "August"),
            )
        ),
        "Analysts said the company, which sells phones, tablets, watches and laptops in most markets, was growing worldwide.",
        "Regulators in Freedonia, a small market that rarely attracts attention from large technology firms or their many investors, opened an inquiry.",
        "Its rival, which also makes tablets, laptops, speakers and televisions, sold more watches and phones in Sylvania last year than in any other of the many markets where it operates.",
    )
    ans = answer(
        replace(lib, points=(*lib.points, *users)),
        "monthly users in freedonia and sylvania",
    )
    assert ans is not None and ans.lead.sources == ("w-users",)


def test_a_place_is_found_by_the_word_for_its_people_and_back(lib: Library) -> None:
    """ "freedonia fine": the article writes "Freedonian users", never the
    country's name; asked about "freedonian users", an article on "Freedonia" answers."""
    names = frozenset({"freedonia", "freedonian", "italy", "italian", "germany", "german"})
    assert place_forms("freedonia", names, {}) == ("freedonian",)
    assert place_forms("italian", names, {}) == ("italy",)
    assert place_forms("germany", names, {}) == ("german",)
    assert place_forms("army", frozenset({"arm"}), {"army": 1.0}) == ()  # no name: no place
    fine = _article(
        "w-fine",
        "2026-07-16",
        "Widget was fined 1.9 billion crowns for sending Freedonian users' prompts abroad "
        "without consent.",
        "Its app had 1.2 million Freedonian users at its peak.",
    )
    other = _article(
        "w-other",
        "2026-07-01",
        "Regulators fined Acme for misleading advertising about its phones and its tablets.",
        "Acme said it would appeal the fine within the month allowed.",
    )
    library = replace(lib, points=(*lib.points, *fine, *other))
    ans = answer(library, "freedonia fine")
    assert ans is not None and ans.lead.id == "w-fine:0"


def test_a_question_asking_two_things_is_not_held_to_the_name_in_one(lib: Library) -> None:
    """ "widget monthly users worldwide and in freedonia": the first part names nothing, so
    the worldwide figure is an answer though its article never names Freedonia; a question
    about one named thing is still held to the articles that name it."""
    users = _article(
        "w-users",
        "2026-06-03",
        "Widget reached 182 million monthly users worldwide in May, up 29% since January.",
    )
    local = _article(
        "w-local",
        "2026-05-20",
        "Widget cars go on sale in Freedonia and Sylvania in the first quarter of 2027.",
        "Freedonia's regulator said it had questions for the carmaker.",
    )
    library = replace(lib, points=(*lib.points, *users, *local))
    ans = answer(library, "widget monthly users worldwide and in freedonia")
    assert ans is not None and "w-users:0" in {p.id for p in ans.all_points}
    ans = answer(library, "widget monthly users in freedonia")
    assert ans is not None and "w-users:0" not in {p.id for p in ans.all_points}


def test_asked_when_what_says_when_comes_first(lib: Library) -> None:
    """ "when can freedonians buy widget cars": of the points about the cars, the one that
    says when ("in the first quarter of 2027") leads; "buy" finds "on sale"."""
    cars = _article(
        "w-cars",
        "2026-05-20",
        "Widget's assistant now ships inside Acme cars in Freedonia, the carmaker said.",
        "The Freedonian cars will be a separate software build with Widget inside.",
        "The Acme L9 goes on sale in Freedonia in the first quarter of 2027.",
    )
    ans = answer(replace(lib, points=(*lib.points, *cars)), "when can freedonians buy widget cars")
    assert ans is not None and ans.lead.id == "w-cars:2"
    # "last week", "on Monday": no date a reader can place
    assert TIME_TEXT.search("W5, released last week on Monday, is cheaper.") is None
    assert TIME_TEXT.search("It launched on Jan. 20, 2025.") is not None


def test_what_changed_finds_what_fell_as_well_as_what_rose(lib: Library) -> None:
    """ "what changed in W5": a rate that fell is a change too, not only what was added."""
    w5 = _article(
        "w-update",
        "2026-05-28",
        "Widget released W5-0528 on Wednesday as a minor upgrade.",
        "W5-0528 is built on the same base model as W5.",
        "Developers can download W5-0528 from Widget's site.",
        "Widget did not say how W5-0528 was trained.",
        "Analysts called W5-0528 a routine release.",
        "W5-0528 is available in Widget's app.",
        "Widget's shares closed flat on the day.",
        "In a post, Widget said the error rate had fallen by roughly 45% in summarising tasks.",
    )
    library = replace(lib, points=(*lib.points, *w5))
    ans = answer(library, "what changed in w5-0528")
    assert ans is not None and "w-update:7" in {p.id for p in ans.all_points}


def test_the_kind_of_piece_asked_for_is_no_subject(lib: Library) -> None:
    """ "moe explainer", "w5 news": what kind of piece is wanted says nothing of what about.
    Weighed as a rare word, "explainer" (in one headline) sank the answer below the bar and a
    topic brief came instead."""
    assert question_words("moe explainer")[0] == ["moe"]
    assert question_words("widget w5 news recap")[0] == ["widget", "w5"]
    moe = _article(
        "w-moe",
        "2026-05-20",
        "Explainer: what is a mixture-of-experts model?",
        "Each MoE layer of W5 has 256 experts, of which a router picks 8 per token.",
        "W5 has 1.6 trillion parameters in total and 52 billion active per token.",
    )
    ans = answer(replace(lib, points=(*lib.points, *moe)), "moe explainer")
    assert ans is not None and ans.lead.sources == ("w-moe",)


def test_asked_for_pricing_the_price_per_token_beats_a_cost_to_train(lib: Library) -> None:
    """ "w5 pricing": a price is per token; "cost" alone also finds what training cost."""
    _, expanded = question_words("w5 pricing")
    assert "token" in expanded
    w5 = _article(
        "w-devcon",
        "2026-05-14",
        "A slide says W5's final training run cost about $9.8 million, Widget said.",
        "[Pricing for W5 (per million tokens):] Output: $0.80.",
    )
    ans = answer(replace(lib, points=(*lib.points, *w5)), "w5 pricing")
    assert ans is not None and ans.lead.id == "w-devcon:1"


def test_a_question_naming_two_things_is_answered_where_both_are_named(lib: Library) -> None:
    """ "how did acme stock react to gizmo-9": from the article naming Acme and Gizmo-9, not
    from an older Acme story that never names Gizmo-9."""

    points = _article(
        "acme-old",
        "2025-01-27",
        "Acme's stock fell 17% on Monday, its largest loss ever.",
        "Acme's stock recovered half of the loss the next week.",
        "Investors said Acme stock reacted to fears about AI spending.",
        "Acme stock had risen 200% in the year before the fall.",
    ) + _article(
        "g9-live",
        "2026-07-22",
        "Widget released Gizmo-9 with open weights on Tuesday.",
        "Acme shares were down 2.1% in New York after Gizmo-9 came out.",
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "how did acme stock react to gizmo-9")
    assert ans is not None
    assert {p.sources[0] for p in ans.all_points} == {"g9-live"}


def _lead(lib: Library, points: tuple[CatalogPoint, ...], question: str) -> str | None:
    """The id of the point that leads the answer from these points alone."""
    ans = answer(replace(lib, points=points), question)
    return ans.lead.id if ans is not None else None


def test_a_word_finds_the_others_of_its_family() -> None:
    """ "how did the market react" finds "reactions"; "cheaply" finds "cheaper"; "safe"
    finds "safety"; "regulate" finds "regulator" and "regulatory". Not a word that only
    looks alike: "apply" is no "app", "region" no "reg", "invest" no "inv"; and only for a
    word the coverage does not use itself ("offices" is no "officer")."""
    families = family(tokens("reactions cheaper safety regulator regulatory app region invest"))
    assert relatives(stem("react"), families) == (stem("reactions"),)
    assert relatives(stem("cheaply"), families) == (stem("cheaper"),)
    assert relatives(stem("safe"), families) == (stem("safety"),)
    assert set(relatives(stem("regulate"), families)) == {stem("regulator"), stem("regulatory")}
    assert relatives(stem("apply"), families) == ()
    assert root(stem("region")) == stem("region") and root(stem("invest")) == stem("invest")


@pytest.mark.parametrize(
    ("texts", "question", "expected"),
    [
        (
            {
                "w-market": "Reactions in the market were swift: Widget shares fell 9% early on.",
                "w-other": "The market for phones grew 4% in the quarter.",
            },
            "how did the market react",
            "w-market:0",
        ),
        # a word the coverage writes itself is found as written: "offices" is no "officer"
        (
            {
                "w-officer": "Widget's chief financial officer said it is opening a hub abroad, "
                "near its clients.",
                "w-office": "Widget opens its next office in Lagos.",
            },
            "widget offices abroad",
            "w-office:0",
        ),
    ],
)
def test_a_question_word_finds_its_family_where_the_coverage_lacks_it(
    lib: Library, texts: dict[str, str], question: str, expected: str
) -> None:
    points = tuple(p for aid, text in texts.items() for p in _article(aid, "2026-03-02", text))
    assert _lead(lib, points, question) == expected


def test_two_headlines_holding_a_question_alike_the_one_saying_it_as_a_phrase_is_the_story() -> (
    None
):
    """ "gizmo outage": "Live: Gizmo Cloud outage takes Widget offline" says it as a phrase;
    "Gizmo Cloud profit rises on AI demand, but trims target after Singapore outage" holds the
    same words far apart. A tie at the same distance names no story."""
    live = _article("w-live", "2026-05-21", "Gizmo Cloud's Singapore region suffered an outage.")
    results = _article("w-q2", "2026-08-12", "Gizmo Cloud's profit rose 12% in the quarter.")
    headlines = {
        "w-live": "Live: Gizmo Cloud outage takes Widget offline across Asia",
        "w-q2": "Gizmo Cloud profit rises on AI demand, but trims target after Singapore outage",
    }
    index = PointIndex((*live, *results), None, headlines)
    assert headlined(index, question_words("gizmo outage")[0], {}) == "w-live"
    assert headlined(index, question_words("gizmo cloud")[0], {}) is None


def _headlined(
    lib: Library, title: str, story: tuple[CatalogPoint, ...], *more: CatalogPoint
) -> Library:
    """The committed library with a made-up article (`story`, under this headline) and any
    other points added."""
    article = Article(
        id=story[0].sources[0],
        title=title,
        path=f"articles/{story[0].sources[0]}.md",
        summary=story[0].text,
        sha256="0" * 64,
    )
    return replace(
        lib,
        index=lib.index.model_copy(update={"articles": (article, *lib.index.articles)}),
        points=(*lib.points, *story, *more),
    )


def test_a_name_only_in_an_articles_headline_is_named_by_that_article(lib: Library) -> None:
    """ "when does the freedonia hall come online": the article about the hall names
    Freedonia only in its headline (its dateline is dropped); its points still answer a
    question held to the articles naming Freedonia."""
    hall = _article(
        "w-hall",
        "2026-02-09",
        "Widget has started building the second phase of its data centre campus.",
        "The first 50 megawatts of capacity are to come online in September 2026.",
    )
    other = _article(
        "w-racks",
        "2026-08-28",
        "Acme supplied the cooling racks for Widget's hall in Freedonia, people said.",
    )
    title = "Widget breaks ground on its second Freedonia compute hall"
    library = _headlined(lib, title, hall, *other)
    ans = answer(library, "when does the freedonia capacity come online")
    assert ans is not None and ans.lead.id == "w-hall:1"


def test_a_word_the_story_asked_about_does_not_hold_is_no_name_to_hold_to(
    lib: Library,
) -> None:
    """ "bug bounty max payout": "max" is written as a name only in "Gizmo-Max" elsewhere; the
    bug bounty story, which never says "max", still leads, not a payout of Gizmo-Max's."""
    bounty = _article(
        "w-bounty",
        "2026-05-02",
        "Widget launches a public bug bounty program with payouts of up to $150,000",
        "Widget today announced its public bug bounty program, run on the BountyDesk platform.",
        "Critical bugs pay up to $150,000; high-severity bugs up to $25,000.",
        "During the pilot, Widget paid a total of $212,000 in bounty rewards to 47 researchers.",
    )
    other = _article(
        "w-max",
        "2026-01-10",
        "Acme's Gizmo-Max model comes with a payout to partners of its cloud platform.",
        "The Gizmo-Max payout programme starts in June.",
    )
    ans = answer(replace(lib, points=(*lib.points, *bounty, *other)), "bug bounty max payout")
    assert ans is not None and ans.lead.sources == ("w-bounty",)


def test_a_part_name_the_best_answer_does_not_hold_is_a_word_with_no_story_too(
    lib: Library,
) -> None:
    """ "bug bounty max payout" with two bounty articles, neither far ahead of the other (no one
    story): "max" inside "Gizmo-Max" is still a word, not a name the answer is held to."""
    launch = _article(
        "w-bounty",
        "2026-03-18",
        "Widget opens a public bug bounty programme with rewards of up to $100,000.",
        "The bug bounty replaces an invitation-only scheme.",
    )
    raised = _article(
        "w-raise",
        "2026-06-02",
        "Widget raised the top bug bounty reward to $250,000 for critical flaws.",
        "In two months the bounty programme received 900 reports, 31 of them valid.",
    )
    other = _article(
        "w-max",
        "2026-01-10",
        "Acme's Gizmo-Max model comes with a payout to partners of its cloud platform.",
        "The Gizmo-Max payout programme starts in June.",
    )
    library = replace(lib, points=(*lib.points, *launch, *raised, *other))
    ans = answer(library, "bug bounty max payout")
    assert ans is not None
    assert ans.lead.sources[0] in ("w-bounty", "w-raise"), ans.lead
    assert sum(p.sources[0] != "w-max" for p in ans.all_points) >= 3, ans.all_points


def test_what_is_x_favours_sentences_that_say_what_x_is() -> None:
    """ "X, a …" right after the name (a suffix or a bracketed aside between) says what X is;
    "when X was released, the authority said" does not."""
    defines = definition("what is gadget")
    assert defines is not None
    for text in (
        "Widget released Gadget, a command-line coding tool, on Monday.",
        "Gadget-2, its newest agent, ships today.",
        "Gadget (released in April), the company's agent, was down for hours.",
        "Gadget is a coding tool that runs in a terminal.",
        "Its standout moment came with the launch of its Gadget coding agent in May.",
    ):
        assert defines.search(text), text
    for text in (
        "Use had grown quickly since April, when Gadget was released, the authority said.",
        "Teams moved to Gadget last year, a spokesperson said.",
    ):
        assert not defines.search(text), text


def test_an_interview_answer_is_found_by_the_question_it_answers(lib: Library) -> None:
    """ "how many people use gadget": the answer ("About 210,000 developers use it …") never
    names Gadget; the interviewer's question it answers does, and finds it."""
    asked = "Gadget has been out for a month. How many people are using it?"
    talk = (
        CatalogPoint(
            "w-talk:0",
            "Ana Ruiz runs Widget's developer platform, which includes the Gadget coding tool.",
            ("w-talk",),
            "2026-05-20",
            quality=1.5,
        ),
        *(
            CatalogPoint(f"w-talk:{n}", text, ("w-talk",), "2026-05-20", quality=1.5, asked=q)
            for n, text, q in (
                (1, "[Ana Ruiz:] About 210,000 developers use it every week.", asked),
                (2, "[Ana Ruiz:] We let a certificate expire on the gateway.", "What went wrong?"),
            )
        ),
    )
    launch = _article(
        "w-gadget",
        "2026-04-07",
        "Widget released Gadget, a command-line coding tool written in Rust.",
        "Gadget runs as a single binary on Linux, macOS and Windows.",
        "Gadget Teams costs $19 per seat per month.",
        "Gadget reads a project, proposes changes and runs its tests.",
        "Gadget's repository passed 14,300 stars within 72 hours.",
        "Gadget can call any model served over an OpenAI-compatible endpoint.",
        "Gadget's plan mode lists the steps it intends to take.",
    )
    library = replace(lib, points=(*lib.points, *talk, *launch))
    ans = answer(library, "how many people use gadget")
    assert ans is not None
    assert "w-talk:1" in [p.id for p in ans.all_points], [p.text for p in ans.all_points]
    unasked = tuple(replace(p, asked=None) for p in talk)
    ans = answer(
        replace(lib, points=(*lib.points, *unasked, *launch)), "how many people use gadget"
    )
    assert ans is None or "w-talk:1" not in [p.id for p in ans.all_points]  # words found it


def test_a_story_names_its_own_name_so_an_unknown_word_beside_it_is_no_veto(
    lib: Library,
) -> None:
    """ "why did quillgate bump its number up": "bump" is in no article, but Quillgate is a name
    a headline holds: the question is about its story. "weather in paris" stays unanswered."""
    story = _article(
        "w-quill",
        "2026-04-02",
        "Quillgate Research raised its estimate of Widget's training cost to $118 million.",
        "The new figure adds $38 million for ablation studies, according to Quillgate.",
    )
    library = _headlined(lib, "Quillgate raises its Widget cost estimate to $118 million", story)
    ans = answer(library, "why did quillgate bump its number up")
    assert ans is not None and ans.lead.sources == ("w-quill",)
    assert answer(library, "weather in paris") is None


def test_a_word_a_question_word_points_at_finds_its_other_forms(lib: Library) -> None:
    """ "how long was widget down": "down" points at "disruption", and so at "disrupted"."""
    outage = _article(
        "w-down",
        "2026-03-20",
        "Widget's API and chat app were disrupted for 6 hours and 40 minutes on Thursday.",
        "The error rate peaked at 87 percent of requests.",
    )
    other = _article(
        "w-grid",
        "2026-03-22",
        "Widget's Gansu site will reach 300 megawatts by 2028, down from 480 megawatts.",
    )
    ans = answer(replace(lib, points=(*lib.points, *outage, *other)), "how long was widget down")
    assert ans is not None and ans.lead.id == "w-down:0", ans.lead


def test_asked_about_deepseek_a_close_point_naming_it_leads(lib: Library) -> None:
    """ "is deepseek banned in freedonia": the regulator's order against DeepSeek leads, not
    its 2023 ban of another chatbot (which stays a point), nor a headline."""
    points = (
        *_article(
            "w-block",
            "2026-01-30",
            "Freedonia's regulator orders DeepSeek to stop processing Freedonians' data",
            "Freedonia's data authority on Thursday ordered the companies behind the DeepSeek "
            "chatbot to stop processing the data of Freedonian users.",
        ),
        CatalogPoint(
            "w-block:2",
            "Freedonia's regulator has acted before. It briefly banned Gizmo's chatbot in 2023 "
            "and, in December 2024, fined Gizmo €15 million.",
            ("w-block",),
            "2026-01-30",
            quality=2.2,
        ),
        *_article(
            "w-others",
            "2026-02-04",
            "Freedonia's data protection authority blocked the app last week, and regulators in "
            "Korea and France are examining how the company handles personal data.",
            "Texas banned the app on government devices on Jan. 31.",
        ),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "is deepseek banned in freedonia")
    assert ans is not None and ans.lead.id == "w-block:1", ans.lead
    assert "w-block:2" in [p.id for p in ans.points]


def test_an_update_that_holds_no_word_of_the_question_does_not_lead(lib: Library) -> None:
    """ "is there a batch discount now", about a price-list story: its new input price
    updates an older report, but says nothing of batches; the batch discount leads."""
    old = CatalogPoint(
        "w-old-prices:1",
        "Widget charges $0.28 per million input tokens on a cache miss.",
        ("w-old-prices",),
        "2025-09-05",
        quality=2.3,
        updated_by="w-prices:1",
    )
    story = _article(
        "w-prices",
        "2026-07-03",
        "Widget has announced its first broad change to API pricing in almost a year.",
        "Input tokens that miss the context cache will cost $0.20 per million, down from $0.28.",
        "Cached input tokens fall from $0.028 to $0.02 per million.",
        "Output tokens drop to $0.35 per million from $0.42.",
        "Developers can now submit jobs through a new endpoint, with results within 24 hours.",
        "Batch requests are billed at 40% of the standard rate, a 60% discount.",
    )
    story = tuple(replace(p, quality=2.3) for p in story)
    library = replace(lib, points=(*lib.points, old, *story))
    ans = answer(library, "is there a batch discount now")
    assert ans is not None and ans.lead.id == "w-prices:5"


def test_too_few_points_holding_the_question_are_filled_from_the_best_article(
    lib: Library,
) -> None:
    """ "why is w9 delayed": two articles say so in passing, neither far ahead of the other,
    and nothing else does; the reply still gives three points, the best article's densest
    after its match."""
    hbm = _article(
        "w-hbm",
        "2026-06-02",
        "Widget asked for roughly 100,000 Gizmo 950 units for delivery in the second half.",
        "Analysts say the squeeze will last well into next year.",
        "Widget's W9 is delayed because memory suppliers cannot ship enough HBM chips.",
    )
    hbm = (replace(hbm[0], quality=2.9), *hbm[1:])
    other = _article(
        "w-other",
        "2026-06-01",
        "Acme's phone launch was delayed too, and W9 users in Freedonia may wait longer.",
    )
    ans = answer(replace(lib, points=(*hbm, *other)), "why is w9 delayed")
    assert ans is not None and "w-hbm:0" in {p.id for p in ans.all_points}


def test_a_word_only_a_headline_holds_still_makes_the_question_answered(lib: Library) -> None:
    """ "how does widget deal with benchmark contamination": "contamination" is only in an
    interview's headline, "deal" nowhere; the interview still answers."""
    interview = _article(
        "w-eval",
        "2026-05-02",
        "[Ana Ruiz:] If more than 5 per cent of a benchmark's items show up, we stop using it.",
    )
    title = "Widget's evaluation chief on contamination, leaderboards and linguists"
    library = _headlined(lib, title, interview)
    ans = answer(library, "how does widget deal with benchmark contamination")
    assert ans is not None and ans.lead.id == "w-eval:0"
    assert answer(lib, "weather in paris") is None


def test_how_much_or_how_many_is_answered_by_the_kind_of_figure_asked_for(lib: Library) -> None:
    """ "how many users …" is answered first by a count of users, "how much power …" by
    megawatts (after the story's lede), "how much did … cost" by money, "how much cheaper" by
    a share or multiple; other questions favour no figure."""
    campus = _article(
        "w-campus",
        "2026-05-08",
        "Widget's Freedonia campus will use power from a new wind farm, officials said.",
        "The Freedonia campus is designed to draw 300 megawatts at full build-out.",
        "Widget's Freedonia campus cost 14 billion crowns, the filings show.",
        "Widget's Freedonia campus served 2.1 million users in its first month.",
    )
    both = replace(lib, points=(*lib.points, *campus))
    for question, lead in [
        ("how much power will the widget freedonia campus use", "w-campus:1"),
        ("how many users does the widget freedonia campus serve", "w-campus:3"),
    ]:
        ans = answer(both, question)
        assert ans is not None and ans.lead.id == "w-campus:0", question
        assert ans.points[0].id == lead, question
    assert quantity("how much did the campus cost") is MONEY
    assert quantity("who is suing widget and for how much") is MONEY
    assert quantity("how much cheaper is w5 than w4") is RATIO
    share = quantity("how much of widget's compute will be acme chips")  # what share
    assert share is not None and share.search("roughly a third of its training capacity")
    assert share.search("38% of its chips") and not share.search("18,000 chips")
    assert quantity("how much is widget relying on acme chips") is None
    assert quantity("how much is widget plus") is MONEY  # what it costs
    assert quantity("what did widget say about chips") is None
    users = quantity("how many users were hit")
    assert users is not None and users.search("about 1.1 million users of its app")
    assert not users.search("users of its app")
    # what is counted is the noun phrase's last word, in other words too, and never a year
    cars = quantity("how many widget cars were affected in freedonia")
    assert cars is not None and cars.search("The office puts the number at 9,300 vehicles.")
    assert not cars.search("beginning with the 2027 Widget Aurel sedan")
    assert cars.search("The decision put the number of affected vehicles at about 9,000.")
    assert counted(" gpus does widget have") == "gpus"
    assert counted(" huaxin cars were affected") == "cars"
    assert counted("?") is None


def test_asked_what_someone_said_what_was_said_comes_first(lib: Library) -> None:
    """ "what did widget say about chips": of the points about Widget's chips, the ones that
    give what was said (a quotation, a transcript's answer, "… said") come first."""
    chips = _article(
        "w-chips",
        "2026-07-16",
        "Widget trained W5 on 20,000 Acme chips over four months.",
        "Widget buys its chips mostly from Acme.",
        "[Ana Ruiz:] We could not build Widget on chips we do not control.",
    )
    ans = answer(replace(lib, points=(*lib.points, *chips)), "what did widget say about chips")
    assert ans is not None
    said = [p.id for p in ans.all_points]
    assert said.index("w-chips:2") < said.index("w-chips:1")
    assert SPEECH.search('Widget said it would "engage constructively".')
    assert not SPEECH.search("Widget trained W5 on 20,000 Acme chips.")


def test_asked_what_caused_a_story_the_story_explains_it_in_order(lib: Library) -> None:
    """ "what caused the widget outage": no point says "cause", but the story asked about
    explains itself after its lede: told in order, the faulty update is in the reply."""
    outage = _article(
        "w-down",
        "2026-03-19",
        "A Widget outage took its chat app and API down for seven hours on Tuesday.",
        "At the peak, 41% of API requests failed.",
        "A faulty firmware update knocked 3,072 servers offline at a data hall in Freedonia.",
        "Widget will credit paying customers 20% of their March bill.",
        "Enterprise customers will get a 30% credit under their contracts, Widget said.",
        "Widget's shares fell 4.2% on Wednesday.",
        "Widget had 12 million daily users in February, up 40% from January.",
        "Acme, Widget's cloud rival, reported no outage.",
    )
    others = (
        *_article("w-rumour", "2026-03-18", "Posts online said the Widget outage was a hack."),
        *_article("w-other", "2026-03-20", "Acme said the Widget outage did not affect it."),
    )
    both = _headlined(lib, "Widget outage: chat app and API down for seven hours", outage, *others)
    ans = answer(both, "what caused the widget outage")
    assert ans is not None
    assert [p.id for p in ans.all_points][:3] == ["w-down:0", "w-down:1", "w-down:2"]


def test_asked_what_caused_a_story_a_sentence_giving_a_cause_comes_first(lib: Library) -> None:
    """ "what caused the widget outage", of a long report: "Because of an error in our
    tooling, …" is told before the credits and the status page, though it comes after them."""
    report = _article(
        "w-report",
        "2026-03-09",
        "A Widget outage took its chat app and API down for seven hours on March 4.",
        "At the peak, 83% of API requests failed.",
        "Widget will credit paying customers 20% of their March bill.",
        "Enterprise customers will get a 50% credit under their contracts.",
        "The status page will be updated every 30 minutes during incidents.",
        "Widget will publish guidance for customers who call the API directly.",
        "Because of an error in Widget's deployment tooling, a router change reached all regions.",
    )
    library = _headlined(lib, "Incident report: March 4 Widget outage", report)
    ans = answer(library, "what caused the widget outage")
    assert ans is not None
    assert "w-report:6" in [p.id for p in ans.all_points][:3], ans.all_points


def test_a_companys_own_report_is_told_in_order_not_as_a_transcript(lib: Library) -> None:
    """ "[Acme:] …" throughout a report posted by Acme's own team is one voice telling a
    story, not a conversation: asked about it, it is told in order, not by the question's words
    (the credits "for the outage" do not jump ahead of what happened)."""
    report = _article(
        "w-own",
        "2026-03-09",
        "[Acme:] The Widget outage took our chat app and API down for seven hours.",
        "[Acme:] At the peak, 83% of our API requests failed.",
        "[Acme:] A router change reached all our regions at once.",
        "[Acme:] Credits for the outage will appear on April invoices.",
    )
    library = _headlined(lib, "Incident report: March 4 Widget outage", report)
    ans = answer(library, "widget outage")
    assert ans is not None
    given = [p.id for p in ans.all_points]
    assert given.index("w-own:1") < given.index("w-own:2") < given.index("w-own:3"), given


def test_asked_one_particular_the_story_is_not_told_in_order(lib: Library) -> None:
    """ "how long was widget down on march 11": one fact, so the reply ranks what answers it
    (another article's "… for 6 hours and 42 minutes") rather than telling the story asked
    about from its first sentence ("what caused …" still gets the story in order)."""
    texts = (
        "Widget published its incident report on the March 11 outage on Sunday.",
        "The eight-page document on the March 11 outage answers the biggest question.",
        "No, according to the company, the March 11 outage was not an attack.",
        "The company renews the certificates used by its API gateway on a schedule.",
        "That morning the script pushed a malformed bundle to 312 gateway nodes.",
        "Client retries then multiplied the load roughly elevenfold.",
        "API customers will receive a credit equal to 15% of their monthly bill.",
        "Certificate rotations will roll out in stages, starting with 2% of nodes.",
    )
    story = _article("w-post", "2026-03-16", *texts)
    timeline = _article(
        "w-year",
        "2026-10-05",
        "March 11 — A botched rotation takes down the Widget app for 6 hours and 42 minutes.",
    )
    library = _headlined(lib, "Widget's March 11 outage: the post-mortem", story, *timeline)
    ans = answer(library, "how long was widget down on march 11")
    assert ans is not None
    assert "w-year:0" in [p.id for p in ans.all_points], [p.text for p in ans.all_points]
    assert PARTICULAR.match("who found the database") and not PARTICULAR.match("why did it")


def test_asked_whether_something_is_back_the_newest_report_tells_its_story() -> None:
    """ "is widget back in the freedonian app store?": once the newest report leads, its
    article's other points come before the older report's, though they hold fewer of the
    question's words."""
    pulled = _article(
        "w-pulled",
        "2026-03-03",
        "The Widget app was pulled from Freedonia's app store.",
        "Existing installs of the Widget app still work in Freedonia.",
    )
    back = _article(
        "w-back",
        "2026-03-25",
        "The Widget app was back in Freedonia's app store on Tuesday.",
        "Widget moved Freedonian users' data to servers in Frankfurt.",
    )
    index = PointIndex((*pulled, *back))
    ranked = [(2, 1.1), (0, 1.0), (1, 0.9), (3, 0.6)]
    assert [index.points[i].id for i, _ in lead_told(index, ranked)] == [
        "w-back:0",
        "w-back:1",
        "w-pulled:0",
        "w-pulled:1",
    ]
    assert lead_told(index, []) == []


def test_who_asks_for_whoever_did_it_not_for_founders_or_companies(lib: Library) -> None:
    """ "who was to blame for the gizmo weights leak": the leak's story comes first, not "a
    company controlled by its founder" because "who" once pointed at those words."""

    def article(aid: str, day: str, quality: float, *texts: str) -> tuple[CatalogPoint, ...]:
        return tuple(
            CatalogPoint(f"{aid}:{n}", text, (aid,), day, quality=quality)
            for n, text in enumerate(texts)
        )

    points = (
        *article(
            "w-owner",
            "2026-01-05",
            2.5,
            "Gizmo Labs is a Hangzhou-based company controlled by its founder, Ada Quill.",
            "Gizmo Labs' founder, Ada Quill, also runs a company that trades shares.",
        ),
        *article(
            "w-leak",
            "2026-05-02",
            1.5,
            "Gizmo Labs traced the weights leak to a storage bucket run by Orrin, a contractor.",
            "Gizmo Labs said it had ended its contract with Orrin.",
        ),
        *article(
            "w-reg",
            "2026-05-20",
            1.5,
            "The regulator will examine whether the April leak of files from Gizmo Labs "
            "affected insurers.",
        ),
    )
    library = replace(lib, points=(*lib.points, *points))
    ans = answer(library, "who was to blame for the gizmo weights leak")
    assert ans is not None and ans.lead.id == "w-leak:0", ans.lead
    ids = [p.id for p in ans.all_points]
    first_owner = min((n for n, i in enumerate(ids) if i.startswith("w-owner")), default=len(ids))
    assert first_owner > ids.index("w-leak:1"), ids


def test_asked_what_someone_said_their_own_words_lead(lib: Library) -> None:
    """ "what did nvidia say": Gizmo's statement leads, not a chip count that names Gizmo."""
    points = (
        *(
            CatalogPoint(f"w-chips{n}:3", text, (f"w-chips{n}",), "2025-09-05", quality=2.6)
            for n, text in enumerate(
                (
                    "Widget's original W3 was trained on 2,048 Nvidia H800 chips.",
                    "Widget possesses 50,000 Nvidia H100 chips, an analyst suggested.",
                    "High-Flyer operates a cluster of 10,000 Nvidia A100 chips.",
                )
            )
        ),
        *_article(
            "w-gizmo",
            "2025-01-27",
            "Chip stocks fell sharply on Monday as investors sold.",
            '"Widget is an excellent advance," [Nvidia] said in a statement.',
            "The Nasdaq lost 3.1% in the session.",
        ),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "what did nvidia say")
    assert ans is not None and ans.lead.id == "w-gizmo:1", ans.lead


def test_asked_what_an_interviewee_said_their_weightiest_words_come_first(lib: Library) -> None:
    """ "what did ruiz say": the interview is the story asked about, but the reply gives
    Ruiz's answers that say most (figures, places), not her first six in reading order."""
    talk = _article(
        "w-talk",
        "2026-05-06",
        "Ana Ruiz joined Widget in March as head of policy for Europe.",
        "[Ana Ruiz:] Thank you for having me.",
        "[Ana Ruiz:] It has been a busy few weeks.",
        "[Ana Ruiz:] I spend a lot of time on trains.",
        "[Ana Ruiz:] My team is small but growing.",
        "[Ana Ruiz:] We talk to regulators every week.",
        "[Ana Ruiz:] I like the job.",
        "[Ana Ruiz:] Our monthly active users in Freedonia are fewer than 400,000.",
        "[Ana Ruiz:] We are opening an office in Dublin with about 120 people by 2027.",
    )
    # the builder rates points with figures, places and dates as denser (select.quality)
    talk = (*talk[:7], *(replace(p, quality=3.0) for p in talk[7:]))
    both = _headlined(lib, "Ana Ruiz: 'We were slow, and we paid for it'", talk)
    ans = answer(both, "what did ruiz say")
    assert ans is not None
    ids = [p.id for p in ans.all_points]
    assert "w-talk:7" in ids and "w-talk:8" in ids, ids


def test_asked_whats_new_the_newest_articles_ledes_answer(lib: Library) -> None:
    """ "what's new", "latest", "any news this week": the newest dated articles' ledes, newest
    first, not points that happen to say "new" or "latest"; an undated article is oldest, and
    a report a newer one replaced is no news."""
    older = _article(
        "w-old", "2026-01-05", "Widget released its latest model, W4, on Monday with new tools."
    )
    replaced = (
        replace(
            _article("w-ban", "2026-02-01", "Freedonia banned the Widget app on Sunday.")[0],
            updated_by="w-lift:0",
        ),
    )
    lift = _article("w-lift", "2026-03-01", "Freedonia lifted its ban on the Widget app.")
    newest = _article(
        "w-cut",
        "2026-03-20",
        "Widget cuts W5 prices by 40%",  # a headline: no statement to lead with
        "Widget cut the price of W5 by 40% on Thursday, its second cut this year.",
    )
    both = replace(lib, points=(*lib.points, *older, *replaced, *lift, *newest))
    for question in ("what's new", "latest", "any news this week?", "updates"):
        ans = answer(both, question)
        assert ans is not None, question
        ids = [p.id for p in ans.all_points]
        assert ids[:3] == ["w-cut:1", "w-lift:0", "w-old:0"], (question, ids)
        assert "w-ban:0" not in ids
        assert all(p.published for p in ans.all_points)  # the seeds are undated: no news
    assert not news_only("what is new in w5")  # a subject: answered as a question
    assert news_only("what's the latest")
    # the committed seeds are undated: no news to list, so the overview answers
    assert _header(topic_reply(lib, "what's new")) == _header(topic_reply(lib, ""))


def test_asked_why_or_when_the_old_report_stays_beside_its_update(lib: Library) -> None:
    """ "why did freedonia suspend widget": the suspension's report answers, though a later
    lifting updates it; the lifting follows it. Asked what holds now, the lifting replaces it."""
    order = (
        replace(
            _article(
                "w-order",
                "2026-02-09",
                "Freedonia ordered Widget to suspend processing users' data, citing transfers "
                "of chats abroad.",
            )[0],
            updated_by="w-lift:0",
        ),
    )
    lift = _article("w-lift", "2026-03-24", "Freedonia lifted its suspension of Widget's app.")
    both = replace(lib, points=(*lib.points, *order, *lift))
    why = answer(both, "why did freedonia suspend widget")
    assert why is not None
    ids = [p.id for p in why.all_points]
    assert "w-order:0" in ids and "w-lift:0" in ids, ids
    now = answer(both, "freedonia suspension of widget")
    assert now is not None
    assert "w-order:0" not in [p.id for p in now.all_points]


def test_a_question_that_only_names_a_story_is_told_the_story_in_order(lib: Library) -> None:
    """ "freedonia widget ban": every word is in the story's headline or opening, so the
    question asks for the story, not a detail; its points follow the lede in reading order,
    the deadline and who is exempt included."""
    ban = _article(
        "w-ban",
        "2026-02-04",
        "Freedonia has ordered all government bodies to remove Widget's apps from their "
        "devices, the interior minister said on Tuesday.",
        "The ban covers phones and laptops issued to officials.",
        "The minister said the decision followed a threat assessment by intelligence agencies.",
        "Agencies have 30 days to comply.",
        "Private users are not affected.",
    )
    others = _article(
        "w-region", "2026-03-01", "Acme said the ban on Widget would not hurt its sales."
    )
    both = _headlined(lib, "Freedonia bans Widget from government devices", ban, *others)
    ans = answer(both, "freedonia widget ban")
    assert ans is not None
    ids = [p.id for p in ans.all_points]
    assert ids[:5] == ["w-ban:0", "w-ban:1", "w-ban:2", "w-ban:3", "w-ban:4"], ids


def test_money_is_money_in_any_currency_as_written() -> None:
    """ "how much …" favours money: ringgit, won and rupees as a news report writes them too."""
    for text in ("a fine of RM1.2 million", "₩3.9 billion", "Rs 40 crore", "S$12 million"):
        assert MONEY.search(text), text
    assert not MONEY.search("28 hospitals and 41 centres")


def test_a_deal_is_found_as_the_agreement_it_is_and_its_value_as_its_worth() -> None:
    """ "acme widget deal value": the article writes "agreement" and "worth"; its
    chief executive's "journalism has value" is no answer."""
    points = _article(
        "w-deal",
        "2026-05-07",
        "Acme Press Group reported results for the first quarter on Thursday.",
        '"Quality journalism has value, and that value must be recognised," Acme Press Group\'s '
        "chief executive said.",
        "The agreement with Widget is worth €48 million over three years, Acme Press Group said.",
    )
    _, expanded = question_words("acme widget deal value")
    ranked, _ = PointIndex(points).rank(expanded)
    assert ranked[0][0] == 2, [points[i].text for i, _ in ranked]


def test_how_much_means_a_cost_only_when_no_other_word_says_what_money() -> None:
    """ "how much are the authors suing for" asks for damages: a price list, which says
    "cost", is no answer. "how much is widget plus" asks what it costs."""
    assert "cost" not in question_words("how much are the authors suing widget for?")[1]
    assert "cost" not in question_words("how much is acme paying widget for the deal")[1]
    assert "cost" in question_words("how much is widget plus")[1]


def test_a_suspension_is_found_as_the_order_to_stop_it_was() -> None:
    """ "why did the regulator suspend the tool": the order itself is written "stop using",
    "halt" or "switched off"; those words find it too."""
    for question in ("why did the regulator suspend acme's tool?", "acme tool suspended"):
        expanded = question_words(question)[1]
        assert {"stop", "halt"} <= {w[:4] for w in expanded}, expanded


def test_an_abbreviation_of_ordinary_words_holds_no_answer_to_its_articles(lib: Library) -> None:
    """ "ota fix installed": OTA is "over-the-air (OTA)", no name like Cisco, so the answer
    is not held to the one article that writes the letters."""
    release = _article(
        "w-launch",
        "2026-01-10",
        "Acme's in-car assistant will be delivered by over-the-air (OTA) update from March.",
        "The OTA update will roll out in stages, starting with the S7.",
    )
    recall = _article(
        "w-recall",
        "2026-04-20",
        "Acme said 38% of the recalled cars had installed the over-the-air fix by Thursday.",
    )
    ans = answer(
        replace(lib, points=(*lib.points, *release, *recall)),
        "what share of recalled acme cars have the ota fix installed",
    )
    assert ans is not None and "w-recall:0" in [p.id for p in ans.all_points], [
        p.text for p in ans.all_points
    ]


def test_what_someone_said_about_a_thing_leads_with_their_words_on_it(lib: Library) -> None:
    """ "what did gao say about open weights": of Gao's words, those on open weights lead,
    not a user count attributed to Gao that outranks them on its figures."""

    def pt(pos: int, text: str, quality: float) -> CatalogPoint:
        return CatalogPoint(f"w-hearing:{pos}", text, ("w-hearing",), "2026-04-08", quality=quality)

    points = (
        pt(
            0,
            "Widget has about 1.2 million monthly active users in Marenthia, according to Gao.",
            4.0,
        ),
        pt(1, "Gao says watermarks will not cover third parties using Widget's open weights.", 1.0),
        pt(2, "Lawmakers questioned Widget for three hours on Tuesday.", 1.0),
    )
    ans = answer(replace(lib, points=(*lib.points, *points)), "what did gao say about open weights")
    assert ans is not None and ans.lead.id == "w-hearing:1", [p.text for p in ans.all_points]


def test_what_someone_said_about_a_story_leads_with_their_words_in_it(lib: Library) -> None:
    """ "what did peter kamau say about lumo tutor": his words in the Lumo Tutor story lead,
    though they do not name it, and a feature's present tense ("argues Dr Peter Kamau") is a
    verb of saying; the story's own "Lumo Tutor says …" is not his."""

    def pt(pos: int, text: str, quality: float) -> CatalogPoint:
        return CatalogPoint(f"w-tutor:{pos}", text, ("w-tutor",), "2026-06-08", quality=quality)

    points = (
        pt(
            0, "Lumo Tutor says it now has 230,000 students across nine counties of Freedonia.", 3.0
        ),
        pt(
            1,
            "Families pay 50 shillings a week, and schools in the Lumo Tutor pilot pay nothing.",
            2.0,
        ),
        pt(
            2,
            '"We are outsourcing the thinking of our children to a model trained elsewhere," '
            "argues Dr Peter Kamau, a lecturer at Lake Region University.",
            0.9,
        ),
    )
    ans = answer(
        replace(lib, points=(*lib.points, *points)), "what did peter kamau say about lumo tutor"
    )
    assert ans is not None and ans.lead.id == "w-tutor:2", [p.text for p in ans.all_points]


def test_an_abbreviated_name_finds_the_articles_that_write_it_out(lib: Library) -> None:
    """ "owf vote tally": one release writes "Open Weights Foundation (OWF)", the interview
    that gives the tally only "the Open Weights Foundation"; the answer is not held to the
    release."""
    release = _article(
        "w-owf",
        "2026-05-10",
        "The Open Weights Foundation (OWF) admitted Widget as a member after a vote on Monday.",
        "OWF does not publish individual vote counts for membership decisions.",
    )
    interview = _article(
        "w-chair",
        "2026-05-20",
        "The Open Weights Foundation's chair said 61 members voted in favour of Widget's "
        "membership, 23 against and nine abstained.",
    )
    ans = answer(
        replace(lib, points=(*lib.points, *release, *interview)), "owf vote tally on membership"
    )
    assert ans is not None and "w-chair:0" in [p.id for p in ans.all_points], [
        p.text for p in ans.all_points
    ]


def test_asked_about_a_roundups_item_the_reply_tells_that_item_alone(lib: Library) -> None:
    """ "why did gizmo cut the g7 price" of a newsletter headlined with three items: the reply
    tells the Gizmo item, not the rule delay or the court date under the other headings."""
    roundup = _article(
        "w-weekly",
        "2026-04-14",
        "It was a busy week: Washington delayed a rule, Gizmo cut prices, a court set a date.",
        "Washington delays the memory rule to July 1",
        "The Commerce Department said on Friday it would delay its memory rule to July 1.",
        "The rule now covers only hybrid bonding tools, and Gizmo remains on the Entity List.",
        "Gizmo cuts the G7 price by nearly a quarter",
        "Gizmo cut the price of its G7 accelerator to 99,000 yuan from 128,000 yuan.",
        "Gizmo did not give a reason, but its yields have risen to 71%, analysts said.",
        "Singapore court sets a verdict date",
        "A Singapore judge will deliver her verdict on May 7 in the server case.",
    )
    title = "Weekly: memory rule delayed, Gizmo cuts G7 price, Singapore verdict date set"
    library = _headlined(lib, title, roundup)
    ans = answer(library, "why did gizmo cut the g7 price")
    assert ans is not None
    given = [p.id for p in (ans.lead, *ans.points)]
    assert "w-weekly:6" in given, given
    assert not {"w-weekly:2", "w-weekly:3", "w-weekly:8"} & set(given), given


def test_a_roundups_headline_names_a_story_by_one_of_its_items(lib: Library) -> None:
    """ "The Weekly: DeepSeek cuts V4 prices again, R3 verified, Acme rallies" lists three
    stories: "how did acme respond to deepseek v4" is asked of none of them, though the
    headline holds all but one word; "acme rallies" is the third item's story."""
    digest = _article(
        "w-digest",
        "2026-05-06",
        "From May 5, the DeepSeek-V4 API costs $0.18 per million input tokens.",
        "Acme shares rose 9% after its earnings.",
    )
    other = _article("w-acme", "2026-03-24", "Acme halved its prices on March 23 after V4.")
    headlines = {a.id: a.title for a in lib.articles} | {
        "w-digest": "The Weekly: DeepSeek cuts V4 prices again, R3 verified, Acme rallies",
        "w-acme": "We will not be out-priced: a chat with Acme's chief executive",
    }
    index = PointIndex((*lib.points, *digest, *other), None, headlines)
    asked = question_words("how did acme respond to deepseek v4")[0]
    assert headlined(index, asked, {}) is None
    assert headlined(index, question_words("acme rallies")[0], {}) == "w-digest"
    assert title_items(headlines["w-digest"]) == [
        "DeepSeek cuts V4 prices again",
        "R3 verified",
        "Acme rallies",
    ]
    assert title_items("Lumora reaches 520,000 cars, leans on the chip") == [
        "Lumora reaches 520,000 cars",
        "leans on the chip",
    ]


def test_a_story_told_gives_the_points_holding_the_question_before_the_rest(
    lib: Library,
) -> None:
    """ "how did acme do in q4", of its earnings call: the fourth-quarter figures are told
    before the chief executive's remarks on other things, though they come later."""
    call = _article(
        "w-call",
        "2026-03-19",
        "[Ana Ruiz:] Demand for Acme's packaging grew faster than we expected.",
        "[Ana Ruiz:] 2025 was the strongest year in our history.",
        "[Ana Ruiz:] We plan to reach 15,000 wafers per month by the end of 2026.",
        "[Ana Ruiz:] We have 46 bonding tools installed in Wuxi.",
        "[Ana Ruiz:] We are qualifying domestic bonding tools from a supplier.",
        "[Ana Ruiz:] Our spare parts cover about nine months of normal operation.",
        "[Leo Park:] Fourth-quarter revenue was 1.36 billion yuan, up 58% from a year earlier.",
    )
    library = _headlined(lib, "Acme Q4 and full-year 2025 earnings call transcript", call)
    ans = answer(library, "how did acme do in q4")
    assert ans is not None
    assert "w-call:6" in [p.id for p in (ans.lead, *ans.points)]


def test_a_speakers_turn_is_found_a_little_by_its_headline(lib: Library) -> None:
    """ "[Dana Ruiz:] We responded to Widget … by cutting our prices in half." is Acme's chief
    executive on Acme's earnings call: asked "how did acme respond to widget", it leads."""
    call = _article(
        "w-acme-call",
        "2026-04-30",
        "[Dana Ruiz:] We responded to Widget on March 23 by cutting our prices in half.",
        "[Dana Ruiz:] Usage more than doubled in April.",
    )
    noise = _article(
        "w-noise",
        "2026-04-30",
        "Acme's shares rose 9% on April 30.",
        "Widget has responded in kind to the price war, analysts at Halbrook said on Tuesday.",
    )
    library = _headlined(lib, "Acme Q1 2026 earnings call transcript", call, *noise)
    ans = answer(library, "how did acme respond to widget")
    assert ans is not None and ans.lead.id == "w-acme-call:0", ans.lead


def test_asked_how_big_the_figures_that_size_it_lead(lib: Library) -> None:
    """ "how big is the widget power deal": "up to 1.4 GW" leads, not "a large power deal";
    a size is power, money or a count ("how big is the cluster": "9,000 chips")."""
    talk = _article(
        "w-talk",
        "2026-04-30",
        "[Ana Ruiz:] Widget has signed a large green power deal in Freedonia.",
    )
    deal = _article(
        "w-deal",
        "2026-04-02",
        "Under the deal, Acme will build up to 1.4 GW of wind and solar capacity for Widget.",
    )
    ans = answer(
        replace(lib, points=(*lib.points, *talk, *deal)), "how big is the widget power deal"
    )
    assert ans is not None and "1.4 GW" in ans.lead.text, ans.lead
    size = quantity("how big is the widget cluster")
    assert size is not None and size.search("a cluster of 9,000 chips")
    assert not size.search("a cluster in Freedonia")


def test_asked_what_a_rule_requires_what_someone_must_do_leads(lib: Library) -> None:
    """ "what does the widget rule require": "Vendors must delete the app by March 31" leads,
    not "The rule was announced on Thursday" (which holds as many of the question's words)."""
    told = _article("w-told", "2026-02-21", "The Widget rule was announced on Thursday.")
    rule = _article(
        "w-rule",
        "2026-02-20",
        "Under the Widget rule, state employees must delete the app from their work phones and "
        "laptops by March 31, 2026.",
    )
    library = replace(lib, points=(*lib.points, *told, *rule))
    ans = answer(library, "what does the widget rule require")
    assert ans is not None and ans.lead.id == "w-rule:0", ans.lead
    assert obliged("what did the guidance require") is not None
    assert obliged("what did the guidance say") is None


def test_asked_what_deepseek_said_its_words_come_first(lib: Library) -> None:
    """ "what did deepseek say about the gizmo leak": DeepSeek, the coverage's subject, is who
    is asked about (no word the ranking can use): its words on the leak come before Gizmo's
    "Gizmo said it would not appeal", though that one updates an older report."""
    live = _article(
        "w-leak",
        "2026-03-04",
        "An exposed storage bucket at Gizmo, a DeepSeek hosting partner, leaked chat logs.",
        "DeepSeek says its own systems were not affected.",
        "Gizmo said it would appeal any fine over the leak.",
    )
    ruling = _article(
        "w-ruling",
        "2026-06-23",
        "Gizmo said it accepted the judgment over the leak and would not appeal.",
        "DeepSeek said it welcomed the ruling, which cleared it of any part in the Gizmo leak.",
    )
    older = replace(live[2], updated_by="w-ruling:0")
    library = _headlined(
        lib,
        "Live: exposed bucket at DeepSeek partner Gizmo leaks chat logs",
        (*live[:2], older),
        *ruling,
    )
    ans = answer(library, "what did deepseek say about the gizmo leak")
    assert ans is not None
    given = [p.id for p in (ans.lead, *ans.points)]
    assert set(given[:2]) == {"w-leak:1", "w-ruling:1"}, given


def test_the_points_that_fit_come_first_in_their_order_and_again_narrower() -> None:
    """What reorders a reply for "what did ruiz say about the export rule": her words in an
    article about the rule first, then, applied again, her words naming it before those."""
    ranked = [(0, 1.0), (1, 0.9), (2, 0.6), (3, 0.5), (4, 0.1)]
    hers = {1, 3, 4}  # (4 scores under the share: too far from the question to move)
    naming = {3}
    once = fits_first(ranked, hers.__contains__, 0.2)
    assert [i for i, _ in once] == [1, 3, 0, 2, 4]
    assert all(a[1] >= b[1] for a, b in itertools.pairwise(once))
    twice = fits_first(once, naming.__contains__, 0.2)
    assert [i for i, _ in twice] == [3, 1, 0, 2, 4]


def test_asked_who_a_sentence_introducing_someone_the_question_does_not_name_is_favoured() -> None:
    """ "who won the acme hackathon": "Grand prize (…): Sprout Relay, a team of …" introduces
    someone, and "won" finds the winner and the prize; "The Acme Hackathon, a 48-hour event"
    introduces only what the question names; "who is X" asks what X is."""
    who = introduced("who won the acme hackathon")
    assert who is not None
    assert who.search("Grand prize (300,000 yuan): Sprout Relay, a team of three students.")
    assert who.search("Desmond Koh, 38, a director of Meridian Orbit, faces five charges.")
    assert not who.search("The Acme Hackathon, a 48-hour event, opened on Saturday.")
    assert introduced("who is liang wenfeng") is None
    assert introduced("what did acme say") is None
    _, expanded = question_words("who won the acme hackathon")
    assert {"winner", "priz"} <= set(expanded)


def test_a_month_in_a_question_names_no_story(lib: Library) -> None:
    """ "what changed in the najd deal since march": "March" is capitalised in the news but
    names no one, so the answer is not held to any article that writes "March" (a chip index's
    "steepest drop since March 2020"), but to those naming the deal."""
    deal = _article(
        "w-najd",
        "2026-04-15",
        "Acme and Sahm signed the definitive Najd agreement on Monday; the first phase will cost "
        "$850 million, well above the $600 million first reported.",
    )
    market = _article(
        "w-index",
        "2026-04-16",
        "The chip index fell 9.2% on Tuesday, its steepest drop since March 2020.",
    )
    library = replace(lib, points=(*lib.points, *deal, *market))
    ans = answer(library, "what changed in the najd deal since march")
    assert ans is not None and ans.lead.id == "w-najd:0", ans.lead
    assert "w-index:0" not in [p.id for p in ans.all_points]


def test_a_section_whose_heading_asks_the_question_is_the_story(lib: Library) -> None:
    """ "why did widget extend the migration deadline", of a newsletter whose headline names
    other things: the part under "Widget extends the W4 migration deadline to September 15"
    is told, the petition that explains it early, not a hackathon's deadline."""
    weekly = _article(
        "w-diff",
        "2026-04-22",
        "Your Wednesday roundup of what changed for developers.",
        "Widget extends the W4 migration deadline to September 15",
        "Widget has moved the sunset date for its old model aliases from June 30 to September "
        "15, 2026.",
        "A public petition asking for more time, started by the maintainers of three coding "
        "assistants, collected about 2,700 signatures from developers.",
        "The legacy completion endpoint will keep running until December 31, 2026.",
        "Hackathon sign-ups open",
        "Registration opened on Friday for the Widget hackathon on May 9 and 10.",
    )
    other = (
        *_article(
            "w-hack", "2026-05-11", "Of the 640 teams, 571 submitted a project before the deadline."
        ),
        *_article(
            "w-explain",
            "2026-03-04",
            "Widget told developers that the migration to W4 must be finished by the June 30 "
            "deadline.",
            "The migration deadline applies to every integration that hard-codes the old names.",
            "Widget said the reason for the migration is that the old models cost more to serve.",
        ),
    )
    library = _headlined(
        lib,
        "The Diff: Widget blinks, SDK 2.0 passes a million installs, hackathon opens",
        weekly,
        *other,
    )
    ans = answer(library, "why did widget extend the migration deadline")
    assert ans is not None
    given = [p.id for p in ans.all_points]
    assert given.index("w-diff:3") <= 2, given  # the petition, told with its part
    assert not {"w-hack:0", "w-diff:6"} & set(given), given
