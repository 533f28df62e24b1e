"""The content rules of issue 8, on seeds + the development corpus (tests/corpus)."""

from __future__ import annotations

import re
import statistics
from datetime import date
from pathlib import Path

import corpus_tools as ct
import pytest

from bot.builder.analyse import labelled, main_subject, results_of, section_name, trim
from bot.builder.clean import clean_text
from bot.builder.dates import event_date
from bot.builder.names import (
    institution,
    introduced,
    is_surname,
    named_description,
    names_in,
    party,
    subject,
)
from bot.builder.pipeline import DEFINES, quoted
from bot.builder.readers import read_seeds
from bot.builder.select import has_finite_verb, point_text
from bot.builder.split import split_sentences
from bot.builder.standalone import dependent, faithful, make_standalone, quote_speaker
from bot.builder.text import normalise
from bot.builder.topics import TopicMatcher
from bot.library import Library
from bot.models import Topic
from bot.slack.answer import answer
from bot.slack.listeners.commands.brief import topic_reply


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Path]:
    tmp = tmp_path_factory.mktemp("full")
    seeds = ct.make_seeds(tmp / "seeds")
    return ct.build_into(seeds, tmp / "out"), seeds


def test_an_office_or_commission_is_an_institution_never_the_company() -> None:
    """ "The AI Office …" opening sentences in an article about it (written "AI Office", and
    "AI" no name): "the Hangzhou company says …" is not "[Office] says …"."""
    assert institution("Office", [])
    assert institution("European Commission", [])
    assert not institution("Widget", ["Widget said it would appeal."])
    sentences = [
        "The AI Office said it would review the filing.",
        "The AI Office added that fines would come later.",
        "The AI Office met Widget on Monday.",
        "Widget has told the AI Office it will sign two chapters.",
    ]
    assert main_subject(sentences) != "Office"


@pytest.mark.parametrize("heading", ["2025", "March 2026", "Q3 2026"])
def test_a_timelines_year_heading_names_nothing(heading: str) -> None:
    """A timeline's "2025" heading over "- February: Several ministries …" is no name whose
    list it is ("[2025’s] february: …"); "Qwen 4 (Alibaba)" still is."""
    known = frozenset({"2025", "2026", "March", "Q3", "Qwen"})
    assert section_name(heading, known) is None
    assert section_name("Qwen 4 (Alibaba)", known) == "Qwen 4"


def test_the_startup_someone_left_to_found_is_named() -> None:
    """ "Wu Haotian … left last week to found Tidewater Labs. The startup will build …": the
    startup is Tidewater Labs; and "Less happily for Widget, Wu Haotian, its head of data, …"
    says whose head he is itself."""
    left = (
        "Less happily for Widget, Wu Haotian, its head of data since 2023, left last week to "
        "found Tidewater Labs in Hangzhou."
    )
    assert not dependent(left)
    assert dependent("In a statement, Ana Ruiz, its chief executive, said prices would fall.")
    text = "The startup will build synthetic data tools for training smaller models."
    got = make_standalone(text, None, left, "Widget", None, left, None, [left])
    assert got == "[Tidewater Labs] will build synthetic data tools for training smaller models."


def test_a_description_that_says_whose_it_is_stands_alone() -> None:
    """ "The release note on Widget's WeChat account …" and "The chatbot application of the
    Chinese company Widget …" say whose they are: no "[Widget’s] release note on Widget's …";
    "The alleged use of advanced Nvidia chips" (a modifier) and "The company" still lean."""
    for text in (
        "The release note on Widget's WeChat account is just four lines long.",
        "The chatbot application of the Chinese company Widget can again be downloaded.",
    ):
        assert not dependent(text)
        assert make_standalone(text, "Widget released W4.", None, "Widget") == text
    assert dependent("The alleged use of advanced Nvidia chips will be scrutinised.")
    assert dependent("The company said it would appeal.")


def test_the_regulator_is_the_body_the_sentence_before_names() -> None:
    """ "South Korea's Personal Information Protection Commission (PIPC) fined Widget …. The
    regulator found …" is the commission's finding, named; with two bodies before, or a
    court for "the regulator", nobody is guessed."""
    before = (
        "South Korea's Personal Information Protection Commission (PIPC) fined Widget "
        "1.38 billion won on Wednesday."
    )
    text = (
        "The regulator found that the app sent users' prompts to servers in China without consent."
    )
    got = make_standalone(text, None, before, "Widget", None, before, None, [before])
    assert got == (
        "[Personal Information Protection Commission] found that the app sent users' prompts "
        "to servers in China without consent."
    )
    two = "The European Commission and the Dutch Data Protection Authority opened cases."
    got = make_standalone(text, None, two, "Widget", None, two, None, [two])
    assert got is None or "[European Commission]" not in got
    court = "The Rome Court cut the fine on Tuesday."
    got = make_standalone(text, None, court, "Widget", None, court, None, [court])
    assert got is None or "[Rome Court]" not in got


def test_names_are_read_whole() -> None:
    """ "Spokesperson of the ministry Zhao Zhiguo introduced …" gives "The ministry" no name
    (not "[Zhao]"), nor "East Data West Computing" "The data"; "the Danish Agency for Digital
    Government" is named whole; "said Sanne de Wit" is her quotation, not "Sanne"'s."""
    spoke = "Spokesperson of the ministry Zhao Zhiguo introduced that the figure covers chips."
    assert named_description("The ministry will also study a quarterly release.", [spoke]) is None
    for verb in ("lifted", "withdrew"):
        agency = f"On Tuesday the Danish Agency for Digital Government {verb} its ban on Widget."
        got = named_description("The agency said an audit had confirmed it.", [agency])
        assert got == "[Danish Agency for Digital Government] said an audit had confirmed it."
    hubs = 'The "East Data West Computing" hubs added 70% of new computing power.'
    assert named_description("The data also showed that 611 services were filed.", [hubs]) is None
    said = '"It gave it a checklist," said Sanne de Wit, a data protection lawyer.'
    assert quote_speaker(said, [said]) == "Sanne de Wit"


def test_a_possessive_before_a_verb_is_no_description_of_the_thing() -> None:
    """ "Acme's researchers attributed the cluster to Widget …. The cluster stopped …" is not
    "[Acme's researchers attributed the cluster] stopped …"; "Britain's data protection
    regulator" still names the regulator."""
    earlier = ["Acme's researchers attributed the cluster to Widget Console, a paid dashboard."]
    text = "The cluster stopped responding on January 23 at 14:10 UTC."
    got = named_description(text, earlier)
    assert got is None or "attributed" not in got
    earlier = ["Britain's data protection regulator has opened an inquiry into Widget."]
    got = named_description("The regulator said it had written to Widget.", earlier)
    assert got == "[Britain's data protection regulator] said it had written to Widget."


def test_the_kind_written_before_a_name_finds_it_far_back() -> None:
    """ "The assistant now counts 24 million users" three sentences after "its AI assistant
    Teman", with Acme and Sao Mai Mart named between: the noun came right before the name, so
    no other actor is "the assistant"."""
    earlier = [
        "Acme will launch its AI assistant Teman in Freedonia on December 1.",
        "Teman is built on open-weight Widget models that Acme hosts itself.",
        "Acme plans to invest $45 million, partly with Sao Mai Mart, a chain of 320 stores.",
    ]
    text = "The assistant now counts 24 million monthly users in Sylvania."
    got = make_standalone(text, None, earlier[-1], "Acme", None, None, None, earlier)
    assert got == "[Teman] now counts 24 million monthly users in Sylvania."


def test_it_after_a_thing_described_with_an_aside_is_that_thing() -> None:
    """ "The number, disclosed in a letter, counts … Widget …. It excludes …": "it" is the
    number, not Widget; only the join keeps it right."""
    before = (
        "The number, disclosed in a letter to partners, counts organisations with a signed "
        "agreement with Widget."
    )
    text = "It excludes developers paying by credit card."
    got = make_standalone(text, before, before, "Widget", None, before, None, [before])
    assert got == f"{before} {text}"


def test_it_after_she_founded_a_company_is_the_company() -> None:
    """ "She has founded Tidewater Labs, a start-up building …. This month it closed a $60
    million round": she is no "it"; the one company her sentence introduces is."""
    before = "She has since founded Tidewater Labs, a start-up building smaller models."
    text = "This month it closed a $60 million seed round led by Acme Capital."
    got = make_standalone(text, None, before, "Widget", None, before, None, [before])
    assert got == "This month [Tidewater Labs] closed a $60 million seed round led by Acme Capital."
    two = "She has founded Tidewater Labs, a start-up, with Ana Ruiz of Acme, a rival firm."
    assert make_standalone(text, None, two, "Widget", None, two, None, [two]) != (
        "This month [Tidewater Labs] closed a $60 million seed round led by Acme Capital."
    )


def test_a_described_company_after_an_opening_phrase_is_named() -> None:
    """ "From September 1, the Hangzhou-based company will charge …" leans as "The
    Hangzhou-based company will charge …" does, and is named as it is; "For chat users, the
    price of uncached input roughly doubles" says which price itself."""
    text = "From September 1, the Hangzhou-based company will charge 1.1 yuan per million tokens."
    before = "Widget cut its prices again."
    got = make_standalone(text, None, before, "Widget", None, None, None, [before])
    assert got == "From September 1, [Widget] will charge 1.1 yuan per million tokens."
    assert not dependent("For chat users, the price of uncached input roughly doubles.")


def test_what_a_figure_leaves_out_is_no_companys_act() -> None:
    """ "Widget spelled out what the figure leaves out. It does not include the cost of …":
    "it" is the figure, whatever opened the sentence before; joined, not "[Widget] does not
    include …". A time zone is no name ("All times are Hong Kong time (HKT)")."""
    before = "Widget was careful to spell out what the figure leaves out."
    text = "It does not include the cost of buying the hardware or salaries."
    got = make_standalone(text, before, before, "Widget", None, before, None, [before])
    assert got == f"{before} {text}"
    assert names_in("All times are Hong Kong time (HKT) unless stated.") == ["Hong Kong"]


def test_what_a_company_says_this_does_leans_on_the_sentence_before() -> None:
    """ "The company says this speeds up inference": naming the company leaves "this" unseen,
    so it joins the sentence before, or is no point; "It builds on …" after "Widget says this
    cuts …" is what "this" is, not Widget. "said this week" leans on nothing."""
    before = "Multi-token prediction now runs with three prediction heads."
    text = "The company says this speeds up inference by about 1.8 times."
    got = make_standalone(text, before, before, "Widget", None, before, None, [before])
    assert got == f"{before} {text}"
    assert make_standalone(text, None, before, "Widget", None, before, None, [before]) is None
    assert dependent("Widget says this cuts the cost of a long prompt by 70%.")
    assert dependent("[Widget] said these were temporary.")
    assert not dependent("Widget said this week that prices would fall.")
    says = "Widget says this cuts the cost of a long prompt by 70%."
    it = "It builds on the sparse attention trick the lab introduced in 2025."
    assert not (
        make_standalone(it, None, says, "Widget", None, says, None, [says]) or "["
    ).startswith("[Widget]")


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "No, we learn the date like everyone else, when they announce it.",
            "We learn the date like everyone else, when they announce it.",
        ),
        ("Yes, in China we are the biggest supplier.", "In China we are the biggest supplier."),
        ("Honestly, because it grew up as a research lab.", None),
        ("Rarely, and mainly Chinese nationals coming home.", None),
        ("Nor does it say anything about the exposed logs.", None),
        ("No evidence of abuse was found.", "No evidence of abuse was found."),
        (
            "Because Widget cut its prices in March, we cut ours by 35%.",
            "Because Widget cut its prices in March, we cut ours by 35%.",
        ),
    ],
)
def test_an_answers_reply_word_is_no_part_of_its_point(text: str, point: str | None) -> None:
    """An answer's "No, …" or "Yes, …" replies to a question the reader has not seen: what
    follows stands alone, or is no point ("Honestly, because it …", "Nor does it …")."""
    assert make_standalone(text, None) == point


def test_a_speaker_named_after_their_role_is_the_name_not_the_employer() -> None:
    """'…," said Halvard's head of research, Kristoffer Lie.' is Kristoffer Lie's quotation,
    and its next sentence is his: no "[Halvard's:] …"."""
    said = '"The model is strong," said Halvard\'s head of research, Kristoffer Lie.'
    assert quote_speaker(said, [said]) == "Kristoffer Lie"
    assert quote_speaker('"It is strong," said Halvard\'s researchers.', []) is None


@pytest.mark.parametrize(
    "text",
    [
        "So far we have paid out on 37 valid reports.",
        "Yet another outage hit the API on Monday.",
        "Now that the ban is lifted, Widget's app is back in stores.",
    ],
)
def test_a_connective_word_that_opens_an_adverb_stays(text: str) -> None:
    """ "So far we have paid …" is no "So" before "Far we have paid …"."""
    assert make_standalone(text, None) == text


@pytest.mark.parametrize(
    "it",
    [
        "It is a striking shift for a lab that until now rented its computing power.",
        "It marks a reversal of the ban announced in March.",
        "It comes a week after the price cut.",
    ],
)
def test_an_it_that_stands_for_an_event_is_no_company(it: str) -> None:
    """ "Widget put the cost at 18 billion yuan. It is a striking shift for a lab that …": the
    shift is the project, not "[Widget] is a striking shift"."""
    before = "Widget put the cost of the full project at 18 billion yuan."
    got = make_standalone(it, None, before, "Widget", None, before, None, [before])
    assert got is None or not got.startswith("[")


def test_a_currency_code_is_no_name_a_company_may_stand_for() -> None:
    """ "… a little under RMB 9.5 million. The company added …": the company is the article's,
    not "[RMB]"; and a cleft's "it" ("It is the packaging, not the engine, that decides")
    stands for nothing."""
    figure = (
        "At 19 yuan a month, 41,500 subscribers imply revenue of a little under RMB 9.5 million."
    )
    assert names_in(figure) == []
    added = "The company added that voice recognition went live on July 15."
    got = make_standalone(added, None, figure, "Acme Motors", None, figure, None, [figure])
    assert got == "[Acme Motors] added that voice recognition went live on July 15."
    cleft = "It is the packaging, not the engine, that decides."
    assert make_standalone(cleft, "Widget ships the same model in two apps.") in (
        None,
        f"Widget ships the same model in two apps. {cleft}",
    )


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        (
            "However, some tech executives doubt the figure.",
            None,
            "Some tech executives doubt the figure.",
        ),
        # "Further" before a noun is no connective: the sentence keeps it
        (
            "Further sanctions, including a strict ban, are highly likely.",
            None,
            "Further sanctions, including a strict ban, are highly likely.",
        ),
        (
            "Further, some tech executives doubt the figure.",
            None,
            "Some tech executives doubt the figure.",
        ),
        (
            "By comparison, Meta's Llama 3 needed 30.8 million GPU hours.",
            None,
            "Meta's Llama 3 needed 30.8 million GPU hours.",
        ),
        (
            "It lost $589 billion in a day.",
            "Nvidia fell 17% on Monday.",
            "[Nvidia] lost $589 billion in a day.",
        ),
        (
            "The company said its costs were low.",
            "DeepSeek published a paper.",
            "[DeepSeek] said its costs were low.",
        ),
        (
            "This led to a sell-off.",
            "DeepSeek released R1 on January 20.",
            "DeepSeek released R1 on January 20. This led to a sell-off.",
        ),
        ("This led to a sell-off.", None, None),
        # "it" is the watchdog, not Italy: no guess, the sentences are joined
        (
            "It briefly banned ChatGPT in 2023.",
            "Italy's privacy watchdog ordered DeepSeek to stop.",
            "Italy's privacy watchdog ordered DeepSeek to stop. It briefly banned ChatGPT in 2023.",
        ),
        # "he" needs a full name to resolve: joined to the sentence before instead
        (
            "He praised the model.",
            "Altman spoke on Friday.",
            "Altman spoke on Friday. He praised the model.",
        ),
        ("DeepSeek released R1 on January 20.", None, "DeepSeek released R1 on January 20."),
        # "its" after the subject's own verb is the subject's: no leaning
        (
            "Widget has started charging for its chatbot for the first time.",
            None,
            "Widget has started charging for its chatbot for the first time.",
        ),
        # a quotation whose speaker is only "he": named from the sentence before, or joined
        (
            '"This is a fire," he said.',
            "Tony Burke announced the ban on Tuesday.",
            '"This is a fire," [Tony Burke] said.',
        ),
        (
            '"It is a very good model," he said.',
            "Altman was frank about the rival.",
            'Altman was frank about the rival. "It is a very good model," he said.',
        ),
        ('"This is a fire," she said.', None, None),
        # a name in apposition is the subject; a second aside before the verb is left out
        (
            "The company's new flagship, W5, launched last week, was trained on Ascend chips.",
            "Widget released W4 in 2025.",
            "[W5] was trained on Ascend chips.",
        ),
        # … but not the name of a noun inside the phrase ("sales to its largest customer,
        # Widget," are not Widget), nor one inside a reported clause
        (
            "Sales to its largest customer, Widget, were 5.99 billion yuan in the quarter.",
            "Acme Chips reported its results.",
            "Acme Chips reported its results. Sales to its largest customer, Widget, were 5.99 "
            "billion yuan in the quarter.",
        ),
        (
            "The company noted that sales to its largest customer, Widget, were 5.99 billion yuan.",
            None,
            None,
        ),
        # "the company" speaking after a sentence about Nvidia is Nvidia, named as such
        (
            '"DeepSeek is an excellent advance," the company said in a statement.',
            "Nvidia called the model impressive on Monday.",
            '"DeepSeek is an excellent advance," [Nvidia] said in a statement.',
        ),
    ],
)
def test_points_are_made_to_stand_alone(
    text: str, previous: str | None, expected: str | None
) -> None:
    got = make_standalone(text, previous)
    assert got == expected
    if got is not None:
        assert not dependent(got.replace("[", "").replace("]", ""))
        assert faithful(got, f"{previous or ''} {text}")


def _after(
    text: str, earlier: list[str], subject: str, known: frozenset[str], context: str | None = None
) -> str | None:
    """`make_standalone` for a sentence that follows `earlier` in an article about `subject`,
    with no standalone sentence just before it in its paragraph."""
    return make_standalone(text, None, context, subject, known, earlier[-1], None, earlier)


def test_an_it_goes_on_meaning_what_the_it_before_it_meant() -> None:
    """A run of "It …" sentences is about one thing: the "it" of the first, never a name the
    sentence before mentions after its own "It" (there, Widget's models)."""
    known = frozenset({"Widget", "Freedonia", "Northgate"})
    text = "It did not say which chip generation was involved."
    estimated = "It estimated the number at several thousand, used to train Widget's models."
    unnamed = "In the rule, the trade department's bureau said it had reason to believe so."
    named = "Northgate Capital said Widget bought chips in Freedonia."
    for first, expected in [
        (unnamed, None),
        (named, "[Northgate Capital] did not say which chip generation was involved."),
    ]:
        earlier = [first, estimated]
        got = _after(text, earlier, "Widget", known, context=first)
        assert got == expected


def test_a_reference_is_resolved_only_to_what_it_can_mean() -> None:
    known = frozenset({"DeepSeek", "OpenAI", "Italy", "Garante"})
    # "Recent" opens a sentence but is no name: join, never "[Recent] has also faced …"
    got = make_standalone(
        "It has also faced accusations of spreading propaganda.",
        "Recent findings suggest that R1 is eleven times more likely to produce harm.",
        known=known,
    )
    assert got is not None and not got.startswith("[Recent]")
    # "its" after a sentence about DeepSeek, in an article mostly about OpenAI: not OpenAI's
    before = "DeepSeek's arrival has already shaken markets."
    text = "Its claim to have trained a model for $5.6 million knocked $600 billion off Nvidia."
    got = make_standalone(text, before, before, "OpenAI", known, before)
    assert got == f"{before} {text}"
    # "it" after "Italy's regulator …" is the regulator, not Italy; plurals name no one
    before = "Italy's regulator has acted against AI chatbots before."
    got = make_standalone("It briefly banned ChatGPT in 2023.", before, before, "Italy", known)
    assert got == f"{before} It briefly banned ChatGPT in 2023."
    assert make_standalone("The companies were given 20 days.", None, before, "Garante") is None


def test_an_it_that_stands_for_nothing_is_never_given_a_name() -> None:
    """ "It was a loud week …", "It's the second time …", "It is unclear whether …": no name
    replaces such an "it"; a join keeps the sentence, or it is no point. "It's free to use"
    does stand for something: "[Widget is] free to use"."""
    before = "Good morning."
    for text in (
        "It was a loud week for open models and a quiet one for regulators.",
        "It's the second time this year the company has paused sign-ups.",
        "It's been a busy year for Acme.",
        "It is unclear whether the ban covers phones.",
        "It is too early to say whether the ban will hold.",
    ):
        got = make_standalone(text, before, before, "Widget")
        assert got is None or not got.startswith("["), got
        assert dependent(text)
    assert make_standalone("It's free to use in the app.", "Widget W2 is a new model.") == (
        "[Widget W2 is] free to use in the app."
    )
    got = make_standalone("It's been downloaded 2 million times.", None, None, "Acme")
    assert got == "[Acme has] been downloaded 2 million times."
    assert faithful(got, "It's been downloaded 2 million times.")


@pytest.mark.parametrize(
    ("earlier", "text", "expected"),
    [
        (
            "U.S. District Judge Ada Quill of the Northern District of Freedonia denied "
            "Widget's motion to dismiss.",
            "The judge set a hearing for June 9, 2026.",
            "[Judge Ada Quill] set a hearing for June 9, 2026.",
        ),
        (
            "Ruritania's data protection regulator has opened an inquiry into Widget.",
            "The regulator has given Widget until 31st March to answer 22 questions.",
            "[Ruritania's data protection regulator] has given Widget until 31st March to "
            "answer 22 questions.",
        ),
        (
            "Kessel Research, a Taipei-based analyst firm, estimated 20,000 chips were sold.",
            "The firm's estimate was published on Tuesday.",
            "[Kessel Research’s] estimate was published on Tuesday.",
        ),
        (
            "The Freedonia Municipal Bureau of Industry announced a voucher scheme.",
            "The bureau expects about 800 companies to benefit.",
            "[Freedonia Municipal Bureau of Industry] expects about 800 companies to benefit.",
        ),
        # the description runs to its verb: "The price war", not "The price"
        (
            "Widget halves its prices as Freedonia's model price war heats up",
            "The price war dates back to May 2024.",
            "[Freedonia's model price war] dates back to May 2024.",
        ),
        # a person described with "the company's …" is no company
        (
            '"Usage grows," Ada Quill, the company\'s head of developer relations, said.',
            "The company has since used low pricing to recruit developers.",
            "[Widget] has since used low pricing to recruit developers.",
        ),
        # a people's description in more words than "the company", as it acts
        (
            "The Freedonian data protection authority first wrote to Widget in January.",
            "The authority imposed a fine of €9.5 million.",
            "[Freedonian data protection authority] imposed a fine of €9.5 million.",
        ),
        (
            "The Freedonian company said it had shipped W5.",
            "The company will appeal.",
            "[Widget] will appeal.",  # the article's company, not "[Freedonian company]"
        ),
        # said to be one: "Lagos is a small region with a large message"
        (
            "For now, Lagos is a small region with a large message for Widget's rivals.",
            "The region is expected to accept its first customers in the fourth quarter.",
            "[Lagos] is expected to accept its first customers in the fourth quarter.",
        ),
        # … after a preposition too: "from Kestel Labs, a London-based firm"
        (
            "A 48-page report from Kestel Labs, a London-based AI security firm, is out.",
            "The firm ran 1,200 adversarial prompts against five models.",
            "[Kestel Labs] ran 1,200 adversarial prompts against five models.",
        ),
        # a place a phrase ends with is no apposition's name
        (
            "Widget is building local partnerships: a bundle in Freedonia, a region in Sylvania.",
            "The region is expected to open in the fourth quarter.",
            None,
        ),
        # a name that opens the sentence before: "Qiantang University has …"
        (
            "Freedonia University has extended its partnership with Widget to two colleges.",
            "The university told a local paper it will pay 14.6 million yuan over three years.",
            "[Freedonia University] told a local paper it will pay 14.6 million yuan over three "
            "years.",
        ),
        # the name right after its noun ("its AI assistant Teman"), without the full stop
        (
            "Freedonia super app Acme will launch its AI assistant Teman in Sylvania in May.",
            "The assistant now counts 24 million monthly users.",
            "[Teman] now counts 24 million monthly users.",
        ),
        (
            "Ana Ruiz founded the hedge fund High-Flyer.",
            "The hedge fund has patents on chip clusters.",
            "[High-Flyer] has patents on chip clusters.",
        ),
        # nothing before names a study: no guess
        ("Widget's model refused 40% of harmful prompts.", "The study found more.", None),
        # a name that describes what follows ("the Sci-Tech City area") names no city
        (
            "Widget opened a centre in the Future Sci-Tech City area of Yuhang.",
            "The city said its support will reach 2 billion yuan.",
            None,
        ),
    ],
)
def test_a_definite_description_is_named_as_a_sentence_before_names_it(
    earlier: str, text: str, expected: str | None
) -> None:
    """ "The judge", "The regulator", "The firm": named in brackets as the article named it
    before, when it did in so many words (a title, a possessor, an apposition, a name)."""
    got = make_standalone(text, None, None, "Widget", None, None, None, [earlier])
    assert got == expected
    if got is not None:
        assert faithful(got, f"{earlier} {text}")


def test_a_term_a_legal_text_defines_is_named() -> None:
    """'Widget Co., Ltd. ("the Controller")', then "The Controller submitted …": a reader of
    one point does not know who the Controller is; "[Widget Co., Ltd.] submitted …"."""
    defining = (
        '1. On 6 October 2026 the Data Protection Authority of Freedonia ("the Authority") '
        'adopted a decision in respect of Widget Co., Ltd. ("the Controller").'
    )
    text = "The Controller submitted that its chat data had been pseudonymised."
    got = make_standalone(text, None, None, "Widget", None, None, None, [defining])
    assert got == "[Widget Co., Ltd.] submitted that its chat data had been pseudonymised."
    assert faithful(got, f"{defining} {text}")
    plain = "The Authority found that the notice was incomplete."
    assert make_standalone(plain, None, None, "Widget", None, None, None, [defining]) == (
        "[Data Protection Authority of Freedonia] found that the notice was incomplete."
    )
    assert make_standalone(text, None, None, "Widget", None, None, None, []) == text


def test_the_model_is_the_model_the_sentence_before_names() -> None:
    """ "Widget released W5 …. The model, published …, has 1.2 trillion parameters …" (too
    long to join): "[W5], published …", so a question about W5 finds it; a chip is no model."""
    before = (
        "Widget on Thursday released W5, its largest model yet, and cut the price of its API by "
        "40 percent for enterprise customers in a push to win business from U.S. rivals."
    )
    text = (
        "The model, published under an open-weight licence on Hugging Face and GitHub, has 1.2 "
        "trillion total parameters, of which 48 billion are active for any given token."
    )
    assert make_standalone(text, before, before, "Widget", None, before) == "[W5]" + text[9:]
    chips = "Widget trained its next release on 2,048 H800 chips over two months."
    got = make_standalone("The model has 1.2 trillion parameters.", chips, chips, "Widget")
    assert got is not None and not got.startswith("[H800]")


