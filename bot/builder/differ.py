"""Figures and disagreements: find money, multiples, percentages, chip models and chip counts in a
sentence, decide what each measures (from cue words next to it) and which model it is about, then
line up differing values for the same measure across articles.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.builder.names import MONTHS

SUBJECT = "DeepSeek"  # the company the corpus is about; its models are the subject of figures

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "fifty": 50, "hundred": 100,
}  # fmt: skip
UNITS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
QUAL = r"(?:(?:less than|fewer than|no more than|more than|at least|over|under|about|around|approximately|roughly|nearly|almost|just|only|up to|some|a reported)\s+|~)"
NUM = r"\d(?:[\d,]*\d)?(?:\.\d+)?"  # "294,000", never its trailing comma
MONEY = re.compile(
    rf"(?P<q>{QUAL})?(?P<cur>US\$|\$|USD ?|€|£)(?P<n>{NUM})"
    rf"(?:\s?(?:-|–|to)\s?(?:US\$|\$|USD ?)?(?P<n2>{NUM}))?"
    r"(?:(?P<tens>s of )(?P<units>millions|billions)\b"  # "$10s of millions": tens of millions
    r"|\s?(?P<unit>trillion|billion|million|thousand|tn|bn|mn|[mbkMBK])\b)?",
    re.IGNORECASE,
)
# "5.6 million dollars", "6 million US dollars": the currency after the number
MONEY_WORDS = re.compile(
    rf"(?P<q>{QUAL})?(?<![\w$.,])(?P<n>{NUM})\s?(?P<unit>trillion|billion|million|thousand)?"
    r"\s+(?:US\s+|U\.S\.\s+)?dollars\b",
    re.IGNORECASE,
)
CURRENCY_END = re.compile(r"(?:US\$|\$|USD ?)$")
CHANGE_START = re.compile(r"\bfrom\s+$", re.IGNORECASE)  # "from $2.19 to $1.68" is a change
WORDNUM = "|".join(NUMBER_WORDS)
MULTIPLE = re.compile(
    rf"(?P<q>{QUAL})?\b(?P<n>\d+(?:\.\d+)?|{WORDNUM})(?:\s?(?:to|-|–)\s?(?P<n2>\d+(?:\.\d+)?))?"
    r"(?:\s?(?:times|fold)\b|x\b)",
    re.IGNORECASE,
)
PERCENT = re.compile(
    rf"(?P<q>{QUAL})?\b(?P<n>\d+(?:\.\d+)?)(?:\s?(?:to|-|–)\s?(?P<n2>\d+(?:\.\d+)?))?\s?(?:%|percent\b|per cent\b)",
    re.IGNORECASE,
)
CHIP = re.compile(r"\b(?P<name>[A-Z]\d{2,4})s?\b")
CHIP_CONTEXT = re.compile(r"\bchips?\b|\bGPUs?\b|\bNvidia\b|\bprocessors?\b", re.IGNORECASE)
COUNT = re.compile(
    rf"(?<![\w.$,-])(?P<q>{QUAL})?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|tens of thousands|thousands|hundreds)\s+(?:of\s+)?"
    r"(?:[A-Za-z0-9-]+\s+){0,3}?(?:chips|GPUs|processors|accelerators)\b",
)
# a name right before a number makes it part of the name ("Ascend 950 chips"), unless the
# name opens the sentence or is a month ("In 2021, …", "On May 20 …" are not product names)
PRODUCT_BEFORE = re.compile(
    r"(?<=\S\s)(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
    r"[A-Z][A-Za-z]+\s$"
)
MULTIPLE_X = re.compile(r"\dx\b")
COUNT_HINT = re.compile(r"chips|GPUs|processors|accelerators")
MODEL = re.compile(
    r"(?<![\w$/.-])((?:[A-Z][A-Za-z]+-)?(?:[A-Za-z]{1,8}-?\d+(?:\.\d+)?[a-z]?)(?:-[A-Z][a-z]+)?)(?![\w-])"
)
COMPARED = (
    r"(?:\bthan|\blike|\bagainst|\bvs\.?|\bsurpass\w*|\brivals?|\boutperforms?)\s+(?:the\s+)?$"
)
NOT_SUBJECT = re.compile(COMPARED + r"|\b(?!DeepSeek)[A-Z][\w-]*[’']s\s+$")
USE_CUE = re.compile(r"\bus(?:e|ed|ing)\b|\bleverag\w*|\btrain\w*|\bpowered\b", re.IGNORECASE)

MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Training cost", re.compile(r"\btrain\w*(?:\s+costs?)?|\bcompute\b|\bcomputing\b|\bdevelop\w*|\bto build\b|\breinforcement[- ]learning\b|\bpre-?training\b|\bpost-?training\b|\bGPU[- ]hours\b|\bhardware\b|\bservers?\b|\bcapex\b|\bcapital expenditure\b|\bclusters?\b", re.I)),
    ("API price", re.compile(r"\bper (?:one )?(?:1M|million|thousand)\b(?:\s+\w+){0,2}\s+tokens\b|\bper million\b|\btokens\b|\bAPI\b", re.I)),
    ("How much cheaper to use", re.compile(r"\bcheaper\b|\bto use\b|\bpric(?:e|es|ing)\b|\bless than(?=\s+[A-Z])|\bless expensive\b", re.I)),
    ("Market value lost", re.compile(r"\bmarket\w*|\bstocks?\b|\bshares?\b|\berased\b|\bwiped\b|\bwiping\b|\bcapitali[sz]ation\b|\bvaluation\b", re.I)),
    ("Harmful output", re.compile(r"\bharmful\b|\bunsafe\b|\bjailbreak\w*|\battack success\b", re.I)),
    ("Investment", re.compile(r"\binvest\w*|\bfunding\b|\braised\b", re.I)),
)  # fmt: skip
# what part of a measure a figure covers: other scopes are not disagreements, but shown apart
SCOPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hardware spend", re.compile(r"\bhardware\b|\bservers?\b|\bcapex\b|\bcapital expenditure\b|\bclusters?\b", re.I)),
    ("one training stage", re.compile(r"\breinforcement[- ]learning\b|\bRL\b|\bpost-?training\b|\bpre-?training\b|\bstage\b|\bphase\b", re.I)),
    ("final training run", re.compile(r"\btraining run\b|\bofficial training\b|\bsingle run\b|\bGPU[- ]hours\b", re.I)),
    ("running costs", re.compile(r"\boperating\b|\brunning costs?\b|\bto run\b|\b(?:a|per) year on\b", re.I)),
    ("pay", re.compile(r"\bsalar(?:y|ies)\b|\b(?:staff|their|its|the|annual|average|base|top)\s+pay\b|\bpay packages?\b|\b(?:staff|employees|engineers|researchers|graduates|hires)\b", re.I)),
    ("full development cost", re.compile(r"\b(?:full|total|overall) costs?\b|\ball-in\b|\bcosts? of developing\b|\bto develop\b", re.I)),
    ("input tokens", re.compile(r"\binput\b|\bcache\b|\bcached\b", re.I)),
    ("output tokens", re.compile(r"\boutput tokens\b", re.I)),
    ("price cut", re.compile(r"\bcut(?:s|ting)?\b(?!-)|\bslash\w*|\bhalv\w*|\blowered\b|\breduced\b", re.I)),
)  # fmt: skip
SCOPE_WINDOW = 70
PER = re.compile(
    r"\s*(?:per|a|/)\s*(?:(?:million|thousand|billion|1M|1,000|m)\s+)?(?:[a-z]+\s+)?$", re.I
)
# people are a cue for pay only where pay is spoken of: "research, failed runs and staff" is
# what a full cost includes
PEOPLE = re.compile(r"\b(?:staff|employees|engineers|researchers|graduates|hires)\b", re.I)
PAY_TALK = re.compile(
    r"\b(?:pa(?:y|id|ys)|salar(?:y|ies)|offer(?:s|ed)?|earn\w*|compensation)\b", re.I
)
# the plain measure named right at the figure ("a training bill of under $6 million … spent
# on hardware"): when it is the nearest cue, the figure is the plain measure, not a scope
PLAIN = re.compile(r"\btrain(?:ing|ed)?\b(?!\s+(?:run|stage|phase))", re.I)
# which kinds of figure a measure can be: a price is money, "how much cheaper" a ratio
MEASURE_KINDS = {
    "Training cost": ("money",),
    "API price": ("money",),
    "How much cheaper to use": ("multiple", "percent"),
    "Investment": ("money",),
}
CUE_WINDOW = 60
# "a 58.9% score", "a 49% increase", "a 41% utilisation": another quantity than a saving
OTHER_PERCENT = re.compile(
    r"\s+(?:score|scores|accuracy|pass(?:\s+rate)?|success(?:\s+rate)?|share|stake|increase|"
    r"rise|hike|growth|jump|gain|margin|utili[sz]ation|chance|probability|majority)\b",
    re.I,
)
# "$2 per chip-hour", "$0.006 per minute of audio": a rate for an hour's or a minute's use,
# not a total spent ("$944 million a year" on running costs is one)
RATE = re.compile(
    r"\s*(?:per|an?|/)\s*(?:(?:GPU|chip|card|node|server)[- ]?)?(?:hour|hr|minute|min|second)s?\b",
    re.I,
)
# "64% of DeepSeek users", "a third of the developers surveyed": how many of a group
SHARE_OF = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:users|respondents|developers|people|companies|firms|startups|start-ups|employees|"
    r"adults|consumers|customers|voters|students|teachers|schools|districts|organi[sz]ations|"
    r"enterprises|businesses|engineers|researchers|Americans|those)\b",
    re.I,
)
# money owed or earned rather than spent or charged: damages, fines, revenue
OWED_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:in\s+|of\s+)?(?:statutory\s+|punitive\s+)?"
    r"(?:damages|fines?|penalt(?:y|ies)|settlement|compensation|revenue|sales)\b",
    re.I,
)
OWED_BEFORE = re.compile(
    r"\b(?:damages|fines?|penalt(?:y|ies)|settlement|compensation|revenue|sales)\s+"
    r"(?:of|totall?ing|worth|amounting to)\s+(?:(?:up to|about|around|at least|nearly)\s+)?$",
    re.I,
)
BOUND = re.compile(  # not the same value
    r"(less than|fewer than|no more than|under|up to|more than|at least|over)\s", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # money | multiple | percent | count | chips
    text: str  # as written, with its qualifier
    low: float
    high: float
    start: int
    end: int

    @property
    def key(self) -> str:
        """Comparable value: 3 significant digits, so $5.6 million ≠ $5.58 million ≠ $6 million."""
        if self.kind == "chips":
            return self.text
        bound = BOUND.match(self.text)
        side = (
            ""
            if bound is None
            else ("<" if bound.group(1).lower() in ("less than", "under", "up to") else ">")
        )
        return f"{self.kind}:{side}{self.low:.3g}-{self.high:.3g}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure with what it measures and which model it is about."""

    measure: str
    figure: Figure
    model: str | None
    scope: str | None = None


