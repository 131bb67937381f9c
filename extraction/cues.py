"""Word cues shared by classification, session splitting and discipline detection."""

from __future__ import annotations

import re

from .schema import CrossfitFormat, Discipline

# Words that name the kind of session outright; the first that matches wins.
KEYWORD_DISCIPLINES: tuple[tuple[re.Pattern[str], Discipline], ...] = tuple(
    (re.compile(pattern), discipline)  # type: ignore[misc]
    for pattern, discipline in (
        (r"\bhyrox\b", "hyrox"),
        (r"\bhybrid\b", "hybrid"),
        (r"\bruck(?:ed|ing|s)?\b", "rucking"),
        (r"\bbackpack(?:ed|ing)\b|\bhik(?:e|ed|ing)\b|\bthru[- ]?hike", "backpacking"),
        (r"\b(?:yoga|vinyasa|ashtanga)\b", "yoga"),
        (
            r"\b(?:bjj|jiu[- ]?jitsu|boxing|muay thai|kickboxing|sparr(?:ing|ed)|judo|"
            r"wrestling|karate|taekwondo|mma|krav maga)\b",
            "martial_arts",
        ),
        (r"\bcalisthenics\b", "calisthenics"),
        (r"\b(?:fbb|functional bodybuilding)\b", "functional_bodybuilding"),
        (r"\b(?:oly|olympic lifting|weightlifting session)\b", "olympic_weightlifting"),
        (r"\b(?:mock meet|powerlifting meet|meet day|powerlifting)\b", "powerlifting"),
        (r"\bcircuit\b", "circuit_training"),
        (r"\b(?:hiit|bootcamp|boot camp|orangetheory|otf|f45)\b", "hiit"),
        (r"\b(?:crossfit|wod|metcon)\b", "crossfit"),
    )
)

# Climbing is checked apart: "climb ride" and "2,400 ft climbing" are not climbing sessions.
CLIMBING = re.compile(
    r"(?<!ft )(?<!m )(?<!of )\b(?:bouldering|bouldered|climbed|climbing|climb|crag|top rope)\b"
    r"(?! ride)"
)

# (strong cue, weak cue) per sport: a strong cue names the sport ("swam", "ride"), a weak one
# only hints at it ("laps", "ftp") and never starts a new session on its own.
SPORT_CUES: tuple[tuple[re.Pattern[str], re.Pattern[str], Discipline], ...] = tuple(
    (re.compile(strong), re.compile(weak), sport)  # type: ignore[misc]
    for strong, weak, sport in (
        (
            r"\b(?:swim|swam|swims|swimming)\b",
            r"\b(?:pool|laps?|lengths|freestyle|breaststroke|backstroke|butterfly|open water|"
            r"masters practice|yards?|yd|free)\b|\bon \d:\d\d",
            "swimming",
        ),
        (
            r"\b(?:rode|ride|rides|riding|bike|biked|biking|cycling|cycled|spin|peloton|zwift|"
            r"mtb|crit|criterium)\b",
            r"\b(?:trainer|gravel|century|ftp|mph|km/h|kph)\b|\d\s?(?:w|watts)\b(?!/)",
            "cycling",
        ),
        (
            r"\b(?:row|rows|rowed|rowing|erg|rower|scull)\b",
            r"\b(?:c2|concept ?2|piece|ut[12]|on the water|\dk test|s/m|spm)\b|/500",
            "rowing",
        ),
        (
            r"\b(?:ran|run|runs|running|jog|jogged|jogging|sprints?|sprinted|parkrun|marathon|"
            r"ultra|miler)\b",
            r"\b(?:treadmill|tempo|fartlek|track|repeats|shakeout|trail)\b|/mi\b|/km\b",
            "running",
        ),
    )
)

SPORT_VERBS = re.compile(
    r"\b(?:ran|jogged|sprinted|rode|biked|cycled|swam|rowed|rucked|hiked|backpacked)\b"
)
RUN_WORDS = re.compile(r"\b(?:easy|recovery|long|tempo|threshold|fartlek|race|raced)\b")

FORMAT_CUES: tuple[tuple[re.Pattern[str], CrossfitFormat], ...] = tuple(
    (re.compile(pattern), fmt)  # type: ignore[misc]
    for pattern, fmt in (
        (r"\bamrap\b|\bas many rounds\b", "amrap"),
        (r"\bemom\b|\be\d+mom\b|\bevery minute\b|\bevery \d+ ?min(?:ute)?s? (?:for|x) \d", "emom"),
        (r"\btabata\b", "tabata"),
        (r"\bchipper\b", "chipper"),
        (r"\bladder\b", "ladder"),
        (r"\d\s?(?:min|s|sec)s? on ?/ ?\d+\s?(?:min|s|sec)?s? off\b|\bintervals?\b", "intervals"),
        (r"\bfor time\b|\brft\b|\brounds for time\b", "for_time"),
    )
)
WEAK_FORMATS = frozenset({"intervals", "ladder"})
"""Formats that also describe runs and rows; they mean CrossFit only next to lifts."""
REP_SCHEME = re.compile(r"(?<![\d-])(\d{1,3}(?:-\d{1,3}){2,11})(?![\d-])")

DOING = re.compile(
    r"\b(?:did|done|finished|completed|hit|got|crushed|smashed|survived|managed|went|worked up|"
    r"built|took me|pr'?d|prd|pr|pb|trained|lifted|logged|tested|retested|made it|"
    r"squatted|benched|deadlifted|snatched|power snatched|cleaned|jerked|curled|pressed|"
    r"ran|jogged|sprinted|rode|biked|cycled|swam|rowed|rucked|hiked|backpacked|repped)\b"
)
SET_NOTATION = re.compile(
    r"\d\s?x\s?\d|\bsets? of \d|\b\d+ (?:sets|singles|doubles|triples)\b|\d/\d{2,3}/\d"
)
WARMUP = re.compile(r"\b(?:warm[- ]?up|wu|cool[- ]?down|cd|to warm up|to cool down)\b")


def keyword_discipline(text: str) -> Discipline | None:
    """The discipline a session names outright ("hyrox", "HIIT class"), if any."""
    for pattern, discipline in KEYWORD_DISCIPLINES:
        if pattern.search(text):
            return discipline
    return None


def sport_of(text: str) -> tuple[Discipline, bool] | None:
    """The endurance sport the text points at and whether a strong cue named it.

    The earliest strong cue wins; without one, the earliest weak cue.
    """
    for strong in (True, False):
        best: tuple[int, Discipline] | None = None
        for strong_cue, weak_cue, sport in SPORT_CUES:
            match = (strong_cue if strong else weak_cue).search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), sport)
        if best:
            return best[1], strong
    return None


def format_of(text: str) -> tuple[int, CrossfitFormat] | None:
    """The first CrossFit format keyword in the text and where it is."""
    best: tuple[int, CrossfitFormat] | None = None
    for pattern, fmt in FORMAT_CUES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), fmt)
    return best
