"""Who and what a sentence names: the name it opens with (`subject`), every name in it
(`names_in`), whether a name is a person's, and what a definite description stands for as
the sentences before name it ("The judge" → "Judge Margaret Oyelaran", "The defendant" →
the party a case was brought against, "The Controller" → what a legal text defined as it).

Pure: no I/O. `bot.builder.standalone` uses these to make points stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from functools import lru_cache

from bot.builder.text import STOPWORDS

# a finite verb after a subject: auxiliaries, common irregular pasts, and -ed / -s forms
VERB = (
    r"(?:has|have|had|is|are|was|were|said|says|also|will|would|could|can|may|might|must|"
    r"should|did|does|plans|planned|added|told|claims|claimed|declined|comes|came|follows|"
    r"followed|set|put|cut|gave|took|made|found|held|kept|left|led|met|paid|sold|won|lost|"
    r"began|became|brought|bought|ran|rose|fell|hit|saw|went|sent|wrote|spent|drew|grew|"
    r"chose|[a-z]{2,}ed|[a-z]{2,}[^s\W]s)\b"
)


# a definite description ("The judge", "The data protection regulator", "The price war") as
# a sentence's subject, up to its verb: its head noun, to find what it describes before
DESCRIBED = re.compile(
    r"^(?P<head>The\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][a-z-]*[a-z]))"
    r"(?:(?P<poss>[’']s)(?:\s+[a-z][\w-]*){1,2}?)?"
    r"(?:\s+(?:also|still|now|then|later|again|already|first))?\s+" + VERB  # "The group also said"
)

# "The report, published on its blog on Tuesday, puts …": an aside before the verb
DESCRIBED_ASIDE = re.compile(
    r"^(?P<head>The\s+(?P<noun>[a-z][a-z-]*[a-z])),\s+[^,;:“”\"]{1,100}?,\s+" + VERB
)


WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
# words that are no name alone but end one: "Epoch AI", "Moonshot AI"
NAME_ENDINGS = frozenset(["AI"])
NOT_NAMES = MONTHS | frozenset(
    [
        # acronyms of ordinary things: "From April 20, API calls …" names no company
        "API",
        "APIs",
        "GPU",
        "GPUs",
        "CPU",
        "LLM",
        "LLMs",
        "UTC",
        # … and time zones: "All times are Hong Kong time (HKT)" names no one
        "HKT",
        "CST",
        "BJT",
        "SGT",
        "JST",
        "KST",
        "CET",
        "CEST",
        "BST",
        "EST",
        "EDT",
        "PST",
        "PDT",
        "IST",
        "AEST",
        "GMT",
        "CEO",
        "CFO",
        "CTO",
        "IPO",
        "MAU",
        "DAU",
        "SDK",
        # a company's accounts: "Adjusted EBITDA turned positive" names no company
        "EBITDA",
        "EPS",
        "GMV",
        "ARR",
        "ARPU",
        "Adjusted",
        # a period of accounts: "(H1 2025: £155 million)" names no one
        "H1",
        "H2",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "FY",
        # currencies: "… a little under RMB 9.5 million. The company added …" is no RMB's
        "RMB",
        "CNY",
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "KRW",
        "HKD",
        "INR",
        "SGD",
        "MYR",
        "IDR",
        "BRL",
        "MXN",
        "NOK",
        "SEK",
        "CHF",
        "AUD",
        "CAD",
        # peoples' adjectives: "the Swiss commercial register" names no company
        "Swiss",
        "German",
        "French",
        "British",
        "Japanese",
        "Korean",
        "Indian",
        "Italian",
        "Brazilian",
        "Canadian",
        "Australian",
        "Russian",
        "Taiwanese",
        "Singaporean",
        "Spanish",
        "Dutch",
        "Israeli",
        "Indonesian",
        "Ethiopian",
        "African",
        # conjunctions that open a clause: "Whether DeepSeek cuts …" names DeepSeek
        "Whether",
        "Unless",
        "Until",
        "Because",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "With",
        "By",
        "After",
        "Before",
        "Last",
        "This",
        "That",
        "These",
        "Those",
        "According",
        "As",
        "While",
        "When",
        "Since",
        "Despite",
        "Although",
        "Though",
        "If",
        "But",
        "And",
        "However",
        "Still",
        "Yet",
        "Its",
        "We",
        "Our",
        "I",
        "You",
        "Your",
        "It",
        "Their",
        "They",
        "He",
        "She",
        "Chinese",
        "American",
        "US",
        "U.S.",
        "AI",
        "Western",
        "European",
        "Asian",
        "Global",
        "Some",
        "Many",
        "Most",
        "Several",
        "Other",
        "Both",
        "Such",
        "What",
        "Why",
        "How",
        "Who",
        "Where",
        "Earlier",
        "Later",
        "Meanwhile",
        "Today",
        "Yesterday",
        "Prominent",
        "Experts",
        "Analysts",
        "Investors",
        "Officials",
        "Top",
        # words that open a sentence without naming anyone
        "Alongside",
        "Despite",
        "Under",
        "Over",
        "During",
        "Amid",
        "Following",
        "Beyond",
        "Unlike",
        "Like",
        "Among",
        "Across",
        "Through",
        "Within",
        "Without",
        "Ahead",
        "Besides",
        "From",
        "To",
        "Into",
        "Against",
        "Here",
        "There",
        "Then",
        "Now",
        "Once",
        "Other",
        "Every",
        "Each",
        "All",
        "Any",
        "No",
        # a speaker's answer opens with no name: "Good, for an intern."
        "Yes",
        "Good",
        "Well",
        "Sure",
        "Right",
        "OK",
        "Okay",
        "Thanks",
        "Exactly",
        "Not",
        "Even",
        "Only",
        "Also",
        "Just",
    ]
)
INTRO_WORDS = STOPWORDS | {"according"}  # lower-case words an opening phrase may hold
# capitalised words that open a sentence, not a name: left off a name run found after them
OPENERS = frozenset(w for w in NOT_NAMES if w.lower() in INTRO_WORDS) | {
    "Despite",
    "Earlier",
    "Last",
    "Later",
    "Meanwhile",
}
PREPOSITIONS = frozenset(
    ["On", "In", "At", "For", "After", "Before", "With", "Under", "During", "From", "By",
     "Following", "Among", "Across", "Amid", "Beyond", "Unlike", "Like", "Through", "Within",
     "According"]
)  # fmt: skip
# a transcript's "NATARAJAN:" or "Lin:", when what follows opens no verb of it ("DeepSeek:
# Achieved …" is a labelled fact about DeepSeek)
LABELLED_SPEAKER = re.compile(r"[A-Z][\w’'.-]*:")
LABELLED_VERB = re.compile(r"[A-Z][a-z]+(?:ed|es)")
CAMEL = re.compile(r"^.+[A-Z0-9]")  # "DeepSeek", "OpenAI", "R1": a name wherever it stands
NAME_WORD = re.compile(r"[A-Z][\w’'.&-]*[\w]|[A-Z]")


ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K."


def bare_word(raw: str) -> str:
    """A word without the punctuation around it; an abbreviation keeps its last stop ("U.S.")."""
    word = raw.strip(',.;:“”"()')
    return word + "." if ABBREVIATION.fullmatch(word + ".") else word


def _listed(following: list[str]) -> bool:
    """Whether the words after a name go on to another name: a list, not one subject."""
    return any(
        NAME_WORD.fullmatch(w := bare_word(raw)) is not None and w not in NOT_NAMES
        for raw in following[:1]
    ) or (len(following) > 1 and following[0] in ("and", "or") and _listed(following[1:]))


# "[Acme] will …", "[Lantang Data Workers' Union] is …" (not a possessor: "[Acme’s] app")
INSERTED = re.compile(  # "[Acme]", "[District Court of Rotterdam]"
    r"\[([A-Z][\w.&’'-]*(?:\s+(?:[A-Z][\w.&’'-]*|of|for|and|de|van|von|der)){0,5})(?<![’']s)\]"
    r"\s+[a-z]"
)


def subject(
    sentence: str, *, strict: bool = True, known: Container[str] | None = None
) -> str | None:
    """The proper-noun phrase a sentence opens with, after at most an introductory phrase
    ("On January 20, DeepSeek …", "According to Nvidia, …"): "Nvidia", "Sam Altman". None
    when a common noun or verb comes first ("The price change was …"), or when the name is a
    possessor ("Italy's watchdog …": "it" would be the watchdog, not Italy). `strict=False`:
    the first name however the sentence opens, possessors included (what it is about).
    `known`: words the article capitalises mid-sentence; a first word not among them, and not
    followed by another capitalised word, is an ordinary word ("Recent findings …")."""
    if (inserted := INSERTED.match(sentence)) is not None:
        return inserted.group(1)  # "[Acme] will publish …": the name a point was given
    words = sentence.split()
    if (
        len(words) > 1
        and LABELLED_SPEAKER.fullmatch(words[0])
        and not LABELLED_VERB.fullmatch(words[1])
    ):
        words = words[1:]  # "WEI: It was …": a transcript's speaker label, not its subject
    if words and words[0] in PREPOSITIONS:
        # "On the MMMU benchmark for reasoning, the company reported …": a name inside the
        # opening phrase is not its subject; "According to Nvidia, …" ends with the name
        # (but "For the ANPD, DeepSeek fulfilled …" is DeepSeek's: only a source is the subject)
        comma = next((i for i, w in enumerate(words[:12]) if w.endswith(",")), None)
        if comma is not None and (
            NAME_WORD.fullmatch(bare_word(words[comma]).rstrip(",")) is None
            or (words[0] != "According" and comma + 1 < len(words))
        ):
            words = words[comma + 1 :]
    run: list[str] = []
    for i, raw in enumerate(words):
        word = bare_word(raw)
        possessive = word.endswith(("’s", "'s"))
        bare = word[:-2] if possessive else word
        capital = NAME_WORD.fullmatch(bare) is not None and (
            bare not in NOT_NAMES or (bool(run) and bare in NAME_ENDINGS)
        )
        if i == 0 and bare.lower() in STOPWORDS:
            capital = False
        if capital and re.search(r"-[a-z]+$", bare):
            run = []  # "Singapore-based", "Hong Kong-listed": what describes the noun after
            continue
        if (
            capital
            and i == 0
            and known is not None
            and bare not in known
            and not CAMEL.search(bare)
        ):
            # "Recent findings …" is no name, "Sam Altman …" is; "Pros: Cheapest …" is a label
            after = words[1].strip(',.;:“”"()') if len(words) > 1 and raw[-1:] != ":" else ""
            capital = NAME_WORD.fullmatch(after) is not None and after not in NOT_NAMES
        if (
            i == 0
            and strict
            and not capital
            and bare[:1].isupper()
            and bare.lower() not in INTRO_WORDS
            and bare.lower() not in STOPWORDS
            and bare not in OPENERS
        ):
            return None  # "Analysts at one Shanghai brokerage …": a common noun first
        if capital:
            run.append(bare)
            if possessive:
                return None if strict else " ".join(run)
            if raw.endswith((",", ";", ":", ")")):
                if strict and raw.endswith(",") and _listed(words[i + 1 : i + 3]):
                    return None  # "Huawei, Alibaba and Apple have …": no one of them
                break
        elif run:
            if strict and bare in ("and", "or") and _listed(words[i + 1 : i + 2]):
                return None  # "DeepSeek and OpenAI are …"
            start = i - len(run)
            if (
                strict
                and start > 0
                and words[start - 1] in ("The", "the")
                and re.fullmatch(NOUN_AFTER, bare)
            ):
                return None  # "The Lite version is …": a name that describes a noun
            break
        elif strict and bare[:1].isdigit():
            return None  # "96.7% on AIME 2026, …": a figure opens it, not a name
        elif strict and bare[:1].islower() and bare.lower() not in INTRO_WORDS:
            return None  # a common noun or verb before any name
        if i > 6:
            return None
    return " ".join(run) if run else None


# a lower-case word after a name that makes the name its modifier: not a function word, nor
# a verb ("announced", "says", "said")
NOUN_AFTER = (
    r"(?!(?:[a-z]+ed|[a-z]+s|said|set|put|cut|will|would|can|could|may|must|for|and|but|that|"
    r"which|who|with|from|had|have|are|also|into|over|under|after|before|last|this|since|"
    r"then|when|where|while|the|not|now|today|yesterday|recently|earlier|later|again|already|"
    r"first|jointly|formally|officially|publicly|"
    # irregular pasts: "the Danish Agency for Digital Government withdrew …"
    r"withdrew|took|gave|made|began|won|lost|sent|held|kept|left|led|met|paid|sold|bought|"
    r"brought|chose|sought|rose|fell|grew|drew|told|wrote|ran|struck|spoke|broke|stood|found|"
    r"got|became|came|went|saw|knew|thought|hit|let|shut|spent|built|upheld|overturned)\b)"
    r"[a-z]{3,}\b"
)
NAME_RUN = r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|de|van|von)){0,6}?"


# a capitalised word, dots only inside it ("V3.1", not the full stop of "… High-Flyer.")
DOTLESS = r"[A-Z][\w’'&-]*(?:\.\w[\w’'&-]*)*"


# words after a noun that end its phrase or carry it on, not another noun it modifies
PHRASE_GOES_ON = (
    r"(?:for|at|in|on|with|from|by|of|to|that|which|who|whose|and|or|based|used|built|"
    r"designed|known|called|behind|since|until|as)"
)


# what a product is called in other words: "The tool is published …" after "… released
# DeepSeek Code, a command-line coding agent"; "The plan costs …" after "… a subscription
# called DeepSeek Plus"
PRODUCT_NOUNS = frozenset(
    [
        "tool",
        "agent",
        "app",
        "assistant",
        "chatbot",
        "feature",
        "service",
        "product",
        "plan",
        "tier",
        "subscription",
        "platform",
        "system",
        "kernel",
        "library",
    ]
)
_PRODUCT = "(?:" + "|".join(sorted(PRODUCT_NOUNS)) + ")"
PRODUCT_NAMED = re.compile(
    # "DeepSeek Code, a command-line coding agent"
    rf"(?P<a>\b{NAME_RUN}),\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){{0,4}}?{_PRODUCT}\b"
    # "a subscription called DeepSeek Plus", "an agent named Scout"
    rf"|\b(?:a|an|its)\s+(?:[\w-]+\s+){{0,3}}?{_PRODUCT}\s+(?:called|named|dubbed)\s+"
    rf"(?P<b>[A-Z][\w’'.&-]*(?:\s+[A-Z0-9][\w’'.&-]*){{0,4}})"
)


def named_product(text: str, earlier: Sequence[str]) -> str | None:
    """The sentence with "The tool"/"The plan"/… it opens with replaced by [the one product the
    sentence just before names as a tool, plan, app …]: "[DeepSeek Code] is published …".
    None when that sentence names none, or several."""
    m = DESCRIBED.match(text)
    if m is None or m.group("noun") not in PRODUCT_NOUNS or m.group("head").count(" ") != 1:
        return None
    for sentence in reversed(earlier[-2:]):
        found = {f.group("a") or f.group("b") for f in PRODUCT_NAMED.finditer(sentence)}
        if len(found) == 1:
            name = found.pop().strip()
            if m.group("poss"):
                return f"[{name}’s]{text[m.end('poss') :]}"
            return f"[{name}]{text[m.end('head') :]}"
        if found:
            return None
    return None


# words that end a noun phrase's modifiers: "Britain's data protection regulator" holds none
PLAIN_WORDS = (
    r"the|a|an|its|his|her|their|this|that|these|those|and|or|of|to|in|on|at|by|for|with|"
    r"from|is|are|was|were|has|have|had|said|says"
)


PERSON_TITLE_NOUN = re.compile(
    r"judge|justice|senator|minister|president|chairman|chairwoman|chair|director|commissioner|"
    r"governor|mayor|secretary|representative|professor|ambassador|spokesperson|spokesman|"
    r"spokeswoman|founder|chief|executive|officer|premier|chancellor|general|admiral|bishop|"
    r"king|queen|prince|princess|sheikh|magistrate|prosecutor|attorney|inspector|superintendent|"
    # … or a document's: "Directive IT-2026-04", "Case C-311/18"
    r"directive|order|decree|regulation|resolution|circular|case|bill|act|notice|decision|ruling"
)


def named_description(text: str, earlier: Sequence[str]) -> str | None:
    """The sentence with the definite description it opens with ("The judge …") replaced by
    [what it stands for], when a sentence before names that in so many words: "The judge"
    after "U.S. District Judge Margaret Oyelaran denied …" is "[Judge Margaret Oyelaran]";
    "The regulator" after "Britain's data protection regulator has opened …" is that; "The
    firm" after "Kessler Research, a Taipei-based analyst firm, …" is "[Kessler Research]".
    The nearest such sentence wins; None when none names it."""
    m = DESCRIBED.match(text)
    if m is None or m.group("noun") in STOPWORDS or ANOTHER.search(m.group("head")):
        return None  # "The next conference" is not the one named before
    noun = re.escape(m.group("noun"))
    title = noun[:1].upper() + noun[1:]
    forms = (
        # a title before a name: "Judge Margaret Oyelaran", "Senator Tom Aldana" (a person's
        # title only: "The data" is no "[Data West Computing]")
        rf"\b(?P<t>{title}\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}})"
        if PERSON_TITLE_NOUN.fullmatch(m.group("noun"))
        else r"(?!)",
        # the name as a whole: "the Hangzhou Municipal Bureau", "the U.S. District Court",
        # not a name that describes what follows ("the Future Sci-Tech City area")
        # (or after a possessive: "South Korea's Personal Information Protection Commission")
        # … with what it is for: "the Danish Agency for Digital Government", "the Ministry of
        # Investment, Trade and Industry"
        rf"(?:\b[Tt]he|\w[’']s)\s+(?P<t>(?:[A-Z][\w’'.&-]*\s+){{1,4}}{title}\b"
        rf"(?:\s+(?:for|of|on)\s+[A-Z][\w’'.&-]*(?:(?:,\s+|\s+(?:and\s+)?)[A-Z][\w’'.&-]*){{0,4}}"
        rf"(?![\w’'.&-]))?)(?!\s+{NOUN_AFTER})",
        # … or opening the sentence, after a wire dateline or not: "Qiantang University has
        # extended …", "AMSTERDAM, 7 May 2026 — Acme Press Group today reported …"
        rf"^(?:[A-Z][A-Z .’'/-]+,\s[^—–]{{1,40}}?\s[—–-]{{1,2}}\s+)?"
        rf"(?P<t>(?:[A-Z][\w’'.&-]*\s+){{1,4}}{title})\b(?!\s+{NOUN_AFTER})",
        # a people's or a place's, said in more words than "the Chinese company", that
        # acts: "the Italian data protection authority first wrote …"
        rf"\b[Tt]he\s+(?P<t>[A-Z][a-z]+(?:\s+[a-z][a-z-]*){{1,3}}\s+{noun})"
        rf"(?=\s+(?:(?:first|then|later|also|again|now|has|had)\s+)?{VERB}|,)",
        # a fact sheet's line that is a name: "Authority: Personal Information Protection
        # Commission (PIPC)" (not a list of kinds: "Category: Product Launch, Market …")
        rf"^[A-Z][\w ]{{0,30}}:\s+(?P<t>(?:[A-Z][\w’'.&-]*\s+){{1,4}}{title})"
        rf"(?:\s+\([A-Z]{{2,6}}\))?\.?$",
        # whose: "Britain's data protection regulator"
        # (not "Norvane's researchers attributed the cluster": a verb or "the" between)
        rf"(?P<t>\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}}[’']s\s+"
        rf"(?:(?!(?:{PLAIN_WORDS})\b)(?![a-z]+ed\b)[a-z][\w-]*\s+){{0,3}}?{noun})\b",
        # said to be one: "Riyadh is a small region with a large message"
        rf"(?<![a-z] )(?P<t>\b{NAME_RUN})\s+(?:is|was)\s+(?:a|an|the)\s+"
        rf"(?:[a-z][\w-]*\s+){{0,3}}?{noun}\b(?![’'-])",
        # in apposition: "Kessler Research, a Taipei-based analyst firm"
        # (a plain noun phrase: "Wu Tao, an analyst at the firm" is no firm)
        rf"(?P<t>\b{NAME_RUN})(?:\s+\([A-Z]+\))?,\s+(?:a|an|the)\s+"
        rf"(?:(?!(?:at|of|for|in|with|from|by|on|to|the|a|an|who|which|that)\b)"
        rf"[\w-]+\s+){{0,4}}?{noun}\b(?![’'-])"
        # not the subject of what follows: "… on SWE-bench Verified, the company said", "In a
        # letter to … Sundar Pichai, the lawmakers asked …"; the phrase ends at the noun ("Tang,
        # a former investment banker" is no investment; "ByteDance, the technology newsletter
        # Dianshi Weekly reported" no newsletter)
        rf"(?!\s+{VERB})(?!\s+[A-Z])(?!\s+(?!{PHRASE_GOES_ON}\b)[a-z])",
        # the name right after the noun: "its AI assistant Teman", "the regulator Garante"
        # (not "the model DeepSeek released": the name of one who acts)
        rf"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,3}}?{noun}\s+"
        # (nor part of a longer name: "the ministry Zhao Zhiguo introduced" is not "[Zhao]")
        rf"(?P<t>{DOTLESS}(?:\s+{DOTLESS}){{0,3}})(?![\w’'&-])(?!\s+{VERB})"
        rf"(?!\s+[a-z]+(?:ed|s)\b)(?!\s+[A-Z])",
    )
    for sentence in reversed(earlier):
        if m.group("noun") not in sentence.lower():
            continue  # every form names the noun: most sentences are passed over here
        for form in forms:
            names = [
                n
                for f in re.finditer(form, sentence)
                if (n := _unopened(f.group("t"), title)) and not place_like(n, earlier)
            ]  # not a place: "a telecom bundle in Indonesia, a processing region in …"
            if names:
                name = names[-1]
                if m.group("poss"):
                    return f"[{name}’s]{text[m.end('poss') :]}"
                return f"[{name}]{text[m.end('head') :]}"
    return None


CAPTION_NAME = r"(?:[a-z]{1,4}\.\s+)?[A-Z][^,;:()]*?"  # "mr. E. van der Heijden"


def captioned(text: str, earlier: Sequence[str]) -> str | None:
    """ "The court found …" in a ruling whose caption reads "Court: District Court of
    Rotterdam, interim relief proceedings": "[District Court of Rotterdam] found …"; "The
    judge" after "Presiding judge: mr. E. van der Heijden" is that judge. A caption names one
    court and one judge for the whole article, however far back. Not a plural ("The
    claimants" may be two)."""
    m = DESCRIBED.match(text)
    if m is None or m.group("poss") or m.group("noun").endswith("s"):
        return None
    label = _caption_label(m.group("noun"))
    for line in earlier:
        if (f := label.match(line)) is not None and f.group("t").strip():
            return f"[{f.group('t').strip()}]{text[m.end('head') :]}"
    return None


@lru_cache(maxsize=1024)
def _caption_label(noun: str) -> re.Pattern[str]:
    """A caption's line labelled with the noun ("Presiding judge: …"), compiled once."""
    return re.compile(
        rf"^(?:[A-Z][a-z]+\s+)?(?i:{re.escape(noun)}):\s+(?P<t>{CAPTION_NAME})\s*(?:[,;(]|\.?$)"
    )


# where a phrase an article introduced ("a strategic financing of RMB 30 billion") ends: a
# comma, a full stop, a bracket or a word that starts a new clause
PHRASE_END = (
    r"(?=\s*(?:[,;:()“”\"]|\.(?!\d))|\s+(?:to|that|which|who|from|in|on|with|and|by|after|"
    r"before|at|as|is|was|were|has|had|will|would|said|found|ruled|decided|concluded|ordered|"
    r"agreed|argued|noted|wrote|told|added)\b|$)"
)
# "Acme published …", "Acme has filed …": what follows is Acme's own
AUTHORED = re.compile(
    r"^(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:published|released|issued|posted|filed|wrote|announced|unveiled|put\s+out|sent)\s+$"
)
# "…, saying in …", "… said in …": the subject's own document follows
SAID_IN = re.compile(
    r"\b(?:saying|said|says|wrote|writing|explained|explaining|admitted|admitting|"
    r"acknowledged|acknowledging|disclosed|disclosing)\s+in\s+$"
)
INTRODUCED_WITHIN = 3  # sentences back: further, another thing of the kind may be meant


def introduced(text: str, earlier: Sequence[str]) -> str | None:
    """The sentence with the definite description it opens with ("The financing is …")
    replaced by [the phrase that introduced it] a sentence or two before: "[The strategic
    financing of RMB 30 billion] is …" after "… announced a strategic financing of RMB 30
    billion". Only for a bare description ("The financing"), and a phrase that says which
    (a figure, a name, "of …") or whose ("Acme published a short incident note" → "[Acme’s
    short incident note]"); None when no sentence just before introduced one with "a" or
    "an", or when two did."""
    m = DESCRIBED.match(text) or DESCRIBED_ASIDE.match(text)
    if m is None or m.group("head").count(" ") != 1 or m.group("noun") in STOPWORDS:
        return None
    noun = re.escape(m.group("noun"))
    form = re.compile(
        rf"\b(?:a|an)\s+(?P<np>(?:[a-z][\w-]*\s+){{0,3}}?{noun})\b(?![’'-])"
        rf"(?P<of>\s+(?:of|worth)\s+(?:[^,;:()“”\".]|[.,](?=\d))+?)?{PHRASE_END}"
    )
    for sentence in reversed(earlier[-INTRODUCED_WITHIN:]):
        found = list(form.finditer(sentence))
        if len(found) > 1:
            return None
        if found:
            f = found[0]
            phrase = f"The {f.group('np')}{f.group('of') or ''}"
            if not (f.group("of") or re.search(r"[A-Z0-9]", f.group("np"))):
                # "[The special committee]" would not say which; "Acme published a short
                # incident note …" says whose: "[Acme’s short incident note]"
                # … and "DeepSeek has withdrawn its claim …, saying in a detailed incident
                # report that …" too: "[DeepSeek’s detailed incident report]"
                author = AUTHORED.match(sentence[: f.start()])
                if (who := subject(sentence)) is None:
                    return None
                if author is not None and not author.group("name").startswith(who):
                    return None
                if author is None and not (
                    sentence.startswith(who) and SAID_IN.search(sentence[: f.start()])
                ):
                    return None
                phrase = f"{who}’s {f.group('np')}"
            if m.groupdict().get("poss"):
                return f"[{phrase}’s]{text[m.end('poss') :]}"
            return f"[{phrase}]{text[m.end('head') :]}"
    return None


ANOTHER = re.compile(
    r"\b(?:next|previous|last|first|second|third|final|new|newer|other|another|latest|earlier|"
    r"later|former|following|coming)\b"
)
# a party to a case as the case is introduced: "brought by A against B" (A the claimant, B
# the defendant)
PARTY_NAME = r"(?P<t>[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|de)){0,6})"
PARTIES = {
    **dict.fromkeys(
        ("defendant", "respondent"), re.compile(rf"\bagainst\s+(?:the\s+)?{PARTY_NAME}")
    ),
    **dict.fromkeys(
        ("claimant", "plaintiff", "applicant", "complainant"),
        re.compile(rf"\b(?:brought|filed|lodged|initiated)\s+by\s+(?:the\s+)?{PARTY_NAME}"),
    ),
    # "Northfield Publishing Group, Castellan Books and novelist Miriam Achterberg filed the
    # suit …": who brought it, named
    **dict.fromkeys(
        ("plaintiffs", "claimants"),
        re.compile(
            r"^(?P<t>[A-Z][\w’'.&-]*\s+[A-Z][^.;:“”\"()]{0,100}?)\s+(?:filed|brought|lodged)\s+"
            r"(?:the|a|their)\s+(?:suit|lawsuit|complaint|case|claim)\b"
        ),
    ),
}


ROLE = re.compile(r"^(?P<head>The\s+(?P<noun>" + "|".join(PARTIES) + r"))\b(?P<poss>[’']s?)?")


def party(text: str, earlier: Sequence[str]) -> str | None:
    """ "The defendant may appeal …" as "[Hangzhou DeepSeek Artificial Intelligence Co.] may
    appeal …", when the case was introduced as brought by someone against someone: a court's
    roles, named where the article first says who they are. None otherwise."""
    # "The defendant may appeal …"; "The plaintiffs seek …", whatever the verb
    m = next(
        (m for m in (DESCRIBED.match(text), ROLE.match(text)) if m and m.group("noun") in PARTIES),
        None,
    )
    if m is None:
        return None
    pattern = PARTIES[m.group("noun")]
    for sentence in earlier:
        if (found := pattern.search(sentence)) is not None:
            name = re.sub(r"(?:\s+(?:of|for|and|de))+$", "", found.group("t"))
            if m.group("poss"):
                return f"[{name}’s]{text[m.end('poss') :]}"
            return f"[{name}]{text[m.end('head') :]}"
    return None


# a person's name: a title before it ("Rep. Josh Gottheimer") or a party after ("…, D-N.J.")
PERSON_TITLE = (
    r"(?:(?:Reps?|Sens?|Gov|Dr|Mr|Mrs|Ms|Prof|Rev|Gen|Lt|Col|Capt)\.?|President|Premier|"
    r"Minister|Judge|Justice|Senator|Representative|Governor|Professor|Chancellor|Secretary)"
)


def is_person(name: str, sentence: str | None) -> bool:
    """Whether the name is a person's: a title in it or before it, a party tag, an age or a
    "who" after it ("Rep. Jo Hale", "Jo Hale, D-N.J.", "Jo Hale, 34,", "Jo Hale, who leads
    …")."""
    n = re.escape(name)
    return re.match(rf"{PERSON_TITLE}\s", name) is not None or (
        sentence is not None
        and (
            re.search(rf"{PERSON_TITLE}\s+{n}\b", sentence) is not None
            or re.search(rf"\b{JOB}\s+{n}\b", sentence) is not None  # "chief officer Jo Hale"
            or re.search(rf"\b{JOB},\s+{n},", sentence) is not None  # "The plaintiff, Jo Hale,"
            or re.search(rf"\b{n},\s+(?:[DRI]-[A-Z]|who\b|\d{{2}},)", sentence) is not None
            # "Farid Hamzah, Nusantara's chief executive, said" (not "…, an analyst firm")
            or re.search(
                # (or "Liang Wenfeng, the company's founder,")
                rf"\b{n},\s+(?:the\s+(?:\w+[’']s\s+)?|an?\s+|its\s+|[A-Z][\w.&-]*[’']s\s+)?"
                rf"(?:[\w-]+\s+){{0,2}}?"
                rf"{JOB}(?=[,.;]|\s+(?:at|of|for|in)\b)",
                sentence,
            )
            is not None
        )
    )


# a name that reads as a company's: "DeepSeek", "Tianrun Cloud", "Acme Labs" (not "Liang
# Wenfeng", whom the article may never call "he")
COMPANY_NAME = re.compile(
    r"^[A-Z][a-z]+[A-Z]\w*$|\s(?:Cloud|Labs?|Group|Inc\.?|Ltd\.?|Corp\.?|Corporation|"
    r"Technologies|Technology|Holdings|Capital|Securities|Bank|AI|Systems|Networks|Digital|"
    r"Media|Telecom|Motors|Auto|Semiconductors?|Partners|Ventures|Research)$"
)
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish|ean|ican)$")  # "Norwegian", "Korean"
ACTS = (
    r"said|says|announced|released|launched|reported|told|raised|posted|priced|cut|trained|"
    r"published|plans|planned|hired|filed|sued|declined|confirmed|denied|added|offers|sells"
)


