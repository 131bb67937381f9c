"""Save requests: "remember that I…", "for future reference…", "from now on, call me Champ".

Only an explicit request saves a fact; reminiscing ("remember when…"), plans, habit reminders
("remember to stretch") and questions do not.
"""

from __future__ import annotations

import re

from agent.memory_rules.classification import classify
from agent.memory_rules.imperatives import (
    DIRECT_IMPERATIVE,
    STRONG_COACH_VERBS,
    THIS_COACH_LEAD,
    is_coach_imperative,
    looks_imperative,
    one_off_task,
)
from agent.memory_rules.labels import lasting, session_log, split_label
from agent.memory_rules.lead_in import before_clause, drop_lead, lead_kind
from agent.memory_rules.one_offs import (
    about_this_session,
    in_quotes,
    log_edit,
    looking_now,
    said_to_a_group,
)
from agent.memory_rules.requests import MemoryRequest
from agent.memory_rules.rewriting import noun_phrase, rewrite_imperative, rewrite_statement
from agent.memory_rules.safety import WEAK_INJECTION
from agent.memory_rules.sentences import is_question, lower, split_words, strip_tail
from agent.memory_rules.word_lists import ONE_OFF, PRONOUN_ONLY, SESSIONS, VERB_HINTS

_PLACE = r"(?:your |my |the )?(?:memory|memories|notes|profile|file|records|goals)"
_SAVE_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<remember>remember|(?<=you )remembered|memori[sz]e|retain"
    r"|(?:it's |it is |it'd be |probably )?worth (?:remembering|retaining|noting|knowing"
    r"|keeping in mind|bearing in mind)(?= that\b|:)|know(?=\s*(?:that\b|:|for (?:next time|later"
    r"|the future|future reference|(?:all )?(?:future|later|next) (?:chats|conversations|sessions"
    r"|workouts|plans|time))\b))"
    r"|(?:(?<=you to |should )|(?<=must )|(?<=want to |need to ))know"
    r"(?= (?:that )?(?:i|i'm|i've|i'd|my)\b)"
    r"|commit (?:this |that |it )?to memory|(?<=you to )have (?:this|that|it)(?=\s*:)"
    r"|(?<=mind )(?:remembering|noting|saving|storing|keeping in mind"
    r"|(?:making|taking) a note(?: of)?|(?:writing|jotting) (?:that |this |it )?down))"
    r"|(?P<dontforget>(?:don't|do not|never) (?:you )?forget(?: about)?)"
    r"|(?P<mind>(?:keep|bear|bare|have|(?<=you )kept|(?<=you )bore) (?:this |that |it )?in mind"
    r"|take (?:this |that |it )?into account|factor (?:this |that |it )?in|account for the fact"
    r"|(?:keep|kept) track of the fact)"
    r"|(?P<track>(?:(?:keep|kept) (?:(?:a )?(?:track|record|log|tally) of|(?:an eye|tabs) on)"
    r"|account for|factor in|take(?= (?:my|our) [^,.;]{1,40}? into account))(?= (?:my|our)\b))"
    r"|(?P<note>(?:make|take|keep|kept|add|leave|drop|put|made|took) (?:a )?(?:quick |mental"
    r" |little )?(?:note|record)(?: of)?"
    r"|(?:note|(?<=you )noted) (?:(?:that|this) down|that|down|this)"
    r"|note(?= (?:i|i'm|i've|i'd|my|we|our)\b)"
    r"|(?:take |make )?note (?:for (?:the )?future|for later|for next time|going forward)"
    r"(?= that\b)"
    r"|(?:write|jot|put|mark|set) (?:this |that |it )?down(?: somewhere)?"
    r"|(?:file|tuck|squirrel|stash)"
    r" (?:this |that |it )?away)"
    r"|(?P<asme>(?:mark|put|note|have|list|set) me (?:down )?as(?= (?:a |an )?[a-z]))"
    r"|(?P<wished>(?:i'd|i would|i) (?:like|want|need) (?:it|this) (?:on (?:record|file)|noted"
    r"|saved|recorded|logged|documented|written down)(?= that\b))"
    rf"|(?P<save>(?:save|store|add|put|keep) (?:this |that |it )?(?:to|in|into|on) {_PLACE}"
    r"|(?:save|store|add|create|make) (?:a |this |that |new )?memory"
    r"|update (?:your |my |the )(?:notes|records?|profile|file|memory|memories)(?=[\s.!]*$)"
    r"|(?:save|store|record|log|add|register"
    r"|(?:put|keep|have) (?:it |this )?on (?:the )?(?:file|record)"
    r"|lock in|(?:keep|have) (?:it|this) (?:logged|noted|saved|recorded|stored|on (?:file|record))"
    r"|log (?:it |this )?(?:in|to|into) (?:your |my |the )?(?:notes|memory|records?|file"
    r"|profile|system)) (?:the fact )?that(?= (?:i|i'm|i've|i'd|my|we|our)\b)"
    r"|(?:save|store|note|keep|pin|jot|write)"
    r" (?:that|this|it)(?: down| on file| for later| in your notes| in memory| to memory)?"
    r"(?=[\s.!]*$))"
    r"|(?P<attribute>(?:save|store|record|set|update|change) (?=my (?!(?:[a-z0-9\-]+ ){0,2}(?:"
    + SESSIONS
    + r") (?:as|to|at) )[a-z0-9\- ]{1,30}?"
    r" (?:as|to|at) \S))"
    r"|(?P<marker>(?:(?:fyi|just so you know|so you know|just so you're aware|(?:just )?a heads up"
    r"|heads up|for your info(?:rmation)?),? )?(?:for future reference|for the record"
    r"|for (?:all )?(?:the )?future(?: sessions| workouts| training| programming| plans| programs"
    r"| weeks| chats)?|for later"
    r"|for (?:the )?next times?|going forward|moving forward|from now on|from here on(?: out)?"
    r"|starting now|as a (?:general|standing|permanent|hard) rule"
    r"|(?:just )?so (?:it's|it is|that's|this is) (?:on (?:record|file)|noted|saved|logged"
    r"|recorded|documented|in your notes|in (?:your|the) system)"
    r"|for (?:your|my) (?:records?|notes|files?)|(?:just )?so you(?:'ve| have)? (?:got )?(?:it|this"
    r"|that) (?:on record|on file|for (?:later|the future|future reference|good|always|ever)"
    r"|in your notes|noted|forever|permanently)"
    r"|from today on|henceforth"
    r"|in (?:the )?future(?: sessions| workouts| plans| chats| training)?))"
    r")\b"
)
_THAT = re.compile(r"\s*that\b")
_ONCE_TIME = re.compile(rf"{ONE_OFF.pattern}|\b(?:yesterday|last (?:night|week))\b")
_ONCE = re.compile(rf"{_ONCE_TIME.pattern}|\b(?:i'll|i will|i'm going to|i'm gonna)\b")
"""What makes watching or factoring something in a one-off ("my form in the video I'll send");
keeping in mind needs a time word for it ("factor in my long run yesterday")."""
_OBJECT = re.compile(r" (?:this|that|it)(?: |$)")
# "keep that in mind when you program runs": the fact came before, this only qualifies it.
_QUALIFIER = re.compile(
    r"\s*(?:when|whenever|while|if|for|as|during|because|since|with|so|and|but)\b"
)
_BACK_THEN = re.compile(
    r"\s*(?:that|this|it) (?:and|so|but|then|because|since)\b"
    r"|\s*or (?:whatever|wherever|something|however)\b"
    r"|\s*(?:that|this|it) (?:when|whenever|while|if|for|during|as)\b"
    r"(?!.*\b(?:i|i'm|i've|i'd|we)\b)"
)
""""remember that and build around it", "remember that when you plan", "put that on my file or
whatever you call it": the pronoun points back, the clause goes on."""
_POINTS_BACK = re.compile(
    r"\s*(?:of )?(?:it|that|this|them)(?: (?:down|in|on|to|into|onto) (?:my |your |the )?[a-z]+)?"
    r"(?:[\s.!]*$|,? (?:please|thanks|thank you)\b)"
)
""""make a note of it in my records", "remember that please, it helps": the object is
the fact before, and what follows (a place, thanks, a reason) adds none."""
_THAT_DASH = re.compile(r"\bthat(?: [a-z ]{1,20})?\s+-\s")
""""keep that on file - some weeks will be rough": "that" points back, the dash adds a note."""
_POINTS_AT = re.compile(r"\s*(?:that\b|:|-\s)")
_PLAN = re.compile(
    r"i(?:'ll| will| am going to|'m going to|'m gonna| am gonna| shall)\b(?! be [a-z]+ing\b)"
)
"""A resolution ("from now on I'll stretch more") is the athlete's plan, not a fact to keep;
a state from now on ("…I'll be training at the Y") is one."""
_REPORTED = re.compile(r"\b(?:told|tells|asked|asks|wants|wanted|advised|advises) (?:me|us) to\b")
"""Someone else's advice to the athlete, reported: theirs to follow, not a request to keep."""
_STANDING = re.compile(
    r"(?:going forward|moving forward|from now on|from here on(?: out)?|henceforth"
    r"|as a (?:general|standing|permanent|hard) rule)$"
)
_YOU_CLAUSE = re.compile(
    r"\byou(?:'re| are| should| can| could| must| have| were| always| never| tend)\b"
    r"|\byour \w+(?: \w+)? (?:is|are|was|were|have|has|feel|feels)\b"
)
_EVENT = re.compile(
    r"(?:that|this) (?:time|day|night|week|one|session|workout|wod|race|meet|trip|class|pr|lift"
    r"|run|morning|evening|game)\b"
)
_CONVERSATION = re.compile(
    r"(?:that )?(?:you|we) (?:said|told|promised|mentioned|agreed|talked|discussed|suggested)\b"
)
"""What was said in this conversation ("remember, you said I'd be sore"): not a fact to keep."""
_REMINISCE = re.compile(
    r"(?:when(?! you (?:check|plan|program|programme|write|send|give|schedule|build|make|talk"
    r"|reply|answer|explain|text|message)\b)|how|what|where|who|which|why|whether|if|those"
    r"|yesterday|me|us|back (?:when|then|in)"
    r"|the (?:time|day|night|week|session|workout|wod|race|one)|last (?:week|time|month|year"
    r"|night|session|workout|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:that|one) (?:summer|winter|spring|fall|autumn|season|year)"
    r"|(?:last (?:summer|winter|spring|fall|autumn|season)|in (?:19|20)\d\d) (?:when|where|how)"
    r")\b"
)
_ANYTHING_SAID = re.compile(
    r"(?:the )?(?:things|stuff|everything|anything|whatever|all (?:of )?(?:this|that|the stuff))"
    r" (?:that )?(?:i|we) (?:tell|say|send|share|write|mention|told|said|sent|shared|talk about"
    r"|discuss|discussed|chat about|talked about)\b"
)
"""Whatever the athlete says ("can you remember things I tell you?"): a question about
memory itself, not a fact to keep."""
_OWN_RULE = re.compile(r"(?:never|don't|do not|no) (?!forget\b|worry\b|mind\b)[a-z]")
"""A rule the athlete keeps for themselves, asked to be kept: "never do maxes before a long run"
(unlike "remember to stretch", a reminder for once)."""
_LEAD_JUNK = re.compile(
    r"^(?:[\s,:;\-]|that\s|this\s*:|this\s*,|this\s*-|about\s|the fact that\s|also\s|please\s"
    r"|for me\b|(?:just )?so you(?:'re)? (?:know|aware)\b|you know\b|if (?:possible|you can)\b"
    r"|coach\s*,?\s|for (?:next time|later|the future|future reference)\b|going forward\b"
    r"|for (?:all )?(?:future|later|next) (?:chats|conversations|sessions|workouts|plans|time)\b"
    r"|moving forward\b|from now on\b)+",
    re.IGNORECASE,
)
_TRAIL_WORDS = (
    "please,thanks,thank you,ok,okay,for later,for the future,for future reference,going forward"
    ",moving forward,from now on,in the future,for next time,ty,lol,thx,coach,too,alright,though"
    ",haha,lmao,cheers,to my profile,in my profile,to your notes,in your notes,to your memory"
    ",in your memory,on file,to my file,to my notes,please remember,remember that,remember"
).split(",")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|my|me|mine|myself|we|we're|our|us)\b")
_NOT_NAME = frozenset(
    "later tomorrow back when if after before tonight now at on in maybe please today out up"
    " asap soon again".split()
)


