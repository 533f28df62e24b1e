"""Selecting points: what qualifies, fact density, near-duplicates and MMR."""

from __future__ import annotations

import pytest

from bot.builder.select import (
    Candidate,
    common_clause,
    has_finite_verb,
    in_own_voice,
    mmr,
    point_text,
    quality,
    reports_event,
)
from bot.builder.standalone import dependent


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


def test_a_speaker_label_before_a_stage_direction_or_an_ellipsis_is_trimmed() -> None:
    """ "TANG WEI: ...which brings me to the new site." and "ANA RUIZ: [laughs] We shipped
    …" lose their labels as any turn does."""
    got = point_text("Ana Ruiz: [laughs] We shipped 40,000 chips to the new site.", spoken=True)
    assert got is not None and got[0] == "[laughs] We shipped 40,000 chips to the new site."
    got = point_text("Tang Wei: ...which brings me to the new campus in Inner Mongolia.")
    assert got is None or not got[0].startswith("Tang Wei:")


def test_point_text_drops_labels_that_are_the_subject_and_rejects_non_points() -> None:
    # "Label: <verb> ..." — the label is the subject: with it the point reads as a note, without
    # it the clause has no subject; either way it is not a key point
    assert (
        point_text(
            "DeepSeek: Achieved immediate market validation and significant visibility in the US."
        )
        is None
    )
    assert (
        point_text(
            "Predictions and Expectations: Expect increased pressure on US firms to publicly "
            "demonstrate tangible performance advantages that justify their pricing."
        )
        is None
    )
    assert (
        point_text(
            "US AI Developers (e.g., Anthropic, Google): Must now compete not only on performance "
            "but also on price and openness."
        )
        is None
    )
    assert (
        point_text("What makes DeepSeek’s AI model so intriguing to investors and analysts?")
        is None
    )
    # "According to …" says whose account follows, not what the label did: the label goes
    heard = point_text(
        "What we heard: According to three people involved, Widget ran two clusters of "
        "8,192 chips from September."
    )
    assert heard == (
        "According to three people involved, Widget ran two clusters of 8,192 chips from "
        "September.",
        False,
    )
    assert point_text("Too short.") is None
    assert (
        point_text("Date: Over the weekend (Implied recent launch of the app in the US store)")
        is None
    )


def test_point_text_trims_a_heading_label_and_keeps_the_clause_verbatim() -> None:
    sentence = (
        "Market Impact (Short Term): Nvidia lost nearly $600 billion in market value on "
        "January 27, its largest one-day loss."
    )
    text, fragment = point_text(sentence)  # type: ignore[misc]
    assert text.startswith("Nvidia lost") and text in sentence and not fragment


def test_point_text_rejects_verbless_phrases() -> None:
    assert point_text("Scrutiny on the veracity of the OpenAI distillation allegations.") is None
    assert (
        point_text("Key risks: Ongoing scrutiny of the data practices of the Hangzhou start-up.")
        is None
    )


def test_has_finite_verb_is_rough_but_finds_verbs_in_statements() -> None:
    for sentence in (
        "The launch of Janus-Pro indicates rapid expansion into multimodal capabilities.",
        "AI systems learn by finding patterns in large amounts of data, like text and images.",
        "There’s still a gap from a skills standpoint for most of the channel partners.",
        "Liang’s presence highlights Beijing’s interest in leveraging DeepSeek’s success.",
        "DeepSeek trained DeepSeek-V3 for a reported $5.6 million using Nvidia H800 GPUs.",
        "OpenAI has since uncovered evidence that its models were used by DeepSeek.",
        "Yesterday DeepSeek cut the price of its API again, by half.",  # "cut" after a name
        "Nvidia hit a record high on Friday after the results.",
        "We now estimate the lab's capital expenditure at RMB 26 billion.",  # an adverb between
    ):
        assert has_finite_verb(sentence), sentence
    for phrase in (
        "Scrutiny on the veracity of the OpenAI distillation allegations.",
        "Ongoing scrutiny of the data practices of the Hangzhou start-up.",
        "A new era of low-cost reasoning for the rest of the world.",
        "The cut in prices for the reasoning model.",  # "cut" after "The": a noun
        "The now famous lab in the hills above Hangzhou.",
    ):
        assert not has_finite_verb(phrase), phrase


def test_reports_event_tells_news_from_commentary() -> None:
    assert reports_event("OpenAI has since uncovered evidence that DeepSeek used its models.")
    assert reports_event("Nvidia lost more than USD500bn of market value on January 27.")
    assert not reports_event("The allegations of distillation introduce legal risk if verified.")
    assert not reports_event("The unresolved allegations pose a significant reputational threat.")


