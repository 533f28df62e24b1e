"""Selecting points: which sentences qualify, how fact-dense they are, near-duplicate merging
(with citations from every article that states the fact) and MMR for non-redundant key points.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.builder.differ import find_figures
from bot.builder.standalone import dependent
from bot.builder.text import STOPWORDS, content_tokens, jaccard, normalise

MIN_CHARS, MAX_CHARS, MIN_WORDS = 35, 400, 7
# "Why it matters: ", "Yes, but: ", "Marc Andreessen (VC): ", "Q: " and "A. " (an interview's)
LABEL = re.compile(
    r"^(?:([A-Z][\w/&’'.-]*,?(?:\s+[A-Za-z][\w/&’'.,-]*){0,5}(?:\s+\([^)]{1,40}\))?):|[QA]\.)"
    r"\s+(?=[“\"A-Z0-9$]|\[[a-z]|\.\.\.|…)"  # (and "[laughs] …", "...which brings me")
)
# (not "According to …": whose account follows, no verb of the label's)
VERBISH = re.compile(r"^(?!According\b)(?:[A-Z][a-z]+(?:ed|es|ing)|Face|Must|Expect|Notes?)\b")
ENDS = re.compile(r"[.!][\"”’)]?$|[\"”’][.!]?$")
DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?\b|\b\d{1,2}\s+(?:January|February|March|April|June|July|August|September|"
    r"October|November|December)\b|\b(?:19|20)\d{2}\b"
)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|claim(?:s|ed)?|alleg(?:es|ed|ation)|according to|stated|told|suggested|"
    r"reported|announced|accus\w+|estimated|disclosed|uncovered|revealed|warned)\b",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"\b(?:I|we|We|you|You|our|Our|your|us)\b")
SECOND_PERSON = re.compile(r"\b(?:you|You|your|Your)\b")
# a point in someone's voice: "[Acme Securities:] We estimate …", "[Nair:] DeepSeek showed …"
VOICED = re.compile(r"^\[[^\]]+:\]\s")
HEDGE = re.compile(
    r"\b(?:may|might|could|perhaps|probably|likely|seemingly|arguably|possibly)\b", re.I
)
# a quantity money, shares and chip counts do not cover: "480 billion parameters", "300
# megawatts", "1.3 million times", "130,000 units"
MAGNITUDE = re.compile(
    r"\b\d[\d,.]*\s*(?:billion|million|trillion|thousand|bn|mn)\b|\b\d{1,3}(?:,\d{3})+\b"
    r"|\b\d+(?:\.\d+)?\s*(?:megawatts?|MW|GW|gigawatts?|hours?|minutes?|tokens?|parameters?|"
    r"users|employees|people|times)\b"
    # a count of things: "30 problems", "46 bonding tools" (not a year: "in 2025 markets")
    r"|\b(?!(?:19|20)\d\d\b)\d+\s+(?:[a-z][\w-]*\s+)?[a-z]{3,}s\b"
)
CAPWORD = re.compile(r"(?<=\s)[A-Z][\w’'.-]*[A-Za-z0-9]|\b[A-Z]+\d\w*|\$\d")
DIGIT = re.compile(r"\d")
# capitalised words nearly every sentence of this corpus has: they name no particular actor
COMMON_NAMES = frozenset(["AI", "DeepSeek", "US", "U.S.", "The", "A", "Chinese", "China"])
CONNECTIVE = re.compile(
    r"^(?:Further(?:more)?|Additionally|Moreover|Remarkably|However|Meanwhile|In fact|Still|Yet|"
    r"Also|Indeed|Notably|Certainly|Now|In other words|Beyond the technical details),\s+"
)
FIRST_PERSON = re.compile(
    r"\b(?:[Ww]e|[Mm]y|[Oo]ur|me|us)\b(?!\.S\.|-)"
    r"|\bI(?:[’']\w+|\s+(?!(?:and|or|of|in|to|at|on|for|from)\b)[a-z]{2,}\b)"  # "I expected"
)
# a quotation, with the translation that may follow it: '"我们希望 …" (We hope …)'
# a newsroom's "we" is no opinion: "as we reported earlier", "told us", "we have learned"
NEWSROOM = re.compile(
    r"\b(?:as\s+)?(?:we|I)(?:[’']ve|\s+have)?\s+(?:first\s+)?(?:reported|learned|revealed|wrote|"
    r"confirmed|reviewed|verified|obtained|seen|been told)\b"
    r"|\b(?:told|said\s+to|confirmed\s+to)\s+(?:us|me)\b"
)
QUOTED = re.compile(
    r"(?:“[^”]*”|\"[^\"]*\"|‘[^‘]*’(?!\w))(?:\s*\([^)]*\))?"
)  # ’ in a word: apostrophe
# the end of a quotation opened in a sentence before: '… or domestic," Setiawati said.'
QUOTE_CLOSED = re.compile(r'^[^“"”]*[”"](?=[,.]?\s+[A-Za-z])')
UPPER_OR_QUOTE = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ“"')
SEE_ALSO = re.compile(r"\s*\(see [^)]*\)\.?$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# a finite verb, roughly: auxiliaries and common verbs in their finite forms, or an -ed word
# after a subject-ish word (not right after a determiner or preposition, where it is an adjective)
FINITE = _words(
    """is are was were be been being am isn’t aren’t wasn’t weren’t has have had hasn’t haven’t
    will would can could may might must shall should do does did don’t doesn’t didn’t won’t can’t
    says said claims claimed alleges alleged argues argued notes noted adds added reports reported
    shows showed shown makes made takes took gives gave comes came goes went gets got sees saw
    seems seemed remains remained becomes became means meant needs needed uses used faces faced
    leads led sends sent sets puts cuts hits lets costs cost rose rises fell falls lost loses won
    wins grew grows began begins built builds bought buys held holds kept keeps left leaves met
    meets paid pays ran runs sold sells spent spends told tells thought thinks brought brings
    found finds knew knows wrote writes drew draws struck wiped erased sparked suggests suggested
    raises raised offers offered plans planned wants wanted expects expected believes believed
    calls called allows allowed requires required includes included features featured matches
    matched rivals rivalled rivaled surpasses surpassed outperforms outperformed appears appeared
    continues continued depends depended lies lay stands stood sought seeks caught taught fought
    chose broke spoke shook swore tore wore understood withdrew withdraws overtook undertook
    forgave forbade"""
)
# verbs whose past tense is their plain form, and nouns too ("a price cut"): verbs after a name
SAME_PAST = _words("cut set put hit let shut quit spread bid")
ADVERBS_BEFORE = _words("also then later again just already still never quickly recently")
NOT_VERB_BEFORE = _words(
    """the a an of on in at for by with from to into onto and or its their his her our this that
    these those some any no each every"""
)
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
PAST = _words(
    """was were had did said made took gave came went got saw became led sent lost won grew
    began built bought held kept left met paid ran sold spent told thought brought found knew
    wrote drew struck fell rose"""
)
NOT_ED = frozenset(["indeed", "hundred", "need", "speed", "seed", "feed", "shed", "embed"])
NOT_PAST_BEFORE = NOT_VERB_BEFORE | {"if", "when", "once", "unless", "be", "is", "are", "am"}
PLAIN_S = ("ss", "us", "is", "ous", "’s")
# adverbs between a subject and its verb: "We now estimate", "They also plan"
BETWEEN = frozenset(["now", "also", "still", "already", "often", "never", "just", "again"])
CONTRACTED = frozenset(["it’s", "that’s", "there’s", "here’s", "he’s", "she’s", "what’s"])


def has_finite_verb(text: str) -> bool:
    """Whether a sentence has something like a finite verb (a heading or a bullet-list noun
    phrase has none). Rough on purpose: an auxiliary or common verb; a contraction ("There’s");
    an -ed or -s word that neither follows a determiner/preposition nor ends the sentence; or a
    plain word after a plural subject ("AI systems learn")."""
    written = WORD.findall(text)
    words = [w.lower().replace("'", "’") for w in written]
    last = len(words) - 1
    for i, w in enumerate(words):
        if w in FINITE or w.endswith(("’re", "’ve", "’ll", "’d")) or w in CONTRACTED:
            return True
        if w in SAME_PAST and i and written[i - 1][0].isupper() and words[i - 1] not in STOPWORDS:
            return True  # "Yesterday DeepSeek cut the price": after a name, a verb
        if w in SAME_PAST and i and words[i - 1] in ADVERBS_BEFORE:
            return True  # "the group also put a price on it": after an adverb, a verb
        if i == 0 or words[i - 1] in NOT_VERB_BEFORE:
            continue
        prev = words[i - 1]
        if prev in BETWEEN and i > 1:
            prev = words[i - 2]  # "We now estimate": the subject before the adverb
        if len(w) > 4 and w.endswith("ed"):
            return True
        if (
            i < last
            and len(w) > 3
            and w.endswith("s")
            and not w.endswith(PLAIN_S)
            and words[i + 1] not in {"of", "and", "or"}  # "practices of", "chips and": nouns
        ):
            return True
        if (
            (prev.endswith("s") and not prev.endswith(PLAIN_S)) or prev in {"they", "we", "you"}
        ) and not (w in STOPWORDS or w.endswith(("s", "ing", "ly"))):
            return True
    return False


def reports_event(text: str) -> bool:
    """Whether a sentence reports something that happened (a past-tense verb: "OpenAI
    uncovered", "Nvidia lost"), as news facts do, rather than present-tense commentary ("the
    allegations introduce risk if verified")."""
    words = [w.lower().replace("'", "’") for w in WORD.findall(text)]
    for i, w in enumerate(words):
        if w in PAST:
            return True
        if (
            i > 0
            and len(w) > 3
            and w.endswith("ed")
            and w not in NOT_ED
            and words[i - 1] not in NOT_PAST_BEFORE
        ):
            return True
    return False


DANGLING = re.compile(
    r"^(?:[A-Z][\w ]{0,25},\s+)?(?:[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose|[Ii]ts?|[Tt]hey|[Tt]heir|[Ss]uch|[Hh]e|[Ss]he)\b"
    r"|\b(?:this|these|that) (?:claim|claims|trend|story|issue|approach|process)\b"
    r"|^.{0,60}\b(?:these|those)\b"
)


# labels of what an article examines rather than states: a fact check's "Claim:"
CHECKED = frozenset(
    [
        "claim",
        "the claim",
        "false claim",
        "viral claim",
        "myth",
        "rumour",
        "rumor",
        "what was claimed",
    ]
)
# a wire dateline: "ROME – ", "NEW YORK, Jan 27 – ", "SYDNEY, Feb. 4 (Reuters) - ",
# "WASHINGTON/SINGAPORE — ", "HANGZHOU, China, Dec. 1, 2025 /PRNewswire/ -- ",
# "July 14 (Reuters) - ", "Hong Kong (CNN) — ", "ULANQAB, Inner Mongolia - "
MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
DATELINE = re.compile(
    # "Hangzhou, November 19 —", "Hong Kong, China, 3 March —": a place in title case only
    # with its date, so "Acme, the maker, …" is no dateline
    r"^(?:[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?,\s+"
    rf"(?:(?:{MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH})\.?)(?:,?\s+\d{{4}})?"
    # (capitals with accents too: "SÃO PAULO/BRASÍLIA, Feb 9 (Meridian Wire) - ")
    r"|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ /-]{1,30}[A-ZÀ-ÖØ-Þ.]"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=,|\s+[–—-]))?"
    # (the date month first or day first: "AMSTERDAM, 7 May 2026 —")
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
    r"(?:\s+\([A-Z][\w ]{1,20}\)|\s+/[A-Z][\w ]{1,40}/)?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\([A-Z][\w ]{1,20}\)"
    r"|(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+)?\((?:CNN|AP|AFP|Reuters|Bloomberg|BBC|UPI)\))"
    r"\s+[–—-]{1,2}\s+"
)

