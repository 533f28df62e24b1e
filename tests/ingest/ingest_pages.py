"""Realistic pages and feeds for the ingest tests and bench: the article body is known, and so
is every piece of page furniture around it, so tests can check both."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

BODY = (
    "Chinese start-up DeepSeek said on Monday that its V3 model was trained for about $5.6 million "
    "in computing power, a fraction of what US rivals report spending on their largest systems.",
    "The company, based in Hangzhou and backed by the quantitative fund High-Flyer, released the "
    "model's weights under a permissive licence, letting developers run it on their own servers.",
    "Analysts at Bernstein questioned the figure, noting that it covers only the final training run "
    "and leaves out research, staff and the cost of the Nvidia H800 chips the company owns.",
    "“The headline number is real, but it is not the whole bill,” said one analyst, who asked not "
    "to be named because the firm's clients hold positions in chip makers.",
    "Shares of Nvidia fell 17% on the day the app topped Apple's download charts in the United "
    "States, wiping close to $600 billion off its market value.",
    "DeepSeek did not respond to a request for comment on how many chips it used in total.",
)

FURNITURE = {
    "nav": ("World", "Business", "Markets", "Sustainability", "Legal", "Breakingviews"),
    "cookie": (
        "We use cookies to improve your experience and to show you personalised ads.",
        "Accept all cookies",
        "Manage preferences",
    ),
    "breadcrumbs": ("Home", "Technology", "Artificial Intelligence"),
    "share": ("Share on X", "Share on Facebook", "Share on LinkedIn", "Copy link"),
    "caption": (
        "The DeepSeek logo on a smartphone screen, January 27, 2025. Photo: Dado Ruvic/Illustration",
    ),
    "newsletter": (
        "Sign up for the Tech Briefing newsletter",
        "Get the day's biggest technology stories in your inbox every weekday morning.",
        "Subscribe",
    ),
    "related": (
        "Related stories",
        "Nvidia sheds record value as AI chip fears mount",
        "Alibaba unveils Qwen model, claims it beats DeepSeek",
        "What is DeepSeek and why does it matter?",
    ),
    "footer": (
        "© 2025 Daily Ledger Media Ltd. All rights reserved.",
        "Terms of use",
        "Privacy policy",
        "Contact us",
    ),
}


@dataclass
class Page:
    title: str = "DeepSeek says its AI model cost $5.6 million to train"
    site: str = "The Daily Ledger"
    canonical: str | None = "https://www.dailyledger.example/tech/deepseek-v3-cost"
    published: str | None = "2025-01-27T23:45:00-05:00"
    body: tuple[str, ...] = BODY
    json_ld: bool = True
    opengraph: bool = True
    charset: str = "utf-8"
    extra_head: str = ""
    furniture: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(FURNITURE))

    def html(self) -> str:
        e = html.escape
        head = [
            f'<meta charset="{self.charset}">',
            f"<title>{e(self.title)} | {e(self.site)}</title>",
        ]
        if self.canonical:
            head.append(f'<link rel="canonical" href="{e(self.canonical)}">')
        if self.opengraph:
            head += [
                f'<meta property="og:title" content="{e(self.title)}">',
                f'<meta property="og:site_name" content="{e(self.site)}">',
                '<meta property="og:type" content="article">',
                '<meta property="og:image" content="https://cdn.dailyledger.example/img/deepseek.jpg">',
            ]
            if self.canonical:
                head.append(f'<meta property="og:url" content="{e(self.canonical)}">')
            if self.published:
                head.append(
                    f'<meta property="article:published_time" content="{e(self.published)}">'
                )
        if self.json_ld:
            ld: dict[str, object] = {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": self.title,
                "publisher": {"@type": "Organization", "name": self.site},
                "author": [{"@type": "Person", "name": "Jane Doe"}],
            }
            if self.published:
                ld["datePublished"] = self.published
            if self.canonical:
                ld["mainEntityOfPage"] = self.canonical
            head.append(
                f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
            )
        head.append(self.extra_head)
        f = self.furniture
        nav = "".join(f'<li><a href="/{e(w.lower())}">{e(w)}</a></li>' for w in f["nav"])
        crumbs = "".join(f'<li><a href="#">{e(w)}</a></li>' for w in f["breadcrumbs"])
        share = "".join(f'<li><a href="#" class="share">{e(w)}</a></li>' for w in f["share"])
        related = "".join(
            f'<li><a href="/r{i}">{e(w)}</a></li>' for i, w in enumerate(f["related"][1:])
        )
        footer = "".join(f"<li><a href='#'>{e(w)}</a></li>" for w in f["footer"][1:])
        paras = [f"<p>{e(p)}</p>" for p in self.body]
        mid = len(paras) // 2
        time_tag = (
            f'<time datetime="{e(self.published)}">January 27, 2025</time>'
            if self.published
            else ""
        )
        return f"""<!DOCTYPE html>
