"""Gym words in scripts `cleaning.normalise` would drop, read as the English words they mean.

Japanese and Korean lifters write the lifts in katakana and hangul ("スクワット 100kg 5回×5
セット", "스쿼트 5x5 100kg"); Chinese lifters in hanzi. The movements' names come from the
vocabulary's data (`other_scripts`); the words around them (reps, sets, today) are here.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .movement_data import load_movements

_WORDS = {
    "回": " reps ",
    "レップ": " reps ",
    "セット": " sets ",
    "회": " reps ",
    "세트": " sets ",
    "次": " reps ",
    "组": " sets ",
    "今日": " today ",
    "昨日": " yesterday ",
    "오늘": " today ",
    "어제": " yesterday ",
    "今天": " today ",
    "昨天": " yesterday ",
    "、": ", ",
    "。": ". ",
    "，": ", ",
}
"""The words around a lift: counts, days and punctuation."""
_RUN_WORDS = {
    "記録会": " time trial meet ",
    "大会": " race ",
    "駅伝": " ekiden ",
    "レース": " race ",
    "マラソン": " marathon ",
    "インターバル": " intervals ",
    "ジョグ": " jog ",
    "ペース走": " tempo run ",
    "마라톤": " marathon ",
    "대회": " race ",
    "인터벌": " intervals ",
    "파틀렉": " fartlek ",
    "템포": " tempo ",
    "회복주": " recovery run ",
    "트랙": " track ",
    "조깅": " jog ",
    "러닝": " run ",
    "马拉松": " marathon ",
    "比赛": " race ",
    "间歇": " intervals ",
    "慢跑": " easy jog ",
    "跑步": " run ",
    "다음주": " next week ",
    "내일": " tomorrow ",
    "계획": " plan ",
    "明日": " tomorrow ",
    "来週": " next week ",
    "予定": " plan ",
    "明天": " tomorrow ",
    "下周": " next week ",
    "计划": " plan ",
    "분": " min ",
    "초": " s ",
}
"""The words of a run: its kind, its events, minutes and seconds, and days ahead."""


def _table() -> dict[str, str]:
    table = _WORDS | _RUN_WORDS
    for name, row in load_movements().items():
        for word in row.other_scripts:
            table[word] = f" {name.replace('_', ' ')} "
    return table


_TABLE = _table()
_PATTERN = compile_gated(
    "|".join(re.escape(word) for word in sorted(_TABLE, key=len, reverse=True))
)
_SCRIPTS = compile_gated(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af]")
"""Japanese punctuation and kana, CJK ideographs, hangul syllables."""


def read_as_latin(text: str) -> str:
    """The text with the known words of other scripts written in English, longest first."""
    if not _SCRIPTS.search(text):
        return text
    return _PATTERN.sub(lambda m: _TABLE[m[0]], text)
