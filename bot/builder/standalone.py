"""Points that stand alone: a reader sees one sentence, never the one before it.

A sentence that leans on unseen text ("However, …", "This led to …", "The company said …",
"It also …") is made self-contained, in order of preference:

1. a leading connective is dropped ("However, some executives …" → "Some executives …");
2. "it" after a sentence that names several things is joined to it: no guessing;
3. a pronoun or "the company"-style subject is resolved with a square-bracketed insertion
   naming the name the sentence before opens with ("[Nvidia] lost …"), or the article's own
   subject, as newspapers do in quotes;
4. the sentence is joined to the one before it, when that one stands alone and both fit;
5. otherwise it is not used as a point.

Every result is the source text apart from bracketed insertions and the case of its first
letter, which `faithful()` checks. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from bot.builder.names import (
    ACTS,
    BODY,
    COMPANY_NAME,
    DESCRIBED,
    DESCRIBED_ASIDE,
    PERSON_TITLE,
    VERB,
    captioned,
    defined_term,
    institution,
    introduced,
    is_person,
    is_surname,
    named_description,
    named_product,
    names_in,
    party,
    place_like,
    subject,
)
from bot.builder.text import normalise

JOIN_MAX = 330

CONNECTIVE = re.compile(
    # an answer's "Yes, …", "No, we learn the date …": a reply to a question the reader has not
    # seen; what follows the comma stands or leans on its own
    r"^(?:Yes|No|Well|Sure|Honestly|Frankly|Absolutely|Exactly|Correct|Okay|OK|Rarely|Partly|"
    r"Mostly|Sometimes),\s+(?=[a-zA-Z])"
    r"|^(?:However|But|And|So|Also|Furthermore|Further(?=,)|Moreover|Additionally|Meanwhile|In fact|"
    r"Still|Yet|Indeed|Thus|Therefore|Hence|Instead|Otherwise|Besides|Nevertheless|Nonetheless|"
    r"Then|Plus|In addition|As a result|In turn|Even so|Notably|Now|Remarkably|Certainly|"
    r"In other words|At the same time|By contrast|In contrast|On the other hand|Similarly|"
    r"By comparison|In comparison|For comparison|"
    r"Likewise|Separately|Elsewhere|Overall|Ultimately|Of course|After all|Even then|Again)"
    # (not an adverb it opens: "So far we have paid …", "Yet another …", "Now that …")
    r"(?:,\s+|\s+(?=[a-z])(?!(?:far|much|many|long|few|little|that|another|more|less|ago)\b))"
)
# openers that need the sentence before: a bare pronoun or demonstrative, or a definite
# description of something already introduced ("The company", "The paper also")
# "This week DeepSeek …", "Last month he …": a span of time, and the opening phrase it starts
SPAN = (
    r"week|month|year|quarter|weekend|morning|afternoon|evening|spring|summer|autumn|fall|"
    r"winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
WHEN = (
    r"(?:(?:Last|This|Next|Earlier\s+this|Later\s+this|Earlier\s+that|Later\s+that)\s+(?:"
    + SPAN
    + r")|On\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+\.?\s+\d{1,2})"
    r"|In\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{4})?)|Yesterday|Today|Earlier|Later)"
)
LEANING = re.compile(r"\b(?:this|that|these|those|such|same)\b", re.I)
PRONOUN = re.compile(
    r"^(?P<word>It[’']s|It|Its|They|Their|Them|He|His|She|Her|This|That[’']s|That|These|Those|"
    r"Such|Both|Neither|"
    r"The latter|The former|Another|Other|The same)\b(?![-’'])(?!(?<=This)\s+(?:" + SPAN + r")\b)"
    # (nor the writer: "This reporter learned from multiple sources …")
    r"(?!(?<=This)\s+(?:reporter|correspondent|newspaper|website|publication)\b)"
)
# "It was a loud week for …", "It's the second time …", "It is unclear whether …", "It is
# the packaging, not the engine, that decides": an "it"
# that stands for no name, so no name may replace it
EXPLETIVE = re.compile(
    r"^It\s+(?:marks|marked|represents|represented|signals|signalled|signaled|comes|came)\b"
    r"|^It(?:[’']s(?:\s+been)?|\s+(?:is|was|will be|would be|has been|had been|seems|seemed|"
    r"remains|remained))\s+(?:(?:not|still|also|now|genuinely|really|simply|just|often|"
    r"usually|always|very)\s+){0,2}"
    r"(?:(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:week|day|month|year|time|moment|night|morning|season|quarter)\b"
    r"|(?:(?:too|very|far|so)\s+)?(?:unclear|clear|likely|unlikely|possible|impossible|hard|"
    r"easy|difficult|worth|early|soon|true|important|notable|striking|surprising|telling|"
    r"fair|no secret|no surprise|not known)\b"
    r"|(?:known|understood|expected|reported|said|thought|believed)\s+that\b"
    # an event described: "It is a striking shift for a lab that …", "It marks a reversal"
    r"|(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:shift|change|move|step|turn|turnaround|"
    r"reversal|departure|u-turn|climbdown|blow|setback|boost|sign|signal|milestone|first|"
    r"break|escalation|rebuke|victory|win|defeat|surprise|relief|gamble|bet)\b(?!\s+(?:that|which|who)\b)"
    # a cleft: "It is the packaging, not the engine, that decides."
    r"|[^.;,]{1,60},\s+not\s+[^.;,]{1,60},\s+(?:that|who)\b"
    r"|not\s+[^.;,]{1,60}\s+but\s+[^.;,]{1,60}\s+(?:that|who)\b)",
    re.IGNORECASE,
)
# "It's free to use": the contraction replaced whole, "[R2 is] free to use"
CONTRACTED = re.compile(r"^It[’']s\s+(?P<verb>been|got)?")
DEFINITE = re.compile(
    r"^(?P<word>The\s+(?:(?:Chinese|American|US|U\.S\.|Hangzhou-based|new|tech|AI|young|"
    r"artificial\s+intelligence|[A-Za-z]+-based)\s+)*(?:[A-Z][a-z]+\s+(?=(?:company|startup|start-up|firm|lab)\b))?"
    r"(?:company|companies|startup|start-up|firm|firms|lab|group|paper|"
    r"report|study|model|models|app|chatbot|agency|regulator|watchdog|ministry|bill|ban|move|"
    r"figure|claim|claims|move|deal|report|authority|authorities|government|administration|"
    r"official|officials|executive|executives|analyst|analysts|researchers|team|developer|"
    r"developers|organisation|organization|platform|service|product|release|update|upgrade)"
    r"(?P<poss>[’']s)?)\b(?![-])"
    # not a noun that modifies the next: "The developer side is …" is no developer
    r"(?!\s+(?!(?:also|still|now|then|already|just|only|even|never|has|have|had|is|are|was|"
    r"were|will|would|can|could|may|might|must|should|did|does|do|not)\b)(?![a-z]+ly\b)[a-z]+\s+"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|said|says|sits|remains)\b)"
)
# "The hedge fund has …", "The judge set …", "The country's privacy regulator had …": a
# definite description with no complement, straight into a verb
BARE_DEFINITE = re.compile(
    r"^The\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?:[’']s(?:\s+[a-z][\w-]*){1,2})?\s+"
    r"(?:do\b|" + VERB + ")"
)
# "None caused lasting harm", "Most have arrived at …": a count of things named before
QUANTIFIED = re.compile(
    r"^(?:None|Most|Many|Some|Several|Few|All|Each|Others|Two|Three|Four|Five|Six|Seven|Eight|"
    r"Nine|Ten)\s+(?:of\s+(?:them|these|those)\b|"
    r"(?:also\s+|still\s+)?(?:have|has|had|were|was|are|is|did|do|does|will|would|can|could|"
    r"said|say|says|caused|agreed|declined|remain|remained|praised|criticised|criticized|"
    r"welcomed|warned|called)\b)"
    # "Not everyone is happy …", "There is also the question of …": against what came before
    r"|^Not\s+(?:everyone|everybody|everything|all)\b|^There\s+(?:is|are|was|were)\s+also\b"
)
# "X also …" leans on what came before unless X is a name
ALSO_EARLY = re.compile(
    r"^(?:[a-z]\S*\s+|The\s+|A\s+|An\s+){1,4}also\b|^(?:The|A|An)\s+(?:\S+\s+){1,3}also\b"
)
# "On Thursday, however, the company said …": a turn against a sentence the reader has not seen
INNER_CONNECTIVE = re.compile(
    r"^(?:On|In|At|By|For|After|Before|Since|Last|This|Earlier|Later|Yesterday|Today|Now)\b"
    r"[^,]{0,40},\s+(?:however|though|instead|meanwhile|in turn|by contrast|too|also),\s"
)
# "Until someone does, …": a verb standing in for one the reader has not seen
# "The fund's founder, Liang Wenfeng, …": whose fund? (a name's is fine: "The Garante's …")
OWNED = re.compile(r"^The\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*[’']s\s")
ELLIPSIS = re.compile(
    r"^(?:Until|Unless|If|When|Once|As long as|Before)\s+\w+(?:\s+\w+)?\s+"
    r"(?:does|do|did|has|have|had|is|are|was|were|can|could|will|would)\s*[,.]"
)
# "Although the USD6mn is disputed …": a figure the reader has not been given
FIGURE_REF = re.compile(
    r"^(?:(?:Although|Though|While|Even though|Since|Because|If|But)\s+)?the\s+"
    r"(?:US\$|USD|\$|€|£|¥)\s?\d",
    re.IGNORECASE,
)
CLAUSAL = frozenset(
    [
        "this",
        "that",
        "these",
        "those",
        "such",
        "both",
        "neither",
        "another",
        "other",
        "the latter",
        "the former",
        "the same",
        "them",
    ]
)
# a quotation attributed to a pronoun: '"…," he said.' leaves the speaker unseen
ATTRIBUTION = re.compile(
    r"[”\"’],?\s+(?P<word>he|she|they|it|the (?:company|firm|startup|start-up|group|lab)|"
    r"(?:one|some|many|most|all|none|two|several) of them)\s+"
    r"(?=(?:said|says|added|adds|wrote|writes|noted|notes|"
    r"told|argued|argues|explained|explains|continued|insisted|warned|stated|posted|replied)\b)"
)
QUOTES = "“\"‘'"
# "In a statement, it said …"; after a longer opening phrase only a person's pronoun ("Born in
# 1985 in Guangdong province, he studied …"): "Despite the buzz around DeepSeek, it is …" and
# "According to DeepSeek's report, its V3 …" stand alone
_PLAIN = r"(?!(?:said|says|told|added|wrote|noted|is|was|are|were|has|had)\b)[A-Za-z0-9][\w’'.-]*"
_NOT_VERB = (
    r"(?!(?:has|have|had|is|was|are|were|said|says|will|would|can|could|did|does|do|"
    # irregular pasts: "DeepSeek cut the price of its flagship …" acts on its own
    r"cut|set|put|hit|led|lost|won|held|made|paid|sold|bought|took|gave|told|began|ran|rose|"
    r"fell|saw|sent|spent|built|found|kept|left|met|brought|got|shut|split|struck|"
    r"[a-z]+ed|[a-z]+ing)\b)"
)
INTRO = re.compile(
    r"^[A-Z][\w ’'.-]{0,30}(?:,\s+[\w ’'.-]{1,30})?,\s+"
    r"(?=(?:it|its|this|that|they|their|he|she|his|her)\b)"
    r"|^[A-Z][\w ’'-]{31,60},\s+(?=(?:he|she|his|her)\b)"
    # "Last month he left …", "On Monday it said …": a time, then who the reader never saw
    rf"|^{WHEN}\s+(?=(?:it|its|they|their|he|she|his|her)\b)"
    # "In a blog post on Monday it said …": an opening phrase without its comma, then who
    r"|^(?:In|On|At|By|For|With|After|Before|During|Since|Under|Through|From|Over|Outside|"
    r"Inside|Within|Beyond|Across|Until|Among)\s+"
    r"(?:(?:a|an|the|its|his|her|their)\s[\w ’'-]{0,40}?|"
    + _PLAIN
    + r"(?:\s"
    + _PLAIN
    + r"){0,2}?)\s"
    r"(?=(?:it|they|he|she)\s+(?:is|are|was|were|has|had|will|would|can|could|said|says|told|"
    r"wrote|added|[a-z]+ed|[a-z]+s)\b)"
    # "People close to it say …", "Some of them …": whom?
    # (not "DeepSeek has started charging for its chatbot": its own, after its verb)
    r"|^[A-Z][\w’'-]*(?:\s+"
    + _NOT_VERB
    + r"[\w’'-]+){0,3}?\s+(?:to|of|at|for|with|about|from|on)\s+"
    r"(?:it|them|him|her|its|their)\b"
    # "Much of that is now …", "Most of these came …": a share of what the reader never saw
    r"|^(?:Much|Most|Some|All|None|Part|Half|Little|Many|Few|Each|Any|One)\s+of\s+"
    r"(?:this|that|these|those)(?=\s+(?:is|was|are|were|has|have|had|will|would|could|may|"
    r"came|comes|went|goes|seems|seemed)\b|\s*[,.;])"
    # "The filings describe it as four such supernodes": such as which?
    r"|^[^,;:]{0,60}\b(?:\d[\d,]*|two|three|four|five|six|several|many|no|other)\s+such\s+(?!as\b)"
    # "Earlier this month, the company said …": which company?
    r"|^(?:[A-Z][\w ’'-]{0,30}|(?:In|On|At|By|For|With|After|Before|During|Since|Under|Through|"
    r"From|Over)\s[^,;:]{0,60}),\s+(?=the\s+(?:company|firm|startup|start-up|lab)\b)"
)

# "DeepSeek says this cuts the cost …", "The company said these were …": who says is named,
# what they say leans on the sentence before (not "said this week")
LEANING_REPORT = re.compile(
    r"^(?:\[[^\]]+\]|[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,5}?)\s+(?:also\s+)?"
    r"(?:says|said|claims|claimed|adds|added|argues|argued|notes|noted|believes|believed|"
    r"estimates|estimated|thinks|expects|expected|admits|admitted|warns|warned)\s+"
    r"(?:that\s+)?(?:this|these|those|such)\b(?!\s+(?:" + SPAN + r")\b)"
)

PERSON_PRONOUNS = {"he", "his", "she", "her"}
# "His new company, Qiantang Labs, has …", "The phone this runs on, the Kestrel Aero 5, went …"
NAMED_BY_APPOSITION = re.compile(  # after a common noun: "… campus in Ulanqab, Inner Mongolia"
    # … when the name can only rename that noun phrase: not "sales to its largest customer,
    # DeepSeek," (DeepSeek is the customer) nor a clause ("The firm noted that its unit, X,")
    r"^(?:His|Her|Its|Their|The|This|That)\s(?:(?!\b(?:(?:to|for|from|with|in|on|at|by)\s+"
    r"(?:its|his|her|their|the|a|an)|that|which|who|said|says|noted|told|reported|announced|"
    r"added|wrote)\b)[^,;:“”\"()]){0,60}"
    r"\b[a-z][\w’'-]*,\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z0-9][\w’'.&-]*){0,4}),\s+"
    r"(?=(?:has|have|had|is|are|was|were|will|would|can|could|said|says|went|raised|"
    r"[a-z]+ed|[a-z]+s)\b)"
)
SECOND_ASIDE = re.compile(
    r"[a-z]+ed\b[^,;:“”\"()]{0,40},\s+(?=(?:has|have|had|is|are|was|were|will|would)\b)"
)
PLURAL = re.compile(
    r"\b(?:companies|firms|models|officials|analysts|researchers|executives|"
    r"authorities|developers)\b"
)
# a model's name as news writes it: "V4.5", "R1-0528", "DeepSeek-V3"; not a chip ("H800")
MODEL_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+[A-Z]?[a-z]*-)?[A-Z]\d(?:\.\d)?(?:-[A-Za-z0-9]+)?\b(?![.,]?\d)"
)
MODEL_NOUN = re.compile(r"\b(?:model|models|chatbot|app|release|update|upgrade|product|service)\b")
ORG_NOUN = re.compile(r"\b(?:company|companies|startup|start-up|firm|firms|lab|group|developer)\b")


# "Which, interestingly, lines up with …": a relative clause cut from the sentence before
RELATIVE = re.compile(r"^Which\b(?!.*\?\s*$)")


# "The release note on DeepSeek's WeChat account", "The chatbot application of the Chinese
# company DeepSeek": a description whose complement says whose it is
NAMED_COMPLEMENT = re.compile(  # (not "The alleged use of advanced Nvidia chips": a modifier)
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:of|on|for|by)\s+(?:[\w’'-]+\s+){0,3}?"
    r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*"
    r"(?:[’']s\b|(?=\s+(?:can|could|is|are|was|were|has|have|had|will|would|said|says|"
    r"[a-z]+ed)\b|[,;:]))"
)


def _described(text: str) -> bool:
    """Whether the text opens with a definite description ("The company …") that does not
    say whose it is."""
    m = DEFINITE.match(text)
    return m is not None and NAMED_COMPLEMENT.match(text, m.end("word")) is None


def dependent(text: str) -> bool:
    """Whether a point opens by leaning on text the reader has not seen."""
    return (
        CONNECTIVE.match(text) is not None
        or PRONOUN.match(text) is not None
        or _described(text)
        or (INTRO.match(text) is not None and not OWNED_IN_OPENING.match(text))
        or (BARE_DEFINITE.match(text) is not None and NAMED_COMPLEMENT.match(text, 3) is None)
        or ALSO_EARLY.match(text) is not None
        or (text[:1] in QUOTES and ATTRIBUTION.search(text) is not None)
        or unattributed_quote(text)
        or FIGURE_REF.match(text) is not None
        or ELLIPSIS.match(text) is not None
        or OWNED.match(text) is not None
        or INNER_CONNECTIVE.match(text) is not None
        or RELATIVE.match(text) is not None
        or QUANTIFIED.match(text) is not None
        or _described_after_opening(text)
        or LEANING_REPORT.match(text) is not None
        or BECAUSE_ALONE.match(text) is not None
    )


# "Less happily for DeepSeek, Wu Haotian, its head of data, left …": "its" is the name the
# opening phrase holds, not one the reader has not seen
OWNED_IN_OPENING = re.compile(
    r"^[A-Z][^,;:]{0,40}?\s[A-Z][\w’'.&-]+[^,;:]{0,20},\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3},\s+"
    r"(?:its|his|her|their)\s"
)
# "Because it grew up as a research lab.": a reason with no main clause answers a question
# the reader has not seen ("Because Widget cut its prices, we followed" stands)
BECAUSE_ALONE = re.compile(
    r"^(?:(?:Partly|Mainly|Largely|Simply)\s+)?[Bb]ecause\b[^,;:]*$"
    r"|^Nor\s"  # "Nor does it say anything about …": after what it does not say either
)


OPENING = re.compile(  # a phrase of time, place or manner, not a clause or a name
    r"^(?:In|On|At|For|After|Before|During|Since|Last|This|Earlier|Later|By|With|Under|Over|"
    r"From|Within|As|Meanwhile|Separately|Elsewhere|Yesterday|Today|Instead|Overall)\b"
    r"[^,;:“”\"]{0,40},\s+(?=the\s)"
)


def _described_after_opening(text: str) -> bool:
    """ "For the first time, the group also put …", "In a filing, the company said …": an
    opening phrase, then a thing described that the reader has not seen named."""
    m = OPENING.match(text)
    if m is None:
        return False
    rest = text[m.end() :]
    rest = rest[:1].upper() + rest[1:]
    bare = BARE_DEFINITE.match(rest)
    # (not "the price of uncached input roughly doubles": its complement says which)
    if bare is not None and COMPLEMENT.search(bare.group(0)) is None:
        return True
    return any(p.match(rest) for p in (DEFINITE, ALSO_EARLY, OWNED))


COMPLEMENT = re.compile(r"\s(?:of|for|in|on|at|to|with|from|by)\s")


ASKED = re.compile(
    r"^(?:(?:So|And|OK|Okay),?\s+)?(?:What|what|Who|who)(?:\s+exactly)?(?:\s+(?:is|are|was|were)|[’']s)"
    r"(?:\s+exactly)?\s+(?P<name>.*[A-Z0-9].*?)\s*\?$"
)
ASKED_PRONOUNS = {"It": False, "Its": True, "He": False, "His": True, "She": False}


def _named(name: str, text: str, m: re.Match[str], possessive: bool = False) -> str:
    """The text with the pronoun `m` matched replaced by [name]: "[R2’s] weights", "[R2 is]
    free" for "It's free" ("[R2 has] been" for "It's been")."""
    c = CONTRACTED.match(text)
    if c is not None:
        verb = "has" if c.group("verb") else "is"
        return f"[{name} {verb}] {text[c.end() - len(c.group('verb') or '') :]}"
    return (f"[{name}’s]" if possessive else f"[{name}]") + text[m.end() :]