def _num(raw: str) -> float:
    raw = raw.lower().replace(",", "")
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    return float(raw)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_figures(sentence: str) -> list[Figure]:
    """Every figure in a sentence, left to right, without overlaps."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(fig: Figure) -> None:
        if not _overlaps(taken, fig.start, fig.end):
            found.append(fig)
            taken.append((fig.start, fig.end))

    lower = sentence.lower()
    money = "$" in sentence or "usd" in lower or "€" in sentence or "£" in sentence
    for m in MONEY.finditer(sentence) if money else ():
        unit = (m.group("unit") or m.group("units") or "").lower().removesuffix("s")
        mult = UNITS.get(unit, 1.0)
        low = _num(m.group("n")) * mult
        high = _num(m.group("n2")) * mult if m.group("n2") else low
        if m.group("tens"):
            high = low * 10 - mult  # "$10s of millions": $10 million up to $99 million
        if high < low or (m.group("n2") and CHANGE_START.search(sentence, 0, m.start())):
            # "from $2.19 to $1.68" is a change: the old figure and the new
            cur = CURRENCY_END.search(sentence, 0, m.start("n2"))
            second = cur.start() if cur else m.start("n2")
            add(Figure("money", sentence[m.start() : m.end("n")], low, low, m.start(), m.end("n")))
            add(Figure("money", sentence[second : m.end()].strip(), high, high, second, m.end()))
            continue
        add(Figure("money", m.group().strip(), low, high, m.start(), m.end()))
    for m in MONEY_WORDS.finditer(sentence) if "dollar" in lower else ():
        value = _num(m.group("n")) * UNITS.get((m.group("unit") or "").lower(), 1.0)
        add(Figure("money", m.group().strip(), value, value, m.start(), m.end()))
    for m in COUNT.finditer(sentence) if COUNT_HINT.search(sentence) else ():
        if PRODUCT_BEFORE.search(sentence, 0, m.start()):
            continue  # "Huawei's Ascend 950 chips": a model number, not how many
        raw = m.group("n")
        value = (
            float(raw.replace(",", ""))
            if raw[0].isdigit()
            else {"hundreds": 1e2, "thousands": 1e3}.get(raw, 1e4)
        )
        add(Figure("count", m.group(), value, value, m.start(), m.end()))
    hints = (
        " times" in lower or "fold" in lower or MULTIPLE_X.search(sentence) is not None,
        "%" in lower or "percent" in lower or "per cent" in lower,
    )
    for (pattern, kind), hint in zip(
        ((MULTIPLE, "multiple"), (PERCENT, "percent")), hints, strict=True
    ):
        for m in pattern.finditer(sentence) if hint else ():
            low = _num(m.group("n"))
            high = _num(m.group("n2")) if m.group("n2") else low
            add(Figure(kind, m.group().strip(), low, high, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return _ranges(sentence, found)


# "between $500 million and $1 billion", "$500 million to $1 billion", "20% to 30%": one range
RANGE_JOIN = re.compile(r"\s*(?:to|-|–|and)\s*")
RANGE_START = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _ranges(sentence: str, found: list[Figure]) -> list[Figure]:
    """Two figures of a kind that a sentence gives as the ends of one range, as that range."""
    out: list[Figure] = []
    for fig in found:
        last = out[-1] if out else None
        join = RANGE_JOIN.fullmatch(sentence, last.end, fig.start) if last else None
        if last is None or join is None or last.kind != fig.kind or fig.high <= last.high:
            out.append(fig)
            continue
        before = sentence[: last.start]
        between = RANGE_START.search(before)
        if CHANGE_START.search(before) or (join.group().strip() == "and" and between is None):
            out.append(fig)
            continue
        start = between.start() if between else last.start
        text = sentence[start : fig.end]
        out[-1] = Figure(fig.kind, text, last.low, fig.high, start, fig.end)
    return out


def chips_used(sentence: str) -> Figure | None:
    """The chip models a sentence says were used ("using Nvidia H800 chips"), as one figure."""
    if not CHIP_CONTEXT.search(sentence) or not USE_CUE.search(sentence):
        return None
    names: list[str] = []
    spans: list[int] = []
    for m in CHIP.finditer(sentence):
        if NOT_SUBJECT.search(sentence[max(0, m.start() - 25) : m.start()]):
            continue
        if COUNT.search(sentence[max(0, m.start() - 40) : m.end() + 12]):
            continue  # a chip count, reported separately
        if m.group("name") not in names:
            names.append(m.group("name"))
            spans.append(m.start())
    if not names:
        return None
    text = " and ".join(sorted(names))
    return Figure("chips", text, 0.0, 0.0, spans[0], spans[0] + 1)


def canonical_model(name: str) -> str:
    """DeepSeek-v3, V3 and DeepSeek-V3 are one model; o1 and O1 too."""
    base = name[len(SUBJECT) + 1 :] if name.lower().startswith(SUBJECT.lower() + "-") else name
    if re.fullmatch(r"[A-Za-z]\d", base):
        base = base.upper() if base[0].upper() in "RV" else base.lower()
        return f"{SUBJECT}-{base}" if base[0] in "RV" else base
    if re.fullmatch(r"[RV]\d\.\d+", base):
        return f"{SUBJECT}-{base}"  # "V4.5" is DeepSeek-V4.5
    return name


# "Claude 3.5 Sonnet", "Llama 3", "Gemini 2.5 Pro": a name, a space and a version
SPACED_MODEL = re.compile(
    r"(?<![\w-])([A-Z][a-z]{2,}\s\d{1,2}(?:\.\d)?(?:\s(?:Pro|Sonnet|Opus|Haiku|Flash|Mini|Ultra|"
    r"Turbo|Max))?)(?![\w%,.-]*\d)(?![\w-])"
)
NOT_MODEL_WORDS = MONTHS | frozenset([
    "Article", "Section", "Day", "Days", "Phase", "Top", "Group", "Class", "Level", "Type",
    "Chapter", "Page", "Figure", "Table", "Rule", "Stage", "Step", "Part", "Round", "Week",
    "Year", "Years", "Act", "Room",
])  # fmt: skip


DATE_WORD = re.compile(r"(?i)(?:mid|early|late|end|start|pre|post|fy|q[1-4]|h[12])-?\d{2,4}s?")


def models_in(sentence: str) -> list[tuple[int, str]]:
    """(position, canonical name) of AI models named in a sentence, excluding chips and money."""
    out: list[tuple[int, str]] = []
    for m in SPACED_MODEL.finditer(sentence):
        if m.group(1).split()[0] not in NOT_MODEL_WORDS:
            out.append((m.start(), m.group(1)))
    for m in MODEL.finditer(sentence):
        name = m.group(1)
        if CHIP.fullmatch(name) or re.fullmatch(r"[A-Z]\d{2,4}s", name):
            continue
        if re.match(r"(?i)(?:usd|us|eur|gbp|covid)", name) or re.search(
            r"(?i)\d(?:mn|bn|tn|m|b|k|s|th|st|nd|rd)$", name
        ):
            continue
        if re.fullmatch(r"\d+", name) or DATE_WORD.fullmatch(name):
            continue  # "mid-2027", "FY2025": a time, not a model
        if re.fullmatch(r"v\d+(?:\.\d+)*", name):
            continue  # "the updated technical report (v2, …)": a document's version
        out.append((m.start(), canonical_model(name)))
    return sorted(out)


def subject_model(sentence: str, previous: str | None = None) -> str | None:
    """The model a sentence's figures are about: the first named model that is not a comparison
    target ("than OpenAI’s o1"), else the previous sentence's."""
    for source in (sentence, previous or ""):
        for pos, name in models_in(source):
            if not NOT_SUBJECT.search(source[max(0, pos - 25) : pos]):
                return name
    return None


