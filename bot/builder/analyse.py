"""One article on its own: clean, split, make points stand alone, find topics, figures and
dates. Nothing here looks at other articles, so an article's analysis never changes when
another is added (and can be cached by its content). Pure: no I/O.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from bot.builder.clean import DroppedLine, Line, clean_text
from bot.builder.dates import date_label, event_date
from bot.builder.differ import (
    NUMBER_WORDS,
    Mention,
    clause_for,
    find_figures,
    mentions,
    models_in,
    undisclosed,
)
from bot.builder.names import (
    BODY_NAME,
    CAMEL,
    COMPANY_NAME,
    NOT_NAMES,
    VERB,
    institution,
    is_person,
    is_surname,
    named_description,
    names_in,
    place_like,
    subject,
)
from bot.builder.places import PLACES
from bot.builder.quotes import quoted_people
from bot.builder.readers import SeedArticle
from bot.builder.select import (
    FINITE,
    LABEL,
    MAX_CHARS,
    NO_COMMENT,
    TIMESTAMP,
    VERBISH,
    VOICED,
    Candidate,
    has_finite_verb,
    in_own_voice,
    mmr,
    point_text,
    quality,
    reports_event,
    undated,
    unstamped,
)
from bot.builder.split import split_sentences
from bot.builder.standalone import (
    JOIN_MAX,
    MODEL_NOUN,
    ORG_NOUN,
    asked_about,
    bracketed_name,
    dependent,
    faithful_in,
    make_standalone,
    quotation_goes_on,
    quote_speaker,
    quoted_speaker,
    unattributed_quote,
)
from bot.builder.tables import MarkdownTable, RowsSoFar
from bot.builder.text import STOPWORDS, content_tokens, normalise, stem, tokens
from bot.builder.topics import TopicMatcher

MIN_RELEVANCE = 2.0
FIGURE_HINT = re.compile(r"\d|\btimes\b|thousands|hundreds")
TRIM_OVER = 170
# a research note's own estimate, with its figure: "We estimate 12 million units will ship …",
# "Revenue came in at RMB4.1bn, 4% above our estimate"
ESTIMATE = re.compile(
    r"^(?=.*\d).*\b(?:(?:We|we)\s+(?:now\s+)?(?:estimate|expect|forecast|project|model|"
    r"calculate|see|cut|raise|lower|lift|trim|maintain|reiterate|set)|(?:Our|our)\s+"
    r"(?:estimates?|forecasts?|target|model|view|expectations?|rating|numbers))\b"
)
DANGLING = re.compile(
    r"\b(?:and|or|but|nor|with|of|to|the|a|an|than|as|by|for|in|on|at|which|who|whom|whose|that|"
    r"where|because|although|though|if|while)$",
    re.I,
)
SHOWN_MAX = 330  # the longest point an answer shows (bot.slack.answer.POINT_MAX)
ELIDED = " […]."  # where a sentence joined to the next was cut
NAMED_OPENING = re.compile(r"^\[([^\]’':]+)\]")  # "[DeepSeek-V5] uses …", not "[Its:]"
ARTICLE_SUMMARY = 4  # sentences in an article's summary
TRIM_MIN = 70
# a claim's source closing the sentence (", according to two of the people.", ", one person
# said."): cutting it would make the claim the writer's
SOURCED = re.compile(
    r",\s+(?:according to\b[^,]*|[^,]*\b(?:said|says|told|reported|wrote)(?:\s+[^\s,]+){0,4})"
    r"[.!]?[\"”’']?\s*$",
    re.IGNORECASE,
)
# an interview: "A: They treated compute as scarce." is the interviewee's answer
ANSWER = re.compile(r"^A(?:\s+\([^)]{1,40}\))?[:.]\s")  # "A:", "A (u/ilse_kestrel):"
QUESTION = re.compile(r"^Q(?:\s+\([^)]{1,40}\))?[:.]\s")
# "Interview by Claire Ashdown", "By Ana Ruiz": who wrote it, not who answers
BYLINE = re.compile(
    r"^(?:(?:interview|interviewed|reporting|reported|written|words|text|edited)\s+)?by\s+\S",
    re.I,
)
# (and "We put them to Rebecca Amsel, a partner at …", the readers' questions)
SPOKE_TO = re.compile(
    r"\b(?:spoke|talked|sat down)\s+(?:to|with)\b|\binterviewed\b|\bput\s+(?:\w+\s+){1,2}to\b"
)
# "He spoke to the Business Standard": the one who spoke is the interviewee, not the paper
SPOKE_TO_US = re.compile(r"\b(?:He|She|They)\s+(?:spoke|talked)\s+(?:to|with)\b")
OPENING_LINES = 4  # an interview's introduction: the lines before its first question
INTERVIEW = re.compile(
    r"\binterview|\b(?:spoke|talked) (?:to|with)\b|\bedited for (?:length|clarity)|"
    r"\bQ\s?&\s?A\b|\bconversation\b|\bAMA\b|\bask me anything\b",
    re.I,
)
OWN_OPENING = 3  # words: "On our test, …", "By our count …", "We measured …"
# (a role after the name: "MARCUS HO, CFO:", "Fang Shuyi (CFO):")
ROLE = r"(?:, [A-Z][\w&’'.-]*(?: [\w&’'.-]+){0,4}| \((?=[A-Za-z])[^()\d]{1,40}\))?"
SPEAKER_LABEL = re.compile(rf"^([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){{0,2}}){ROLE}:\s")
# a transcript's turns in title case: "Zhou Mingyuan: …", "Asia Tech Weekly: …", "Q: …"
# … and an earnings call's "Rajiv Menon-Hart, CFO: …" (the name is the speaker)
TURN_LABEL = re.compile(rf"^([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,3}}){ROLE}:\s")
ASKING_SHARE = 0.5  # a transcript's speaker whose turns ask this often is the interviewer
OPERATOR = "Operator"  # a call's operator, who hands over and asks nothing of substance
ASKER = frozenset(
    ["Q", "Question", "Interviewer", "Host", "Moderator", "Presenter", "Anchor", OPERATOR]
)
END = (".", "!", '"', "”", "'", "’", ")")  # how a statement, not a headline or question, ends
# where a long sentence can end early and still state its fact
CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:(?:under|in|by|through|from|for|with|at|on|during)\s+which|which|while|whereas|as|but|and|though|although|even as|according to|"
    r"compared|with|after|before|despite|raising|making|prompting|sending|leaving|adding|"
    r"saying|highlighting|underscoring|signalling|signaling)\b)"
    r"|\s+[—–]\s+|\s*;\s+|\s+\((?=[a-z])"
)
# where a sentence a join cuts may end: a clause break, or a participle (or "without") that
# goes on to what followed ("…, ending more than three years in which …"): the point the
# sentence makes alone keeps it whole
JOIN_BREAK = re.compile(CLAUSE_BREAK.pattern + r"|,\s+(?=(?:[a-z]{2,}ing|without)\b)")
# a sentence that only announces what follows: "X also addressed the allegations."
ANNOUNCES = re.compile(
    r"\b(?:addressed|discussed|touched on|commented on|weighed in on|turned to|"
    r"spoke about|talked about|raised the (?:issue|question)|responded to)\b",
    re.IGNORECASE,
)
# ", and cut …": a second verb of the same subject, where the fact may go on
COORDINATED = re.compile(  # (", and it must appoint …": the same subject, named again)
    r",\s+and\s+(?:(?:it|they|he|she)\s+)?(?:also\s+|then\s+|later\s+)?"
    r"(?:must|should|can|could|may|has|have|had|is|are|was|were|will|would|"
    r"said|says|plans|cut|set|put|made|took|gave|won|lost|sold|paid|kept|left|began|became|"
    r"bought|ran|rose|fell|hit|saw|sent|wrote|spent|grew|[a-z]{3,}ed)\b"
)
SUBORDINATE = re.compile(
    r"^(?:Although|Though|While|Whereas|If|When|Because|As|Since|Despite|After|Before|Unless|"
    r"Until|Once|Even if|Even though|With|Without|According to [^,]+,\s+(?:[a-z]+ing)\b)",
)
DIGIT = re.compile(r"\d")
# "R1 produced a harmful answer every time.": a whole statement, if a short one
SHORT_FIGURE = re.compile(r"^[A-Z][^?!:]{12,60}[.]$")  # "A year ago it was roughly 15%."
FIGURE_WORD = re.compile(r"\b(?:\w+fold|doubled|tripled|quadrupled|halved|twice)\b", re.I)
CHAIN_UNDER = 45  # characters: a figure this short goes on the point before, if it can
SHORT_STATEMENT = re.compile(r"^[A-Z0-9][^?!]{18,60}[.]$")
NAME = re.compile(r"[A-Z][\w’'.&/-]*(?:\s+[A-Z][\w’'.&/-]*){0,3}")
HTML = re.compile(r"</?(?:p|div|span|a|html|body|script|br|li|ul|h[1-6])\b[^>]*>", re.IGNORECASE)


@dataclass(slots=True)
class Sent:
    """One source sentence and, when it can be one, its point: self-contained, maybe trimmed."""

    article: str
    pos: int
    text: str  # the sentence as written
    point: str | None
    fragment: bool  # a piece of a quotation
    topics: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)  # for the topics it is under
    relevance: float = 0.0  # summed over every topic it touches
    quality: float = 0.0
    figures: frozenset[str] = frozenset()
    mentions: tuple[Mention, ...] = ()  # of the whole sentence (or standalone point)
    whole: str | None = None  # the standalone point before trimming
    plain: str | None = None  # the sentence as a point, before it was made standalone
    when: date | None = None
    event: bool = False  # reports something that happened
    undisclosed: str | None = None  # a measure it says was not disclosed
    joined: bool = False  # the point begins with the sentence before
    # the sentences before it its point gives too: 1 for a join, more for a table's rows or a
    # chain of short figures
    back: int = 0
    key: str = ""  # the point, normalised: identical points across articles merge on it
    # the question it answers (an interviewer's, or a question heading's): its words find the
    # answer, which seldom repeats them ("How many people use Tidewater?" / "About 210,000")
    asked: str | None = None


Figures = tuple[tuple[tuple[str, str], ...], str]  # ((figure, label), ...), clause


@dataclass(frozen=True, slots=True)
class Analysis:
    article: SeedArticle
    sents: tuple[Sent, ...]  # the sentences that are points, in reading order
    dropped: tuple[DroppedLine, ...]
    reason: str | None  # why no sentence is usable, when none is
    summary: tuple[str, ...] = ()  # 3–5 sentences in reading order
    headline: str = ""  # the best of them: the index's one-line summary
    figures: tuple[Figures, ...] = ()
    people: tuple[str, ...] = ()  # quoted by name


ASIDE = re.compile(r"\s[—–]\s.*?\s[—–]\s|\s\([^)]*\)")


def main_clause(text: str) -> str:
    """The text without its asides (between dashes, in parentheses) or an aside left open at
    the end: where a trimmed point's own verb must be ("The launch — which erased $1tn —"
    has none)."""
    core = ASIDE.sub(" ", text)
    return re.split(r"\s[—–]\s", core)[0]


def trim(text: str) -> str:
    """A long point cut to the clause that carries its fact: the text up to the first clause
    break after TRIM_MIN characters that leaves a statement, with a full stop. A figure after
    the break keeps the point whole, unless it is too long to show (SHOWN_MAX): then it is cut
    at the last break that fits, the head's figures kept and the rest left to the article."""
    if len(text) <= TRIM_OVER:
        return text
    kept = _trim(text, figures_after=False)
    if len(kept) > SHOWN_MAX and not SOURCED.search(text):
        kept = _trim(text, figures_after=True, within=SHOWN_MAX)
    return kept