def asked_about(heading: str) -> str | None:
    """What a question heading asks about: "R2" for "What is R2?" (a name, not "it")."""
    m = ASKED.match(heading.strip())
    return _upper_first(m.group("name")) if m else None


def unattributed_quote(text: str) -> bool:
    """A sentence that is one quotation and nothing else ('"It is an excellent innovation."'):
    the speaker is in the sentence before, so on its own it is nobody's words."""
    body = text.rstrip().rstrip(".")
    if len(body) < 2 or body[0] not in '“"‘' or body[-1] not in '”"’':
        return False
    inner = body[1:-1]  # one quotation: no other quote mark in it (’ in a word is an apostrophe)
    return not any(q in inner for q in '“”"‘') and re.search(r"’(?!\w)", inner) is None


# '…,” Wiz’s research stated.' / '…," Huang said.' / '…," said Jensen Huang.'
# "Sanne de Wit", "Ursula von der Leyen": a name's lowercase particles
PARTICLES = r"(?:(?:de|van|von|der|den|da|di|du|la|le|ter|bin|al)\s+)*"
SPEAKER = re.compile(
    r"[”\"’],?\s+(?:(?P<before>\[?[A-Z][\w’'.\-]*\]?(?:\s+"
    + PARTICLES
    + r"[A-Z\[][\w’'.\-\]]*){0,3}"
    r"(?:’s\s+[a-z]+)?)\s+(?:said|says|stated|wrote|writes|added|told|noted|explained)\b"
    r"|(?:said|says|added|wrote)\s+"
    r"(?P<after>[A-Z][\w’'.\-]*(?:\s+" + PARTICLES + r"[A-Z][\w’'.\-]*){0,3}))"
)