def _opens(sentence: str, message: str) -> bool:
    """Whether `sentence` opens the message, so nothing before it can be pointed back at."""
    return lower(message).lstrip().startswith(lower(sentence).strip()[:40])


def _clean(raw: str) -> str:
    """Strip lead-in and trailing filler around a memory's content."""
    text = _LEAD_JUNK.sub("", raw.strip())
    text = strip_tail(text, _TRAIL_WORDS)
    return text.strip()


def _request(content: str, source: str, *, imperative: bool, message: str) -> MemoryRequest | None:
    """Assemble a MemoryRequest, downgrading harmless injection-like words to inert context."""
    if not content:
        return None
    kind = classify(source, imperative=imperative, message=message)
    if WEAK_INJECTION.search(lower(source)):
        return MemoryRequest(content, "context", "low", "global", kind.tags)
    return MemoryRequest(content, kind.memory_type, kind.importance, kind.scope, kind.tags)


def save_instruction(body: str, message: str) -> MemoryRequest | None:
    """An instruction to the coach ("put the long run on Sunday") as a memory about the athlete."""
    return _request(rewrite_imperative(body), body, imperative=True, message=message)


def build_save(
    raw: str, *, explicit: bool, message: str, min_words: int = 3, standing: bool = False
) -> MemoryRequest | None:
    """Turn the words after a trigger into a MemoryRequest, or None if they are not a fact.

    An explicit request keeps a fact of `min_words` or more without a verb ("add to my
    profile: vegetarian" needs only one). A `standing` request ("from now on, send…")
    recurs, so a task verb in it is no one-off.
    """
    stripped = raw.strip(" ,:;-")
    if _EVENT.match(lower(stripped)) or _CONVERSATION.match(lower(stripped)):
        return None
    text = _clean(stripped)
    framed = THIS_COACH_LEAD.sub("", text)  # "in our chats, keep replies short": a directive
    if DIRECT_IMPERATIVE.match(lower(framed)) or looks_imperative(lower(framed)):
        text = framed
    low = lower(text)
    if low in PRONOUN_ONLY or (not lower(stripped).startswith("that ") and _REMINISCE.match(low)):
        return None
    if _ANYTHING_SAID.match(low):
        return None
    if low.startswith("to ") or DIRECT_IMPERATIVE.match(low) or looks_imperative(low):
        body = text[3:] if low.startswith("to ") else text
        if ONE_OFF.search(low):
            return None
        if not is_coach_imperative(body):  # "remember: never do maxes before a long run"
            rule = explicit and _OWN_RULE.match(low) is not None
            return (
                _request(rewrite_statement(text), text, imperative=True, message=message)
                if rule
                else None
            )
        if one_off_task(body) and not standing:
            return None
        if set(split_words(body)[1:]) <= PRONOUN_ONLY | {"going", "forward", "up"}:
            return None  # "keep that going forward": the object is before, `back_refs` reads it
        if re.match(r"(?:please |always )*call me ", lower(body)):
            body = re.sub(r"^(?:(?:please|always) )*", "", body, flags=re.IGNORECASE)
            if split_words(body)[2:3] and split_words(body)[2] in _NOT_NAME:
                return None
        return save_instruction(body, message)
    has_verb = VERB_HINTS.search(low) is not None
    if _FIRST_PERSON.search(low) or _YOU_CLAUSE.search(low):
        phrase = noun_phrase(text)
        if phrase is not None:
            return _request(phrase, text, imperative=False, message=message)
        if low.startswith(("my ", "our ")) and not has_verb and len(low.split()) <= 4:
            return None
        if len(low.split()) < 2:
            return None
        return _request(rewrite_statement(text), text, imperative=False, message=message)
    if (explicit and len(low.split()) >= min_words) or (len(low.split()) >= 4 and has_verb):
        return _request(rewrite_statement(text), text, imperative=False, message=message)
    return None