def _trim(
    text: str,
    figures_after: bool,
    within: int | None = None,
    breaks: re.Pattern[str] = CLAUSE_BREAK,
) -> str:
    """`trim`'s cut: at the first break that leaves a statement, or with `within`, the last
    one before that length; `figures_after`: a figure may follow the break."""
    found = text
    for m in breaks.finditer(text):
        if within is not None and m.start() >= within:
            break
        if m.start() < TRIM_MIN:
            continue
        head = text[: m.start()].rstrip(" ,;:—–")
        if DANGLING.search(head):
            continue  # "… a technical report and": the clause goes on past the break
        tail = text[m.end() :]
        if len(tail) < 80 and not has_finite_verb(tail):
            continue  # "…, as its first chief scientist.": the rest completes the clause
        if (
            head.count("“") != head.count("”")
            or head.count('"') % 2
            or head.count("(") != head.count(")")
        ):
            continue
        if head.count("[") != head.count("]"):
            continue
        if ": " in head.replace("[", "").split("]")[-1]:
            continue  # "… two breaches of store policy: the lack of …, and …": a list goes on
        dash = m.group().strip()
        if dash in ("—", "–") and (text.count(dash, m.end()) or head.count(dash) % 2):
            # a dash pair: the aside ends later, or here ("… noted that the pattern — a
            # flood used as a distraction — has become common"): the sentence goes on
            continue
        if COORDINATED.match(text, m.start()):
            continue  # "… released V4.5, an upgraded model, and cut prices by a third": one fact
        if _aside_in_clause(text, m.end()):
            continue  # "… found that the revised design, which …, "reduces" that risk"
        if SUBORDINATE.match(head) or not has_finite_verb(main_clause(head)):
            continue  # "Although …", "According to X, training its model": no statement
        if not figures_after and (
            DIGIT.search(text[m.start() :]) or FIGURE_WORD.search(text[m.start() :])
        ):
            continue  # a figure follows ("… rose roughly fivefold"): the fact is not all in the head
        if SOURCED.search(text[m.start() :]):
            return text  # "…, according to two of the people": whose claim it is stays
        stop = head if head.endswith(".") else head + "."  # "… in the U.S." has its stop
        if within is None:
            return stop
        found = stop
    return found


# what may follow a relative clause closed by a comma when the sentence's own clause has ended
CLAUSE_GOES_ON = re.compile(
    r"(?:and|or|but|while|whereas|as|with|according|including|after|before|which|who|when|"
    r"where|though|although|despite|since|so|than|up|down|from|to|in|on|at|by|for|not)\b"
)


def _aside_in_clause(text: str, start: int) -> bool:
    """Whether a "which"/"who" clause opening at `start` is an aside inside the clause, whose
    verb comes after it: "… found that the revised design, which moves the halls to dry
    cooling, "substantially reduces" that risk"."""
    if re.match(r"(?:which|who)\b", text[start:]) is None:
        return False
    close = text.find(", ", start)
    if close < 0:
        return False
    rest = text[close + 2 :].lstrip("\"“'‘")
    return re.match(r"[a-z]", rest) is not None and CLAUSE_GOES_ON.match(rest) is None


def elided(before: str, room: int) -> str:
    """The sentence before, cut at a clause break to leave `room` for one joined to it, the
    cut marked: "An amended complaint cut the works to 131,000 […]. It now seeks $310M"; a
    long description of its subject left out first, if that is not enough ("DeepSeek […] has
    raised 28 billion yuan …")."""
    if len(before) <= room:
        return before
    head = _trim(before, figures_after=True, within=room - len(ELIDED), breaks=JOIN_BREAK)
    if head != before:
        return head[:-1] + ELIDED
    comment = COMMENT.search(before)
    if comment is not None and comment.start() + len(ELIDED) <= room:
        return before[: comment.start()] + ELIDED  # "… to its Entity List […]. The listing …"
    described = DESCRIBED_SUBJECT.match(before)
    if described is None:
        return before
    shorter = f"{described.group('subject')} […] {before[described.end() :]}"
    if len(shorter) <= room:
        return shorter
    head = _trim(shorter, figures_after=True, within=room - len(ELIDED))
    return before if head == shorter else head[:-1] + ELIDED


# "…, a move that bars American suppliers …": a comment on the statement before it, which a
# join may leave out (a point keeps it: it says what the statement means)
COMMENT = re.compile(
    r",\s+(?:in\s+)?an?\s+(?:move|step|decision|deal|change|shift|blow|sign|setback|"
    r"development|figure|sum|rise|fall|drop|jump)\s+(?:that|which|(?:[a-z]+\s+){1,2}said)\b"
)
# "DeepSeek, the Hangzhou lab that has until now been funded by …, has raised": a subject, a
# description of it between commas, then its verb
DESCRIBED_SUBJECT = re.compile(
    r"^(?P<subject>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}),\s+(?:a|an|the|its)\s"
    r"[^;:“”\"()\[\]]{10,200}?,\s+(?=(?:has|have|had|is|are|was|were|will|would|said|says|"
    r"[a-z]+ed)\b)"
)


def _unusable_reason(body: str, n_sents: int) -> str:
    if HTML.search(body):
        return "looks like HTML: use `deepseek-bot add` on the page, or paste the article text"
    words = re.findall(r"[A-Za-z]+", body)
    if words and sum(w.lower() in STOPWORDS for w in words) / len(words) < 0.15:
        return "no English sentences found"
    if sum(1 for line in body.splitlines() if line.strip()) <= 1 and n_sents <= 1:
        return "only one line of text: paste the whole article"
    return "only boilerplate or fragments after cleaning: paste the article's paragraphs"


def labelled(
    sentence: str, known: Container[str] | None = None, section: str | None = None
) -> str | None:
    """ "Marc Andreessen (VC): Praised the model …" as "[Marc Andreessen] praised the model …":
    a list item whose label is its subject, with the subject put back in brackets. Under a
    heading that names the list's subject (`section`), "Cons: Trailed on maths …" is
    "[Qwen 4] trailed on maths …"."""
    m = LABEL.match(sentence.strip())
    if m is None or m.group(1) is None or not VERBISH.match(sentence.strip()[m.end() :]):
        return None
    name = re.sub(r"\s*\([^)]*\)", "", m.group(1)).strip()
    rest = sentence.strip()[m.end() :]
    if re.match(r"[A-Z][a-z]+ing\b", rest):
        return None  # "Challenges: Overcoming …": the label heads a list, the -ing phrase is it
    if not NAME.fullmatch(name):
        return None  # "Challenges: Overcoming …": a heading, not a name
    first = name.split()[0]
    if known is not None and " " not in name and first not in known and not CAMEL.search(first):
        if section is None:
            return None  # "Cons: Trailed on maths …": a word the article never writes as a name
        name = section
    pt = point_text(f"[{name}] {rest[:1].lower()}{rest[1:]}")
    return pt[0] if pt is not None and not pt[1] else None


# "ChatGPT: 8.7/10 overall — still the best all-rounder": a name's row in a table of figures
SCORED = re.compile(r"^(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}):\s+(?P<value>.*\d.*)$")
# "DeepSeek 2026E capex: RMB26bn (prior RMB19bn)": a name's measure in a note's key figures
MEASURED = re.compile(
    r"^(?P<name>[A-Z][\w’'.&-]*(?:,?\s+[\w’'.&$%-]+){1,6}?):\s+(?P<value>.*\d.*)$"
)
SCORED_MAX = 160
COUNTED_NOUN = re.compile(r"^\s*[$€£¥]?\d[\d,.]*\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\b")


def scored(line: str, known: Container[str]) -> str | None:
    """A list row that gives a name's figure, "DeepSeek: 8.4/10 overall — best value" or
    "DeepSeek 2026E capex: RMB26bn", as the point it is, as written: the name says whose
    figure it is. None for any other line."""
    m = SCORED.match(line.strip()) or MEASURED.match(line.strip())
    # "200 agent requests per day": what a figure counts, no verb
    value = COUNTED_NOUN.sub("", m.group("value")) if m else ""
    if m is None or len(line) > SCORED_MAX or has_finite_verb(value):
        return None
    if any(w.lower() in FINITE for w in m.group("name").split()):
        return None  # "DeepSeek said in 2025: …": a sentence's clause, not a label
    first = m.group("name").split()[0]
    if first not in known and not CAMEL.search(first):
        return None  # "Price: $0.20": a property, not a name
    text = line.strip().rstrip(";,")
    return text if text.endswith((".", ")", '"', "”")) else f"{text}."


# an earnings release: "Brightwater Compute Reports First Quarter 2026 Results", or a lede that
# "today announced financial results for the first quarter"
RESULTS_TITLE = re.compile(
    r"^(?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}?)\s+(?:Reports|Posts|Announces|"
    r"Delivers)\b[^;:]{0,60}?\b(?:Results|Earnings)\b",
    re.I,
)
RESULTS_LEDE = re.compile(  # (… "today announced unaudited financial results for …")
    r"\b(?:announced|announces|reported|reports|posted|posts)\s+(?:its\s+)?(?:\w+\s+){0,3}?"
    r"(?:results|earnings)\b"
)
# … or whose title names the company, then its results: "Acme plc: interim results for …"
RESULTS_NAMED = re.compile(
    r"^(?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}?)(?:\s+(?:plc|Inc\.?|Ltd\.?|AG|SA|NV))?"
    r":\s+[^;:]{0,40}?\b(?:results|earnings)\b",
    re.I,
)
# … and its highlights, verbless: "Revenue of $412 million, up 63% from $253 million"
METRIC_LINE = re.compile(
    r"^[A-Z][\w-]*(?:\s+[\w-]+){0,4}?\s+of\s+(?:about\s+|approximately\s+|roughly\s+)?"
    r"(?:[$€£¥]|[A-Z]{2,3}\$?\s?)?\d"
)


