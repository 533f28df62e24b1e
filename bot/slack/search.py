"""Find the topic (or article) a user means: exact names, BM25 over the briefs, difflib for typos.

    index = topic_index(library)           # built once per Library (cached)
    result = index.search("how did they train it so cheaply")
    result.best, result.confident, result.corrections

Pure: no I/O. A topic document is its id, title, aliases (weighted 3), keywords and
description (2), and the brief's own sentences (1). Query words that are not in the
vocabulary are replaced by their closest vocabulary word ("distilation" -> "distillation").
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.builder.text import STOPWORDS as ENGLISH_STOPWORDS
from bot.library import Library

_WORD = re.compile(r"[a-z0-9]+(?:[.'’&-][a-z0-9]+)*")  # "r1-0528", "v3.1", "r&d"
# English function words (shared with the builder) plus what people wrap a question in.
# the coverage's own subject: in nearly every sentence, so no search word, but a question
# that names it asks about it (bot.slack.answer)
SUBJECT = re.compile(r"\bdeepseek", re.I)
STOPWORDS = ENGLISH_STOPWORDS | {
    "brief",
    "deepseek",
    "deepseek's",
    "give",
    "please",
    "show",
    "tell",
    "us",
    "vs",
    "versus",
}
# Question words that point at a topic's vocabulary rather than appearing in it.
OUTAGE = ("down", "restored", "disruption", "incident", "downtime", "degraded", "breakdown",
          "unavailable")  # fmt: skip
EXPAND = {
    "why": ("because", "reason", "reasons", "attributed", "due", "blamed"),
    "founded": ("founder", "established"),
    # who owns it: who controls it, holds a stake, backs it
    "owns": ("controlled", "control", "stake", "shareholder", "backed", "founder"),
    "owner": ("controlled", "control", "stake", "shareholder", "backed", "founder"),
    "owners": ("controlled", "control", "stake", "shareholders", "backed", "founder"),
    "founder": ("founded",),
    "cheaply": ("cost",),
    "cheap": ("cost",),
    # cheaper than before: a price cut, lowered or slashed
    "cheaper": ("cut", "lower", "slash"),
    "drop": ("cut", "lower", "reduce", "slash"),
    "dropped": ("cut", "lowered", "reduced", "slashed"),
    "expensive": ("cost",),
    "price": ("cost", "pay", "token"),
    "prices": ("cost", "pay", "token"),
    "api": ("token", "price", "pay"),
    "spend": ("cost", "expenditure", "capex", "budget"),
    "spending": ("cost", "expenditure", "capex", "budget"),
    "much": ("cost",),
    # a deal is written as the agreement or contract it is; its value as what it is worth
    "deal": ("agreement", "contract", "partnership"),
    "deals": ("agreements", "contracts", "partnerships"),
    "value": ("worth", "valued"),
    "worth": ("value", "valued"),
    "copy": ("distillation",),
    "copied": ("distillation",),
    "stole": ("distillation",),
    "steal": ("distillation",),
    "gpu": ("chip",),
    "car": ("vehicle",),
    "cars": ("vehicles",),
    "vehicle": ("car",),
    "vehicles": ("cars",),
    "nvidia": ("chip",),
    "stock": ("market",),
    "safe": ("security",),
    "changed": ("new", "improved", "up", "down", "added", "fallen", "fell", "reduced"),
    "change": ("new", "improved", "up", "down", "added", "fallen", "fell", "reduced"),
    "changing": ("new", "improved", "up", "down", "added", "fallen", "fell", "reduced"),
    "changes": ("new", "improved", "up", "down", "added", "fallen", "fell", "reduced"),
    # is it real: genuine or authentic, as an official confirms it
    "real": ("genuine", "authentic", "authenticity"),
    "fake": ("genuine", "authentic", "authenticity", "forged"),
    # who testified: the witnesses a hearing heard, what they told the committee
    "testified": ("witness", "witnesses", "hearing", "committee", "told"),
    "testify": ("witness", "witnesses", "hearing", "committee", "told"),
    "testimony": ("witness", "witnesses", "hearing", "committee", "told"),
    # who won: the winner, the prize
    "won": ("winner", "winners", "winning", "prize"),
    "win": ("winner", "winners", "winning", "prize"),
    "better": ("improved", "up", "higher"),
    # a price raised, or money raised
    "raise": ("increase", "rise", "hike", "higher", "funding", "financing", "investors"),
    "raised": ("increased", "rose", "hiked", "higher", "funding", "financing", "investors"),
    "raising": ("funding", "financing", "investors", "round"),
    # a paid plan: a subscription, its subscribers, a premium tier
    "paid": ("subscription", "subscribers", "premium"),
    "fundraise": ("funding", "financing", "raised", "investors"),
    "fundraising": ("funding", "financing", "raised", "investors"),
    "increase": ("raise", "rise", "hike", "higher"),
    "hike": ("raise", "increase", "rise", "higher"),
    "good": ("performance", "benchmark", "score"),
    "improved": ("up", "higher", "better"),
    "banned": ("ban", "block", "prohibited", "prohibition", "barred"),
    "ban": ("banned", "block", "prohibited", "prohibition", "barred"),
    "bans": ("ban", "block", "prohibited", "prohibition", "barred"),
    # a suspension is written as an order to stop, halt or pause, or to switch off
    "suspend": ("stop", "halt", "pause", "suspension", "switched"),
    "suspended": ("stopped", "halted", "paused", "suspension", "switched"),
    "suspension": ("stop", "halt", "pause", "suspended", "switched"),
    "overvalued": ("valuation", "valued", "worth"),
    "comply": ("complied", "compliance"),
    # what one side agreed to: its commitments, the conditions and terms ("agreed" stems apart)
    "agree": ("agreed", "commitments", "conditions", "terms"),
    "agreed": ("agree", "commitments", "conditions", "terms"),
    "daily": ("day",),
    "ads": ("advertising", "advertisements", "adverts"),
    "advertising": ("ads", "adverts"),
    "specs": ("parameters", "context", "window", "license"),
    "specifications": ("parameters", "context", "window", "license"),
    "speedup": ("faster", "speed"),
    "speed": ("faster", "latency", "second"),
    "fast": ("speed", "latency", "second", "throughput"),
    "faster": ("speedup", "speed"),
    "undervalued": ("valuation", "valued", "worth"),
    "valuation": ("valued", "worth"),
    "buy": ("sale", "purchase", "sold"),
    "charge": ("price", "cost"),
    "charges": ("price", "cost"),
    "fee": ("price", "cost"),
    "fees": ("price", "cost"),
    "pricing": ("price", "cost", "token"),
    # a cut is a price halved, reduced or lowered
    "cut": ("halve", "reduction", "reduce", "lower"),
    "cuts": ("halve", "reduction", "reduce", "lower"),
    # a company's quarter: "q2 earnings" is its second-quarter results, revenue and profit
    "earnings": ("results", "revenue", "profit", "quarter"),
    "q1": ("quarter", "first"),
    "q2": ("quarter", "second"),
    "q3": ("quarter", "third"),
    "q4": ("quarter", "fourth"),
    "people": ("users", "employees", "staff", "headcount", "engineers", "workers"),
    "employees": ("staff", "headcount"),
    "staff": ("employees", "headcount"),
    "headcount": ("employees", "staff"),
    "use": ("users",),
    "down": ("outage", "restored", "disruption"),
    "offline": ("outage", "restored", "disruption"),
    "outage": OUTAGE,
    "outages": OUTAGE,
    "downtime": ("outage", "down", "restored", "disruption", "incident"),
    # job titles by their initials: "who is the new cfo"
    "ceo": ("executive",),
    # the people at the top: chiefs, officers, heads, vice presidents
    "executive": ("chief", "officer", "head", "president"),
    "executives": ("chief", "officer", "head", "president"),
    "cfo": ("financial", "finance"),
    "cto": ("technology", "technical"),
    "coo": ("operating", "operations"),
    "ciso": ("security",),
    "cso": ("security",),
    "sue": ("sued", "suit", "lawsuit"),
    "sued": ("sue", "suit", "lawsuit"),
    "suing": ("sue", "sued", "suit", "lawsuit"),
    # … or a complaint or a collective action, filed in a court
    "lawsuit": ("sue", "sued", "suit", "complaint", "court", "filed"),
    "lawsuits": ("sue", "sued", "suit", "complaint", "court", "filed"),
    # what a court or regulator decided: its ruling or order, a motion denied or granted
    "decide": ("ruled", "ruling", "decision", "denied", "granted", "ordered"),
    "decided": ("ruled", "ruling", "decision", "denied", "granted", "ordered"),
    "decision": ("ruled", "ruling", "denied", "granted", "ordered"),
    # the lawyers: counsel, attorneys, the firm that represents a side
    "lawyer": ("counsel", "attorney", "represents", "llp"),
    "lawyers": ("counsel", "attorneys", "represents", "llp"),
    # an export blacklist is the Entity List: a company added to it, listed
    "blacklist": ("entity", "listed"),
    "blacklisted": ("entity", "listed"),
    "blacklisting": ("entity", "listed"),
    # a launch: a model unveiled, released, debuted
    "launch": ("unveil", "unveiled", "release", "released", "debut"),
    "launched": ("unveil", "unveiled", "release", "released", "debut"),
    # a leak: data exposed, reachable, a breach
    "leak": ("exposed", "exposure", "breach", "reachable", "accessible"),
    "leaked": ("exposed", "exposure", "breach", "reachable", "accessible"),
    "documents": ("files",),
    # a fine is a penalty (surcharge), a sanction
    "fine": ("fined", "penalty", "surcharge", "sanction"),
    "fined": ("fine", "penalty", "surcharge", "sanction"),
    "fines": ("fine", "fined", "penalty", "surcharge", "sanction"),
    "penalty": ("fine", "fined", "surcharge"),
    # leaving a job
    "left": ("departure", "departed", "joined", "quit", "resigned", "exit", "leaving"),
    "leave": ("left", "departure", "departed", "joined", "quit", "resigned", "exit"),
    "quit": ("left", "leaves", "leaving", "departure", "resigned", "resignation", "exit"),
    "quits": ("left", "leaves", "leaving", "departure", "resigned", "resignation", "exit"),
    "resign": ("resigned", "resignation", "left", "leaves", "departure", "stepped"),
    "resigned": ("resign", "resignation", "left", "leaves", "departure", "stepped"),
    "big": ("parameters", "size"),
    "size": ("parameters",),
    "invest": ("investor", "investment", "funding", "stake"),
    "invested": ("investor", "investment", "funding", "stake"),
    "investing": ("investor", "investment", "funding", "stake"),
    "investors": ("invest", "investment", "funding", "stake"),
    "bankroll": ("funding", "investors", "financing", "backed"),
    "bankrolling": ("funding", "investors", "financing", "backed"),
    "funding": ("investor", "investment", "funded", "raise", "financing"),
    "financing": ("funding", "investor", "investment", "raised"),
    "funded": ("funding", "investor", "investment"),
    # who regulates: an authority, a watchdog, a commission, an office of the state
    "regulator": ("regulatory", "authority", "watchdog", "commission", "office"),
    "regulators": ("regulatory", "authority", "watchdog", "commission", "office"),
    # money back: a refund is a credit, compensation
    "refund": ("credit", "compensation", "compensate", "reimburse"),
    "refunded": ("credit", "compensation", "compensate", "reimbursed"),
    "refunds": ("credit", "compensation", "compensate", "reimburse"),
    "compensated": ("credit", "compensation", "refund"),
    "compensate": ("credit", "compensation", "refund"),
    # found out: who discovered it found, uncovered or spotted it
    "discovered": ("found", "uncovered", "spotted", "identified"),
    "discover": ("found", "uncovered", "spotted", "identified"),
    "broken": ("outage", "down", "disruption", "failure", "failed", "unavailable"),
    # coming into service: a site starts operating, goes online
    "start": ("begin", "operating", "online", "operational"),
    "starts": ("begin", "operating", "online", "operational"),
    "running": ("operating", "online", "operational"),
    "login": ("password", "passwords", "credentials", "account"),
    "logins": ("password", "passwords", "credentials", "account"),
    "writer": ("author",),
    "writers": ("authors",),
    "book": ("work", "title"),
    "books": ("works", "titles"),
    "rankings": ("leaderboard", "ranked"),
    "ranking": ("leaderboard", "ranked"),
    # who supplies it: its supplier, whom it buys from, under an agreement
    "supplies": ("supplier", "suppliers", "purchase", "buy"),
    "supply": ("supplier", "suppliers", "purchase", "buy"),
    "supplier": ("supplies", "purchase", "buy"),
    "terms": ("agreement", "contract", "conditions"),
    # an investigation is a probe, an inquiry, formal proceedings
    "investigation": ("inquiry", "probe", "proceedings"),
    "investigations": ("inquiries", "probes", "proceedings"),
    "inquiry": ("investigation", "probe", "proceedings"),
    "probe": ("investigation", "inquiry", "proceedings"),
}
K1, B = 1.2, 0.75


# letters no accent-stripping takes apart: "Kjærgaard" is found as "kjaergaard"
FOLDED = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})


def normalise(text: str) -> str:
    """Lower case, without accents: "Vértice" is found as typed, "vertice"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(FOLDED)
    return "".join(ch if ch.isprintable() else " " for ch in text)


