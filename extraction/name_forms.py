"""More ways to write a movement: gym shorthand and initials, and other languages.

Read by `vocabulary` with the exercise table. The shorthand forms are generated, so an alias
written in the table still wins over them; the other-language names are written here, in the
accent-free form `cleaning.normalise` leaves ("Klimmzüge" -> "klimmzuge").
"""

from __future__ import annotations

SHORT_WORDS = {
    "snatch": "sn",
    "extension": "ext",
    "dumbbell": "db",
    "kettlebell": "kb",
    "barbell": "bb",
    "deadlift": "dl",
    "handstand": "hs",
}
"""A word of a longer name and the shorthand lifters write for it ("hang sn", "sn pull")."""

OTHER_LANGUAGES = """
bench_press: supino, supino reto, press banca, press de banca, bankdrucken,
    developpe couche, panca piana, wyciskanie na lawce, wyciskanie lezac
incline_bench_press: supino inclinado, press inclinado, schragbankdrucken
back_squat: agachamento, agachamento livre, sentadilla, kniebeuge, kniebeugen, przysiad,
    przysiady
front_squat: agachamento frontal, sentadilla frontal, frontkniebeuge
deadlift: levantamento terra, peso muerto, kreuzheben, souleve de terre, stacco da terra,
    martwy ciag
romanian_deadlift: peso muerto rumano
pull_up: barra fixa, dominadas, dominada, klimmzug, klimmzuge, tractions, trazioni,
    podciaganie, podciagniecia
chin_up: barra fixa supinada, dominadas supinas
push_up: flexoes, flexao, flexiones, liegestutz, liegestutze, pompki, piegamenti
dip: fondos, paralelas, barrenstutz
barbell_row: remada curvada, remo con barra, langhantelrudern, rematore
dumbbell_row: remada unilateral, remo con mancuerna
seated_cable_row: remada baixa, remada sentada
lat_pulldown: puxada, puxada alta, jalon al pecho, latziehen
overhead_press: desenvolvimento, press militar, schulterdrucken, developpe militaire
lunge: afundo, zancadas, zancada, ausfallschritte, ausfallschritt, affondi, wykroki
bicep_curl: rosca direta, rosca biceps, curl de biceps, bizepscurls
tricep_pushdown: triceps pulley, triceps polea
lateral_raise: elevacao lateral, elevaciones laterales, seitheben
calf_raise: panturrilha, gemelos, wadenheben
leg_extension: cadeira extensora, extensiones de cuadriceps, beinstrecker
leg_curl: mesa flexora, cadeira flexora, curl femoral, beinbeuger
hip_thrust: elevacao pelvica, empuje de cadera
plank: prancha, unterarmstutz
"""
"""Gym words of Portuguese, Spanish, German, French, Italian and Polish athletes, with the
table's marks (`!`: only with a number next to it)."""

GYM_SHORTHAND = """
back_squat: bsq!
front_squat: fsq!
hang_clean: hc!
split_jerk: sj!
push_jerk: pj!
power_snatch: psn!, power sn
hang_power_snatch: hpsn!
clean_and_jerk: cnj!, c n j
box_jump: bj!
skull_crusher: skulls!
barbell_row: bor!, bent row
tricep_extension: french press
"""
"""Initials a coach still reads, each only with a number next to it ("hc 3x2 @ 80")."""


def short_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A longer name with one word in its gym shorthand ("hang snatch" -> "hang sn")."""
    if len(words) < 2:
        return []
    return [
        (*words[:i], SHORT_WORDS[word], *words[i + 1 :])
        for i, word in enumerate(words)
        if word in SHORT_WORDS
    ]


def extra_rows() -> dict[str, str]:
    """Canonical name -> its other-language and shorthand aliases, comma-separated."""
    rows: dict[str, str] = {}
    name = ""
    for line in f"{OTHER_LANGUAGES.strip()}\n{GYM_SHORTHAND.strip()}".splitlines():
        if not line.startswith(" "):
            name, _, line = line.partition(":")
        rows[name] = f"{rows.get(name, '')}, {line.strip()}".strip(", ")
    return rows