def quoted_speaker(sentence: str | None) -> str | None:
    """Who speaks the quotation a sentence ends with: "Huang" for '"…," Huang said.'"""
    found = list(SPEAKER.finditer(sentence or ""))
    if not found:
        return None
    name = found[-1].group("before") or found[-1].group("after")
    name = name.replace("[", "").replace("]", "").rstrip(".,")
    if name.endswith(("’s", "'s")):
        # '…," said Halvard's head of research, Kristoffer Lie.': the name after the role
        role = NAME_AFTER_ROLE.match(sentence or "", found[-1].end())
        return role.group("name").rstrip(".,") if role else None
    return None if name.lower() in SPEAKING_PRONOUNS else name  # "She said …" names no one


NAME_AFTER_ROLE = re.compile(
    r"\s+[^,;“”\"]{1,60}?,\s+(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})"
)


SPEAKING_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])
# '…," she said.' / '…," he added': a quotation a pronoun speaks
PRONOUN_SPEAKS = re.compile(
    r"[”\"’],?\s+(?:(?:she|he)\s+(?:said|says|added|told|wrote|noted)|(?:said|added)\s+(?:she|he))\b"
)
QUOTE_MARKS = '“”"'
# "… he explained the reversal at length.": a person's words to follow
ANNOUNCES = re.compile(r"\b(?:he|she)\s+(?:said|explained|wrote|told|added|argued|put it)\b")