# British spellings as American, so that "centre" finds "center" and "licence" "license":
# (pattern, replacement) on the whole word, before its suffix is stripped
SPELLINGS = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"(?<=\w\w)is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),  # organise, optimisation
        (r"(?<=\w)ys(e|ed|es|ing)$", r"yz\1"),  # analyse
        (r"(?<=\w\w\w)our(s|ed|ing|ite|ites|able|ful|ism|ist)?$", r"or\1"),  # colour, not four
        (r"(?<=\w\w)([tb])re(s|d)?$", r"\1er\2"),  # centre, metre, fibre
        (r"^(lic|def|off|pret)ence(s)?$", r"\1ense\2"),  # licence, defence
        (r"(?<=\w\w)ogue(s)?$", r"og\1"),  # catalogue
        (r"^programme(s)?$", r"program\1"),
    )
)


# words whose final "e" tells them from another word: a benchmark suite is no lawsuit, a
# plane no plan
KEEP_E = frozenset(["suite", "plane"])
NOT_ADVERB = frozenset("abiop")  # the letter before a final "ly" that ends no adjective


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light suffix stripper: change, changes, changed and changing are all "chang"; a
    British spelling is stemmed as the American one ("centres" as "centers")."""
    word = word.replace("’", "'")
    for pattern, repl in SPELLINGS:
        word, n = pattern.subn(repl, word)
        if n:
            break
    if word.endswith("'s"):
        word = word[:-2]
    if (one := word[:-1] if word.endswith("s") else word) in KEEP_E:
        return one  # "suites": a suite
    for suffix, repl, min_len in (
        ("ies", "y", 5),
        ("ied", "y", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("ly", "", 5),
        ("es", "", 5),
        ("s", "", 4),
    ):
        if suffix == "ly" and word[-3:-2] in NOT_ADVERB:
            continue  # comply, supply, Italy, family, anomaly, monopoly: no adverb
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith("ss"):
            word = word[: -len(suffix)] + repl
            if (
                suffix in ("ed", "ing")
                and len(word) > 3
                and word[-1] == word[-2]
                and word[-1] not in "lsz"
            ):
                word = word[:-1]  # banned → ban, stopped → stop
            break
    if len(word) >= 4 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


# endings that make one word of another: react → reaction, cheap → cheaper, cheaply; invest → investment, investor; safe → safety; secure → security; regulate →
# regulator, regulatory, regulation. Longest first; "ion" only after t or s (not "region").
DERIVED = ("ment", "ory", "ety", "ity", "ion", "er", "or", "ly")  # not "est": invest, latest
MIN_ROOT = 3


@lru_cache(maxsize=100_000)
def root(term: str) -> str:
    """The word a stemmed word is derived from, as stemmed: "reaction" → "react",
    "cheaper" and "cheaply" → "cheap", "safety" → "saf" (as "safe"). Words of one root are
    one family; a question word also finds the others (`family`)."""
    for end in DERIVED:
        if not term.endswith(end) or not term[: -len(end)].isalpha():
            continue
        base = term[: -len(end)]
        if end == "ion" and base[-1:] not in ("t", "s"):
            continue
        if end == "ly" and not (base.endswith("p") and base[-2:-1] in "aeiou"):
            continue  # the stemmer took other adverbs' "ly"; "cheaply", not "apply"
        if end == "ety":
            base += "e"
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
            base = base[:-1]  # bigger → big
        if len(base) >= 4 and base.endswith("e") and not base.endswith("ee"):
            base = base[:-1]
        return base if len(base) >= MIN_ROOT else term
    return term


def family(vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The vocabulary's words by their root ("react": reaction, reactions' "reaction")."""
    by_root: dict[str, list[str]] = {}
    for term in vocabulary:
        if term.isalpha():
            by_root.setdefault(root(term), []).append(term)
    return {r: tuple(sorted(terms)) for r, terms in by_root.items()}