def test_it_never_stands_for_a_name_its_own_sentence_gives() -> None:
    """ "It would also make Widget the most valuable …": "it" is the deal, not Widget."""
    before = "Widget is raising $4 billion from outside investors."
    text = "It would also make Widget one of the three most valuable firms."
    got = make_standalone(text, None, before, "Widget")
    assert got is None or not got.startswith("[Widget]")
    assert make_standalone("It also released W5 on Monday.", None, before, "Widget") == (
        "[Widget] also released W5 on Monday."
    )


def test_it_is_no_person_nor_whoever_acted_before_a_thing_described() -> None:
    """ "Rep. Jo Hale announced the Act. The bill was introduced on Feb. 7. Its co-sponsors
    include …": the bill's, not [Jo Hale’s]; "It covers …" is no person."""
    named = "Rep. Jo Hale, D-N.J., announced the Widget Act on Thursday."
    described = "The bill, H.R. 1121, was formally introduced on Feb. 7."
    for text in ("Its co-sponsors include Rep. Al Berg.", "It covers any successor app."):
        got = make_standalone(text, None, named, "Widget", None, described)
        assert got is None or "Hale" not in got
        got = make_standalone(text, None, named, "Widget", None, "Jo Hale spoke on Friday.")
        assert got is None or "Hale" not in got


def test_a_list_label_heading_an_ing_phrase_is_not_its_subject() -> None:
    assert labelled("Challenges: Overcoming cultural barriers is paramount.") is None
    assert labelled("US AI Developers: Must now compete on price.") == (
        "[US AI Developers] must now compete on price."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The SemiAnalysis count also differs from an earlier claim.",  # "also": compared to what?
        "Although the USD6mn is widely disputed, DeepSeek is efficient.",  # which USD6mn?
        '"Yes, we will," he said.',  # who is "he"?
        '"We had to be clever," one of them told me.',  # one of whom?
        "Until someone does, the figure should be read as a marketing number.",  # does what?
        "The country's privacy regulator had suspended new downloads.",  # which country?
        "The fund's founder, Ana Ruiz, has spent most of her time on Widget.",  # which fund?
        "People close to it say it now has roughly 420 on the payroll.",  # close to what?
        "Many of its engineers left for Acme in 2026.",  # whose engineers?
        "In a blog post on Monday it said the sample held 3 million records.",  # who said?
        "Much of that is now Ascend hardware, which is expensive.",  # much of what?
        "Most of these came from distributors in Freedonia.",  # most of which?
        "At full build-out it is designed to draw 300 megawatts.",  # what is "it"?
        "In 2025 they raised $1bn from state funds.",  # who are "they"?
        "The filings describe the cluster as four such supernodes.",  # such as what?
        "Outside Freedonia it is sold through app stores for $6.99 a month.",  # what is?
        "In a notice posted to its website on Friday, the company said it was fixed.",  # which?
        "Which, interestingly, lines up with what the lab found.",  # which is what?
        "None caused lasting harm, the review said.",  # none of what?
        "Most have arrived at the same distinction.",  # most of whom?
        "The numbers do not really support it.",  # which numbers?
        "Others praised the speed of the response.",  # others than whom?
        "Five said they had decided against it.",  # five of what?
        "Not everyone is happy with the outcome.",  # which outcome?
        "There is also the question of chips.",  # also, beside what?
        "That's more than double the figure of 40 million.",  # what is?
        "For the first time, the group also put a price on the experiment.",  # which group?
        "In January, the company said revenue rose 40%.",  # which company?
    ],
)
def test_openings_that_lean_on_unseen_text_are_dependent(text: str) -> None:
    assert dependent(text)


def test_a_definition_inside_a_quotation_is_not_one() -> None:
    text = '"DeepSeek is an excellent advance," Nvidia said.'
    m = DEFINES.search(text)
    assert m is not None and quoted(text, m.start())
    plain = "DeepSeek is a Hangzhou-based lab."
    m = DEFINES.search(plain)
    assert m is not None and not quoted(plain, m.start())


def test_dates_resolve_against_the_published_date() -> None:
    pub = date(2025, 1, 30)
    assert event_date("Nvidia fell on Monday.", pub) == date(2025, 1, 27)
    assert event_date("It launched on January 20.", pub) == date(2025, 1, 20)
    assert event_date("It was founded on December 30.", pub) == date(2024, 12, 30)  # year before
    assert event_date("Shares fell yesterday.", pub) == date(2025, 1, 29)
    assert event_date("Widget today announced W9.", pub) == pub  # a press release's "today"
    assert event_date("Widget is today one of the largest labs.", pub) is None  # "nowadays"
    assert event_date("Shares fell on Monday.", None) is None  # undated: left out
    assert event_date("R1 came out on 20 January 2025.", None) == date(2025, 1, 20)
    late_sept = date(2025, 9, 29)  # a deadline weeks ahead is this year's, not last year's
    assert event_date("It stops serving V3.1 on October 15.", late_sept) == date(2025, 10, 15)
    assert event_date("It launched on December 26.", late_sept) == date(2024, 12, 26)


def test_an_interviews_answers_are_the_interviewees_words(seeds_copy: Path, tmp_path: Path) -> None:
    """ "A: Efficiency is a choice …" in an interview is the researcher's view, not the
    article's: it reads "[Sara Lindqvist:] Efficiency is a choice …". An explainer's "A." is
    nobody's, and an interview needs the article to say it is one."""
    from bot.builder.analyse import interviewee

    opening = [
        "Sara Lindqvist studies machine-learning systems at KTH in Stockholm.",
        "We spoke with her about Widget's methods.",
    ]
    assert interviewee("An AI researcher on Widget", opening, answers=3) == "Sara Lindqvist"
    assert interviewee("An AI researcher on Widget", opening, answers=1) is None
    explainer = ["Sam Altman said Widget's W9 is coming. Here is what we know."]
    assert interviewee("What is W9?", explainer, answers=3) is None
    body = (
        " ".join(opening) + "\nQ: What did Widget do differently?\nA: Mixture-of-experts "
        "means only a fraction of the W9 model runs for each token of its output.\nQ: Will "
        "rivals copy it?\nA: Efficiency is a choice, and for a while rival labs did not need "
        "to make it.\n"
    )
    _, mine = _built(seeds_copy, tmp_path, "interview", "2025-06-05", body)
    assert any(t.startswith("[Sara Lindqvist:] Efficiency is a choice") for t in mine), mine
    assert not any(t.startswith("Efficiency") for t in mine)


def test_an_interviewee_is_who_spoke_not_the_paper_nor_a_body_nor_a_place() -> None:
    """ "He spoke to the Business Standard": the paper is not the interviewee, the man the
    opening names is; "We put them to Rebecca Amsel, a partner at …" names her, past the
    Commerce Department and Hong Kong named before her."""
    from bot.builder.analyse import interviewee

    paper = ["Tan Haoran rarely speaks in public. He spoke to the Business Standard in Hangzhou."]
    assert interviewee("Widget's infrastructure chief on power", paper, answers=3) == "Tan Haoran"
    readers = [
        "Last Wednesday the Commerce Department added Widget and seven middlemen in Hong Kong "
        "to the Entity List. Readers asked whether they can still use it. We put them to "
        "Rebecca Amsel, a partner at Lindqvist & Harrow.",
    ]
    assert interviewee("Q&A: What the listing means", readers, answers=3) == "Rebecca Amsel"


def test_an_incidental_word_does_not_put_a_sentence_under_a_topic() -> None:
    topic = Topic(
        id="company-founder", title="The company and its founder", description="d",
        aliases=("founder",), keywords=("founder", "Hangzhou", "published", "Liang Wenfeng", "hedge fund"),
    )  # fmt: skip
    m = TopicMatcher([topic])

    def assign(text: str) -> tuple[str, ...]:
        return m.assign(m.phrases(text), 0.5)

    assert assign("Researchers in Hangzhou published the cost of training R1.") == ()
    assert assign("Liang Wenfeng runs the company.") == ("company-founder",)  # a phrase
    assert assign("The founder is from Hangzhou.") == ("company-founder",)  # the topic's name


def test_no_dependent_openings_and_faithful(full: tuple[Library, Path]) -> None:
    lib, seeds = full
    assert ct.dependent_openings(lib) == []
    assert ct.unfaithful(lib, seeds) == []


def test_an_article_summary_reads_as_a_paragraph(full: tuple[Library, Path]) -> None:
    """A summary sentence that leans on the one before it ("It briefly banned …") follows
    that sentence, or reads as its standalone point; a headline never runs into the lede."""
    lib, seeds = full
    bodies = {
        a.meta.id: " ".join(line.text for line in clean_text(a.body).lines)
        for a in read_seeds(seeds).articles
    }
    for art in lib.articles:
        brief = lib.article_brief(art.id)
        assert brief is not None
        sents = split_sentences(brief.summary)
        title = re.escape(normalise(art.title))
        assert not re.search(title + r" [A-Z]", normalise(brief.summary)), art.id  # a run-on
        for before, sent in zip(["", *sents], sents, strict=False):
            if dependent(sent) and "[" not in sent:
                # the sentence before as written, or named in brackets ("\[DeepSeek\] was …")
                pair = f"{before} {sent}".replace("\\[", "[").replace("\\]", "]")
                assert faithful(pair, " ".join(bodies[art.id].split())), (art.id, sent)


def test_no_repeated_source_text_in_a_brief(
    full: tuple[Library, Path], repo_seeds: Path, tmp_path: Path
) -> None:
    assert ct.repeats(full[0]) == []
    assert ct.repeats(ct.build_into(repo_seeds, tmp_path / "out")) == []


def test_overview_says_what_deepseek_is_and_has_a_dated_timeline(
    full: tuple[Library, Path],
) -> None:
    lib, _ = full
    lead = lib.overview.lead[0].text
    assert "DeepSeek" in lead and any(w in lead for w in (" is a ", "company", "startup"))
    days = [p.text.split(":", 1)[0] for p in lib.overview.timeline]
    assert len(days) >= 3 and days == sorted(days)  # oldest first
    assert all(p.citations for p in lib.overview.timeline)
    # the newest coverage is never crowded out by the January days many articles report:
    # September's price list leads the key points, May's R1 upgrade is on the timeline
    assert "16:00 UTC on Friday, Sept. 5" in lib.overview.points[0].text
    assert "2025-05-28" in days


def test_first_screen_replies_are_short(full: tuple[Library, Path]) -> None:
    """About one Slack screen: median ≤ 1,200 characters; a lead, then at most five points."""
    lib, _ = full
    lengths = []
    for q in ct.queries():
        reply = topic_reply(lib, q.ask)
        lengths.append(len(ct.visible_text(reply)))
        sections = [b["text"]["text"] for b in reply["blocks"] if b["type"] == "section"]
        assert sum(t.count("• ") for t in sections if "Where sources differ" not in t) <= 5
    assert statistics.median(lengths) <= 1200, sorted(lengths)
    assert max(lengths) <= 1800, sorted(lengths)


@pytest.fixture(scope="module")
def seeds_only(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Path]:
    tmp = tmp_path_factory.mktemp("seeds-only")
    return ct.build_into(ct.make_seeds(tmp / "s0", corpus=[]), tmp / "b0"), tmp / "b0"


@pytest.mark.parametrize("entry", ct.corpus_articles(), ids=lambda e: e["file"][:-4])
def test_adding_one_article_changes_only_the_briefs_it_touches(
    seeds_only: tuple[Library, Path], tmp_path: Path, entry: dict[str, str]
) -> None:
    before, out0 = seeds_only
    after = ct.build_into(ct.make_seeds(tmp_path / "s1", corpus=[entry]), tmp_path / "b1")
    new = Path(entry["file"]).stem
    for t in before.topics:
        b0, b1 = before.brief(t.id), after.brief(t.id)
        if new not in {s.article_id for s in b1.sources}:
            assert b0.markdown == b1.markdown, t.id  # untouched: byte for byte the same
    for a in before.articles:
        same_topics = a.topics == next(x.topics for x in after.articles if x.id == a.id)
        if same_topics:  # an article page lists the briefs citing it; else it is unchanged
            assert (out0 / a.path).read_bytes() == (tmp_path / "b1" / a.path).read_bytes()


@pytest.mark.parametrize("entry", ct.corpus_articles(), ids=lambda e: e["file"][:-4])
def test_held_out_article_reaches_the_answer_to_its_question(
    tmp_path: Path, entry: dict[str, str]
) -> None:
    """Each corpus article alone added to the seeds: its questions' key facts reach the reply."""
    lib = ct.build_into(ct.make_seeds(tmp_path / "s", corpus=[entry]), tmp_path / "b")
    stem = Path(entry["file"]).stem
    qs = [
        q for q in ct.queries() if stem in q.needs and set(q.needs) <= {a.id for a in lib.articles}
    ]
    assert qs
    got = sum(ct.recall(ct.visible_text(topic_reply(lib, q.ask)), q) for q in qs)
    total = sum(len(q.facts) for q in qs)
    assert got / total >= 0.6, (got, total)  # measured: 62–100% per article, 75% overall


GRID = """DeepSeek's data centres strain Zhejiang's power grid
Zhejiang's grid operator said DeepSeek's data centres drew 180 megawatts of electricity in March.
The grid operator warned that electricity demand from data centres could double by 2027.
Local officials said the electricity would come from a new solar farm near Hangzhou.
Residents complained that the data centres' cooling towers used too much water and electricity.
The grid operator plans to build two substations for the data centres next year.
Electricity prices for the data centres are set by the provincial grid operator.
"""


def test_coverage_no_topic_holds_is_reported_with_a_stub(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.builder.cli import build

    seeds = ct.make_seeds(tmp_path / "seeds", corpus=[])
    _dated(seeds, "zhejiang-grid", "2025-04-02", GRID)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        build, ["--seeds", str(seeds), "--out", str(out), "--show-unmatched"]
    )
    assert result.exit_code == 0, result.output
    shared = re.search(r"fit no topic; they share “([^”]*)”", result.output)
    assert shared is not None and "electricity" in shared.group(1).split(", ")
    assert "zhejiang-grid: " in result.output and "[[topic]]" in result.output
    stub = result.output.split("[[topic]]", 1)[1]
    keywords = re.search(r"keywords = \[([^\]]*)\]", stub)
    assert keywords is not None and '"electricity"' in keywords.group(1)
    plain = CliRunner().invoke(
        build, ["--seeds", str(ct.make_seeds(tmp_path / "s0", corpus=[])), "--out", str(out)]
    )
    assert "fit no topic" not in plain.output  # the seeds' topics hold their coverage


def test_a_topic_stub_is_named_by_its_subject_not_by_reporting_words() -> None:
    """ "according", "announced" and weekdays recur in any cluster of news; a stub's keywords
    are what the cluster is about."""
    from bot.builder.text import content_tokens
    from bot.builder.unmatched import unmatched

    texts = [
        "Freedonia banned Widget on government devices on Monday, according to officials.",
        "Ruritania announced a ban on Widget on government devices, according to a statement.",
        "Lawmakers in Freedonia announced the government devices ban on Tuesday.",
        "Ruritania said government devices must drop Widget within 30 days, according to AP.",
    ]
    points = [(f"a{i}", t, False, content_tokens(t)) for i, t in enumerate(texts)]
    filler = [(f"f{i}", f"Acme shipped product {i} to retailers.", True, content_tokens(f"Acme shipped product {i} to retailers.")) for i in range(80)]  # fmt: skip
    [group] = unmatched(points + filler, len(points) + len(filler))
    assert not {"according", "announced", "Monday", "Tuesday"} & set(group.words)
    assert "government" in group.words or "devices" in group.words


def _earlier(lib: Library, topic: str) -> list[str]:
    brief = lib.brief(topic)
    return [c.text for d in brief.differences for c in d.claims if c.text.startswith("earlier:")]


