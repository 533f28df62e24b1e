"""Sentence splitting survives abbreviations, money, model names, quotations and bullets."""

from __future__ import annotations

import pytest

from bot.builder.clean import clean_text
from bot.builder.split import split_sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. market lost more than USD500bn of Nvidia's value on January 27.",
        "Sen. Mark Warner, D-Va., defended the existing export controls.",
        "House Speaker Mike Johnson, R-La., claimed that DeepSeek is “a serious threat”.",
        "DeepSeek trained DeepSeek-V3 for a reported $5.6 million using Nvidia H800 GPUs.",
        "It matches OpenAI’s o1 model on several math and reasoning metrics.",
        "US AI Developers (e.g., Anthropic, Google) must now compete on price.",
        "U.S. officials have raised concerns over its access to U.S. users.",
    ],
)
def test_hard_sentences_stay_whole(sentence: str) -> None:
    text = f"First sentence here. {sentence} Last sentence here."
    assert split_sentences(text) == ["First sentence here.", sentence, "Last sentence here."]


def test_issue_example_gives_five_sentences() -> None:
    text = (
        "DeepSeek trained DeepSeek-V3 for a reported $5.6 million using Nvidia H800 GPUs. "
        "Sen. Mark Warner, D-Va., defended the existing export controls. "
        "The U.S. market lost more than USD500bn of Nvidia's value on January 27. "
        "Analysts at Bernstein question whether the true costs might be higher. "
        "The R1 model is said to be 20 to 50 times cheaper to use than OpenAI's equivalent models."
    )
    assert len(split_sentences(text)) == 5


def test_quotations_split_at_their_sentences() -> None:
    text = (
        "“What I think is absolutely compelling is how fast they caught the frontier,” Walker said. "
        "“They’ve taken all the learning. So, they haven’t had to have a major investment.”"
    )
    assert split_sentences(text) == [
        "“What I think is absolutely compelling is how fast they caught the frontier,” Walker said.",
        "“They’ve taken all the learning.",
        "So, they haven’t had to have a major investment.”",
    ]


def test_missed_boundary_after_plain_word_is_split() -> None:
    assert split_sentences("The U.S. Treasury said so. Profits rose 5 p.m. today.") == [
        "The U.S. Treasury said so.",
        "Profits rose 5 p.m. today.",
    ]


def test_bullet_lists_give_one_sentence_per_item() -> None:
    body = (
        "Skepticism and Controversy:\n"
        "  • Export Control Violations: Scale AI CEO Alexandr Wang suggested that DeepSeek possesses "
        "50,000 Nvidia H100 chips. DeepSeek has not commented on these claims.\n"
        "  • Cost Transparency: DeepSeek claims it spent $5.58 million on computing power for its V3 model.\n"
    )
    sentences = [s for line in clean_text(body).lines[1:] for s in split_sentences(line.text)]
    assert sentences == [
        "Export Control Violations: Scale AI CEO Alexandr Wang suggested that DeepSeek possesses 50,000 Nvidia H100 chips.",
        "DeepSeek has not commented on these claims.",
        "Cost Transparency: DeepSeek claims it spent $5.58 million on computing power for its V3 model.",
    ]


def test_sentences_are_exact_substrings() -> None:
    text = "  A first one.   Sen. Warner spoke.\tThen a third, with $5.6 million.  "
    for s in split_sentences(text):
        assert s in text
