"""Set notation read into groups of identical sets.

`5x5 @ 225`, `225x5x5`, `3 sets of 10 at 135 lbs`, `135x10, 185x5`, `worked up to 405x3`,
`5 singles at 100kg`, `2x16kg`, `RPE 8`, `@8`, `50# each hand`, ….

The words that belong to one movement are read token by token, left to right, into groups of
identical sets; `parser` decides which words belong to which movement.
"""

from __future__ import annotations

import re

from . import set_groups
from .literal_gate import compile_gated
from .raw_loads import RawLoad, make_load
from .set_groups import MIN_BARE_LOAD, Group, bare_set, listed, rest_seconds, weight_reps_sets
from .set_lists import NUM as _NUM
from .set_lists import PAIRED, paired_sets
from .set_lists import UNIT as _UNIT

_SECS = r"(?:s|sec|secs|seconds|min|mins|minutes)"
_FILLER = r"(?:(?:like|about|around|roughly|only|just|a|an|the|pair of)\s){0,2}"
"""Words between "with" and a load: "with like 400", "with a pair of 30s"."""
_NOT_LOAD = (
    r"(?:min|mins|minutes?|sec|secs|seconds?|s\b|m\b|km|mi\b|miles?|cals?\b|calories|reps?\b|"
    r"rounds?|rds\b|sets?\b|yo\b|years?|days?|weeks?|steps|rest|plates?)"
)
"""A number followed by these counts something other than a load."""
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SINGLE_REPS = {"single": 1, "double": 2, "triple": 3}

_TOKENS = compile_gated(
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
            rf"(?P<ax>(?<![\d.])(?P<ax_a>{_NUM})\s?(?P<ax_au>{_UNIT})?\s?(?:x|sets? of|sets? x|"
            r"series(?: of)?|times(?=\s\d{1,2}\b(?!\s?(?:min|sec|s\b|km|mi|m\b|x))))\s?"
            rf"(?P<ax_b>\d{{1,4}}(?!\d|\.\d|\s?(?:m|yds?|km)\b)|max)(?P<ax_s>\s?(?:s|sec|secs|seconds)\b)?"
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
            rf"(?![\d.:a-z%']|\s?x|\s?{_NOT_LOAD}))",
            r"(?P<pair_s>(?<![\d.:])(?P<ps_v>\d{2,3}(?:\.5)?)s\b(?!\s?(?:rest|on|off|hold)\b))",
            rf"(?P<num>(?<![\d.:/])(?P<num_v>{_NUM})(?!\.\d|[\d:/x%]|\s?{_NOT_LOAD}))",
        )
    )
)
_METHOD = compile_gated(
    r"(?<!x)(?<!x )(?<!@ )(?<!/)\b(?!(\d)/\1/\1)\d/\d/\d\b(?!/|\+?\s?(?:@|x|at\b|with\b))"
    r"|\bweek \d\b|\bday \d\b"
    r"|(?:^|(?<=\n)|(?<=\bdoing )|(?<=\bon )|(?<=\bmy )|(?<=\bthe )|(?<=\brunning ))531\b"
    r"|\b531(?= ?(?:week|wk|bbb|fsl|bbs|program|programme|cycle|template|day|style|for|"
    r"beginners?|forever|boring|:))"
)
"""A program's name ("5/3/1", "531 week 2", "week 2"), not sets; "5/5/5" is three sets of
five, "8/6/4 @ 60/65/70" and "x 6/4/2" are rep lists, and "bench 3x3 531" is a load."""


def read_groups(scope: str) -> tuple[list[Group], bool]:
    """Set groups in a scope of text, and whether it said "each" (shared by a list)."""
    reader = _Reader()
    for match in _TOKENS.finditer(_METHOD.sub(" ", scope)):
        reader.feed(match)
    return set_groups.merge_set_labels(reader.finish()), reader.each


