"""Word cues shared by classification, session splitting and discipline detection."""

from __future__ import annotations

import re

from .boundary_cues import BOUNDARY_CUES
from .literal_gate import GatedTable, compile_gated
from .schema import CrossfitFormat, Discipline

SPORTS = re.compile(
    r"\b(?:soccer|football|futsal|basketball|hoops|table tennis|tennis|pickleball|padel|squash|"
    r"badminton|volleyball|hockey|rugby|baseball|softball|cricket|netball|handball|"
    r"lacrosse|ultimate frisbee|racquetball|water polo|golf|footy|futbol|fútbol|partido|"
    r"(?:5|five|7|seven)[- ]a[- ]side|flag football|tiebreak(?:er)?|on court|"
    r"skiing|skied|ski day|snowboard(?:ing|ed)?|kayak(?:ing|ed)?|canoe(?:ing|d)?|"
    r"paddle ?board(?:ing|ed)?|surf(?:ing|ed)|(?:ice |roller |inline )?skating)\b"
)
"""Team and court sports, and the board, blade and paddle sports that have no home of their
own (a ski erg is Hyrox's, not skiing)."""
ON_FOOT = frozenset({"hiking", "backpacking", "rucking"})
"""Keyword disciplines that cover a distance: they name a session a bare distance began."""
CARRY = frozenset({"rucking", "backpacking", "walking", "hiking"})
"""Disciplines read as distance, time and climb with a load carried: one outing."""

_OUTINGS = (
    CARRY,
    frozenset({"hyrox", "circuit_training"}),
    frozenset({"hiit", "circuit_training"}),
)

SEPARATE = re.compile(r"\b(?:a |as a )?separate(?:ly)?\b|\b(?:another|second) session\b")
"""A session said to be apart from the one before ("then a separate 45 min walk")."""
PART_OF_WOD = re.compile(r"\bthe (?:miles?|runs?|rows?|laps?|k|\d{3,4} ?m|cals?|bike)\b")
"""A WOD's own parts said with a verb ("ran the miles unbroken"): no run of its own."""


def same_outing(one: Discipline | None, other: Discipline | None) -> bool:
    """Whether two disciplines are one outing: a walk, hike, ruck or trip, a Hyrox sim, a class.

    "wild camping - walked in 11 km, 14 kg" is one trip, whose whole text then decides which
    it was (`build`); "8 x (1k run + station), all stations at race weight" is one sim.
    """
    return one == other or any(one in family and other in family for family in _OUTINGS)


MINOR = frozenset({"walking", "mobility"})
"""Disciplines that are often a warm-up or cool-down: they name a session only when nothing
else in it does."""

# Cues that point at a discipline, each with a weight; `keyword_discipline` adds them up and
# the best total wins (ties go to the discipline listed first), so "hike, 3 days, 30 lb pack"
# is backpacking though "hike" alone is a day hike.
_TREADMILL_WALK = r"\b12[- /]3[- /]30\b|\bincline (?:treadmill )?walk"
"""The treadmill walks named by their settings: 12 % incline, 3 mph, 30 minutes."""
_WALK_WORD = r"\bwalk(?:ed|ing|s)?\b(?! lunges?)|" + _TREADMILL_WALK
WALK = re.compile(r"\bwalk(?:ed|ing|s)?\b|" + _TREADMILL_WALK)
_RECOVERY_WALK = compile_gated(
    r"\d\s?(?:s|sec|secs|min|mins|m|meters?)?\s?walk(?:ing)?\b|"
    r"\bwalk(?:ing)? (?:rest|recover\w*|breaks?|between)\b"
)
_REPEATED = compile_gated(r"\d\s?x\s?\d|\b(?:intervals?|reps|repeats|jog)\b")


def walked(text: str) -> bool:
    """Whether the text logs a walk: never a run, even with a distance.

    The walked recoveries of a run's repeats ("8x400m w/ 200m walk", "5 x 1 km with 2 min
    walking rest") are not a walk.
    """
    if not WALK.search(text):
        return False
    if _REPEATED.search(text):
        text = _RECOVERY_WALK.sub(" ", text)
    return WALK.search(_WALK_RECOVERY.sub(" ", text)) is not None


