"""Who is quoted in an article: names next to speech verbs and quotation marks, with roles."""

from __future__ import annotations

import re
from collections.abc import Sequence

NAME = r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,3}"
VERB = (
    r"(?:said|says|say|claimed|claims|noted|notes|remarked|explains|explained|adds|added|commented|"
    r"told|stated|argued|warned|acknowledged|suggested|praised|called|offered|points out|pointed out)"
)
ROLE = r"(?P<role>[A-Za-z][^,;“”\"]{1,80}?)"
PATTERNS = (
    re.compile(rf"[”\"],?\s+{VERB}\s+(?P<name>{NAME})(?:,\s+{ROLE}(?=[,.]))?"),
    re.compile(rf"[”\"],?\s+(?P<name>{NAME})\s+{VERB}\b"),
    re.compile(rf"(?:^|\b[a-z]+\s+)(?P<name>{NAME}),\s+{ROLE},\s+{VERB}\b"),
    re.compile(rf"\b(?P<name>{NAME}),?\s+{VERB}\s+[^“”\"]{{0,40}}[“\"]"),
    re.compile(rf"^(?P<name>{NAME})\s+\((?P<role>[^)]{{2,40}})\):"),
    re.compile(rf"\b[Aa]ccording to (?P<name>{NAME}),\s+{ROLE},"),
    re.compile(
        rf"(?P<role>(?:[A-Z][\w-]*\s){{1,3}}(?:CEO|[Cc]hief|[Ff]ounder|[Pp]resident|[Dd]irector))\s+(?P<name>{NAME})\s+{VERB}\b"
    ),
    re.compile(
        rf"(?P<role>(?:[A-Z][\w-]*\s){{1,4}}(?:at|of)\s(?:the\s)?(?:[A-Z][\w()-]*\s){{1,6}})(?P<name>{NAME})\s+{VERB}\b"
    ),
)
SPEECH = re.compile(rf"\b{VERB}\b|\):|[Aa]ccording to")
FULL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
NOT_PEOPLE = frozenset(
    [
        "The",
        "This",
        "That",
        "It",
        "They",
        "He",
        "She",
        "We",
        "DeepSeek",
        "OpenAI",
        "Chinese",
        "China",
        "Microsoft",
        "Nvidia",
        "Meta",
        "Google",
        "Washington",
        "Beijing",
        "However",
        "Still",
        "Yet",
        "Absolutely",
    ]
)


def quoted_people(sentences: Sequence[str]) -> list[str]:
    """Distinct people quoted or paraphrased, as "Name, role" where the text gives a role."""
    full_names: list[str] = []
    found: list[tuple[str, str | None]] = []
    for s in sentences:
        full_names += FULL_NAME.findall(s)
        if not SPEECH.search(s):
            continue
        for pattern in PATTERNS:
            for m in pattern.finditer(s):
                name = m.group("name").strip()
                role = m.groupdict().get("role")
                words = name.split()
                while words and words[0] in {"House", "Speaker", "Sen", "Senator", "Prominent"}:
                    words = words[1:]
                if not words or words[0] in NOT_PEOPLE:
                    continue
                if role and (role.split()[0].endswith("ing") or len(role.split()) > 10):
                    role = None
                found.append((" ".join(words), role.strip() if role else None))
    out: dict[str, str | None] = {}
    for name, role in found:
        if " " not in name:  # a surname: find the full name elsewhere in the article
            full = [n for n in full_names if n.endswith(" " + name)]
            if not full:
                continue
            name = full[0]
        if name.split()[0] in NOT_PEOPLE:
            continue
        if name not in out or (out[name] is None and role):
            out[name] = role
    return [f"{n}, {r}" if r else n for n, r in out.items()]
