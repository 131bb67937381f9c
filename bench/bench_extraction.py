"""Throughput and per-message latency of the deterministic extractor over the labelled corpus.

Run: .venv/bin/python bench/bench_extraction.py [--rounds N]
Prints figures; asserts nothing. Target: p50 < 0.5 ms per message on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction import extract  # noqa: E402

CORPUS = ROOT / "tests" / "extraction" / "corpus.jsonl"


def _cases() -> list[tuple[str, dt.date, str, str]]:
    cases = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            cases.append(
                (raw["message"], dt.date.fromisoformat(raw["today"]), raw["tz"], raw["units"])
            )
    return cases


def main() -> None:
    """Run the corpus `rounds` times after a warm-up and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the corpus")
    rounds = parser.parse_args().rounds
    cases = _cases()
    for message, today, tz, units in cases:  # warm-up: imports, regex and zone caches
        extract(message, today=today, tz=tz, units=units)  # type: ignore[arg-type]
    latencies: list[float] = []
    gc.disable()  # collector pauses are not parse time
    started = time.perf_counter()
    for _ in range(rounds):
        for message, today, tz, units in cases:
            begin = time.perf_counter()
            extract(message, today=today, tz=tz, units=units)  # type: ignore[arg-type]
            latencies.append(time.perf_counter() - begin)
    total = time.perf_counter() - started
    gc.enable()
    latencies.sort()
    count = len(latencies)
    print(f"corpus: {len(cases)} messages x {rounds} rounds = {count} extractions")
    print(f"throughput: {count / total:,.0f} messages/s")
    print(f"latency p50: {statistics.median(latencies) * 1e3:.3f} ms")
    print(f"latency p99: {latencies[min(count - 1, int(count * 0.99))] * 1e3:.3f} ms")
    print(f"latency max: {latencies[-1] * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