def test_a_newer_figure_shows_an_older_not_disclosed_as_history(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """The seeds say R1's training cost was not disclosed; a later article gives R1's figure:
    the figure updates the statement, which shows as history under the figures."""
    lib, _ = _built(
        seeds_copy,
        tmp_path,
        "r1-paper",
        "2025-09-18",
        "DeepSeek said in a paper published on Wednesday that training its R1 model cost "
        "$294,000, on 512 Nvidia H800 chips.\n",
    )
    earlier = _earlier(lib, "training-cost")
    assert earlier and "not disclosed" in earlier[0] and "R1" in earlier[0]
    brief = lib.brief("training-cost")
    assert not any("not disclosed" in p.text for p in (*brief.lead, *brief.points, *brief.more))


def test_another_models_figure_does_not_update_a_not_disclosed(full: tuple[Library, Path]) -> None:
    """The corpus dates V3's $5.6 million, never R1's cost: "has not disclosed the training costs
    for its R1 model" is not history, and no point is marked as updating it."""
    lib, _ = full
    assert not any("R1" in e for e in _earlier(lib, "training-cost"))
    silent = [p for p in lib.points if "not disclosed the training costs for its R1" in p.text]
    assert silent and all(p.updated_by is None for p in silent)


def test_a_trimmed_point_keeps_its_own_verb() -> None:
    from bot.builder.analyse import trim

    aside = (
        "The launch of the model on 20 January — which erased USD1tn from the US tech market "
        "amid fears of overheated AI investment — has caused a wide range of reactions from "
        "policymakers, academics and industry leaders around the world."
    )
    assert trim(aside) == aside  # cutting after the aside would leave no main verb
    long = (
        "DeepSeek trained its V3 model on Nvidia H800 chips over about two months of work, "
        "which analysts said showed how far export controls had failed to slow Chinese "
        "laboratories that were determined to keep up with American rivals at lower cost."
    )
    assert (
        trim(long)
        == "DeepSeek trained its V3 model on Nvidia H800 chips over about two months of work."
    )
    # ", and cut …": the subject's second verb carries a fact, so no cut comes before it
    both = (
        "Widget on Tuesday released W5, an upgraded version of its flagship language model, and "
        "cut the prices it charges developers by roughly a third, stepping up competition with "
        "domestic rivals and U.S. developers."
    )
    assert "and cut the prices it charges developers by roughly a third" in trim(both)
    # the closing dash of an aside is no break: the sentence's verb comes after it
    pattern = (
        "Security researchers noted that the pattern — a flood of traffic used as a "
        "distraction for a targeted intrusion — has become common against AI services, and "
        "that more such attacks on chatbot makers were expected to follow in the months ahead."
    )
    assert trim(pattern).endswith("— has become common against AI services.")


BLOCKED = """ROME – Italy's data protection authority, the Garante, ordered DeepSeek to block its \
chatbot for Italian users on Thursday, citing privacy concerns.
The Garante said DeepSeek had not explained what personal data it collects or where it is kept.
"""
LIFTED = """ROME – Italy's data protection authority, the Garante, lifted its block on the DeepSeek \
chatbot for Italian users on Thursday after the company agreed to new privacy safeguards.
DeepSeek will store the data of Italian users in the European Union, the Garante said.
"""


def _dated(
    seeds_dir: Path,
    aid: str,
    published: str | None,
    body: str,
    publisher: str | None = None,
    title: str | None = None,
) -> None:
    date = f"published = {published}\n" if published else ""
    date += f'publisher = "{publisher}"\n' if publisher else ""
    head = f'+++\nid = "{aid}"\ntitle = "{title or aid}"\n{date}+++\n'
    (seeds_dir / "articles" / f"{aid}.txt").write_text(head + body)


def _built(
    seeds_dir: Path,
    tmp_path: Path,
    aid: str,
    published: str | None,
    body: str,
    publisher: str | None = None,
    title: str | None = None,
) -> tuple[Library, list[str]]:
    """The seeds built with one article added: the library, and that article's points."""
    _dated(seeds_dir, aid, published, body, publisher, title)
    lib = ct.build_into(seeds_dir, tmp_path / "out")
    return lib, [p.text for p in lib.points if p.sources == (aid,)]


@pytest.mark.parametrize(
    ("blocked", "lifted"), [("2025-01-30", "2025-04-10"), (None, "2025-04-10")]
)
def test_a_newer_report_updates_an_older_one_which_shows_as_history(
    seeds_copy: Path, tmp_path: Path, blocked: str | None, lifted: str
) -> None:
    """A ban lifted after it was imposed: the brief gives the lifting, and the block only as an
    earlier report with its date. An undated article counts as the oldest."""
    _dated(seeds_copy, "italy-block", blocked, BLOCKED)
    _dated(seeds_copy, "italy-lift", lifted, LIFTED)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    [brief] = [
        b
        for b in lib.briefs.values()
        if any("lifted its block" in p.text for p in (*b.lead, *b.points, *b.more))
    ]
    shown = [p.text for p in (*brief.lead, *brief.points, *brief.more)]
    assert not any("ordered DeepSeek to block" in t for t in shown)
    if blocked:  # the update made the first screen: the block shows beside it, dated
        assert any("lifted its block" in p.text for p in (*brief.lead, *brief.points))
        [earlier] = [d for d in brief.differences if d.aspect == "Earlier reports"]
        [claim] = earlier.claims
        assert claim.text.startswith(f"earlier ({blocked}): ")
        assert "ordered DeepSeek to block" in claim.text
    # the catalogue the answers rank says so too
    by_id = {p.id: p for p in lib.points}
    [old] = [p for p in lib.points if "ordered DeepSeek to block" in p.text]
    assert old.updated_by is not None and "lifted its block" in by_id[old.updated_by].text


def test_an_older_report_of_the_lifting_itself_is_no_history(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """An undated explainer that says "The block was lifted on April 10" already reports
    what the newer article does: it is not replaced by it, so "when was it lifted" finds it."""
    _dated(seeds_copy, "italy-lift", "2025-04-10", LIFTED)
    _dated(
        seeds_copy,
        "italy-explainer",
        None,
        "Italy's data protection authority, the Garante, ordered DeepSeek to block its chatbot "
        "for Italian users on January 30. The block was lifted on April 10 after DeepSeek agreed "
        "to new privacy safeguards.\n",
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    told = [p for p in lib.points if "was lifted on April 10" in p.text]
    assert told and all(p.updated_by is None for p in told), told


ORDERED = """Ruritania's data protection authority, the Kommissar, on Thursday ordered the two \
companies behind the DeepSeek chatbot to stop processing the personal data of Ruritanian users \
with immediate effect.
"""
REVERSED = """Ruritania's data protection authority said on Monday it had lifted its block on \
DeepSeek's chatbot app after the company agreed to store Ruritanian users' data in Europe and to \
appoint a representative there.
"""


def test_a_lifting_updates_the_order_it_ends_though_worded_apart(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Lifted its block" ends "ordered … to stop processing": the two share few words, but
    the reversal names what it ends and both name Ruritania. The answer leads with the lifting."""
    _dated(seeds_copy, "ruritania-order", "2025-01-30", ORDERED)
    _dated(seeds_copy, "ruritania-lift", "2025-11-03", REVERSED)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    by_id = {p.id: p for p in lib.points}
    [old] = [p for p in lib.points if "ordered the two companies" in p.text]
    assert old.updated_by is not None and "lifted its block" in by_id[old.updated_by].text
    ans = answer(lib, "ruritania privacy order")
    assert ans is not None and "lifted its block" in ans.lead.text


def test_an_older_report_never_updates_a_newer_one(seeds_copy: Path, tmp_path: Path) -> None:
    _dated(seeds_copy, "italy-block", "2025-05-01", BLOCKED)
    _dated(seeds_copy, "italy-lift", "2025-04-10", LIFTED)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    assert not any(
        d.aspect == "Earlier reports" for b in lib.briefs.values() for d in b.differences
    )


NATURE = """DeepSeek says R1 cost $294,000 to train
DeepSeek said it spent $294,000 on training its R1 model, in a paper published in Nature on Wednesday.
The paper said the reasoning model was trained on 512 Nvidia H800 chips for 80 hours.
OpenAI chief executive Sam Altman said in 2023 that training foundational models had cost "much more" than $100 million.
"""


def test_a_figure_about_another_company_is_not_set_beside_deepseeks(
    seeds_copy: Path, tmp_path: Path
) -> None:
    _dated(seeds_copy, "nature-r1", "2025-09-18", NATURE)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    rows = [c.text for b in lib.briefs.values() for d in b.differences for c in d.claims]
    assert any("$294,000" in r for r in rows)  # DeepSeek's own figure is compared
    assert not any("$100 million" in r for r in rows)  # OpenAI's is not


def test_every_brief_leads_with_a_point_that_names_deepseek(full: tuple[Library, Path]) -> None:
    """With the corpus added, a brief could lead with "Meta's Llama 3 needed 30.8 million GPU
    hours": true, cited, and no news about DeepSeek."""
    lib, _ = full
    for brief in lib.briefs.values():
        assert brief.lead, brief.id
        assert "deepseek" in brief.lead[0].text.lower(), (brief.id, brief.lead[0].text)


EXPLAINER = """DeepSeek explained: what the lab's new model can and cannot do
What is DeepSeek?
DeepSeek is an AI research lab based in Hangzhou, founded in 2023 by Liang Wenfeng.
Why is everyone talking about it?
Its R1 model, released on Jan. 20, matched OpenAI's o1 on several reasoning tests.
The app reached the top of Apple's U.S. App Store within a week.
Is it really that cheap?
The company says the final training run of V3 cost $5.6 million, but that excludes salaries.
"""


def test_a_question_and_answer_explainer_keeps_its_answers(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Each answer follows a question heading, and the article's subject opens its sentences
    but never stands mid-sentence in them: "Its", "The app" and "The company" are still
    DeepSeek's, named in brackets (or "The app" joined to the sentence before, so named)."""
    _dated(seeds_copy, "explainer", "2025-02-02", EXPLAINER)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = {p.text for p in lib.points if p.sources == ("explainer",)}
    assert (
        "[DeepSeek’s] R1 model, released on Jan. 20, matched OpenAI's o1 on several "
        "reasoning tests." in mine
    )
    app = "The app reached the top of Apple's U.S. App Store within a week."
    assert f"[DeepSeek’s] {app[4:]}" in mine or any(t.endswith(f"tests. {app}") for t in mine)
    assert any(t.startswith("[DeepSeek] says the final training run") for t in mine), mine


@pytest.mark.parametrize(
    ("line", "point"),
    [
        (
            "Founder: Liang Wenfeng, who also runs the hedge fund High-Flyer",
            "[DeepSeek’s] founder: Liang Wenfeng, who also runs the hedge fund High-Flyer.",
        ),
        (
            "Reported training cost of V3: $5.6 million for the final run",
            "[DeepSeek’s] reported training cost of V3: $5.6 million for the final run.",
        ),
        ("Founded: 2023, in Hangzhou, China", None),  # a verb, not a property
        ("Category: Product Launch, Market Disruption", None),  # the article's own metadata
        ("Why it matters: It changes the industry for good", None),  # a sentence, not a value
        ("Marc Andreessen: Praised the model as a breakthrough", None),  # a name, not a property
        ("Japan: guidance, not a fine, for companies", None),  # a place, not a property
        ("Netherlands: Autoriteit Persoonsgegevens opens formal investigation", None),
    ],
)
def test_a_fact_sheet_bullet_is_a_point_about_the_articles_subject(
    line: str, point: str | None
) -> None:
    from bot.builder.analyse import fact_line

    assert fact_line(line, "DeepSeek") == point
    if point is not None:
        assert faithful(point, line) and not dependent(point)
    assert fact_line(line, None) is None  # no subject: whose founder?


def test_a_list_of_who_says_what_is_no_fact_sheet_of_the_articles_subject() -> None:
    """A key-points list ("DeepSeek: $5.6 million …", "Bernstein: $500 million …") gives
    whose figure each is, not properties of the subject: no "[DeepSeek’s] bernstein: …". A
    list of properties ("Staff: …") still is a fact sheet."""
    from bot.builder.analyse import fact_line, named_labels
    from bot.builder.clean import clean_text

    sources = clean_text(
        "Key points\n- DeepSeek: $5.6 million for the final run.\n"
        "- Bernstein: $500 million to $1 billion all-in.\n"
    ).lines
    labels = named_labels(sources, known={"DeepSeek"})
    assert labels == {"DeepSeek", "Bernstein"}
    assert fact_line("Bernstein: $500 million to $1 billion all-in", "DeepSeek", labels) is None
    sheet = clean_text("- Staff: about 160 researchers\n- Founder: Liang Wenfeng\n").lines
    assert named_labels(sheet, known={"DeepSeek", "Liang"}) == frozenset()
    staff = fact_line("Staff: about 160 researchers, most of them graduates", "DeepSeek")
    assert staff == "[DeepSeek’s] staff: about 160 researchers, most of them graduates."
    # a count of what was released is no property of the article's subject
    assert fact_line("Two models: Sauti Small, with 8 billion parameters", "DeepSeek") is None


EXPLAINED_MODEL = """Widget R9: what we know about the delayed model
Widget has not released its R9 model, and Widget has not said why.
What is R9?
It is the expected successor to R8, the reasoning model Widget released in January.
Key facts:
- Training chips: Nvidia, after failed runs on Huawei Ascend parts
- Expected launch: unknown; a May date came and went
Widget has said little about the delay. Widget did not respond to a request for comment.
4:20 pm ET: Widget chief executive Ana Ruiz said the model would ship when it was ready.
"We are not in a hurry to ship R9," Ruiz said. "Quality matters more to us than release dates, and our users know it."
"""


def test_new_article_shapes_give_points_that_say_whose_they_are(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """A model explainer with a question heading, a fact sheet, a live blog's time stamp, a
    no-comment line and a quotation continued in a second sentence."""
    head = '+++\nid = "widget-r9"\ntitle = "Widget R9: what we know about the delayed model"\n'
    (seeds_copy / "articles" / "widget-r9.txt").write_text(
        head + "published = 2025-08-15\n+++\n" + EXPLAINED_MODEL
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = {p.text for p in lib.points if p.sources == ("widget-r9",)}
    # "What is R9?" asks about R9: its answer's "It" is R9, not the article's subject Widget
    assert (
        "[R9] is the expected successor to R8, the reasoning model Widget released in January."
        in mine
    )
    # the fact sheet describes what the title is about
    assert "[Widget R9’s] training chips: Nvidia, after failed runs on Huawei Ascend parts." in mine
    assert not any("comment" in t for t in mine)
    assert "Widget chief executive Ana Ruiz said the model would ship when it was ready." in mine
    assert (
        '"We are not in a hurry to ship R9," Ruiz said. "Quality matters more to us than release dates, and our users know it."'
        in mine
    )
    assert (
        '"Quality matters more to us than release dates, and our users know it."' not in mine
    )  # nobody's words alone
    assert not any(dependent(t) for t in mine)


def test_a_quotation_alone_names_its_speaker_when_the_join_is_too_long() -> None:
    said = '"DeepSeek has ignited global enthusiasm across the industry," Huang said.'
    more = '"It is an excellent innovation."'
    assert dependent(more)
    assert make_standalone(more, said) == f"{said} {more}"
    long_said = said.replace("across the industry", "across the industry " + "and beyond " * 25)
    alone = make_standalone(more, long_said)
    assert alone == '[Huang:] "It is an excellent innovation."'
    assert faithful(alone, f"{long_said} {more}")
    assert make_standalone(more, None) is None  # no speaker in sight: left out


def test_the_overview_leads_with_what_deepseek_is_not_the_latest_news(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """A newer, figure-rich lede that names DeepSeek in apposition ("AI developer DeepSeek on
    Monday released …") does not displace "DeepSeek is a …"."""
    _dated(
        seeds_copy,
        "v9-price-cut",
        "2025-09-29",
        "Chinese AI developer DeepSeek on Monday released an experimental model, V9, and cut "
        "the prices of its API by more than 50%, stepping up a price war with its rivals.\n",
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    assert lib.overview.lead[0].text.startswith("DeepSeek is a ")


def test_a_new_price_down_from_the_old_one_updates_it(seeds_copy: Path, tmp_path: Path) -> None:
    _dated(
        seeds_copy,
        "price-old",
        "2025-09-05",
        "DeepSeek's new API price list took effect on Friday.\nUnder the list, the DeepSeek "
        "chat model costs $0.07 per million input tokens on a cache hit, the company said.\n",
    )
    _dated(
        seeds_copy,
        "price-new",
        "2025-09-29",
        "DeepSeek published a new API price list on Monday.\nUnder the new list, the DeepSeek "
        "chat model costs $0.028 per million input tokens on a cache hit, down from $0.07.\n",
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    by_id = {p.id: p for p in lib.points}
    [old] = [p for p in lib.points if p.sources == ("price-old",) and "$0.07" in p.text]
    assert old.updated_by is not None and "$0.028" in by_id[old.updated_by].text


def test_a_brief_leads_with_a_point_about_its_topic(seeds_copy: Path, tmp_path: Path) -> None:
    """The newest, figure-dense point that merely names R1 and V3 (a price cut) does not lead
    the models brief: a point about the models and how they compare does."""
    _dated(
        seeds_copy,
        "night-prices",
        "2025-09-05",
        "Since Feb. 26, DeepSeek had also cut prices at night by 50% for V3 and by 75% for R1, "
        "so that both cost just $0.035 and $0.135 per million tokens, the company said.\n",
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    lead = lib.brief("models-comparison").lead[0].text
    assert "prices" not in lead and any(w in lead for w in ("rival", "benchmark", "o1"))


def test_nothing_is_joined_onto_a_headline(seeds_copy: Path, tmp_path: Path) -> None:
    """A headline has no full stop: a dependent sentence after it is left out, not run on."""
    headline = "South Korea lets DeepSeek back into app stores after privacy fixes"
    (seeds_copy / "articles" / "plan-after-headline.txt").write_text(
        f'+++\nid = "plan-after-headline"\ntitle = "{headline}"\npublished = 2025-04-28\n+++\n'
        f"{headline}\nThis came after the regulator found DeepSeek had sent user data to "
        "servers abroad.\nThe plan comes a day after the regulator told big tech companies to "
        "check their apps.\nChinese AI developers, including DeepSeek, have been under "
        "pressure from regulators in South Korea to change how they handle data.\n"
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = [p.text for p in lib.points if p.sources == ("plan-after-headline",)]
    assert not any("fixes This came" in t for t in mine)  # no run-on after the headline
    assert not any("The plan comes" in t for t in mine)  # "The plan": which plan?
    assert any(t.startswith("Chinese AI developers, including DeepSeek") for t in mine)


def test_a_place_based_description_is_no_name() -> None:
    """ "One Freedonia-based software firm said …": "Freedonia-based" describes the firm; it
    is no one's name, so "The company said …" after it is never "[Freedonia-based] said"."""
    assert subject("One Freedonia-based software firm said it had switched providers.") is None
    assert subject("Hong Kong-listed Widget said it had switched providers.") == "Widget"
    assert subject("Widget-V3 was trained on 2,048 chips.") == "Widget-V3"
    # a common noun first: the name after it is no subject
    assert subject("Analysts at one Freedonia brokerage said volume tripled.") is None


def test_the_company_is_a_name_that_acts_never_a_person_or_a_tier() -> None:
    """ "The company did not put a figure on it" after "Pro subscribers will get …" is not
    "[Pro]"; after "The chief financial officer, Lu Meng, told analysts …" not "[Lu]"."""
    # a name no sentence has act ("Pro subscribers will get …") is no company
    pro = "Pro subscribers will get seven days added to their subscription."
    got = make_standalone("The company did not put a figure on the total cost.", pro, pro,
                          "Widget", None, pro, earlier=[pro])  # fmt: skip
    assert got is None or "[Pro]" not in got
    # a person by a job, before or after a comma, or a "she" opening the next sentence
    cfo = ["The chief financial officer, Lu Meng, told analysts the deal worked."]
    assert is_surname("Lu", cfo)
    assert is_surname("Wu", ["The programme lists Wu Yuhan, head of product, as first speaker."])
    got = make_standalone("The company will fund part of it with a loan.", None, cfo[0],
                          None, None, cfo[0], earlier=cfo)  # fmt: skip
    assert got is None or "[Lu]" not in got
    before = "One Freedonia-based software firm said it had switched providers within an hour."
    got = make_standalone("The company said it would give customers a credit of 15%.", before,
                          before, "Widget", None, before, earlier=[before])  # fmt: skip
    assert got is None or "[Freedonia-based]" not in got


def test_the_company_said_after_a_sentence_that_names_nobody_is_the_articles_subject(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Output" opens a sentence mid-paragraph: it is no name, so '"…," the company said'
    after it is Widget's words (the article's subject), never "[Output] said"."""
    _dated(
        seeds_copy,
        "widget-prices",
        "2025-09-29",
        "Widget released an experimental model on Monday and cut its prices by half.\n"
        "Widget said the model handles long documents at a lower cost than before.\n"
        "Widget published the model's weights on Hugging Face under the MIT license.\n"
        "Analysts expect rivals to follow Widget within weeks.\n"
        "Input tokens now cost $0.028 per million. Output tokens cost $0.42 per million, down "
        'from $1.68. "This is an intermediate step toward our next architecture," the company '
        "said in a post.\n",
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = [p.text for p in lib.points if p.sources == ("widget-prices",)]
    assert any(t.startswith('"This is an intermediate step') and "[Widget] said" in t for t in mine)
    assert not any("[Output]" in t for t in mine)


INTERVIEW_AND_LIST = """Widget's year so far
We asked an analyst about the Widget shock, then listed the dates that mattered.
Q: Did Widget really train W3 for $5.6 million?
A: That figure covers one run. It leaves out the research, the failed runs and the hardware.
- Jan. 20: W1, a reasoning model, is released under the MIT license.
- Feb. 24-28: Widget publishes five infrastructure libraries in its Open Source Week.
- Mar. 3: Widget's app passes 10 million downloads in the Apple and Google app stores.
This interview has been edited for length and clarity.
"""


def test_interview_answers_and_dated_lists(seeds_copy: Path, tmp_path: Path) -> None:
    """ "A: That figure …" leans on the question even behind its label; "This interview has
    been edited" is furniture; a dated list line is an event in any tense, and the timeline
    shows it without the list's own date label."""
    lib, mine = _built(seeds_copy, tmp_path, "widget-year", "2025-10-01", INTERVIEW_AND_LIST)
    assert not any("That figure" in t or "edited for length" in t for t in mine)
    timeline = [p.text for p in lib.overview.timeline]
    assert "2025-01-20: W1, a reasoning model, is released under the MIT license." in timeline
    assert any(t.startswith("2025-02-24: Widget publishes five") for t in timeline)
    # the newest event leads the overview's key points, so the first screen is current
    assert "10 million downloads" in lib.overview.points[0].text
    assert not any("10 million downloads" in t for t in timeline)  # once in the overview


BRITISH_QUOTES = """Widget's regulator opens a review of the app's data handling.
‘We are concerned that personal data could leave the country without adequate safeguards,’ said Ana Ruiz, the regulator's director.
‘Organisations should not use the Widget app for work until these questions are answered.’
"""


def test_single_quotes_are_quotations_too(seeds_copy: Path, tmp_path: Path) -> None:
    """British ‘…’ quotes: "We" inside one is the speaker's, not the writer's; a quotation
    alone in the next paragraph continues the speaker before and is named as theirs."""
    _lib, mine = _built(seeds_copy, tmp_path, "widget-review", "2025-03-12", BRITISH_QUOTES)
    assert any(t.startswith("‘We are concerned") for t in mine)
    assert (
        "[Ana Ruiz:] ‘Organisations should not use the Widget app for work until these "
        "questions are answered.’" in mine
    )


SIGNPOSTED = """Widget will train its next model on Acme chips
Widget plans to train part of its next model on Acme's A9 processors, two people said on Tuesday.
Why it matters: It would be the first time a Freedonian lab has moved frontier training onto local chips.
The big picture: Ruritania has tightened export rules three times since 2022.
Driving the news: The people said Widget had tested a cluster of about 4,000 A9 chips.
Yes, but: Analysts at Bernstein estimate Acme can make only about 200,000 A9 chips this year.
"""

EXPLAINER_DOTS = """Widget W4: what we know so far
Q. When is W4 coming out?
A. Widget has not announced a date. Freedonian media reports in October pointed to a launch in February.
Q. What is W4?
A. It is expected to be the successor to W3, Widget's current general-purpose model.
"""


def test_signpost_labels_are_dropped_and_never_glued_out(seeds_copy: Path, tmp_path: Path) -> None:
    """ "Why it matters:", "Yes, but:": a point drops the label that opens it, and a join
    across one keeps it, so every point is still the article's own text."""
    lib, mine = _built(seeds_copy, tmp_path, "signposted", "2025-10-14", SIGNPOSTED)
    assert ct.unfaithful(lib, seeds_copy) == []
    assert (
        "Analysts at Bernstein estimate Acme can make only about 200,000 A9 chips this year."
        in mine
    )
    assert not any(t.startswith(("Yes, but", "The big picture")) for t in mine)
    assert any("said on Tuesday. Why it matters: It would be the first time" in t for t in mine)


EXPLAINER_SO = """Widget just released W5. Here's what you need to know
Acme released W5, a new model, on Monday.
So what is W5?
It's a reasoning model that thinks before it answers.
It was a busy week for Acme's engineers.
"""


def test_a_question_heading_opened_by_so_names_what_the_answer_is_about(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "So what is W5?" then "It's a reasoning model …": the answer is W5's, and an "it" that
    stands for nothing ("It was a busy week") names nobody."""
    lib, mine = _built(seeds_copy, tmp_path, "w5-explainer", "2025-11-10", EXPLAINER_SO)
    assert "[W5 is] a reasoning model that thinks before it answers." in mine
    assert not any(t.startswith("[") and "busy week" in t for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


def test_an_explainer_with_q_dot_and_a_dot_labels(seeds_copy: Path, tmp_path: Path) -> None:
    """ "Q. What is W4?" / "A. It is …": the answer names what was asked, without its label."""
    lib, mine = _built(seeds_copy, tmp_path, "w4-explainer", "2025-11-10", EXPLAINER_DOTS)
    assert (
        "[W4] is expected to be the successor to W3, Widget's current general-purpose model."
        in mine
    )
    assert not any(t.startswith(("A. ", "Q. ")) for t in mine)
    summary = lib.article_brief("w4-explainer")
    assert summary is not None and "It is expected" not in summary.summary


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # "Correction, Nov. 3: …" is the publisher's note, like "Correction:"
        (
            "Correction, Nov. 3: An earlier version of this article misstated the number of "
            "countries restricting Widget. It is 12, not 21.\n"
            "At least twelve countries now bar Widget's app from government devices, according "
            "to a tally published on Friday.\n",
            "earlier version",
        ),
        # a no-comment line is nothing to join the next sentence onto
        (
            "Novelists sued Widget in federal court on Wednesday over pirated copies of their "
            "books.\nWidget did not respond to a request for comment. The case is one of more "
            "than 40 copyright suits filed against AI companies since 2023.\n",
            "comment.",
        ),
    ],
)
def test_publisher_notes_and_no_comment_lines_are_no_points(
    seeds_copy: Path, tmp_path: Path, body: str, absent: str
) -> None:
    _lib, mine = _built(seeds_copy, tmp_path, "widget-notes", "2025-11-01", body)
    assert mine and not any(absent in t for t in mine)


def test_an_article_summary_opens_with_its_lede(seeds_copy: Path, tmp_path: Path) -> None:
    """News says what matters first: the summary opens with the first sentence, however much
    denser the later ones are."""
    body = (
        "Widget delays its W5 model\n"
        "Widget has delayed the release of its next model, people familiar with it said.\n"
        "Training runs on 4,000 Acme A9 chips failed 12 times in March, costing $30 million.\n"
        "Acme shares fell 4.5% to $212.30 on Tuesday, their lowest since March 2024.\n"
        "Analysts at Bernstein cut their 2025 forecast for Acme chip sales by 18% on Monday.\n"
        "Widget spent $120 million on 10,000 Nvidia H800 GPUs in 2024, filings show.\n"
        "Rival Gizmo raised $600 million in August at a $3.8 billion valuation.\n"
    )
    _dated(seeds_copy, "widget-delay", "2025-08-14", body)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    brief = lib.article_brief("widget-delay")
    assert brief is not None and brief.summary.startswith("Widget has delayed the release")


def test_a_profile_names_its_person_for_he_and_she(seeds_copy: Path, tmp_path: Path) -> None:
    """A profile names its person once, then says "she": a long opening phrase before "she"
    still leans on the name, and "She co-founded …" names her."""
    body = (
        "The quiet founder behind Widget\n"
        "Ana Ruiz rarely gives interviews.\n"
        "Born in 1985 in a small town in Freedonia, she studied electrical engineering in the "
        "capital.\n"
        "She co-founded the hedge fund Acme Capital in 2015, which by 2021 managed $9 billion.\n"
        "Despite all the buzz around the W1 model, it is too early to call it the leader.\n"
    )
    _lib, mine = _built(seeds_copy, tmp_path, "ruiz-profile", "2025-06-02", body)
    assert any(t.startswith("Ana Ruiz rarely gives interviews. Born in 1985") for t in mine)
    assert not any(t.startswith("Born in 1985") for t in mine)  # "she": who?
    assert any(t.startswith("[Ana Ruiz] co-founded the hedge fund") for t in mine)
    assert any(t.startswith("Despite all the buzz around the W1 model, it is") for t in mine)


def test_a_headline_in_capitals_is_no_point(seeds_copy: Path, tmp_path: Path) -> None:
    """ "WIDGET OUTAGE HITS USERS WORLDWIDE" would shout in a reply; the lede says it."""
    body = (
        "WIDGET OUTAGE HITS USERS WORLDWIDE\n"
        "Widget's chatbot was down for about four hours on Tuesday, its status page showed.\n"
    )
    head = '+++\nid = "widget-outage"\ntitle = "WIDGET OUTAGE HITS USERS WORLDWIDE"\n+++\n'
    (seeds_copy / "articles" / "widget-outage.txt").write_text(head + body)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = [p.text for p in lib.points if p.sources == ("widget-outage",)]
    assert mine and not any(t.isupper() for t in mine)


def test_the_middle_of_a_straight_quoted_passage_is_nobodys_statement(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """A quotation in straight quotes, open over several sentences: its middle is the
    speaker's words, never the article's own statement."""
    body = (
        "Acme chief executive Ana Ruiz said on Wednesday that Widget's cheap models would raise "
        "demand for chips.\n"
        '"People think that if models get cheaper, we need fewer chips. It is the opposite. '
        "Cheaper models mean more people use AI, and every one of them needs inference.\n"
    )
    _lib, mine = _built(seeds_copy, tmp_path, "acme-quote", "2025-03-19", body)
    assert mine and not any(t.startswith(("Cheaper models", "It is the opposite")) for t in mine)


def test_a_transcripts_words_say_whose_they_are(seeds_copy: Path, tmp_path: Path) -> None:
    """ "RUIZ: Widget showed …" in a transcript is Ruiz's view, not the article's, named in full
    as the opening names her; the host's lines are prompts; a label that opens one line only
    ("BREAKING:") names no speaker."""
    body = (
        "HOST: Welcome back. Today we talk about Widget with Ana Ruiz, a venture investor.\n"
        "RUIZ: It did. Widget showed a strong model can be trained for a few million dollars.\n"
        "HOST: Is the figure real?\n"
        "RUIZ: It covers one run. The research behind Widget cost far more, hundreds of "
        "millions.\n"
        "BREAKING: Widget released its W9 model on Monday, the company said in a statement.\n"
    )
    lib, mine = _built(seeds_copy, tmp_path, "widget-podcast", "2025-03-01", body)
    assert (
        "[Ana Ruiz:] Widget showed a strong model can be trained for a few million dollars." in mine
    )
    assert not any("Today we talk about" in t for t in mine)  # the host's words: no news
    assert not any(t.startswith("Widget showed") for t in mine)
    assert "Widget released its W9 model on Monday, the company said in a statement." in mine
    summary = lib.article_brief("widget-podcast")
    assert summary is not None
    plain = summary.summary.replace("\\", "")  # the Markdown's escapes: "\\[Ruiz:\\]"
    assert "[Ana Ruiz:] Widget showed" in plain and plain.count("Widget showed") == 1


TURNS = """Ana Ruiz leads Widget's consumer app. The conversation has been edited for length.

Q: Why does a research lab need an app?

Ruiz: Because the app is where we learn what people do with the models.

Q: There has been speculation that advertising is next.

Ruiz: There will be no advertising in the Widget app in 2026.

Acme Weekly: Your rivals say you are buying market share with very low prices in Freedonia.

Ruiz: The app is how most people first met Widget, so yes.

This interview is part of our series "Inside the Labs".

Read the previous instalment, with a robotics founder, here.
"""


def test_a_transcripts_turns_in_title_case_say_whose_words_they_are(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Q: There has been speculation …" and "Acme Weekly: Your rivals say …" (the
    publication) are the interviewer's, no points; "Ruiz: …" is "[Ana Ruiz:] …"; the series
    trailer and "Read … here." are nobody's words and no points."""
    _, mine = _built(seeds_copy, tmp_path, "w-turns", "2026-06-01", TURNS, "Acme Weekly")
    assert "[Ana Ruiz:] There will be no advertising in the Widget app in 2026." in mine
    assert not any("speculation" in t or "market share" in t for t in mine), mine
    assert not any("instalment" in t or "Inside the Labs" in t for t in mine), mine
    assert not any("[Ana Ruiz’s] app" in t for t in mine), mine
    # her "The app is how …", named, is still hers
    assert all(t.startswith("[Ana Ruiz:]") for t in mine if "first met" in t), mine


CALL = """Acme Chips Q2 2026 earnings call transcript (excerpt)

Prepared remarks

Ravi Patel, CFO: Thank you, Ana. Revenue for the quarter was $6.8 billion, up 22 percent.

As you know, a new rule requires a licence for exports of the AC-40 to China.

For the full year, we now expect the rule to reduce revenue by about $880 million.

Operator: Our first question comes from Lena Ruiz with Halbrook Securities.

Lena Ruiz, Halbrook Securities: Ravi, how much of the AC-40 demand can you redirect?

Ravi Patel, CFO: Most of it. We shipped 40 percent of that supply to Southeast Asia instead.

Operator: That concludes the call.

Lena Ruiz: Thank you.
"""


CAPITALS_CALL = """Acme Cloud Q2 2026 earnings call (excerpt)

PRIYA NAIR, MORGAN HALE: Congratulations on the quarter. How much of the growth is Widget?

ANA RUIZ, CEO: Thank you, Priya. AI cloud revenue was 1.86 billion yuan, up 78%.

LEO PARK, CFO: If I can add one point. We reduced our list price for W4 by 35% in March.

WANG TAO, HUAXIN SECURITIES: What share of your chips is domestic?

ANA RUIZ, CEO: About 55% at the end of June, up from 30% a year ago.
"""


OUR_PLATFORM = """Acme Cloud Q2 2026 earnings call (excerpt)

PRIYA NAIR, MORGAN HALE: How much of the growth is Widget?

ANA RUIZ, CEO: Thank you, Priya. AI cloud revenue was 1.86 billion yuan, up 78%.

Within model-as-a-service, Widget-W4 is the most used model on our platform by token volume. \
It was about 11% of total AI cloud revenue in the quarter.

WANG TAO, HUAXIN SECURITIES: What share of your chips is domestic?

ANA RUIZ, CEO: About 55% at the end of June, up from 30% a year ago.
"""


def test_a_turn_goes_on_in_a_paragraph_that_speaks_of_our_platform(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Under "ANA RUIZ, CEO: …", a paragraph about "our platform" is still her turn, and its
    "It was about 11% of …" is hers about the model just named: "[Ana Ruiz:] [Widget-W4] was
    about 11% …"."""
    _, mine = _built(seeds_copy, tmp_path, "w-our", "2026-08-13", OUR_PLATFORM, "Acme Wire")
    assert (
        "[Ana Ruiz:] [Widget-W4] was about 11% of total AI cloud revenue in the quarter." in mine
    ), mine


def test_a_one_turn_speaker_among_name_and_role_labels_is_a_speaker(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "LEO PARK, CFO: …" speaks once among other "NAME, ROLE:" turns: his words are his
    ("[Leo Park:] We reduced our list price …"), not lost; the analysts ask."""
    _, mine = _built(seeds_copy, tmp_path, "w-caps", "2026-08-13", CAPITALS_CALL, "Acme Wire")
    assert "[Leo Park:] We reduced our list price for W4 by 35% in March." in mine, mine
    assert any(t.startswith("[Ana Ruiz:] AI cloud revenue") for t in mine), mine
    assert not any("Congratulations" in t or "domestic?" in t for t in mine), mine


def test_an_earnings_calls_remarks_are_the_speakers_not_the_transcript_services(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Ravi Patel, CFO: …" labels his turns, and his remarks go on in the first person a
    paragraph or two below ("we now expect …"): his, not "[Acme Transcripts:] …". The
    operator's lines are no news."""
    _, mine = _built(seeds_copy, tmp_path, "w-call", "2026-08-27", CALL, "Acme Transcripts")
    expect = [t for t in mine if "we now expect" in t]
    assert expect and all(t.startswith("[Ravi Patel:]") for t in expect), mine
    assert any(t.startswith("[Ravi Patel:] Revenue for the quarter") for t in mine), mine
    assert not any("Acme Transcripts" in t or "first question" in t for t in mine), mine


GREETED_CALL = """Acme Chips Q4 2025 earnings call transcript

Operator: Good evening, and welcome to the Acme Chips fourth-quarter earnings call.

Please note that today's discussion contains forward-looking statements.

Ravi Patel, CFO: Fourth-quarter revenue was 1.36 billion yuan, up 58% from a year earlier.

Ravi Patel, CFO: For the full year, revenue was 4.82 billion yuan, up 41%.
"""


def test_an_operators_greeting_asks_nothing_and_a_safe_harbour_is_no_text(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Operator: Good evening, and welcome …" is no question the next turn answers (its words
    would find that turn), and "… contains forward-looking statements." is no news."""
    lib, mine = _built(seeds_copy, tmp_path, "w-q4", "2026-03-19", GREETED_CALL, "Acme Wire")
    assert not any("forward-looking" in t for t in mine), mine
    turns = [p for p in lib.points if p.sources == ("w-q4",) and "1.36 billion" in p.text]
    assert turns and all(p.asked is None for p in turns), turns


FAQ = """Widget confirmed on Tuesday, 18 August, that its next reasoning model, W3, will be \
released on 22 September. The lab had been expected to ship it by the end of July.

What exactly did Widget announce?
In a short post on its WeChat account, the company said W3 would be "released and \
open-sourced on 22 September". It apologised to developers "who have been waiting". Widget \
gave no launch time.

Wasn't it supposed to be out already?
Yes. In May, Ana Ruiz, who runs Widget's API platform, said publicly that the team's target \
was the end of July. Several cloud providers had reserved capacity for a July release. Acme \
Cloud said on its earnings call last week that the no-show cost it two points of utilisation.

Why the delay?
The company gave two reasons. First, it said W3 failed its internal bar on "long-horizon \
agent tasks", meaning multi-step jobs such as fixing a bug across a large codebase. Second, it \
said it needed more time for safety testing.

Widget did not comment on those reports.
"""


def test_the_company_under_an_faq_question_is_the_articles_not_the_last_named(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Under the question "Why the delay?", "The company gave two reasons" is Widget's, the
    article's company, not Acme Cloud's, named last before the question."""
    title = "Widget W3 is late: what we know"
    _, mine = _built(seeds_copy, tmp_path, "w-faq", "2026-08-20", FAQ, "Acme Weekly", title)
    assert any(t.startswith("[Widget] gave two reasons.") for t in mine), mine
    assert not any(t.startswith("[Acme Cloud]") for t in mine), mine


LIFTED_LIST = """The National Authority of Data Protection (ANPD) decided on Tuesday to revoke \
the suspension of the Widget app. The ANPD also reduced the fine from R$9.8 million to \
R$6.5 million. The ANPD said the app may return to the stores within ten days. Widget said it \
would not appeal the remaining fine.

What the company did

For the ANPD, Widget fulfilled the three requirements that motivated the suspension. The company:

- appointed a local data protection officer, the lawyer Ana Ruiz, in April;
- introduced an age check for new users in Brazil, which blocks users under 18;
- notified the 38,400 users whose data were in the records exposed in January.
"""


def test_the_company_in_a_regulators_story_is_the_company_not_the_regulator(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "ANPD revokes suspension of the Widget app": the authority (named by its initials) is
    never "the company"; "For the ANPD, Widget fulfilled …. The company:" lists Widget's acts."""
    title = "ANPD revokes suspension of the Widget app and reduces the fine"
    _, mine = _built(
        seeds_copy, tmp_path, "w-anpd", "2026-07-15", LIFTED_LIST, "Diario Paulista", title
    )
    assert not any(t.startswith("[ANPD]") for t in mine), mine
    assert any(t.startswith("[Widget] introduced an age check") for t in mine), mine
    assert subject("For the ANPD, Widget fulfilled the requirements.") == "Widget"
    assert subject("According to Nvidia, the chips sold out.") == "Nvidia"


ASKED_ABOUT = """Ana Ruiz heads the privacy authority's AI unit, which fined Widget €4 million in \
May. Widget said it would appeal. We spoke in Lisbon.

Acme Weekly: Why did the authority act against Widget?

Ana Ruiz: We asked basic questions for a year and got no answers. With Meta, we acted before \
the training started. Meta had an office here, lawyers here, people we could call.

Acme Weekly: Has Widget responded?

Ana Ruiz: The company has 10 working days to file an appeal, and its lawyers have told us \
they will.

Acme Weekly: What comes next?

Ana Ruiz: We will publish our decision in full in March.
"""


def test_the_company_in_an_answer_is_the_one_the_question_names(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Has Widget responded?" — "The company has 10 working days …": Widget, as the question
    says, not Meta, named last in the answer before."""
    _, mine = _built(seeds_copy, tmp_path, "w-asked", "2026-05-02", ASKED_ABOUT, "Acme Weekly")
    days = [t for t in mine if "10 working days" in t]
    assert days and all("[Meta]" not in t for t in days), mine
    assert any("[Widget] has 10 working days" in t for t in days), mine


AMA = """r/AIInfra · Posted by u/ana_acme · verified founder

Hi Threadline! I'm Ana Ruiz, co-founder and CEO of Acme Compute. We are a 38-person company \
in Rotterdam that hosts Widget's open-weight models on 2,048 GPUs.

Q (u/gouda): Has the ban been good for business?

A (u/ana_acme): Honestly, yes. Sign-ups roughly tripled in the week after April 2.

Q (u/tokenbudget): Why are you more expensive than Widget's own API?

A (u/ana_acme): We pay European electricity prices. We charge $0.45 per million input tokens.
"""


def test_an_amas_answers_are_the_founders_not_the_sites(seeds_copy: Path, tmp_path: Path) -> None:
    """ "I'm Ana Ruiz, co-founder of Acme Compute" opens an AMA: her "A (u/…):" answers and
    her "We are a 38-person company …" are hers, not "[Threadline:] …"."""
    title = "AMA: I'm Ana Ruiz, co-founder of Acme Compute. Ask me anything"
    _, mine = _built(seeds_copy, tmp_path, "w-ama", "2026-06-01", AMA, "Threadline", title)
    assert not any(t.startswith("[Threadline:]") for t in mine), mine
    assert "[Ana Ruiz:] We charge $0.45 per million input tokens." in mine, mine
    assert any(t.startswith("[Ana Ruiz:] We are a 38-person company") for t in mine), mine


HEADLINED_QA = """'Tell us which model you use': an underwriter on AI risk

Interview by Claire Ashdown

Ana Ruiz is head of cyber underwriting at Acme Specialty, a London insurer. We spoke to her \
about Widget's leak at Gizmo Data Services. The conversation has been edited for length.

Q: Are insurers asking clients about AI models now?

A: Very much so. About 30% of the new cyber submissions we see mention Widget's models.

Q: What did the leak change?

A: We've introduced a sublimit for data leakage through AI hosts, set at $2 million per claim.
"""


def test_an_interviews_answers_are_the_interviewees_after_a_headline_and_byline(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """The text repeats its headline and opens with a byline ("Interview by Claire Ashdown"):
    the "A:" answers are the person the introduction names (not "[A:]", nor the interviewer,
    nor the company they were asked about)."""
    title = "'Tell us which model you use': an underwriter on AI risk"
    _, mine = _built(seeds_copy, tmp_path, "w-qa", "2026-06-01", HEADLINED_QA, "Risk Weekly", title)
    assert not any(t.startswith(("[A:]", "[Claire Ashdown:]", "[Gizmo")) for t in mine), mine
    assert any(t.startswith("[Ana Ruiz:] About 30% of the new cyber") for t in mine), mine


COMPANY_FIRST_QA = """Acme Semiconductor cut the price of its A7 chip to 99,000 yuan on April 10. \
Chip Weekly spoke to Ana Ruiz, Acme's founder and CEO. The interview has been edited for clarity.

Q: Why cut it?

A: Our yields went from about 52% to about 71% this year.

Q: What next?

A: We are revising our shipment target to 150,000 units.
"""


def test_an_interviewee_is_whom_the_introduction_spoke_to_not_a_company_named_first(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Acme Semiconductor cut … Chip Weekly spoke to Ana Ruiz, …": the answers are hers."""
    _, mine = _built(seeds_copy, tmp_path, "w-co", "2026-06-01", COMPANY_FIRST_QA, "Chip Weekly")
    assert "[Ana Ruiz:] Our yields went from about 52% to about 71% this year." in mine, mine


PANEL = """Welcome to our live coverage of the headline panel in Shanghai. On stage: Ana Ruiz, chief \
executive of Acme AI; and Leo Park, CEO of Widget.

14:09 — Ruiz is not impressed, politely. "We're not going to follow anyone to zero. Acme charges \
for reliability, for contracts, for someone who picks up the phone at 3 a.m."

14:15 — Park brings the European angle. "In Europe, customers ask where the data sits before \
they ask about price."
"""


def test_a_live_blogs_quotation_after_a_line_on_its_speaker_is_theirs(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "14:09 — Ruiz is not impressed, politely. "We're not going to follow anyone to zero.
    …"": the quotation is Ana Ruiz's, named as the article named her."""
    _, mine = _built(seeds_copy, tmp_path, "w-panel", "2026-07-27", PANEL, "Acme Live")
    assert "[Ana Ruiz:] We're not going to follow anyone to zero." in mine, mine
    assert any(t.startswith("[Leo Park:] In Europe, customers ask") for t in mine), mine


EXPLAINED = """Widget is raising its first outside money, people familiar with the talks said.

Ana Ruiz, the company's founder, has rarely spoken about money in public. In a statement seen \
by Acme Review, she explained the reversal at length.

"We said for a long time that we did not need outside capital. We are taking this money so \
that we can keep doing the same work, not different work."
"""


def test_a_paragraph_that_is_one_quotation_is_the_person_just_announced(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Ana Ruiz, the company's founder, … she explained the reversal at length." then a
    paragraph that is all quotation, with no attribution: her words, named."""
    _, mine = _built(seeds_copy, tmp_path, "w-said", "2026-06-03", EXPLAINED, "Acme Review")
    assert "[Ana Ruiz:] We said for a long time that we did not need outside capital." in mine, mine


DATED_TIMELINE = """Widget's year so far: a timeline

19 August — Johor cleared, with strings
Freedonia's trade ministry approves the Widget hall in Johor on conditions, and an auditor will \
inspect the site every year.

22 September — The long outage
Widget's chat app and API go down for about seven hours after a fault at its Freedonia site.
The outage is the longest in the company's history.
"""


def test_a_timelines_dated_heading_labels_the_lines_under_it(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Under "22 September — The long outage", "Widget's chat app and API go down …" is
    "[22 September:] Widget's chat app …": when it happened goes with it. "The outage is …"
    still leans (a date says which day, not which outage)."""
    _, mine = _built(seeds_copy, tmp_path, "w-dated", "2026-10-05", DATED_TIMELINE, "Acme")
    assert any(t.startswith("[22 September:] Widget's chat app and API go down") for t in mine)
    assert any(t.startswith("[19 August:] Freedonia's trade ministry") for t in mine), mine
    assert not any(t.startswith("[22 September:] The outage is") for t in mine), mine


STATEMENT = """Acme Mobile PLC: unaudited results for the six months ended 30 June 2026

Acme Mobile PLC today announced its results for the half year. Revenue at Acme Mobile rose \
9.2%. Acme Mobile raised its guidance for the year.

In the half, we added 1.2 million subscribers and opened 40 new shops across Freedonia.

Chief Executive's statement

Ana Ruiz, Chief Executive Officer, said: "This was a strong half. Data continued to carry \
growth, and we kept costs under control despite higher energy prices.

"Our Widget-based assistant has had an encouraging start. On 1 May we halved its daily price \
to KSh 5, and weekly sign-ups roughly doubled in the eight weeks that followed."
"""


def test_a_companys_own_release_and_its_chief_executives_statement_say_whose_words(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Published by "Acme Mobile Investor Relations", the release's "we" is Acme Mobile's; "Ana
    Ruiz, Chief Executive Officer, said: "…" runs on into the next paragraph, which opens a
    quotation again: hers, sentence by sentence."""
    title = "Acme Mobile PLC: unaudited results for the six months ended 30 June 2026"
    desk = "Acme Mobile Investor Relations"
    _, mine = _built(seeds_copy, tmp_path, "w-release", "2026-07-28", STATEMENT, desk, title)
    assert any(t.startswith("[Acme Mobile PLC:] In the half, we added 1.2 million") for t in mine)
    assert any(t.startswith("[Ana Ruiz:] On 1 May we halved its daily price") for t in mine), mine
    assert any(t.startswith("[Ana Ruiz:] Data continued to carry growth") for t in mine), mine


def test_an_answers_we_expect_is_never_the_publishers(seeds_copy: Path, tmp_path: Path) -> None:
    """In an interview whose interviewee the opening does not name, "A: … We expect it to
    hold around 60,000 accelerators" is that person's, not "[Circuit Review:] We expect …"."""
    body = (
        "INTERVIEW\n"
        "Two weeks ago a newsletter reported that one of Widget's engineers was leaving.\n"
        "Q: Tell us about the site.\n"
        "A: The first phase is 150 megawatts. We expect it to start running in November, and to "
        "hold around 60,000 accelerators once it is full.\n"
        "Q: And the second phase?\n"
        "A: There is a plan for one, but it depends on financing. We expect 2027 at the earliest.\n"
    )
    _, mine = _built(seeds_copy, tmp_path, "w-steppe", "2026-05-20", body, "Circuit Review")
    assert not any(t.startswith("[Circuit Review:]") for t in mine), mine


def test_a_quoted_our_is_the_speakers_not_the_publishers(seeds_copy: Path, tmp_path: Path) -> None:
    """'"Our token bill is our second-largest cost," said the founder of a start-up …' is the
    founder's words, never "[Meridian Wire:] …" ("our" opens the sentence, inside quotes)."""
    body = (
        "Widget plans a steep price cut for W5, two people said on Monday.\n"
        '"Our token bill is our second-largest cost after salaries," said the founder of a '
        "Shenzhen start-up that builds legal tools on W5, who asked not to be named.\n"
    )
    _, mine = _built(seeds_copy, tmp_path, "w-cut", "2026-02-09", body, "Meridian Wire")
    assert not any(t.startswith("[Meridian Wire:]") for t in mine), mine


def test_the_publications_own_label_in_a_transcript_is_a_prompt_not_news(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "GTW: Europe has not been easy for Chinese AI companies." in Global Tech Weekly's
    interview is the interviewer's prompt: no point; the answer is the interviewee's."""
    body = (
        "Ana Ruiz leads Widget's business outside Freedonia. She spoke to us in Singapore.\n"
        "GTW: Europe has not been easy for Freedonian AI companies. Italy blocked your app.\n"
        "RUIZ: We will offer our API with data residency in the European Union from the fourth "
        "quarter.\n"
        "GTW: Where are you starting?\n"
        "RUIZ: We are opening an office in Singapore and expect about 150 people by December.\n"
    )
    _, mine = _built(seeds_copy, tmp_path, "w-gtw", None, body, "Global Tech Weekly")
    assert not any("Europe has not been easy" in t for t in mine), mine
    assert any(t.startswith("[Ana Ruiz:] We are opening an office in Singapore") for t in mine)


def test_an_interview_answer_keeps_the_question_it_answers(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "VOS: How much hardware do you have on hand? …" then "LIN: … nine months …": the answer's
    points carry the question (its words find them); Vos, most of whose turns ask, is the
    interviewer, so "Then the memory rule came along" (no question mark) is no point, but it
    is the question the next answer answers. The writer's closing line answers nothing."""
    body = (
        "Lin Wei runs infrastructure at Widget. We spoke in Hangzhou.\n"
        "HANNAH VOS: Gizmo was trained on 18,000 K7 chips. Was that a political decision?\n"
        "LIN WEI: Engineering, mostly. We could not be sure we would be able to buy imported "
        "accelerators.\n"
        "VOS: Then the memory rule came along, and the K7 sat right above the line.\n"
        "LIN: Yes. We worked with the chipmaker on a configuration of the K7 with slower memory.\n"
        "VOS: How much hardware do you have on hand? There has been speculation.\n"
        "LIN: We have enough accelerators in our warehouses to cover about nine months of "
        "growth. We built that up last year.\n"
        "VOS: Do you talk to the supplier directly?\n"
        "LIN: No. Our relationship is with the chipmaker.\n"
        "This interview has been edited for length and clarity.\n"
    )
    lib, mine = _built(seeds_copy, tmp_path, "w-lin", "2026-05-02", body, "The Circuit Ledger")
    asked = {p.text: p.asked for p in lib.points if p.sources == ("w-lin",)}
    nine = next(t for t in asked if "nine months" in t)
    assert asked[nine] == "How much hardware do you have on hand? There has been speculation."
    slower = next(t for t in asked if "slower memory" in t)
    assert asked[slower] == "Then the memory rule came along, and the K7 sat right above the line."
    assert not any("memory rule came along" in t for t in mine), mine
    assert all(q is None for t, q in asked.items() if "edited" in t or "runs infrastructure" in t)


def test_a_speakers_i_is_theirs_and_a_label_is_nobodys_name(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "WEI: I checked …, and I can say this: yes, the sheet was real." is the speaker's
    statement (the writer's "I" is no point, a speaker's is); "It was an internal evaluation
    …" after it is never "[WEI] was …": a speaker label is nobody's name, nor the article's
    subject."""
    body = (
        "HOST: Welcome back. Today I talk to Wei Jia, an engineer at Widget.\n"
        "HOST: In May someone leaked a W5 eval sheet. Can you say anything now?\n"
        "WEI: I checked with our comms team, and I can say this much: yes, the sheet was real. "
        "It was an internal evaluation of a checkpoint from April 28.\n"
        "HOST: Why did prices rise?\n"
        "WEI: Reasoning got much longer. Requests now run for twenty minutes.\n"
        "WEI: It holds GPU memory for the whole time, which is expensive.\n"
    )
    _lib, mine = _built(seeds_copy, tmp_path, "widget-podcast", "2026-09-01", body)
    assert any(
        t.startswith("[Wei Jia:] I checked with our comms team") and "the sheet was real" in t
        for t in mine
    )
    assert not any("[WEI]" in t or "[Wei]" in t or "[Wei Jia]" in t for t in mine)


def test_an_articles_subject_can_come_from_its_title() -> None:
    """No name opens three sentences, but the title names Widget and the body mentions it
    twice: "the Hangzhou-based lab" after a sentence that names nobody is [Widget]."""
    from bot.builder.analyse import main_subject, title_subject

    body = [
        "Most of the 160 people who built the W3 model at Widget are recent graduates.",
        "Salaries for top candidates match those at rival labs, two recruiters said.",
        "That culture produced a memory-saving technique first used in Widget-W2.",
    ]
    known = frozenset({"Widget", "W3"})
    assert main_subject(body, known) is None
    assert main_subject(body, known, "Inside Widget's hiring: young researchers") == "Widget"
    assert main_subject(body, known, "Young researchers, no PhDs") is None
    # only the title's own subject: a place it names is not what "the startup" stands for
    office = [
        "The startup behind W3 plans its first office outside Ruritania in Freedonia.",
        "Freedonia's government has courted foreign AI firms with subsidies.",
        "Freedonia offers data-centre capacity to labs that move there.",
    ]
    places = frozenset({"W3", "Ruritania", "Freedonia", "Wall", "Street"})
    title = "The startup that spooked Wall Street plans a Freedonia office"
    assert main_subject(office, places, title) is None
    # a place whose regulator acts: "Freedonia's privacy regulator fines Widget" is not about
    # Freedonia
    decision = [
        "New downloads in Freedonia were suspended in February at the regulator's request.",
        "The regulator found that Freedonia users' data had been sent abroad.",
    ]
    ruling = "Decision summary: Freedonia's privacy regulator fines Widget over data transfers"
    assert main_subject(decision, frozenset({"Freedonia", "Widget"}), ruling) != "Freedonia"
    # a headline in title case capitalises its verb too: the name is what the text names
    acme = [
        "Acme Semiconductor will deliver 20,000 cards to Widget by September.",
        "Widget said Acme Semiconductor cards would serve its W5 model.",
    ]
    in_text = frozenset({"Acme", "Semiconductor", "Widget", "W5"})
    headline = "Acme Semiconductor Signs Supply Agreement with Widget"
    assert title_subject(headline, in_text | {"Signs", "Supply", "Agreement"}, in_text) == (
        "Acme Semiconductor"
    )
    assert main_subject(acme, in_text, headline, in_text) == "Acme Semiconductor"
    # the title opens with a place; the one company it names, mentioned again and again, is
    # what "the company" stands for ("South Korea fines DeepSeek over …")
    fine = [
        "Freedonia's privacy watchdog on Thursday fined Widget 3.9 billion crowns.",
        "The Data Commission said the company's app sent user prompts to Ruritania.",
        "The Data Commission said the transfers had continued for months.",
        "The Data Commission ordered a report within 60 days.",
        "Widget said in a statement that it respected the decision.",
    ]
    named = frozenset({"Freedonia", "Widget", "Data", "Commission", "Ruritania"})
    fined = "Freedonia fines Widget over transfers of user data to Ruritania"
    assert main_subject(fine, named, fined, named) == "Widget"
    # two companies the text mentions as often: no guess
    both = [*fine, "Acme said it had not received any data."]
    both += ["Acme makes the chips."]
    acme_too = named | {"Acme"}
    assert main_subject(both, acme_too, "Freedonia fines Widget, blocks Acme", acme_too) is None
    lab = "The Hangzhou-based lab recruits heavily from two universities in Beijing."
    assert dependent(lab)
    resolved = make_standalone(lab, "Most of its staff are graduates.", None, "Widget", known)
    assert resolved == ("[Widget] recruits heavily from two universities in Beijing.")


def test_a_company_named_with_ai_keeps_the_ai() -> None:
    """ "Epoch AI said …", then "The group also found …": [Epoch AI], not [Epoch]. "AI" alone
    still opens no name ("AI models …")."""
    from bot.builder.names import subject

    before = "Epoch AI said the W3 model's training stage probably added another $1 million."
    assert subject(before) == "Epoch AI"
    assert names_in("AI models from Moonshot AI rival Widget.") == ["Moonshot AI", "Widget"]
    resolved = make_standalone("The group also found that prices fell.", before, None, None)
    assert resolved is not None and resolved.startswith("[Epoch AI]")


def test_a_trimmed_point_keeps_whose_claim_it_is() -> None:
    """Cutting "…, according to two of the people" would make a source's claim the writer's."""
    from bot.builder.analyse import trim

    sourced = (
        "Widget ran into persistent problems during training on the new chips and switched "
        "back to older hardware for training, while keeping the new chips for inference, "
        "according to two of the people."
    )
    assert trim(sourced) == sourced
    plain = (
        "Widget trained its W3 model on older chips over about two months of work, which "
        "analysts said showed how far export controls had failed to slow Chinese "
        "laboratories that were determined to keep up."
    )
    assert (
        trim(plain) == "Widget trained its W3 model on older chips over about two months of work."
    )


def test_a_point_too_long_to_show_is_cut_to_what_fits() -> None:
    """A figure after the break keeps a point whole, unless that makes it longer than an
    answer shows: then it is cut at the last break that fits, its first figures kept."""
    from bot.builder.analyse import SHOWN_MAX, trim
    from bot.slack.answer import LEAD_MAX, POINT_MAX

    assert SHOWN_MAX == POINT_MAX == LEAD_MAX
    long = (
        "The Freedonia Municipal Bureau of Economy and Information Technology on Wednesday "
        "announced a compute voucher programme worth 500 million crowns ($69 million), under "
        "which small and medium-sized enterprises that build products on domestically developed "
        "large models, including Widget, can offset up to 30% of their cloud computing costs."
    )
    assert len(long) > SHOWN_MAX
    assert trim(long) == long[: long.index(", under which")] + "."
    short = long.replace("Municipal Bureau of Economy and Information Technology", "bureau")
    assert len(short) <= SHOWN_MAX and trim(short) == short  # a figure follows: kept whole


COMPARED = """Widget W5 vs Gizmo 2: which should developers pick?
Two months after Widget released W5, developers have a real choice between two models.
Widget W5
- Pros: Cheapest of the two at $0.55 per million input tokens and $2.19 per million output tokens.
- Cons: Slow in reasoning mode, with an average 14.2 seconds before the first token appeared.
Gizmo 2 (Acme)
- Pros: Huge 1 million-token context window handled every long document in one pass.
- Cons: Pricier at $1.20 per million input tokens and $4.80 per million output tokens.
- Cons: Trailed on maths with 86.7% on a maths test, and scored 71.3% on a coding test.
How we tested
All tests used the official APIs between June 8 and June 18, with default settings.
"""


def test_a_list_under_a_heading_that_names_something_is_that_things(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Gizmo 2 (Acme)" over "- Cons: Pricier at $1.20 …": Gizmo 2's cons, never the article
    subject's, and "Pros"/"Cons" are labels, not names ("[Cons] trailed …")."""
    lib, mine = _built(seeds_copy, tmp_path, "w5-vs-gizmo", "2026-06-22", COMPARED)
    assert (
        "[Widget W5’s] pros: Cheapest of the two at $0.55 per million input tokens and $2.19 per million output tokens."
        in mine
    )
    assert (
        "[Gizmo 2’s] cons: Pricier at $1.20 per million input tokens and $4.80 per million output tokens."
        in mine
    )
    assert (
        "[Gizmo 2’s] pros: Huge 1 million-token context window handled every long document in one pass."
        in mine
    )
    assert (
        "[Gizmo 2] trailed on maths with 86.7% on a maths test, and scored 71.3% on a coding test."
        in mine
    )
    assert not any(t.startswith(("[Pros", "[Cons")) for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


DECIDED = """Decision summary: inquiry into Widget Co., Ltd.
1. On 6 October 2026 the Data Protection Authority of Freedonia ("the Authority") adopted a decision in respect of Widget Co., Ltd. ("the Controller").
2. Having regard to the gravity of the infringements, the Authority decided to exercise the following corrective powers:
(a) an administrative fine on the Controller in the total amount of €18,500,000;
(b) an order requiring the Controller to amend its privacy notice within 30 days;
(c) a reprimand and an administrative fine of €450,000 on the Processor.
"""


def test_a_list_item_carries_the_lead_in_it_continues(seeds_copy: Path, tmp_path: Path) -> None:
    """ "…decided to exercise the following corrective powers:" then "(a) an administrative
    fine of €18,500,000;": each item is a point with the lead-in's clause in brackets, and
    the lead-in alone is no point."""
    lib, mine = _built(seeds_copy, tmp_path, "w-decision", "2026-10-08", DECIDED)
    lead = "[The Authority decided to exercise the following corrective powers:]"
    assert (
        f"{lead} an administrative fine on the Controller in the total amount of €18,500,000."
        in mine
    )
    assert (
        f"{lead} an order requiring the Controller to amend its privacy notice within 30 days."
        in mine
    )
    assert not any(t.startswith("Having regard") for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


PRICED = """Live: Widget's developer conference
Widget released W5 on Tuesday, its biggest model yet.
Pricing for W5 (per million tokens):
- Input, cache miss: $0.20
- Input, cache hit: $0.05
- Output: $0.80
Key facts:
- Staff: about 160 researchers, most of them graduates
For comparison, W4 was $0.28 input and $1.10 output.
"""


def test_the_rows_of_a_table_of_figures_say_what_they_are_about(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Pricing for W5 (per million tokens):" then "- Output: $0.80": each row is a point with
    the lead-in in brackets, so "$0.80" says what it prices, and the rows so far are one point
    too, so a reply can give the whole table once. A lead-in naming nothing ("Key facts:")
    leaves its rows as they were."""
    lib, mine = _built(seeds_copy, tmp_path, "w-prices", "2026-05-14", PRICED)
    lead = "[Pricing for W5 (per million tokens):]"
    assert f"{lead} Input, cache miss: $0.20." in mine
    table = f"{lead} Input, cache miss: $0.20 · Input, cache hit: $0.05 · Output: $0.80."
    assert table in mine
    assert not any(t.startswith(f"{lead} Input, cache miss: $0.20 · Input, cache hit: $0.05.")
                   for t in mine)  # fmt: skip
    assert ct.repeats(lib) == []  # a brief never gives a row and the table that holds it
    reply = answer(lib, "w5 pricing")
    assert reply is not None
    assert table in [p.text for p in reply.all_points]
    rows = "- Input: $0.20\n- Output: $0.80"
    assert faithful("[Prices:] Input: $0.20 · Output: $0.80.", rows)
    assert not faithful("[Prices:] Output: $0.80 · Input: $0.20.", rows)  # in the source's order
    assert not faithful("[Prices:] Input: $0.20 · Output: $0.90.", rows)
    assert not any(t.startswith("[Key facts") for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


FINED = """Freedonia fines Widget over transfers of user data
Freedonia's privacy watchdog on Thursday fined Widget 3.9 billion crowns, the latest chapter in a dispute that began when the chatbot was pulled from app stores.

The Data Commission said the app sent user prompts to servers in Ruritania. "Assurances were not kept," an official said. He asked not to be named.

The fine works out to roughly $2.7 million at current exchange rates.

Analysts said the Data Commission had shown it would check.
"""


def test_the_thing_a_sentence_names_as_the_fine_is_joined_to_where_it_was_named(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The fine works out to roughly $2.7 million …", a paragraph after "… fined Widget
    3.9 billion crowns …" and after a sentence that leans itself ("He asked …"): it is joined
    to the sentence that named the fine, the sentences between left out and marked "[…]"."""
    lib, mine = _built(seeds_copy, tmp_path, "w-fined", "2026-03-05", FINED)
    fine = "The fine works out to roughly $2.7 million at current exchange rates."
    joined = [t for t in mine if t.endswith(fine)]
    assert joined == [
        "Freedonia's privacy watchdog on Thursday fined Widget 3.9 billion crowns, the latest "
        "chapter in a dispute that began when the chatbot was pulled from app stores […]. " + fine
    ]
    assert fine not in mine
    assert ct.unfaithful(lib, seeds_copy) == []
    assert ct.repeats(lib) == []


FIRST_ROUND = """Widget completes its first external financing
This reporter learned from two sources that Widget on 2 June completed its first round of \
external financing, worth 20 billion yuan.

Analysts called the valuation conservative. "It is a national team deal," one said. He asked \
not to be named.

This round is led by the Zhejiang Industry Fund, with Big Fund III and Acme Mobile joining.
"""


def test_this_thing_is_joined_to_where_it_was_named(seeds_copy: Path, tmp_path: Path) -> None:
    """ "This round is led by …", paragraphs after "… completed its first round of external
    financing …" (told by "This reporter", the writer): joined to it, as "The fine …" is."""
    lib, mine = _built(seeds_copy, tmp_path, "w-first-round", "2026-06-03", FIRST_ROUND)
    led = "This round is led by the Zhejiang Industry Fund, with Big Fund III and Acme Mobile joining."
    assert any(t.startswith("This reporter learned") and t.endswith(led) for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


UNBULLETED = """Live: Widget unveils W5 in Freedonia
09:40 — Widget's research chief takes the stage to present W5.

09:52 — Benchmarks slide. Widget is claiming:

SWE-bench Verified: 71.4%
AIME 2026: 89.7%
GPQA Diamond: 82.1%

The AIME figure is drawing audible reaction in the room.
"""


def test_rows_of_figures_without_bullets_are_a_table_too(seeds_copy: Path, tmp_path: Path) -> None:
    """A live blog's "Benchmarks slide. Widget is claiming:" then lines such as "AIME 2026:
    89.7%", written with no bullets: the rows are one point under the lead-in (its short
    sentence before too, which says what the rows are), not headings left out."""
    lib, mine = _built(seeds_copy, tmp_path, "w-live", "2026-06-16", UNBULLETED)
    rows = "SWE-bench Verified: 71.4% · AIME 2026: 89.7% · GPQA Diamond: 82.1%"
    assert f"[Benchmarks slide. Widget is claiming:] {rows}." in mine
    assert ct.unfaithful(lib, seeds_copy) == []


SCORES_TABLE = """Widget's W5 closes in on the leaders
Widget released W5 on Thursday, and published its scores beside W4's and a rival's.
| Benchmark | W5 (company-reported) | W4 | Best rival |
|---|---|---|---|
| AIME 2026 (maths) | 93.1% | 85.4% | 94.0% |
| Humanity's Last Exam | 31.9% | 22.5% | 35.2% |
Outside testers have not yet checked the figures.
"""


def test_a_markdown_tables_rows_are_points_under_their_column_headings(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "| AIME 2026 (maths) | 93.1% | 85.4% | 94.0% |" under a header row: each figure with its
    column's heading in brackets, so "93.1%" says whose it is; the rows so far are one point
    too. Neither the header nor the "|---|" line is a point."""
    lib, mine = _built(seeds_copy, tmp_path, "w5-scores", "2026-05-21", SCORES_TABLE)
    aime = "AIME 2026 (maths) [W5 (company-reported):] 93.1% · [W4:] 85.4% · [Best rival:] 94.0%"
    hle = "Humanity's Last Exam [W5 (company-reported):] 31.9% · [W4:] 22.5% · [Best rival:] 35.2%"
    assert f"{aime}." in mine
    assert f"{aime} · {hle}." in mine
    assert not any("---" in t or t.startswith("Benchmark") for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []
    assert ct.repeats(lib) == []


def test_a_table_without_its_outer_bars_is_a_table(seeds_copy: Path, tmp_path: Path) -> None:
    """A broker's note writes its table without the outer bars ("Share of pre-training FLOPs
    | 35% | 65%"): its rows are points under their column headings, not navigation."""
    body = (
        "Widget ran part of its W5 training on domestic chips, our checks show.\n"
        "Item | Domestic portion | Imported portion\n"
        "Share of pre-training FLOPs | 35% | 65%\n"
        "Chips used | 20,480 | about 10,000\n"
        "Home | News | Markets\n"
    )
    lib, mine = _built(seeds_copy, tmp_path, "w-table", "2026-01-22", body)
    share = "Share of pre-training FLOPs [Domestic portion:] 35% · [Imported portion:] 65%"
    assert f"{share}." in mine, mine
    assert not any("Markets" in t for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


def test_it_said_only_of_a_model_is_the_model_a_recent_sentence_opened_with() -> None:
    """ "It is priced at $0.55 …" under "What it costs", a few sentences after "On our reading,
    W5 now trails …": "[W5] is priced …"; never a model the sentence itself names, and an "it"
    that could be anything is left alone."""
    earlier = [
        "On our reading, W5 now trails the best rival by fewer than three points.",
        "A year ago the gap was closer to eight points.",
        "This is where the picture changes most.",
    ]
    priced = "It is priced at $0.55 per million input tokens, unchanged from W4."
    got = make_standalone(priced, None, earlier[1], None, None, earlier[-1], earlier=earlier)
    assert got == "[W5] is priced at $0.55 per million input tokens, unchanged from W4."
    assert make_standalone("It is priced at $0.55, unchanged from W5.", None, earlier[1], None,
                           None, earlier[-1], earlier=earlier) is None  # fmt: skip
    assert make_standalone("It is a big change for buyers.", None, earlier[1], None, None,
                           earlier[-1], earlier=earlier) is None  # fmt: skip


COMMITTED = """Freedonia lets Widget back in
The Freedonian privacy authority lifted its block on Widget's chatbot on Tuesday.
It said the decision followed a set of binding commitments. Under them, Widget:
- will store the data of Freedonian users in a data centre in Frankfurt;
- has appointed a representative in the EU, based in Dublin, to deal with regulators.
The company also agreed to pay a fine of €3 million for the violations the authority found.
"""


def test_a_list_under_a_bare_subject_says_whose_each_item_is(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Under them, Widget:" then "- will store …": each item is "[Widget] will store …", not
    "[Under them, Widget:]" (which leans on "them" and reads as Widget's words); "The company
    also agreed …" after an item is that item's subject, "[Widget] also agreed …"."""
    assert subject("[Widget] will store the data in Frankfurt.") == "Widget"
    lib, mine = _built(seeds_copy, tmp_path, "w-back", "2026-04-02", COMMITTED)
    assert "[Widget] will store the data of Freedonian users in a data centre in Frankfurt." in mine
    assert (
        "[Widget] also agreed to pay a fine of €3 million for the violations the authority found."
        in mine
    )
    assert not any(t.startswith("[Under") for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_short_figure_goes_on_the_sentence_before(seeds_copy: Path, tmp_path: Path) -> None:
    """ "A year ago it was roughly 15%." is too short to stand and leans on the sentence before:
    it is joined to it, and a short figure after that joins on too (the longest join is the
    point; the sentence before stays one); a brief never shows the joins beside the
    sentences they give."""
    body = (
        "Widget moves its inference to Freedonian chips\n"
        "Widget said on Monday that around 60% of its inference traffic now runs on Freedonian "
        "accelerators. A year ago it was roughly 15%. Its target is 80% by the end of 2026.\n"
    )
    lib, mine = _built(seeds_copy, tmp_path, "w-chips", "2026-08-12", body)
    first = (
        "Widget said on Monday that around 60% of its inference traffic now runs on Freedonian "
        "accelerators. A year ago it was roughly 15%."
    )
    assert f"{first} Its target is 80% by the end of 2026." in mine
    assert first.split(". ")[0] + "." in mine
    assert ct.unfaithful(lib, seeds_copy) == []
    assert ct.repeats(lib) == []


def test_it_reported_is_the_company_the_sentence_before_opened_with() -> None:
    """ "It reported 91.3% on AIME" after "In a report, Widget said W5 scored 74.2% on
    SWE-bench Verified": the company reports, though that sentence names a model and a test
    too; never a place ("Italy said …")."""
    before = "In a technical report, Widget said W5 scored 74.2% on SWE-bench Verified."
    got = make_standalone("It reported a score of 91.3% on the AIME 2026 problems.", before,
                          before, "Widget", None, before, earlier=[before])  # fmt: skip
    assert got == "[Widget] reported a score of 91.3% on the AIME 2026 problems."
    place = "In a statement, Italy said W5 broke its privacy rules on Monday."
    got = make_standalone("It said the fine would be 3% of revenue.", place, place, "Widget",
                          None, place, earlier=[place])  # fmt: skip
    assert got is None or not got.startswith("[Italy]")


def test_a_paragraph_opening_it_said_is_the_company_when_no_one_else_is_named() -> None:
    """ "It also said affected customers will get a credit …" opening a paragraph, after
    sentences that name no one (an incident note's words): the article's company, one the
    article has act ("Widget posted …"). Not when those sentences name another company, or
    a person."""
    earlier = [
        "Widget posted an incident note on its status page at 17:05.",
        "Requests then piled onto the remaining region.",
        "The note says no user data was lost.",
    ]
    known = frozenset({"Widget", "Acme", "Ana", "Ruiz"})
    said = "It also said customers will get a credit of 10% of their March spend."
    described = "It described the attack as cover for a credential-stuffing campaign."
    got = make_standalone(described, None, None, "Widget", known, earlier[-1], earlier=earlier)
    assert got == "[Widget] described the attack as cover for a credential-stuffing campaign."
    got = make_standalone(said, None, earlier[-2], "Widget", known, earlier[-1], earlier=earlier)
    assert got == "[Widget] also said customers will get a credit of 10% of their March spend."
    # an article "about" a place that never acts: "it said" is no country's
    unnamed = earlier[1:]
    got = make_standalone(said, None, None, "Freedonia", known, unnamed[-1], earlier=unnamed)
    assert got is None or not got.startswith("[Freedonia]")
    for other in ("Acme posted its own note an hour later.", "Ana Ruiz posted a note."):
        named = [*earlier[:-1], other, earlier[-1]]
        got = make_standalone(said, None, earlier[-2], "Widget", known, named[-1], earlier=named)
        assert got is None or not got.startswith("[Widget]")


def test_she_is_the_one_person_the_sentences_just_before_name() -> None:
    """ "She said Widget accounted for 23% …" after "… chief financial officer Ana Ruiz was
    asked … After a pause, she confirmed it": "[Ana Ruiz] said …". Not when two people are
    named, nor past someone else named in between."""
    earlier = [
        "On a call, chief financial officer Ana Ruiz was asked whether the client was Widget.",
        "After a pause, she confirmed it was.",
    ]
    said = "She said Widget accounted for 23% of second-quarter revenue."
    got = make_standalone(said, None, None, "Acme", None, earlier[-1], earlier=earlier)
    assert got == "[Ana Ruiz] said Widget accounted for 23% of second-quarter revenue."
    two = ["Chief financial officer Ana Ruiz and analyst Jo Hale spoke on the call.", earlier[1]]
    assert make_standalone(said, None, None, "Acme", None, two[-1], earlier=two) is None
    other = [earlier[0], "Acme shares rose 8% in Hong Kong.", earlier[1]]
    assert make_standalone(said, None, None, "Acme", None, other[-1], earlier=other) is None
    # a role set off by commas says who she is: "The plaintiff, Ana Ruiz, …"
    plaintiff = ["The plaintiff, Ana Ruiz, worked at Widget from 2022 until 2025."]
    sought = "She sought 2.4 million yuan under a retention plan."
    got = make_standalone(sought, None, None, "Widget", None, plaintiff[-1], earlier=plaintiff)
    assert got == "[Ana Ruiz] sought 2.4 million yuan under a retention plan."
    # … named, not joined, though the sentence before names Widget too (she is no Widget)
    got = make_standalone(
        sought, plaintiff[-1], None, "Widget", None, plaintiff[-1], None, plaintiff
    )
    assert got == "[Ana Ruiz] sought 2.4 million yuan under a retention plan."
    assert has_finite_verb(sought)  # an irregular past: "sought", "withdrew", "chose"
    # a product named between is no one she could be: '"That is what the X9 delivers."'
    product = [earlier[0], '"That is what the X9 delivers."']
    got = make_standalone(said, None, None, "Acme", None, product[-1], earlier=product)
    assert got == "[Ana Ruiz] said Widget accounted for 23% of second-quarter revenue."


LIVE_PRICES = """Live: Widget unveils W5
17:10 - Prices: the big one
Here it is. Widget is cutting API prices for its flagship model. The new rates for W5:
- Input tokens (cache miss): $0.20 per million, down from $0.28
- Output tokens: $0.80 per million, down from $1.10
That is a cut of roughly 29% on input compared with W4.
"""


def test_rows_under_a_lead_in_that_leans_are_still_that_lead_ins(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The new rates for W5:" leans on the sentence before, but it says what its rows are:
    they carry it ("[The new rates for W5:] Output tokens: $0.80 …"), not a heading's name."""
    lib, mine = _built(seeds_copy, tmp_path, "w5-live", "2026-01-27", LIVE_PRICES)
    lead = "[The new rates for W5:]"
    assert (
        f"{lead} Input tokens (cache miss): $0.20 per million, down from $0.28 · Output tokens: "
        "$0.80 per million, down from $1.10." in mine
    ), mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_the_company_is_never_a_person_a_place_or_an_institution() -> None:
    """An article's subject ("the company") is no finance chief that opens most sentences
    ("Lin said …"), no regulator written "the Garante said", and no "… from the Gulf" in its
    title; right after a heading, "the company" is the article's, not the last one named."""
    from bot.builder.analyse import main_subject, title_subject

    chief = [
        "Widget's chief financial officer, Lin Haoran, is leaving, the company said.",
        "Lin, 47, will step down at the end of April.",
        "Lin led the talks on the round.",
        "Lin did not comment.",
    ]
    assert main_subject(chief, frozenset({"Widget", "Lin", "Haoran"})) != "Lin"
    garante = [
        "The Garante said Widget had agreed to a set of commitments.",
        "The Garante said the app could return in October.",
        "The Garante will review compliance in six months.",
    ]
    assert main_subject(garante, frozenset({"Widget", "Garante"})) != "Garante"
    title = "Late arrivals from the Gulf and an insurer swell Widget's war chest"
    assert (
        title_subject(title, frozenset({"Gulf", "Widget"}), frozenset({"Gulf", "Widget"})) is None
    )
    earlier = ["Acme said in a filing that Zhou had resigned."]
    got = make_standalone("The company also confirmed two other appointments.", None,
                          earlier[0], "Widget", None, None, earlier=earlier)  # fmt: skip
    assert got == "[Widget] also confirmed two other appointments."


def test_the_timeline_never_shows_a_sentence_twice(seeds_copy: Path, tmp_path: Path) -> None:
    """ "On Thursday the authority said that process had ended." and its join with the next
    sentence ("… from April 20.") are dated apart (April 23, April 20); the timeline gives the
    sentence once."""
    body = (
        "ROME - Italy's data protection authority has lifted its block on Widget's chatbot. The "
        "Garante had been reviewing the app since January, when it ordered the block.\n"
        "On Thursday the authority said that process had ended. In a decision published on its "
        "website, it said Widget had given undertakings that resolved its concerns and that the "
        "app could be offered again in Italy from April 20.\n"
    )
    _dated(seeds_copy, "w-later", "2026-05-12", "Widget released its W6 model on Monday, May 11.\n")
    lib, _ = _built(seeds_copy, tmp_path, "w-back", "2026-04-25", body)
    shown = [p.text for p in lib.overview.timeline if "that process had ended" in p.text]
    assert len(shown) == 1, shown
    assert ct.repeats(lib) == []


def test_a_description_a_sentence_names_is_that_name_next() -> None:
    """ "The customer is Widget. The Hangzhou-based developer has placed an order for 38,000
    …": "[Widget] has placed an order …"."""
    before = "The customer is Widget."
    got = make_standalone("The Hangzhou-based developer has placed an order for 38,000 chips.",
                          None, None, None, None, before, earlier=[before])  # fmt: skip
    assert got == "[Widget] has placed an order for 38,000 chips."
    # "The Hangzhou-based artificial intelligence developer" leans as "the developer" does
    said = "The Hangzhou-based artificial intelligence developer confirmed the round."
    assert dependent(said)
    before = "For three years Widget insisted it did not need anyone else's money."
    got = make_standalone(said, None, before, "Widget", None, before, earlier=[before])
    assert got == "[Widget] confirmed the round."


def test_a_description_in_apposition_ends_at_its_noun() -> None:
    """ "Tang, a former investment banker" names no investment, and "ByteDance, the technology
    newsletter Dianshi Weekly reported" no newsletter; "FlashMLA, a decoding kernel for Hopper
    GPUs" does name the kernel."""
    banker = ["Tang, a former investment banker at CICC, joined Widget in June as its CFO."]
    assert named_description("The investment is one of the largest this year.", banker) is None
    news = [
        "Zhou is in talks to leave Widget for ByteDance, the Beijing-based technology "
        "newsletter Dianshi Weekly reported on Wednesday."
    ]
    got = named_description("The newsletter said Zhou could leave within weeks.", news)
    assert got is None or not got.startswith("[ByteDance]")
    kernel = ["On Monday Widget released FlashMLA, a decoding kernel for Hopper GPUs."]
    assert named_description("The kernel supports BF16 and FP8.", kernel) == (
        "[FlashMLA] supports BF16 and FP8."
    )
    # "Ana Ruiz, the lawyer leading the case" is the lawyer, not the case
    lawyer = ['"They are entire books," Ana Ruiz, the lawyer leading the case, told reporters.']
    assert named_description("The case will test Freedonia's rules on AI.", lawyer) is None


def test_a_company_named_far_back_is_not_the_company_after_another_is_named() -> None:
    """ "Acme Cloud, a Freedonia-listed company, …" paragraphs back, then "Widget's models are
    popular …": "The company has faced complaints" is not [Acme Cloud]."""
    known = frozenset({"Widget", "Acme", "Cloud", "Freedonia", "Ruritania"})
    earlier = [
        "Widget has signed its first deal to host its models outside Ruritania.",
        "Acme Cloud, a Freedonia-listed company, said it would run Widget's models.",
        "Customers will sign contracts with Acme, not with Widget.",
        "Their data will be processed in Freedonia.",
        "Banks had asked for that for years.",
        "That is the heart of the deal.",
        "Widget's models are popular with developers in the region because they are cheap.",
    ]
    text = "The company has faced a string of privacy complaints this year."
    got = _after(text, earlier, "Acme Cloud", known)
    assert got is None or not got.startswith("[Acme Cloud]")


LIVE_CLOCK = """Welcome to our live coverage of Widget's first developer day in Freedonia. The company has promised "a new generation of reasoning" and has been quiet for three weeks.

09:02 CST - Doors are open. Roughly 2,000 developers are queuing outside.

09:31 CST - Lights down. The opening video is a montage of download counters.

09:38 CST - On stage is Ana Ruiz, who leads Widget's research team.

09:58 CST - Benchmarks. W5 scored 93.1% on AIME 2026, according to the slide.
"""


def test_a_live_blogs_clock_is_nobody(seeds_copy: Path, tmp_path: Path) -> None:
    """ "09:02 CST - Doors are open." opens many lines, but "the company" is Widget, not CST."""
    head = '+++\nid = "w-live"\ntitle = "Live: Widget developer day"\npublished = 2026-09-15\n+++\n'
    (seeds_copy / "articles" / "w-live.txt").write_text(head + LIVE_CLOCK)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = [p.text for p in lib.points if p.sources == ("w-live",)]
    assert '[Widget] has promised "a new generation of reasoning"' in " ".join(mine)
    assert not any("[CST]" in t for t in mine)


def test_a_name_said_with_who_is_a_persons() -> None:
    """ "Wu Qiaoran, who leads the post-training team": Wu is a person, never "the company"."""
    from bot.builder.names import is_surname

    assert is_surname("Wu", ["On stage is Wu Qiaoran, who leads Widget's post-training team."])
    assert not is_surname("Acme", ["Acme Cloud, which runs data centres, said so."])


def test_a_long_lead_in_is_cut_to_its_first_clause() -> None:
    """ "[Widget said the following rates take effect immediately and apply to both …:]" took
    half a reply's room before each row; its first clause says what the rows are."""
    from bot.builder.analyse import listed

    lead = (
        "Widget said the following rates for its API take effect immediately and apply to "
        'both the standard chat mode and the "thinking" mode:'
    )
    assert listed("Output: $0.60 per million tokens (was $0.90)", lead, bullet=True) == (
        "[Widget said the following rates for its API take effect immediately:] Output: $0.60 "
        "per million tokens (was $0.90)."
    )
    row_lead = (
        "Pricing for W5 (per million tokens) takes effect now and applies to both of its modes:"
    )
    assert listed("Output: $0.60 (was $0.90)", row_lead, bullet=True) == (
        "[Pricing for W5 (per million tokens) takes effect now:] Output: $0.60 (was $0.90)."
    )
    aside = "New API prices, which took effect immediately, are as follows (per million tokens):"
    assert (
        listed("Output: $0.72", aside, bullet=True)
        == "[New API prices are as follows (per million tokens):] Output: $0.72."
    )
    trailing = "Widget confirmed the figures of its W5 campus, which it had declined to discuss:"
    assert listed("Power capacity: 300 megawatts", trailing, bullet=True) == (
        "[Widget confirmed the figures of its W5 campus:] Power capacity: 300 megawatts."
    )
    said = "According to a statement on its website, the allocations were as follows:"
    assert listed("Tianrui Capital: $1.1 billion", said, bullet=True) == (
        "[The allocations were as follows:] Tianrui Capital: $1.1 billion."
    )  # a lead-in that is a sentence says what its rows are, naming no model or figure
    short = "Pricing for W5 (per million tokens):"
    assert (
        listed("Output: $0.60", short, bullet=True)
        == "[Pricing for W5 (per million tokens):] Output: $0.60."
    )


SCORED = """Is the cheap one finally good enough?
We tested Widget, ChatGPT and Le Chat on 120 prompts, scored blind by two editors.
The scores
- ChatGPT: 8.7/10 overall — still the best all-rounder
- Widget: 8.4/10 overall — best value, best for code
- Price: $0.20 per million tokens
Key figures
- Widget daily tokens, Sept 2026: ~11 trillion (Jan 2026: ~4.5 trillion)
- Widget 2026E capex: RMB26bn (prior RMB19bn)
"""


def test_a_names_row_in_a_table_of_scores_is_a_point(seeds_copy: Path, tmp_path: Path) -> None:
    """ "- Widget: 8.4/10 overall — best value" is Widget's score as written, verbless as a table
    is, and weighed as the figure it gives; so is "- Widget 2026E capex: RMB26bn"; "Price:
    $0.20 …" names no one."""
    lib, mine = _built(seeds_copy, tmp_path, "w-review", None, SCORED)
    assert "Widget: 8.4/10 overall — best value, best for code." in mine
    assert "ChatGPT: 8.7/10 overall — still the best all-rounder." in mine
    assert not any(t.startswith("Price:") for t in mine)
    # a measure of a name's, in a note's key figures: the label says whose it is
    assert "Widget 2026E capex: RMB26bn (prior RMB19bn)" in mine, mine
    assert "Widget daily tokens, Sept 2026: ~11 trillion (Jan 2026: ~4.5 trillion)" in mine
    [row] = [p for p in lib.points if p.text.startswith("Widget: 8.4/10")]
    assert row.quality >= 1.0
    assert ct.unfaithful(lib, seeds_copy) == []


NOTE = """Acme (688036 CH): AI on a budget
Acme will preinstall Widget's chatbot on three new phone lines, management said on 3 March.
- We estimate 12 million units will ship with Widget preloaded in 2026.
- We think the market underrates the deal.
Revenue came in at RMB4.1bn, 4% above our estimate. The beat was driven by AI revenue.
"""


def test_an_analyst_notes_estimate_is_the_firms_and_says_so(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "We estimate 12 million units will ship …" in a research note is the firm's figure:
    "[Harbour Rock Securities:] We estimate …". Its "We think …" stays no point, and with no
    publisher on file there is no one to name, so no point either."""
    head = '+++\nid = "w-note"\ntitle = "w-note"\npublisher = "Harbour Rock Securities"\n+++\n'
    (seeds_copy / "articles" / "w-note.txt").write_text(head + NOTE)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    mine = [p.text for p in lib.points if p.sources == ("w-note",)]
    assert (
        "[Harbour Rock Securities:] We estimate 12 million units will ship with Widget "
        "preloaded in 2026." in mine
    )
    assert not any("We think" in t for t in mine)
    # "… above our estimate" is the firm's too, also where the next sentence joins it
    assert all(t.startswith("[Harbour Rock Securities:]") for t in mine if "our estimate" in t)
    assert any("RMB4.1bn" in t for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []
    _lib, unsigned = _built(seeds_copy, tmp_path / "b", "w-unsigned", "2026-03-05", NOTE)
    assert not any("We estimate" in t for t in unsigned)


REVIEW = """We tested Widget's W5 on our own coding suite
Widget says W5 scores 76.2% on SWE-bench Verified. We measured 71.8% with our own scaffolding, a gap of 4.4 points. We think the gap is the scaffolding.
We found 12 bugs in all. That count is high for a model of its size and its price.
Running our complete suite on W5 cost $46 through the API, a tenth of its rivals.
Past 160,000 tokens the curve bends, as we had expected from its 2025 predecessor.
"""
QA = """Q&A: Widget's inference chief on chips and last week's outage
Ana Ruiz, who leads Widget's inference team, spoke to us in Hangzhou.
**How much runs on domestic chips now?**
Today around 60 percent of W5 tokens are served on domestic clusters. We plan to hire roughly 150 people this year.
**What went wrong last week?**
We had roughly four and a half hours of real customer impact.
"""


def test_a_writers_we_with_a_figure_is_the_publishers_and_an_answer_the_interviewees(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """A review's "We measured 71.8%" is the publisher's finding: "[Bench Weekly:] We measured
    …" ("We think …" has no figure and stays no point). In an interview whose questions are
    headings, each answer is the interviewee's, "We" included; without a publisher, or in an
    interview with no one named, "We" is no one's and no point."""
    head = '+++\nid = "{0}"\ntitle = "{0}"\npublisher = "Bench Weekly"\n+++\n'
    for aid, body in (("w-review", REVIEW), ("w-qa", QA)):
        (seeds_copy / "articles" / f"{aid}.txt").write_text(head.format(aid) + body)
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    review = [p.text for p in lib.points if p.sources == ("w-review",)]
    assert any(t.startswith("[Bench Weekly:] We measured 71.8%") for t in review), review
    assert not any("We think" in t for t in review)
    # "we" in its opening words, too; a passing "as we had expected" is no finding of its own
    assert (
        "[Bench Weekly:] Running our complete suite on W5 cost $46 through the API, a tenth "
        "of its rivals." in review
    )
    assert not any("160,000" in t for t in review)
    # a sentence joined to a short "We …" before it is the publisher's too
    assert (
        "[Bench Weekly:] We found 12 bugs in all. That count is high for a model of its "
        "size and its price." in review
    ), review
    qa = [p.text for p in lib.points if p.sources == ("w-qa",)]
    assert "[Ana Ruiz:] We plan to hire roughly 150 people this year." in qa, qa
    assert any(t.startswith("[Ana Ruiz:] We had roughly four and a half hours") for t in qa)
    assert not any("Bench Weekly" in t for t in qa)
    assert ct.unfaithful(lib, seeds_copy) == []
    anonymous = QA.replace("Ana Ruiz, who leads Widget's inference team,", "Widget's chief")
    _, unnamed = _built(seeds_copy, tmp_path / "b", "w-anon", "2026-04-22", anonymous)
    _, unsigned = _built(seeds_copy, tmp_path / "c", "w-unsigned", "2026-04-22", REVIEW)
    assert not any("We " in t for t in (*unnamed, *unsigned))


CLAIMED = """Acme sues Widget over training data
Acme Media, which publishes 14 trade magazines and a textbook imprint, filed its 86-page complaint in federal court on Monday. It claims that:
- Widget copied at least 48,000 Acme works into the datasets used to train its W4 model;
- the copies came from "shadow libraries," which Widget researchers allegedly downloaded in 2024;
- Widget stripped copyright notices during data cleaning.
The suit seeks damages of up to $150,000 per work, or $7.2 billion in all, Acme said.
"""


def test_the_items_of_a_list_of_claims_say_whose_claims_they_are(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "… filed its complaint. It claims that:" then the claims, capitalised or not: each is
    "[Acme Media claims that:] …", the lead-in named as it must be to stand alone; none reads as the
    article's own fact, and the prose after the list is not one of them."""
    lib, mine = _built(seeds_copy, tmp_path, "w-suit", "2026-04-15", CLAIMED)
    lead = "[Acme Media claims that:]"
    assert (
        f"{lead} Widget copied at least 48,000 Acme works into the datasets used to train its W4 "
        "model." in mine
    )
    assert (
        f'{lead} the copies came from "shadow libraries," which Widget researchers allegedly '
        "downloaded in 2024." in mine
    )
    assert f"{lead} Widget stripped copyright notices during data cleaning." in mine
    assert not any(t.startswith(("Widget copied", "Widget stripped")) for t in mine)
    assert not any("claims that:] The suit" in t for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


RESPONSE = """Widget breach: what we know
Widget said on Friday that an attacker had read data on about 1.1 million accounts.
## How many people are affected?
Widget puts the number of affected accounts at about 1.1 million. Acme Labs has disputed that figure.
## What is Widget doing?
The orders go further than the money. The company has:
- revoked the vendor's access token and suspended the integration;
- forced password resets for every affected account.
Widget announced a strategic financing of RMB 30 billion on October 13. The transaction closed on October 12. The financing is the first time Widget has accepted outside capital.
"""


def test_a_list_under_a_lead_in_that_leans_on_its_subject_says_whose_it_is(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "… The company has:" under a heading, then what it did: each item is "[Widget has:] …"
    (the line's last sentence leads in), the article's subject, not the firm last named
    before the heading ("Acme Labs"). "The financing is …" is "[The strategic financing of
    RMB 30 billion] is …", as a sentence just before introduced it."""
    lib, mine = _built(seeds_copy, tmp_path, "w-breach", "2026-05-21", RESPONSE)
    assert "[Widget has:] forced password resets for every affected account." in mine
    assert not any("Acme" in t and "password" in t for t in mine)
    assert (
        "[The strategic financing of RMB 30 billion] is the first time Widget has accepted "
        "outside capital." in mine
    )
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_subject_named_in_apposition_stands_alone() -> None:
    """ "His new company, Acme Labs, has raised …": whose company the reader never saw, but
    the name after the comma is the subject."""
    got = make_standalone("His new company, Acme Labs, has raised 2.1 billion yuan.", None,
                          None, "Widget")  # fmt: skip
    assert got == "[Acme Labs] has raised 2.1 billion yuan."
    got = make_standalone("The phone this all runs on, the Acme Aero 5, went on sale on May 2.",
                          None, None, "Widget")  # fmt: skip
    assert got == "[Acme Aero 5] went on sale on May 2."
    # a figure in apposition is no name, nor a region after a place
    assert make_standalone("The deal, worth 48.6 crore rupees, was signed on Monday.", None,
                           None, "Widget") is None  # fmt: skip
    campus = "The company's new campus in Ulanqab, Inner Mongolia, is the key supply addition."
    got = make_standalone(campus, None, None, "Widget")
    assert got is None or "[Inner Mongolia]" not in got


def test_a_table_cells_first_word_is_no_name() -> None:
    """ "| Net profit | 1.9 |" opens a cell as a sentence opens: "Net" is no name, so "It
    disclosed …" after "Net profit came in at …" is never "[Net] disclosed …"; so does a live
    blog's entry after its time."""
    from bot.builder.analyse import capitalised_mid_sentence

    known = capitalised_mid_sentence(
        ["| Revenue | 14.6 | 10.6 |", "| Net profit | 1.9 | 1.1 |", "Acme shares rose."]
    )
    assert "Net" not in known and "Revenue" not in known
    # a live blog's entry opens after its time: "16:52 — Services restored" names no Services
    assert "Services" not in capitalised_mid_sentence(["16:52 — Services restored", "It rose."])
    before = "Net profit came in at 1.9 billion yuan, up from 1.1 billion yuan."
    got = make_standalone("It disclosed its largest client for the first time.", None,
                          before, "Acme", known, before, earlier=[before])  # fmt: skip
    assert got is None or not got.startswith("[Net")


def test_a_place_a_people_or_a_day_stands_for_no_company() -> None:
    """ "It has appointed Ana Ruiz …" after a sentence about India is not "[India]"; "The
    company fixed it" after "a Norwegian security team showed …" is not "[Norwegian]"; "The
    disruption" after "… on Tuesday, the longest disruption …" is not "[Tuesday]"; a title's
    "… in Hangzhou" is where, not who."""
    from bot.builder.analyse import title_subject

    earlier = [
        "Widget opened an office in India in May.",
        "India is now its second-largest market after China.",
    ]
    got = make_standalone("It has appointed Ana Ruiz as its country head.", None, earlier[-1],
                          "Widget", None, earlier[-1], earlier=earlier)  # fmt: skip
    assert got is None or "[India]" not in got
    team = "In March, a Norwegian security team showed the service leaked cached prompts."
    got = make_standalone("The company fixed it quickly.", None, team, "Acme", None, team,
                          earlier=[team])  # fmt: skip
    assert got is None or "Norwegian" not in got
    day = (
        "Widget's chatbot and its API went down for about six hours on Tuesday, the longest "
        "disruption the start-up has suffered."
    )
    assert named_description("The disruption follows an earlier incident.", [day]) is None
    assert title_subject("A year of musical chairs in Hangzhou", None, None) is None
    # "The developer side is …": "developer" modifies "side"; it names no developer
    region = "Mainland China accounted for 118 million users in May."
    got = make_standalone("The developer side is where the momentum sits.", None, region,
                          "Widget", None, region, earlier=[region])  # fmt: skip
    assert got is None or "[Mainland China]" not in got
    # an article that opens sentence after sentence with "India" is still about the company
    from bot.builder.analyse import main_subject

    india = [
        "Widget has opened an office in India.",
        "India is its second-largest market.",
        "India accounts for 38 million users.",
        "India's developers pay in rupees.",
        "India ranks second after China.",
        "Widget said the office would hire 120 people.",
        "Widget plans a data centre next year.",
    ]
    assert main_subject(india, frozenset({"Widget", "India"})) == "Widget"


def test_a_definite_description_is_named_by_the_phrase_that_introduced_it() -> None:
    deal = ["Acme signed a licensing deal worth $40 million with Widget on Monday."]
    assert introduced("The deal values Widget at $2 billion.", deal) == (
        "[The licensing deal worth $40 million] values Widget at $2 billion."
    )
    # a phrase that does not say which is no name, unless the name before it wrote it; nor
    # is one of two, or one too far back
    vague = ["Parliament set up a special committee in May."]
    assert introduced("The committee found that data was sent abroad.", vague) is None
    note = ["Widget published a short incident note on Friday."]
    assert introduced("The note says customers get a 15% credit.", note) == (
        "[Widget’s short incident note] says customers get a 15% credit."
    )
    received = ["Widget received a letter from regulators on Friday."]
    assert introduced("The letter says the app must go.", received) is None
    # "…, saying in a detailed incident report that …": the subject's own, an aside after it
    withdrawn = [
        "Widget has withdrawn its claim of an attack, saying in a detailed incident report "
        "that its own engineers caused the outage."
    ]
    assert introduced("The report, published on Tuesday, puts it at 6 hours.", withdrawn) == (
        "[Widget’s detailed incident report], published on Tuesday, puts it at 6 hours."
    )
    # the phrase ends before its sentence's verb: never "[The panel of three judges found]"
    judged = ["In a ruling, a panel of three judges found that the authority had been right."]
    assert introduced("The panel said the ban must be reassessed.", judged) == (
        "[The panel of three judges] said the ban must be reassessed."
    )
    cited = ["Widget said in a statement that regulators had sent it a notice."]
    assert introduced("The notice, sent on Monday, gives it 30 days.", cited) is None
    two = ["Acme signed a deal worth $4 million and a deal worth $9 million."]
    assert introduced("The deal closed in May.", two) is None
    far = [*deal, "Shares rose.", "Analysts were surprised.", "Rivals said nothing."]
    assert introduced("The deal closed in May.", far) is None


def test_a_turn_after_an_opening_phrase_leans_on_the_sentence_before() -> None:
    """ "On Thursday, however, the company said …" turns against something unseen: it joins
    the sentence it turns from, or is no point. "Acme's stock, however, …" names its subject."""
    text = "On Thursday, however, the company said it had found no evidence of an attack."
    assert dependent(text)
    before = "Widget first blamed a DDoS attack for the outage."
    assert make_standalone(text, before) == f"{before} {text}"
    assert not dependent("Acme's stock, however, soon started recovering on Tuesday.")


def test_who_follows_an_opening_phrase_is_named_or_the_point_is_dropped() -> None:
    """ "Last month he left the lab …", "On Monday it said …", "Earlier this month, the
    company said …": after an opening phrase, a pronoun or "the company" still leans on text
    the reader never saw. Joined to the sentence before where that fits, else named after the
    phrase; never after a phrase that leans itself ("In those efforts, …"). "This week, Widget
    …" stands alone: "this" there is no pronoun."""
    for text in (
        "For W5, released in May, they are 1.6 trillion and 52 billion.",
        "Last month he left the lab after four years to start Tidewater Labs.",
        "On Monday it said the outage was over.",
        "Earlier this month, the company said it would cut prices.",
        "That week was the busiest in its history.",
    ):
        assert dependent(text), text
    assert not dependent("This week, Widget released W5.")
    assert not dependent("This year Widget cut its prices twice.")
    profile = (
        "Ana Ruiz, 34, led post-training for the W5 family at Widget and co-wrote the W4 paper "
        "that rattled markets in 2025, according to the company's own list of research staff "
        "and the papers it published."
    )
    left = "Last month he left the lab after four years to start Tidewater Labs."
    assert make_standalone(left, None, profile, "Widget") == (
        "Last month [Ana Ruiz] left the lab after four years to start Tidewater Labs."
    )
    raised = "This week his new company said it had raised 350 million yuan in a seed round."
    got = make_standalone(raised, None, profile, "Widget")
    assert (
        got
        == "This week [Ana Ruiz’s] new company said it had raised 350 million yuan in a seed round."
    )
    assert faithful(got, raised)
    before = "Widget had bought 10,000 chips by 2021."
    assert make_standalone(
        "Earlier this month, the company said it would cut prices.", None, before, "Widget"
    ) == ("Earlier this month, [Widget] said it would cut prices.")
    leaning = "In those efforts, the company was helped by its early chip purchases."
    assert make_standalone(leaning, None, before, "Widget") is None


def test_no_name_for_an_acronym_a_conjunction_an_attribution_or_a_clause() -> None:
    """Wrong names the unseen batches showed: "[API] first offered …" after "From April 20, API
    calls …"; "[Whether Widget] has a history …"; "[Ozone Bench] priced W5 …" after "W5-Flash
    scored 62.8% on Ozone Bench, the company said" (an attribution, not "Ozone Bench, the
    company"); "[Widget] is just not the problem …" and "[Freedonia] does not form part of the
    Decision" after "That is …"/"This summary …" (it is what those stood for); "If confirmed,
    [Widget] would be …" (it is the thing confirmed)."""
    api = "From April 20, API calls made at night will be billed at half price."
    got = make_standalone(
        "The company first offered off-peak pricing in 2025.", None, api, "Widget"
    )
    assert got is None or not got.startswith("[API]")
    whether = "Whether Widget cuts its own prices again."
    got = make_standalone("The company has a history of price cuts.", None, whether, "Widget")
    assert got is None or got.startswith("[Widget]")
    said = "W5-Flash scored 62.8% on Ozone Bench, the company said."
    assert named_description("The company priced W5 at $0.40 per million tokens.", [said]) is None
    firm = "Kessler Research, a Taipei-based analyst firm, said so."
    assert named_description("The firm cut its forecast.", [firm]) == (
        "[Kessler Research] cut its forecast."
    )
    # a name after a possessive: "Freedonia's Data Protection Commission (DPC) asked …"
    dpc = "Freedonia's Data Protection Commission (DPC) asked app stores to drop Widget."
    assert named_description("The commission fined Acme 21.6 billion won in 2024.", [dpc]) == (
        "[Data Protection Commission] fined Acme 21.6 billion won in 2024."
    )
    context = "Widget is focused on general intelligence at the largest scale."
    that = "That is the right focus for them."
    assert make_standalone("It is just not the problem I want to solve.", None, context,
                           "Widget", before=that) is None  # fmt: skip
    summary = "This summary is issued for public information."
    assert make_standalone("It does not form part of the Decision.", None, None, "Freedonia",
                           before=summary) is None  # fmt: skip
    run = "Widget trained W5 mainly on 8,192 domestic chips, two people said."
    got = make_standalone("If confirmed, it would be one of the largest such runs.", None, run,
                          "Widget")  # fmt: skip
    assert got is None or "[Widget]" not in got
    # a figure opens the sentence before: "it" is no name found after it ("[AIME] is …")
    score = "96.7% on AIME 2026, the American qualifying exam."
    got = make_standalone("It is not the first AI system to do so.", None, score, "Widget")
    assert got is None or "[AIME" not in got
    # "the company" in an article about a person who left it is the company
    statement = 'Widget, which is based in Hangzhou, said Ruiz had "made great contributions".'
    earlier = ["Ana Ruiz has left Widget for Acme.", "Ruiz said he wanted a change.", statement]
    got = make_standalone("The company said its deputy head of research would step in.", None,
                          statement, "Ruiz", before=statement, earlier=earlier)  # fmt: skip
    assert got == "[Widget] said its deputy head of research would step in."
    # … also when the article only says "surnamed Ruiz", and after an opening phrase
    earlier = [
        "According to court papers, the plaintiff, surnamed Ruiz, joined Widget in 2023.",
        "Ruiz said he had been promised a bonus.",
    ]
    got = make_standalone("In its written defence, the company argued the bonus was optional.",
                          None, earlier[-1], "Ruiz", before=earlier[-1], earlier=earlier)  # fmt: skip
    assert got is None or "[Ruiz]" not in got
    # "the company" is the company a sentence just before opened with, before the article's
    # subject; never the first of a list ("Huawei, Alibaba and Apple have …")
    earlier = [
        "Acme Cloud reported first-quarter results on Wednesday.",
        "Revenue came in at RMB4.1bn, up 27% year-on-year.",
        "Adjusted EBITDA margin improved to 14.8% from 9.6% a year ago.",
    ]
    known = frozenset({"Acme", "Cloud", "Huawei", "Alibaba", "Apple", "Widget"})
    got = make_standalone("The company still posted a net loss of RMB186m.", None, earlier[-1],
                          "Widget", known, before=earlier[-1], earlier=earlier)  # fmt: skip
    assert got == "[Acme Cloud] still posted a net loss of RMB186m."
    listed = ["Huawei, Alibaba and Apple have set up data centres in the city."]
    got = make_standalone("In the past, the company relied on rented clusters.", None, listed[0],
                          "Widget", known, before=listed[0], earlier=listed)  # fmt: skip
    assert got is None or "[Huawei]" not in got
    # a titled person ("Board President Ana Ruiz") is never the company
    earlier = ["Board President Ana Ruiz cited Widget's privacy policy.", "The vote was 8-1."]
    got = make_standalone("The company has previously said it complies with the law.", None,
                          earlier[-1], "Widget", known, before=earlier[-1], earlier=earlier)  # fmt: skip
    assert got is None or "Ruiz" not in got
    # two companies just named ("Widget puts … Acme Labs disputed …"): "the company" is
    # neither, and "In a blog post on Monday it said …" leans on who "it" is
    earlier = [
        "Widget puts the number of affected accounts at about 1.1 million.",
        "Acme Labs has disputed that figure.",
        "In a blog post on Monday it said the sample suggested up to 3 million.",
    ]
    assert dependent(earlier[-1])
    got = make_standalone("The company has not said how many users are outside China.", None,
                          earlier[1], "Widget", known, before=earlier[-1], earlier=earlier)  # fmt: skip
    assert got is None
    # … nor one the article gives a job ("founder Ana Ruiz"); after a person, "the company"
    # is not the article's subject either: whose company is the reader's guess
    earlier = ["Acme Labs was founded by Widget's former founder Ana Ruiz.",
               "Ruiz rarely gives interviews."]  # fmt: skip
    names = known | {"Ana", "Ruiz", "Labs"}
    got = make_standalone("The company is expected to release W5 in May.", earlier[-1],
                          earlier[-1], "Acme Labs", names, before=earlier[-1], earlier=earlier)  # fmt: skip
    assert got is None or not got.startswith(("[Ruiz", "[Acme"))
    # … nor one the article gives an age or a "who" ("Ana Ruiz, who leads its research, …")
    for said in ("Ana Ruiz, who leads its research, said hiring would slow.",
                 "Ana Ruiz, 34, said hiring would slow."):  # fmt: skip
        earlier = ["Widget plans to hire engineers this year.", said]
        got = make_standalone("The company does not publish an uptime guarantee.", None, said,
                              "Widget", known, before=said, earlier=earlier)  # fmt: skip
        assert got is None or "Ruiz" not in got
    # "It's also genuinely hard to prove …" names nothing; "We" and a heading in capitals
    # are no names
    got = make_standalone("It's also genuinely hard to prove.", "Widget denies it.", None, "Widget")
    assert got is None or not got.startswith("[Widget")
    assert subject("09:30 — We began a scheduled rollout.", strict=False) is None
    assert section_name("COMPANY BY COMPANY", frozenset()) is None
    # "the company" after "No Ana Ruiz." is no person's; "The Lite version" names no company
    earlier = ["The Lite version is a 210-billion-parameter model.", "No Ana Ruiz."]
    got = make_standalone("The company's founder is not on stage.", None, earlier[0], "W4",
                          known, before=earlier[-1], earlier=earlier)  # fmt: skip
    assert got is None or ("Ruiz" not in got and "Lite" not in got)
    assert subject("The Lite version is a 210-billion-parameter model.") is None
    # "its" after a sentence that names someone else is not whoever a sentence further back
    # opened with ("[Commerce Department’s] shares closed up 4.2%")
    got = make_standalone("Its shares closed up 4.2% on Wednesday.", None,
                          "A U.S. Commerce Department spokesperson said it does not comment.",
                          "Widget", known, before="Acme declined to comment on speculation.")  # fmt: skip
    assert got is None or "Commerce" not in got
    # an answer's "Good, …" names no one: "[Good] was 500 yuan a day"
    got = make_standalone("It was 500 yuan a day.", None, "Good, for an intern.", None,
                          known | {"Good"}, before="Good, for an intern.")  # fmt: skip
    assert got is None or not got.startswith("[Good")
    # "she" needs a person's name, not a title ("[Freedonian Minister] said …")
    minister = "The Freedonian Minister of Innovation, Hirut Alemu, spoke at the signing."
    got = make_standalone("She said the government will invest 1.5 billion birr.", None, minister,
                          "Widget")  # fmt: skip
    assert got is None or "[Freedonian Minister]" not in got
    assert point_text("Reuters could not independently verify the results.") is None
    # "The next conference" is another one than the one named before
    opened = "Widget's second developer conference of the year is about to start."
    assert named_description("The next developer conference is on August 20.", [opened]) is None
    assert named_description("The developer conference ends at noon.", [opened]) == (
        "[Widget's second developer conference] ends at noon."
    )
    # a name inside an opening phrase is not the subject: "[Ozone Bench] said …" was wrong
    bench = "On the Ozone Bench test for reasoning, the company reported 74.1%."
    got = make_standalone("The company said it would welcome outside tests.", None, bench,
                          "Widget")  # fmt: skip
    assert got == "[Widget] said it would welcome outside tests."
    assert subject("On January 20, Widget released W5.") == "Widget"
    assert subject("According to Acme, the chips comply.") == "Acme"
    # "…, the lawmakers asked": the subject of what follows, not a description of Ana Ruiz
    letter = "In a letter to Acme Chief Executive Ana Ruiz, the lawmakers asked for answers."
    assert named_description("The lawmakers also asked for data.", [letter]) is None
    # "it" after a sentence about something unnamed is that thing, not the article's subject
    queries = "1.2 million queries is a lot for a hobbyist, but small for a frontier model."
    got = make_standalone("It would be useful for a targeted dataset.", None, queries, "Widget",
                          before=queries)  # fmt: skip
    assert got is None or "[Widget]" not in got


def test_a_courts_parties_are_named_as_the_case_was_brought() -> None:
    """ "… an injunction brought by the Freedonia Consumer Federation against Widget Co., Ltd.":
    then "The defendant may lodge an appeal …" is Widget Co.'s, "The claimant may also
    appeal" the federation's. Cut short, "… apps for iOS which, according to the claimant,
    have been downloaded …" never ends at "which"."""
    opening = (
        "The Regional Court yesterday granted an injunction brought by the Freedonia Consumer "
        "Federation against Widget Co., Ltd., the operator of the Widget app."
    )
    earlier = [opening, "The judgment is not yet final."]
    got = make_standalone(
        "The defendant may lodge an appeal within one month.", None, None, "Widget",
        earlier=earlier,
    )  # fmt: skip
    assert got == "[Widget Co.] may lodge an appeal within one month."
    got = make_standalone(
        "The claimant may also appeal in respect of the dismissed part.", None, None, "Widget",
        earlier=earlier,
    )  # fmt: skip
    assert (
        got == "[Freedonia Consumer Federation] may also appeal in respect of the dismissed part."
    )
    assert party("The defendant may appeal.", ["Widget released W5 on Monday."]) is None
    # "Acme Books and novelist Ana Ruiz filed the suit …": the plaintiffs, whatever they do
    filed = ["Acme Books and novelist Ana Ruiz filed the suit on Jan. 9 in San Francisco."]
    assert party("The plaintiffs seek damages of up to $150,000 per work.", filed) == (
        "[Acme Books and novelist Ana Ruiz] seek damages of up to $150,000 per work."
    )
    assert party("The plaintiffs seek damages.", ["Three novelists filed the suit."]) is None
    long = (
        "[Widget Co.] offers a free AI chatbot via a website and apps for Android and iOS which, "
        "according to the claimant, have been downloaded several million times in Freedonia."
    )
    assert not trim(long).endswith("which.")


def test_references_that_name_the_wrong_one_are_not_resolved() -> None:
    """ "It's called Tidewater Labs" after "Luo is starting his own company" is the company,
    not [Luo is]; "The lab that famously …" says which lab itself; "The Hangzhou lab" is the
    article's subject; a cut never ends on "and"."""
    from bot.builder.analyse import trim

    earlier = [
        "Luo Wenjie, who led the RL team, has left Widget.",
        "Luo is starting his own company.",
    ]
    text = "It's called Tidewater Labs and it has raised a $120 million seed round."
    got = make_standalone(text, earlier[-1], None, "Widget", None, earlier[-1], None, earlier)
    assert got is None or "[Luo" not in got
    lab = "The lab that famously didn't need outside money is now seeding an ecosystem."
    got = make_standalone(
        lab, None, "Tidewater is a start-up founded by ex-Widget staff.", "Widget"
    )
    assert got is None or not got.startswith("[")
    assert make_standalone("The Hangzhou lab pushed W5 to Hugging Face.", None, None, "Widget") == (
        "[Widget] pushed W5 to Hugging Face."
    )
    long = (
        "The lab quietly pushed W5, its new reasoning model, to Hugging Face late yesterday US "
        "time, with a 58-page technical report and, as usual, almost no marketing at all."
    )
    assert not trim(long).endswith(" and.")
    appointed = (
        "Widget has appointed Ada Quill, a 41-year-old associate professor at Freedonia "
        "University's Institute for Interdisciplinary Information Sciences, as its first "
        "chief scientist."
    )
    assert trim(appointed) == appointed  # the rest completes the clause: no cut


LAUNCH = """Widget launches W7, slashes prices
Widget on Tuesday released W7, its most powerful model yet, and cut the prices it charges developers by up to 60 per cent.
The new model uses a mixture-of-experts design with 2.1 trillion parameters in total, of which 64 billion are active for each token it processes. It can handle up to 1 million tokens of context, roughly the length of 10 novels.
"""


def test_it_after_a_named_description_is_the_thing_named(seeds_copy: Path, tmp_path: Path) -> None:
    """ "The new model uses …" is "[W7] uses …"; the "It can handle …" after it is W7 too,
    not dropped for following a description."""
    lib, mine = _built(seeds_copy, tmp_path, "w7-launch", "2027-05-19", LAUNCH)
    assert any(t.startswith("[W7] uses a mixture-of-experts design") for t in mine), mine
    assert (
        "[W7] can handle up to 1 million tokens of context, roughly the length of 10 novels."
        in mine
    )
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_fact_leaning_on_a_long_sentence_joins_its_first_clause(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "It now seeks $310 million" after a sentence too long to join whole: the sentence
    before is cut at a clause break, the cut marked, and the two read as one point."""
    body = (
        "A court in Freedonia heard the Acme copyright case on Tuesday.\n"
        "An amended complaint filed in July cut the number of works at issue from about "
        "190,000 to roughly 131,000, after the publishers removed titles whose copyright "
        "registrations could not be confirmed or which belonged to authors outside the guild. "
        "It now seeks statutory damages of at least $310 million, down from the $450 million "
        "floor in the original filing.\n"
    )
    lib, mine = _built(seeds_copy, tmp_path, "acme-suit", "2026-09-08", body)
    joined = [t for t in mine if "$310 million" in t]
    assert joined == [
        "An amended complaint filed in July cut the number of works at issue from about "
        "190,000 to roughly 131,000 […]. It now seeks statutory damages of at least $310 "
        "million, down from the $450 million floor in the original filing."
    ]
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_sentence_joined_to_a_live_blog_entry_leaves_its_time_stamp_out(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "**10:41 a.m.** — Liu presents her research. Her team identified 11 shell companies
    …": the entry's opening is too short to stand, so the next sentence joins it, without
    the blog's clock."""
    _, mine = _built(
        seeds_copy,
        tmp_path,
        "widget-hearing-live",
        "2026-06-11",
        "**10:41 a.m.** — Liu presents her research. Her team matched shipping records and "
        "found 11 shell companies that bought Widget servers.\n",
    )
    joined = "Liu presents her research. Her team matched shipping records and found 11 shell"
    assert any(t.startswith(joined) for t in mine), mine
    assert not any("10:41" in t for t in mine)


def test_a_list_after_a_heading_is_led_in_by_the_body_a_fact_sheet_named(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "## Sanctions / The commission imposed the following: / - Administrative fine: …":
    the commission is the one the fact sheet named ("Authority: Freedonia Data Protection
    Commission (FDPC)"), so each row is a point."""
    _, mine = _built(
        seeds_copy,
        tmp_path,
        "widget-fdpc-decision",
        "2026-06-25",
        "**Authority:** Freedonia Data Protection Commission (FDPC)\n\n"
        "**Respondent:** Widget Inc.\n\n"
        "The commission opened its inquiry in early 2025 after Widget's app rose up the "
        "Freedonian app-store charts.\n\n"
        "## Sanctions\n\n"
        "The commission imposed the following:\n\n"
        "- **Administrative fine (penalty surcharge):** 1.34 billion crowns (about $980,000)\n"
        "- **Corrective order:** delete the data of an estimated 210,000 Freedonian users\n",
    )
    fine = (
        "[Freedonia Data Protection Commission imposed the following:] Administrative fine "
        "(penalty surcharge): 1.34 billion crowns (about $980,000)."
    )
    assert fine in mine, mine
    # a line listing kinds names nothing: "Category: Product Launch, Market Disruption"
    kinds = ["Category: Product Launch, Market Disruption"]
    assert named_description("The launch underscores how cheap models have become.", kinds) is None


def test_a_sentence_named_in_brackets_is_one_the_next_joins_onto(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "He announces the Widget Fellows programme. It will fund 120 PhD students …": the
    first, named ("[Ana Ruiz] announces …"), carries the second, whether it is too short to
    stand alone or long enough to be a point itself."""
    _, mine = _built(
        seeds_copy,
        tmp_path,
        "widget-dev-day",
        "2026-05-20",
        "**11:05** - Change of speaker. Ana Ruiz, a research director at Widget, is up.\n\n"
        "**11:09** - He announces the Widget Fellows programme. It will fund 120 PhD "
        "students at universities in Freedonia and abroad.\n\n"
        "Remarkably, Widget trained its W5 model for a reported $5.6 million using chips that "
        "were permitted under the existing export restrictions and supply chains, significantly "
        "undercutting the development costs that rivals in Freedonia and Sylvania have reported "
        "for models of a similar size. The company also released the open-source Gizmo "
        "multimodal family of models. The launch lifted shares of its partners in Freedonia by "
        "4% in a single session.\n",
    )
    fellows = (
        "[Ana Ruiz] announces the Widget Fellows programme. It will fund 120 PhD students at "
        "universities in Freedonia and abroad."
    )
    assert fellows in mine, mine
    gizmo = (
        "[Widget] also released the open-source Gizmo multimodal family of models. The launch "
        "lifted shares of its partners in Freedonia by 4% in a single session."
    )
    assert gizmo in mine, mine


ROUND = """Widget raises 28 billion crowns from state funds
Widget, the Freedonia artificial intelligence lab that has until now been funded entirely by the hedge fund Acme Capital, has raised 28 billion crowns (about $3.9 billion) from a group of state-backed funds, according to registration records and two people familiar with the deal.

The round values Widget at 210 billion crowns after the new money, or roughly $29 billion.
"""


def test_a_sentence_leaning_on_a_long_one_joins_it_without_its_subjects_description(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The round values Widget at 210 billion crowns" leans on the lede, too long to join
    whole and with no clause break early enough: the lede's description of its subject is
    left out, marked […], and the two join."""
    from bot.builder.analyse import elided

    lede = ROUND.splitlines()[1]
    short = elided(lede, 240)
    assert short.startswith("Widget […] has raised 28 billion crowns") and len(short) <= 240
    assert elided(lede, len(lede)) == lede
    lib, mine = _built(seeds_copy, tmp_path, "w-round", "2026-04-20", ROUND)
    assert any(
        t.startswith("Widget […] has raised 28 billion crowns")
        and t.endswith(
            "The round values Widget at 210 billion crowns after the new money, "
            "or roughly $29 billion."
        )
        for t in mine
    ), mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_product_called_a_tool_or_a_plan_is_named() -> None:
    """ "The tool is published …" after "… released Widget Code, a command-line coding agent";
    "The plan costs …" after "… a subscription called Widget Plus": the one product the
    sentence before names, in brackets. Two products named: no guess."""
    from bot.builder.names import named_product

    code = ["On Tuesday Widget released Widget Code, a command-line coding agent for developers."]
    assert named_product("The tool is published on GitHub under the MIT license.", code) == (
        "[Widget Code] is published on GitHub under the MIT license."
    )
    plus = ["Widget has started charging, introducing a subscription called Widget Plus today."]
    assert named_product("The plan costs 39 crowns a month in Freedonia.", plus) == (
        "[Widget Plus] costs 39 crowns a month in Freedonia."
    )
    both = ["Widget released Widget Code, a coding agent, and Widget Chat, a chat assistant."]
    assert named_product("The tool is free.", both) is None
    assert named_product("The court accepted the case.", code) is None  # no product


LISTED = """Freedonia blacklists Widget
The Freedonia trade ministry on Wednesday added Widget to its Entity List, a move that bars local suppliers from shipping it almost any goods, software or technology without a licence.

The listing covers the Ruritania-based developer and two affiliates, a research subsidiary and a trading company that the ministry said had acted as a purchasing front.
"""


def test_a_join_leaves_out_a_comment_on_the_sentence_before(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The listing covers …" leans on "… added Widget to its Entity List, a move that bars
    …": joined to it with the comment (", a move that …") left out and marked […]; the lede
    alone keeps it."""
    lib, mine = _built(seeds_copy, tmp_path, "w-listed", "2026-07-23", LISTED)
    head = "The Freedonia trade ministry on Wednesday added Widget to its Entity List"
    assert any(t.startswith(f"{head} […]. The listing covers") for t in mine), mine
    assert any(t.startswith(f"{head}, a move that bars") for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_place_or_a_name_made_an_adjective_is_no_other_actor() -> None:
    """ "That means Freedonia companies, and others shipping Freedonia-origin items, …" names
    no company but the article's: "It said it had never knowingly …" after it is [Widget]."""
    known = frozenset({"Widget", "Freedonia", "Freedonia-origin"})
    earlier = [
        "The trade ministry in Freedonia on Wednesday added Widget to its Entity List.",
        "Licences will be reviewed under a presumption of denial.",
        "That means Freedonia companies, and others shipping Freedonia-origin items, cannot "
        "sell to them.",
    ]
    text = "The company said it had never knowingly broken export rules."
    got = _after(text, earlier, "Widget", known, context=earlier[1])
    assert got == "[Widget] said it had never knowingly broken export rules."


def test_a_join_may_cut_the_sentence_before_at_a_participle_a_point_keeps() -> None:
    """ "…in its first round of external funding, ending more than three years …": a join
    onto it may end it at ", ending" (marked […]); the sentence as a point keeps it whole."""
    from bot.builder.analyse import elided, trim

    lede = (
        "Widget has raised 20 billion crowns (about $2.8 billion) in its first round of external "
        "funding, ending more than three years in which the developer was financed entirely by "
        "its founder's hedge fund, Acme Capital."
    )
    assert elided(lede, 120) == (
        "Widget has raised 20 billion crowns (about $2.8 billion) in its first round of external "
        "funding […]."
    )
    assert trim(lede) == lede
    # any participle: "…, closing a route by which …"
    rule = (
        "The Commerce Department issued an interim final rule on Wednesday requiring a licence "
        "for exports of AI chips to subsidiaries of Chinese companies anywhere in the world, "
        "closing a route by which some groups had rented capacity in Malaysia."
    )
    assert elided(rule, 200) == (
        "The Commerce Department issued an interim final rule on Wednesday requiring a licence "
        "for exports of AI chips to subsidiaries of Chinese companies anywhere in the world […]."
    )
    us = (
        "Widget's assistant has surpassed Acme's chatbot as the top-rated free app on the App "
        "Store in the U.S., which is the largest market for paid chatbot subscriptions by revenue."
    )
    assert trim(us).endswith("in the U.S.")  # one stop, not "U.S.."


def test_a_trim_keeps_a_second_clause_of_the_same_subject() -> None:
    """ "… within 30 days, and it must appoint a legal representative …": the same subject's
    second order is the fact too; a trim does not cut it off."""
    from bot.builder.analyse import trim

    order = (
        "[Widget] must delete all Freedonian user data that was transferred without a lawful "
        "basis within 30 days, and it must appoint a legal representative in Freedonia with "
        "authority to respond to the regulator."
    )
    assert trim(order) == order


def test_a_trim_keeps_the_reason_it_cites() -> None:
    """ "…, citing transfers of conversations to servers abroad …" is why: a fact a trim keeps
    (asked "why did freedonia suspend widget", it is the answer)."""
    from bot.builder.analyse import trim

    order = (
        "Freedonia's data authority on Monday ordered Widget to suspend the processing of "
        "users' data, citing transfers of conversations to servers abroad without adequate "
        "safeguards and the absence of any mechanism to keep children off the service."
    )
    assert trim(order) == order


def test_he_is_the_person_a_job_names_past_a_quote_naming_only_places() -> None:
    """ "He said Acme would dedicate 40 megawatts …" after '"…," said Ana Ruiz, Acme's chief
    executive, …' and a quoted sentence that names only a place and "Freedonian law": he is
    [Ana Ruiz]. "Acme Labs, a Ruritania-based analyst firm" is no person."""
    from bot.builder.names import is_person

    known = frozenset({"Acme", "Ana", "Ruiz", "Freedonia", "Freedonian", "Johor"})
    earlier = [
        "Acme will run Widget's models in its data centres in Johor.",
        '"Customers kept asking," said Ana Ruiz, Acme\'s chief executive, at a briefing in '
        "Freedonia.",
        '"Now they can have the model in Johor, under Freedonian law, with a Freedonian '
        'company accountable for it."',
    ]
    text = "He said Acme would dedicate 40 megawatts of capacity to the service."
    got = _after(text, earlier, "Acme", known, context=earlier[0])
    assert got == "[Ana Ruiz] said Acme would dedicate 40 megawatts of capacity to the service."
    assert not is_person("Acme Labs", "Acme Labs, a Ruritania-based analyst firm, said so.")


def test_a_lead_in_keeps_the_deadline_before_its_subject() -> None:
    """ "Within 60 days of the notice, that is by 29 June 2026, Widget must:": the deadline is
    the list's fact, and stays in each item's bracket; a lead-in without one is cut as before."""
    from bot.builder.analyse import listed

    lead = "Within 60 days of the notice, that is by 29 June 2026, Widget must:"
    assert listed("appoint a local data protection officer;", lead, bullet=True) == (
        "[Within 60 days of the notice, that is by 29 June 2026, Widget must:] appoint a local "
        "data protection officer."
    )
    assert listed("appoint a local data protection officer;", "Under the order, Widget must:") == (
        "[Widget must:] appoint a local data protection officer."
    )


TRANSCRIPT_INITIALS = """On Monday, a consumer group filed a collective action against Widget in Freedonia. We spoke to its lead counsel, Ana Ruiz Lütz, about the case.

Freedonia Review: What are you accusing Widget of?

Ana Ruiz Lütz: Widget sent the conversations of Freedonian users to servers in Ruritania without telling them.

FR: How much compensation?

ARL: Nine point two billion crowns in total, roughly ten million dollars.

FR: Is it symbolic?

ARL: I do not think it is symbolic for a company that wants to grow here.
"""


def test_a_transcripts_initials_are_the_full_name_they_stand_for(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "ARL: …" after "Ana Ruiz Lütz: …" is hers, named in full, as is her first turn;
    "FR:" (the publication's initials) asks, and is no point."""
    _, mine = _built(
        seeds_copy, tmp_path, "w-initials", "2026-03-05", TRANSCRIPT_INITIALS, "Freedonia Review"
    )
    assert (
        "[Ana Ruiz Lütz:] Nine point two billion crowns in total, roughly ten million dollars."
        in mine
    ), mine
    assert any(t.startswith("[Ana Ruiz Lütz:] Widget sent the conversations") for t in mine)
    assert not any(t.startswith(("[Arl", "[ARL")) or "compensation?" in t for t in mine), mine


def test_the_publication_describing_itself_is_no_point(seeds_copy: Path, tmp_path: Path) -> None:
    body = (
        "RegWatch Freedonia summarises significant regulatory actions for compliance teams.\n"
        "The Data Commission served an enforcement notice on Widget on 30 April 2026.\n"
    )
    _, mine = _built(seeds_copy, tmp_path, "w-regwatch", "2026-05-04", body, "RegWatch Freedonia")
    assert not any("summarises" in t for t in mine), mine
    assert any(t.startswith("The Data Commission served") for t in mine), mine


def test_an_irregular_past_before_its_own_is_no_leaning_opening() -> None:
    """ "Widget cut the price of its flagship …" acts on its own; "People close to it say …"
    still leans on what the reader never saw."""
    assert not dependent("Widget cut the price of its flagship W5 model on Monday by 42%.")
    assert not dependent("Acme lost some of its value on Tuesday.")
    assert dependent("People close to it say the deal is done.")


PRICE_CUT = """Widget cut the price of its flagship W5 model on Monday by more than two-fifths, less than a month after launching it at a premium to its older systems, in a move analysts said would put fresh pressure on Freedonian cloud providers.

The new rates, which took effect at midnight, bring the cost of sending text to the model down to $0.35 per million input tokens, from $0.60 at launch.

Acme said it was reviewing its own prices.
"""


def test_the_new_rates_after_a_price_cut_join_the_sentence_that_cut_it(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The new rates, which took effect at midnight, bring …" leans on the price cut a
    paragraph before, which says "price", not "rates": news's other word for the same thing.
    The cut is joined, its comment ("in a move analysts said …") left out to make room."""
    lib, mine = _built(seeds_copy, tmp_path, "w-rates", "2026-04-07", PRICE_CUT)
    rates = (
        "The new rates, which took effect at midnight, bring the cost of sending text to the "
        "model down to $0.35 per million input tokens, from $0.60 at launch."
    )
    assert [t for t in mine if t.endswith(rates)] == [
        "Widget cut the price of its flagship W5 model on Monday by more than two-fifths, less "
        "than a month after launching it at a premium to its older systems […]. " + rates
    ], mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_companys_own_report_says_we_as_that_company(seeds_copy: Path, tmp_path: Path) -> None:
    """An incident report with no publisher, by the company it is about: its "we" and "our"
    are that company's ("[Widget:] We have found no evidence …"), not dropped as nobody's."""
    body = (
        "On Tuesday, March 17, 2026, Widget Chat and the Widget API experienced a serious "
        "service disruption.\n"
        "This was not a cyberattack. We have found no evidence of unauthorised access, and no "
        "user data was lost or exposed.\n"
        "At 08:51, an automated rollout began of firmware version 3.8.2 to the power "
        "controllers in our Nanxun data hall.\n"
    )
    lib, mine = _built(
        seeds_copy,
        tmp_path,
        "w-incident",
        "2026-03-19",
        body,
        title="Incident report: March 17 disruption affecting Widget Chat and the Widget API",
    )
    assert (
        "[Widget:] We have found no evidence of unauthorised access, and no user data was lost "
        "or exposed." in mine
    ), mine
    assert any(t.startswith("[Widget:] At 08:51, an automated rollout began") for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_report_posted_by_a_companys_team_says_we_as_that_company(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Posted by the Widget Platform Reliability team" on a report whose title names no one:
    its "we" is Widget's; and "The change was …" joins the sentence that named the change, not
    one that merely holds "was"."""
    body = (
        "Posted by the Widget Platform Reliability team\n"
        "During the incident, we told reporters that the outage was caused by a hardware fault.\n"
        "A storage controller did fail in our Ulanqab data centre that morning, and it was the "
        "first alarm our engineers saw.\n"
        "08:52 - A configuration change to our request router is approved. The change was "
        "intended to roll out to a single region first.\n"
    )
    lib, mine = _built(
        seeds_copy,
        tmp_path,
        "w-postmortem",
        "2026-03-09",
        body,
        title="Incident report: March 4 API and chat service outage",
    )
    assert any(t.startswith("[Widget:] During the incident, we told reporters") for t in mine)
    region = [t for t in mine if "single region" in t]
    assert region and all("configuration change" in t for t in region), mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_sentence_too_long_to_show_gives_its_first_clause(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """A regulator's 430-character sentence is too long for a point, but its first clause
    holds the facts: "… transferred the data of about 1.1 million users …" is kept, cut
    before ", without informing users …"."""
    long = (
        "The commission said it had confirmed that Widget transferred the prompts, device "
        "information and network data of about 1.1 million Freedonian users to three overseas "
        "entities — two in Sylvania and one in the United States — between the app's launch in "
        "January 2025 and October 2025, without informing users or obtaining their separate "
        "consent as required under the Personal Information Protection Act of Freedonia."
    )
    assert len(long) > 400
    body = f"Freedonia's Data Protection Commission fined Widget 1.38 billion crowns.\n{long}\n"
    lib, mine = _built(
        seeds_copy, tmp_path, "w-long", "2026-01-15", body, title="Freedonia fines Widget"
    )
    head = long.split(", without")[0].removeprefix("The commission") + "."
    assert "[Data Protection Commission]" + head in mine, mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_calls_turns_may_give_the_speakers_role_in_brackets(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """An earnings call's "Fang Shuyi (CFO): … Our largest customer accounted for 27% …": her
    turn, "our" included, is hers; a price row "Moonforge M3 (Moonforge AI): $0.30" in a
    note with such turns is nobody's turn, and the line after it is not Moonforge's."""
    body = (
        "Wen Kai (IR): Good evening and welcome to the call.\n"
        "Lu Jianguo (CEO): Thank you. Full-year revenue was 4.2 billion yuan, up 310%.\n"
        "Fang Shuyi (CFO): Gross margin was 52.3%. Our largest customer accounted for 27% of "
        "revenue.\n"
        "Lu Jianguo (CEO): We expect that share to fall to around 20% in 2026.\n"
        "Fang Shuyi (CFO): Inventory rose to 2.9 billion yuan on memory stocks.\n"
    )
    lib, mine = _built(
        seeds_copy, tmp_path, "w-call", "2026-02-27", body, title="Acme Q4 2025 earnings call"
    )
    assert "[Fang Shuyi:] Our largest customer accounted for 27% of revenue." in mine, mine
    assert ct.unfaithful(lib, seeds_copy) == []
    rows = (
        "Widget W5 API, price per million tokens, before and after May 20:\n"
        "Input (cache miss): $0.20 -> $0.13\n"
        "Input (cache hit): $0.05 -> $0.03\n"
        "List prices per million tokens and our blended price, as of May 21:\n"
        "Widget W5 (Widget API): $0.13 / $0.56 -> blended $0.24\n"
        "Widget W5 (Tianlan Cloud endpoint): $0.14 / $0.60 -> blended $0.26\n"
        "Tianlan-Qing 2 (Tianlan Cloud): $0.25 / $1.00 -> blended $0.44\n"
        "Moonforge M3 (Moonforge AI): $0.30 / $1.20 -> blended $0.53\n"
        "Aster 5 (Halcyon Labs, US): $2.50 / $10.00 -> blended $4.38\n"
        "At a blended $0.24, Widget is now about 18 times cheaper than the US model we track. "
        "Tianlan Cloud updated its Widget endpoint on May 21, pricing within 10% of Widget's.\n"
    )
    _, noted = _built(seeds_copy, tmp_path, "w-rows", "2026-05-22", rows)
    assert not any(t.startswith(("[Moonforge", "[Widget W5:]")) for t in noted), noted


def test_a_research_notes_we_is_the_firms(seeds_copy: Path, tmp_path: Path) -> None:
    """A broker's note ("Quarry Capital | China Internet | Sector update" above "Analyst: …"):
    its "we estimate" and "our checks" are the firm's, kept as the firm's words."""
    body = (
        "Quarry Capital | China Internet | Sector update | May 2, 2026\n"
        "Analyst: Rosa Lindqvist, CFA | Associate: Omar Haddad\n"
        "Summary: Our channel checks indicate that Widget trained 35% of W5 on domestic chips.\n"
        "Including failed runs, we estimate the all-in cost at $38-45 million.\n"
    )
    lib, mine = _built(
        seeds_copy, tmp_path, "w-note", "2026-05-02", body, title="Analyst note: Widget's W5 run"
    )
    assert (
        "[Quarry Capital:] Including failed runs, we estimate the all-in cost at $38-45 million."
        in mine
    ), mine
    assert any(t.startswith("[Quarry Capital:] Our channel checks indicate") for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_sentence_leaning_on_the_one_before_is_not_joined_further_back(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The judges praised its offline mode." after "Widget Relay built a triage assistant
    …": "its" is that assistant's, so the sentence is not joined to "Fourteen teams were
    disqualified after judges found …" three sentences back, where "its" would read wrong."""
    body = (
        "The organisers of the Widget Builders Hackathon today announced the winning teams.\n"
        "Of the 640 teams, 571 submitted a project before the 10:00 deadline on May 10. Fourteen "
        "teams were disqualified after judges found that their projects had been substantially "
        "built before the event, which the rules did not allow.\n"
        "Winners\n"
        "Grand prize (300,000 yuan): Sprout Relay, a team of three medical students from "
        "Zhejiang University. Sprout Relay built a triage assistant for rural clinics that runs "
        "on Widget's reasoning model, asks patients structured questions in local dialects "
        "through a voice interface, and produces a summary for the visiting doctor. The judges "
        "praised its offline fallback mode, which stores conversations on the device when "
        "network connections drop.\n"
    )
    lib, mine = _built(seeds_copy, tmp_path, "w-hack", "2026-05-11", body, "Acme Wire")
    assert not any("disqualified" in t and "praised" in t for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


PLACES = """Widget has spent the year fighting regulators in Freedonia and in Sylvania.

Freedonia
- The data authority suspended the Widget app on February 9 over transfers to Ruritania.
- Freedonian users regained access on March 23.

Sylvania
- A consumer group filed a collective action on March 2 seeking 9.2 billion crowns.
- The first hearing is set for June 18.

WHAT TO WATCH
- A ruling on the appeal is expected in the autumn.

Recovery
- Widget says sign-ups are back to last year's level.
"""


def test_lines_under_a_places_heading_say_where(seeds_copy: Path, tmp_path: Path) -> None:
    """Under "Sylvania", "A consumer group filed a collective action …" is "[Sylvania:] A
    consumer group …": where it happened is in the point, and "The data authority …" leans on
    nothing else. A line naming the place or its people keeps its words; other headings
    ("WHAT TO WATCH", "Recovery") add nothing."""
    lib, mine = _built(seeds_copy, tmp_path, "w-places", "2026-05-01", PLACES)
    assert any(t.startswith("[Sylvania:] A consumer group filed") for t in mine), mine
    assert any(t.startswith("[Sylvania:]") and t.endswith("June 18.") for t in mine), mine
    # "The data authority" leans on nothing but the place the heading names
    assert (
        "[Freedonia:] The data authority suspended the Widget app on February 9 over transfers "
        "to Ruritania." in mine
    ), mine
    assert "Freedonian users regained access on March 23." in mine, mine
    assert "A ruling on the appeal is expected in the autumn." in mine, mine
    assert "Widget says sign-ups are back to last year's level." in mine, mine
    assert ct.unfaithful(lib, seeds_copy) == []


DIRECTIVE = """This is a plain-language summary of Directive IT-2026-04, issued by the Province of Freedonia on 17 February 2026. This summary is provided for information only and is not legal advice.

WHAT THE DIRECTIVE DOES
- Prohibits installing or using the Widget app on any device managed by the provincial government.
- Applies to roughly 14,500 phones, tablets and laptops across departments.
- Does not apply to personal devices unless they are enrolled in device management.

KEY DATES
- The directive takes effect on 23 February 2026.
"""


def test_a_list_under_what_the_thing_does_says_whose_acts_they_are(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "- Applies to roughly 14,500 phones" under "WHAT THE DIRECTIVE DOES" has no subject of
    its own: it is "[Directive IT-2026-04] applies to …", named as the article names it; so is
    "The directive takes effect …" though Widget was named nearer (a company is no directive).
    The summary's note on itself ("… not legal advice") is no point."""
    lib, mine = _built(seeds_copy, tmp_path, "w-directive", "2026-02-18", DIRECTIVE)
    assert (
        "[Directive IT-2026-04] applies to roughly 14,500 phones, tablets and laptops across "
        "departments." in mine
    ), mine
    assert (
        "[Directive IT-2026-04] does not apply to personal devices unless they are enrolled in "
        "device management." in mine
    ), mine
    assert "[Directive IT-2026-04] takes effect on 23 February 2026." in mine, mine
    assert not any(t.startswith(("Applies", "Prohibits", "Does not")) for t in mine), mine
    assert not any("legal advice" in t for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


def test_a_statement_shown_as_history_shows_once(seeds_copy: Path, tmp_path: Path) -> None:
    """ "Widget has not disclosed the training cost for W5." is a point, and so is it with the
    labelled line after it; when a later figure makes it history, it shows once."""
    _dated(
        seeds_copy,
        "w-silent",
        "2026-03-01",
        "Widget launched W5 on Sunday, its first model trained on Freedonian chips.\n"
        "Widget has not disclosed the training cost for W5.\n"
        "Context: This is the first model Widget trained without Acme hardware.\n",
    )
    _dated(
        seeds_copy,
        "w-cost",
        "2026-04-01",
        "Widget said the final training run for W5 cost $12 million on Freedonian chips.\n",
    )
    lib = ct.build_into(seeds_copy, tmp_path / "out")
    assert ct.repeats(lib) == []
    for b in (lib.overview, *lib.briefs.values()):
        shown = [
            p.text
            for d in b.differences
            for p in d.claims
            if "has not disclosed the training cost for W5" in p.text
        ]
        assert len(shown) <= 1, (b.id, shown)
    assert any(
        "has not disclosed the training cost for W5" in p.text
        for b in lib.briefs.values()
        for d in b.differences
        for p in d.claims
    )


SUED = """A consumer group that represents app users sued Widget in a court in Freedonia on Monday, accusing the company of sending users' chats to servers abroad without their consent, the first such case in the country and one of the first anywhere in the region.

The claim, filed in the Freedonia High Court, seeks 9.2 billion crowns in damages on behalf of about 180,000 users.
"""


def test_the_claim_after_a_lawsuit_joins_the_sentence_that_brought_it(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "The claim, filed in the Freedonia High Court, seeks …" leans on the lawsuit a
    paragraph before ("sued"): joined to it, whatever the aside before its verb."""
    lib, mine = _built(seeds_copy, tmp_path, "w-sued", "2026-03-05", SUED)
    claim = (
        "The claim, filed in the Freedonia High Court, seeks 9.2 billion crowns in damages on "
        "behalf of about 180,000 users."
    )
    assert any(
        t.startswith("A consumer group that represents") and t.endswith(claim) for t in mine
    ), mine
    assert ct.unfaithful(lib, seeds_copy) == []


FRAGMENT_BEFORE = """Widget confirmed on Thursday that Ana Ruiz, its chief scientist, will leave at the end of June.

Ruiz's new company, which people close to her say will be called Lodestar Labs, will build small models.

Departures of this kind are normal at maturing companies. Where has Widget's weight moved? Toward concrete and copper. The company is building a campus in Freedonia whose first phase alone is approved for 750 megawatts.
"""


def test_a_fragments_first_word_is_no_name_the_company_could_be(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Toward concrete and copper. The company is building …": "Toward" is no name, so the
    company is the article's own, not "Ruiz's new company" named two paragraphs up."""
    _, mine = _built(
        seeds_copy,
        tmp_path,
        "w-moved",
        "2026-05-29",
        FRAGMENT_BEFORE,
        title="Widget loses its chief scientist",
    )
    assert (
        "[Widget] is building a campus in Freedonia whose first phase alone is approved for "
        "750 megawatts." in mine
    ), mine
    assert not any("[Ruiz’s new company]" in t or "[Ruiz's new company]" in t for t in mine)


PHONE_TALK = """Acme Mobile confirmed on Tuesday that its new P12 phone runs a distilled version of Widget's W5 model. We spoke to Ana Ruiz, Acme's vice-president for AI, the day after the launch.

Phone Weekly: Let's start with the basics. What exactly is running on the P12?

Ana Ruiz: It's a 3-billion-parameter model distilled from W5 by Widget, and then tuned by our team for our own chip. On the P12 we see about 22 tokens a second.

Phone Weekly: Will prices fall?

Ana Ruiz: Prices in this industry only go one direction over time. Our costs in Freedonia will fall as use rises.
"""


def test_an_interviews_answers_never_name_the_wrong_thing(seeds_copy: Path, tmp_path: Path) -> None:
    """ "What exactly is running on the P12? / It's a 3-billion-parameter model": "It" is the
    thing asked, never "[Acme Mobile is]"; "Ana Ruiz: Prices in this industry only go …" is
    her turn, never "[Ana Ruiz] prices …" (a labelled fact whose verb is "prices")."""
    _, mine = _built(seeds_copy, tmp_path, "w-phone", "2026-05-06", PHONE_TALK, "Phone Weekly")
    assert not any("[Acme Mobile is]" in t or "[Acme Mobile’s] a" in t for t in mine), mine
    assert not any(t.startswith("[Ana Ruiz] prices") for t in mine), mine
    assert "[Ana Ruiz:] Our costs in Freedonia will fall as use rises." in mine, mine


def test_the_app_after_a_spokespersons_words_is_no_persons_app() -> None:
    """ "The app was available again …" after "… Cao Wen, said …" and "It has 10 working days
    to do so.": the company's app, never "[Cao Wen’s] app"."""
    earlier = [
        "Widget said in a statement that it thanked the authority for a constructive dialogue.",
        "The company's head of international policy, Cao Wen, said it had not decided whether "
        "to appeal the fine.",
        "It has 10 working days to do so.",
    ]
    point = _after(
        "The app was available again on Google Play by Monday evening.",
        earlier,
        "Widget",
        frozenset({"Widget", "Cao", "Wen", "Google", "Play"}),
        context="Cao Wen said it had not decided whether to appeal the fine.",
    )
    assert point is None or "Cao Wen" not in point, point


def test_a_plans_row_with_a_count_is_its_figure() -> None:
    """ "- Widget Free: 200 agent requests per day, at no charge." under "Pricing" is the plan's
    figure ("requests" after a number is what it counts, no verb); a label with a verb after
    it is a sentence's clause, no row."""
    from bot.builder.analyse import scored

    known = frozenset({"Widget"})
    assert scored("Widget Free: 200 agent requests per day, at no charge.", known) == (
        "Widget Free: 200 agent requests per day, at no charge."
    )
    assert scored("Widget Pro: $39 a month for 5,000 requests", known) == (
        "Widget Pro: $39 a month for 5,000 requests."
    )
    assert scored("Widget said in 2025: it grows", known) is None


def test_it_replied_is_who_was_addressed_not_who_wrote() -> None:
    """ "The Board issued a notice to the company in November. It replied in December …":
    the company replied, not the Board; "It said …" after it stays the Board's."""
    before = "The Board issued a notice to the company in November."
    known = frozenset({"Widget", "Board"})
    replied = _after(
        "It replied in December, and it stated that its app had 38 million monthly users.",
        [before],
        "Widget",
        known,
        context=before,
    )
    assert replied == (
        "[Widget] replied in December, and it stated that its app had 38 million monthly users."
    )
    said = _after("It said the fine was fair.", [before], "Widget", known, context=before)
    assert said is None or not said.startswith("[Widget]")


def test_the_company_in_a_products_launch_is_its_maker() -> None:
    """ "The company plans to publish …" in an article about Widget Forge, which "Widget today
    announced": Widget, the maker, never "[Forge]"."""
    earlier = [
        "Widget today announced Widget Forge, a coding agent that works in the command line.",
        "Forge can read an entire repository and propose pull requests.",
        "Forge resolves 68.4% of tasks on RepoBench-Live, an internal benchmark.",
    ]
    point = _after(
        "The company plans to publish the benchmark in the coming weeks.",
        earlier,
        "Forge",
        frozenset({"Widget", "Forge", "RepoBench-Live"}),
        context=earlier[-1],
    )
    assert point == "[Widget] plans to publish the benchmark in the coming weeks.", point


def test_a_description_whose_name_says_its_kind_is_named_past_nearer_actors() -> None:
    """ "The court put the number …" three sentences after "The Freedonia Circuit Court ruled
    …": "[Freedonia Circuit Court] put …", though Widget and a judge are named nearer (no
    company or judge is a court). "The company said …" there stays unnamed."""
    earlier = [
        "The Freedonia Circuit Court ruled on Wednesday on Widget's challenge to the fine.",
        "It reduced the fine to EUR 7.2 million.",
        "The judgment, written by Judge Ana Vale, accepted Widget's argument about the count.",
    ]
    known = {"Freedonia", "Circuit", "Court", "Widget", "Judge", "Ana", "Vale", "EUR"}
    court = "The court put the number of affected users at about 118,000."
    assert make_standalone(
        court, earlier[-1], earlier[-1], None, known, earlier[-1], None, earlier
    ) == ("[Freedonia Circuit Court] put the number of affected users at about 118,000.")
    company = "The company said it would not appeal."
    standalone = make_standalone(
        company, earlier[-1], earlier[-1], None, known, earlier[-1], None, earlier
    )
    assert standalone is None or not standalone.startswith("[Freedonia")


RESULTS = """AMSTERDAM, June 5, 2026 -- Acme Cloud N.V., a provider of GPU cloud infrastructure, today \
announced financial results for the first quarter ended March 31, 2026.
First Quarter 2026 Highlights
- Revenue of $412 million, up 63% from $253 million in the first quarter of 2025.
- Adjusted gross margin of 41%, compared with 38% a year earlier
- Net loss of $22 million, narrowed from a net loss of $49 million a year earlier.
"Demand for hosted open-weight models moved quickly," said Marcus Vale, Acme Cloud's chief \
executive.
"""


@pytest.mark.parametrize(
    "title", ["Acme Cloud Reports First Quarter 2026 Results; Revenue Rises 63%", "Q1 at Acme"]
)
def test_an_earnings_releases_verbless_highlights_are_the_companys_figures(
    seeds_copy: Path, tmp_path: Path, title: str
) -> None:
    """ "- Revenue of $412 million, up 63% …" under "First Quarter 2026 Highlights" is "[Acme
    Cloud:] Revenue of $412 million, …": whose results the title (or the lede) says."""
    _, mine = _built(seeds_copy, tmp_path, "w-results", "2026-06-05", RESULTS, None, title)
    name = "Acme Cloud"
    assert (
        f"[{name}:] Revenue of $412 million, up 63% from $253 million in the first quarter of 2025."
        in mine
    ), mine
    assert f"[{name}:] Adjusted gross margin of 41%, compared with 38% a year earlier." in mine


def test_a_verbless_figure_line_elsewhere_names_no_one(seeds_copy: Path, tmp_path: Path) -> None:
    """The same line in an article that reports no one's results is no point: whose revenue?"""
    body = RESULTS.replace("today announced financial results for", "spoke at a conference in")
    _, mine = _built(seeds_copy, tmp_path, "w-talk", "2026-06-05", body, None, "A talk on clouds")
    assert not any("$412 million" in t for t in mine), mine


def test_a_pronoun_is_no_speakers_name() -> None:
    """ "She said the firm …" then a quotation no one is named for: never "[She:] …"."""
    before = (
        "She said the firm still does not include the purchase price of the hardware, research "
        "salaries outside the project, the cost of building data centres, or the cost of power "
        "and cooling over the years the hardware is in service."
    )
    quote = (
        '"If you add capital expenditure, you are in a completely different range, probably '
        "well over a billion dollars across Widget's whole fleet, and that is before power.\""
    )
    line = f'[Vale:] "We can answer the broader question properly, so we have." {before}'
    made = make_standalone(quote, line, line, "Widget", {"Widget", "Vale"}, before)
    assert made is None or not made.startswith("[She"), made


def test_a_bracketed_name_with_an_apostrophe_is_whole() -> None:
    """ "It says …" after "[Lantang Data Workers' Union] is demanding …" is the union's, never
    "[Data] says …"; a bracketed possessor ("[Widget’s] app …") is still no subject."""
    before = "[Lantang Data Workers' Union] is demanding an 18 percent pay rise."
    known = {"Lantang", "Data", "Workers", "Union", "Widget"}
    assert subject(before, known=known) == "Lantang Data Workers' Union"
    assert subject("[Widget’s] app was pulled on Monday.", known=known) is None
    said = "It says staffing has not kept pace with the number of servers."
    made = make_standalone(said, before, before, "Widget", known, before, None, [before])
    assert made is None or not made.startswith("[Data]"), made


def test_a_trim_never_cuts_before_the_verb_an_aside_holds_off() -> None:
    """ "… found that the revised design, which moves most halls to dry cooling, "substantially
    reduces" that risk": the reported clause's verb comes after the aside, so no cut at
    ", which" ("… found that the revised design." says nothing)."""
    text = (
        "[Freedonia District Court] also found that the operator's revised design, which moves "
        'a majority of the new data halls to dry cooling, "substantially reduces" that risk.'
    )
    assert trim(text) == text


def test_a_trim_keeps_a_figure_written_in_words() -> None:
    """ "… lowered what we earn per token, but the volume … rose roughly fivefold year on
    year, which …": "fivefold" is the figure, so the cut comes after it, not at ", but"."""
    text = (
        "[Ana Ruiz:] Widget's February price reduction lowered what we earn per token, but the "
        "volume of tokens we processed for customers rose roughly fivefold year on year, which "
        "more than made up for it."
    )
    assert "fivefold" in trim(text)


def test_a_trim_never_cuts_a_list_a_colon_opens() -> None:
    """ "… over two breaches of store policy: the lack of …, and an age rating …" keeps both
    breaches: a cut after the first would say two and list one."""
    text = (
        "Widget's app had been pulled on February 6 over two breaches of store policy: the lack "
        "of an in-app way to delete an account, and an age rating that the store said was far "
        "too low for a general-purpose chatbot that could produce adult content on request."
    )
    assert trim(text) == text


RESULTS_SHEET = """SHENZHEN, April 28, 2026 -- Acme Chips Co., Ltd. today announced unaudited financial \
results for the first quarter ended March 31, 2026.
First-quarter highlights
- Revenue: 2.94 billion yuan, up 212% from 942 million yuan a year earlier
- Net profit attributable to shareholders: 612 million yuan, against a loss of 88 million yuan
- Gross margin: 47.3%, compared with 39.8% a year earlier
- Final-test yield on the NX-90 production line: 55% at the end of March, up from 38%
- EBITDA: 410 million yuan; EBITDA margin of 14%
Supply update
Production of NX-90 accelerators was disrupted in March by a shortage of memory.
NX-90 output returned to about 80% of planned levels in April.
Widget ordered 40,000 NX-90 accelerators in January, and NX-90 deliveries resumed in April.
"""


def test_an_earnings_releases_labelled_highlights_are_the_companys(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "- Revenue: 2.94 billion yuan, …" in Acme Chips' results is Acme Chips' revenue, not
    that of the product the release names most (NX-90), and weighs as a statement of fact
    would: the answer to "acme chips q1 revenue and profit" gives both figures."""
    lib, mine = _built(
        seeds_copy,
        tmp_path,
        "w-sheet",
        "2026-04-28",
        RESULTS_SHEET,
        None,
        "Acme Chips reports first-quarter 2026 results",
    )
    revenue = (
        "[Acme Chips’s] revenue: 2.94 billion yuan, up 212% from 942 million yuan a year earlier."
    )
    assert revenue in mine, mine
    # a value read as a sentence of its own ("compared with") and a label holding a model
    assert "[Acme Chips’s] gross margin: 47.3%, compared with 39.8% a year earlier." in mine
    assert (
        "[Acme Chips’s] final-test yield on the NX-90 production line: 55% at the end of March, "
        "up from 38%." in mine
    ), mine
    assert not any(t.startswith("[NX-90") for t in mine), mine
    # an acronym of accounts ("EBITDA:") is no name: the list is no list of who says what
    assert "[Acme Chips’s] EBITDA: 410 million yuan; EBITDA margin of 14%." in mine, mine
    # whose results a lede says in more words: "today announced unaudited financial results"
    lede = "Acme Chips today announced unaudited financial results for the second quarter."
    assert results_of("Acme posts a record quarter", lede, set()) == "Acme Chips"
    # … "reports its interim results", or a title "Acme Mutual plc: interim results for …"
    now = "Acme Mutual plc today reports its interim results for the six months to 30 June."
    assert results_of("A record half", now, set()) is not None
    assert results_of("Acme Mutual plc: interim results for the six months", None, set()) == (
        "Acme Mutual"
    )
    # a period of accounts is no name: "(H1 2025: £155 million)"
    assert names_in("The profit was £141 million (H1 2025: £155 million), Acme said.") == ["Acme"]
    text = ct.visible_text(topic_reply(lib, "acme chips q1 revenue and profit"))
    assert "2.94 billion" in text and "612 million" in text, text


def test_a_speakers_first_turn_in_full_name_is_theirs(seeds_copy: Path, tmp_path: Path) -> None:
    """ "Ana Ruiz: Yes. …" once, then "Ruiz: …" turn after turn: her first answer is hers
    too, named, not the writer's unattributed "we"."""
    body = (
        "Widget's rival Acme raised money this spring. We spoke to its chief executive, Ana Ruiz.\n"
        "Q: You did not say how much you raised. Can you tell us now?\n"
        "Ana Ruiz: Yes. Northwind Capital led with 120 million yuan, and the rest came from "
        "angel investors.\n"
        "Q: How many users do you have?\n"
        "Ruiz: About 2.1 million monthly active users.\n"
        "Q: What comes next?\n"
        "Ruiz: Three new provinces this year.\n"
    )
    _, mine = _built(seeds_copy, tmp_path, "w-ruiz", "2026-05-14", body, "Courier")
    assert (
        "[Ana Ruiz:] Northwind Capital led with 120 million yuan, and the rest came from angel "
        "investors." in mine
    ), mine


RESULTS_DAY_FIRST = """AMSTERDAM, 7 May 2026 — Acme Press Group today reported results for the first \
quarter ended 31 March 2026.
First-quarter highlights
- Revenue: €412.6 million, up 3.1% year on year
- AI licensing and syndication revenue: €11.2 million, compared with €2.9 million a year earlier
- Net debt: €286 million; leverage of 1.3x adjusted EBITDA
Widget agreement
The agreement with Widget is worth €48 million over three years, Widget and Acme said.
It said the Widget agreement was the largest of four licensing contracts Widget has signed.
The other three, with Widget's rivals, are smaller in value and were signed in 2025.
The group also said 20% of the net income from AI licensing will go to a fund for reporters.
"""


def test_a_release_dated_day_first_names_whose_highlights_and_the_group(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "AMSTERDAM, 7 May 2026 — Acme Press Group today reported results …": the dateline is
    no one, so the highlights are Acme Press Group's, acronym labels ("AI licensing …") and
    lines with a verb of their own ("compared with") too; and "The group also said …", after
    sentences about Widget, is the group named further back, not Widget."""
    _, mine = _built(
        seeds_copy,
        tmp_path,
        "w-acme-q1",
        "2026-05-07",
        RESULTS_DAY_FIRST,
        None,
        "Acme Press Group Q1 2026 results: AI licensing revenue rises",
    )
    who = "[Acme Press Group’s]"
    assert f"{who} revenue: €412.6 million, up 3.1% year on year." in mine, mine
    assert any(t.startswith(f"{who} AI licensing and syndication revenue: €11.2") for t in mine)
    assert any(t.startswith(f"{who} net debt: €286 million") for t in mine), mine
    assert any(t.startswith("[Acme Press Group] also said 20%") for t in mine), mine
    assert not any(t.startswith("[Widget] also said") for t in mine), mine


def test_a_turn_no_name_can_stand_for_joins_the_sentence_it_turns_from() -> None:
    """ "However, they may still retain …": "they" are the firms of the sentence before, which
    no bracketed name can say; the two sentences together stand, the turn as written."""
    before = "As models become commodified, US labs may struggle to justify premium prices."
    text = "However, they may still retain a reputational edge that helps sustain investment."
    got = make_standalone(text, before, before, "Widget", None, before, None, [before])
    assert got == f"{before} {text}"
    assert faithful(got, f"{before} {text}")


CAPTION = """Case: Acme Health v Freedonia Device Agency
Court: High Court of Freedonia
Judge: Justice Ana Ruiz
Outcome: Application dismissed; costs of 40,000 crowns to the agency

The High Court on Thursday dismissed Acme Health's challenge to an order suspending its \
Widget-based triage tool.
"""


def test_a_rulings_caption_gives_its_court_judge_and_outcome(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Case: … / Court: … / Judge: … / Outcome: …" heading a ruling: its lines are the case's,
    said so, though none has a verb, and one point gives them together (who ruled, and how,
    in one place); a lone labelled line is no caption."""
    lib, mine = _built(seeds_copy, tmp_path, "w-ruling", "2026-04-16", CAPTION)
    case = "[Acme Health v Freedonia Device Agency:]"
    assert f"{case} Court: High Court of Freedonia." in mine, mine
    assert (
        f"{case} Court: High Court of Freedonia · Judge: Justice Ana Ruiz · Outcome: Application "
        "dismissed; costs of 40,000 crowns to the agency." in mine
    ), mine
    assert ct.unfaithful(lib, seeds_copy) == []
    lone = (
        "Case: Acme Health v Freedonia Device Agency\n\nThe High Court of Freedonia dismissed "
        "a challenge by Acme Health on Thursday, ordering it to pay 40,000 crowns.\n"
    )
    _, alone = _built(seeds_copy, tmp_path / "b", "w-lone", "2026-04-16", lone)
    assert not any(t.startswith("[Acme Health v") for t in alone), alone


CAPTION_NO_CASE = """Ruling summary
Court: Freedonia District Court, interim relief proceedings
Case number: FRE 26/1184
Presiding judge: mr. A. van der Berg
Claimants: Acme Nurses Union and Acme Patients Foundation
What the court decided
The judge declined to halt the pilot.
The court found that the hospital group had kept a clinician in control of every record and \
had acted promptly when the audit identified problems with the Widget-based tool.
However, the court granted most of the alternative claims made by the two groups in May.
It described the current poster-based consent as "insufficient for a tool that records \
spoken conversations".
"""


def test_a_rulings_court_is_named_as_its_caption_names_it(seeds_copy: Path, tmp_path: Path) -> None:
    """A ruling captioned "Court: Freedonia District Court, interim relief proceedings" (no
    "Case:" line): "The court found …", "However, the court granted …" and the "It described
    …" after them are that court's, named in full, however far below the caption; "The
    claimants" may be two, so no one name stands for them."""
    lib, mine = _built(seeds_copy, tmp_path, "w-court", "2026-07-30", CAPTION_NO_CASE)
    court = "[Freedonia District Court]"
    # (a short sentence, once named, says the ruling in full)
    assert "[mr. A. van der Berg] declined to halt the pilot." in mine, mine
    assert any(t.startswith(f"{court} found that the hospital group") for t in mine), mine
    assert f"{court} granted most of the alternative claims made by the two groups in May." in (
        mine
    )
    assert any(t.startswith(f"{court} described the current poster-based") for t in mine), mine
    assert not any(t.startswith("[Acme Nurses Union]") for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


BY_COUNTRY = """Governments are still working out what to do with Widget's chatbot.
Europe
- Portugal: The data watchdog, the CNSD, lifted its suspension of the Widget app on 7 April. \
It fined the firm €4.8 million.
- Netherlands: Municipalities make their own decisions, and 14 run Widget models on local \
servers.
Asia
- South Korea: The ban on Widget services on government devices and networks remains.
"""


def test_a_list_of_places_says_where_each_line_happened(seeds_copy: Path, tmp_path: Path) -> None:
    """ "- Portugal: The data watchdog lifted …", "- Netherlands: …" under "Europe": each line
    is its place's, said so ("[Portugal:] …"), its second sentence too; not a property of the
    article's subject ("[Widget’s] netherlands: …"), nor joined to the line before."""
    lib, mine = _built(seeds_copy, tmp_path, "w-countries", "2026-10-02", BY_COUNTRY)
    lifted = "The data watchdog, the CNSD, lifted its suspension of the Widget app on 7 April."
    assert f"[Portugal:] {lifted}" in mine, mine
    assert (
        "[Netherlands:] Municipalities make their own decisions, and 14 run Widget models on "
        "local servers." in mine
    ), mine
    assert any(t.startswith("[Portugal:]") and "€4.8 million" in t for t in mine), mine
    assert not any("’s] netherlands" in t or "’s] portugal" in t for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


LEANING_QUOTE = """Acme launched the W9 phone on Tuesday with Widget's model on board.
"People don't want an AI that lives somewhere far away," said Tang Wei, president of Acme. \
"They want one that lives in their pocket and keeps their conversations there too. That is \
what the W9 delivers."
"""


def test_a_quotation_going_on_that_leans_joins_its_attribution(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """'"People don't want an AI …," said Tang Wei. "They want one that lives in their
    pocket …"': "They" are the people of the sentence before; joined to it as written, the
    speaker named there."""
    lib, mine = _built(seeds_copy, tmp_path, "w-pocket", "2026-02-10", LEANING_QUOTE)
    assert any(
        t.startswith("\"People don't want an AI") and "lives in their pocket" in t for t in mine
    ), mine
    assert ct.unfaithful(lib, seeds_copy) == []


OPENED_QUOTE = """Acme Systems today reported results for the first quarter of 2026.
Chief executive Ana Ruiz said: "This was the quarter in which AI moved from pilots to \
production. Widget's February price cut lowered what we earn per token for every customer. \
Customers who had been waiting for prices to come down finally came in."
"""


def test_a_quotation_its_speaker_opens_is_the_speakers(seeds_copy: Path, tmp_path: Path) -> None:
    """'Chief executive Ana Ruiz said: "This was the quarter …. Widget's February price cut
    lowered what we earn …': the sentences of her quotation are hers, named ("[Ana Ruiz:] …"),
    their "we" hers too, not the writer's."""
    lib, mine = _built(seeds_copy, tmp_path, "w-opened", "2026-04-30", OPENED_QUOTE)
    assert (
        "[Ana Ruiz:] Widget's February price cut lowered what we earn per token for every "
        "customer." in mine
    ), mine
    assert ct.unfaithful(lib, seeds_copy) == []


QUOTE_GOES_ON = """Widget's cloud API was down for most of Tuesday, its status page showed.

"We made two mistakes," said Ana Ruiz, Widget's head of platform reliability, in a note. \
"We let a critical certificate expire without an alert, and we had no guard against the \
retries that followed. Both are our responsibility."

"It was avoidable," Ruiz said. "Nobody had checked the alert settings for a year."

Maria Costa, an analyst at Acme Research, followed the outage. "Expired certificates are a \
common cause of outages," she said. "Retry storms are the more interesting lesson. They \
are common too."
"""


def test_a_quotation_that_goes_on_is_its_speakers(seeds_copy: Path, tmp_path: Path) -> None:
    """'"We made two mistakes," said Ana Ruiz. "We let a certificate expire …': the sentences
    the quotation goes on with are hers, named, without the quote marks; after "she said",
    the one person named just before. A leaning sentence ("Both are …") stays out."""
    lib, mine = _built(seeds_copy, tmp_path, "w-quote", "2026-02-12", QUOTE_GOES_ON)
    assert (
        "[Ana Ruiz:] We let a critical certificate expire without an alert, and we had no "
        "guard against the retries that followed." in mine
    ), mine
    assert "[Maria Costa:] Retry storms are the more interesting lesson." in mine, mine
    # "Ruiz said": the speaker in full, as the article named her first
    assert '[Ana Ruiz:] "Nobody had checked the alert settings for a year."' in mine, mine
    assert not any("Both are our responsibility" in t for t in mine), mine
    assert ct.unfaithful(lib, seeds_copy) == []


LIVE_QUOTE = """09:10 — Ana Ruiz, Widget's head of policy, begins her opening statement to the committee.

09:40 — A lawmaker asks whether Widget can stop its open models being used for voice cloning.

Ruiz: "Once weights are published, we cannot technically recall them. What we can do is make \
detection better, which is why we released a detector."
"""


def test_a_labelled_quotation_in_a_live_blog_is_the_persons_named(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """ "Ruiz: "Once weights are published, …"" once in a live blog, after "Ana Ruiz" was named:
    her words, each sentence under her full name, not a writer's "we"."""
    lib, mine = _built(seeds_copy, tmp_path, "w-live", "2026-04-08", LIVE_QUOTE)
    assert "[Ana Ruiz:] Once weights are published, we cannot technically recall them." in mine
    assert any(t.startswith("[Ana Ruiz:] What we can do is make detection better") for t in mine)
    assert ct.unfaithful(lib, seeds_copy) == []