def results_of(title: str, lede: str | None, known: Container[str]) -> str | None:
    """Whose results an earnings release reports: the company its title or lede names."""
    if (m := RESULTS_TITLE.match(title) or RESULTS_NAMED.match(title)) is not None:
        return m.group("name")
    if lede is not None and RESULTS_LEDE.search(lede):
        return subject(undated(lede), known=known)
    return None


def capitalised_mid_sentence(sentences: list[str]) -> frozenset[str]:
    """Words an article capitalises after a sentence's first word: its names, as opposed to
    ordinary words that open a sentence ("Recent findings …")."""
    out: set[str] = set()
    # a table's cells open like sentences: "| Net profit | 1.9 |" names no "Net"; so do a
    # live blog's entries after their time ("16:52 — Services restored") and a dateline
    for t in (cell for sentence in sentences for cell in sentence.split("|")):
        t = undated(TIMESTAMP.sub("", t.strip(), count=1))
        for raw in t.split()[1:]:
            word = raw.strip(',.;:“”"()[]')
            word = word[:-2] if word.endswith(("’s", "'s")) else word
            if word[:1].isupper():
                out.add(word)
    return frozenset(out)


EDITORIAL = frozenset(
    ["note", "notes", "why it matters", "what's next", "what’s next", "the bottom line",
     "bottom line", "context", "background", "update", "correction", "editor's note",
     "editor’s note", "read more", "takeaway", "takeaways", "key takeaway", "key takeaways",
     "summary", "the big picture", "big picture", "what we know", "between the lines",
     # the article's own metadata, not a property of its subject
     "category", "categories", "date", "dates", "tags", "tag", "source", "sources", "author",
     "location", "topic", "topics", "type", "published", "updated", "keywords", "region",
     "sector", "industry", "status", "companies involved", "people", "section"]
)  # fmt: skip
SENTENCE_OPENERS = frozenset(
    ["It", "This", "That", "These", "Those", "The", "We", "They", "He", "She", "I", "A", "An"]
)
FACT = re.compile(r"^([A-Z][\w’'/&() .-]{1,50}?):\s+(?=\S)")
# (an acronym or a model may be a word of it: "AI licensing revenue", "Yield on the L9 line")
FACT_LABEL = re.compile(
    r"(?:[A-Z][a-z-]+|[A-Z]{2,6})(?:\s+(?:[a-z][a-z-]*|[A-Z]{2,6}|[A-Z]+-?\d[\w.-]*)){0,6}"
    r"(?:\s+[A-Z]*[\w.-]*\d[\w.-]*)?"
)


CASE_LABEL = re.compile(r"(?:Case|Case name|Matter|In re)", re.I)


def case_caption(lines: Sequence[Line]) -> dict[int, str]:
    """A ruling's caption ("Case: Acme v Widget" / "Court: …" / "Judge: …" / "Outcome: …"):
    each of its other lines, by position, as "[Acme v Widget:] Judge: Justice Ana Ruiz." —
    whose judge, court and outcome the case says, though no line has a verb."""
    out: dict[int, str] = {}
    for at, line in enumerate(lines):
        m = FACT.match(line.text.strip())
        if m is None or not CASE_LABEL.fullmatch(m.group(1)):
            continue
        case = line.text.strip()[m.end() :].rstrip(" .")
        run = [at]
        for step in (-1, 1):
            i = at + step
            while 0 <= i < len(lines) and (f := FACT.match(lines[i].text.strip())) is not None:
                if len(f.group(1).split()) > 3:
                    break
                run.append(i)
                i += step
        if len(run) < 3:
            continue  # one labelled line is no caption
        for i in run:
            if i != at:
                text = lines[i].text.strip()
                out[i] = f"[{case}:] {text if text.endswith('.') else text + '.'}"
    return out


def fact_line(line: str, subject: str | None, named: Container[str] = frozenset()) -> str | None:
    """A fact-sheet bullet, "Staff: about 160 researchers, most of them graduates", as the
    point "[DeepSeek’s] staff: about 160 researchers, most of them graduates." when the article
    is about one subject. None for a label that names someone ("Marc Andreessen: …", or
    "Bernstein: …" in a list of who says what: `named`, see `named_labels`), a verb
    ("Founded: 2023"), or a value too thin to be a fact."""
    m = FACT.match(line.strip())
    if m is None or subject is None:
        return None
    label, rest = m.group(1), line.strip()[m.end() :].rstrip()
    if not FACT_LABEL.fullmatch(label) or re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", label):
        return None  # "Founded: 2023": a verb, not a property
    if label.split()[0] in named:
        return None  # "Bernstein: $500 million all-in": whose estimate, not a property
    if label in PLACES:
        return None  # "2. Japan: guidance, not a fine.": where it happened, not a property
    if label.split()[0].lower() in NUMBER_WORDS:
        return None  # "Two models: Sauti-1 Small, …": what was released, not the subject's
    if len(rest.split()) < 3 or VERBISH.match(rest) or rest.endswith("?"):
        return None
    if re.match(r"(?:the|a|an|this|that|it|they|we|our|its)\s", rest) and has_finite_verb(rest):
        return None  # "Games: the summer slump came early.": a heading's clause, no property
    if label.lower() in EDITORIAL or rest.split()[0] in SENTENCE_OPENERS:
        return None  # "Why it matters: It …": a sentence under a heading, not a property
    end = "" if rest.endswith((".", "!", '"', "”", ")")) else "."
    first = label.split()[0]
    said = label if first.isupper() and len(first) > 1 else f"{label[:1].lower()}{label[1:]}"
    return f"[{subject}’s] {said}: {rest}{end}"


# a list item that continues the line before ("The update includes:" / "- a 1 million-token
# context window"; "…corrective powers:" / "(a) an administrative fine of …;")
ITEM = re.compile(r"^(?:\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s+)?(?P<rest>[a-z].*)$")
# a lead-in after which every item is someone's claim, not the article's fact
CLAIMED = re.compile(
    r"\b(?:claims?|claimed|alleg(?:es|ed)|argu(?:es|ed)|contends?|contended|accus(?:es|ed)|"
    r"asserts?|asserted)\b(?:\s+that)?:\s*$",
    re.I,
)
# a lead-in naming a model or a figure ("Pricing for V4.5 (per million tokens):"): the rows
# of figures under it are that thing's
ROW_OF = re.compile(r"(?:\d|\b[A-Z][a-z]*[A-Z0-9][\w.-]*)[^:]*:\s*$")
LEAD_IN_MAX, LEAD_IN_MIN = 80, 30  # characters: a longer lead-in is cut to its first clause
# a non-restrictive clause ("…, which took effect today, …", "…, which it had declined to
# discuss:"): no part of what a list is
ASIDE = re.compile(r",\s+(?:which|who)\s[^,:]*(?:,|(?=:\s*$))")
LISTED_SUBJECT = re.compile(r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}):")  # "Acme:"
ROW = re.compile(r"^[A-Z][^:]{0,50}:\s+\S")  # "Input, cache miss: $0.20"
ROW_MAX = 80  # characters of a row with no bullet
CAPITALISED_ITEM = re.compile(r"^(?P<rest>[A-Z].*)$")
ITEM_END = re.compile(r"(?:[;,.]|\s+(?:and|or))+$")


def listed(text: str, lead_in: str, bullet: bool = False) -> str | None:
    """A lower-case list item after a line ending in a colon, as a point that carries the
    lead-in's last clause in brackets: "[The Authority decided to exercise the following
    corrective powers:] an administrative fine of €18,500,000 …"; after a lead-in that says
    whose claims follow ("It claims that:"), any bulleted item: "[Northgate claims that:]
    DeepSeek copied …"; after a lead-in naming what a table of figures is about ("Pricing for
    V4.5 (per million tokens):"), each row: "[Pricing for V4.5 (per million tokens):] Output:
    $0.80." None for anything else."""
    m = ITEM.match(text.strip())
    row = False
    if m is None and bullet and CLAIMED.search(lead_in):
        m = CAPITALISED_ITEM.match(text.strip())
    elif (
        m is None
        and (bullet or _bare_row(text.strip()))
        and ROW.match(text.strip())
        and (ROW_OF.search(lead_in) is not None or has_finite_verb(lead_in))
    ):
        m, row = CAPITALISED_ITEM.match(text.strip()), DIGIT.search(text) is not None
        if not row:
            return None
    if m is None:
        return None
    rest = ITEM_END.sub("", m.group("rest").rstrip())
    if len(rest.split()) < 4 and not row:
        return None
    head = re.sub(r"^\d{1,2}[.)]\s+", "", lead_in.strip()).replace("[", "").replace("]", "")
    if (clock := TIMESTAMP.match(head)) is not None:
        head = head[clock.end() :]  # "15:52 — Full table just went up …": the blog's clock
    head = ASIDE.sub("", head)  # "New API prices, which took effect today, are:"
    cut = head.rfind(", ")
    if cut > 0 and DIGIT.search(head[:cut]) and len(head) <= LEAD_IN_MAX:
        # "Within 60 days of the notice, that is by 29 June 2026, DeepSeek must:": what comes
        # before the subject is the list's deadline or figure, and stays
        return f"[{head[:1].upper()}{head[1:]}] {rest}."
    if (named := LISTED_SUBJECT.fullmatch(head[cut + 2 :] if cut > 0 else head)) is not None:
        return f"[{named.group(1)}] {rest}."  # "Under them, Acme:" / "will store …": its subject
    if cut > 0 and has_finite_verb(head[cut + 2 :]) and not re.match(VERB, head[cut + 2 :]):
        head = head[cut + 2 :]  # "Having regard to …, the Authority decided to …:"
    if len(head) > LEAD_IN_MAX:
        # "DeepSeek said the following rates take effect immediately and apply to both …:":
        # its first clause says what the list is, in less of the reply
        for m in re.finditer(r",\s|\s(?:and|but|while)\s", head):
            if m.start() >= LEAD_IN_MIN and has_finite_verb(head[: m.start()]):
                head = head[: m.start()].rstrip(" ,") + ":"
                break
    return f"[{head[:1].upper()}{head[1:]}] {rest}."


def _bare_row(text: str) -> bool:
    """A row of figures written without a bullet ("SWE-bench Verified: 71.4%" under
    "DeepSeek is claiming:"): a short label, a figure and no verb after it."""
    value = text.partition(":")[2]
    return len(text) <= ROW_MAX and DIGIT.search(value) is not None and not has_finite_verb(value)


PEOPLE_ENDS = ("n", "an", "ian", "ese", "ish", "i")  # Chile → Chilean, Nigeria → Nigerian


DATED_HEADING = re.compile(
    r"^(?P<date>(?:\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2})(?:,?\s+\d{4})?)\s+[—–-]\s+\S"
)