MODEL_WINDOW = 80
CLAUSE_END = re.compile(
    r"[.!?]\s|;\s|\s[—–]\s?|[—–]|,\s+(?:but|while|whereas|although|though|yet)\b"
)


# a possessor just before a figure says whose it is: "DeepSeek's $0.28", "Nvidia's own $589bn"
OWNER = re.compile(r"\b[A-Z][\w.-]*[’']s\s+(?:[a-z]+\s+)?$")


def figure_model(sentence: str, fig: Figure, fallback: str | None) -> str | None:
    """The model a figure is about: the nearest model named before it in the same sentence
    ("o1 had an attack success rate of 26%" is o1's, though the sentence opens with R1), else
    the fallback (the sentence's subject model), unless a possessor stands just before the
    figure: "DeepSeek's $0.28" is no model's in particular."""
    best: str | None = None
    for pos, name in models_in(sentence):
        if pos >= fig.start or fig.start - pos > MODEL_WINDOW:
            continue
        if CLAUSE_END.search(sentence[pos : fig.start]):
            continue  # a sentence, clause or aside ends between them
        if not re.search(COMPARED, sentence[max(0, pos - 25) : pos]):
            best = name  # later ones are nearer
    if best is None and OWNER.search(sentence[: fig.start]):
        return None  # "still many times DeepSeek's $0.28": a company's, not the subject model's
    return best or fallback