# 'Chief executive Matthias Brenner said: "This was …': a quotation its speaker opens
OPENS_QUOTE = re.compile(  # (or "Wanjiru Kamau, Chief Executive Officer, said: "…")
    r"(?:^|\s)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?:,\s+[^,:;“”\"]{2,60},)?"
    r"\s+(?:said|says|added|wrote)(?:\s+in\s+a\s+statement)?[:,]\s+[“\"]"
)


def quote_speaker(sentence: str, earlier: Sequence[str]) -> str | None:
    """Whose quotation a sentence gives: the name its attribution gives ("…," Huang said, or
    'Matthias Brenner said: "…'), or for "…," she said, the one person the sentences just
    before name."""
    if (opened := OPENS_QUOTE.search(sentence)) is not None:
        return opened.group("name")
    if (name := quoted_speaker(sentence)) is not None:
        if " " not in name:  # "Walker" is "Adam Walker", as an earlier sentence names him
            full = [n for t in earlier for n in names_in(t) if " " in n and n.split()[-1] == name]
            return full[-1] if full else name
        return name
    if ANNOUNCES.search(sentence) is not None and not any(q in sentence for q in QUOTE_MARKS):
        # "In a statement to investors, he explained the reversal at length." before a
        # paragraph that is all his quotation: the person just named
        return _person_named_back([*earlier, sentence], strict=False)
    if PRONOUN_SPEAKS.search(sentence) is None:
        # a live blog's "Okafor is not impressed, politely. "We're not going to …"": the
        # person the sentence opens with, whom the article has named in full
        opener = subject(sentence)
        if opener is None or " " in opener:
            return None
        # (only the sentences that write a longer name ending in it: most name no one so)
        longer = re.compile(rf"[A-Z][\w’'-]*\s+{re.escape(opener)}\b")
        named = {
            n
            for t in earlier
            if opener in t and longer.search(t)
            for n in names_in(t)
            if " " in n and n.split()[-1] == opener
        }
        whole = named.pop() if len(named) == 1 else None
        return whole if whole and is_person(whole, " ".join(earlier)) else None
    return _person_named_back(earlier, strict=False)


