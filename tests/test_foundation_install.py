"""What each make target installs: running needs only the bot's own dependencies; the benchmark
peers (scrubadub pulls in scikit-learn, scipy, numpy, nltk and Faker) come only with `make bench`."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _installs(target: str, tmp_path: Path) -> list[str]:
    """The pip installs `make TARGET` would run for a fresh virtualenv (a dry run: nothing installed)."""
    plan = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True).stdout
    return [line for line in plan.splitlines() if "pip install" in line and "--upgrade pip" not in line]


def _extras(line: str) -> set[str]:
    return set(line.split("[", 1)[1].split("]", 1)[0].split(",")) if "[" in line else set()


def _needs(extra: str) -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"][extra]


def test_make_run_installs_only_what_running_needs(tmp_path: Path) -> None:
    installs = _installs("run", tmp_path)
    assert installs and all(_extras(line) == set() for line in installs), installs
    assert all("--quiet" in line for line in installs)


def test_the_benchmark_peers_come_only_with_make_bench(tmp_path: Path) -> None:
    assert any(name.startswith("scrubadub") for name in _needs("bench"))
    assert not any(name.startswith("scrubadub") for name in _needs("test"))
    assert {extra for line in _installs("bench", tmp_path) for extra in _extras(line)} == {"bench"}
    assert {extra for line in _installs("test", tmp_path) for extra in _extras(line)} == {"test"}