def dated_heading(heading: str) -> str | None:
    """A timeline's heading, "19 August — Johor cleared, with strings": the date, which the
    lines under it happened on."""
    m = DATED_HEADING.match(heading.strip())
    return m.group("date") if m else None


def place_heading(heading: str, known: Container[str], sentences: Sequence[str]) -> str | None:
    """A heading that is only a place's name ("Chile", "South Africa"), as the article writes
    it ("in Chile") or its people ("the Chilean lawsuit"): where the lines under it happened.
    None for any other heading ("Recovery", "WHAT TO WATCH", "DeepSeek")."""
    words = heading.strip().rstrip(":").split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return None
    name = " ".join(words)
    last = words[-1]
    people = {last + e for e in PEOPLE_ENDS} | {last[:-1] + e for e in PEOPLE_ENDS}
    if any(p in known for p in people - {last}) or place_like(name, sentences):
        return name
    return None


def place_labels(
    lines: Sequence[Line], known: Container[str], sentences: Sequence[str]
) -> dict[int, str]:
    """Lines that open with a place's name as a label ("Portugal: The data watchdog lifted
    …", "- South Korea: The ban …"), the rest a sentence of its own, by position: where what
    follows happened. A run of two or more such lines (headings between them allowed:
    "Europe", "Asia") is a list of places when two of its labels are countries or regions
    (`PLACES`) or read as places in the article (`place_heading`)."""
    out: dict[int, str] = {}
    run: list[tuple[int, str]] = []
    for at, line in enumerate((*lines, None)):
        f = FACT.match(line.text.strip()) if line is not None else None
        words = f.group(1).split() if f is not None else []
        rest = line.text.strip()[f.end() :] if line is not None and f is not None else ""
        if (
            1 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and rest[:1].isupper()
            and has_finite_verb(rest)
        ):
            run.append((at, " ".join(words)))
            continue
        if f is None and line is not None and line.kind == "heading":
            continue  # a heading between two countries does not end the list
        placed = [
            label
            for _, label in run
            if label in PLACES or place_heading(label, known, sentences) is not None
        ]
        if len(placed) >= 2:
            out.update(run)
        run = []
    return out


# "WHAT THE DIRECTIVE DOES", "What the bill would do": the list under it is the directive's acts
DOES_HEADING = re.compile(
    r"^what\s+the\s+(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:does|do|would do|"
    r"will do|covers|requires|changes)\b",
    re.I,
)
IT_IS = re.compile(r"It(?:[’']s|\s+(?:is|was)\b)")
# "- Applies to roughly 14,500 phones", "- Does not apply to …": an act with no subject
ACT_FIRST = re.compile(r"^(?:Does|Do|Would|Will|Also|[A-Z][a-z]+(?<!s)s)\b(?!\s*[:,])")


DEFINITE_OPENING = re.compile(r"^The\s+(?=[a-z])")  # "The data authority …"


def _in_place(point: str, place: str) -> bool:
    """Whether a point names the place, or its people ("Chilean users")."""
    return re.search(rf"\b{re.escape(place[:-1])}", point) is not None


YEAR_HEADING = re.compile(
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Q[1-4]|H[12]|FY|Spring|Summer|Autumn|Fall|Winter)\s+)?(?:19|20)\d\d"
)


def section_name(heading: str, known: Container[str]) -> str | None:
    """A heading that is only a name ("DeepSeek-R3", "Qwen 4 (Alibaba)"): what the list under
    it describes. None for any other heading ("How we tested", "Key Takeaways")."""
    words = re.sub(r"\s*\([^)]*\)", "", heading).strip().split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    first = words[0]
    if len(words) > 1 and heading.isupper():
        return None  # "COMPANY BY COMPANY": a heading in capitals, no name
    if YEAR_HEADING.fullmatch(" ".join(words)):
        return None  # "2025", "March 2026", "Q1 2026": a timeline's years, no name
    return " ".join(words) if first in known or CAMEL.search(first) else None


def named_labels(lines: Sequence[Line], known: Container[str]) -> frozenset[str]:
    """The labels of bulleted lists in which some label is a name (`known`): every label of
    such a list names a source ("Bernstein: $500 million to $1 billion all-in")."""
    out: set[str] = set()
    run: list[str] = []
    for line in (*lines, None):
        if line is not None and line.kind == "bullet":
            if (m := FACT.match(line.text)) is not None:
                run.append(m.group(1))
            continue
        # a name is all of its label ("Morgan Stanley:"); "AI licensing revenue:" is a property,
        # and so is an acronym of accounts ("EBITDA:")
        if any(
            lb.split()[0] in known
            and lb.split()[0] not in NOT_NAMES
            and all(w[:1].isupper() for w in lb.split())
            for lb in run
        ):
            out.update(lb.split()[0] for lb in run)
        run = []
    return frozenset(out)


OWN_DOCUMENT = re.compile(
    r"^(?:Incident report|Post-?mortem|Press release|Statement|Announcement|Release notes|"
    r"Changelog|Status update|Service update|Notice to (?:customers|users))\b",
    re.I,
)


def own_author(title: str, subject: str | None) -> str | None:
    """Whose own document an "Incident report: …" (OWN_DOCUMENT) is: the article's subject,
    else the company the title's first name starts with ("… affecting DeepSeek Chat and the
    DeepSeek API": DeepSeek). None for any other title."""
    m = OWN_DOCUMENT.match(title)
    if m is None:
        return None
    if subject is not None:
        return subject
    names = names_in(title[m.end() :])
    return names[0].split()[0] if names else None


# a byline naming a company's own team: "Posted by the DeepSeek Platform Reliability team"
TEAM_BYLINE = re.compile(
    r"^(?:(?:Posted|Written|Published) by|By) (?:the )?"
    r"(?P<name>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)(?:[’']s)?\s+(?:[\w-]+\s+){0,2}"
    r"(?:team|group|desk)\b"
)


def team_author(lines: Iterable[str]) -> str | None:
    """The company whose team a byline names ("Posted by the DeepSeek Platform Reliability
    team": DeepSeek), whose "we" the document is; None when no byline names one."""
    for text in lines:
        if (m := TEAM_BYLINE.match(text)) is not None:
            return m.group("name").split()[0]
    return None


# a research note's masthead: "Brightwater Research | China AI Platforms | Sector update"; its
# analysts' line ("Analyst: Jorge Villanueva, CFA") says it is one
ANALYST_LINE = re.compile(r"^Analysts?:\s+[A-Z]")
MASTHEAD = re.compile(
    r"^(?P<name>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})\s+[|—–-]\s+"
    r"(?=.*\b(?i:note|update|research|report|comment|flash|initiation)\b)"
)


def research_author(lines: Sequence[str]) -> str | None:
    """The firm whose research note this is ("Harcourt Pine Securities — China Technology
    Hardware — Sector note, 22 January 2026" above "Analyst: Mei-Ling Ostrander, CFA"), whose
    "we estimate" it is; None when no analysts' line says it is a note."""
    if not any(ANALYST_LINE.match(t) for t in lines):
        return None
    for text in lines:
        if (m := MASTHEAD.match(text)) is not None:
            return m.group("name")
    return None


COMPANY_DESK = re.compile(
    r"\b(?:Investor Relations|Newsroom|Press Office|Press Room|Communications|Media Relations|"
    r"Corporate Affairs)\b"
)


def own_publisher(publisher: str | None, subject: str) -> bool:
    """Whether the publisher is the company itself ("Tembo Mobile Investor Relations" for an
    article about Tembo Mobile), so the article's "we" is the company's."""
    return (
        publisher is not None
        and publisher.split()[0] == subject.split()[0]
        and COMPANY_DESK.search(publisher) is not None
    )


def about_publisher(text: str, publisher: str | None) -> bool:
    """Whether the sentence is the publication describing itself: "RegWatch Africa summarises
    regulatory actions for compliance professionals." (its name, then a verb in the present)."""
    if not publisher or not text.startswith(f"{publisher} "):
        return False
    verb = text[len(publisher) + 1 :].split(" ", 1)[0]
    return verb.islower() and verb.endswith("s") and not DIGIT.search(text)


def initials(name: str) -> str:
    """ "IBL" for "Ignacio Bravo Lütz": each word's first letter, without its accent."""
    return "".join(unicodedata.normalize("NFKD", w)[:1] for w in name.split()).upper()


def initialled(labels: Container[str], names: Sequence[str]) -> dict[str, str]:
    """A transcript's initials labels ("IBL: …") with the full names they stand for: a name of
    two words or more whose initials they are ("Ignacio Bravo Lütz"), one per label."""
    out: dict[str, str] = {}
    for name in names:
        words = name.split()
        short = initials(name)
        if 2 <= len(words) <= 4 and short in labels and short not in out:
            out[short] = name
    return out


def _full_name(label: str, opening: Sequence[str]) -> str:
    """A transcript's speaker as the opening names them: "Zhou" is "Zhou Lan" when the
    opening names Zhou Lan; "NAIR" is "Nair"."""
    name = label.title() if label.isupper() else label
    if " " not in name:
        for text in opening:
            for full in names_in(text):
                if name in full.split() and " " in full:
                    return full
    return name


def _quoted_by(said: re.Match[str], line: str, written: Sequence[str]) -> str | None:
    """A label once, before a quotation ("Gao: "Once weights are …""), naming a person an
    earlier sentence names in full ("Gao Lirong"): that person, in full; else None."""
    label = said.group(1)
    if line[said.end() :].lstrip()[:1] not in '“"' or " " in label:
        return None
    people = {n for t in written for n in names_in(t) if " " in n and label in n.split()}
    return people.pop() if len(people) == 1 else None


SELF_INTRODUCED = re.compile(
    r"\b(?:I[’']m|I am|My name is)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\b"
)


def introduction(lines: Sequence[Line], split: Sequence[list[str]], title: str) -> list[str]:
    """An interview's introduction: the sentences before its first question ("Julian Okafor
    is head of cyber underwriting … We spoke to him …"), the headline and byline aside."""
    out: list[str] = []
    for ln, sents in itertools.islice(zip(lines, split, strict=True), OPENING_LINES):
        if QUESTION.match(ln.text) or ANSWER.match(ln.text) or ln.text.endswith("?"):
            break
        if normalise(ln.text) != title and not BYLINE.match(ln.text):
            out += sents
    return out