def _save_from_label(sentence: str, message: str) -> MemoryRequest | None:
    """A fact after a keeping label ("save for later: my resting HR is 48")."""
    labelled = split_label(sentence)
    if labelled is None or in_quotes(sentence, 1):  # "'Save your energy' - my old coach"
        return None
    lead, content, strength = labelled
    head = sentence[: max(0, sentence.rfind(content))]
    if _THAT_DASH.search(lower(head)) and not _opens(sentence, message):
        return None  # "keep that on file - …": `back_refs` keeps what came before, and this
    if strength != "strong" and (not lasting(content) or content.rstrip().endswith("?")):
        return None
    if session_log(content) or about_this_session(lower(sentence)):
        return None  # "save this for later: 3x10 squats at 80" is a log, "…: 10k tonight" a plan
    text = f"{lead}: {content}" if lead else content
    if DIRECT_IMPERATIVE.match(lower(content)) or looks_imperative(lower(content)):
        text = content  # "You're my run coach, so note this: don't comment…": a reason before
    # "note: vegan": a weak label keeps a bare attribute only when it names a lasting kind
    named = classify(content, imperative=False, message=message).memory_type != "context"
    if strength == "named" and not named:
        return None
    return build_save(
        text, explicit=True, message=message, min_words=1 if strength == "strong" or named else 3
    )