# a live blog's time stamp: "5:05 pm ET: ", "14:30 GMT – ", "9am: "
TIMESTAMP = re.compile(
    r"^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?(?::|[–—-]{1,2})\s+"
    # … or a clock alone before the entry: "09:40 Chairman Lu takes the stage."
    r"|^\d{1,2}:\d{2}\s+(?=(?-i:[A-Z][a-z]))",  # (a capital as written: not "10:30 am")
    re.IGNORECASE,
)
# "X did not respond to a request for comment": no fact, in any article ("X, asked for
# comment, said …" is one)
NO_COMMENT = re.compile(
    r"\b(?:did not|didn['’]t|could not|couldn['’]t|declined|not (?:immediately )?available|"
    r"unavailable|unsuccessful|not immediately|no immediate)\b.{0,60}\b(?:comment|respond|reply)"
    r"|\bcould not be reached\b|\bfor comment were unsuccessful\b"
    # "Reuters could not independently verify the results": the newsroom, no news
    r"|\b(?:could not|couldn['’]t|was unable to|were unable to)\s+(?:independently\s+)?"
    r"(?:verify|confirm)\b|\bnot (?:been )?independently (?:verified|confirmed)\b",
    re.IGNORECASE,
)


# "Here is what is in the filing, and what to watch.", "Remember the database leak?": the
# writer turning to the reader, a signpost with no news of its own (unless it gives a figure)
TO_READER = re.compile(
    r"^(?:Here(?:['’]s| is| are)\b|Read on\b|Let['’]s\b|Let us\b|Stay tuned\b|Remember\b|"
    r"Recall\b|Keep an eye\b|Watch this space\b|Below,? (?:is|are|we)\b|What follows\b"
    # "Three patterns stand out in the tables.": a list announced, the list is the news
    r"|(?:Two|Three|Four|Five|Six|Several|A few|Some) (?:\w+ )?(?:patterns|things|takeaways|"
    r"points|lessons|questions|reasons|trends|themes|details) (?:stand out|emerge|matter|"
    r"are worth|to (?:know|watch|note)))"
)
# a live blog about itself, whatever model it names: "Our live coverage of the V4 launch has
# now ended.", "We'll have a full analysis …", "Refresh this page for updates."
# … or a summary's note on itself: "This summary is provided for information only and is not
# legal advice."
ABOUT_ITSELF = re.compile(
    r"^(?:Our (?:live )?(?:coverage|blog|reporters?|team)\b|We['’]ll (?:have|bring|be)\b|"
    r"Refresh\b|Welcome to\b|Follow (?:along|our)\b|"
    r"This (?:summary|explainer|article|story|piece|page|post|note|notice summary) (?:is|was|has "
    r"been) (?:provided|intended|written|based|updated|not)\b|"
    r".*\bis not (?:intended as |to be taken as )?(?:legal|financial|investment) advice\b)"
)