CIRCUIT_STATION = (
    r"stations?\b(?<!the station)(?<!fire station)(?<!police station)(?<!train station)"
    r"(?<!bus station)(?! (?:gym|house))"
)
"""A circuit's station, not a workplace ("at the station", "the station gym", "fire station")."""

DISCIPLINE_CUES: tuple[tuple[re.Pattern[str], Discipline, int], ...] = tuple(
    (re.compile(pattern), discipline, weight)  # type: ignore[misc]
    for pattern, discipline, weight in (
        (r"\bhyrox\b|\bcompromised run(?:s|ning)?\b", "hyrox", 3),
        # two of its stations make a Hyrox session ("sled push 8 x 25m, ski 6 x 500m")
        (r"\bsled (?:push|pull|work)|\bsleds\b", "hyrox", 1),
        (r"\bski ?erg\b|\bski \d", "hyrox", 1),
        (r"\bburpee broad jumps?\b|\bsandbag lunges?\b", "hyrox", 1),
        # Hyrox's format: a 1 km run, then a station
        (r"\b(?:1 ?km?|1000 ?m) run\b[^.]{0,30}\bstations?\b|"
         r"\bstations?\b[^.]{0,30}\b(?:1 ?km?|1000 ?m) run\b", "hyrox", 4),
        (r"\bhybrid\b", "hybrid", 3),
        # a "hybrid day" in parts ("AM 10k, PM upper body") is two sessions, not one
        (r"\bhybrid day\b(?=.*\b(?:am|pm|morning|afternoon|evening|night)\b)", "hybrid", -3),
        (
            r"\b(?:a )?(?:little )?bit of (?:everything|it all|this and that)\b|"
            r"\bmix(?:ed)? (?:of )?(?:everything|session|bag|stuff)\b|\ball over the place\b",
            "hybrid",
            2,
        ),
        (r"\b(?:go)?ruck(?:ed|ing|s)?\b|\btabb(?:ed|ing)\b|\bbergen\b", "rucking", 3),
        (r"\b(?:plate|sandbag) in (?:my |a |the )?(?:back)?pack\b|\bweighted (?:back)?pack\b",
         "rucking", 2),
        (r"\bbackpack(?:ed|ing)\b|\bthru[- ]?hik|\bovernight\b|\b(?:camped|camping)\b",
         "backpacking", 3),
        (r"(?<![\d.x])(?:[2-9]|[1-3]\d)(?<!week \d)(?<!week \d\d)(?<!wk \d)(?<!wk \d\d)"
         r"\s?(?:days?|nights?)\b"
         r"(?!\s?(?:ago|out|to go|left|before|later|off|\d))|\bmulti[- ]?day\b",
         "backpacking", 2),
        (r"\bhik(?:e|ed|es|ing)\b|\bsummit(?:ed)?\b|\btrailhead\b", "hiking", 2),
        (r"\b(?:wanderung|wandern|gewandert|senderismo|randonn[ée]e)\b", "hiking", 3),
        (r"\bapproach (?:hike|walk)\b", "hiking", -2),
        (r"\bhik(?:e|ed|es|ing)\b", "backpacking", 1),
        (r"\b(?:pack|backpack)\b", "backpacking", 1),
        (r"\b(?:vert|vertical|elevation|gain|ascent)\b", "hiking", 1),
        (r"\bcar to car\b|\bc2c\b", "hiking", 2),
        (r"\b(?:ran|run|running|jog\w*|race|raced|tempo|pace|rode|ride|riding|bike|biked|mtb|"
         r"gravel|cycl\w*)\b|"
         r"/(?:mi|km)\b", "hiking", -3),
        (_WALK_WORD + r"|\b\d{1,2}(?:,\d{3}|k) steps\b|\bstroll(?:ed)?\b", "walking", 2),
        (r"\b(?:yoga|vinyasa|ashtanga|hatha|yin|bikram|pilates|reformer|sun salutations?|"
         r"surya namaskars?)\b",
         "yoga", 3),
        (
            r"\b(?:bjj|jiu[- ]?jitsu|boxing(?! day)|muay thai|kickboxing|sparr(?:ing|ed)|judo|"
            r"wrestling|karate|taekwondo|mma|krav maga|no[- ]?gi|open mat|grappling|gi class|"
            r"tai chi|aikido|fencing|capoeira|randori|kumite|kata)\b",
            "martial_arts",
            3,
        ),
        # grappling's words: a submission or a guard names it, a roll or a drill only helps
        (r"\b(?:armbars?|leg ?locks?|heel hooks?|kimuras?|guard pass\w*|takedowns?|"
         r"submissions?|dojo|gi(?! (?:issues?|distress|problems?|trouble|tract))|nogi)\b",
         "martial_arts", 2),
        (r"\b(?:rolling|rolls|sweeps?)\b(?<!foam rolling)", "martial_arts", 1),
        (r"\b(?:drilling|drills)\b", "martial_arts", 1),
        (r"\bacademy\b", "martial_arts", 1),
        (
            r"\b(?:mobility|stretch(?:ed|ing|es)?|foam roll(?:ed|ing|er)?|flexibility|"
            r"pigeon pose|couch stretch|cars routine)\b",
            "mobility",
            2,
        ),
        (SPORTS.pattern, "sports", 3),
        (r"\b(?:footy|[57]-a-side|five-a-side|scrimmage|pick-?up game|tiebreak(?:er)?|on court|"
         r"the full 90(?! ?min)|played the full 90|linebacker|quarterback|innings)\b", "sports", 3),
        # a game or match won, lost or played
        (r"\b(?:game|match|partido)\b", "sports", 1),
        (r"\b(?:won|lost|scored|played)\b", "sports", 1),
        (r"\bcalisthenics\b", "calisthenics", 3),
        (r"\b(?:fbb|functional (?:bodybuilding|bb))\b", "functional_bodybuilding", 4),
        (r"\b(?:moon ?board|kilter|tension board|hang ?board|finger ?board|campus board|"
         r"board session|multi[- ]?pitch|pitches|belay(?:ed|ing)?|top rop(?:e|ed|ing)|"
         r"lead climb(?:ing)?|bouldering|crag)\b", "climbing", 3),
        (r"\b(?:played|won|lost)\b.{0,40}\b(?:game|match)\b|"
         r"\b(?:game|match)\b.{0,40}\b(?:won|lost|played|scored)\b", "sports", 3),
        (r"\bmulti[- ]?pitch\b|\bpitches\b|\b(?:lead|sport|trad) climb(?:ing|ed)?\b|\bbelay",
         "climbing", 4),
        (r"\b(?:oly|olympic lifting|weightlifting session)\b", "olympic_weightlifting", 3),
        (r"\b(?:mock meet|powerlifting meet|meet day|powerlifting)\b", "powerlifting", 3),
        (r"\bcircuits?\b|\b" + CIRCUIT_STATION + r"|\bf45\b|\b9round\b|\bcamp gladiator\b",
         "circuit_training", 3),
        (r"\b(?:hiit|bootcamp|boot camp|orangetheory|otf|tabata)\b", "hiit", 3),
        # branded interval classes: treadmill, rower and floor blocks
        (r"\b(?:orange ?theory|shred ?415|burn boot ?camp|body ?combat|body ?attack|"
         r"les mills grit|barry'?s (?:bootcamp|class|red room))\b|"
         r"\bbarry'?s\b(?=[^.]{0,40}\b(?:red room|tread|floor)\b)", "hiit", 3),
        (r"\b(?:body ?pump|functional training)\b|"
         r"\b(?:exercise|fitness|aerobics|step|chair|senior|strength|sculpt) (?:exercise )?class\b|"
         r"\b(?:zumba|aerobics|aquafit|aqua aerobics|jazzercise)\b", "circuit_training", 3),
        # a HIIT ride or run is the sport done hard ("20 min HIIT & Hills Ride")
        (r"\bhiit\b[^,.]{0,20}\b(?:ride|run|swim|row)\b", "hiit", -3),
        (r"\d\s?(?:s|sec|secs)?\s?(?:on|work)\s?/\s?\d+\s?(?:s|sec|secs)?\s?(?:off|rest)\b",
         "circuit_training", 1),
        (r"\b(?:crossfit|wod|metcon|the open|open workout)\b", "crossfit", 3),
        # an Open workout by its number: "Open 25.1", "26.2 rx", "did 24.3 scaled"
        (r"\bopen (?:wod )?[12]\d\.[1-3]\b|(?<![\d.])[12]\d\.[1-3] (?:rx|scaled|open)\b",
         "crossfit", 3),
        *BOUNDARY_CUES,
    )
)  # fmt: skip
_MINIMUM = 2
"""A discipline needs this much: a hint alone ("pack", "gain") names nothing."""

