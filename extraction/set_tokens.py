"""The tokens of set notation: one pattern whose named groups `set_notation` reads in order.

Each alternative is one token kind ("5x5", "225x5x3", "3 sets of 10", "@ 100kg", "RPE 8",
"5 singles", a bare number, …); the order of the alternatives settles which kind a stretch of
text is read as. Program names ("5/3/1", "531 week 2") are blanked before tokens are read.
"""

from __future__ import annotations

from .literal_gate import compile_gated
from .set_lists import NUM as _NUM
from .set_lists import PAIRED
from .set_lists import UNIT as _UNIT

_SECS = r"(?:s|sec|secs|seconds|min|mins|minutes)"
_FILLER = r"(?:(?:like|about|around|roughly|only|just|a|an|the|pair of)\s){0,2}"
"""Words between "with" and a load: "with like 400", "with a pair of 30s"."""
_NOT_LOAD = (
    r"(?:min|mins|minutes?|sec|secs|seconds?|s\b|m\b|km|mi\b|miles?|cals?\b|calories|reps?\b|"
    r"rounds?|rds\b|sets?\b|yo\b|years?|days?|weeks?|steps|rest|plates?)"
)
"""A number followed by these counts something other than a load."""
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
SINGLE_REPS = {"single": 1, "double": 2, "triple": 3}