def test_pronoun_and_connective_openers_are_dependent() -> None:
    for sentence in (
        "However, it faces ongoing scrutiny regarding ethical sourcing of training data.",
        "This is common practice in AI development, but OpenAI claims DeepSeek went too far.",
        "In fact, it was only established as recently as 2023.",
        "Its AI Assistant has surpassed ChatGPT as the top-rated free app on the App Store.",
        "This, on January 27, led to the loss of more than USD500bn from Nvidia’s value.",
        "Meanwhile, the company has also faced accusations of spreading Chinese propaganda.",
        "They are developed by strong researchers and engineers who publish what they do.",
    ):
        assert dependent(sentence), sentence
    for sentence in (
        "The Trump administration has stated that Washington must remain the leader in AI.",
        "In Washington, policymakers will weigh whether the current sanctions are fit for purpose.",
        "Theseus-style benchmarks are not used by DeepSeek or OpenAI.",
        "So-called distillation uses the outputs of a larger model to train a smaller one.",
        "This reporter learned from two sources that Widget completed its first funding round.",
    ):
        assert not dependent(sentence), sentence


def test_quality_prefers_self_contained_sentences() -> None:
    standalone = quality(
        "OpenAI claims DeepSeek took distillation too far in developing its rival model.", False
    )
    leaning = quality(
        "This is common practice, but OpenAI claims DeepSeek took it too far in developing its rival model.",
        False,
    )
    connective = quality(
        "However, it faces ongoing scrutiny from OpenAI regarding the sourcing of training data.",
        False,
    )
    assert standalone > 2 * leaning
    assert standalone > 2 * connective


def test_quality_prefers_reported_facts_over_commentary_and_noun_phrases() -> None:
    fact = quality(
        "DeepSeek used a technique known as distillation, training on outputs of larger models.",
        False,
    )
    commentary = quality(
        "The allegations of distillation introduce legal and reputational risk if verified.", False
    )
    attributed = quality("Microsoft alleges DeepSeek distilled the work of OpenAI models.", False)
    verbless = quality("Scrutiny on the veracity of the OpenAI distillation allegations.", False)
    assert fact > 1.2 * commentary
    assert attributed > 1.3 * commentary
    assert commentary > 1.5 * verbless


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


