"""Line-level cleaning: drop page furniture (cookie tables, newsletter prompts, photo credits,
navigation crumbs, comment counters) and classify what is left as heading, prose or bullet.

Every dropped line is kept with its reason so the build can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["heading", "prose", "bullet"]


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in the article body
    text: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class DroppedLine:
    number: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    lines: tuple[Line, ...]
    dropped: tuple[DroppedLine, ...]

    @property
    def text(self) -> str:
        """The kept text, one line per line: what points are checked against."""
        return "\n".join(line.text for line in self.lines)


_I = re.IGNORECASE
COOKIE_START = re.compile(
    r"\b(?:this (?:web)?site uses cookies|we use cookies|cookie (?:consent|policy|settings)|"
    r"accept (?:all )?cookies|cookies? (?:are|is) (?:used|stored|absolutely))",
    _I,
)
COOKIE_WORD = re.compile(r"cookie|\bconsent\b|\bGDPR\b|\bCCPA\b|opt-out|\bbrowser\b", _I)
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "newsletter",
        re.compile(
            r"^(?:subscribe|sign up|sign-up)\b.{0,100}$|\bnewsletter\b.{0,40}$|"
            r"^(?:forwarded this|was this (?:e-?mail|newsletter) forwarded)\b.{0,150}$",
            _I,
        ),
    ),
    (
        "editor's note",
        re.compile(
            r"^(?:editor[’']?s[’']? note|correction|clarification)\b[^:–—\n]{0,25}[:–—-]\s|"
            r"^(?:this|the) (?:story|article|post|report) (?:was|has been|is being) "
            r"(?:updated|corrected|amended)\b|^an earlier version of this (?:story|article)\b|"
            r"^(?:this|the) (?:interview|conversation|transcript) (?:has been|was) "
            r"(?:edited|condensed)\b",
            _I,
        ),
    ),
    (
        # an earnings call's safe harbour: "Please note that today's discussion contains
        # forward-looking statements."
        "disclaimer",
        re.compile(r"^[^\n]{0,200}\bforward[- ]looking statements\b[^\n]{0,300}$", _I),
    ),
    (
        # a research note's disclosures: "Disclosures: The firm does and seeks to do business
        # with companies covered in its research reports. …", "… not investment advice."
        "disclaimer",
        re.compile(
            r"^(?:important |analyst )?disclosures?\s*:|^[^\n]{0,200}\b(?:seeks to do business "
            r"with companies covered in its research|is not (?:intended as )?investment advice|"
            r"for information(?:al)? purposes only)\b[^\n]{0,300}$",
            _I,
        ),
    ),
    (
        # "Translated from Danish. The original article appeared in …": how it reached us
        "translation note",
        re.compile(r"^translated from (?:the )?[a-z]+\b[^\n]{0,300}$", _I),
    ),
    (
        "comments",
        re.compile(r"^(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|show comments)\W*$", _I),
    ),
    (
        "navigation",
        # (not a table's row of figures: "Share of pre-training FLOPs | 35% | 65%")
        re.compile(
            r"^Home(?=[A-Z])\S*(?:\s\S+){0,8}$|^(?!.*\|.*\d)(?:\S+\s){0,3}\S+(?:\s[>»›|]\s\S+)+$"
        ),
    ),
    (
        "photo credit",
        re.compile(
            r"\b[A-Z]{3,}/[A-Z][a-z]+ [A-Z][a-z]+|\b(?:Photo|Image|Picture|Photograph)(?: credit)?:\s|"
            r"\(Photo by\b|\bGetty Images\b|\bShutterstock\b|\bseen in this illustration\b"
        ),
    ),
    (
        "promo",
        re.compile(
            r"^(?:read more|related|see also|click here|advertisement|share this|follow us)\b|"
            # "Read the previous instalment, with …, here.", "This interview is part of our …"
            r"^(?:read|watch|listen to)\b[^.!?]{0,160}\b(?:here|below)\W*$|"
            r"^this (?:interview|conversation|story|article|piece) is (?:part|one) of\b",
            _I,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"^(?:copyright\s+(?:©\s*|\(c\)\s*)?\d{4}\b|©)|\ball rights reserved\b|"
            r"\bmay not be (?:published|reproduced|redistributed|rewritten|broadcast)\b",
            _I,
        ),
    ),
    (
        "author note",
        re.compile(
            r"^(?:about the (?:author|writer)\b|by (?:staff|our) (?:reporter|correspondent)s?\W*$|"
            r"(?:the|this) (?:author|writer|columnist) (?:is|was|writes)\b|"
            r"the (?:views|opinions) expressed\b)",
            _I,
        ),
    ),
    (
        # "Ingrid Solberg is SecureLine's Nordic correspondent. She covers …": the byline's bio
        "author note",
        re.compile(
            r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}\s+is\s+(?:a|an|the|[A-Z][\w’'.&-]*"
            r"(?:\s+[A-Z][\w’'.&-]*){0,3}[’']s)\s+(?:[\w-]+\s+){0,3}(?:correspondent|reporter|"
            r"editor|writer|columnist|journalist)(?:\s+(?:at|for|with|of|in|based in)\s+[^.]{1,50})?"
            r"\.(?:\s+(?:She|He|They)\s+(?:covers|writes|"
            r"reports)\b[^.]*\.)?$"
        ),
    ),
)
# "Read more:", "Related coverage": a line that opens a list of other stories' headlines
LINKS_HEAD = re.compile(
    r"^(?:read more|related(?: coverage| stories| articles| reading| links| content)?|see also|"
    r"more on (?:this|the) (?:story|topic)|most (?:read|popular)|further reading|also read|"
    r"you (?:may|might) also like|recommended(?: reading| for you)?)\s*:?$",
    _I,
)
LINK_MAX = 150  # a linked headline is a short line
# "About Acme": a press release's standing paragraph on each company, up to a blank line
ABOUT_HEAD = re.compile(r"^About\s+[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,5}\s*:?$")
PROMO_TAIL = re.compile(
    r"(?<=[.!?”\"])\s+(?:Read more|Click here|Subscribe)\b[^.!?]*[.!?]?$"
    # a podcast's read: "Before that, a quick word from our sponsor. This episode is brought
    # to you by …" to the end of the line
    r"|(?:(?<=[.!?”\"])\s+|^)(?:[^.!?]{0,30}\ba (?:quick |brief )?word from our sponsors?\.\s+)?"
    r"(?:this|today's) (?:episode|show|podcast|newsletter|issue) is (?:brought to you|"
    r"sponsored|supported|presented) by\b.*$",
    _I,
)
BULLET = re.compile(r"^\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")
MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
# a decision's numbered paragraph, "2.2 Thirty-one students admitted …": the number is no text
PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z“\"])")
# a transcript's time code, "[00:01:31] BEN OKONJO-HALE: …": when, not what was said
TIME_CODE = re.compile(r"^\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]\s+(?=\S)")
EMPHASIS = re.compile(r"\*\*|__")
# a whole line in italics, "*Zhao Minghui is the company's security chief.*": the words count
ITALIC_LINE = re.compile(r"^([*_])(?![*_\s])(.+?)(?<![*_\s])\1$")
END_PUNCT = (".", "!", "?", '"', "”", "’", "'", ")", ":", ";")
SHORT = 80


def boilerplate_reason(line: str) -> str | None:
    """Why a single line is page furniture, or None if it is content."""
    text = line.strip()
    if COOKIE_START.search(text) or (COOKIE_WORD.search(text) and re.search(r"cookie", text, _I)):
        return "cookie notice"
    for reason, pattern in RULES:
        if pattern.search(text):
            return reason
    return None


def _kind(text: str, bullet: bool, md_heading: bool) -> Kind:
    if md_heading:
        return "heading"
    if bullet:
        return "bullet"
    if text.endswith("?") and len(text) < 120:
        return "heading"
    if not text.endswith(END_PUNCT) or (text.endswith(":") and len(text) < 120):
        return "heading"
    return "prose"


def clean_text(body: str) -> Cleaned:
    """Split the body into lines, drop boilerplate, strip Markdown markers, classify the rest."""
    kept: list[Line] = []
    dropped: list[DroppedLine] = []
    in_cookies = in_links = in_about = False
    for number, raw in enumerate(body.splitlines(), 1):
        text = raw.strip()
        if not text:
            in_about = False
            continue
        # "## Related coverage", "**Related coverage**", "*Related:*": the list's head too
        bare = ITALIC_LINE.sub(r"\2", EMPHASIS.sub("", MD_HEADING.sub("", text))).strip()
        if ABOUT_HEAD.match(bare):
            in_about = True
        if in_about:
            dropped.append(DroppedLine(number, text, "about the company"))
            continue
        if in_links and not LINKS_HEAD.match(bare):
            # the headlines listed under "Read more:", until prose resumes
            if BULLET.match(text) or (len(text) <= LINK_MAX and not text.endswith(".")):
                dropped.append(DroppedLine(number, text, "related links"))
                continue
            in_links = False
        if in_cookies:
            if COOKIE_WORD.search(text) or len(text) < SHORT:
                dropped.append(DroppedLine(number, text, "cookie table"))
                continue
            in_cookies = False
        reason = boilerplate_reason(bare)
        if reason is not None:
            in_cookies = reason == "cookie notice"
            in_links = LINKS_HEAD.match(bare) is not None
            dropped.append(DroppedLine(number, text, reason))
            continue
        tail = PROMO_TAIL.search(text)
        if tail:
            dropped.append(DroppedLine(number, tail.group().strip(), "promo"))
            text = text[: tail.start()]
        md_heading = MD_HEADING.match(text)
        bullet = None if md_heading else BULLET.match(text)
        if md_heading:
            text = text[md_heading.end() :]
        elif bullet:
            text = text[bullet.end() :]
        elif numbered := PARAGRAPH_NUMBER.match(text) or TIME_CODE.match(text):
            text = text[numbered.end() :]
        text = EMPHASIS.sub("", text).strip()
        text = ITALIC_LINE.sub(r"\2", text)
        if text:
            kept.append(Line(number, text, _kind(text, bullet is not None, md_heading is not None)))
    return Cleaned(tuple(kept), tuple(dropped))
