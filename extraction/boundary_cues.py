"""Cues on the boundaries between disciplines, scored with the others in `cues`.

Each is a (pattern, discipline, weight) row like `cues.DISCIPLINE_CUES`: branded classes
named by their brand alone ("Les Mills GRIT", "BodyAttack"), a load carried on a trip
("10kg pack", "14 kg on my back") and the words of a trip ("hut to hut", "day 2 of 4"),
a hike inside a run ("power hiked the climbs"), a Tabata on a machine ("20 on/10 off x8 on
the assault bike"), sessions that mix conditioning and strength ("engine + strength",
"run + lift"), golf by its holes and the program words of functional bodybuilding.
"""

from __future__ import annotations

from .schema import Discipline

_LOAD = r"\d+(?:\.\d)?\s?(?:lb|lbs|kg|kgs|kilos?|pounds?|#)"
PACK_LOAD = (
    rf"{_LOAD} (?:back)?pack\b|\b(?:back)?pack(?: weight| wt)?(?: of| was| at|:)? ~?{_LOAD}|"
    rf"{_LOAD} on my back\b|\bcarr(?:ied|ying) {_LOAD}"
)
"""A pack's weight: "30 lb pack", "pack 32 lb", "14 kg on my back"."""

TABATA_TIMING = (
    r"(?<![\d:/.])20\s?(?:s|sec|secs)?\s?(?:on|work)?\s?[/,]\s?10\s?(?:s|sec|secs)?\s?"
    r"(?:off|rest)?(?:\s?x\s?8\b)?(?![\d:])"
)
"""A Tabata's timing: 20 seconds on, 10 off ("20/10", "20 on/10 off x8")."""

BOUNDARY_CUES: tuple[tuple[str, Discipline, int], ...] = (
    # branded classes: the brand names the discipline, over the class's other words
    (r"\b(?:les mills )?grit(?: cardio| strength| athletic| class)\b|\bles mills grit\b|"
     r"\bbody ?(?:attack|combat)\b|\bbarry'?s(?: bootcamp| class)?\b|\bburn boot ?camp\b|"
     r"\binsanity (?:workout|class|max)\b|\bp90x\b|\bbbg\b|\bkayla itsines\b|\bsweat app\b|"
     r"\btone house\b|\bshred415\b|\bbasecamp fitness\b", "hiit", 4),
    (r"\bbody ?(?:balance|flow)\b|\bsolidcore\b|\blagree\b|\bbarre\b|\bcorepower\b",
     "yoga", 3),
    # a Tabata on any machine is HIIT, not a ride or a row
    (TABATA_TIMING + r"|\btabatas\b", "hiit", 4),
    # all-out efforts of seconds on a gym bike are HIIT ("10 x 30s all out on the spin bike")
    (r"^(?=.*\b(?:spin|assault|air|echo|fan|stationary|watt) ?bike\b)"
     r"(?=.*\b\d{1,2}\s?x\s?\d{1,2}\s?(?:s|sec|secs|seconds)\b)"
     r".*\b(?:all[- ]out|max(?:imal)? effort|sprints?)\b", "hiit", 4),
    # a trip: a load carried, a camp, days in a row
    (PACK_LOAD, "backpacking", 2),
    (PACK_LOAD, "rucking", 1),
    (r"\bhut[- ]to[- ]hut\b|\bwild ?camp\w*|\bovernighter\b|\bcamp ?site\b|\bbivv?y\b|"
     r"\btrek(?:king)? day\b|\bsection hik\w*|\bday \d{1,2} (?:of|/) \d{1,2}\b(?![/\d])|"
     r"\bpack(?:ed)? (?:in|out)\b|\bhiked (?:in|out)\b", "backpacking", 3),
    (r"\b(?:vert|vertical|elevation|gain|ascent)\b|\d\s?m up\b|\d\s?(?:m|ft)\s?\+",
     "backpacking", 1),
    # a hike inside a run or a race: the steep parts walked, not a hike of its own
    (r"\bpower[- ]?hik\w*|\bhik(?:e|ed|ing) (?:up )?(?:the |most of the |all the |some of the )?"
     r"(?:\w+ )?(?:climbs?|hills?|uphills?|steep\w*|bits|sections|ascents?)\b", "hiking", -4),
    # conditioning and strength in one session
    (r"\b(?:engine|conditioning|cardio|run|running|erg) ?(?:\+|&|and) ?"
     r"(?:strength|lifting|lift|weights)\b|"
     r"\b(?:strength|lifting|lift|weights) ?(?:\+|&|and) ?(?:engine|conditioning|cardio)\b",
     "hybrid", 3),
    # golf is counted in holes
    (r"\b(?:9|18|nine|eighteen) holes\b|\bround of golf\b|\bdisc golf\b", "sports", 3),
    # a day named by the muscles it trains
    (r"\bbro (?:day|split|session)\b|\b(?:arms?|delts?|bis|tris|biceps|triceps|chest|shoulders?|"
     r"back|calves|abs|traps|lats)(?: ?(?:&|and|\+|/) ?(?:arms?|delts?|bis|tris|biceps|triceps|"
     r"chest|shoulders?|back|calves|abs|traps|lats)){1,2}(?! (?:squat|row|press|extension|curl|"
     r"raise|fly|dip|pain|hurt|tight|sore|stiff|felt|feel))\b|\barms? day\b", "bodybuilding", 3),
    (r"\bpersist (?:day|program|programme|session|workout|week|block)\b|"
     r"\b(?:of|on|from|doing) persist\b|\b(?:marcus )?filly\b",
     "functional_bodybuilding", 4),
)  # fmt: skip