def in_own_voice(text: str) -> bool:
    """Whether the writer speaks as "I" or "we" outside quotations ("We measured 71.8%"), not
    as a newsroom reporting ("as we reported")."""
    if (close := QUOTE_CLOSED.match(text)) is not None:
        text = text[close.end() :]  # '… the rules apply to everyone," Setiawati said.': hers
    return FIRST_PERSON.search(NEWSROOM.sub("", QUOTED.sub("", text))) is not None


def undated(text: str) -> str:
    """The sentence without its wire dateline: "WASHINGTON, Feb 7 – Two lawmakers …" is the
    news, not the wire."""
    d = DATELINE.match(text)
    return text[d.end() :] if d and text[d.end() : d.end() + 1].isupper() else text


def unstamped(text: str) -> str:
    """The sentence without a live blog's time stamp: "5:05 pm ET: Huang said …" is the
    news, not the blog's clock."""
    t = TIMESTAMP.match(text)
    return text[t.end() :] if t and text[t.end() : t.end() + 1] in UPPER_OR_QUOTE else text


# "Sprout Relay, a team of three …": a name, then what it is
DESCRIBED_NAME = re.compile(r"[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3},\s+(?:a|an|the)\s")


def point_text(
    sentence: str, bullet: bool = False, spoken: bool = False
) -> tuple[str, bool] | None:
    """The sentence as a point (leading "Label: ", connective, stray quote marks and a trailing
    "(see ...)" trimmed), and whether it is a fragment of a quotation; None when it is not a
    usable point (question, heading, verbless phrase, too short or too long, or a labelled note
    whose label is its subject: "DeepSeek: Achieved ..."). `spoken`: a transcript speaker's
    words, whose "I" is the speaker's, not the writer's."""
    text = unstamped(undated(sentence.strip()))
    if NO_COMMENT.search(text):
        return None
    if (TO_READER.match(text) and not DIGIT.search(text)) or ABOUT_ITSELF.match(text):
        return None
    m = LABEL.match(text)
    if m and VERBISH.match(text[m.end() :]):
        return None  # "Label: Expect ..." — the label is the subject; without it, no subject
    if m and (m.group(1) or "").lower() in CHECKED:
        return None  # "Claim: DeepSeek built R1 for $6 million.": what a fact check refutes
    # "Grand prize (300,000 yuan): Sprout Relay, a team of three medical students …": a label
    # with a figure, before a name and its description, is what the line says of them: kept
    if m and not (DIGIT.search(m.group(0)) and DESCRIBED_NAME.match(text[m.end() :])):
        text = text[m.end() :]
    c = CONNECTIVE.match(text)
    if c and text[c.end() : c.end() + 1].isupper():
        text = text[c.end() :]
    see = SEE_ALSO.search(text)
    if see:
        text = text[: see.start()].rstrip()
    opens, closes = text.count("“"), text.count("”")
    fragment = opens != closes or text.count('"') % 2 == 1
    if text.startswith("“") and opens > closes:
        text = text[1:]
    elif text.endswith("”") and closes > opens:
        text = text[:-1]
    elif text.count('"') % 2 and text[0] == '"':
        text = text[1:]
    if not (MIN_CHARS <= len(text) <= MAX_CHARS) or len(text.split()) < MIN_WORDS:
        return None
    if not (fragment or spoken) and in_own_voice(text):
        return None  # the writer's own voice ("In my view, …"): a column's opinion, no report
    # a bullet may be a statement without its stop ("• Nvidia shares fall 3.8%"), unless it
    # is a labelled fact ("- Training chips: Nvidia, …": fact_line's, label and all)
    stated = bullet and m is None and not text.endswith(":") and has_finite_verb(text)
    if text.endswith("?") or not (ENDS.search(text) or see or stated):
        return None
    if not (text[0].isupper() or text[0].isdigit() or text[0] in '$“"‘['):
        return None
    if not has_finite_verb(text):
        return None  # a heading or a bullet-list noun phrase: "Scrutiny on the veracity of ..."
    return text, fragment


