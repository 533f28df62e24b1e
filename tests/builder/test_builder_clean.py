"""Cleaning: page furniture is dropped with a reason; content is kept and classified."""

from __future__ import annotations

import pytest

from bot.builder.clean import boilerplate_reason, clean_text
from bot.builder.readers import Seeds


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Subscribe to our newsletter", "newsletter"),
        ("Sign up for our newsletter to get the latest tech news in your inbox.", "newsletter"),
        (
            "Editor's note: This story was updated at 3:40 p.m. KST with comments from the "
            "commission.",
            "editor's note",
        ),
        ("Correction: An earlier version of this story misstated the date.", "editor's note"),
        ("This article has been updated to add DeepSeek's response.", "editor's note"),
        ("COMMENTS", "comments"),
        ("12 Comments", "comments"),
        ("HomeEconomy, Finance and Market News", "navigation"),
        ("Home > Tech > AI", "navigation"),
        ("Home | News | Markets", "navigation"),
        (
            "Deepseek logo and the Chinese flag are seen in this illustration taken January 27, 2025. "
            "REUTERS/Dado Ruvic/Illustration",
            "photo credit",
        ),
        ("Photo: Getty Images", "photo credit"),
        ("This website uses cookies to improve your experience.", "cookie notice"),
        ("Read more about ServiceNow’s AI partnerships with several tech giants.", "promo"),
        ("The author is a former chip engineer and writes about AI infrastructure.", "author note"),
        ("About the author: Staff Reporter covers technology in Asia.", "author note"),
        ("By Staff Reporter", "author note"),
        (
            "Ingrid Solberg is SecureLine's Nordic correspondent. She covers privacy from Oslo.",
            "author note",
        ),
        ("Tom Reyes is a senior technology reporter at Acme News.", "author note"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("© 2025 Bloomberg L.P.", "copyright"),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The U.S. market lost more than USD500bn of Nvidia's value on January 27.",
        "- **NVIDIA/Microsoft:** The stock dip suggests market concern.",
        "Sen. Mark Warner, D-Va., defended the existing export controls.",
        "Home-grown chips are scarce in China, analysts say.",
        "Marin Smiljanic",
        "The author of the report is a former Nvidia engineer, Reuters said.",
        "Update: South Korea lifted its suspension of DeepSeek on Monday.",  # news, not a note
        "The correction in chip stocks deepened on Tuesday, traders said.",
        "Copyright lawsuits against AI firms have multiplied since 2023, court records show.",
        "Ana Ruiz is a former reporter who now runs Widget's policy team in Brussels and Paris, and "
        "she has met the regulator twice.",
    ],
)
def test_content_is_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_cookie_table_is_dropped_until_prose_resumes() -> None:
    body = "\n".join(
        [
            "DeepSeek released R1 on January 20, and its app topped the App Store charts.",
            "This website uses cookies to improve your experience while you navigate.",
            "Cookie",
            "Duration",
            "Description",
            "_ga",
            "1 year 1 month 4 days",
            "Google Analytics sets this cookie to calculate visitor, session and campaign data.",
            "CONSENT",
            "2 years",
            "Nvidia lost more than USD500bn of market value on January 27, analysts at Bernstein said.",
        ]
    )
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == [
        "DeepSeek released R1 on January 20, and its app topped the App Store charts.",
        "Nvidia lost more than USD500bn of market value on January 27, analysts at Bernstein said.",
    ]
    assert len(cleaned.dropped) == 9
    assert {d.reason for d in cleaned.dropped} == {"cookie notice", "cookie table"}
    assert cleaned.dropped[0].number == 2


def test_markdown_markers_are_stripped_and_lines_classified() -> None:
    body = "## Key Details\n- **DeepSeek:** Achieved immediate market validation in the US.\nWhat next\nIt costs $6 million to train R1.\n"
    lines = clean_text(body).lines
    assert [(line.kind, line.text) for line in lines] == [
        ("heading", "Key Details"),
        ("bullet", "DeepSeek: Achieved immediate market validation in the US."),
        ("heading", "What next"),
        ("prose", "It costs $6 million to train R1."),
    ]


def test_a_line_in_italics_is_prose_not_a_heading() -> None:
    """An interview's closing note on who was interviewed is often set in italics."""
    body = "*Ann Lee is chief security officer at Acme. She joined in June.*\n_Widgets grew._\n"
    assert [(line.kind, line.text) for line in clean_text(body).lines] == [
        ("prose", "Ann Lee is chief security officer at Acme. She joined in June."),
        ("prose", "Widgets grew."),
    ]


def test_a_transcripts_time_codes_and_sponsor_reads_are_no_text() -> None:
    """ "[00:01:31] BEN OKONJO-HALE: …" keeps its speaker label first; a sponsor read ("Before
    that, a quick word from our sponsor. This episode is brought to you by …") is cut."""
    body = (
        "[00:00:04] ANA RUIZ: Welcome back to Compute Bound. I'm Ana.\n"
        "[00:00:16] ANA RUIZ: Sure. Before that, a quick word from our sponsor. This episode is "
        "brought to you by Lattice Grid, the power marketplace.\n"
        "(01:31) LEO PARK: And your estimate is 40,000 chips.\n"
    )
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == [
        "ANA RUIZ: Welcome back to Compute Bound. I'm Ana.",
        "ANA RUIZ: Sure.",
        "LEO PARK: And your estimate is 40,000 chips.",
    ]
    assert [d.reason for d in cleaned.dropped] == ["promo"]


def test_a_forwarded_newsletters_sign_up_prompt_is_no_text() -> None:
    """ "Forwarded this email? Sign up here …" asks the reader nothing the next line answers."""
    body = "Forwarded this email? Sign up here to get The Weekly Diff every Wednesday.\nWidget cut prices.\n"
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == ["Widget cut prices."]
    assert [d.reason for d in cleaned.dropped] == ["newsletter"]