class _Reader:
    """Turns notation tokens into set groups, left to right."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.pending_load: RawLoad | None = None
        self.pending_num: float | None = None
        self.top = False
        self.each = False
        self.fresh = False
        """The last group has had no load token after it yet."""
        self.pending_reps: int | None = None
        """Reps said before their sets ("for 5 reps 3 sets")."""
        self.run: str | None = None
        self.spread: Group | None = None
        """Sets across that just got their load: more loads after it are one set each."""
        """The last tokens were bare loads or rep counts: a bare number next is one more set."""

    def feed(self, m: re.Match[str]) -> None:
        kind = m.lastgroup
        if kind != "num":
            self.run = self.spread = None
        if kind == "aside":
            pass  # a meet total or a bodyweight is no set's load
        elif kind in ("pair", "weight", "dbs", "at"):
            self._add_load(self._load_of(m))
        elif kind == "pair_s" and not self.groups:
            self.pending_load = make_load(m["ps_v"], None)  # "incline db press 70s 3x10"
        elif kind == "pair_s":
            self._trailing_load(make_load(m["ps_v"], None))
        elif kind == "wrs":
            self._new(weight_reps_sets(m))
        elif kind == "ax":
            self._ax(m)
        elif kind == "scheme":
            self._new(Group(reps_list=[int(v) for v in m[0].split("-")]))
        elif kind == "same":
            self._new(Group(len(re.findall(r"\d+", m["same_t"])) + 1, int(m["same_r"])))
        elif kind == "setlbl":
            label = (m["sl_lbl"] or "").replace("-", "").replace(" ", "")
            kinds = {
                "backoff": "backoff",
                "working": "working",
                "warmup": "warmup",
                "drop": "drop_set",
            }
            reps = int(m["sl_r"]) if m["sl_r"] else None
            self._new(Group(int(m["sl_n"]), reps, kind=kinds.get(label, label or None)))
        elif kind == "singles":
            self._singles(m)
        elif kind == "slash":
            self._attempts(m[0])
        elif kind in ("lists", "kinds", "drops"):
            self._paired(m)
        elif kind == "upto":
            self.top = True
        elif kind == "emom":
            self._emom(m)
        elif kind == "insets":
            self._in_sets(int(m["is_n"]))
        else:
            self._modifier(m)

    def _modifier(self, m: re.Match[str]) -> None:
        kind, last = m.lastgroup, (self.groups[-1] if self.groups else None)
        if kind == "rpe" and last and 1 <= float(m["rpe_v"] or m["at_rpe"]) <= 10:
            last.rpe = float(m["rpe_v"] or m["at_rpe"])
        elif kind == "pct" and last and float(m["pct_v"]) <= 200:
            last.percent = float(m["pct_v"])
        elif kind == "rest" and last:
            last.rest = rest_seconds(m)
        elif kind == "reps":
            self._reps(m)
        elif kind == "list" and last and last.reps is None:
            last.reps_list = [int(v) for v in re.findall(r"\d+", m["list_v"])]
        elif kind == "each":
            self.each = True
        elif kind == "num":
            self._num(float(m["num_v"]))

    def _num(self, value: float) -> None:
        """A bare number: a load after sets that have none, else held for the next group.

        "bench 3x8 185" is 185 for the three sets; "singles: 225, 235, 245" and a meet's
        "snatch 88 92 95" are one set per load; "pull ups: 10, 8, 7" one set per rep count.
        """
        last = self.groups[-1] if self.groups else None
        load = make_load(str(value), None) if value >= MIN_BARE_LOAD else None
        pending = self.pending_num
        spread = self.spread
        if load is not None and spread is not None and (spread.count or 1) > 1:
            spread.count = (spread.count or 1) - 1  # "3x5 at 120, 125, 130": a ramp
            self._new(Group(1, spread.reps, load=load))
            self.fresh, self.spread = False, spread
        elif load is not None and last is not None and self.run == "load":
            self._new(Group(1, last.reps, load=load))
            self.run = "load"
        elif load is not None and last is not None and self.fresh and last.load is None:
            self._trailing_load(load)
        elif load is None and last is not None and set_groups.is_set_label(last) and self.fresh:
            self.groups.append(self._listed(value))  # "pull ups 4 sets: 10, 9, 8, 8"
            self.run = "reps"
        elif last is None and listed(pending) and listed(value):
            self.groups += [self._listed(pending or 0), self._listed(value)]
            both_loads = load is not None and (pending or 0) >= MIN_BARE_LOAD
            self.pending_num, self.run = None, "load" if both_loads else "reps"
            self.pending_load = None
        elif value.is_integer() and self.run is not None:
            self.groups.append(self._listed(value))
            self.run = self.run if load else "reps"
        else:
            self.pending_num = value

    def _listed(self, value: float) -> Group:
        """One set of a bare list: a rep count takes the load before it ("80kg 8,8,7,6")."""
        group = bare_set(value)
        if group.load is None:
            group.load = self.pending_load or (self.groups[-1].load if self.groups else None)
        return group

    def _trailing_load(self, load: RawLoad | None) -> None:
        """A load written after its sets ("4x10 70s", "3x5 back squat 245")."""
        last = self.groups[-1] if self.groups else None
        if load is None or last is None or last.load is not None or not self.fresh:
            return
        if last.reps is None and not last.reps_list:
            return
        if self.top and last.reps_list:
            self._top_of_scheme(last, load)
            return
        last.load, self.fresh, self.run = load, False, "load"

    @staticmethod
    def _load_of(m: re.Match[str]) -> RawLoad | None:
        kind = m.lastgroup
        if kind == "pair":
            return make_load(m["pair_w"], m["pair_u"])
        if kind == "weight":
            return make_load(m["w_v"], m["w_u"])
        if kind == "dbs":
            return make_load(m["dbs_v"], None)
        return make_load(m["at_v"], m["at_u"])

    def _add_load(self, load: RawLoad | None) -> None:
        if load is None:
            return
        last = self.groups[-1] if self.groups else None
        if last is not None and last.load is None and self.fresh and self.top and last.reps_list:
            self._top_of_scheme(last, load)
        elif last is not None and last.load is None and self.fresh:
            last.load = load
            self.fresh = False
            self.spread = last if (last.count or 1) > 1 else None
        elif self.top or (last is not None and last.load is not None):
            reps = int(self.pending_num or 0) if self._pending_reps_count() else None
            self._new(Group(1 if reps else None, reps, load=load))  # ", 5 @ 115"
            self.fresh = False
        elif last is None and self._pending_reps_count():
            self._new(Group(1, int(self.pending_num or 0), load=load))  # "dl 5 @ 120"
            self.fresh = False
        elif last is None:
            self.pending_load = load
        else:
            last.load = load

    def _top_of_scheme(self, scheme: Group, load: RawLoad) -> None:
        """The load of "5-5-5-3-3-1 up to 102.5kg" is the last set's, the top set."""
        *before, last = scheme.reps_list
        self.groups.pop()
        self.groups += [Group(1, reps) for reps in before]
        self.groups.append(Group(1, last, load=load, kind="top_set"))
        self.top = self.fresh = False

    def _pending_reps_count(self) -> bool:
        """Whether the number held back is a count of reps, not a load."""
        value = self.pending_num
        return value is not None and value.is_integer() and 0 < value < MIN_BARE_LOAD

    def _new(self, group: Group) -> None:
        if group.load is not None and self.pending_load is not None:
            # "150kg for 3, then 120x5x3": the load said first was a set of its own
            self.groups.append(Group(1, self.pending_reps, load=self.pending_load))
            self.pending_load = self.pending_reps = None
        if group.load is None and self.pending_load is not None:
            group.load, self.pending_load = self.pending_load, None
        if group.load is None and self.pending_num is not None and self.pending_num >= 20:
            group.load = make_load(str(self.pending_num), None)
        self.pending_num = None
        if group.reps is None and not group.reps_list and self.pending_reps is not None:
            group.reps = self.pending_reps
        self.pending_reps = None
        if self.top:
            group.kind, self.top = "top_set", False
        self.groups.append(group)
        self.fresh = group.load is None

    def _ax(self, m: re.Match[str]) -> None:
        a, b = float(m["ax_a"]), m["ax_b"]
        extra = [int(v) for v in re.findall(r"\d+", m["ax_list"] or "")]
        if b != "max" and not m["ax_s"] and (m["ax_au"] or a > 15 or not a.is_integer()):
            reps = [int(b), *extra]
            group = Group(1, reps[0], load=make_load(m["ax_a"], m["ax_au"]))
            if len(reps) > 1:
                group.count, group.reps, group.reps_list = None, None, reps
        elif m["ax_s"]:
            group = Group(int(a), hold=float(b))
        elif b != "max" and len(extra) + 1 == a:
            group = Group(reps_list=[int(b), *extra])  # "3 x 10, 8, 6": one count per set
        else:
            group = Group(int(a), None if b == "max" else int(b))
        if m["ax_plus"]:
            group.kind = "amrap"
        self._new(group)

    def _paired(self, m: re.Match[str]) -> None:
        """One group per set of paired lists; a bare "5 sets" said before them is theirs."""
        sets = paired_sets(m)
        last = self.groups[-1] if self.groups else None
        if last and self.fresh and last.reps is None and last.count in (None, len(sets)):
            self.groups.pop()
        kind = "drop_set" if m["drops"] else None
        if not kind and all(one == sets[0] for one in sets):  # "3/3/3/3 @ 90": sets across
            reps, load, amrap = sets[0]
            self._new(Group(len(sets), reps, load=load, kind="amrap" if amrap else None))
            sets = []
        for reps, load, amrap in sets:
            self._new(Group(1, reps, load=load, kind="amrap" if amrap else kind))
        self.fresh, self.run = False, None

    def _singles(self, m: re.Match[str]) -> None:
        count_word = m["sg_n"]
        count = (_COUNTS.get(count_word) or int(count_word)) if count_word else None
        reps = _SINGLE_REPS[m["sg_k"]]
        last = self.groups[-1] if self.groups else None
        if (
            last is not None
            and last.reps is None
            and not last.reps_list
            and last.count in (None, 1)
        ):
            last.reps, last.count = reps, count or last.count
            return
        group = Group(count, reps)
        if m["sg_top"] in ("heavy", "top"):
            self.top = True
        self._new(group)

    def _attempts(self, text: str) -> None:
        items = re.findall(r"\d{1,4}(?:\.\d{1,2})?x?", text)
        if all(item.isdigit() and int(item) < MIN_BARE_LOAD for item in items):
            self._new(Group(reps_list=[int(item) for item in items]))  # "85kg 5/5/5/4/4"
            return
        kinds = ("opener", "second_attempt", "third_attempt")
        for index, item in enumerate(items):
            group = Group(1, 1, load=make_load(item.rstrip("x"), None), failed=item.endswith("x"))
            group.kind = kinds[index] if index < 3 else None
            self._new(group)

    def _emom(self, m: re.Match[str]) -> None:
        if not m["emom_n"]:
            return
        minutes = int(m["emom_n"])
        last = self.groups[-1] if self.groups else None
        if last is not None and last.count is None:
            last.count, last.emom = minutes, True
        else:
            self._new(Group(minutes, emom=True))

    def _in_sets(self, size: int) -> None:
        total = self.pending_num
        count = int(total // size) if total and total % size == 0 else None
        self.pending_num = None
        self._new(Group(count, size))

    def _reps(self, m: re.Match[str]) -> None:
        last = self.groups[-1] if self.groups else None
        if m["got_v"] and last is not None:
            last.reps = int(m["got_v"])
        elif m["for_v"] and self.pending_num is not None:
            load = make_load(str(self.pending_num), None)
            self.pending_num = None
            self._new(Group(1, int(m["for_v"]), load=load))
        elif last is not None and last.reps is None and not last.reps_list:
            last.reps = int(m["reps_v"] or m["for_v"] or m["times_v"])
        elif last is None:
            self.pending_reps = int(m["reps_v"] or m["for_v"] or m["got_v"] or m["times_v"])

    def finish(self) -> list[Group]:
        if not self.groups and self.pending_load is not None:
            reps = self.pending_reps
            self.groups.append(Group(1 if reps else None, reps, load=self.pending_load))
        elif not self.groups and self.pending_num is not None:
            value = self.pending_num
            load = make_load(str(value), None)
            if value >= 45 and load is not None:
                self.groups.append(Group(load=load))
            elif value < 45 and value.is_integer():
                self.groups.append(Group(1, int(value)))
        return self.groups
