"""Split a message into sessions: one per workout, by date, part of day and kind of training.

"squatted this morning, ran 5k in the evening" is two sessions; "5x5 squats then 3x10 RDLs"
is one. Clauses that are questions, plans, goals or old results are dropped first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from . import cues, discipline_scores, log_detection, named_workouts, numbers
from . import session_frames as frames
from .cleaning import split_clauses, split_sentences
from .dates import Anchor, PartOfDay, find_anchors, is_diary, without_dates
from .elided_sport import carry_sport
from .literal_gate import compile_gated
from .message_frames import is_framed_non_log
from .multisport import join_race_legs
from .schema import Discipline
from .schemes import wod_scheme
from .session_dates import day_of, merge_anchors, resolve_dates, split_at_times, to_last_week
from .split_days import names_split
from .sport_joins import on_own_gear, other_sport_hinted, split_at_sports
from .vocabulary import Mention, corrections, find_mentions

Kind = Literal["crossfit", "endurance", "lifting", "keyword", "neutral"]

_ROUNDS_SCORE = compile_gated(
    r"(?<![\d.])\d{1,3}\s?(?:rounds?|rds?|rnds?)\s?(?:\+|and|plus)\s?\d"
    r"|(?<!x)(?<!x )\(\d{1,3}\s?\+\s?\d{1,3}\)"
)
_NUMBER = compile_gated(r"\d")
_LATER = compile_gated(r"\b(?:later|afterwards|after work)\b")
_DAY_HEADING = compile_gated(r"(?:hybrid|double|two[- ]a|brick) day\b:?")
_ROUNDS_OF = compile_gated(
    r"(?<![\d.])\d{1,2} (?:rounds?|rds)(?: of\b|:| for\b|\s\d{1,2}\s?(?:on|min|')(?!\w))"
    r"|(?:^|:\s?)\d{1,2} (?:rounds?|rds)$"
)
"""Rounds of a WOD ("5 rounds - 400m run, 20 burpees", "3 rounds 4 on/2 off: …")."""
_LAST_WEEK = compile_gated(
    r"(?<!as )(?<!than )(?<!since )(?<!from )(?<!like )(?<!vs )\blast week(?:'s|s)?\b"
)
"""A sentence about last week; "same as last week" only compares with it."""
# A typo-corrected name with no load, reps or sets beside it names no lift: "halves 1:35:50 /
# 1:38:37" are a race's halves, not kettlebell halos.
_LOAD_OR_REPS = compile_gated(r"\d\s?(?:lb|lbs|kg|kgs|#|reps?)\b|(?<![\d:.])\d{1,3}(?![\d:.])")
_LAPS = compile_gated(r"(?<![\d.])\d{1,3}\s(?:laps|lengths)\b")
"""Lengths counted in a pool, laps of a track: how much, though not how far."""


@dataclass(slots=True)
class Clause:
    """One clause of a log sentence and what it is about."""

    text: str
    cased: str
    anchor: Anchor | None
    kind: Kind
    sentence: int = 0
    """Which sentence of the message the clause is in."""
    discipline: Discipline | None = None
    """The keyword discipline or the endurance sport."""
    strong: bool = False
    """A strong sport cue or a sport verb named the discipline."""
    verb: bool = False
    quantity: bool = False
    """A distance or a duration."""
    warmup: bool = False
    benchmark: bool = False
    scored: bool = False
    """A time or rounds score ("8:57", "14+7")."""
    notation: bool = False
    """A set notation ("5x5", "3 sets of 10")."""
    evidence: bool = False
    """A verb of doing or a set notation."""


@dataclass(slots=True)
class Session:
    """Consecutive clauses that describe one workout."""

    today: dt.date
    clauses: list[Clause] = field(default_factory=list)
    date: dt.date | None = None
    part: PartOfDay | None = None
    follows_previous: bool = False
    date_assumed: bool = False

    @property
    def kind(self) -> Kind | None:
        """The first non-neutral kind among the clauses; CrossFit if any clause is a WOD.

        A walk or stretch only when nothing else is said: it is the warm-up or cool-down of
        anything more. Lifting and a WOD in one session are a class (strength, then metcon).
        """
        main = self._main()
        if main and main.kind == "lifting" and any(_wod(c) for c in self.clauses):
            return "crossfit"
        return main.kind if main else None

    @property
    def discipline(self) -> Discipline | None:
        """The keyword discipline or sport of the session's main clause."""
        main = self._main()
        return main.discipline if main else None

    def _main(self) -> Clause | None:
        """The clause that names the session; a keyword over a distance no sport named.

        "16.4 mi, 4,800 ft gain, 10:30 car to car" is a hike, not a run: a hike, a trip or a
        ruck covers distances too.
        """
        found = [c for c in self.clauses if c.kind != "neutral"]
        if found and _minor(found[0]) and frames.lists_a_routine(found[0].text, self.clauses[1:]):
            return found[0]
        major = [c for c in found if not _minor(c)]
        named = [c for c in major if c.kind != "endurance" or c.strong]
        # a distance no sport names after a walk is the walk's ("walked the lake, 3.2 miles");
        # before it, a run ("12x400m, 200m walk rest")
        main = next(iter([c for c in named if not c.warmup] or named or found), None)
        if main is not None and main.kind == "endurance" and not main.strong:
            return next((c for c in major if c.discipline in cues.ON_FOOT), main)
        return main

    @property
    def text(self) -> str:
        """The session's clauses, comma-separated, lower case."""
        return ", ".join(c.text for c in self.clauses)

    @property
    def cased(self) -> str:
        """The same text in its original case (same length and offsets as `text`)."""
        return ", ".join(c.cased for c in self.clauses)

    def add(self, clause: Clause) -> None:
        """Append a clause, adopting its date and part of day if the session has none."""
        self.clauses.append(clause)
        anchor = clause.anchor
        if anchor is not None:
            self.date = self.date or anchor.date
            self.part = self.part or anchor.part
            self.follows_previous = self.follows_previous or anchor.follows_previous