# Climbing is checked apart: "climb ride", "2,400 ft climbing" and a ride's "the last climb" are
# not climbing sessions.
CLIMBING = re.compile(
    r"(?<!ft )(?<!m )(?<!of )\b(?:bouldering|bouldered|climbed|climbing|crag|top rope|"
    r"(?<!the )(?<!last )(?<!a )(?<!first )(?<!final )(?<!big )(?<!each )(?<!every )climb)\b"
    r"(?! ride)"
)

# (strong cue, weak cue) per sport: a strong cue names the sport ("swam", "ride"), a weak one
# only hints at it ("laps", "ftp") and never starts a new session on its own.
SPORT_CUES: tuple[tuple[re.Pattern[str], re.Pattern[str], Discipline], ...] = tuple(
    (re.compile(strong), re.compile(weak), sport)  # type: ignore[misc]
    for strong, weak, sport in (
        (
            r"\b(?:swim|swam|swims|swimming|piscine|scy|scm|lcm|open water|ows)\b",
            r"\b(?:pool|laps?(?! (?:of|on|around|round) (?:the|a|my) (?:[\w.]+ )?(?:track|loop|"
            r"park|lake|block|course|route|circuit|field|trail|neighbou?rhood|reservoir))|lengths|"
            r"freestyle|"
            r"breaststroke|backstroke|butterfly|masters practice|yards?|yds?|(?<=\d )im|(?<=\d)im|"
            r"fly)\b|\bon (?:the )?\d:\d\d|"
            r"\d\s?(?:m|y|yds?)?(?: \w+)? free\b|\bfree (?:kick|pull|swim)\b",
            "swimming",
        ),
        (
            r"\b(?:rode|ride|rides|riding|bike(?! (?:path|lane|trail))|biked|biking|cycling|cycled|"
            r"spin|peloton(?! tread)|zwift|mtb|crit|criterium|gran fondo|sportive|ftp test|"
            r"trainerroad|rouvy|fulgaz|cycle(?=\s\d+(?:\.\d+)?\s?(?:km|k|m|mi|miles?|min|mins|h|hrs?|hours?)\b))\b",
            r"\b(?:trainer|gravel|century|ftp|mph|km/h|kph|on (?:the )?rollers|sweet ?spot)\b|"
            r"\d\s?(?:w|watts|kj)\b(?!/)",
            "cycling",
        ),
        (
            r"\b(?:row|rows|rowed|rowing|(?<!ski )(?<!ski-)(?:erg|ergs|ergo|ergometer)|rower|"
            r"scull(?:s|ed|ing)?)\b",
            r"\b(?:c2|concept ?2|piece|ut[12]|on the water|\dk test|s/m|spm|cox|coxed|"
            r"crew|rate \d\d|"
            r"head race|regatta)\b|/500|\bin the (?:single|double|pair|quad|four|eight|[1248][x+-])"
            r"(?!\w)|"
            r"\b(?:2000|6000|500)\s?m (?:test|piece|time trial)\b",
            "rowing",
        ),
        (
            r"\b(?:ran|run|runs|running|jog|jogged|jogging|sprinted|parkrun|marathon|"
            r"ultra|miler|c25k|couch to 5k|turkey trot|fun run|xc|cross[- ]country|skyrace|"
            r"rodaje|trote|footing|laufen|gelaufen|sprints?|"
            r"(?:dauer|tempo|regenerations|berg|wald|halbmarathon)?lauf|lopning|lopp(?:et)?|"
            r"\w+varvet|corri|corrida|longao|tirada larga|maraton[ae]?|halvmaraton|ekiden|"
            r"track meet|(?:half|hm)(?=,? (?:today |yesterday |race |pb |pr |in )?"
            r"\d{1,2}[:h]\d\d))\b",
            r"\b(?:treadmill|dreadmill|tread|tempo|fartlek|track|repeats|shakeout|trail)\b"
            r"|/mi\b|/km\b|\bhill (?:reps|sprints|intervals|session|workout)\b|\bhills\s?:",
            "running",
        ),
    )
)