def relatives(word: str, families: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words of a word's family other than itself: "react" → ("reaction",)."""
    return tuple(t for t in families.get(root(word), ()) if t != word)


def expansions(query: str) -> list[str]:
    """Stemmed words a question's wording points at ("founded" → founder, established)."""
    return [e for alts in alternatives(query).values() for e in alts]


def alternatives(query: str) -> dict[str, tuple[str, ...]]:
    """Each query word (stemmed) with the stemmed words it points at: founded → founder."""
    return {
        stem(w): tuple(stem(e) for e in EXPAND[w])
        for w in _WORD.findall(normalise(query))
        if w in EXPAND
    }


def covers(word: str, bag: Container[str], alts: dict[str, tuple[str, ...]]) -> bool:
    """Whether a document holds a query word, or a word the query word points at."""
    return word in bag or any(a in bag for a in alts.get(word, ()))


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    words = _WORD.findall(normalise(text))
    return [stem(w) for w in words if keep_stopwords or w not in STOPWORDS]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float


@dataclass(frozen=True)
class Result:
    hits: tuple[Hit, ...]  # best first; only ids with a score > 0
    confident: bool  # the best hit is a good answer
    exact: bool = False  # the query named the topic (id, title or alias)
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, used)
    closest: tuple[str, ...] = ()  # ids to offer when not confident

    @property
    def best(self) -> str | None:
        return self.hits[0].id if self.hits else None


