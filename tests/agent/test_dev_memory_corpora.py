"""The dev memory corpora: messages written blind to the code, then TUNED AGAINST.

Unlike `blind_memory_corpus.jsonl` (held out, never read), these corpora are read freely
and their misses drive fixes by kind, so their figures say how well the rules fit them,
not how they generalise; the blind corpus says that.

## dev_memory_corpus.jsonl

Labels follow the blind corpus's format: "save",
"forget" (with `"replacement": true` when the turn also states the new fact), "none", and
`memory_type`/`scope`/`importance` where the writer was sure.

Scored first on 2026-12-06 (main): precision 0.968, recall 0.701; a replacement present or
absent as labelled on 9/12 forgets caught; memory_type 31/38, scope 46/46, importance 9/10.
After issue 15's fixes by kind (tests/agent/test_memory_frames.py, test_memory_phrasing.py):
precision 1.000, recall 1.000; replacement 23/23; memory_type 49/50, scope 61/61,
importance 14/14.

## dev2_memory_corpus.jsonl

The second dev memory corpus: 199 messages by another blind writer, then TUNED AGAINST.

Written without reading `agent/memory_rules/` or the other corpora, after the first dev
corpus (tests/agent/dev_memory_corpus.jsonl) had been tuned to 100 %. Its first score
showed that the rules fit the phrasings they had seen rather than the language, so this
round widened the grammar by kind (tests/agent/test_memory_directives.py). Its misses are
read freely: its figures say how well the rules fit it; the blind corpus says how they
generalise.

Scored first on 2026-12-06 (branch memory2, before any change): precision 0.962, recall
0.652; replacement read right on 21/23 forgets caught; memory_type 38/55, scope 67/76,
importance 14/17.
After this round's fixes by kind (directive frames, requests pointing back, standing
directives, forget objects, corrections pointing back; tests/agent/test_memory_directives.py
and test_memory_corrections.py): precision 1.000, recall 0.987; replacement 40/41;
memory_type 53/72, scope 94/106, importance 19/22 (types and scopes were not this round's
work). Detection 0.29 -> 0.16 ms per message (best of 5, on a shared machine).
Left: a topic fronted before "forget it" ("nvm about the soccer thing forget it") and a
replacement pointing at a value logged earlier ("replace it with this one").
Later (branch memory3, third corpus's round): precision 1.000, recall 0.994 (the fronted
topic is read now); replacement 41/42; memory_type 69/72, scope 106/106, importance 22/22.
Later (branch tune-m8, the eighth corpus's round): replacement 42/42 (a new fact in the
sentence after a forget's reason).

## dev3_memory_corpus.jsonl

The third dev memory corpus: 220 messages by another blind writer, then TUNED AGAINST.

Written without reading `agent/memory_rules/` or the other corpora, with the label format
of /work/devcorpus/SPEC.md; no label was changed.

Scored first on 2026-12-06 (branch memory3, before any change): precision 0.991, recall
0.752; replacement read right on 26/28 forgets caught; memory_type 54/60, scope 71/72,
importance 14/14. The misses, by kind: keeping said without "remember" (log, file away,
lock in, hold onto, register, mark down, "you should know for future chats"); directives
framed for this coach ("in our chats…", "for you specifically: …"); forgets framed
around the trigger (a fronted topic before "forget it", "update: I no longer…",
"correction to what you have: X, not Y", "I used to X but now Y … forget the old note",
"doesn't need to be stored", "you have me down as…", undo/lift/overwrite/swap out); and a
one-off plan change read as a forget ("forget about them for this week").
After this round's fixes by kind (tests/agent/test_memory_kinds.py): precision 1.000,
recall 1.000; replacement 45/45; memory_type 71/71, scope 90/90, importance 16/16.

## dev4_memory_corpus.jsonl

The fourth dev memory corpus: 200 messages by 25 invented athletes, each in their own voice
(formal, dictated, terse, code-switching), then TUNED AGAINST. Written blind to the code
with the label format of /work/devcorpus/SPEC.md, which labels importance on every save
(medium by default); no label was changed.

Scored first on 2026-12-06 (main, before any change): precision 0.986, recall 0.531;
replacement read right on 10/16 forgets caught; memory_type 33/53, scope 52/53,
importance 31/53. The one false positive: "change my goal to X" after "I cannot enter" read
as a save of the new goal, not a replacement of the old one. The misses, by kind:
corrections pointing back at a changed statement ("…, so please amend what you have about
X", "Replace the old target.", "Update."); objects that name a memory by a noun, a kind
or a place ("scrap that note", "drop it from my goals", "remove this preference", "the
bulk numbers"); keeping said with other verbs, places and frames ("keep on record that",
"chuck that in your notes", "lock that in", "hold me to it", "plan around it", "For your
files:", "I should like you to"); how the coach talks as a standing directive ("use simple
words when you explain", "Short answers only.", "don't sugarcoat"); likings about how the
coach treats the athlete ("I don't like being called champ"); dictated run-on talk; and a
stored value deleted by itself ("Delete the 2:03.4, went 2:01.9 today").
After this round's fixes by kind (tests/agent/test_memory_kinds4.py): precision 1.000,
recall 0.985; replacement 36/39; memory_type 73/89, scope 84/89, importance 80/89.
Detection 0.19 -> 0.22 ms per message (best of 5, the four dev corpora, on a shared machine).
Left: a French keep request ("Garde ça en tête"), "you can forget the cut" (a bare noun
with no memory word), new facts told as plans or others' wishes after a forget ("I'm
racing in Chicago next and want…", "the coaches want me to…") not read as replacements; types
where this writer's conventions differ from the earlier corpora's (equipment and diet as
context or preference, talk instructions scoped global).

## dev5_memory_corpus.jsonl

The fifth dev memory corpus: 240 messages by another blind writer, the widest inventory
of ways to ask a coach to keep or drop something (request frames, forget frames,
replacements, other languages) plus hard "none" cases, then TUNED AGAINST. Labels follow
/work/devcorpus/SPEC.md (importance on most saves); no label was changed.

Scored first on 2026-12-06 (main, before any change): precision 0.975, recall 0.738;
replacement read right on 32/33 forgets caught; memory_type 58/82, scope 83/84,
importance 52/81. The misses, by kind: keeping said with other verbs, objects and tenses
("keep tabs on", "account for my…", "add a note that", "if you kept in mind", "put it on
the record that", "keep it logged that", "for your records,"); labels with long or
qualified heads ("File this under stuff you need to know about me:", "New PR to keep:",
"log this as a fact, not a workout:", "heads-up for planning:", "don't lose this:");
requests pointing forward ("store this pls. <fact>", "note it down, <fact>") or back in
new forms ("(note this)", "#remember", ". for your notes", "telling you so you don't…",
"pin that"); forgets with particles, gerunds and named topics ("toss out", "would you
mind forgetting", "don't keep X anymore", "what I just said about X", "that was a joke
about X, delete it", "everything you've got on me about X"); retractions ("I take back
/ retract what I said about X", "cancel that last save"); changed values with the old
one named ("my max changed, it's 140 now not 130", "correction to what you have saved:
4 days a week, not 5", "I told you X, that's wrong now. It's Y", "overwrite my X with
Y"); frames in other languages (es/pt/fr/de/hi); medical words SPEC makes high (spinal
fusion, ruptured, eating disorder, Hashimoto's). False positives: "remembered to keep my
chest up" (narration) and "log this: 5k in 24:10" (a session result).
After this round's fixes by kind (tests/agent/test_memory_kinds5.py): precision 1.000,
recall 1.000; replacement 50/50; memory_type 93/105, scope 109/109, importance 90/106.
Detection 0.177 -> 0.185 ms of CPU per message (main vs this branch, best of 15 runs
over the six memory corpora, interleaved; typo fixes are cached per word and the lead-in
is tokenised once, which pays for most of the new grammar).
Left, as this writer's conventions rather than SPEC's: importance medium on bare
likings and profile facts (the project corpus labels them low), equipment and weekday
fixtures as context (constraint in the earlier corpora), directives about the plan as
preferences, instructions to the coach as low, and "this is important" as medium.
The fourth corpus gained from the same kinds: recall 0.992 (the French keep request).

## dev6_memory_corpus.jsonl

The sixth dev memory corpus: 200 messages by 30 invented athletes chatting in their own
voices (requests buried in chatty multi-sentence messages, dictated punctuation, forgets
and replacements in natural talk, facts shared with no request), then TUNED AGAINST.
Written blind to the code with the label format of /work/devcorpus/SPEC.md; no label was
changed.

Scored first on 2026-12-06 (main, before any change): precision 0.990, recall 0.746;
replacement read right on 24/25 forgets caught; memory_type 48/72, scope 67/72,
importance 51/72. The one false positive: "Small update for my file: X. Can you update
that bit?" read as a save, not a correction. The misses, by kind: dictated punctuation
("period", "comma") leaving one run-on sentence; news before an update request past an
aside on what stays the same ("Saturday stays the same. Update that please."), and update
requests asked politely or with a rising tone ("can you fix that in your notes?", "swap it
over for me?"); "let's drop the X goal", "take it off", "you can forget the bit about X -
I hit 155 today"; memory nouns with "/" or "%" ("the tue/thu rest day thing"); a stale
note whose replacement was told first ("labs moved to Monday now, so the X thing is out of
date"); standing requests said around the directive ("make that a standing thing", "can
you always…?", "could you make it a rule to…", "keep doing that", a coach frame mid-message,
"this week's sessions" elsewhere read as a one-off); and keep requests pointing back past
injury news, a past PB, a dash or "please" ("take note for future planning", "please keep
it", "I want you to have it: X").
After this round's fixes by kind (tests/agent/test_memory_voices.py): precision 1.000,
recall 1.000; replacement 40/40; memory_type 73/90, scope 81/90, importance 76/90.
Left: this writer types how the coach talks ("keep it short", "use simple English", "call
me Lin") as a global preference where the earlier corpora have a coach-scoped instruction,
labels context and preferences medium by default, and types a medical directive ("because
of my back, swap T2B…") as an instruction where the rules keep medical as a constraint.

## dev7_memory_corpus.jsonl

The seventh dev memory corpus: 200 messages by another blind writer, from 40 athletes,
with requests made as many ways as possible, lists of facts, loose forgets, replacements
and "none" near-misses that look like saves or forgets, then TUNED AGAINST. Labels follow
/work/devcorpus/SPEC.md; no label was changed.

Scored first on 2026-12-06 (main, before any change): precision 0.928, recall 0.792;
replacement read right on 31/33 forgets caught; memory_type 54/70, scope 67/70,
importance 52/70. The false positives, by kind: a keep verb about today's session ("keep
in mind for today's session…", "…10k tonight"), a crowd addressed ("take note everyone:"),
a clip to look at ("take note of my form in the video and tell me…"), a logged set
corrected ("note that the last round I only got 8 reps"), a saying in quotes, "forget
about the leaderboard, I just want…" (a dismissal), and "edit my profile: X now instead of
Y" read as a save, not a replacement. The misses, by kind: wishes with the subject dropped
("just want this stored:"), "track it:", "so you know / so you have it / so it's on
record"; pointing back with "hang on to", "factor that into every plan", "file that
away", "bake that in", "worth saving"; loose forget targets ("what I said last week about
X", "take off the bit about X", "don't hold onto X anymore", "from whatever you've got on
me", "the 4 days a week cap"); "any chance you can…?"; a topic before "you can drop that".
After this round's fixes by kind (tests/agent/test_memory_kinds7.py): precision 1.000,
recall 0.931; replacement 39/41; memory_type 64/80, scope 77/80, importance 62/80.
Left: standing asks as questions or wishes ("can you make sure you always…?", "I'd
appreciate it if you always…", "…, for good"), a forward request as a question ("could you
log this somewhere permanent? <facts>"), updates whose new value comes first or in a label
("It's 6am now not 5 - … so update my training time", "update: max HR is 185 not 178",
"Race changed: instead of X it's Y. Overwrite the old one.", "Out with the old."), and
types and importances where this writer labels context and preferences medium.
Later (main, the wish frames of agent/memory_rules/wish_frames.py, tested on other sentences
in tests/agent/test_memory_wishes.py): recall 0.954 at precision 1.000.
Later (branch tune-m8, the eighth corpus's round): recall 0.962 ("That one's worth saving."
points back); replacement 40/41, memory_type 67/84, importance 65/84 at precision 1.000.

## dev8_memory_corpus.jsonl

The eighth dev memory corpus: 200 messages an athlete sends a coach over months, half of
them asking to keep, drop or replace something lasting and half not (logs, questions,
questions about memory, "remember when…", facts told with no request, thanks, asks about
one reply), in many voices (dictated, typo'd, emoji, terse, non-native, requests inside
longer talk, a save and a forget in one message), then TUNED AGAINST. Written blind to the
code with the label format of /work/devcorpus7/SPEC.md; no label was changed.

Scored first on 2026-12-06 (branch tune-m8, before any change): precision 0.965, recall
0.820; replacement read right on 13/19 forgets caught; memory_type 37/46, scope 57/58,
importance 18/20. The false positives: one reply named ("explain that last answer in
simpler words"), a question about memory itself ("can you remember things I tell you?")
and a plan asked for under a colon ("can you write my plan around my shifts this week:
…"). The misses, by kind: requests pointing back with new verbs and complements ("keep that
on the radar", "don't let me forget it", "worth you knowing long term", "you'll need to
work around that", "bias my programming that way", "factor that into my weekly load",
"Long-term, not just this week.", "use those going forward"); forgets pointing at a kind
or at what was told ("the marathon goal is off. Please remove it.", "I told you X but…
you can drop that", "lo de mi rodilla is wrong"); standing directives framed by the
athlete's own act ("when I send you a log just reply…", "if I say I'm tired, don't cut…"),
by a rate ("once a day max"), by timing ("the night before") or as a rule on the whole plan
("make sure nothing in my plan has running until May"); "note to coach" dictated without
its colon and a bare "Please add:"; replacements after a reason in the next sentence,
under a label ("new goal: …") or as a liking come around to; types said mildly, tersely or
misspelt ("lowr back is sensitve", "no overhead pressing. shoulder. permanently.", "I don't
have time", "training 4 …, that's my focus", "I'd rather not train on Sundays").
After this round's fixes by kind (tests/agent/test_memory_kinds8.py and
test_memory_forgets8.py, with more forms of each kind than the corpus has): precision
1.000, recall 1.000; replacement 20/22; memory_type 55/56, scope 69/70, importance 22/22.
Left: two replacements stated without a first-person clause ("Bread is back baby", "new
job = 5am workouts are my life"), and two labels where this writer differs from the
project's conventions: "call me Sam" scoped global (the rules scope how the coach talks to
this coach) and "I prefer being told the why… Please always explain" typed an instruction
(the rules keep the first sentence, a preference).

## dev9_memory_corpus.jsonl

The ninth dev memory corpus: 200 messages by another blind writer on the hard middle of
memory requests, then TUNED AGAINST: keeping asked without "remember" ("for future
reference", "going forward", "add to my profile", "put it on file", "so it's on record"),
loose forgets ("that thing about my knee is old news", "scrap the note on my gym"),
replacements and corrections of a stored fact, several requests in one message, and 90
near misses (one-off instructions, "remember when…", questions about memory, facts with no
ask, session logs, quotes). Terse, dictated, typo'd, emoji and learner's-English voices.
Labels follow /work/devcorpus7/SPEC.md; no label was changed.

Scored first on 2026-12-06 (branch tune-m9, before any change): precision 0.966, recall
0.764; replacement read right on 25/27 forgets caught; memory_type 30/40, scope 48/51,
importance 9/10. The one false positive: a typo'd "rememeber last summer when…" (a season
reminisced). The misses, by kind: keep frames in shorthand, typos and learner's English
("going fwd", "fyi fwd:", "for futre referance", "cn u", "for next times"); an
announcement before the frame ("Wanted to flag for your records", "I tell you one time so
you have it for always:"); "so it's noted"; a state from now on ("from now on I'll be
training at…"); a bare keep verb before the fact ("add:", "pls save 🙏 <fact>"); "stop
keeping X, I don't want that stored", "no need to keep that in there" past an aside, a
fronted topic before a dictated run-on; correction labels with a dash, a plural or a changed
value ("correction - X is 105 not 100, I mixed it up", "update: X moved from A to B",
"couple updates to my notes: X is now Y"); "overwrite the old number", "change it
everywhere", "update my injury note" after a restriction lifted, "the X I gave you was
wrong", "new X replaces the old one: Y", "Replace my X list: …"; a date that "got moved to
Y" after a forget.
After this round's fixes by kind (tests/agent/test_memory_kinds9.py and
test_memory_kinds9_forgets.py, which also cover forms the corpus lacks: FFR/ftr, "from today
onwards", "mark me down as", "I want it noted that", "you'll want to know", 🚫 as "no", "I
don't need the X note", "stop factoring in my knee", "knee note - delete pls", "you've got
my age wrong, I'm 41", "the X you have is old", "my PB went from X to Y, put that in the
books"): precision 1.000, recall 1.000; replacement 41/41 (a change of mind, "I've come
around, they're fine now", is the new fact); memory_type 43/50, scope 61/63, importance
12/12. The same kinds lift dev2 to recall 1.000 ("the 10k PB in your notes is old, replace
it with this one") and dev7 to recall 0.962 ("Race changed: … Overwrite the old one."), both
read as replacements.
Left: types where this writer's conventions differ from the rules' (a shift pattern as
context, equipment on hand and a verbless "no burpees" as preference or constraint, "my goal
is… after the surgery" as a goal, "on a cut" and "coming back from a layoff" as context, a
plan directive and a weekly summary scoped to this coach).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.agent.memory_helpers import score_corpus

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("name", "label", "precision", "recall", "replacement", "fields"),
    [
        ("dev_memory_corpus.jsonl", "dev memory corpus", 1.0, 1.0, 1.0, 0.95),
        ("dev2_memory_corpus.jsonl", "dev2 memory corpus", 1.0, 0.99, 0.97, 0.95),
        ("dev3_memory_corpus.jsonl", "dev3 memory corpus", 1.0, 0.98, 0.97, 0.97),
        ("dev4_memory_corpus.jsonl", "dev4 memory corpus", 1.0, 0.96, 0.9, 0.8),
        ("dev5_memory_corpus.jsonl", "dev5 memory corpus", 1.0, 0.99, 0.97, 0.82),
        ("dev6_memory_corpus.jsonl", "dev6 memory corpus", 1.0, 0.99, 0.97, 0.8),
        ("dev7_memory_corpus.jsonl", "dev7 memory corpus", 1.0, 0.92, 0.94, 0.77),
        ("dev8_memory_corpus.jsonl", "dev8 memory corpus", 1.0, 0.99, 0.9, 0.97),
        ("dev9_memory_corpus.jsonl", "dev9 memory corpus", 1.0, 0.99, 0.97, 0.83),
    ],
)
def test_dev_memory_corpus_holds_its_floor(
    capsys: pytest.CaptureFixture[str],
    name: str,
    label: str,
    precision: float,
    recall: float,
    replacement: float,
    fields: float,
) -> None:
    score = score_corpus(HERE / name, label)
    with capsys.disabled():
        print("\n" + "\n".join(score.lines))
    assert score.precision >= precision and score.recall >= recall
    assert score.replaced >= replacement
    assert min(score.fields.values()) >= fields