def test_a_translation_or_editing_note_is_no_text() -> None:
    """ "Translated from Danish. The original article appeared in …" says how the story reached
    the reader, not what happened; so does "This transcript has been edited …"."""
    body = (
        "Translated from Danish. The original article appeared in Dagbladet Teknik on April 8.\n"
        "Translated from the Korean original by the Herald's international desk.\n"
        "Widget lifted its ban on April 8.\n"
        "This transcript has been edited for clarity.\n"
    )
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == ["Widget lifted its ban on April 8."]
    assert [d.reason for d in cleaned.dropped] == [*["translation note"] * 2, "editor's note"]


def test_trailing_promo_sentence_is_cut_and_reported() -> None:
    cleaned = clean_text(
        "Other players continue to make AI news. Read more about ServiceNow’s AI partnerships."
    )
    assert cleaned.text == "Other players continue to make AI news."
    assert cleaned.dropped[0].reason == "promo"


def test_headlines_listed_under_read_more_are_dropped_until_prose_resumes() -> None:
    """ "Read more:" and "Related coverage" open a list of other stories' headlines: none of
    them is this article's news ("Italy fines Widget 18 million euros …" under a story about
    chip stocks)."""
    body = "\n".join(
        [
            "Widget's shares fell 5% on Tuesday after the W4 release.",
            "Related coverage",
            "- Widget's new paper: what token skipping actually does",
            "- Explainer: what data does Widget collect?",
            "Read more:",
            "Italy fines Widget 18 million euros over data transfers",
            "Analysts expect the selling to continue on Wednesday.",
        ]
    )
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == [
        "Widget's shares fell 5% on Tuesday after the W4 release.",
        "Analysts expect the selling to continue on Wednesday.",
    ]
    reasons = ["promo", "related links", "related links", "promo", "related links"]
    assert [d.reason for d in cleaned.dropped] == reasons
    # … also when the list's head is a Markdown heading
    marked = clean_text("Widget's shares fell 5% on Tuesday.\n## Related coverage\n"
                        "- Authors' suits against AI developers: where the cases stand\n")  # fmt: skip
    assert [line.text for line in marked.lines] == ["Widget's shares fell 5% on Tuesday."]
    # … or in bold or italics
    for head in ("**Related coverage**", "*Related coverage:*", "__Related reading__"):
        emphasised = clean_text(f"Widget's shares fell 5% on Tuesday.\n{head}\n"
                                "- Freedonia fines Widget €9.5m, keeps its block\n")  # fmt: skip
        assert [line.text for line in emphasised.lines] == ["Widget's shares fell 5% on Tuesday."]


def test_a_press_releases_about_the_company_paragraphs_are_dropped() -> None:
    """ "About Acme Telecom" and its standing paragraph, in every release Acme sends, are no
    news; "About 2,000 people came" is."""
    body = "\n".join(
        [
            "Acme Telecom will bundle Widget Plus with its mobile plans from April 15.",
            "About 2,000 people came to the launch in Sao Paulo on Tuesday.",
            "",
            "About Acme Telecom",
            "Acme Telecom is a Brazilian telecommunications company.",
            "It serves 90 million customers.",
            "",
            "About Widget",
            "Widget is an AI research company based in Hangzhou.",
            "",
            "Media contact: press@acme.example",
        ]
    )
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == [
        "Acme Telecom will bundle Widget Plus with its mobile plans from April 15.",
        "About 2,000 people came to the launch in Sao Paulo on Tuesday.",
        "Media contact: press@acme.example",
    ]
    assert {d.reason for d in cleaned.dropped} == {"about the company"}


def test_a_decisions_paragraph_numbers_are_no_text() -> None:
    """ "2.2 Thirty-one students admitted …": the paragraph's number goes, the figure that
    opens a sentence ("2.5 million users …") stays."""
    body = (
        "2.2 Thirty-one students admitted using Widget, the panel said.\n"
        "2.5 million users signed up on Monday, Widget said.\n"
        "4.1. Each of the 31 students will receive a mark of zero.\n"
    )
    assert [line.text for line in clean_text(body).lines] == [
        "Thirty-one students admitted using Widget, the panel said.",
        "2.5 million users signed up on Monday, Widget said.",
        "Each of the 31 students will receive a mark of zero.",
    ]


def test_seed_articles_lose_all_furniture(seeds: Seeds) -> None:
    for article in seeds.articles:
        cleaned = clean_text(article.body)
        text = cleaned.text.lower()
        for word in (
            "cookie",
            "subscribe to our newsletter",
            "reuters/",
            "homeeconomy",
            "read more",
        ):
            assert word not in text
        assert all(line.text != "COMMENTS" for line in cleaned.lines)


def test_a_research_notes_disclosures_are_no_text() -> None:
    """A broker's disclosures ("The firm does and seeks to do business with companies covered
    in its research reports", "… is not investment advice") are no news of the note's."""
    body = (
        "Our estimate for Widget's 2026 capex is $2 billion.\n"
        "Disclosures: Quarry Capital does and seeks to do business with companies covered in its "
        "research reports. Investors should be aware of conflicts of interest.\n"
        "Quarry Capital does and seeks to do business with companies covered in its research "
        "reports.\n"
        "This note is for information purposes only and is not investment advice.\n"
    )
    cleaned = clean_text(body)
    assert [line.text for line in cleaned.lines] == [
        "Our estimate for Widget's 2026 capex is $2 billion."
    ]
    assert [d.reason for d in cleaned.dropped] == ["disclaimer"] * 3