def quotation_goes_on(text: str, inside: bool) -> str | None:
    """A sentence of a quotation that goes on from the one before ('"The new releases all go
    through human review.', 'Both are our responsibility."'), without its quote marks, when
    it says nothing of who speaks and stands alone under the speaker's name; else None."""
    opens = text[:1] in '“"' and (
        text.count("“") > text.count("”") or text.count('"') % 2 == 1 or unattributed_quote(text)
    )  # (a quotation whole in the sentence too, when it could not join the one before)
    if not (inside or opens) or ATTRIBUTION.search(text) or SPEAKER.search(text):
        return None
    body = text[1:] if opens else text
    body = re.sub(r"[”\"](?=[.!?]?$)|(?<=[.!?])[”\"]$", "", body.strip()).strip()
    if not body or any(q in body for q in QUOTE_MARKS) or dependent(body):
        return None
    return body


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def make_standalone(
    text: str,
    previous: str | None,
    context: str | None = None,
    fallback: str | None = None,
    known: Container[str] | None = None,
    before: str | None = None,
    asked: str | None = None,
    earlier: Sequence[str] = (),
) -> str | None:
    """The point as a self-contained statement, or None when it cannot be made one.

    `previous`: the standalone sentence just before it in the same paragraph (it may be joined
    to it). `context`: the last standalone sentence before it anywhere in the article, whose
    subject a pronoun may stand for. `fallback`: the name the article is mostly about, for
    "the company" and "its" when the sentence before names nobody. `known`: words the article
    capitalises mid-sentence (see `subject`). `before`: the sentence just before as written,
    standalone or not: when it names others but not `fallback`, "its" is not the fallback.
    `asked`: what a question heading right before asks about ("R2" for "What is R2?"): the
    answer's "It" is that, not the article's subject. `earlier`: the article's sentences
    before this one, as written, where "The judge" may be named ("Judge Margaret Oyelaran")."""
    if (defined := defined_term(text, earlier)) is not None:
        return defined
    turned = CONNECTIVE.match(text)
    plain = _upper_first(text[turned.end() :]) if turned else text
    if (named := captioned(plain, earlier)) is not None:
        return named  # "However, the court granted …" in a ruling captioned "Court: …"
    if not dependent(text):
        return text
    if LEANING_REPORT.match(plain):
        # "The company says this speeds up …": naming the company leaves "this" unseen; only
        # the sentence before says what it is
        if previous is not None and not dependent(previous):
            joined = f"{previous} {text}"
            return joined if len(joined) <= JOIN_MAX else None
        return None
    p = PRONOUN.match(text)
    word = p.group("word") if p else ""
    if (
        asked
        and p
        and (word in ASKED_PRONOUNS or CONTRACTED.match(text))
        and not EXPLETIVE.match(text)
    ):
        return _named(asked, text, p, ASKED_PRONOUNS.get(word, False))
    c = CONNECTIVE.match(text)
    written = text
    if c:
        rest = _upper_first(text[c.end() :])
        if not dependent(rest):
            return rest
        text = rest
    joinable = previous is not None and not dependent(previous) and not c
    if (apposed := NAMED_BY_APPOSITION.match(text)) is not None:
        # "His new company, Qiantang Labs, has raised …": the name after the comma is the
        # subject; "[Qiantang Labs] has raised …"
        rest = text[apposed.end() :]
        # "The company's new flagship, V5, launched last week, was trained …": a second aside
        # before the verb is left out: "[V5] was trained …"
        rest = rest[aside.end() :] if (aside := SECOND_ASIDE.match(rest)) else rest
        return f"[{apposed.group('name')}] {rest}"
    if text[:1] in QUOTES and ATTRIBUTION.search(text):
        # only the speaker is unseen: name them, or join the sentence that does
        speaker = _speaker(text, previous or context, known, fallback)
        if speaker is not None:
            return speaker
        if joinable and len(joined := f"{previous} {text}") <= JOIN_MAX:
            return joined
        return None
    if unattributed_quote(text):  # the speaker is only in the sentence before: join it
        if joinable and len(joined := f"{previous} {text}") <= JOIN_MAX:
            return joined
        speaker = quote_speaker((previous if joinable else before) or "", earlier)
        return f"[{speaker}:] {text}" if speaker else None
    pronoun = PRONOUN.match(text) is not None
    if SPOKE.match(text) and previous is not None:
        # "DeepSeek said V4.5 scored 74.2% on SWE-bench. It reported 91.3% on AIME …": what
        # reports is the company the sentence before opened with, whatever else it names
        name = subject(previous, known=known)
        if (
            name is not None
            and (COMPANY_NAME.search(name) is not None or name == fallback)
            and not place_like(name, earlier)
            and not _names(text, name)
        ):
            return f"[{name}]{text[2:]}"
    if SPOKE.match(text) and previous is None and _only_fallback(fallback, known, earlier):
        # a paragraph opening "It also said customers will get a credit", where the
        # sentences before name no one else: the company the article is about
        return f"[{fallback}]{text[2:]}"
    if (
        p is not None
        and word.lower() in PERSON_PRONOUNS
        and (named := _person_back(text, earlier)) is not None
    ):
        return named  # "She sought …" after "The plaintiff, Zhou Yilan, worked at DeepSeek …"
    if joinable and pronoun and previous is not None and len(names_in(previous)) > 1:
        # the sentence before names several things: only a join keeps "it" unambiguous
        joined = f"{previous} {text}"
        return joined if len(joined) <= JOIN_MAX else None
    definite = DEFINITE.match(text)
    if joinable and definite and MODEL_NOUN.search(definite.group("word").lower()):
        joined = f"{previous} {text}"  # "The model scored …": the sentence before says which
        if len(joined) <= JOIN_MAX:
            return joined
    if definite and re.fullmatch(
        r"the (?:new |latest |updated )?model", definite.group("word").lower()
    ):
        # "DeepSeek released V4.5 on Thursday. The model has 1.2 trillion parameters": [V4.5]
        models = set(MODEL_NAME.findall(before or (earlier[-1] if earlier else "")))
        if len(models) == 1:
            return f"[{models.pop()}]{text[definite.end() :]}"
    # "[Judge Margaret Oyelaran] set a hearing …", as the sentences just before name it
    if (named := named_description(text, earlier[-2:])) is not None:
        return named
    if (named := _overseer(text, before or previous)) is not None:
        return named
    if (named := named_product(text, earlier)) is not None:
        return named
    if (named := party(text, earlier)) is not None:
        return named
    far = named_description(text, earlier[:-2])
    if far is not None and _says_its_kind(text, far, proper=True):
        return far  # "The group also said …" is Meridian Press Group, named further back
    resolved = _resolve(text, previous or context, fallback, known, before or previous, earlier)
    if resolved is not None:
        return resolved
    if (named := far) is not None and (
        _thing(text)
        or _says_its_kind(text, named)
        or _kind_before(text, named, earlier)
        or not _other_actor_near(named, earlier, known)
    ):
        return named
    if (named := _person_back(text, earlier)) is not None:
        return named
    if joinable:
        joined = f"{previous} {text}"
        if len(joined) <= JOIN_MAX:
            return joined
    if c and previous is not None and not dependent(previous):
        # "… may struggle to justify premium prices. However, they may still retain …": what
        # the turn is about no name says; the sentence it turns from does, as written
        joined = f"{previous} {written}"
        if len(joined) <= JOIN_MAX:
            return joined
    if (named := introduced(text, earlier)) is not None:
        return named
    if (named := _model_it(text, earlier)) is not None:
        return named
    intro = INTRO.match(text) or OPENING.match(text)
    if intro is not None and (
        re.match(WHEN, text)
        or (text.startswith("the ", intro.end()) and not LEANING.search(text[: intro.end()]))
    ):
        # "Last month [Luo Wenjie] left …", "Earlier this month, [DeepSeek] said …": what
        # follows a time, or "the company" after an opening phrase, resolved ("If confirmed,
        # it would be …" is the thing confirmed; "In those efforts, …" leans itself)
        rest = _upper_first(text[intro.end() :])
        resolved = _resolve(rest, previous or context, fallback, known, before or previous, earlier)
        if resolved is not None and resolved.startswith("["):
            return text[: intro.end()] + resolved
    return None


# "The regulator found …", "The commission also ordered …": a body the sentence before names
OVERSEER = re.compile(
    r"^The\s+(?P<noun>regulator|watchdog|authority|commission|agency|ministry|court|tribunal|"
    r"office|board|bureau|council)\b(?![-’'])"
)
REGULATING = ("Authority", "Commission", "Agency", "Office", "Board", "Bureau", "Ministry")
BODY_RUN = re.compile(rf"\b((?:[A-Z][\w.&-]*\s+){{0,5}}{BODY})\b(?!\s+of\b)")


def _overseer(text: str, before: str | None) -> str | None:
    """ "South Korea's Personal Information Protection Commission (PIPC) fined Widget …. The
    regulator found …": "[Personal Information Protection Commission] found …", when the
    sentence before names one such body (a court for "the court")."""
    m = OVERSEER.match(text)
    if m is None or not before:
        return None
    noun = m.group("noun")
    kinds = REGULATING if noun in ("regulator", "watchdog", "authority") else (noun.title(),)
    bodies = {b for b in BODY_RUN.findall(before) if b.split()[-1] in kinds and " " in b}
    return f"[{bodies.pop()}]{text[m.end() :]}" if len(bodies) == 1 else None


# "It reported …", "It said …": a company's act, or its report's
SPOKE = re.compile(
    r"^It\s+(?:also\s+|later\s+|then\s+)?(?:said|says|reported|announced|disclosed|"
    r"confirmed|told|described|explained|blamed|attributed|warned|noted|estimated|promised|"
    r"denied|acknowledged|stated)\b"
)
PERSON_BACK = 3  # sentences back where "she" may have been named