<html lang="en"><head>{"".join(head)}</head>
<body>
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>{e(f["cookie"][0])}</p>
  <button>{e(f["cookie"][1])}</button> <button>{e(f["cookie"][2])}</button>
</div>
<header class="site-header"><a class="logo" href="/">{e(self.site)}</a>
  <nav class="main-nav" aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<main>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{crumbs}</ol></nav>
<article class="article">
  <h1 class="headline">{e(self.title)}</h1>
  <div class="byline">By Jane Doe {time_tag}</div>
  <ul class="share-links">{share}</ul>
  <figure class="lead-image"><img src="/img/deepseek.jpg" alt="">
    <figcaption>{e(f["caption"][0])}</figcaption></figure>
  <div class="article-body">
    {"".join(paras[:mid])}
    <aside class="newsletter-signup"><h3>{e(f["newsletter"][0])}</h3>
      <p>{e(f["newsletter"][1])}</p><form><input type="email"><button>{e(f["newsletter"][2])}</button></form>
    </aside>
    {"".join(paras[mid:])}
  </div>
</article>
<section class="related-stories"><h2>{e(f["related"][0])}</h2><ul>{related}</ul></section>
</main>
<footer class="site-footer"><p>{e(f["footer"][0])}</p><ul>{footer}</ul></footer>
</body></html>
"""


def syndicated(body: tuple[str, ...] = BODY) -> str:
    """The same story on a partner site: another layout, another headline, a trimmed ending."""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body[:-1])
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>China's DeepSeek puts training bill at $5.6 mln - Wire Partner</title>
<meta property="og:site_name" content="Wire Partner">
</head><body>
<div class="topbar"><a href="/">Wire Partner</a> <a href="/login">Log in</a></div>
<div class="story">
<h1>China's DeepSeek puts training bill at $5.6 mln</h1>
<div class="story-text">{paras}
<p>This story was first published by The Daily Ledger.</p></div>
</div>
<div class="ad">Advertisement</div>
</body></html>"""


PAYWALL = """<!doctype html><html><head><meta charset="utf-8">
<title>Inside DeepSeek's chip stockpile | The Daily Ledger</title></head><body>
<header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<article><h1>Inside DeepSeek's chip stockpile</h1>
<p>DeepSeek built up a stockpile of Nvidia chips before export controls tightened, people
familiar with the matter said.</p>
<div class="paywall"><h2>Subscribe to continue reading</h2>
<p>Get unlimited access for $1 a week.</p><button>Subscribe</button></div>
</article></body></html>"""

SCRIPT_ONLY = """<!doctype html><html><head><meta charset="utf-8"><title>Daily Ledger</title>
<script src="/static/app.3f2a.js" defer></script></head>
<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>
</body></html>"""

_WORDS = [
    "market",
    "regulators",
    "investors",
    "engineers",
    "model",
    "release",
    "cluster",
    "training",
    "inference",
    "benchmark",
    "analysts",
    "startup",
    "laboratory",
    "cloud",
    "pricing",
    "tokens",
    "reasoning",
    "weights",
    "licence",
    "developers",
    "export",
    "chips",
    "servers",
    "datacenter",
    "energy",
    "costs",
    "research",
    "paper",
    "open",
    "source",
    "rivals",
    "shares",
    "valuation",
    "funding",
    "government",
    "policy",
    "security",
    "privacy",
    "app",
    "downloads",
    "users",
    "review",
]


