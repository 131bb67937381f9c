"""The literal gate skips only patterns that cannot match: same results as searching all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction import cues, log_detection, message_frames
from extraction.literal_gate import GatedPattern, GatedTable, compile_gated, required_literals

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"\bhyrox\b", 0, frozenset({"hyrox"})),
        (r"\bsled (?:push|pull)", 0, frozenset({"sled pu"})),  # the parser factors out "pu"
        (r"\b(?:row|rowed|erg)\b", 0, frozenset({"row", "rowed", "erg"})),
        (r"\bhik(?:e|ed|ing)\b|\bsummit\b", 0, frozenset({"hik", "summit"})),
        (r"(?:go)?ruck(?:s|ing)?", 0, frozenset({"ruck"})),
        (r"(?:ab)+c", 0, frozenset({"ab"})),
        (r"\d+\s?x\s?\d+", 0, frozenset({"x"})),
        (r"\bHyrox\b|\bSLED\b", re.IGNORECASE, frozenset({"hyrox", "sled"})),  # lower-cased
    ],
)
def test_required_literals_are_what_every_match_contains(
    source: str, flags: int, expected: frozenset[str]
) -> None:
    assert required_literals(re.compile(source, flags)) == expected


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\d+", 0),  # no literal at all
        (r"(?:abc)?\d", 0),  # an optional literal is not required
        (r"(?i:hyrox)", 0),  # a case-insensitive group
        (r"abc|\d", 0),  # one branch without a literal
    ],
)
def test_patterns_without_a_required_literal_are_always_searched(source: str, flags: int) -> None:
    assert required_literals(re.compile(source, flags)) is None
    assert GatedPattern(re.compile(source, flags)).search("ABC 12 hyrox") is not None


_TABLE = [
    (re.compile(source), name)
    for source, name in [
        (r"\bhyrox\b", "hyrox"),
        (r"\bsled (?:push|pull)", "sled"),
        (r"\d+\s?min", "minutes"),
        (r"(?<!no )\brun\b", "run"),
        (r"\b(?:row|erg)\w*", "row"),
        (r"ab(?:cd)?ef", "abef"),
    ]
]
_WORDS = ["hyrox", "sled", "push", "pull", "no", "run", "row", "erg", "ergs", "abef", "abcdef"]


@given(
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text("abcdefnorsux0123456789 ", max_size=6)),
        max_size=12,
    ).map(" ".join)
)
def test_a_gated_table_finds_exactly_what_searching_every_pattern_finds(text: str) -> None:
    gated = [(m.span(), name) for m, name in GatedTable(_TABLE).matches(text)]
    brute = [(m.span(), name) for p, name in _TABLE if (m := p.search(text)) is not None]
    assert gated == brute


def _corpus_texts() -> list[str]:
    """Every message of the project's own workout corpora, lower-cased, and its lines."""
    texts = []
    for path in sorted(HERE.glob("*corpus.jsonl")):
        if "blind" in path.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                message = json.loads(line)["message"].lower()
                texts += [message, *message.splitlines()]
    return texts


def test_the_extractors_gated_tables_agree_with_plain_searches_on_every_corpus_text() -> None:
    texts = _corpus_texts()
    assert len(texts) > 1000
    tables: list[list[tuple[re.Pattern[str], str]]] = [
        [(p, d) for p, d, _ in cues.DISCIPLINE_CUES],
        [(p, s) for strong, weak, s in cues.SPORT_CUES for p in (strong, weak)],
        list(cues.FORMAT_CUES),
    ]
    gates = [
        log_detection._SENTENCE_VETOES,
        log_detection._CLAUSE_VETOES,
        message_frames._MESSAGE_FRAMES,
        message_frames._GOAL_FRAME,
        message_frames._UNDONE_FRAMES,
        log_detection._PAST_AND_HABIT,
        log_detection._PLANS,
    ]
    gated_tables = [(table, GatedTable(table)) for table in tables]
    for text in texts:
        for table, gated_table in gated_tables:
            gated = [(m.span(), v) for m, v in gated_table.matches(text)]
            brute = [(m.span(), v) for p, v in table if (m := p.search(text)) is not None]
            assert gated == brute, text
        for gate in gates:
            found, plain = gate.search(text), gate.regex.search(text)
            assert (found and found.span()) == (plain and plain.span()), text


def test_compile_gated_is_re_compile_behind_the_gate() -> None:
    gate = compile_gated(r"\bplan(?:ned)? for\b")
    assert gate.search("squats 5x5") is None
    match = gate.search("planned for tomorrow")
    assert match is not None and match.group() == "planned for"


_REWRITES = [
    re.compile(source, flags)
    for source, flags in [
        (r"\bpulled (?=\d)", re.IGNORECASE),
        (r"(?P<n>\d) ?plates?\b", re.IGNORECASE),
        (r"\b(?:run|row)\b", 0),
        (r"ab(?:cd)?ef", re.IGNORECASE),
        (r"\bsk\b", re.IGNORECASE),  # matches "ſK" (long s, Kelvin sign): folding beyond ASCII
    ]
]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Pulled", "PULLED", "pulled", "plates", "Plate", "run", "RUN"]),
            st.sampled_from(["AbEf", "abcdef", "ſK", "SK", "ı", "é"]),
            st.text("abcdefnoprstu0123456789 ", max_size=6),
        ),
        max_size=10,
    ).map(" ".join)
)
def test_a_gated_pattern_searches_subs_and_finds_as_the_pattern_does(text: str) -> None:
    for regex in _REWRITES:
        gated = GatedPattern(regex)
        found, plain = gated.search(text), regex.search(text)
        assert (found and found.span()) == (plain and plain.span())
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in regex.finditer(text)]
        assert gated.sub("<>", text) == regex.sub("<>", text)
        assert bool(gated.match(text)) == bool(regex.match(text))