def quality(text: str, fragment: bool, row: bool = False) -> float:
    """Fact density: figures, dates, names, attribution and reported events up; generic
    commentary, pronouns, hedges, fragments, verbless noun phrases and context-dependent
    openers down. `row`: a name's row in a table of figures ("DeepSeek: 8.4/10 overall"),
    verbless as a table is."""
    figures = (
        max(len(find_figures(text)), len(MAGNITUDE.findall(text)))
        if DIGIT.search(text) or " times " in text
        else 0
    )
    figures = max(figures, 1) if row else figures  # "8.4/10": a score, if no money or share
    dates = len(DATE.findall(text))
    # "[Ingrid Solberg:] My complaint is about how it gets used.": whose words they are is
    # known (attributed), but her name is no fact the words give
    voiced = VOICED.match(text)
    body = text[voiced.end() :] if voiced else text
    # (the words' first name counts: "[Tang Yuhe:] Songling is a water problem", not "Our …")
    names = [
        n
        for n in CAPWORD.findall(text, voiced.end() if voiced else 0)
        if n.rstrip("’'s") not in COMMON_NAMES and n.lower() not in STOPWORDS
    ]
    attributed = ATTRIBUTION.search(body) is not None
    q = 1.0 + 0.6 * min(figures, 3) + 0.3 * min(dates, 2) + 0.07 * min(len(names), 8)
    q += 0.35 if attributed else 0.15 if voiced else 0.0
    q += 0.25 if reports_event(text) else 0.0
    if not (figures or dates or attributed or names):
        q *= 0.6  # commentary: no figure, date, source or named actor
    if PRONOUN.search(text) and not (VOICED.match(text) and not SECOND_PERSON.search(text)):
        q *= 0.55  # "we", "you": whose? ("[Acme Securities:] We estimate …" says whose)
    q *= 0.85 ** min(len(HEDGE.findall(text)), 3)
    if fragment:
        q *= 0.5
    if not (row or has_finite_verb(text)):
        q *= 0.3  # a heading or bullet-list noun phrase, not a statement
    if dependent(text):
        q *= 0.35  # "However, it ...", "This is ...": a self-contained sentence should win
    elif DANGLING.search(text):
        q *= 0.7
    if len(text) > 200:
        q *= (200 / len(text)) ** 0.5
    return q