TOKENS = compile_gated(
    "|".join(
        (
            rf"(?P<aside>\b(?:total|bw|body ?weight)\s?(?:of\s|is\s|was\s|=\s?|:\s?)?"
            rf"{_NUM}(?![\d.]|\s?x)(?:\s?{_UNIT})?|(?:\ba\s|\+)(?:1?\d|20)(?:\.5)?\s?"
            rf"{_UNIT}\s(?:rep\s)?(?:pr|pb|jump|increase|improvement)\b)",
            PAIRED,
            rf"(?P<pair>(?<![\d.])(?P<pair_n>[1-4])\s?x\s?(?P<pair_w>{_NUM})\s?(?P<pair_u>{_UNIT})(?![a-z]))",
            rf"(?P<wrs>(?<![\d.])(?P<wrs_w>{_NUM})\s?(?:(?P<wrs_u>{_UNIT})|(?P<wrs_p>%))?\s?x\s?"
            rf"(?P<wrs_r>\d{{1,3}})\s?x\s?(?P<wrs_s>{_NUM})(?![\d.])(?:\s?(?P<wrs_su>{_UNIT})(?![a-z]))?)",
            r"(?P<same>(?<![\d./:-])(?P<same_r>\d{1,2})(?P<same_t>(?:\s?[/-]\s?(?P=same_r)(?![\d.])){1,9})"
            r"(?![\d/:-]))",
            r"(?P<scheme>(?<![\d./:-])(?:10|[1-9])(?:-(?:10|[1-9])){2,11}(?![\d/:-]))",
            r"(?P<xax>(?<![\d.])(?<=x)\s?(?P<xax_r>\d{1,3})\s?x\s?(?P<xax_s>\d{1,2})(?![\d.]|\s?(?:kg|lb)))",
            rf"(?P<ax>(?<![\d.])(?P<ax_a>{_NUM})\s?(?P<ax_au>{_UNIT})?\s?(?:x|sets? of|sets? x|"
            r"series(?: of)?|times(?=\s\d{1,2}\b(?!\s?(?:min|sec|s\b|km|mi|m\b|x))))\s?"
            rf"(?P<ax_b>\d{{1,4}}(?!\d|\.\d|\s?(?:m|yds?|km|rounds?|rds)\b)|max)(?P<ax_s>\s?(?:s|sec|secs|seconds)\b)?"
            rf"(?P<ax_list>(?:\s?[,/]\s?\d{{1,2}}(?![\d.x/]|s\b|\s[\w-]*\s?sets?\b)(?!\s?(?:x|{_UNIT})))"
            r"{1,9})?(?P<ax_plus>\+)?)",
            r"(?P<setlbl>(?<![\d.])(?<!last )(?<!first )(?<!final )(?<!other )(?P<sl_n>\d{1,2})\s"
            r"(?:(?P<sl_lbl>backoff|back-off|back off|working|"
            r"warm-?up|drop|amrap)\s)?(?:sets?|series)\b(?:\s(?:of\s)?(?P<sl_r>\d{1,3})"
            rf"(?!\d|\.\d|\s?/|\s?x|\s?{_UNIT})(?:\s?reps?)?)?)",
            r"(?P<singles>\b(?:(?P<sg_n>\d{1,2}|a|one|two|three|four|five|six)\s)?"
            r"(?:(?P<sg_top>more|heavy|top|easy|fast|smooth)\s)?(?P<sg_k>single|double|triple)s?\b)",
            rf"(?P<slash>(?<![\d.:/])(?:{_NUM}x?\s?/\s?){{2,4}}{_NUM}x?(?![\d/]))",
            r"(?P<upto>\b(?:(?:worked|working|work|built|build|building|ramped|went)(?: up)? to|"
            r"up to|top set(?: of)?|topped out at)\b)",
            rf"(?P<rpe>\brpe\s?(?P<rpe_v>\d{{1,2}}(?:\.5)?)(?![\d.])|@\s?(?P<at_rpe>10|\d(?:\.5)?)(?!\s?(?:{_UNIT}|\d|x|%|\.\d)))",
            r"(?P<pct>(?<![\d.])(?P<pct_v>\d{2,3}(?:\.\d)?)\s?%)",
            rf"(?P<rest>(?<![\d.:])(?P<rest_a>\d{{1,3}})\s?(?P<rest_au>{_SECS})\s?(?:of\s)?rest|"
            rf"rest(?:ing)?\s(?P<rest_b>\d{{1,3}})(?![\d.:])\s?(?P<rest_bu>{_SECS})\b|(?<![\d.:])(?P<rest_c>\d{{1,2}}:\d\d)\s?rest)",
            rf"(?P<weight>(?<![\d.])(?P<w_v>{_NUM})\s?(?P<w_u>{_UNIT})(?![a-z]))",
            r"(?P<dbs>\b(?:the|w/|with)\s(?P<dbs_v>\d{1,3}(?:\.5)?)s\b(?!\s?rest))",
            r"(?P<insets>\bin sets of (?P<is_n>\d{1,3})(?![\d.]))",
            r"(?P<emom>\bemom(?:\s(?:for\s)?(?P<emom_n>\d{1,2})(?!\s?x|\d)(?:\s?min(?:ute)?s?)?)?)",
            r"(?P<reps>(?<![\d.])(?P<reps_v>\d{1,3})\s?reps?\b|\bfor\s(?P<for_v>\d{1,3})(?![\d.])(?:\s?reps?)?\b"
            r"(?!\s?(?:min|sec|s\b|rounds?|sets?|singles|doubles|triples))|\bgot\s(?P<got_v>\d{1,3})(?![\d.])(?!\s?(?:sets?|x|kg|lb|#|kilo|pound))"
            r"|(?<![\d.])(?P<times_v>\d{1,2})\stimes\b(?!\s\d))",
            r"(?P<list>\((?P<list_v>\d{1,3}(?:\s?,\s?\d{1,3}){1,9})\))",
            r"(?P<each>\beach\b(?!\s(?:hand|side|arm|leg|way|dumbbell|db|bell|kb)))",
            rf"(?P<at>(?:@|\bat\b|\bwith\b|\bw/|\bw\b|(?<=\d )a\b)\s?{_FILLER}[~+]?\s?"
            rf"(?P<at_v>{_NUM})(?:\s?(?P<at_u>{_UNIT})|(?P<at_s>s)\b)?"
            rf"(?![\d.:a-z%']|\s?x(?!\s?\d{{1,2}}\s?(?:rounds?|rds)\b)|\s?{_NOT_LOAD}))",
            r"(?P<pair_s>(?<![\d.:])(?P<ps_v>\d{2,3}(?:\.5)?)s\b(?!\s?(?:rest|on|off|hold)\b))",
            rf"(?P<num>(?<![\d.:/])(?P<num_v>{_NUM})(?!\.\d|[\d:/x%]|\s?{_NOT_LOAD}))",
        )
    )
)
METHOD = compile_gated(
    r"(?<!x)(?<!x )(?<!@ )(?<!/)\b(?!(\d)/\1/\1)\d/\d/\d\b(?!/|\+?\s?(?:@|x|at\b|with\b))"
    r"|\bweek \d\b|\bday \d\b"
    r"|(?:^|(?<=\n)|(?<=\bdoing )|(?<=\bon )|(?<=\bmy )|(?<=\bthe )|(?<=\brunning ))531\b"
    r"|\b531(?= ?(?:week|wk|bbb|fsl|bbs|program|programme|cycle|template|day|style|for|"
    r"beginners?|forever|boring|:))"
)
"""A program's name ("5/3/1", "531 week 2", "week 2"), not sets; "5/5/5" is three sets of
five, "8/6/4 @ 60/65/70" and "x 6/4/2" are rep lists, and "bench 3x3 531" is a load."""
