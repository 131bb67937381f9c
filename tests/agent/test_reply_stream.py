"""Tokens across retried model calls: never repeated, never contradicting what was sent."""

from __future__ import annotations

from agent.reply_stream import ReplyStream


def _send(stream: ReplyStream, *chunks: tuple[int, str, str]) -> list[str]:
    return [stream.feed(step, message_id, text) for step, message_id, text in chunks]


def test_one_call_per_step_streams_everything() -> None:
    stream = ReplyStream()
    sent = _send(stream, (1, "a", "Nice "), (1, "a", "work."), (3, "b", "Logged "), (3, "b", "it."))
    assert sent == ["Nice ", "work.", "Logged ", "it."]


def test_a_retry_streams_only_past_what_was_sent() -> None:
    stream = ReplyStream()
    sent = _send(
        stream,
        (1, "a", "Good squats. "),
        (1, "a", "Next"),
        (1, "b", "Good "),  # the retry starts over: held back while it repeats
        (1, "b", "squats. Next week"),
        (1, "b", " we add 5 lb."),
    )
    assert sent == ["Good squats. ", "Next", "", " week", " we add 5 lb."]


def test_a_retry_that_departs_from_the_sent_text_is_held_back() -> None:
    stream = ReplyStream()
    sent = _send(stream, (1, "a", "Half a rep"), (1, "b", "Half a set"), (1, "b", " more."))
    assert sent == ["Half a rep", "", ""]


def test_the_next_step_streams_again_after_a_departed_retry() -> None:
    stream = ReplyStream()
    _send(stream, (1, "a", "Half"), (1, "b", "Other"))
    assert stream.feed(3, "c", "Logged.") == "Logged."