HIIT_OUTING = re.compile(r"\bhiit\b(?:\s(?:&|and)\s\w+)?\s(?:run|ride|row|swim)\b")
"""A HIIT run, ride or row ("20 min HIIT & Hills Ride"): the sport, done hard."""
_NEGATED = compile_gated(r"\b(?:no|skipped|without) \w+")
"""A sport said not done ("today no bike, I went to the gym")."""
_EVENTS = compile_gated(r"\b(?:half )?(?:marathon|ultra)\b")
"""Race distances that name a run but are rowed and swum too."""
_MILES = compile_gated(r"\d\s?(?:mi|miles?)\b")
_METRIC_SPORTS = frozenset({"swimming", "rowing"})
"""Sports measured in metres or yards: a distance in miles is not theirs when only hinted."""
_EFFORTS = compile_gated(r"\bsprints?\b")
"""Efforts that name a run alone but are ridden and rowed too ("sprints on the spin bike")."""
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
        (r"\d\s?(?:min|s|sec)s? on ?/? ?\d+\s?(?:min|s|sec)?s? off\b|\bintervals?\b", "intervals"),
        (r"\bfor time\b|\brft\b|\brounds for time\b", "for_time"),
    )
)
WEAK_FORMATS = frozenset({"intervals", "ladder"})
"""Formats that also describe runs and rows; they mean CrossFit only next to lifts."""
REP_SCHEME = re.compile(
    r"(?<![\d-])(?!(\d{1,3})(?:-\1)+(?![\d-]))(?P<scheme>\d{1,3}(?:-\d{1,3}){2,11})(?![\d-])"
)
"""A WOD's rep scheme ("21-15-9"); the same count repeated ("5-5-5-5-5") is sets of a lift."""