def interviewee(title: str, opening: Sequence[str], answers: int) -> str | None:
    """Whose answers an interview's "A:" lines (or the lines under its question headings) are:
    the first person (two or more capitalised words) its opening names, in full, when it says
    it is an interview ("We spoke …", "edited for length", "Q&A") and answers at least twice.
    An explainer's "A." is nobody's."""
    if answers < 2 or not any(INTERVIEW.search(t) for t in (title, *opening)):
        return None
    for text in opening:  # an AMA's "Hi all! I'm Ilse Vermeulen, co-founder of …"
        if (me := SELF_INTRODUCED.search(text)) is not None:
            return me.group("name")
    for text in opening:  # "Silicon Strait spoke to Fang Yiran, Qiantang's founder and CEO"
        spoke = None if SPOKE_TO_US.search(text) else SPOKE_TO.search(text)
        # … whom they spoke to, before what about ("We spoke to him about … Lanting Data
        # Services": no one named)
        whom = (
            re.split(r"\s(?:about|on|at|in|for|after|before)\s", text[spoke.end() :])[0]
            if spoke
            else ""
        )
        if people := [n for n in names_in(whom) if _personal(n)]:
            return people[0]
    # no one is "the Business Standard", the Commerce Department or Hong Kong
    written = " ".join(opening)
    named = [
        n
        for t in opening
        for n in names_in(t)
        if _personal(n, company=True)
        and n not in PLACES
        and BODY_NAME.search(n) is None
        and re.search(rf"\b[Tt]he {re.escape(n)}\b", written) is None
    ]
    # a person before a company ("Qiantang Semiconductor cut …"), else the first name
    return next((n for n in named if _personal(n)), named[0] if named else None)


def _personal(name: str, company: bool = False) -> bool:
    """Whether a name may be an interviewee's: two or more words, not a company's (`company`:
    or a company's, too)."""
    words = name.split()
    return (
        len(words) >= 2
        and all(w.isalpha() for w in words)
        and (company or COMPANY_NAME.search(name) is None)
    )


def _known_from(words: list[str], known: Container[str] | None) -> list[str]:
    """The words from the first one the article writes as a name mid-sentence."""
    for i, word in enumerate(words):
        if known is None or word in known:
            return words[i:]
    return []


def title_subject(
    title: str, known: frozenset[str] | None, in_text: frozenset[str] | None
) -> str | None:
    """The name a title opens with, as far as the article's text (`in_text`) writes its words
    as names: a title capitalises its first word, and a headline in title case every word
    ("Lingxin Semiconductor Signs Supply Agreement with …" is about Lingxin Semiconductor)."""
    words = _known_from((subject(title, strict=False, known=known) or "").split(), known)
    if in_text is not None and words:
        words = [words[0], *itertools.takewhile(lambda w: w in in_text, words[1:])]
    name = " ".join(words)
    if not name or re.search(
        rf"\b(?:in|at|from|across|to)\s+(?:the\s+)?{re.escape(name)}\b", title
    ):
        return None  # "A year of musical chairs in Hangzhou": a place, not who it is about
    return name


def main_subject(
    sentences: list[str],
    known: frozenset[str] | None = None,
    title: str | None = None,
    in_text: frozenset[str] | None = None,
) -> str | None:
    """The name an article's sentences most often open with as their actor (at least three
    times): "the company" and "its" stand for it. A possessor ("Italy's regulator") is not.
    Failing that, the name its title gives that most of its sentences mention (at least
    two): "Inside DeepSeek's hiring" is about DeepSeek."""
    counts = Counter(n for n in (subject(t, strict=False, known=known) for t in sentences) if n)
    whole = " ".join(sentences)
    for name, n in counts.most_common():
        if n < 3:
            break
        if place_like(name, sentences):
            continue  # "India is its second-largest market …" four times: still not its subject
        if is_person(name, whole) or is_surname(name, sentences):
            continue  # "Lin said …" in a story on a finance chief: "the company" is not Lin
        if institution(name, sentences):
            continue  # "the Garante said …" in a story on its order: the company is another
        return name
    # the title's own subject ("Inside DeepSeek's hiring": DeepSeek), not any name it holds
    # ("… plans a Hong Kong office"); a title capitalises its first word, so the name starts
    # at one the article writes as a name
    name = title_subject(title or "", known, in_text or known) or ""
    if name and (place_like(name, sentences) or institution(name, sentences)):
        # "Korea's privacy regulator fines DeepSeek": the article is not Korea's; "ANPD
        # revokes suspension of the DeepSeek app": an authority is never "the company"
        name = ""
    n = _mentions(name, sentences) if name else 0
    if n >= 2:
        return name
    # "South Korea fines DeepSeek over …": the one actor the title's verb acts on that the
    # text keeps mentioning; places, people and institutions are not "the company"
    named = {
        other: _mentions(other, sentences)
        for other in names_in(title or "")
        if other in (in_text or known or ())
        and _acted_on(other, title or "")
        and not place_like(other, sentences)
        and not is_person(other, whole)
        and not is_surname(other, sentences)
        and not institution(other, sentences)
    }
    ranked = sorted(named.values(), reverse=True)
    if ranked and ranked[0] >= 2 and (len(ranked) == 1 or ranked[1] < ranked[0]):
        return max(named, key=lambda k: named[k])
    return None


def _acted_on(name: str, title: str) -> bool:
    """Whether a title's verb acts on the name: "… fines DeepSeek over …" (not "… in China",
    "… a Freedonia office")."""
    before = title[: title.find(name)].split() if name in title else []
    return bool(before) and before[-1].islower() and before[-1] not in STOPWORDS


def _mentions(name: str, sentences: list[str]) -> int:
    return sum(1 for t in sentences if re.search(rf"\b{re.escape(name)}\b", t))


class Says:
    """Whether the article says a point (`faithful`), normalising its text only for points
    not found in it as written: most are."""

    def __init__(self, written: str) -> None:
        self.written = written
        self.normalised: str | None = None

    def __call__(self, point: str) -> bool:
        if faithful_in(point, self.written):
            return True
        if self.normalised is None:
            self.normalised = normalise(self.written)
        return faithful_in(point, self.normalised)