def measure_of(sentence: str, fig: Figure, taken: list[tuple[int, int]]) -> str | None:
    """The measure whose cue word is nearest the figure: within CUE_WINDOW chars, or for money
    anywhere in the sentence ("the reinforcement-learning stage that produced R1 … $294,000"),
    else None."""
    if fig.kind == "chips":
        return "Chips used"
    if fig.kind == "count":
        return "Chip count"
    if fig.kind == "money" and (
        OWED_AFTER.match(sentence, fig.end) or OWED_BEFORE.search(sentence, 0, fig.start)
    ):
        return None  # "$1.5bn in damages", "a fine of €18.5 million": owed, not spent or charged
    if fig.kind == "percent" and (
        SHARE_OF.match(sentence, fig.end) or OTHER_PERCENT.match(sentence, fig.end)
    ):
        return None  # "64% of users", "a 58.9% score", "a 49% increase": no price or saving
    if fig.kind == "money" and RATE.match(sentence, fig.end):
        return None  # "a rental price of $2 per chip-hour": a rate, not a cost or a token price
    window = CUE_WINDOW if fig.kind != "money" else len(sentence)
    best: tuple[int, int, str] | None = None
    for order, (name, pattern) in enumerate(MEASURES):
        if fig.kind not in MEASURE_KINDS.get(name, (fig.kind,)):
            continue
        for m in pattern.finditer(sentence):
            if _overlaps(taken, m.start(), m.end()):
                continue
            gap = fig.start - m.end() if m.end() <= fig.start else m.start() - fig.end
            if 0 <= gap <= window and (best is None or (gap, order) < best[:2]):
                best = (gap, order, name)
    return best[2] if best else None