def split_sessions(lower: str, cased: str, today: dt.date) -> list[Session]:
    """The workout sessions a message logs, each with a resolved date."""
    sessions: list[Session] = []
    current: Session | None = None
    clauses = _clauses(lower, cased, today)
    carry_sport(clauses)
    for clause in clauses:
        if current is None or _starts_new(current, clause):
            current = Session(today)
            sessions.append(current)
        current.add(clause)
    resolve_dates(sessions, today)
    sessions = join_race_legs(lower, sessions)
    return [s for s in sessions if s.kind is not None and _has_evidence(s)]


def _wod(clause: Clause) -> bool:
    return clause.kind == "crossfit" or clause.discipline == "crossfit"


def _minor(clause: Clause) -> bool:
    return clause.kind == "keyword" and clause.discipline in cues.MINOR


def _has_evidence(session: Session) -> bool:
    """Whether a session says it was done: a verb of doing, a set notation or a number.

    A date alone counts only for a named session ("yoga this morning", "easy run
    yesterday", "spin class in the evening"), not for a mention ("sore from squats").
    """
    clauses = session.clauses
    if any(c.evidence or c.quantity or _NUMBER.search(c.text) for c in clauses):
        return True
    dated = any(c.anchor for c in clauses)
    named = session.kind == "keyword" or (
        session.kind == "endurance"
        and any(cues.RUN_WORDS.search(c.text) or frames.OUTING.search(c.text) for c in clauses)
    )
    return dated and named


def _clauses(lower: str, cased: str, today: dt.date) -> list[Clause]:
    out: list[Clause] = []
    if is_framed_non_log(lower):
        return out
    asked, ahead, diary = False, False, is_diary(lower)
    held: tuple[int, Anchor] | None = None
    for index, (offset, sentence, question) in enumerate(split_sentences(lower)):
        statement = log_detection.statement_part(sentence, question)
        last_week = _LAST_WEEK.search(sentence) is not None
        if index == 0:  # a log asking the coach's view of it ("…, thoughts?") asks no more
            asked = log_detection.opens_request(
                sentence, question and not log_detection.asks_view(sentence)
            )
        if statement is None or log_detection.only_a_target(statement):
            continue
        lifts = frames.names_lifts(statement)
        # after "Tomorrow: 10k tempo.", a sentence opening on a day ("Friday: long run") is ahead
        planned = asked or (ahead and find_anchors(statement[:12], today, True) != [])
        ahead = log_detection.clause_is_plan(statement[:24])
        era = False
        for start, text in split_at_sports(split_at_times(split_clauses(statement, offset), today)):
            text = log_detection.keep_unvetoed_head(log_detection.strip_vetoed_asides(text))
            if log_detection.covers_what_follows(text):
                planned = True
            if log_detection.clause_is_vetoed(text):
                held = day_of(text, today, index) or held
                # "last year I did 3 hyrox races, best was 1:19": the rest is that year's too
                era = era or log_detection.frames_its_sentence(text)
                continue
            if era and day_of(text, today, index) is None and not log_detection.says_done(text):
                continue
            if planned and not log_detection.says_done(text):
                continue
            planned = False
            clause = _clause(text, cased[start : start + len(text)], today, lifts, diary)
            clause.sentence = index
            if clause.anchor is None and held and held[0] == index:
                clause.anchor = held[1]  # "today is rest day so I only did the physio routine"
            if last_week and clause.anchor is not None:
                clause.anchor = to_last_week(clause.anchor, today)
            out.append(clause)
        kept = [c for c in out if c.sentence == index]  # a vetoed clause names nothing
        discipline_scores.name_by_sentence(kept, ", ".join(c.text for c in kept))
    return out