DOING = re.compile(
    r"\b(?:did|done|finished|completed|hit|got|crushed|smashed|survived|managed|went|worked up|"
    r"built|took me|pr'?d|prd|pr|pb|trained|lifted|logged|tested|retested|made it|"
    r"squatted|benched|deadlifted|snatched|power snatched|cleaned|jerked|curled|pressed|"
    r"ran|jogged|sprinted|rode|biked|cycled|swam|rowed|rucked|hiked|backpacked|repped|played|"
    r"walked|stretched)\b"
)
SET_NOTATION = re.compile(
    r"\d\s?x\s?\d|\b(?:sets?|series) of \d|\b\d+ (?:sets|series|singles|doubles|triples)\b|"
    r"\d/\d{2,3}/\d|\b(\d{1,2})(?:[/-]\1){2,}\b|\b\d (?:times|series) \d"
)
CLASS = re.compile(r"\b(?:class|box|wod|metcon|crossfit)\b")
"""A CrossFit class: its strength part and its metcon are one session."""
REPEATS = re.compile(
    r"(?<![\d.])\d{1,2}\s?x\s?(?:200|300|400|600|800|1000|1200|1600)\b(?!\s?(?:lb|kg|#|cal))"
    r"|\b(?:200|300|400|600|800|1000|1200|1600) (?:repeats|reps(?=\s?(?:x|on|@)))\b"
    r"|(?<![\d-])(?:[2-9]00|1[0-6]00)(?:-(?:[2-9]00|1[0-6]00)){2,}(?![\d-])"
)
"""Track repeats without a unit or a sport: "8x400 @ 1:30", "800s x 10" and a pyramid of
track distances ("200-400-800-400-200") are a run."""
WARMUP = re.compile(
    r"\b(?:warm[- ]?up|warm(?:ed|ing) up|wu|cool[- ]?down|cd|to warm up|to cool down|"
    r"approach(?: hike| walk)?)\b"
)
"""A warm-up, a cool-down or a climb's approach: part of the session around it."""