def _acts(name: str, text: str) -> bool:
    """Whether the text has the name act: "Widget said", "Widget, which is based in …,
    said"."""
    n = re.escape(name)
    return re.search(rf"\b{n}(?:[’']s)?(?:,[^,]{{1,80}},)?\s+(?:{ACTS})\b", text) is not None


def _only_fallback(
    fallback: str | None, known: Container[str] | None, earlier: Sequence[str]
) -> bool:
    """Whether "it" can only be the article's company: the sentences just before name no
    one but it (a name: words the article capitalises mid-sentence, not "Requests …")."""
    if fallback is None or not (
        COMPANY_NAME.search(fallback) or any(_acts(fallback, t) for t in earlier)
    ):
        return False  # an article "about" China: "it said in its filing" is no country's act
    return not any(
        not n.startswith(fallback) and (known is None or any(w in known for w in n.split()))
        for t in earlier[-PERSON_BACK:]
        for n in names_in(t)
    )


def _person_back(text: str, earlier: Sequence[str]) -> str | None:
    """ "She said DeepSeek accounted for 23% …" after "… chief financial officer Zhao Minghui
    was asked … After a pause, she confirmed it": the one person the sentences just before
    name (by a title or job), past those that name no one. None when two are named."""
    m = PRONOUN.match(text)
    if m is None or m.group("word").lower() not in PERSON_PRONOUNS:
        return None
    person = _person_named_back(earlier, strict=True)
    return (
        None
        if person is None
        else _named(person, text, m, m.group("word").lower() in {"his", "her"})
    )


def _person_named_back(earlier: Sequence[str], strict: bool) -> str | None:
    """The one person (by a title or job) the sentences just before name, past those that name
    no one; None when two are named. `strict`: nor past a sentence naming someone else."""
    for before in reversed(earlier[-PERSON_BACK:]):
        people = {n for n in names_in(before) if len(n.split()) > 1 and is_person(n, before)}
        if len(people) > 1:
            return None
        if people:
            return people.pop()
        if strict and any(
            not place_like(n, earlier)
            and not _attributive(n, before)
            and not any(ch.isdigit() for ch in n)  # "the X9", "V4": no one "she" could be
            for n in names_in(before)
        ):
            return None  # someone else is named between: who "she" is, is the reader's guess
    return None


DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish)")  # "Malaysian", "Chinese", "British"


def _attributive(name: str, sentence: str) -> bool:
    """Whether a name only describes the nouns after it ("Malaysian law", "a Malaysian
    company"): a word for a place or a people, no one who acts."""
    if not DEMONYM.fullmatch(name):
        return False  # "Acme shares rose": a company's shares, a company named
    n = re.escape(name)
    return re.search(rf"\b{n}\s+[a-z]", sentence) is not None and not re.search(
        rf"\b{n}\b(?!\s+[a-z])", sentence
    )


def _names(text: str, name: str) -> bool:
    """Whether the text gives the name itself: "it" in "It would make DeepSeek the most
    valuable …" is not DeepSeek."""
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


RESTRICTED = re.compile(r"\s+(?:that|which|who|whose)\b")
# a company introduced by what it is: "Tidewater Reasoning, a start-up building …"
FOUNDED = re.compile(
    r"\b([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}),\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:start-?up|company|firm|lab|developer|maker)\b"
)
# "… left to found Tidewater Labs", "has co-founded Qiantang AI": the company a person starts
STARTED = re.compile(
    r"\b(?:to\s+(?:co-?found|found|start|set\s+up)|(?:co-?)?founded)\s+"
    r"([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})"
)
# what a figure or a total does, not a company: "It does not include …", "It excludes …"
MEASURE_PREDICATE = re.compile(
    r"^It\s+(?:also\s+)?(?:(?:does\s+not|doesn[’']t)\s+(?:include|cover|count|reflect)|"
    r"includes|excludes|covers|counts|reflects|leaves\s+out|accounts\s+for)\b"
)
# "It is priced at $0.55 …", "It scored 93.1% …": said only of a model
MODEL_PREDICATE = re.compile(
    r"^It\s+(?:(?:is|was|will be)\s+(?:priced|trained|released|licensed|served|offered|"
    r"available)|scored|scores|costs|supports|beats|beat|outperforms|outperformed)\b"
)


def _model_it(text: str, earlier: Sequence[str]) -> str | None:
    """ "It is priced at $0.55 …" a few sentences after "On our reading, R3 now trails …":
    "[R3] is priced …", the model a recent sentence opened with (never one this sentence
    names: "It … unchanged from R2" is not R2)."""
    if not MODEL_PREDICATE.match(text):
        return None
    for before in reversed(earlier[-RECENT:]):
        name = subject(before)
        if name is not None and MODEL_NAME.fullmatch(name):
            if _names(text, name):
                return None
            return f"[{name}]{text[2:]}"
    return None


def _named_before(previous: str | None, before: str | None) -> bool:
    """Whether `previous` is `before` with its description named ("DeepSeek-V5 uses …" for
    "The new model uses …"): an "it" after it is the thing named."""
    return bool(previous and before and previous != before and previous.endswith(before[-40:]))


def _described_before(before: str | None) -> bool:
    """Whether the sentence just before opens with a thing described, not named ("The
    measure would give …", "The bill, H.R. 1121, was …"): an "it" after it is that thing."""
    if before is None:
        return False
    # (… an aside before its verb too: "The number, disclosed in a letter, counts …")
    m = DEFINITE.match(before) or DESCRIBED.match(before) or DESCRIBED_ASIDE.match(before)
    if m is None:
        return False
    head = m.group("head") if "head" in m.groupdict() else m.group(0)
    return not ORG_NOUN.search(head.lower())


def _speaker(
    text: str,
    previous: str | None,
    known: Container[str] | None = None,
    fallback: str | None = None,
) -> str | None:
    """'"…," he said.' as '"…," [Tony Burke] said.' when the sentence before opens with a
    person's full name ("it": with any name that is not a model's). '"…," the company said'
    after a sentence that opens with no name: the article's own subject (`fallback`)."""
    m = ATTRIBUTION.search(text)
    if m is None:
        return None
    word = m.group("word")
    name = subject(previous, known=known) if previous else None
    if name is None and word.startswith("the ") and previous:
        others = [n for n in names_in(previous) if known is None or n.split()[0] in known]
        name = None if others else fallback  # nobody named just before: the article's subject
    if name is None:
        return None
    if word == "they" or word.endswith(" of them"):
        return None  # one of several: no single name stands for it
    if word in PERSON_PRONOUNS and len(name.split()) < 2:
        return None
    if word not in PERSON_PRONOUNS and any(ch.isdigit() for ch in name):
        return None  # "it" and "the company" are not a model
    return f"{text[: m.start('word')]}[{name}]{text[m.end('word') :]}"


# a reply and whom it answers: "It replied …" after "… issued a notice to the company"
REPLIES = re.compile(
    r"\s+(?:later\s+|then\s+|promptly\s+)?(?:replied|responded|answered|complied|appealed|"
    r"objected|rejected|disputed|denied|pushed back)\b"
)
ADDRESSED = re.compile(
    r"\b(?:notice|letter|order|request|questions?|demand|warning|fine|summons)\s+"
    r"(?:\w+\s+){0,3}?(?:to|against|on)\s+(?P<to>the company|[A-Z][\w-]+)\b"
)