def _for_now(kind: str, low_after: str) -> bool:
    """Whether a keep verb asks about now, not for later.

    Today's session, a crowd, a video to look at, or a logged set to correct.
    """
    if said_to_a_group(low_after) or log_edit(low_after):
        return True
    if kind != "save" and about_this_session(low_after):
        return True
    return kind in {"note", "mind"} and looking_now(low_after)


def save_from_sentence(sentence: str, message: str) -> MemoryRequest | None:
    """Find the first save label or trigger in one sentence that yields a memory."""
    labelled = _save_from_label(sentence, message)
    if labelled is not None:
        return labelled
    low = lower(sentence)
    question = is_question(sentence)
    for match in _SAVE_TRIGGER.finditer(low):
        kind = match.lastgroup or ""
        lead = lead_kind(sentence[: match.start()])
        after = sentence[match.end() :]
        if in_quotes(sentence, match.start()):
            continue
        if kind == "note" and lower(after).lstrip().startswith("to self"):
            continue
        if kind == "track":  # "keep track of my bodyweight, it was 84 today": the tracking
            tracked = re.sub(  # "take my asthma into account": account for it
                r"^take (.+?) into account",
                r"account for \1",
                sentence[match.start() :],
                flags=re.IGNORECASE,
            )
            after = re.split(r"[,;:.!?]|\s-\s", tracked)[0]
            if lasting(tracked[len(after) :]):  # "…, it's been tight lately": why, kept with it
                after = tracked.rstrip(" .!")
            if lead is not None and not is_question(sentence) and not _ONCE.search(lower(after)):
                return build_save("to " + after, explicit=False, message=message)
            continue
        if kind == "asme":  # "mark me down as vegetarian": what the athlete is
            after = f"that I'm {after.strip()}"
        if kind == "attribute":
            after = re.sub(r" (?:as|to|at) ", " is ", after.rstrip(" ?"), count=1)
        if kind == "marker":
            # "from now on can you send…": the request's own frame is no part of the fact
            content = drop_lead(after) if re.search(r"[A-Za-z]", after) else ""
            if lead is None:
                if content or not _STANDING.search(match.group(0)):
                    continue
                clause = re.split(r"[,;:.!?]|\s-\s", sentence[: match.start()])[-1]
                content = drop_lead(clause)
            elif not content:
                content = before_clause(sentence, match.start())
            if _PLAN.match(lower(_clean(content))) or not lasting(content):
                continue
            if _REPORTED.search(lower(content)):  # "my PT told me to log RPE going forward"
                continue
            standing = _STANDING.search(match.group(0)) is not None
            request = build_save(content, explicit=False, message=message, standing=standing)
        else:
            if lead is None or (question and lead != "polite"):
                continue
            if _for_now(kind, lower(after)):
                continue
            # "remember that …", "remember: …" and "remember - …" all point at the fact;
            # "note: …" is how athletes annotate a log, so only "note that" counts there.
            points = _POINTS_AT if kind != "note" else _THAT
            explicit = bool(points.match(after)) or kind == "save"
            if (match.group(0) == "note" or kind == "wished") and not lasting(after):
                continue  # "note I ran 5k today", "I want it noted that I did every rep"
            if (
                lower(_clean(after)) in PRONOUN_ONLY
                or _BACK_THEN.match(lower(after))
                or (_OBJECT.search(match.group(0)) and _QUALIFIER.match(lower(after)))
                or _POINTS_BACK.match(lower(after))
                or (_THAT_DASH.search(match.group(0) + after) and not _opens(sentence, message))
            ):
                continue  # "…, remember that" points back: `back_refs` reads it
            if kind == "mind" and _ONCE_TIME.search(lower(after)):
                continue  # "factor in my long run yesterday": this plan, not a memory
            request = build_save(after, explicit=explicit, message=message)
        if request is not None:
            return request
    return None


_STANDING_TAIL = ("from now on", "going forward", "moving forward", "please")


def standalone_instruction(sentence: str, message: str) -> MemoryRequest | None:
    """Lasting instructions given without "remember": "call me Champ", "always use kg".

    The instruction runs to the end of the sentence, so a reason given after a comma ("never
    give me overhead presses, my shoulder is bad") is kept and classified.
    """
    if sentence.rstrip().endswith("?"):
        return None
    starts = [0] + [m.end() for m in re.finditer(r"[,;:]|\s-\s", sentence)]
    for start in starts:
        clause = re.split(r"[,;:]|\s-\s", sentence[start:], maxsplit=1)[0]
        low = lower(strip_tail(drop_lead(clause.strip()), _STANDING_TAIL))
        if not DIRECT_IMPERATIVE.match(low) or ONE_OFF.search(low):
            continue
        lead = re.match(r"(?:always|never) ([a-z]+)", low)
        if lead and lead.group(1) not in STRONG_COACH_VERBS:
            continue
        body = strip_tail(drop_lead(sentence[start:].strip()), _STANDING_TAIL)
        request = build_save("to " + body, explicit=False, message=message)
        if request is not None:
            return request
    return None