_WALK_RECOVERY = compile_gated(
    r"\b(?:w/?|with)\s?\d{1,4}\s?(?:m|s|sec|secs|min|mins)?\s?walk(?:ing)?\b"
    r"|\bwalk(?:ing)? (?:rest|recovery|recoveries|breaks?|between)\b"
)
"""A run's walked recoveries ("10x300m w 100m walk"): no walk of their own."""


_DISCIPLINE_TABLE = GatedTable([(p, (d, w)) for p, d, w in DISCIPLINE_CUES])
_SPORT_TABLE = GatedTable(
    [
        (cue, (index, strength))
        for index, (strong, weak, _) in enumerate(SPORT_CUES)
        for strength, cue in enumerate((strong, weak))
    ]
)
"""Each sport's strong (0) and weak (1) cue, by the sport's place in SPORT_CUES."""
_FORMAT_TABLE = GatedTable(FORMAT_CUES)


def keyword_discipline(text: str) -> Discipline | None:
    """The discipline a session names outright ("hyrox", "HIIT class").

    The best-scoring one when several cues are present, None when none adds up to a name.
    """
    scores = keyword_scores(text)
    if not scores:
        return None
    best = max(scores, key=lambda d: scores[d])
    return best if scores[best] >= _MINIMUM else None


def keyword_scores(text: str) -> dict[Discipline, int]:
    """Every discipline the text's cues point at, with the weight they add up to."""
    if "walk" in text:
        text = _WALK_RECOVERY.sub(" ", text)
    scores: dict[Discipline, int] = {}
    for _, (discipline, weight) in _DISCIPLINE_TABLE.matches(text):
        scores[discipline] = scores.get(discipline, 0) + weight
    if "walking" in scores and not walked(text):
        del scores["walking"]
    return scores


def sport_of(text: str) -> tuple[Discipline, bool] | None:
    """The endurance sport the text points at and whether a strong cue named it.

    Every sport's cues are scored: a strong cue outweighs a weak one, both add up, and a
    race distance alone ("half marathon on the erg") names a run only weakly. Ties go to
    the sport named first.
    """
    best: tuple[int, int, Discipline, bool] | None = None
    text = _NEGATED.sub(" ", text)
    found: dict[int, list[re.Match[str] | None]] = {}
    for match, (index, strength) in _SPORT_TABLE.matches(text):
        found.setdefault(index, [None, None])[strength] = match
    for index, (strong, weak) in sorted(found.items()):
        strong_cue, _, sport = SPORT_CUES[index]
        score = (3 if strong else 0) + (1 if weak else 0)
        if strong and sport == "running" and not strong_cue.search(_EVENTS.sub(" ", text)):
            score -= 2
        elif strong and sport == "running" and not strong_cue.search(_EFFORTS.sub(" ", text)):
            score -= 1
        elif strong is None and sport in _METRIC_SPORTS and "mi" in text and _MILES.search(text):
            continue  # "easy 4 mi w/ the crew": a hint of a sport no one measures in miles
        start = min(m.start() for m in (strong, weak) if m is not None)
        if best is None or (score, -start) > best[:2]:
            best = (score, -start, sport, strong is not None)
    return (best[2], best[3]) if best else None


def strong_sports(text: str) -> int:
    """How many endurance sports the text names outright ("2k row / 400m run": two).

    "Sprints" are ridden and rowed too ("500m row sprints"): they name no sport of their own.
    """
    return len(
        {
            index
            for match, (index, strength) in _SPORT_TABLE.matches(text)
            if strength == 0 and not match[0].startswith("sprint")
        }
    )


def format_of(text: str) -> tuple[int, CrossfitFormat] | None:
    """The first CrossFit format keyword in the text and where it is."""
    best: tuple[int, CrossfitFormat] | None = None
    for match, fmt in _FORMAT_TABLE.matches(text):
        if best is None or match.start() < best[0]:
            best = (match.start(), fmt)
    return best