def test_mmr_leaves_out_weak_points_once_it_has_enough() -> None:
    strong = [
        _cand("DeepSeek trained its V3 model for $5.6 million on Nvidia H800 chips.", "a", 3.0),
        _cand("Nvidia lost more than USD500bn of market value on January 27.", "b", 2.5, 1),
        _cand("Liang Wenfeng founded DeepSeek in 2023 after running a hedge fund.", "c", 2.0, 2),
    ]
    weak = _cand("The allegations introduce legal and reputational risk if verified.", "d", 0.3, 3)
    assert len(mmr([*strong, weak], 8, 1500)) == 4  # no floor: every distinct point
    chosen = mmr([*strong, weak], 8, 1500, floor=0.15, min_points=3)
    assert [x.text for x in chosen] == [x.text for x in strong]
    # below min_points, a weak point is still taken rather than leaving the brief too short
    assert len(mmr([strong[0], weak], 8, 1500, floor=0.15, min_points=3)) == 2


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the writer's own voice, outside quotation marks
        ("I have spent the past six weeks talking to founders about DeepSeek.", False),
        ("In my view, the winners will be the companies that build on the cheapest model.", False),
        ("We should be asking what we get when AI models become cheap for everyone.", False),
        ("The report is far more detailed than I expected from a lab of 300 people.", False),
        # quoted first person is a speaker's words; a roman numeral is no pronoun
        ('"We will produce better models, but keep less of a lead," Altman said on Friday.', True),
        ("Section I of the bill gives the director of the budget office 60 days to act.", True),
        ("The U.S. market lost more than USD500bn of Nvidia's value on January 27.", True),
        # nobody commented
        ("Widget did not respond to a request for comment.", False),
        ("Attempts to reach Widget for comment were unsuccessful.", False),
        ("Apple and Google did not immediately reply to requests for comment.", False),
        ("Representatives for Widget could not be reached on Sunday.", False),
        # a fact check's claim is what it refutes, not what it states
        ("Claim: Widget built its W9 chatbot for just $6 million last year.", False),
        ("Myth: Widget trained its W9 model on a single gaming laptop in a week.", False),
        ("Analysis: Widget built its W9 chatbot for just $6 million, analysts say.", True),
        # a comment that was given, and a request that is news
        ("Nvidia, asked for comment, said the H20 complies fully with US export rules.", True),
        ("Widget did not say how many requests its servers handled in January.", True),
        (
            'Deputy director Ana Ruiz said: "我们希望中小企业都用得起大模型。" (We hope small firms '
            "can afford large models.)",
            True,
        ),
        # a newsroom's "we" reports, it does not opine
        ("Acme shares were down 2.1% in New York, as we reported earlier.", True),
        ("A developer in Lagos told us he had moved half of his traffic to W9.", True),
        ("I've confirmed with three sources that Ada Quill left Widget at the end of May.", True),
        # the writer turning to the reader: a signpost, unless it gives a figure
        ("Here is what is in the filing, and what to watch.", False),
        ("Remember the exposed database that was reported in March.", False),
        ("Let's look at what the lawsuit actually claims about Widget.", False),
        ("Here are the numbers: Widget's revenue rose 20% to $1bn in the year to March.", True),
        ("Heresy charges against the founder were dropped on Monday.", True),
        ("Three patterns stand out in the detailed tables of the survey.", False),
        ("Three students were suspended for a semester on Monday, Widget said.", True),
    ],
)
def test_opinions_and_no_comment_lines_are_no_points(sentence: str, kept: bool) -> None:
    """The writer's own voice, a claim a fact check examines and "did not respond" are no
    points; first person inside a quotation, or its translation after it, is the speaker's."""
    assert (point_text(sentence) is not None) is kept


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("SYDNEY, Feb. 4 (Reuters) - Australia has ordered all government bodies to drop it.",
         "Australia has ordered all government bodies to drop it."),
        ("July 14 (Reuters) - Monthly downloads of the Widget app fell 72% from their peak.",
         "Monthly downloads of the Widget app fell 72% from their peak."),
        ("Hong Kong (CNN) — Widget's founder met the premier in Beijing on Monday, TV showed.",
         "Widget's founder met the premier in Beijing on Monday, TV showed."),
        ("WASHINGTON/SINGAPORE — Officials are investigating whether Widget bought chips.",
         "Officials are investigating whether Widget bought chips."),
        ("SÃO PAULO/BRASÍLIA, Feb 9 (Meridian Wire) - Brazil's regulator ordered Widget to stop "
         "processing users' data.", "Brazil's regulator ordered Widget to stop processing "
         "users' data."),
        ("A summary of what we know: Widget's API was down for about 6 hours on Tuesday.",
         "Widget's API was down for about 6 hours on Tuesday."),
        ("ULANQAB, Inner Mongolia - Cranes are lifting the frame of Widget's first campus.",
         "Cranes are lifting the frame of Widget's first campus."),
        ("HANGZHOU, China, Dec. 1, 2025 /PRNewswire/ -- Widget today announced W9, a model "
         "with a longer context.", "Widget today announced W9, a model with a longer context."),
        ("PARIS, France, March 3 (AFP) - Widget opened an office in Paris, its first in Europe.",
         "Widget opened an office in Paris, its first in Europe."),
        ("5:05 pm ET: On the call, chief executive Ana Ruiz said demand was still growing.",
         "On the call, chief executive Ana Ruiz said demand was still growing."),
        ("Hangzhou, November 19 — The city's bureau on Wednesday announced vouchers worth "
         "500 million yuan.", "The city's bureau on Wednesday announced vouchers worth 500 "
         "million yuan."),
        ("Hong Kong, China, 3 March 2025 — Widget opened an office in Kowloon, its first "
         "outside the mainland.", "Widget opened an office in Kowloon, its first outside the "
         "mainland."),
        # "(NYSE: STRX)" is a ticker, not the end of a label "Acme, Inc. (NYSE:"
        ("SEATTLE, Aug. 5, 2026 /PRNewswire/ -- Acme, Inc. (NYSE: ACME), a cloud provider, "
         "today announced W5 in three regions.", "Acme, Inc. (NYSE: ACME), a cloud provider, "
         "today announced W5 in three regions."),
        ("BERLIN, Oct. 13, 2026 /Globe Business Newswire/ -- Widget today announced the "
         "close of a funding round.", "Widget today announced the close of a funding round."),
        # a name in title case before a comma is no dateline without a date
        ("Widget, the maker of W9 — a chatbot — said on Monday it would open an office.",
         "Widget, the maker of W9 — a chatbot — said on Monday it would open an office."),
        # a date that is the sentence's subject is no dateline
        ("May 28 - the date Widget released W9 - was a Wednesday, the company said.",
         "May 28 - the date Widget released W9 - was a Wednesday, the company said."),
        # a live blog's clock alone before its entry
        ("09:40 Chairman Ana Ruiz takes the stage in Hangzhou.",
         "Chairman Ana Ruiz takes the stage in Hangzhou."),
    ],
)  # fmt: skip
def test_datelines_and_time_stamps_are_not_the_news(sentence: str, point: str) -> None:
    assert point_text(sentence) == (point, False)