def _clause(
    text: str, cased: str, today: dt.date, lifts_in_sentence: bool, diary: bool = False
) -> Clause:
    anchors = find_anchors(text, today, diary)
    anchor = merge_anchors(anchors) if anchors else None
    text, cased = without_dates(text, anchors), without_dates(cased, anchors)
    keyword = cues.keyword_discipline(text)
    heading = _DAY_HEADING.match(text)
    if heading and anchor is not None and anchor.part:
        # "hybrid day: AM 10k, PM bench": the heading names the day, each part its session
        keyword = cues.keyword_discipline(text[heading.end() :])
    mentions = find_mentions(text)
    lifts = [m for m in mentions if m.movement.family != "cardio"]
    if lifts and not (cues.SET_NOTATION.search(text) or _LOAD_OR_REPS.search(text)):
        lifts = [m for m in lifts if not corrections(text[m.start : m.end])]
    unlifted = _without(text, lifts)
    sport = cues.sport_of(unlifted)
    verb = cues.SPORT_VERBS.search(text) is not None
    found = cues.format_of(text)
    distances = numbers.find_distances(text)
    quantity = bool(distances or numbers.find_durations(text) or _LAPS.search(text))
    clause = Clause(text, cased, anchor, "neutral", verb=verb, quantity=quantity)
    clause.warmup = cues.WARMUP.search(text) is not None
    clause.benchmark = named_workouts.find(text, cased) is not None
    clause.scored = bool(numbers.find_clocks(text) or _ROUNDS_SCORE.search(text))
    clause.notation = cues.SET_NOTATION.search(text) is not None
    clause.evidence = clause.notation or cues.DOING.search(text) is not None
    if (keyword in cues.MINOR or cues.HIIT_OUTING.search(text)) and sport and sport[1]:
        keyword = None  # "8x200m sprints w/ 200 walk" is a run with walked recoveries
    if keyword:
        clause.kind, clause.discipline, clause.strong = "keyword", keyword, True
    elif (
        clause.benchmark
        or _crossfit_format(found, lifts, lifts_in_sentence)
        or (wod_scheme(text, mentions) and not cues.REPEATS.search(text))
        or _ROUNDS_SCORE.search(text)
        or _ROUNDS_OF.search(text)
        or (lifts and cues.strong_sports(unlifted) >= 2)  # "(2k row / 30 DB snatches / 400m run)"
    ):
        clause.kind = "crossfit"
    elif sport and sport[1] and (quantity or verb):
        clause.kind, clause.discipline, clause.strong = "endurance", sport[0], True
    elif lifts:
        clause.kind = "lifting"
    elif sport and (quantity or sport[1] or clause.evidence or cues.REPEATS.search(text)):
        clause.kind, clause.discipline, clause.strong = "endurance", sport[0], verb
    elif cues.CLIMBING.search(text) and not mentions:
        clause.kind, clause.discipline, clause.strong = "keyword", "climbing", True
    elif not mentions and names_split(text, anchor is not None):
        clause.kind, clause.evidence = "lifting", True  # "legs", "push day", "strength video"
    elif (
        not mentions
        and not cues.walked(text)
        and (distances or (quantity and cues.RUN_WORDS.search(text)) or cues.REPEATS.search(text))
    ):
        clause.kind, clause.discipline = "endurance", "running"
    return clause