RISE = re.compile(
    r"\b(?:rose|rises?|rising|gain(?:ed|s)?|rall(?:ied|ies|y)|climb(?:ed|s)?|jump(?:ed|s)?|"
    r"surg(?:ed|es)|soar(?:ed|s)?|up)\b",
    re.I,
)
FALL = re.compile(
    r"\b(?:fell|falls?|falling|lost|los(?:e|es|ing)|loss(?:es)?|shed(?:s|ding)?|drop(?:ped|s)?|"
    r"sl(?:id|ides?)|slump(?:ed|s)?|plung(?:ed|es)|tumbl(?:ed|es)|s[au]nk|erased?|"
    r"wip(?:ed|ing|es?)|down|declin(?:ed|es?)|knock(?:ed|s)?|gave up|sell-off)\b",
    re.I,
)
FORMER = re.compile(r"\b(?:down|up|cut|lowered|raised|reduced)\s+from\s+$", re.I)
LEVEL = re.compile(r"\b(?:below|above|to|at)\s+(?:about\s+|around\s+)?$", re.I)


def a_loss(sentence: str, fig: Figure) -> bool:
    """Whether a market figure is an amount lost: the movement word nearest before it (or
    else after it) is a fall, not a rise ("shares rose 5%"), and the figure is not the level
    reached ("below $3 trillion")."""
    head = sentence[: fig.start]
    if LEVEL.search(head):
        return False
    moves = [(m.end(), False) for m in RISE.finditer(head)] + [
        (m.end(), True) for m in FALL.finditer(head)
    ]
    if moves:
        return max(moves)[1]
    tail = sentence[fig.end :]
    rise, fall = RISE.search(tail), FALL.search(tail)
    return fall is not None and (rise is None or fall.start() < rise.start())


UNDISCLOSED = re.compile(
    r"\b(?:not|never)\s+(?:yet\s+)?(?:disclosed|said|revealed|published|confirmed|detailed)\b"
    # "has not shared figures", not "prompts are not shared with DeepSeek"
    r"|\b(?:not|never)\s+(?:yet\s+)?(?:shared|given)\s+(?:any\s+|the\s+)?"
    r"(?:details?|figures?|numbers?|data|information|breakdown)\b"
    r"|\bdeclined to (?:disclose|say|give|confirm)\b|\bundisclosed\b",
    re.IGNORECASE,
)


UNDISCLOSED_WINDOW = 45  # characters after "has not disclosed" that say what was not