def test_a_bullet_may_state_without_its_full_stop() -> None:
    """ "• Acme shares fall 3.8% in pre-market trading" is a statement; the same line as prose,
    a verbless bullet, or a labelled fact ("- Training chips: …", fact_line's) is not."""
    line = "Acme shares fall as much as 3.8% in pre-market trading"
    assert point_text(line, True) == (line, False)
    assert point_text(line) is None
    assert point_text("Key events from our live coverage of the W9 launch today", True) is None
    assert point_text("Training chips: Acme A9, after failed runs on older parts", True) is None
    assert point_text("Having regard to its size, the Authority decided to impose:", True) is None


def test_a_voiced_points_we_is_no_unknown_speaker() -> None:
    """ "[Acme Securities:] We estimate …" says whose "we" it is: it weighs as the same figure
    stated plainly, not as a writer's unattributed "we"; "you" still leans on the reader."""
    voiced = quality("[Acme Securities:] We estimate revenue at RMB4.2bn in May.", False)
    plain = quality("[Acme Securities:] Acme estimates revenue at RMB4.2bn in May.", False)
    assert voiced == pytest.approx(plain, rel=0.05)
    assert quality("We estimate revenue at RMB4.2bn in May.", False) < 0.7 * voiced
    assert quality("[Acme Securities:] You pay RMB4.2bn in May.", False) < 0.7 * voiced


@pytest.mark.parametrize(
    "fact",
    [
        "Coder-3 is a mixture-of-experts model with 480 billion total parameters.",
        "Widget's campus will draw 300 megawatts of power when it is fully built.",
        "Widget's models were downloaded more than 1.3 million times in their first days.",
        "Widget's outage lasted 6 hours for users in Europe and in Asia.",
    ],
)
def test_a_quantity_is_a_fact_not_commentary(fact: str) -> None:
    """ "480 billion parameters", "300 megawatts", "1.3 million times": figures, though no
    money, share or chip count; the sentence weighs as a fact, not as commentary."""
    commentary = "Coder-3 is a mixture-of-experts model that many developers seem to like."
    assert quality(fact, False) > quality(commentary, False)
    assert quality(fact, False) >= 1.0


def test_a_label_with_a_figure_before_a_described_name_is_kept() -> None:
    """ "Third prize (100,000 yuan): PaperCrane, a team from Singapore, …" says who won what:
    the label stays. "Analyst (Acme): DeepSeek cut prices." is still trimmed to its statement."""
    line = "Third prize (100,000 yuan): PaperCrane, a team from Singapore, for a tool that turns "
    line += "lectures into practice questions."
    assert point_text(line) == (line, False)
    assert point_text("Analyst (Acme): DeepSeek cut its prices by 23% in April.") == (
        "DeepSeek cut its prices by 23% in April.",
        False,
    )


def test_a_speakers_label_is_no_fact_of_their_words() -> None:
    """ "[Ana Ruiz:] My complaint is about how it gets used." is commentary whose speaker is
    known: her name in the label is no name the words give. Her "30 problems" is a count."""
    vacuous = quality("[Ana Ruiz:] My complaint is about how it gets used.", False)
    counted = quality("[Ana Ruiz:] For six of those 30 problems we found leaked copies.", False)
    assert vacuous < 1.0 < counted
    assert quality("Ana Ruiz said her complaint is about how it gets used.", False) > vacuous
    # her words' first name is a name they give ("Songling is …"), "Our" is none
    named = quality("[Ana Ruiz:] Songling is a water problem, and ours is a water fix.", False)
    assert named > quality("[Ana Ruiz:] Our problem is water, and ours is a water fix.", False)


def test_the_end_of_a_quotation_opened_before_is_not_the_writers_voice() -> None:
    """'"We gave them time.' then 'We do not block lightly," Setiawati said.': the "we" of a
    quotation whose opening mark is in the sentence before is the speaker's, not the writer's."""
    assert not in_own_voice('We do not block services lightly," Setiawati said. She said more.')
    assert in_own_voice("We measured 71.8% with our own scaffolding.")
    assert in_own_voice('"We need chips," he said. We think so too.')


@pytest.mark.parametrize(
    "sentence",
    [
        "Our live coverage of Widget's W5 launch has now ended.",
        "We'll have a full analysis of the W5 technical report when it lands.",
        "Refresh this page for updates on the launch in Freedonia.",
        "Welcome to our live coverage of Widget's first developer day.",
    ],
)
def test_a_live_blog_talking_about_itself_is_no_point(sentence: str) -> None:
    """Not even as the publisher's own words ("[Asia Tech Wire:] Our live coverage of …'s
    V4 launch has now ended." looked like the publisher's own figure)."""
    assert point_text(sentence) is None
    assert point_text(sentence, spoken=True) is None