def story(n: int, *, relevant: bool = True) -> Page:
    """Story number n: its own text (no 5-word run shared with another story), its own URL."""
    import random

    rng = random.Random(n)
    paras = tuple(
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(25, 40))).capitalize()
        + f" ({n}-{k})."
        for k in range(5)
    )
    subject = "DeepSeek" if relevant else "A bakery"
    first = f"{subject} story {n}: " + paras[0]
    return Page(
        title=f"{subject} story number {n}",
        canonical=f"https://www.dailyledger.example/news/story-{n}",
        published=f"2025-02-{1 + n % 28:02d}T10:00:00+00:00",
        body=(first, *paras[1:]),
    )


def rss(items: list[tuple[str, str, str, str | None]], title: str = "Daily Ledger tech") -> bytes:
    """RSS 2.0; items are (title, link, description, pubDate in RFC 822 or None)."""
    e = html.escape
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{e(title)}</title><link>https://www.dailyledger.example/</link>",
        "<description>Technology news</description>",
    ]
    for t, link, desc, date in items:
        out.append(
            f"<item><title>{e(t)}</title><link>{e(link)}</link><guid>{e(link)}</guid>"
            f"<description>{e(desc)}</description>"
            + (f"<pubDate>{e(date)}</pubDate>" if date else "")
            + "</item>"
        )
    out.append("</channel></rss>")
    return "\n".join(out).encode()


def atom(entries: list[tuple[str, str, str, str]], title: str = "Wire Partner") -> bytes:
    """Atom 1.0; entries are (title, link, summary, published in RFC 3339)."""
    e = html.escape
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{e(title)}</title><id>urn:wire-partner</id><updated>2025-02-01T00:00:00Z</updated>",
    ]
    for t, link, summary, published in entries:
        out.append(
            f'<entry><title>{e(t)}</title><link href="{e(link)}"/><id>{e(link)}</id>'
            f"<published>{e(published)}</published><updated>{e(published)}</updated>"
            f"<summary>{e(summary)}</summary></entry>"
        )
    out.append("</feed>")
    return "\n".join(out).encode()


BLOG_FURNITURE = (
    "Skip to content",
    "Most read",
    "Apple pulls app from store in three countries",
    "Read more: How Nvidia lost $589 billion in a day",
    "Advertisement",
    "Tags: AI, China, Chips",
    "Leave a comment",
    "Great article, thanks!",
    "Posted by reader42",
    "Follow us on Instagram",
    "About the author: Sam Lee covers Asian tech for Tech Weekly.",
)


def blog_page(body: tuple[str, ...] = BODY) -> str:
    """Another common layout: a WordPress-style post with a sidebar, inline promos and comments."""
    e = html.escape
    f = BLOG_FURNITURE
    paras = [f"<p>{e(p)}</p>" for p in body]
    paras.insert(2, f'<p class="read-more"><strong><a href="/nvidia">{e(f[3])}</a></strong></p>')
    paras.insert(4, f'<div class="ad-slot"><span>{e(f[4])}</span></div>')
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8">
<title>{e("DeepSeek’s $5.6m model, explained")} – Tech Weekly</title>
<meta name="application-name" content="Tech Weekly">
<meta property="article:published_time" content="2025-01-28T06:00:00+00:00">
<link rel="canonical" href="https://techweekly.example/2025/01/deepseek-explained/">
</head><body class="post-template">
<a class="skip-link screen-reader-text" href="#content">{e(f[0])}</a>
<div id="page" class="site"><header id="masthead"><p class="site-title">Tech Weekly</p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main">
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{e("DeepSeek’s $5.6m model, explained")}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published"
 datetime="2025-01-28T06:00:00+00:00">28 January 2025</time></span></div></header>
<div class="entry-content">{"".join(paras)}</div>
<footer class="entry-footer"><span class="tags-links">{e(f[5])}</span></footer>
<div class="author-bio"><p>{e(f[10])}</p></div>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">{e(f[6])}</h2>
<ol class="comment-list"><li class="comment"><div class="comment-author">{e(f[8])}</div>
<div class="comment-content"><p>{e(f[7])}</p></div></li></ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>{e(f[1])}</h2>
<ul><li><a href="/apple">{e(f[2])}</a></li></ul></section>
<section class="widget"><p>{e(f[9])}</p></section></aside>
</div></div></body></html>"""