def analyse(art: SeedArticle, matcher: TopicMatcher) -> Analysis:
    """Every sentence of one article, with its point, topics, quality, figures and date."""
    cleaned = clean_text(art.body)
    title = normalise(art.meta.title)
    # the headline, when the text carries it, is the article's own one-line summary
    lines = cleaned.lines
    split = [
        ([ln.text] if normalise(ln.text) == title else [])
        if ln.kind == "heading"
        else split_sentences(ln.text)
        for ln in lines
    ]
    # names: what the article capitalises mid-sentence, headings and title included
    in_text = capitalised_mid_sentence(  # the title repeated as a heading is the title
        [
            t
            for ln, sents in zip(lines, split, strict=True)
            if normalise(ln.text) != title
            for t in (sents or [ln.text])
        ]
    )
    known = in_text | capitalised_mid_sentence([art.meta.title])
    # a transcript's speakers open their turns ("Zhou Mingyuan: The app is …"): who they are is
    # no sign of what the article is about
    turn_labels = Counter(m.group(1) for ln in lines if (m := TURN_LABEL.match(ln.text)))
    opened = [  # (nor is a live blog's clock: "09:02 CST - Doors are open.")
        t[m.end() :] if (m := TURN_LABEL.match(t)) and turn_labels[m.group(1)] > 1 else t
        for sents in split
        for t in map(unstamped, sents)
    ]
    fallback = main_subject(opened, known, art.meta.title, in_text)
    # a fact sheet describes what the title is about: "DeepSeek R2: what we know" → R2's facts
    titled = title_subject(art.meta.title, known, in_text)
    sheet = titled if fallback and titled and titled.startswith(fallback) else fallback
    # a list whose labels include a name ("DeepSeek: $5.6 million", "Bernstein: …") says who
    # says what: none of its labels is a property of the article's subject
    labels = named_labels(lines, known)
    # every point must be what the article says, bracketed insertions aside
    says = Says(" ".join(ln.text for ln in lines))
    context: str | None = None  # the last standalone sentence, in any paragraph
    dropped = tuple(replace(d, number=d.number + art.offset) for d in cleaned.dropped)
    published = art.meta.published
    out: list[Sent] = []
    prev: str | None = None  # the sentence just before (the last of the paragraph before)
    prev_point: str | None = None  # the same, when it stands alone
    written: list[str] = []  # every sentence before, as written ("Judge Margaret Oyelaran …")
    asked: str | None = None  # what a question heading just asked about ("What is R2?")
    section: str | None = None  # the name a heading gave the lines under it ("Qwen 4")
    # labels that open several lines are a transcript's speakers ("BREAKING:" once is not)
    speakers = Counter(m.group(1) for ln in lines if (m := SPEAKER_LABEL.match(ln.text)))
    # … or in title case, when two or more labels take turns ("Q:" and "Zhou:"; not a live
    # blog's one "Update:", nor a list's labels, each once)
    if sum(1 for n in turn_labels.values() if n > 1) >= 2:
        speakers.update({lb: n for lb, n in turn_labels.items() if lb not in speakers})
    # "Qiao Wenjun: Yes. It was …" once, then "Qiao: …": her first turn is hers too
    repeated = {lb for lb, n in speakers.items() if n > 1}
    for lb in turn_labels:
        if speakers[lb] < 2 and " " in lb and not repeated.isdisjoint(lb.split()):
            speakers[lb] = 2
    # in a transcript whose turns are labelled, an unlabelled line is the writer's
    labelled_turns = any(n > 1 for n in speakers.values())
    if labelled_turns:
        # "MARCUS HO, CFO: If I can add one point." once, among other "NAME, ROLE:" turns
        # … or "Fang Shuyi (CFO): Gross margin …" (not a row "Moonforge M3 (Acme): $0.30")
        roled = (
            (m, ln.text[m.end() :])
            for ln in lines
            if (m := SPEAKER_LABEL.match(ln.text) or TURN_LABEL.match(ln.text))
        )
        speakers.update(
            {
                m.group(1): 2
                for m, said in roled
                if "," in m.group(0)
                or ("(" in m.group(0) and " " in m.group(1) and said[:1].isalpha())
            }
        )
    # the publication's own label in a transcript: its name or initials ("GTW")
    publisher = art.meta.publisher or ""
    asking = {publisher.upper(), "".join(w[0] for w in publisher.split()).upper()} - {""}
    # … or a speaker most of whose turns ask ("VOS: How much hardware do you have on hand?")
    askers = {
        lb
        for lb, n in speakers.items()
        if n > 1
        and sum(1 for ln in lines if ln.text.startswith(f"{lb}:") and "?" in ln.text)
        >= ASKING_SHARE * n
    }
    first = next((sents for sents in split if sents), [])
    # "IBL: …" after "Ignacio Bravo Lütz: …" (or an opening naming him): his turns, both
    spelled = initialled(
        {lb for lb, n in speakers.items() if n > 1},
        [*turn_labels, *(n for t in first for n in names_in(t))],
    )
    speakers.update({name: 2 for name in spelled.values() if speakers[name] < 2})
    # an interview's questions: "A:" lines, or questions set as headings ("**Why now?**")
    questions = sum(1 for ln in lines if ln.kind == "heading" and ln.text.endswith("?"))
    answered = sum(1 for ln in lines if ANSWER.match(ln.text))
    answering = interviewee(
        art.meta.title, introduction(lines, split, title), max(answered, questions)
    )
    self_named = answering if any(SELF_INTRODUCED.search(t) for t in first) else None
    # in an interview whose interviewee is not known, "We …" is theirs: no one to name
    own_voice = answering is not None or not (
        answered >= 2 or any(INTERVIEW.search(t) for t in (art.meta.title, *first))
    )  # "A: … We expect …" answers are someone's: the writer's "we" only outside a Q&A
    # a company's own document with no publisher ("Incident report: March 17 service
    # disruption"): its "we" is the company the article is about
    author = own_author(art.meta.title, fallback) if art.meta.publisher is None else None
    if author is None and fallback and own_publisher(art.meta.publisher, fallback):
        author = fallback  # "Tembo Mobile Investor Relations" on Tembo Mobile's results: its "we"
    if author is None:  # "Posted by the DeepSeek Platform Reliability team": DeepSeek's "we"
        author = team_author(ln.text for ln in lines[:OPENING_LINES])
    if author is None:  # a broker's note: "we estimate" is the firm's
        author = research_author([ln.text for ln in lines[:OPENING_LINES]])
    # an earnings release's verbless highlights are that company's figures
    results = results_of(art.meta.title, first[0] if first else None, known)
    after_question = False  # the lines after a question heading answer it
    question: str | None = None  # the question the next paragraph answers, as written …
    answers: str | None = None  # … and the one this paragraph answers
    place: str | None = None  # the place a heading says the lines under it are about
    dated: str | None = None  # … or the date a timeline's heading says they happened on
    doer: str | None = None  # what a heading says the list under it does ("The directive")
    every = [t for sents in split for t in sents]
    lead_in: str | None = None  # "The update includes:": what the list after it continues
    table = MarkdownTable(SHOWN_MAX)  # the Markdown table a line is in: header, rows so far
    rows_so_far = RowsSoFar(SHOWN_MAX)  # a list of figures' rows, each point giving them all
    recent: list[tuple[int, str]] = []  # (position, text) of the sentences that stand alone
    last_speaker: str | None = None  # whose turn the line before was, in a transcript …
    turn: str | None = None  # … and whose the last label opened
    still_talking: str | None = None  # who speaks a quotation the paragraph before left open
    chain_from: str | None = None  # the point just before, a short figure may join onto …
    chain_spans = 0  # … and the sentences before it that it gives too
    # the one model the title names: a figure naming none is that model's
    title_models = {name for _, name in models_in(art.meta.title)}
    title_model = title_models.pop() if len(title_models) == 1 else None
    caption = case_caption(lines)
    places = place_labels(lines, known, every)
    for at, (line, sentences) in enumerate(zip(lines, split, strict=True)):
        item = (
            listed(line.text, lead_in, line.kind == "bullet") if lead_in else None
        )  # "(a) a fine of €18.5 million"
        cell_row, given = table.row(line.text)  # given: the lines before it the point gives too
        local = places.get(at)  # "Netherlands: There is no national ban …": the place's
        if local is not None:  # … and, like a heading, it does not continue the line before
            prev = prev_point = chain_from = None
        if at in caption:
            # "[Acme v Widget:] Judge: Justice Ana Ruiz.", verbless, and the caption's lines
            # before it: "[Acme v Widget:] Court: … · Judge: Justice Ana Ruiz."
            item, given = rows_so_far.add(caption[at])
        elif cell_row is not None:
            item = cell_row  # "AIME 2026 [R3:] 93.1% · [R2:] 85.4%.", and the rows before it
        elif item is not None and ROW.match(line.text.strip()) and DIGIT.search(line.text):
            item, given = rows_so_far.add(item)  # "[Prices:] Input: $0.18 · Output: $0.72"
        else:
            rows_so_far.end()
        if item is not None:
            sentences = [line.text]
        elif line.text.rstrip().endswith(":"):
            # "The company has:" names itself as a point must: "[Acme] has:"; right after a
            # heading, the company is the article's, not the last one named before it. Of
            # "The orders go further. The company must:", the last sentence leads in
            leading = split_sentences(line.text) or [line.text]
            head = leading[-1]
            tag = unstamped(leading[-2]) if len(leading) > 1 else ""
            if tag and len(tag.split()) <= 3 and len(tag) + len(head) < LEAD_IN_MIN * 2:
                # "09:52 — Benchmarks slide. DeepSeek is claiming:": a label, what the rows are
                head = f"{tag} {head}"
            near = prev_point or context if prev is not None else None
            # "For the ANPD, DeepSeek fulfilled the requirements. The company:": the sentence
            # before it in the line says which company
            same = (
                leading[-2]
                if len(leading) > 1
                and not dependent(leading[-2])
                and subject(leading[-2], known=known) is not None
                else None
            )
            lead_in = head if not dependent(head) else make_standalone(
                head, None, same or near or fallback, fallback, known, same or prev, asked,
                [*(written if prev is not None or same else []), *leading[:-1]],
            )  # fmt: skip
            if lead_in is None and prev is None:
                # "## Sanctions / The commission imposed the following:": named as the
                # article named it ("Authority: Personal Information Protection Commission")
                lead_in = named_description(head, written)
            if lead_in is None and ROW_OF.search(head):
                lead_in = head  # "The new rates for V4.5:": it says what the rows are
        elif line.kind != "bullet":
            lead_in = None  # a capitalised item ("- DeepSeek copied …;") does not end the list
        if line.kind != "bullet" and ((named := section_name(line.text, known)) or not sentences):
            section = named  # "Qwen 4 (Alibaba)": the list under it is Qwen 4's
        if not sentences:  # a heading: what follows does not continue what came before
            prev = prev_point = chain_from = last_speaker = turn = None
            if FACT.match(line.text):
                # "Presiding judge: mr. E. van der Heijden": no sentence, but it names "the
                # judge" of the sentences below
                written.append(line.text)
            # … and a timeline's "19 August — Johor cleared, with strings": when, as a label
            place = place_heading(line.text, known, every)
            dated = dated_heading(line.text)
            does = DOES_HEADING.match(line.text)
            acting = (
                named_description(f"The {does.group('what').lower()} acts.", written)
                if does
                else None
            )
            doer = bracketed_name(acting) if acting else None
            after_question = line.text.endswith("?")
            question = LABEL.sub("", line.text, count=1) if after_question else None
            answers = None
            asked = asked_about(LABEL.sub("", line.text, count=1))  # "Q. What is V4?"
            continue
        quoting = 0  # open curly quotes so far in this paragraph
        talking: str | None = None  # … and who its quotations are, as the last one said
        if prev is not None and line.text.lstrip()[:1] in '“"':
            # a paragraph that is one quotation, after "… he explained the reversal at
            # length.", or that goes on with a quotation the paragraph before left open: theirs
            talking = still_talking or quote_speaker(unstamped(prev), written[:-1])
        straight = False  # … and whether a straight " is open
        # a transcript's "NAIR: …": what follows is the speaker's, and says so
        said = SPEAKER_LABEL.match(line.text) or TURN_LABEL.match(line.text)
        # (the publication's own label counts once: "Acme Weekly: Your rivals say …" asks)
        label = (
            said.group(1)
            if said
            and (
                speakers[said.group(1)] > 1 or (said.group(1).upper() in asking and labelled_turns)
            )
            else None
        )
        # a turn that is all one quotation: its sentences are the speaker's, whole
        quoted_turn = said is not None and line.text[said.end() :].lstrip()[:1] in '“"'
        if label is None and said and (quoted := _quoted_by(said, line.text, written)):
            label = quoted  # a live blog's "Gao: "Once weights are published, …"": hers
        speaker = spelled.get(label) or _full_name(label, first) if label is not None else None
        # "GTW: Europe has not been easy …" in Global Tech Weekly's interview: the
        # interviewer's prompt, no news ("Q: There has been speculation …" too)
        prompting = label is not None and (
            label.replace(".", "").upper() in asking or label.title() in ASKER or label in askers
        )
        if prompting:
            speaker = None
        if ANSWER.match(line.text):
            speaker = answering  # "[Sara Lindqvist:] Efficiency is a choice …"; "A" names no one
        elif sentences[0].endswith("?"):
            after_question = True  # a longer question, set as prose: the interviewer's
        elif (
            answering
            and after_question
            and line.kind == "prose"
            and speaker is None
            and not labelled_turns
        ):
            speaker = answering  # under "**Why now?**", the answer
        if (
            labelled_turns
            and said is None
            and speaker is None
            and line.kind == "prose"
            and turn is not None
            and in_own_voice(sentences[0])  # a paragraph going on in the first person
        ):
            # "Rajiv Menon-Hart, CFO: Thank you. Revenue …" and, a paragraph or two below it,
            # "For the full year, we now expect …": his remarks go on (not "This interview is
            # part of our series", nor after a heading or another label)
            speaker = turn
        elif said is not None:
            turn = speaker
        if labelled_turns and speaker != last_speaker:
            # "This interview is part of our series." after an answer: not the speaker's
            prev_point = chain_from = None
        if prompting or (speaker is None and any(s.endswith("?") for s in sentences)):
            # an operator's "Good evening, and welcome to …" asks nothing (an interviewer's
            # "Then the memory rule came along." does)
            asks = "?" in line.text or not (label and label.title() == OPERATOR)
            question, answers = (
                (LABEL.sub("", line.text, count=1) if prompting else line.text) if asks else None,
                None,
            )
        elif question is not None:
            question, answers = None, question  # the turn after a question answers it …
        elif speaker is None or speaker != last_speaker:
            answers = None  # … and the same speaker's next lines, not the writer's
        last_speaker = speaker
        speaker_line: str | None = None  # the last sentence of this paragraph, made standalone
        para_prev: str | None = None  # … and as written
        for k, text in enumerate(sentences):
            # an analyst note's "We estimate 12 million units …": the firm's figure, its own
            # … and a note's, a blog's or a review's "we" with a figure, from the sentence's
            # opening words: "We measured 71.8%", "Running our suite cost $46" (the
            # publisher's own finding, not a passing "as we expected")
            # (in an interview, "We expect …" is the interviewee's, never the publisher's)
            estimate = (
                art.meta.publisher is not None
                and own_voice
                and (
                    ESTIMATE.match(text) is not None
                    or (
                        DIGIT.search(text) is not None
                        and in_own_voice(" ".join(text.split()[:OWN_OPENING]))
                    )
                )
                and in_own_voice(text)  # '"Our token bill is …," said a founder': the founder's
            )
            # (an AMA's "I'm Ilse Vermeulen … We are a 38-person company": hers, not the site's)
            voice = (
                (self_named or author or art.meta.publisher)
                if estimate and speaker is None
                else speaker
            )
            if (
                author is not None
                and voice is None
                and in_own_voice(text)
                # (not inside a quotation: 'Ana Ruiz said: "… Data continued …, and we kept …')
                and quoting == 0
                and not straight
                and text[:1] not in '“"'
            ):
                voice = author  # "We have found no evidence of …" in DeepSeek's own report
            pt = (
                (item, False)
                if item is not None
                else None
                if about_publisher(text, art.meta.publisher)
                # (a place's label off: "Netherlands: Municipalities make …" is no "Label:
                # Makes …" whose label is the subject)
                else point_text(
                    text[len(local) + 1 :].lstrip()
                    if local is not None and text.startswith(f"{local}:")
                    else text,
                    line.kind == "bullet",
                    # (inside a quotation, "we" is the speaker's: '… said: "This was the
                    # quarter …. DeepSeek's price cut lowered what we earn …')
                    spoken=voice is not None or quoting > 0 or straight,
                )
            )
            if (
                pt is None
                and line.kind == "heading"
                and has_finite_verb(text)
                and not text.isupper()
            ):
                pt = (text, False)  # a headline: no full stop, but a statement (not a shout)
            if pt is None and len(text) > MAX_CHARS and item is None:
                # a sentence too long to show (a ruling's 430 characters): its first clause
                # that says something, when one fits ("… transferred the data of 1.1 million
                # users to three overseas entities …, without informing users …")
                head = _trim(text, figures_after=True, within=MAX_CHARS, breaks=JOIN_BREAK)
                if head != text:
                    pt = point_text(head, line.kind == "bullet", spoken=voice is not None)
            row = cell_row  # a Markdown table's row weighs as a table's, verbless …
            if (
                line.kind == "bullet"
                and section
                and item is None  # a list's lead-in says more than a heading's name
                and local is None
                and (fact := fact_line(text, section, labels))
            ):
                pt = (fact, False)  # "- Cons: Pricier at $1.20 …" under "Qwen 4": Qwen 4's
                row = fact  # … and so does a fact sheet's line
            if (
                pt is None
                # "Shen Yiran: Prices only go …" is a speaker's turn, not a labelled fact
                and (speaker is None or " " not in speaker)
                and (named := labelled(text, known, section)) is not None
            ):
                pt = (named, False)
            if (
                # (also when the label was cut: "Net profit: 3.1 billion yuan, compared with …"
                # read as the sentence "3.1 billion yuan, compared with …")
                (pt is None or (results is not None and not pt[0].startswith("[")))
                and line.kind == "bullet"
                and local is None
                # an earnings release's "- Revenue: 2.94 billion yuan" is the reporter's
                and (fact := fact_line(text, results or sheet, labels))
            ):
                pt, row = (fact, False), fact
            if pt is None and line.kind == "bullet" and (row := scored(text, known)):
                pt = (row, False)
            if (
                (pt is None or pt[0] == text)
                and line.kind == "bullet"
                and results is not None
                and METRIC_LINE.match(text)
            ):
                # "- Revenue of $412 million, up 63% …" in Brightwater's results: its figure
                row = f"[{results}:] {text if text.endswith('.') else text + '.'}"
                pt = (row, False)
            if prompting:
                pt = None
            if (
                pt is not None
                and k == 0
                and after_question
                and asked is None
                and IT_IS.match(pt[0])
            ):
                # "What exactly is running on the Nova 12? / It's a 3-billion-parameter model":
                # "It" is the thing asked, which no name says (never the article's company)
                pt = None
            spans = 0  # the sentences before this one its point gives too
            if (
                (pt is None or len(text) < CHAIN_UNDER)
                and chain_from is not None
                and DIGIT.search(text)
                and SHORT_FIGURE.match(text)
                and has_finite_verb(text)
                and len(chained := f"{chain_from} {text}") <= JOIN_MAX
                and point_text(chained, spoken=voice is not None) is not None  # no writer's "we"
                and says(chained)
            ):
                # "… now runs on Ascend chips. A year ago it was roughly 15%.": too short to
                # stand, the figure goes on the sentence before ("Our target is 80%." too)
                pt, spans = (chained, False), chain_spans + 1
            if (
                doer is not None
                and pt is not None
                and line.kind == "bullet"
                and ACT_FIRST.match(pt[0])
                and pt[0].split()[0] not in known
            ):
                # "Applies to 14,500 phones" under "WHAT THE DIRECTIVE DOES": the directive's,
                # named as the article names it ("[Directive IT-2026-04] applies to …")
                pt = (f"[{doer}] {pt[0][:1].lower()}{pt[0][1:]}", False)
            # the middle of a quotation ('"We need fewer chips. It is the opposite.')
            inside = (quoting > 0 or straight) and not text.startswith(("“", '"'))
            point: str | None = None
            joined = False
            fragment = bool(pt and (pt[1] or inside)) and not (quoted_turn and voice is not None)
            whole: str | None = None  # the standalone point before trimming
            if pt is not None and not fragment:
                # a quotation alone continues the speaker's words just before: join those
                alone = unattributed_quote(pt[0])
                before = speaker_line if alone else prev_point
                if before is not None and not alone and not spans:
                    before = elided(before, JOIN_MAX - len(pt[0]) - 1)
                # an answer's first words after "Has DeepSeek responded?": "The company has 10
                # working days …" is the one the question names, not the last one answered about
                in_question = (
                    [n for n in names_in(answers) if not place_like(n, written)]
                    if answers and para_prev is None
                    else []
                )
                one = in_question[0] if len(in_question) == 1 else None
                whole = make_standalone(
                    pt[0], before, one or context or fallback, fallback, known,
                    (para_prev or prev) if alone else prev, asked, written,
                )  # fmt: skip
                joined = bool(whole and before and whole.startswith(before)) or bool(spans)
                if joined and whole is not None and not says(whole):
                    # a label between the two ("… Tuesday. Why it matters: It would …"):
                    # join the sentence as written, label and all
                    written_out = f"{before} {unstamped(text)}"  # not the blog's clock
                    whole = written_out if says(written_out) else None
                elif whole is not None and not says(whole):
                    whole = None  # never a point the article does not say
                if joined and whole is not None and voice is None and in_own_voice(whole):
                    # "We measured 71.8%. That gap is …": the join brings the writer's "We"
                    voice = art.meta.publisher if own_voice else None
                    whole = whole if voice is not None else None
                if (
                    whole is not None
                    and voice
                    and (
                        not whole.startswith("[")
                        or (
                            pt[0].startswith(("The ", "It ", "Its "))
                            and not re.match(r"\[[^\]]*:\]", whole)
                        )
                    )
                ):
                    # (a name put in for "The app" or "It" is still the speaker's words:
                    # "[Ana Ruiz:] [Widget's consumer app] is how most people first met Widget")
                    whole = f"[{voice}:] {whole}"
                if (
                    whole is None
                    and not alone
                    and voice is None  # a speaker's words join only under their name
                    and (named_at := _antecedent(pt[0], recent, len(out)))
                    and says(cand := f"{named_at[0]} {pt[0]}")
                ):
                    # "The fine works out to $2.7 million.", a paragraph after "… fined
                    # DeepSeek 3.9 billion won, …" and a sentence that leans itself: joined to
                    # the sentence that named the fine
                    whole, joined, spans = cand, True, named_at[1]
                if whole is not None:
                    point = whole if joined else trim(whole)  # a join stays whole
            if (
                point is None
                and pt is not None
                and talking is not None
                and voice is None
                and (body := quotation_goes_on(text, inside)) is not None
                and says(cand := f"[{talking}:] {body}")
            ):
                # '"We moved too fast," she said. "The new releases all go through human
                # review.': the same speaker goes on, named
                point, fragment = trim(cand), False
            if (
                point is None
                and pt is not None
                and talking is not None
                and voice is None
                and k > 0
                and prev is not None
                and prev[:1] in '“"'  # the quotation opened the sentence before …
                and quoted_speaker(prev) == talking  # … which says whose it is
                and len(cand := f"{prev} {text}") <= JOIN_MAX
                and not dependent(cand)
                and says(cand)
            ):
                # '"People want an AI that lives here," said Tang Wei. "They want one in their
                # pocket.': "They" needs the sentence it goes on from, joined as written
                point, fragment, joined = cand, False, True
            where = local or place
            if (
                point is None
                and where is not None
                and pt is not None
                and not fragment
                and voice is None
                and (the := DEFINITE_OPENING.match(pt[0])) is not None
                and not dependent(f"A {pt[0][the.end() :]}")  # only "The …" leans
            ):
                point = trim(pt[0])  # "The data authority suspended …": the place's, below
            where = where or dated  # (a date makes no "The …" stand alone; it labels)
            if point is not None and where is not None and not _in_place(point, where):
                point = f"[{where}:] {point}"  # under "Kenya": "[Kenya:] A committee …"
            if item is None and k == len(sentences) - 1 and text.rstrip().endswith(":"):
                # "… filed its complaint. It claims that:": the list continues the last
                # sentence, named as it must be to stand alone ("[Northgate] claims that:")
                lead_in = text if not dependent(text) else make_standalone(
                    text, None, prev_point or context or fallback, fallback, known, prev, asked,
                    written,
                )  # fmt: skip
            s = Sent(
                art.meta.id,
                len(out),
                text,
                point,
                fragment,
                whole=whole,
                plain=pt[0] if pt is not None else None,
            )
            if point is not None:
                toks = tokens(point)
                found = matcher.phrases(point, toks)
                s.topics = matcher.assign(found, MIN_RELEVANCE)
                scores = matcher.scores(found)
                s.relevance = sum(scores.values())
                s.scores = {t: scores[t] for t in s.topics}  # the rest is never read
                s.quality = quality(point, fragment, row=point == row)
                if ANNOUNCES.search(point) and not FIGURE_HINT.search(point):
                    s.quality *= 0.3  # announces a subject; the substance is elsewhere
                # a dated list line ("Jan. 20: R1 is released …") is an event in any tense
                s.event = reports_event(point) or date_label(text) is not None
            if FIGURE_HINT.search(text) or "H" in text:
                s.mentions = tuple(mentions(whole or text, prev, title_model))
                s.figures = frozenset(f.key for f in find_figures(point or text))
            s.when = event_date(point or text, published)
            s.joined = joined
            s.back = given if point is not None and point == item else max(spans, int(joined))
            s.key = normalise(point) if point is not None else ""
            s.asked = answers if point is not None else None
            if point is not None and not s.mentions:
                s.undisclosed = undisclosed(point)
            out.append(s)
            # only the first sentence after a question ("What is R2?", "Q. What is V4?") answers it
            asked = asked_about(LABEL.sub("", text, count=1)) if text.endswith("?") else None
            speaker_line, para_prev = whole, text
            written.append(text)
            quoting = max(0, quoting + text.count("“") - text.count("”"))
            straight = straight != (text.count('"') % 2 == 1)
            talking = quote_speaker(unstamped(text), written[:-1]) or talking
            went_on = prev is not None  # (not right after a heading)
            prev = text
            # a headline (no full stop) is no sentence to join onto: "… fixes This story …"
            standalone = pt is not None and not dependent(pt[0]) and line.kind != "heading"
            chain_from = pt[0] if pt is not None and standalone else None
            if chain_from is not None and not spans and not fragment and voice is None:
                recent.append((len(out) - 1, chain_from))  # what a later "The fine …" may name
            elif chain_from is not None and not spans and not fragment and voice == author:
                recent.append((len(out) - 1, f"[{voice}:] {chain_from}"))  # its own document's
            chain_spans = spans
            prev_point = chain_from if not spans else None  # a chain is what joins on, only
            bracketed: str | None = None  # a sentence named in brackets: one to join onto
            if pt is not None and not standalone and whole and whole.startswith("[") and not joined:
                # "He announces the Fellows programme." named: "[Ren Zhiyuan] announces …",
                # one the next sentence ("It will fund 120 PhD students") joins onto
                bracketed = whole
            if voice is not None and voice != speaker:
                prev_point = whole  # the firm's "our estimate" joins on only with its name
            # "A: That figure …" leans on it; "10:41 a.m. — Liu presents her research.": Liu's
            short = unstamped(undated(LABEL.sub("", text, count=1)))
            if (
                pt is None
                and SHORT_STATEMENT.match(short)
                and not NO_COMMENT.search(short)  # "X did not respond …": no fact to build on
            ):
                if not dependent(short):
                    prev_point = short  # too short to stand as a point, but one to join onto
                else:  # "He announces the Fellows programme.", named
                    resolved = make_standalone(
                        short, None, context or fallback, fallback, known,
                        written[-2] if len(written) > 1 and went_on else None, asked,
                        written[:-1],
                    )  # fmt: skip
                    if resolved is not None and resolved.startswith("["):
                        bracketed = resolved
            if bracketed is not None:
                prev_point = bracketed  # the next joins on it; "it" is what it names
            if prev_point is not None and bracketed is None:
                context = prev_point
            elif (named_as := bracketed or whole) and (opening := NAMED_OPENING.match(named_as)):
                # "[DeepSeek-V5] uses …", then "It can handle …": it is DeepSeek-V5
                context = opening.group(1) + named_as[opening.end() :]
        # a quotation left open at the paragraph's end goes on in the next one ('… said: "This
        # was a strong half. …' then '"Msaidizi, our assistant, …')
        still_talking = talking if (quoting > 0 or straight) and sentences else None
    for s, after in itertools.pairwise(out):
        extends = after.point and s.point and after.point.startswith(s.point[:-1])
        if s.back and after.back > s.back and extends:
            s.point = None  # rows or short figures so far, when the next point gives them and more
    usable = any(s.point for s in out)
    summary, headline = _summary(out)
    figures = _figures(out)
    for s in out:
        s.plain = None  # only the summary and figures read it
    return Analysis(
        art,
        tuple(s for s in out if s.point is not None),  # the rest is done with: less to keep
        dropped,
        None if usable else _unusable_reason(art.body, len(out)),
        summary,
        headline,
        figures,
        tuple(quoted_people([s.text for s in out])),
    )