def place_like(name: str, earlier: Sequence[str]) -> bool:
    """Whether a name reads as a place or a people, not as who acts: "Norwegian"; "India" or
    "Inner Mongolia" where the article writes "in India" and never "India said". "The company"
    and "it" never stand for one. A company's name ("DeepSeek", "Acme Labs") is none."""
    if COMPANY_NAME.search(name) is not None:
        return False
    if DEMONYM.match(name):
        return True
    where, acting = _place_patterns(name)
    return any(where.search(t) for t in earlier) and not any(acting.search(t) for t in earlier)


@lru_cache(maxsize=4096)
def _place_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`place_like`'s patterns for a name, compiled once: written as a place ("in India",
    not "in Widget-W2" or "in Widget's model"), and acting ("India said")."""
    n = re.escape(name)
    where = re.compile(rf"\b(?:in|across|outside|inside|throughout|to|from)\s+{n}\b(?![-’'])", re.I)
    acting = re.compile(rf"\b{n}(?:[’']s)?\s+(?:{ACTS})\b")
    return where, acting


# a person's job before or after their name: "founder Liang Wenfeng", "Liang Wenfeng, the
# company's founder"
JOB = (
    r"(?:founder|co-founder|chief executive|chief scientist|CEO|CTO|CFO|chairman|chairwoman|"
    r"president|director|researcher|scientist|professor|analyst|engineer|spokesperson|"
    r"spokesman|spokeswoman|officer|manager|lawyer|economist|partner|head of \w+|plaintiff|"
    r"defendant|claimant|complainant|whistleblower|employee|teacher|student|journalist|"
    r"minister|senator|lawmaker|mayor|governor|undersecretary|commissioner)"
)


def institution(name: str, earlier: Sequence[str]) -> bool:
    """Whether the text writes the name as an institution, with "the" and no noun after it:
    "the Garante said", "… told the Commission." ("the DeepSeek app" is a company's app)."""
    if BODY_NAME.search(name):
        return True  # "AI Office", "European Commission", "Competition Bureau"
    held = [t for t in earlier if name in t]  # the regular expression only where it may match
    if not held:
        return False
    pattern = re.compile(rf"\b[Tt]he {re.escape(name)}(?:[,.;:]|\s+{VERB})")
    # … or an institution's initials: "The National Authority of Protection of Data (ANPD)"
    spelled = re.compile(rf"\b{BODY}\b[^().;]{{0,60}}\({re.escape(name)}\)")
    return any(pattern.search(t) or spelled.search(t) for t in held)


BODY = (
    r"(?:Authority|Commission|Agency|Ministry|Office|Court|Council|Board|Regulator|Department|"
    r"Bureau|Inspectorate|Parliament|Senate|Congress|Tribunal|Directorate|Committee)"
)
BODY_NAME = re.compile(rf"(?:^|\s){BODY}$")


def is_surname(name: str, earlier: Sequence[str]) -> bool:
    """Whether a one-word name is a person's: the article gave it a first or family name (or
    said "surnamed Zhou") and calls it "he" or "she" ("Luo Wenjie …", "Luo is starting his
    own company")."""
    if " " in name:
        return False
    held = [t for t in earlier if name in t]
    if not held:
        return False
    full, person, titled = _surname_patterns(name)
    return any(titled.search(t) for t in held) or (
        any(full.search(t) for t in held) and any(person.search(t) for t in held)
    )


@lru_cache(maxsize=4096)
def _surname_patterns(
    name: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`is_surname`'s patterns for a name, compiled once."""
    n = re.escape(name)
    full = re.compile(rf"\b[A-Z][a-z]+\s+{n}\b|\b{n}\s+[A-Z][a-z]+\b|\bsurnamed\s+{n}\b")
    # "he" or "she" in its sentence, or opening the next ("Wu opens with numbers. She says")
    person = re.compile(rf"\b{n}\b[^.]{{0,80}}(?:\b(?:he|she|his|her|him)\b|\.\s+(?:He|She)\b)")
    titled = re.compile(
        # "chief financial officer Lu Meng", "The chief financial officer, Lu Meng,"
        rf"\b(?:{PERSON_TITLE}|{JOB}),?\s+(?:[A-Z][\w’'.-]*\s+){{0,2}}{n}\b"
        rf"|\b{n}(?:\s+[A-Z][\w’'.-]*){{0,2}},\s+(?:the\s+|its\s+|a\s+)?(?:[\w’'-]+\s+){{0,2}}{JOB}\b"
        # "Wu Qiaoran, who leads the post-training team": "who" is said of people
        rf"|\b(?:[A-Z][\w’'.-]*\s+{n}|{n}\s+[A-Z][\w’'.-]*),\s+who\b"
    )
    return full, person, titled


# "The Controller submitted …" after 'Hangzhou DeepSeek Co., Ltd. ("the Controller")': a term
# a legal text defines
DEFINED_USE = re.compile(r"^The\s+(?P<term>[A-Z][a-z]+)\b(?P<poss>[’']s)?")


def defined_term(text: str, earlier: Sequence[str]) -> str | None:
    """The sentence with a defined term it opens with ("The Controller") replaced by [what
    the text defined it as]: 'Hangzhou DeepSeek Co., Ltd. ("the Controller")'. None when
    the sentence opens with no term the sentences before define."""
    m = DEFINED_USE.match(text)
    if m is None:
        return None
    term = re.escape(m.group("term"))
    defining = re.compile(
        rf"(?P<t>(?:[A-Z][\w’'.&-]*,?\s+(?:(?:of|for|and|the|de)\s+)?){{0,8}}[A-Z][\w’'.&-]*)"
        rf"\s+\((?:[“\"]the {term}[”\"]|the\s+[“\"]{term}[”\"])\)"
    )
    for sentence in reversed(earlier):
        if m.group("term") not in sentence or "(" not in sentence:
            continue
        found = [_unopened(d.group("t").rstrip(","), "") for d in defining.finditer(sentence)]
        if found and found[-1]:
            name = found[-1]
            return (f"[{name}’s]" if m.group("poss") else f"[{name}]") + text[m.end() :]
    return None


def _unopened(name: str, title: str) -> str:
    """A run of capitalised words without the sentence opener before it ("In Britain's …",
    "The Hangzhou Municipal Bureau"): "" when nothing named is left beside the noun, or only
    a day ("on Tuesday, the longest disruption …" names no disruption)."""
    words = name.split()
    while words and words[0] in OPENERS:
        words = words[1:]
    if len(words) == 1 and (words[0] in WEEKDAYS or words[0] in MONTHS):
        return ""
    return " ".join(words) if words and words != [title] else ""


def names_in(sentence: str) -> list[str]:
    """The distinct runs of capitalised words in a sentence (months, determiners and the
    sentence's first word, when it is an ordinary word, left out)."""
    runs: list[str] = []
    run: list[str] = []
    for i, raw in enumerate(sentence.split()):
        word = bare_word(raw)
        bare = word[:-2] if word.endswith(("’s", "'s")) else word
        capital = NAME_WORD.fullmatch(bare) is not None and (
            bare not in NOT_NAMES or (bool(run) and bare in NAME_ENDINGS)
        )
        if i == 0 and bare.lower() in STOPWORDS:
            capital = False
        if capital:
            run.append(bare)
        if (not capital or raw.endswith((",", ";", ":", ")"))) and run:
            name = " ".join(run)
            if name not in runs:
                runs.append(name)
            run = []
    if run and " ".join(run) not in runs:
        runs.append(" ".join(run))
    return runs