@dataclass
class BM25Index:
    """BM25 (Robertson/Sparck Jones; k1=1.2, b=0.75) over weighted token bags."""

    ids: list[str]
    names: dict[str, list[str]]  # id -> exact names (id, title, aliases), normalised
    docs: list[Counter[str]] = field(default_factory=list)
    idf: dict[str, float] = field(default_factory=dict)
    avgdl: float = 1.0

    @classmethod
    def build(
        cls, docs: Sequence[tuple[str, Sequence[tuple[str, int]], Sequence[str]]]
    ) -> BM25Index:
        """docs: (id, [(text, weight), ...], [exact names])."""
        index = cls(
            [d[0] for d in docs], {d[0]: [normalise(n).strip() for n in d[2]] for d in docs}
        )
        df: Counter[str] = Counter()
        for _, fields, _names in docs:
            bag: Counter[str] = Counter()
            for text, weight in fields:
                for tok in tokens(text):
                    bag[tok] += weight
            index.docs.append(bag)
            df.update(bag.keys())
        n = len(docs) or 1
        index.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        index.avgdl = sum(sum(d.values()) for d in index.docs) / n or 1.0
        return index

    @property
    def vocabulary(self) -> list[str]:
        return sorted(self.idf)

    def scores(self, query: Iterable[str]) -> list[float]:
        out = []
        q = list(query)
        for bag in self.docs:
            dl = sum(bag.values())
            s = 0.0
            for tok in q:
                tf = bag.get(tok, 0)
                if tf:
                    s += self.idf[tok] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / self.avgdl))
            out.append(s)
        return out

    def correct(self, words: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """Misspelt words replaced by the vocabulary word one edit away (two for long words):
        "distilation" → "distillation". A word two edits from another ("weather", "whether")
        is more likely a different word than a typo, so it is left alone."""
        vocab = self.vocabulary
        fixed, corrections = [], []
        for w in words:
            if w in self.idf or len(w) < 5 or w.isdigit():
                fixed.append(w)
                continue
            allowed = 1 if len(w) < 9 else 2
            match = [
                m
                for m in difflib.get_close_matches(w, vocab, n=3, cutoff=0.8)
                if edit_distance(w, m) <= allowed
            ][:1]
            if match:
                fixed.append(match[0])
                corrections.append((w, match[0]))
            else:
                fixed.append(w)
        return fixed, corrections

    def search(self, query: str, *, min_score: float = 1.0, min_coverage: float = 0.34) -> Result:
        q = " ".join(_WORD.findall(normalise(query)))
        for doc_id, names in self.names.items():
            if q and q in names:
                return Result((Hit(doc_id, math.inf),), True, exact=True)
        words = tokens(query)
        words, corrections = self.correct(words)
        expanded = words + expansions(query)
        scores = self.scores(expanded)
        ranked = sorted(
            (Hit(i, s) for i, s in zip(self.ids, scores, strict=True) if s > 0),
            key=lambda h: -h.score,
        )
        confident = False
        if ranked and words:
            bag = self.docs[self.ids.index(ranked[0].id)]
            alts = alternatives(query)
            covered = sum(1 for w in words if covers(w, bag, alts)) / len(words)
            confident = ranked[0].score >= min_score and covered >= min_coverage
        if not confident and q:
            fuzzy = self._fuzzy_name(q)
            if fuzzy:
                return Result((Hit(fuzzy, math.inf), *ranked), True, True, tuple(corrections))
        closest = tuple(h.id for h in ranked[:3]) or self._closest_names(q)
        return Result(tuple(ranked), confident, False, tuple(corrections), closest)

    def _fuzzy_name(self, q: str) -> str | None:
        best, best_ratio = None, 0.0
        for doc_id, names in self.names.items():
            for name in names:
                r = difflib.SequenceMatcher(None, q, name).ratio()
                if r > best_ratio:
                    best, best_ratio = doc_id, r
        return best if best_ratio >= 0.82 else None

    def _closest_names(self, q: str, n: int = 3) -> tuple[str, ...]:
        def ratio(doc_id: str) -> float:
            return max(
                (difflib.SequenceMatcher(None, q, name).ratio() for name in self.names[doc_id]),
                default=0.0,
            )

        return tuple(sorted(self.ids, key=lambda i: -ratio(i))[:n])


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count as one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


QUESTION = frozenset(
    [
        "how",
        "what",
        "why",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "which",
        "did",
        "does",
        "do",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "should",
        "will",
        "would",
        "has",
        "have",
    ]
)


def is_question(query: str) -> bool:
    """A question ("how did they train it so cheaply?") rather than a subject ("training")."""
    words = _WORD.findall(normalise(query))
    return query.strip().endswith("?") or bool(words and words[0] in QUESTION)


@lru_cache(maxsize=512)
def names_topic(library: Library, query: str, topic_id: str | None) -> bool:
    """Whether every word of the query belongs to the topic's own names: its id, title and
    aliases ("training cost", "chips", "export controls"). Then the brief is the answer. A
    narrower question, even in the topic's keywords ("wiz database leak", "cisco jailbreak
    test", "what did altman say"), is answered from the points."""
    topic = library.topic(topic_id) if topic_id else None
    if topic is None or is_question(query):
        return False
    words = tokens(query)
    if not words:
        return False
    vocab = {
        w
        for text in (topic.id.replace("-", " "), topic.title, *topic.aliases)
        for w in tokens(text)
    }
    fixed, _ = topic_index(library).correct(words)
    return all(w in vocab for w in fixed)


@lru_cache(maxsize=4)
def topic_index(library: Library) -> BM25Index:
    docs = []
    for topic in library.topics:
        brief = library.get_brief(topic.id)
        fields: list[tuple[str, int]] = [
            (topic.id.replace("-", " "), 3),
            (topic.title, 3),
            (" ".join(topic.aliases), 3),
            (" ".join(topic.keywords), 2),
            (topic.description, 2),
        ]
        if brief is not None:
            fields.append((brief.plain_text, 1))
        docs.append((topic.id, fields, [topic.id, topic.title, *topic.aliases]))
    return BM25Index.build(docs)


@lru_cache(maxsize=4)
def article_index(library: Library) -> BM25Index:
    docs = []
    for a in library.articles:
        fields: list[tuple[str, int]] = [
            (a.title, 3),
            (a.publisher or "", 2),
            (a.summary, 1),
            (" ".join(a.topics).replace("-", " "), 1),
        ]
        docs.append((a.id, fields, [a.id, a.title]))
    return BM25Index.build(docs)


@lru_cache(maxsize=512)
def find_topic(library: Library, query: str) -> Result:
    return topic_index(library).search(query)


@lru_cache(maxsize=512)
def find_article(library: Library, query: str) -> Result:
    return article_index(library).search(query, min_score=0.5)


def warm(library: Library) -> None:
    """Build the indexes ahead of the first request (LibraryHolder on_load hook)."""
    topic_index(library)
    article_index(library)
