"""Score the outgoing-message checker on a labelled set kept as a data file.

    .venv/bin/python benchmarks/score_checker.py [--cases FILE] [--show-misses] [--by-class]

A case file has one JSON object a line: ``{"class": ..., "text": ..., "findings": [{"kind", "start",
"end", "text"}]}``, where each finding is a leak a person would want flagged (its exact span). Texts
with no findings are harmless and must come back clean.

The checker runs as ``tmw-bot check --json`` would with the example organisation file
(examples/org.yml) and the example roster (examples/roster.csv) imported. Matching is
bench_checker's: per kind, a label is recalled when a finding of that kind overlaps it and a finding
is right when it overlaps a label of its kind; overall, any kind matches any kind.

Two sets live in tests/checks/data: dev_cases.jsonl, which the rules were developed against, and
holdout_cases.jsonl, written at the same time and scored only once the rules were frozen.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
for path in (PROJECT_ROOT, PROJECT_ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_checker import Label, Sample, Score, _overlaps, score  # noqa: E402

from bot.checks import CheckContext, Checker, RosterIndex, parse_roster_csv  # noqa: E402
from bot.checks.findings import Kind  # noqa: E402

DATA_DIR = PROJECT_ROOT / "tests" / "checks" / "data"
DEV_CASES = DATA_DIR / "dev_cases.jsonl"
HOLDOUT_CASES = DATA_DIR / "holdout_cases.jsonl"
EXAMPLE_ROSTER = PROJECT_ROOT / "examples" / "roster.csv"
EXAMPLE_ORG = PROJECT_ROOT / "examples" / "org.yml"


@dataclass
class Case(Sample):
    case_class: str = ""


def load_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        data = json.loads(line)
        text = data["text"]
        labels = []
        for finding in data["findings"]:
            start, end = finding["start"], finding["end"]
            if text[start:end] != finding["text"]:
                raise ValueError(f"{path.name}:{number}: span {start}-{end} is not {finding['text']!r}")
            labels.append(Label(Kind(finding["kind"]).value, start, end))
        cases.append(Case(text, labels, "file", data.get("class", "")))
    return cases


def example_context() -> CheckContext:
    """What `tmw-bot check` uses with examples/org.yml and examples/roster.csv imported."""
    from bot.outgoing.context import OrgDetails, _context, read_org_details

    org: OrgDetails = read_org_details(EXAMPLE_ORG)
    key = secrets.token_bytes(32)
    roster = RosterIndex.from_rows(key, parse_roster_csv(EXAMPLE_ROSTER.read_text(encoding="utf-8")))
    return dataclasses.replace(_context(org, None, ()), roster=roster)


def predict(checker: Checker, cases: list[Case]) -> list[list[tuple[str, int, int]]]:
    return [[(str(f.kind), f.start, f.end) for f in checker.check(case.text).findings] for case in cases]


def scores(cases: list[Case], predictions) -> dict[str, Score]:
    """Overall (any kind) and per kind, keyed "overall" and by kind."""
    result = {"overall": score(cases, predictions, None)}
    for kind in Kind:
        result[str(kind)] = score(cases, predictions, (str(kind),))
    return result


def f1(value: Score) -> float:
    p, r = value.precision, value.recall
    return 2 * p * r / (p + r) if p == p and r == r and p + r else float("nan")


def _pct(value: float) -> str:
    return "   n/a" if value != value else f"{value:6.3f}"


def report(cases: list[Case], predictions, by_class: bool = False) -> str:
    lines = [f"{'':22} {'recall':>7} {'precis.':>7} {'f1':>7} {'labels':>9} {'predictions':>12}"]
    for name, value in scores(cases, predictions).items():
        if not value.labels and not value.predictions:
            continue
        lines.append(f"{name:22} {_pct(value.recall):>7} {_pct(value.precision):>7} {_pct(f1(value)):>7} "
                     f"{value.true_labels:>4}/{value.labels:<4} {value.correct_predictions:>5}/{value.predictions:<5}")
    if by_class:
        lines.append("")
        classes = sorted({case.case_class for case in cases})
        for name in classes:
            picked = [(c, p) for c, p in zip(cases, predictions, strict=True) if c.case_class == name]
            value = score([c for c, _ in picked], [p for _, p in picked], None)
            lines.append(f"  {name:20} recall {_pct(value.recall)} precision {_pct(value.precision)} "
                         f"({len(picked)} cases)")
    return "\n".join(lines)


def misses(cases: list[Case], predictions) -> list[str]:
    lines = []
    for case, predicted in zip(cases, predictions, strict=True):
        for label in case.labels:
            if not any(p[0] == label.kind and _overlaps(label.start, label.end, p[1], p[2]) for p in predicted):
                lines.append(f"missed {label.kind}: {case.text[label.start:label.end]!r} in {case.text!r}")
        for kind, start, end in predicted:
            if not any(label.kind == kind and _overlaps(label.start, label.end, start, end) for label in case.labels):
                lines.append(f"false alarm {kind}: {case.text[start:end]!r} in {case.text!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=DEV_CASES, help="a .jsonl case file (default: the dev set)")
    parser.add_argument("--show-misses", action="store_true", help="print missed labels and false alarms")
    parser.add_argument("--by-class", action="store_true", help="also score each class of case")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    checker = Checker(example_context())
    predictions = predict(checker, cases)
    leaks = sum(len(c.labels) for c in cases)
    clean = sum(1 for c in cases if not c.labels)
    print(f"{args.cases.name}: {len(cases)} texts ({clean} harmless), {leaks} labelled leaks\n")
    print(report(cases, predictions, args.by_class))
    if args.show_misses:
        print()
        print("\n".join(misses(cases, predictions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