def _without(text: str, mentions: list[Mention]) -> str:
    """The text without the names of several words ("dumbbell rows" is no rowing)."""
    for mention in mentions:
        if " " not in text[mention.start : mention.end].strip():
            continue  # "row" alone may be the erg
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    return text


def _crossfit_format(
    found: tuple[int, str] | None, lifts: list[Mention], lifts_in_sentence: bool
) -> bool:
    """Whether a format keyword means CrossFit.

    It does unless it is a lift's scheme ("squat emom 10x2") or a word that runs and rows
    share ("intervals") with no lifts around.
    """
    if found is None:
        return False
    position, fmt = found
    if fmt in cues.WEAK_FORMATS:
        return lifts_in_sentence
    return not (fmt == "emom" and any(m.start < position for m in lifts))


def _starts_new(current: Session, clause: Clause) -> bool:
    """Whether `clause` begins a different workout from `current`."""
    anchor = clause.anchor
    if anchor is not None and current.clauses and not frames.trip_day(current, clause):
        if anchor.follows_previous:
            return True
        if anchor.date and current.date and anchor.date != current.date:
            return True
        if anchor.part and current.part and anchor.part != current.part:
            return True
        if anchor.part and current.part is None and _other_session(current, clause):
            return True
    kind = current.kind
    if (
        kind is None
        or clause.kind == "neutral"
        or (_minor(clause) and anchor is None and not cues.SEPARATE.search(clause.text))
    ):
        return False  # a walk or stretch is a cool-down unless said at its own time
    if _minor(clause) and clause.discipline == current.discipline:
        return False  # "25 min foam rolling and stretching": one routine
    if all(_minor(c) or c.kind == "neutral" for c in current.clauses):
        # after a walk or a stretch, a session of its own ("walked 3 miles, then bench 5x5");
        # a distance or time no sport names is the walk's own ("walked the lake, 3.2 miles")
        bare = clause.kind == "endurance" and not clause.strong
        own = clause.quantity and not bare
        return clause.verb or own or clause.notation or clause.kind == "keyword"
    done = clause.verb or clause.quantity
    if clause.kind == "endurance" and (clause.warmup or not done) and kind != "endurance":
        return False
    if kind == "endurance" and clause.discipline in cues.ON_FOOT and not clause.verb:
        return any(c.strong for c in current.clauses)
    if kind == "endurance" and clause.kind == "endurance" and not clause.verb:
        # "118 km, 2,900 m elevation, 5h22 ride time": the ride names the distance before it
        if not any(c.strong for c in current.clauses):
            return other_sport_hinted(current.clauses, clause)
    if kind == "keyword":
        return (
            clause.kind == "keyword"
            and not cues.same_outing(clause.discipline, current.discipline)
            and not clause.warmup
            and not frames.names_the_same(current, clause)
        ) or frames.ran_after_a_class(current, clause)
    if kind == "crossfit":
        finished = any(c.benchmark or c.scored for c in current.clauses)
        return (
            (
                clause.kind == "endurance"
                and clause.verb
                and not cues.PART_OF_WOD.search(clause.text)
            )
            or clause.kind == "keyword"
            or (clause.benchmark and any(c.benchmark for c in current.clauses))
            or (clause.kind == "lifting" and clause.notation and finished)
        )
    if kind == "lifting":
        if _wod(clause):
            # a class's strength part, then its metcon, unless time passed between them
            in_class = any(cues.CLASS.search(c.text) for c in (*current.clauses, clause))
            return not in_class and _LATER.search(clause.text) is not None
        if clause.kind == "endurance" and frames.is_finisher(clause.text, clause.verb):
            return False
        return clause.kind in ("endurance", "keyword")
    warm = all(c.warmup for c in current.clauses)  # "warmed up on the bike, then squats 5x5"
    return (clause.kind in ("lifting", "crossfit", "keyword") and not warm) or (
        (clause.strong or on_own_gear(clause)) and done and clause.discipline != current.discipline
    )


def _other_session(current: Session, clause: Clause) -> bool:
    """A clause of another kind that says its own part of the day and how long or far.

    "Recovery ride 45 min, and in the night 20 min stretching" is two sessions; the part of
    the day is said only for the second, so parts that differ cannot tell it.
    """
    if not clause.strong or current.kind is None or not clause.quantity:
        return False
    return clause.kind != current.kind or not cues.same_outing(
        clause.discipline, current.discipline
    )