def undisclosed(sentence: str) -> str | None:
    """The measure a sentence says was not disclosed ("has not disclosed the training costs
    for its R1 model" → "Training cost"), or None."""
    m = UNDISCLOSED.search(sentence)
    if m is None:
        return None
    # what was not said is what follows ("how many users were affected"), not a word further
    # on ("… or whether it will compensate API customers")
    said = sentence[m.end() : m.end() + UNDISCLOSED_WINDOW]
    for name, pattern in MEASURES:
        if pattern.search(said):
            return name
    return None


def about(rows: Sequence[Row], statement: str) -> list[Row]:
    """The rows about the model a statement names ("has not disclosed the training costs for
    its R1 model": R1's figures, not V3's); all of them when it names none."""
    named = {m for _, m in models_in(statement)}
    return [r for r in rows if r.model in named] if named else list(rows)


def scope_of(sentence: str, fig: Figure, others: Sequence[tuple[int, int]] = ()) -> str | None:
    """What part of the measure the figure covers ("hardware spend", "one training stage"), from
    the cue nearest the figure within SCOPE_WINDOW chars; None for the plain measure, also when
    a plain cue ("training") is nearer than any scope's. A cue with another figure (`others`:
    their spans) between it and this one belongs to that figure."""
    best: tuple[int, int, str | None] | None = None
    cues = [(name, pattern) for name, pattern in SCOPES] + [(None, PLAIN)]
    for order, (name, pattern) in enumerate(cues):
        for m in pattern.finditer(sentence):
            gap = fig.start - m.end() if m.end() <= fig.start else m.start() - fig.end
            if m.start() >= fig.end and PER.match(sentence, fig.end, m.start()):
                gap = 0  # "$1.25 per million output tokens": the figure's own unit
            if not 0 <= gap <= SCOPE_WINDOW or (best is not None and (gap, order) >= best[:2]):
                continue
            if name == "pay" and PEOPLE.fullmatch(m.group()) and not PAY_TALK.search(sentence):
                continue
            lo, hi = (m.end(), fig.start) if m.end() <= fig.start else (fig.end, m.start())
            if any(lo <= a and b <= hi for a, b in others):
                continue  # another figure sits between: the cue is that one's
            best = (gap, order, name)
    return best[2] if best else None


def mentions(
    sentence: str, previous: str | None = None, default: str | None = None
) -> list[Mention]:
    """Figures in a sentence with their measure and model; figures with no clear measure are
    left out. `default`: the model when neither this sentence nor the one before names one
    (the one model an article's title names: "DeepSeek-V4.5 launch: live updates")."""
    figures = find_figures(sentence)
    taken = [(f.start, f.end) for f in figures]
    chips = chips_used(sentence)
    if chips is not None:
        figures.append(chips)
    if not figures:
        return []
    model = subject_model(sentence, previous) or default
    own_model = subject_model(sentence)
    out: list[Mention] = []
    for fig in figures:
        if FORMER.search(sentence[: fig.start]):
            continue  # "down from $0.07": the value before, which the sentence's own replaces
        measure = measure_of(sentence, fig, taken)
        if measure == "Market value lost" and not a_loss(sentence, fig):
            measure = None  # "shares rose 5%", "its valuation fell below $3 trillion"
        if measure is not None:
            scope = scope_of(sentence, fig, taken) if fig.kind in ("money", "percent") else None
            about = (
                own_model if fig.kind in ("chips", "count") else figure_model(sentence, fig, model)
            )
            out.append(Mention(measure, fig, about, scope))
    return out


@dataclass(frozen=True, slots=True)
class Row:
    figure: Figure
    model: str | None
    text: str  # the source sentence (or clause) that states the figure
    article: str
    scope: str | None = None
    published: date | None = None
    cheaper: bool = False  # a percentage "cheaper/less": compared as a multiple
    pos: int | None = None  # the source sentence's position in its article
    back: int = 0  # the sentences before pos its text gives too (1: joined to the one before)

    @property
    def positions(self) -> set[tuple[str, int]]:
        if self.pos is None:
            return set()
        return {(self.article, self.pos - k) for k in range(self.back + 1)}


@dataclass(frozen=True, slots=True)
class Group:
    """Figures for one measure, model and scope whose values agree (within TOLERANCE)."""

    model: str | None
    scope: str | None
    rows: tuple[Row, ...]  # one per article, lowest value first

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article for r in self.rows))

    @property
    def newest(self) -> date | None:
        dates = [r.published for r in self.rows if r.published]
        return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class Earlier:
    """An older statement a figure superseded: "X has not disclosed its training costs"."""

    text: str
    article: str
    pos: int | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    measure: str
    groups: tuple[Group, ...]
    earlier: tuple[Earlier, ...] = ()

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(r for g in self.groups for r in g.rows)


TOLERANCE = 0.08
SPREAD = 1.25
NEAR = 8  # sorted neighbours checked on each side for a value that agrees
QUALIFIED = re.compile(r"(?i)^(about|around|approximately|roughly|nearly|almost|some|~)")


