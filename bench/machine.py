"""How fast this machine runs plain Python right now, printed beside every figure.

The benchmark machine's speed drifts (the same loop took 272–457 ms within one day),
so a figure means little without it (147–457 ms seen for this loop).
"""

from __future__ import annotations

import time


def python_loop_ms(n: int = 3_000_000) -> float:
    """Milliseconds for a fixed pure-Python loop (best of three)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(n):
            total += i * i
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def print_machine_speed() -> None:
    print(f"machine speed: fixed Python loop {python_loop_ms():.0f} ms (best of 3)")
