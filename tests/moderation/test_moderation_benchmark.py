"""The benchmark script runs and reports both parts (its figures are for people)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_moderation.py"


def test_the_benchmark_runs_on_a_small_history():
    result = subprocess.run(
        [sys.executable, str(BENCHMARK), "--messages", "300", "--memory-messages", "2000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "full rule set (6 rules)" in result.stdout
    assert "baseline: normalise + tokenise" in result.stdout
    assert "Memory over 2,000 messages" in result.stdout
    assert "after the window filled" in result.stdout
