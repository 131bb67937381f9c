"""Set notation read into groups of identical sets.

`5x5 @ 225`, `225x5x5`, `3 sets of 10 at 135 lbs`, `135x10, 185x5`, `worked up to 405x3`,
`5 singles at 100kg`, `2x16kg`, `RPE 8`, `@8`, `50# each hand`, ….

The words that belong to one movement are read token by token, left to right, into groups of
identical sets; `parser` decides which words belong to which movement, and `set_tokens`
holds the token patterns.
"""

from __future__ import annotations

import re

from . import set_groups
from .raw_loads import RawLoad, make_load
from .set_groups import MIN_BARE_LOAD, Group, bare_set, listed, rest_seconds, weight_reps_sets
from .set_lists import paired_sets
from .set_tokens import COUNTS, METHOD, SINGLE_REPS, TOKENS


def read_groups(scope: str) -> tuple[list[Group], bool]:
    """Set groups in a scope of text, and whether it said "each" (shared by a list)."""
    reader = _Reader()
    for match in TOKENS.finditer(METHOD.sub(" ", scope)):
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
        elif kind == "xax":  # "4 plates/side x 10 x 3": reps, then sets
            self._new(Group(int(m["xax_s"]), int(m["xax_r"])))
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
        load = make_load(str(value), None) if value >= MIN_BARE_LOAD else None
        if load is not None and self.pending_load is not None and self.pending_reps is not None:
            # "2 plates for 8 reps, then 185 for 3 sets of 10": the first load was a set
            self.groups.append(Group(1, self.pending_reps, load=self.pending_load))
            self.pending_load = self.pending_reps = None
        last = self.groups[-1] if self.groups else None
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
            self._repeated_first_number(group, a)
        if m["ax_plus"]:
            group.kind = "amrap"
        self._new(group)

    def _repeated_first_number(self, group: Group, a: float) -> None:
        """A first number repeated set after set is the load of each ("flys 15x12 15x12")."""
        last = self.groups[-1] if self.groups else None
        if last is None or a < 6 or group.reps is None or last.reps is None:
            return
        across = last.load is None and last.count == group.count
        if across or (last.load is not None and last.load.value == a and last.count == 1):
            load = make_load(str(a), None)
            last.count, last.load = 1, last.load or load
            group.count, group.load = 1, load

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
        count = (COUNTS.get(count_word) or int(count_word)) if count_word else None
        reps = SINGLE_REPS[m["sg_k"]]
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