# "The fine works out …", "The round values …": a definite description of a thing, then its
# verb; the sentence that introduced the thing is what it leans on
# ("The new rates, which took effect at midnight, bring …", "The statement of claim, filed on
# Monday, seeks …": an aside before the verb)
DESCRIBED_THING = re.compile(  # (or "This round is led by …", not "This week …")
    r"^(?:The|This)\s+(?!(?:week|month|year|quarter|time|morning|afternoon|evening)\b)"
    r"(?:[a-z][\w-]*\s+){0,2}"
    r"(?P<noun>(?!(?:was|were|is|are|has|have|had|will|would|can|could|may|might|did)\b)"
    r"[a-z][\w-]{2,})"
    rf"(?:,\s+(?:which|[a-z]+ed)\s[^,]{{1,80}},\s+(?=[a-z]{{2,}}\b)|\s+{VERB})"
)
LEANING_PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her|this|these|those)\b")
ANTECEDENT_BACK = 8  # sentences back where the thing may have been introduced
# news's other words for a thing a sentence before introduced: "The new rates …" after "cut
# the price"; "The measure would give …" after "introduced the … Act"
KIN = (
    ("rate", "price", "pricing", "fee", "charge", "tariff"),
    ("measure", "bill", "act", "legislation", "law"),
    ("deal", "agreement", "partnership", "contract", "pact"),
    ("study", "research", "paper", "report", "analysis"),
    ("fine", "penalty"),
    ("suspension", "ban", "block", "restriction", "prohibition", "suspend"),
    ("lawsuit", "suit", "case", "action", "complaint", "sue", "claim", "filing", "petition"),
    ("breach", "leak", "exposure", "expose", "incident"),
    ("outage", "disruption", "downtime"),
    ("update", "rollout", "upgrade", "patch"),
)