LAUNCHED = (
    r"\b(?P<co>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:[a-z]+\s+)?(?:announced|launched|released|"
    r"unveiled|introduced|debuted|announces|launches|releases|unveils|introduces)\s+"
    r"(?:(?:its|a|an|the|new)\s+)*(?:[A-Z][\w-]*\s+)?"
)


def _maker(name: str, earlier: Sequence[str]) -> str | None:
    """The company that launched the product a name stands for ("DeepSeek today announced
    DeepSeek Forge, a coding agent …" → DeepSeek for "Forge"); None when no sentence says so."""
    # (the whole name: not "the Widget Fellows programme" for Widget)
    launched = re.compile(LAUNCHED + rf"{re.escape(name)}(?![\w-]|\s+[A-Z])")
    for sentence in earlier:
        if (m := launched.search(sentence)) is not None and m.group("co") != name:
            return m.group("co")
    return None


def _resolve(
    text: str,
    previous: str | None,
    fallback: str | None = None,
    known: Container[str] | None = None,
    before: str | None = None,
    earlier: Sequence[str] = (),
) -> str | None:
    """Replace a pronoun or "the company"-style subject with [the previous subject]."""
    m = PRONOUN.match(text) or DEFINITE.match(text)
    if m is None or EXPLETIVE.match(text):
        return None  # an "it" that stands for nothing named: only a join keeps it
    if RESTRICTED.match(text, m.end()):
        return None  # "The lab that famously didn't need money …" says which lab itself
    lower = m.group("word").lower().replace("’s", "").replace("'s", "")
    if lower in CLAUSAL or lower in {"they", "their", "them"} or PLURAL.search(lower):
        return None  # a clause, or a plural that may stand for several names: join instead
    if lower == "it" and MEASURE_PREDICATE.match(text):
        return None  # "It does not include the cost of …": a figure's, not a company's
    if lower in {"it", "its"} and before is not None and LEANING_REPORT.match(before):
        return None  # "DeepSeek says this cuts the cost …. It builds on …": "this", not DeepSeek
    if lower.startswith("the ") and not (MODEL_NOUN.search(lower) or ORG_NOUN.search(lower)):
        return None  # "the bill", "the report": a thing, not the name before it
    if lower in {"it", "its"} and (chain := _it_before(before)) is not None:
        # "It estimated … DeepSeek's models. It did not say …": the "it" of the sentence before,
        # whatever else that one names
        earlier_chain = earlier[:-1] if earlier and earlier[-1] == chain else earlier
        first = _resolve(
            chain,
            previous,
            fallback,
            known,
            earlier_chain[-1] if earlier_chain else None,
            earlier_chain,
        )
        chained = bracketed_name(first or "")
        if chained is None:
            return None
        if lower == "it" and _names(text[m.end() :], chained):
            return None  # "It would make DeepSeek …": "it" is not DeepSeek
        return _named(chained, text, m, lower == "its")
    opener = before or previous
    if (
        lower in {"it", "its"}
        and opener
        and re.match(r"(?:She|He)\s", opener)
        and len(founded := set(FOUNDED.findall(opener))) == 1
    ):
        # "She has founded Tidewater Reasoning, a start-up building …. This month it closed
        # …": she is no "it"; the one company her sentence introduces is
        return _named(founded.pop(), text, m, lower == "its")
    if (
        lower.startswith("the ")
        and ORG_NOUN.search(lower)
        and opener
        and len(started := set(STARTED.findall(opener))) == 1
    ):
        # "Wu Haotian left last week to found Tidewater Labs. The startup will build …"
        return _named(started.pop(), text, m, bool(m.groupdict().get("poss")))
    if (
        lower == "it"
        and opener
        and subject(opener, known=known) is None
        and subject(opener, strict=False, known=known) is not None
    ):
        return None  # "Italy's regulator acted. It banned …": the regulator, not Italy
    if (
        lower == "it"
        and fallback
        and REPLIES.match(text, m.end())
        and (addressed := ADDRESSED.search(opener or ""))
        and addressed.group("to") in ("the company", fallback)
    ):
        # "The Board issued a notice to the company in November. It replied in December":
        # who replies is who was addressed, not who wrote
        return _named(fallback, text, m)
    name = subject(previous, known=known) if previous else None
    if name is None and before is not None and (ident := IDENTIFIED.match(before)):
        name = ident.group("name")  # "The customer is DeepSeek. The Hangzhou-based developer …"
    named = names_in(previous) if previous else []
    # (a place the sentence before names is no other actor, nor "US-origin items")
    nearby = (
        [
            n
            for n in names_in(before)
            if not place_like(n, earlier)
            and not ADJECTIVAL.search(n)
            # "Toward concrete and copper.": a first word the article never writes as a name
            and not (known is not None and before.startswith(n) and n.split()[0] not in known)
        ]
        if before
        else []
    )

    def person(n: str) -> bool:  # "Rep. Jo Hale", "Zhou" (whom the article calls "he")
        return is_person(n, previous) or any(is_surname(part, earlier) for part in n.split())

    def no_company(n: str) -> bool:  # a model ("V5") or a person
        return any(ch.isdigit() for ch in n) or person(n)

    if (
        lower.startswith("the ")
        and fallback
        and (fallback in named or (before is None and ORG_NOUN.search(lower)))
        and not no_company(fallback)
    ):
        # "the startup", with the article's own subject just named, or right after a heading
        name = fallback
    # the companies sentences just before opened with (a quotation's first word is no subject)
    recent = (
        [
            n
            for t in reversed(earlier[-RECENT:])
            if t[:1] not in QUOTES
            and (n := subject(t, known=known))
            and (COMPANY_NAME.search(n) is not None or n == fallback)
        ]
        if ORG_NOUN.search(lower) and before is not None  # after a heading: the article's
        else []
    )
    if lower.startswith("the ") and len(set(recent)) > 1:
        return None  # "DeepSeek puts … Acme Labs disputed …": which company is meant?
    if name is None and recent:
        # "Tianrun Cloud reported results. Revenue came in at … The company still posted a
        # loss": the company a sentence just before opened with, before the article's subject
        name = next((n for n in recent if COMPANY_NAME.search(n) is not None), None)
    if (
        name is None
        and (not nearby or fallback in nearby)  # "its" after "DeepSeek's arrival …" in an
        and lower not in PERSON_PRONOUNS  # article about OpenAI is not OpenAI's
        and not lower.startswith("they")
        # "1.2 million queries is a lot. It would be useful …": "it" is what the sentence
        # before was about; the article's subject only when that sentence names it
        and (lower.startswith("the ") or fallback in nearby or not (before or "").strip())
    ):
        name = fallback  # "the company", "its": the article's own subject
    if name is None or place_like(name, earlier):
        return None  # "It has appointed …" after a sentence about India is not India
    if lower in {"it", "its"} and (
        CLAUSAL_BEFORE.match(before or "")  # "That is the right focus. It is not …": the focus
        # "He says DS-Motion 1 is …. It was trained …": what the sentence just before is
        # about, when it does not name the name at all
        or (
            before is not None
            and name not in before
            and not (_named_before(previous, before) and name in (previous or ""))
        )
        or person(name)
        or (_described_before(before) and not _named_before(previous, before))
    ):
        return None  # "it" is no person, nor who acted before "The bill was introduced. Its …"
    if MODEL_NOUN.search(lower) and not any(ch.isdigit() for ch in name):
        if (
            not lower.startswith("the ")
            or m.groupdict().get("poss")
            or person(name)
            or (name != fallback and COMPANY_NAME.search(name) is None)
        ):
            # (an interviewee's "The app is …" is not the interviewee's app, nor is it the
            # app of "the company's head of policy, Cao Wenjie," named just before)
            return None
        # "The app reached …" after a sentence about DeepSeek: "[DeepSeek’s] app reached …"
        return f"[{name}’s] {text[4:]}"
    if ORG_NOUN.search(lower) and no_company(name):
        # "V5 is a mixture-of-experts model. The Hangzhou-based lab said …": not V5, so the
        # article's own subject, if that is a company; after a person ("Liang rarely gives
        # interviews. The company is …"), which company is the reader's guess
        if not lower.startswith("the ") or not fallback or no_company(fallback) or person(name):
            return None
        name = fallback
    if ORG_NOUN.search(lower) and (maker := _maker(name, earlier)) is not None:
        # "The company plans …" in a launch of "DeepSeek Forge": DeepSeek, not Forge, is the
        # company the article is about
        name = fallback = maker
    if ORG_NOUN.search(lower) and institution(name, earlier):
        return None  # "the Garante said": an institution, never "the company"
    if (
        ORG_NOUN.search(lower)
        and name != fallback
        and COMPANY_NAME.search(name) is None
        and not (previous or "").startswith(f"[{name}]")  # a name a point was given
        and not (before and IDENTIFIED.match(before))  # "The customer is Widget."
        and not any(_acts(name, t) for t in (*earlier, previous or ""))
    ):
        return None  # "Pro subscribers will get …": a name no sentence has act is no company
    if lower in PERSON_PRONOUNS and (
        len(name.split()) < 2 or re.search(rf"\b{PERSON_TITLE}$", name) is not None
    ):
        return None  # "he" needs a person's full name, not a title ("Ethiopian Minister")
    possessive = lower in {"its", "their", "his", "her"} or bool(m.groupdict().get("poss"))
    if not possessive and _names(text[m.end() :], name):
        return None  # "It would make DeepSeek the most valuable …": "it" is not DeepSeek
    return _named(name, text, m, possessive)


