"""The kind of run a session was (easy, long, tempo, intervals, race...), from all its cues.

Every cue found adds its weight to its kind and the best total names the run, so an explicit
word ("threshold") can outweigh the structure it is run in ("5x6' @ 3:35, 1' rest") and
"long easy run" is long. Athletes say the kind in their own language, by its structure
("6 x 1k off 90s"), or by the event ("meet today, 800 in 2:14").
"""

from __future__ import annotations

import re

from .literal_gate import GatedTable
from .schema import RunType

_REST = r"(?:recovery|recoveries|rest|recup|pause|vila|descanso|rec)"
_SPAN = r"\d+\s?(?:s|sec|secs|seconds?|min|mins|minutes?|'|\")"
_BREAK = (
    r"(?:\d{1,3}\s?(?:s|sec|secs|seconds?|\")|[1-5](?:\.5)?\s?(?:min|mins|minutes?|')|[1-5]:\d\d)"
)
"""A rest between repeats: seconds or a few minutes (a recovery run lasts longer)."""
_STRIDE_REPEAT = r"(?<![\d.])\d{1,2}\s?x\s?(?:[5-9]0|1[0-5]0)\s?m?\b"
"""A stride's length: 50 to 150 m."""
_REAL_REPEAT = (
    r"(?<![\d.])\d{1,2}\s?x\s?(?:(?:[2-9]\d\d|\d{4})\s?m?\b|\d(?:\.\d)?\s?(?:k|km|mi|mile)s?\b|"
    r"\d{1,2}\s?(?:min|mins|')(?!\w))"
)
"""A repeat longer than a stride: 200 m and up, a kilometre, a mile, minutes."""
_RUN_CUES: GatedTable[tuple[RunType, int]] = GatedTable(
    [
        (re.compile(pattern), (run_type, weight))  # type: ignore[misc]
        for run_type, pattern, weight in (
        ("fartlek", r"\bfartlek", 4),
        # unstructured surges: "2' fast / 1' slow" with no count of repeats
        ("fartlek", rf"{_SPAN}\s?(?:fast|hard|on|quick)\s?/\s?{_SPAN}\s?(?:slow|easy|off|jog)", 2),
        ("hills", r"\bhill (?:repeats|sprints|reps|intervals)|"
                  r"(?<!the )(?<!those )(?<!rolling )(?<!some )(?<!of )\bhills\b"
                  # the course's hills, not a session of them ("hills at 25k were brutal")
                  r"(?! (?:at|are|were|was|in|on|of|near|around|along|kill\w*)\b)", 4),
        ("hills", r"\bhill (?:session|workout|circuit|efforts?)\b|\buphill\b", 4),
        # hills in other languages: cuestas, subidas, cotes, backar, Berglaufe, salite
        ("hills", r"\b(?:cuestas?|subidas?|cotes|backe|backar|backintervall\w*|uppfor|"
                  r"bergl(?:a|ae)uf\w*|bergsprints?|hugelsprints?|salite|heuvel\w*)\b", 4),
        ("threshold", r"\b(?:threshold|lt|lactate|cruise intervals)\b", 3),
        ("threshold", r"\bcruise (?:intervals|reps|miles|k)\b|\bt[- ]pace\b|@ ?t\b", 4),
        ("threshold", r"\b(?:double threshold|sub[- ]?t|sub[- ]?threshold|schwelle\w*|"
                      r"schwellenlauf|seuil|umbral|limiar|troskel\w*|drempel\w*|soglia|"
                      r"laktat\w*)\b", 4),
        ("tempo", r"\btempo\b|\bprogression run|\b(?:marathon|mp|hmp) pace\b", 3),
        ("tempo", r"\b(?:tempo(?:lauf|dauerlauf|run)|progressi(?:ve|vo|f)|progresivo|"
                  r"allure (?:marathon|semi|specifique)|as(?:10|21|42)|m[- ]pace)\b", 3),
        ("recovery", r"\brecovery (?:run|jog)|\brecovery\b(?! (?:swim|ride|row))", 3),
        # the runner's shorthand: "rec run", "recov jog", "recovery shuffle"
        ("recovery", r"\brec(?:ov|overy)? (?:run|jog|shuffle|miles|mi|km|k)\b", 4),
        # recovery in other languages: recup, regenerativo, Regenerationslauf, herstel
        ("recovery", r"\b(?:recup(?:eration)?|regenerati\w+|regeneracion|regeneracao|"
                     r"regen(?:lauf| run)|aterhamtning\w*|herstel\w*|recupero|rigenerante)\b", 4),
        # the rest between repeats is no recovery run ("2' jog recovery", "off 90s", "vila 2 min")
        ("recovery", rf"\b(?:jog|jogging|walk|walking|float|standing) {_REST}\b|"
                     rf"(?<![\d.]){_BREAK}\s?(?:jog |walk |easy |standing )?{_REST}\b|"
                     rf"\b{_REST}\s?(?:of\s)?{_BREAK}(?![\d.])|\boff {_BREAK}(?![\d.])", -3),
        # the run after a race is its recovery ("shakeout the day after the half")
        ("recovery", r"\bday after\b(?! (?:that|tomorrow|next))|\bpost[- ]?race\b|"
                     r"\bflush(?:ing)? (?:out )?(?:the |my )?legs\b", 4),
        ("long", r"\blong run\b|\bls[dr]\b|\blong slow (?:run|distance)\b|"
                 r"\b(?:long|lond|logn|lnog|lomg) (?:\w+ )?run\b", 4),
        ("long", r"\blong\b", 2),
        # long in other languages: tirada larga, longao, sortie longue, langer Lauf, langpass
        ("long", r"\b(?:tirada larga|rodaje largo|longao|treino longo|sortie longue|"
                 r"langer? (?:dauer)?lauf|langpass|lange duurloop|lungo|back[- ]to[- ]back|b2b)\b",
         4),
        ("race", r"\b(?:race|raced|racing|race day|parkrun)\b", 3),
        ("race", r"\brace pace\b", -3),
        ("race", r"\b(?:pb|pr)\b(?!&)", 2),
        ("race", r"\b(?:time trial|tt|turkey trot|fun run|charity run|cross country race|"
                 r"xc race)\b", 3),
        # mountain events: a sky race, a vertical kilometre ("VK today: 3.2 km, 1000 m up")
        ("race", r"\b(?:sky ?(?:race|marathon|ultra)|vertical (?:k|km|kilomet(?:er|re))|vk)\b", 3),
        # events: a meet, a relay, champs, cross country; other languages' race words
        ("race", r"\b(?:meet|relay|invitational|champs|championships?|ekiden|games|"
                 r"cross[- ]country|wettkampf|rennen|tavling|gara|wedstrijd|competition|"
                 r"compet|san silvestre|sao silvestre)\b"
                 r"(?! (?:up|with|you|them|her|him|my|our)\b)|\bxc\b(?! ?ski)|loppet\b|varvet\b",
         3),
        # a result: a place, a medal, a buckle, an aid station, a record, a handover
        ("race", r"\b\d{1,3}(?:st|nd|rd|th|e|eme|o|a)\b (?:place|overall|in (?:my )?"
                 r"(?:age|ag\b|category|cat\b)|female|male|woman|women|man|men|feminine|"
                 r"masculin|f\b|m\b)|\b(?:came|finished|placed) \d{1,3}(?:st|nd|rd|th)\b|"
                 r"\b(?:podium|age gro?u?p|medal|medaille|medalla|medalha|buckle|finisher|"
                 r"aid stations?|ravito|dossard|handed off|gun time|(?:school|club|course|"
                 r"meet|state|national|county) record)\b|\b(?:\d(?:st|nd|rd|th)|anchor) leg\b",
         3),
        # an event run ("finished the 50k", "ran the B.A.A. 5K"), not a usual route
        ("race", r"\b(?:finished|ran|completed|did|raced) (?:the|my first) "
                 r"(?!(?:last|first|final|next|whole|extra|other|second|same|back|front) )"
                 r"[a-z.' ]{0,24}"
                 r"(?:\d{1,3}k|marathon|half|ultra|mile|\d{2,3} ?miler)\b"
                 r"(?! (?:loop|route|course|trail|path|of\b|repeats?))", 3),
        ("race", r"\b(?:marathon|ultra|chip time|bib|official time|finish line)\b"
                 r"(?! (?:training|build|block|prep|plan|effort|sim|simulation)\b)"
                 r"|(?<!and a )(?<!back )(?<!second )(?<!front )(?<!other )"
                 r"\bhalf\b(?! (?:an? |hour|mile|way|time|of\b|squat))"
                 r"|\bhm(?= (?:today |yesterday |race |pb |pr |in )?\d{1,2}[:h]\d\d)", 2),
        # the marathon in other languages: maraton, Halbmarathon, meia, mezza, semi-marathon
        ("race", r"\b(?:maraton[ae]?|halbmarathon|halvmaraton|semi[- ]?marathon|meia|mezza)\b",
         2),
        ("intervals", r"\bintervals?\b|\brepeats\b|\byassos?\b|\bsprints?\b|\b[248]00s\b", 3),
        ("intervals", r"\b[1-9]00 reps\b|\bspeed ?work\b|\bvo2(?: ?max)?\b", 3),
        ("intervals", r"\b(?:intervall(?:e|er|en)?|intervalos|intervalli|fractionne|"
                      r"fraccionado|vma|series de|[ir][- ]pace)\b", 3),
        (
            "intervals",
            r"(?<![\d.])\d{1,2}\s?x\s?(?:\d{3,4}\s?m?\b|\d(?:\.\d)?\s?(?:k|km|mi|mile)s?\b|"
            r"\d{1,2}\s?(?:min|mins|')(?!\w))",
            3,
        ),
        # the count after the distance: "400m x 12", "1km x 6"
        ("intervals", r"\b(?:\d{3,4}\s?m?|\d(?:\.\d)?\s?(?:k|km|mi))\s?x\s?\d{1,2}\b", 3),
        # the track hints at repeats, but a watch's "Track Run" or laps of it name none
        ("intervals", r"\btrack\b(?! run\b)(?<!laps of the track)(?<!laps around the track)", 1),
        ("intervals", r"\b(?:pyramid|ladder)\b|\d{3}(?:-\d{3,4}){2,}", 2),
        ("easy", r"\beasy\b|\bshakeout\b|\bzon[ae] ?2\b|\bz2\b|\bconversational\b|\baerobic\b|"
                 r"\b(?:suave|tranquilo|locker|lockerer?|footing|facile|rustig)\b", 2),
        # easy in other languages: lugnt, latt, rolig, leve, kevyt, spokojnie
        ("easy", r"\b(?:lugnt?|latt|rolig|leve|kevyt|spokojn\w+|gemutlich)\b", 2),
        ("easy", r"\b(?:chill|slow|gentle|relaxed|jog|jogged|jogging)\b", 1),
        # strides close an easy run; their short repeats ("6x100m strides") are no session
        ("easy", r"\bstrides\b", 1),
        ("intervals", rf"^(?![\s\S]*{_REAL_REPEAT})(?=[\s\S]*{_STRIDE_REPEAT})[\s\S]*\bstrides?\b",
         -3),
        ("easy", r"\b(?:rodaje|rodagem|trote|dauerlauf|distanspass|duurloop)\b", 1),
        ("recovery", r"\bz(?:one ?)?1\b", 3),
        ("easy", r"\bbase (?:run|miles|mileage|building)\b", 2),
        )
    ]
)  # fmt: skip
"""Cues for the kind of run, each with a weight: the best total names it ("long easy run"
is long; "5x1k w easy jog" is intervals; "race pace" is no race)."""


def run_type_of(text: str) -> RunType | None:
    """The kind of run the cues add up to (ties go to the cue listed first), or None."""
    scores: dict[RunType, int] = {}
    for _, (run_type, weight) in _RUN_CUES.matches(text):
        scores[run_type] = scores.get(run_type, 0) + weight
    best = max(scores, key=lambda name: scores[name], default=None)
    return best if best is not None and scores[best] > 0 else None