@dataclass(eq=False)
class Candidate:
    """One point: its text and every article that states it (exact text, modulo quotes/spaces)."""

    text: str
    sources: list[str]
    rank: tuple[int, int]  # (article order, sentence position) of the first occurrence
    score: float = 0.0
    figures: frozenset[str] = frozenset()
    bottom: float = 0.0  # score as a bottom line
    _tokens: frozenset[str] | None = field(default=None, repr=False)
    _weight: float | None = field(default=None, repr=False)

    def weight(self, idf: Mapping[str, float], rare: float) -> float:
        """Summed rarity of the candidate's words (cached: idf is fixed for a build)."""
        if self._weight is None:
            self._weight = sum(idf.get(t, rare) for t in self.tokens)
        return self._weight

    @property
    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = content_tokens(self.text)
        return self._tokens


def similarity(
    a: Candidate, b: Candidate, idf: Mapping[str, float] | None = None, rare: float = 1.0
) -> float:
    """Word overlap (weighted by rarity when idf is given; unknown words weigh `rare`), raised
    when both state the same figure."""
    if idf is None:
        sim = jaccard(a.tokens, b.tokens)
    else:
        inter = sum(idf.get(t, rare) for t in a.tokens & b.tokens)
        union = a.weight(idf, rare) + b.weight(idf, rare) - inter
        sim = inter / union if union > 0 else 0.0
    if a.figures & b.figures:
        sim = min(1.0, sim + 0.3)
    return sim