def value_range(row: Row) -> tuple[float, float]:
    """The values a figure allows: bounds ("less than $6 million") and hedges widen it; a
    percentage cheaper becomes the multiple it implies (95% cheaper = 20 times cheaper)."""
    low, high = row.figure.low, row.figure.high
    if row.cheaper and row.figure.kind == "percent" and high < 100:
        low, high = 100 / (100 - low), 100 / (100 - high)
    bound = BOUND.match(row.figure.text)
    if bound is not None:
        if bound.group(1).lower() in ("less than", "fewer than", "no more than", "under", "up to"):
            return low * 0.85, high
        return low, high * 1.15
    if QUALIFIED.match(row.figure.text):
        return low * 0.95, high * 1.05
    return low, high


def _nominal(row: Row) -> float:
    """The value as stated, before hedges and bounds widen it: what the spread is judged on."""
    low = row.figure.low
    if row.cheaper and row.figure.kind == "percent" and low < 100:
        return 100 / (100 - low)
    return low


def _agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * (1 + TOLERANCE) and b[0] <= a[1] * (1 + TOLERANCE)


def _kind(row: Row) -> str:
    return "multiple" if row.cheaper and row.figure.kind == "percent" else row.figure.kind


GENERIC_COUNTED = frozenset(
    [
        "chip",
        "chips",
        "gpu",
        "gpus",
        "processor",
        "processors",
        "accelerator",
        "accelerators",
        "of",
        "the",
        "about",
        "roughly",
        "some",
        "around",
        "nearly",
        "over",
        "more",
        "than",
    ]
)


def _counted(row: Row) -> frozenset[str]:
    """What a count counts, beyond its number and the generic noun: {"nvidia", "h100"} for
    "50,000 Nvidia H100 chips", {"domestic"} for "50,000 domestic accelerators"."""
    words = re.findall(r"[a-z0-9][\w-]*", row.figure.text.lower())
    return frozenset(w for w in words if w not in GENERIC_COUNTED and not w[0].isdigit())


ROUGHLY = re.compile(
    r"\b(?:about|around|roughly|approximately|nearly|almost|some|over|more than|at least|"
    r"up to|close to|estimated)\b|~",
    re.I,
)


def _same_thing(a: Row, b: Row) -> bool:
    """Whether two figures can be one claim: counts of different things ("Nvidia H100" and
    "domestic" chips) cannot, whatever their numbers; one may say less ("Nvidia GPUs"). Two
    exact counts agree only when equal; "about 50,000" may be "52,000"."""
    if a.figure.kind != "count" or b.figure.kind != "count":
        return True
    if a.figure.low != b.figure.low and not (
        ROUGHLY.search(a.figure.text) or ROUGHLY.search(b.figure.text)
    ):
        return False  # "1,920 chips" and "2,048 GPUs": exact counts, and not the same
    x, y = _counted(a), _counted(b)
    return x <= y or y <= x


def group_rows(rows: Sequence[Row]) -> list[Group]:
    """Rows grouped by (model, scope, kind), then by agreeing values: one row per article."""
    keyed: dict[tuple[str, str, str], list[Row]] = {}
    for r in rows:
        if r.model is not None:
            keyed.setdefault((r.model, r.scope or "", _kind(r)), []).append(r)
    # a figure naming no model joins the model whose figures it agrees with; each model's
    # values are sorted once, so this is a binary search, not a scan
    # every model's values for one scope and kind, sorted once: a row naming no model finds
    # the values it agrees with by bisection, not by a scan
    spans: dict[tuple[str, str], list[tuple[tuple[float, float], tuple[str, str, str]]]] = {}
    for key, members in sorted(keyed.items()):
        spans.setdefault(key[1:], []).extend((value_range(x), key) for x in members)
    for found in spans.values():
        found.sort()
    # a model is only what an article could be about from the day one first names it: a 2025
    # "50,000 GPUs" is not the "50,000 chips" a 2026 report says V4 was trained on
    first: dict[str, date] = {}
    for r in rows:
        if r.model is not None:
            day = r.published or date.min  # undated counts as oldest
            first[r.model] = min(first.get(r.model, day), day)
    for r in rows:
        if r.model is not None:
            continue
        mine = value_range(r)
        near = spans.get((r.scope or "", _kind(r)), [])
        at = bisect.bisect_left(near, (mine,))
        day = r.published or date.min
        fits = sorted(
            {
                k
                for rng, k in near[max(0, at - NEAR) : at + NEAR]
                if _agree(rng, mine) and first[k[0]] <= day
            }
        )
        key = max(fits, key=lambda k: len(keyed[k])) if fits else ("", r.scope or "", _kind(r))
        keyed.setdefault(key, []).append(r)
    groups: list[Group] = []
    for (model, scope, _), members in sorted(keyed.items()):
        if members[0].figure.kind == "chips":
            by_value: dict[str, list[Row]] = {}
            for r in members:
                by_value.setdefault(r.figure.text, []).append(r)
            clusters = list(by_value.values())
        else:
            clusters = []
            for r in sorted(members, key=lambda r: (value_range(r), r.article, r.text)):
                # each value agrees with the one before, and the group spans at most SPREAD:
                # agreement must not creep along a chain of small steps. Counts of other
                # things between them ("50,000 domestic …") do not break a group
                fit = next(
                    (
                        c
                        for c in reversed(clusters)
                        if _agree(value_range(c[-1]), value_range(r))
                        and _nominal(r) <= _nominal(c[0]) * SPREAD
                        and all(_same_thing(x, r) for x in c)
                    ),
                    None,
                )
                if fit is not None:
                    fit.append(r)
                else:
                    clusters.append([r])
        for cluster in clusters:
            seen: set[str] = set()
            unique = []
            for r in cluster:
                if r.article not in seen:
                    seen.add(r.article)
                    unique.append(r)
            groups.append(Group(model or None, scope or None, tuple(unique)))
    return _fold_scopes(groups)


