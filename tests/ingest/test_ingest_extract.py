"""Pure extraction, seed rendering, duplicates and relevance: real pages, no server, no mocks."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_pages import (
    BLOG_FURNITURE,
    BODY,
    FURNITURE,
    PAYWALL,
    SCRIPT_ONLY,
    Page,
    blog_page,
    story,
    syndicated,
)

from bot.builder.readers import parse_article
from bot.ingest import dedupe
from bot.ingest.decode import decode_html, kind_of
from bot.ingest.errors import IngestError
from bot.ingest.extract import MIN_WORDS, extract_html, paragraphs_from_text, parse_date
from bot.ingest.feeds import keyword_pattern, parse_feeds
from bot.ingest.seedfile import render, slugify
from bot.models import ArticleMeta


def test_news_page_body_paragraph_by_paragraph_and_no_furniture() -> None:
    ex = extract_html(Page().html())
    assert ex.paragraphs == BODY
    text = "\n".join(ex.paragraphs)
    for kind, items in FURNITURE.items():
        for item in items:
            assert item not in "\n".join(BODY), f"fixture error: {item!r} is in the body"
            assert item not in text, f"{kind} reached the seed: {item!r}"


def test_blog_layout_body_and_no_furniture() -> None:
    ex = extract_html(blog_page())
    assert ex.paragraphs == BODY
    text = "\n".join(ex.paragraphs)
    for item in BLOG_FURNITURE:
        assert item not in "\n".join(BODY), f"fixture error: {item!r} is in the body"
        assert item not in text, f"furniture reached the seed: {item!r}"
    assert (ex.title, ex.published, ex.publisher, ex.url) == (
        "DeepSeek’s $5.6m model, explained",
        date(2025, 1, 28),
        "Tech Weekly",  # from <meta name="application-name">
        "https://techweekly.example/2025/01/deepseek-explained/",
    )


def test_stated_metadata_and_date_in_its_own_offset() -> None:
    ex = extract_html(Page().html())
    assert ex.title == "DeepSeek says its AI model cost $5.6 million to train"
    assert ex.publisher == "The Daily Ledger"
    assert ex.url == "https://www.dailyledger.example/tech/deepseek-v3-cost"
    # 23:45 at -05:00 is already the 28th in UTC: the page's own date is the 27th
    assert ex.published == date(2025, 1, 27)


@pytest.mark.parametrize("where", ["json_ld", "opengraph"])
def test_each_metadata_source_alone_is_read(where: str) -> None:
    page = Page(json_ld=where == "json_ld", opengraph=where == "opengraph")
    ex = extract_html(page.html())
    assert ex.published == date(2025, 1, 27)
    assert ex.publisher == "The Daily Ledger"
    assert ex.url == "https://www.dailyledger.example/tech/deepseek-v3-cost"


def test_nothing_is_filled_in_that_the_page_does_not_state() -> None:
    body = (*BODY, "DeepSeek released R1 on January 20, 2025, a week before the sell-off.")
    page = Page(canonical=None, published=None, json_ld=False, opengraph=False, body=body)
    ex = extract_html(page.html(), base_url="https://www.dailyledger.example/x")
    assert ex.published is None  # a date in the text is not the publication date
    assert ex.url is None
    assert ex.publisher is None
    assert ex.paragraphs == body


def test_host_name_is_not_taken_for_the_site_name() -> None:
    page = Page(json_ld=False, opengraph=False)  # a canonical link, but no site name stated
    ex = extract_html(page.html())
    assert ex.url == "https://www.dailyledger.example/tech/deepseek-v3-cost"
    assert ex.publisher is None


def test_paywall_and_script_only_pages_have_no_article_text() -> None:
    assert extract_html(PAYWALL).words < MIN_WORDS
    assert extract_html(SCRIPT_ONLY).paragraphs == ()


def test_windows_1252_page_decoded_by_its_meta_charset() -> None:
    body = ("Café owners in Zürich said the “DeepSeek moment” changed nothing for them. " * 8,)
    data = Page(body=body, charset="windows-1252").html().encode("windows-1252")
    ex = extract_html(decode_html(data, None, "page"))
    assert ex.paragraphs == (body[0].strip(),)


def test_declared_header_charset_wins() -> None:
    data = "<html><body><p>Zürich</p></body></html>".encode("iso-8859-1")
    assert "Zürich" in decode_html(data, "iso-8859-1", "page")
    with pytest.raises(IngestError, match="charset 'klingon'"):
        decode_html(data, "klingon", "page")


@pytest.mark.parametrize(
    ("data", "media", "what"),
    [
        (b"%PDF-1.7\n...", "", "a PDF"),
        (b"anything", "application/pdf", "a PDF"),
        (b"\x89PNG\r\n\x1a\n....", "", "an image"),
        (b"\xff\xd8\xff\xe0....", "image/jpeg", "an image"),
        (b"{}", "application/json", "application/json"),
    ],
)
def test_pdf_images_and_other_documents_are_refused(data: bytes, media: str, what: str) -> None:
    with pytest.raises(IngestError, match=f"x: is {what}"):
        kind_of(data, media, "x", "x")


def test_parse_date() -> None:
    assert parse_date("2025-01-28") == date(2025, 1, 28)
    assert parse_date("2025-01-28T01:30:00+08:00") == date(2025, 1, 28)
    assert parse_date("2025-01-27T23:00:00Z") == date(2025, 1, 27)
    for bad in ("2025-02-30", "28/01/2025", "yesterday", ""):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_text_paragraphs_one_per_line() -> None:
    assert paragraphs_from_text("\ufeffOne  para.\n\n  Two\tpara.\r\n") == (
        "One para.",
        "Two para.",
    )


def test_slugify() -> None:
    assert slugify("DeepSeek’s V3: $5.6M?") == "deepseeks-v3-5-6m"
    assert slugify("深度求索") == "article"
    long = slugify("What DeepSeek's cheap model means for Nvidia, export controls and the AI trade")
    assert len(long) <= 60 and not long.endswith("-") and long.startswith("what-deepseeks-cheap")


def test_render_reads_back_with_the_builder_reader() -> None:
    meta = ArticleMeta(
        id="tricky",
        title='He said "no" \\ then\tleft',
        publisher="Ledger & Co",
        url="https://x.example/a?b=1#c",
        published=date(2025, 1, 28),
    )
    data = render(meta, ("First line.", "+++", "Second line."))
    seed = parse_article(data, "seeds/articles/tricky.txt")
    assert seed.meta == meta
    assert seed.body == "First line.\nSecond line.\n"
    bare = meta.model_copy(update={"publisher": None, "url": None, "published": None})
    text = render(bare, ("Only text.",)).decode()
    assert "publisher" not in text and "url" not in text and "published" not in text


def test_syndicated_copy_is_the_same_text_and_other_stories_are_not() -> None:
    original = dedupe.shingles(extract_html(Page().html()).paragraphs)
    copy = dedupe.shingles(extract_html(syndicated()).paragraphs)
    assert dedupe.same_text(original, copy)
    for n in range(5):
        other = dedupe.shingles(extract_html(story(n).html()).paragraphs)
        assert not dedupe.same_text(original, other)
    # same subject, different reporting: shares names and phrases, not the text
    rewrite = dedupe.shingles(
        [
            "DeepSeek, the Hangzhou start-up backed by High-Flyer, has said its V3 model cost about "
            "$5.6 million to train, and Bernstein analysts doubt the figure. Nvidia shares fell 17% "
            "after the app topped the download charts, and the company did not comment on chips."
        ]
    )
    assert not dedupe.same_text(original, rewrite)


def test_normalize_url() -> None:
    a = dedupe.normalize_url("https://www.Example.com/news/x/?utm_source=rss&id=3#top")
    assert a == dedupe.normalize_url("http://example.com/news/x?id=3")
    assert a != dedupe.normalize_url("https://example.com/news/y?id=3")


def test_keyword_pattern_whole_words_plurals_phrases() -> None:
    p = keyword_pattern(["chip", "export controls", "DeepSeek"])
    assert p.search("New CHIPS rules")
    assert p.search("tighter export\ncontrols")
    assert p.search("deepseek's app")
    assert not p.search("a chipset maker")
    assert not p.search("exports")
    assert not keyword_pattern([]).search("anything")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[[feed]]\nurl = 'https://x.example/rss'", "feed 1: no name"),
        ("[[feed]]\nname = 'A'\nurl = 'ftp://x'", "feed 1 (A): url must be"),
        (
            "[[feed]]\nname = 'A'\nurl = 'https://x/'\nkeywords = 'DeepSeek'",
            "keywords must be a list",
        ),
        ("[[feed]]\nname = 'A'\nurl = 'https://x/'\nkeyword = ['x']", "unknown key 'keyword'"),
        (
            "[[feed]]\nname = 'A'\nurl = 'https://x/'\n[[feed]]\nname = 'A'\nurl = 'https://y/'",
            "appears twice",
        ),
        ("[[feed]\n", "not valid TOML"),
    ],
)
def test_bad_feeds_file_is_one_line(toml: str, message: str) -> None:
    with pytest.raises(IngestError, match=r"feeds\.toml: ") as exc:
        parse_feeds(toml.encode(), "seeds/feeds.toml")
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_feeds_file_with_only_comments_lists_no_feeds() -> None:
    from bot.config import ROOT

    assert parse_feeds((ROOT / "seeds" / "feeds.toml").read_bytes(), "seeds/feeds.toml") == ()


def test_urls_in_messages_carry_no_secrets() -> None:
    from bot.ingest.fetch import safe_url

    assert safe_url("https://bob:hunter2@feeds.example/rss?apiKey=s3cr3t&q=deepseek&token=t0k") == (
        "https://feeds.example/rss?apiKey=…&q=deepseek&token=…"
    )
    assert safe_url("https://x.example/a?id=3") == "https://x.example/a?id=3"