def _root(noun: str) -> str:
    """What a stemmed noun's other forms start with: "fine" finds "fined"; "rates", "rate";
    "The listing" the Entity "List"."""
    bare = re.sub(r"(?:ings?|ments?|ions?)$", "", noun)
    return bare[: max(4, len(bare) - 2)] if len(bare) >= 4 else noun[: max(4, len(noun) - 2)]


def _antecedent(text: str, recent: Sequence[tuple[int, str]], pos: int) -> tuple[str, int] | None:
    """For "The fine works out to $2.7 million.": the nearest standalone sentence before it that
    names the fine ("… fined DeepSeek 3.9 billion won …"), cut to leave room and marked "[…]"
    when it is not the sentence just before, and how many sentences back it is."""
    m = DESCRIBED_THING.match(text)
    if m is None or ORG_NOUN.search(m.group("noun")) or MODEL_NOUN.search(m.group("noun")):
        return None  # "the company", "the model": named, or left alone
    noun = stem(m.group("noun"))
    roots = tuple(
        _root(stem(w))
        for w in dict.fromkeys(
            (noun, *(w for kin in KIN if any(noun == stem(k) for k in kin) for w in kin))
        )
    )
    # "The judges praised its fallback mode": "its" is the sentence just before's, so no
    # sentence further back may be joined on
    leans = LEANING_PRONOUN.search(text, m.end("noun"))
    for at, before in reversed(recent):
        if pos - at > ANTECEDENT_BACK or (leans and at != pos - 1):
            return None
        if not any(
            stem(w) == r or (len(r) >= 4 and stem(w).startswith(r))
            for w in re.findall(r"[A-Za-z][\w-]*", before)
            for r in roots
        ):
            continue
        room = JOIN_MAX - len(text) - 1
        head = elided(before, room)
        if head == before and at != pos - 1:
            head = before.rstrip(".") + ELIDED  # sentences left out between the two
        return (head, pos - at) if len(head) <= room else None
    return None


def _summary(sents_all: Sequence[Sent]) -> tuple[tuple[str, ...], str]:
    """3–5 sentences of one article in reading order: its lede, then dense, on-topic, early
    ones that add to it; and its densest sentence as a one-line summary. Uses this article
    alone."""
    cands: list[Candidate] = []
    sents = [s for s in sents_all if s.point and s.plain]
    n = len(sents_all)
    df: dict[str, int] = {}
    for s in sents:
        for w in content_tokens(s.point or ""):
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log((len(sents) + 1) / (k + 0.5)) for w, k in df.items()}
    for s in sents:
        assert s.point is not None
        rel = s.relevance
        position = 1.3 if s.pos < 3 else (1.0 if s.pos < n / 2 else 0.85)
        position *= 0.75 if len(s.point) > 220 else 1.0
        text = s.plain or s.point  # read in order, a sentence keeps its own words
        cands.append(
            Candidate(text, [s.article], (0, s.pos), s.quality * (1 + rel) ** 0.5 * position,
                      s.figures)
        )  # fmt: skip
    # news puts what matters first: the lede (the first sentence, not the headline) opens the
    # summary, and the rest adds what it does not say
    lede = next(
        (
            c
            for c, st in zip(cands, sents, strict=True)
            if c.text.rstrip().endswith(END) and not dependent(c.text) and not st.joined
        ),
        None,
    )
    rare = math.log(len(sents) + 2)
    if lede is None:
        chosen = mmr(cands, ARTICLE_SUMMARY, 1100, idf=idf, rare=rare)
    else:
        rest = [c for c in cands if c is not lede]
        budget = 1100 - len(lede.text)
        chosen = [lede, *mmr(rest, ARTICLE_SUMMARY - 1, budget, [lede], idf=idf, rare=rare)]
    # the one-line summary: the densest sentence, lede or not
    headline = min(cands, key=lambda c: (-c.score, c.rank)).text if cands else ""
    chosen.sort(key=lambda c: c.rank)
    return _read_on(chosen, {s.pos: s for s in sents}), headline


def _read_on(chosen: Sequence[Candidate], by_pos: dict[int, Sent]) -> tuple[str, ...]:
    """The summary's sentences as one paragraph reads them. A sentence that leans on others
    ("It briefly banned …") reads as its standalone point: the reference resolved ("[Italy's
    regulator]"), or joined to the sentence before unless that one precedes it here too. A
    headline (no full stop) would run into the next sentence, so it is left out."""
    out: list[str] = []
    last = -2
    for c in chosen:
        s = by_pos[c.rank[1]]
        text = c.text
        if not text.rstrip().endswith(END):
            continue
        if dependent(text) and s.point is not None and (not s.joined or s.pos != last + 1):
            text = s.point  # "[V4] is expected …", or joined to the sentence it leans on
        elif s.point is not None and VOICED.match(s.point):
            text = s.point  # "[Nair:] DeepSeek showed …": a transcript's words are someone's
        out.append(text)
        last = s.pos
    return tuple(out)


def _figures(sents: Sequence[Sent]) -> tuple[Figures, ...]:
    figs: list[Figures] = []
    seen: set[str] = set()
    for s in sents:
        found = [m for m in s.mentions if m.figure.text + m.measure not in seen]
        if not found:
            continue
        text = s.plain or s.text
        seen.update(m.figure.text + m.measure for m in found)
        labels = [(m.figure.text, m.measure + (f", {m.model}" if m.model else "")) for m in found]
        clauses = {clause_for(text, m.figure, 160, lower_ok=True) for m in found}
        figs.append((tuple(labels), clauses.pop() if len(clauses) == 1 else text))
    return tuple(figs)