def _fold_scopes(groups: list[Group]) -> list[Group]:
    """A model's figure that names no scope and one that does, with agreeing values, are the
    same figure: "$5.6 million" and "$5.6 million for V3's final training run" are one group,
    labelled with the scope (the more precise of the two)."""
    out = list(groups)
    for plain in [g for g in groups if g.scope is None and g.model is not None]:
        kind = _kind(plain.rows[0])
        same = [
            g
            for g in out
            if g.scope is not None
            and g.model == plain.model
            and _kind(g.rows[0]) == kind
            and all(any(_agree(value_range(a), value_range(b)) for a in plain.rows) for b in g.rows)
        ]
        if not same:
            continue
        scoped = max(same, key=lambda g: (len(g.rows), g.scope or ""))
        mine = {r.article for r in scoped.rows}
        rows = sorted(
            (*scoped.rows, *(r for r in plain.rows if r.article not in mine)),
            key=lambda r: (value_range(r), r.article, r.text),
        )
        out[out.index(scoped)] = Group(scoped.model, scoped.scope, tuple(rows))
        out.remove(plain)
    return out


def once_per_article(rows: Sequence[Row]) -> list[Row]:
    """An article that gives the same figure for the same model twice (its headline and its
    lede) states it once: the row that names the figure's scope stands for both."""
    out: list[Row] = []
    at: dict[tuple[str, str | None, float, float], list[int]] = {}
    for r in rows:
        same = at.setdefault((r.article, r.model, r.figure.low, r.figure.high), [])
        other = next((n for n in same if None in (out[n].scope, r.scope)), None)
        if other is None:
            same.append(len(out))
            out.append(r)
        elif out[other].scope is None and r.scope is not None:
            out[other] = r
    return out


def differences(
    rows_by_measure: dict[str, list[Row]], article_order: Sequence[str], max_groups: int = 4
) -> list[Difference]:
    """Measures where articles give genuinely different values (another model, scope or
    magnitude, from ≥2 articles); agreeing values are one group with every citation. Newest
    groups first: newer coverage leads, older shows as history."""
    rank = {a: i for i, a in enumerate(article_order)}
    out: list[Difference] = []
    for measure, all_rows in rows_by_measure.items():
        rows = once_per_article(all_rows)
        if len({r.article for r in rows}) < 2:
            continue
        groups = group_rows(rows)
        if len(groups) < 2:
            continue
        groups.sort(
            key=lambda g: (
                -(g.newest.toordinal() if g.newest else 0),
                -len(g.articles),
                min(rank.get(a, 0) for a in g.articles),
                min(r.pos if r.pos is not None else 1 << 30 for r in g.rows),  # the lead's first
                g.rows[0].figure.low,
            )
        )
        out.append(Difference(measure, tuple(groups[:max_groups])))
    order = [m for m, _ in MEASURES] + ["Chips used", "Chip count"]
    out.sort(
        key=lambda d: (order.index(d.measure) if d.measure in order else len(order), d.measure)
    )
    return out


def clause_for(sentence: str, fig: Figure, limit: int = 220, lower_ok: bool = False) -> str:
    """The sentence, or for long ones the clause (between ; — –) holding the figure. A clause
    starting in lower case is used only if lower_ok or the sentence is very long."""
    if len(sentence) <= limit:
        return sentence
    # not inside an insertion: "[Acme Securities — Equity Research:] We arrive at …"
    inserted = [m.span() for m in re.finditer(r"\[[^\]]*\]", sentence)]
    breaks = [
        m.end()
        for m in re.finditer(r";\s|\s[—–]\s?|—|–\s", sentence)
        if not any(a <= m.start() < b for a, b in inserted)
    ]
    bounds = [0, *breaks, len(sentence) + 1]
    for a, b in itertools.pairwise(bounds):
        if a <= fig.start < b:
            piece = sentence[a:b].strip(" ;—–")
            if len(piece) < 40 or (piece[0].islower() and not lower_ok and len(sentence) <= 320):
                return sentence
            return piece
    return sentence