# what a rule or a document is called: no company or person named nearer can be it
THING_NOUN = re.compile(
    r"\b(?:directive|bill|act|law|order|notice|rule|regulation|measure|report|study|paper|"
    r"policy|plan|fine|deal|agreement|contract|ban|circular|decree|guidance|ruling)s?$"
)


def _thing(text: str) -> bool:
    """Whether the description a sentence opens with is a rule's or a document's ("The
    directive takes effect …"): no company or person named nearer can be what it stands for."""
    m = DESCRIBED.match(text)
    return m is not None and THING_NOUN.search(m.group("noun")) is not None


def _says_its_kind(text: str, named: str, proper: bool = False) -> bool:
    """Whether the name a description was given says its kind: "The court" as "[The Lisbon
    Administrative Circuit Court]", which no company or judge named nearer can be. `proper`:
    in its own name ("Acme Press Group"), not a description ("Ruiz's new company")."""
    m = DESCRIBED.match(text)
    name = bracketed_name(named) or ""
    if m is None:
        return False
    noun = m.group("noun")
    if proper:
        return noun[:1].upper() + noun[1:] in name.split() and "’s" not in name and "'s" not in name
    return re.search(rf"\b{re.escape(noun)}\b", name, re.I) is not None


def _kind_before(text: str, named: str, earlier: Sequence[str]) -> bool:
    """Whether the article wrote the description's noun right before the name: "The
    assistant" as "[Teman]" after "its AI assistant Teman", which no other actor can be."""
    m = DESCRIBED.match(text)
    name = bracketed_name(named)
    if m is None or name is None:
        return False
    kind = re.compile(rf"\b{re.escape(m.group('noun'))}\s+{re.escape(name)}\b", re.I)
    return any(kind.search(t) for t in earlier)


def _other_actor_near(named: str, earlier: Sequence[str], known: Container[str] | None) -> bool:
    """Whether the two sentences just before name another actor than the one a description
    named further back stands for: "Nusantara Cloud, a … company" three paragraphs up, then
    "DeepSeek's models are popular …": which company "the company" is, is the reader's guess.
    (A thing's name has no such rival: see `_thing`.)"""
    name = bracketed_name(named) or ""
    actors = {n for t in earlier if (n := subject(t, strict=False, known=known))}
    near = {n.removesuffix("’s").removesuffix("'s") for t in earlier[-2:] for n in names_in(t)}
    return any(n in actors and n not in name and name not in n for n in near)


BRACKETED_NAME = re.compile(r"^\[(?P<name>[^\]:]+?)(?:[’']s)?\]")


def bracketed_name(point: str) -> str | None:
    """The name a point's opening brackets give: "DeepSeek" for "[DeepSeek] said …" or
    "[DeepSeek’s] app …"; None for a point that opens otherwise, or with a speaker's label."""
    m = BRACKETED_NAME.match(point)
    return m.group("name") if m else None


ADJECTIVAL = re.compile(r"-[a-z]+$")  # "US-origin", "Huawei-made": a name made an adjective


def _it_before(before: str | None) -> str | None:
    """The sentence before, when it too opens with an "it" that stands for a name."""
    if before is None or EXPLETIVE.match(before):
        return None
    m = PRONOUN.match(before)
    return before if m is not None and m.group("word").lower() in {"it", "its"} else None


# "The customer is DeepSeek.": a description the sentence names; what comes next is that name
IDENTIFIED = re.compile(
    r"^The\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:is|was)\s+"
    r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\.$"
)
RECENT = 4  # sentences back where "the company" may have been named (by a COMPANY_NAME)
CLAUSAL_BEFORE = re.compile(r"^(?:This|That|These|Those)\b(?!(?<=This)\s+(?:" + SPAN + r")\b)")
BRACKET = re.compile(r"\[[^\]]*\]")
ROWS = " · "  # between the rows of a table shown as one point
PIECES = re.compile(rf"{BRACKET.pattern}|{re.escape(ROWS)}")


def faithful(point: str, source: str) -> bool:
    """Whether a point is its source's text: outside [bracketed insertions], every piece occurs
    in the source in order (a table's rows joined by ROWS too); the first letter's case and a
    final full stop may differ."""
    return faithful_in(point, normalise(source))


def faithful_in(point: str, src: str) -> bool:
    """`faithful` against a source already normalised (one article, many points)."""
    pieces = [normalise(p).strip() for p in PIECES.split(point)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    pos = 0
    for i, piece in enumerate(pieces):
        candidates = [piece, piece.rstrip(".")] if i == len(pieces) - 1 else [piece]
        found = -1
        for cand in candidates:
            for form in {cand, cand[:1].lower() + cand[1:], cand[:1].upper() + cand[1:]}:
                at = src.find(form, pos)
                if at >= 0 and (found < 0 or at < found):
                    found = at
                    length = len(form)
        if found < 0:
            return False
        pos = found + length
    return True