WORDS = re.compile(r"\S+")


def common_clause(a: str, b: str, min_words: int = 8) -> str | None:
    """The longest run of words `a` and `b` share (quotes/spaces normalised), as it appears in `a`;
    None if shorter than min_words. Used to cite two articles that word a fact the same way."""
    wa = list(WORDS.finditer(a))
    ta = [normalise(m.group()).rstrip(".,;:") for m in wa]
    tb = [normalise(m.group()).rstrip(".,;:") for m in WORDS.finditer(b)]
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    match = matcher.find_longest_match(0, len(ta), 0, len(tb))
    if match.size < min_words:
        return None
    clause = a[wa[match.a].start() : wa[match.a + match.size - 1].end()].rstrip(".,;:—–- ")
    return clause if normalise(clause) in normalise(b) else None


DUPLICATE = 0.5  # plain word overlap
DUPLICATE_WEIGHTED = 0.25  # rarity-weighted overlap: sharing the rare words is what counts
LAMBDA = 0.7
POOL = 60


def mmr(
    candidates: Sequence[Candidate],
    max_points: int,
    budget: int,
    fixed: Sequence[Candidate] = (),
    order: Sequence[str] = (),
    idf: Mapping[str, float] | None = None,
    rare: float = 10.0,
    floor: float = 0.0,
    min_points: int = 0,
) -> list[Candidate]:
    """Pick up to max_points candidates, relevant but not redundant (Maximal Marginal Relevance),
    within a character budget. Near-duplicates of a chosen point are merged into it when the two
    share a long enough clause; otherwise they are dropped. Candidates scoring under `floor` times
    the best score are only taken while fewer than min_points are chosen: a short brief beats one
    padded with weak points."""
    pool = sorted(candidates, key=lambda c: (-c.score, c.rank))[:POOL]
    if not pool:
        return []
    top = pool[0].score or 1.0
    weak = floor * top
    rank = {a: i for i, a in enumerate(order)}
    chosen: list[Candidate] = []
    out: set[int] = set()
    used = 0
    while len(chosen) < max_points:
        best: tuple[float, tuple[int, int], int] | None = None
        for i, c in enumerate(pool):
            if i in out:
                continue
            sims = [(similarity(c, s, idf, rare), s) for s in (*fixed, *chosen)]
            sim, near = max(sims, key=lambda x: x[0], default=(0.0, None))
            if sim >= (DUPLICATE if idf is None else DUPLICATE_WEIGHTED):
                out.add(i)
                if near is not None and near in chosen:
                    _merge(near, c, rank)
                continue
            value = c.score / top - LAMBDA * sim
            if best is None or (-value, c.rank) < (-best[0], best[1]):
                best = (value, c.rank, i)
        if best is None:
            break
        c = pool[best[2]]
        out.add(best[2])
        if used + len(c.text) > budget or (c.score < weak and len(chosen) >= min_points):
            continue
        chosen.append(c)
        used += len(c.text)
    return chosen


def _merge(kept: Candidate, dup: Candidate, rank: dict[str, int]) -> None:
    """Cite dup's articles on kept when both state the same clause (kept's text becomes that clause)."""
    new = [a for a in dup.sources if a not in kept.sources]
    if not new:
        return
    clause = common_clause(kept.text, dup.text)
    if clause is None or not (clause[0].isupper() and len(clause) >= 0.6 * len(kept.text)):
        return
    kept.text = clause
    kept._tokens = None
    kept._weight = None
    kept.sources = sorted({*kept.sources, *new}, key=lambda a: rank.get(a, 0))
