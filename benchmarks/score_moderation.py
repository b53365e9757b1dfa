"""Score the moderation rules on labelled channels.

    .venv/bin/python benchmarks/score_moderation.py [--misses] FILE [FILE ...]

FILE is JSON lines: a channel header ``{"channel": NAME, "purpose": TEXT}``
followed by that channel's messages in order,
``{"user": U, "text": T, "breaks": null | RULE | [RULE, ...]}``.

Each channel's messages go through ``tmw-bot moderate --json --purpose``
(the CLI's own ``run``, the same code path and settings), and the findings
are compared with the labels. Per rule, a message flagged by that rule and
labelled with it is a true positive; flagged but not labelled, a false
positive; labelled but not flagged, a false negative. Overall, a message
labelled with any rule and flagged by any rule is a true positive.

The sets in ``tests/moderation/data``: ``dev_channels.jsonl`` is what the
rules were tuned on; ``holdout_channels.jsonl`` was written at the same time
and kept out of the tuning, so its score says how the rules generalise.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.moderation import RULE_NAMES, ModerationConfig
from bot.moderation.cli import run
from bot.moderation.labelled import Channel, labels_of, load_channels


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0


@dataclass
class Score:
    overall: Counts
    per_rule: dict[str, Counts]
    messages: int
    misses: list[str]


def moderate(channel: Channel, config: ModerationConfig | None = None) -> dict[int, dict[str, str]]:
    """{message index: {rule: reason}} from ``tmw-bot moderate --json``."""
    # A labelled message may give its "ts" (to place copies more than a day apart); the rest follow it.
    stdin = io.StringIO("".join(
        json.dumps({"user": m.get("user", ""), "text": m["text"], **({"ts": m["ts"]} if "ts" in m else {})}) + "\n"
        for m in channel.messages
    ))
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(["--json", "--purpose", channel.purpose], stdin, stdout, stderr, lambda: config or ModerationConfig())
    if status not in (0, 1):
        raise RuntimeError(f"tmw-bot moderate failed on {channel.name}: {stderr.getvalue()}")
    found: dict[int, dict[str, str]] = {}
    for line in stdout.getvalue().splitlines():
        finding = json.loads(line)
        found.setdefault(finding["index"], {})[finding["rule"]] = finding["reason"]
    return found


def score(paths: list[Path], config: ModerationConfig | None = None) -> Score:
    overall = Counts()
    per_rule = {rule: Counts() for rule in RULE_NAMES}
    misses: list[str] = []
    total = 0
    for path in paths:
        for channel in load_channels(path):
            found = moderate(channel, config)
            for index, message in enumerate(channel.messages):
                total += 1
                labels = labels_of(message)
                flagged = found.get(index, {})
                for rule in RULE_NAMES:
                    counts = per_rule[rule]
                    if rule in flagged and rule in labels:
                        counts.tp += 1
                    elif rule in flagged:
                        counts.fp += 1
                    elif rule in labels:
                        counts.fn += 1
                if labels and flagged:
                    overall.tp += 1
                elif flagged:
                    overall.fp += 1
                elif labels:
                    overall.fn += 1
                if set(flagged) != labels:
                    said = "; ".join(f"{r}: {why}" for r, why in flagged.items()) or "nothing"
                    misses.append(
                        f"#{channel.name}[{index}] labelled {sorted(labels) or 'clean'}, flagged {said}\n    {message['text']}"
                    )
    return Score(overall, per_rule, total, misses)


def report(result: Score) -> str:
    lines = [f"{'rule':<14}{'recall':>8}{'precision':>11}{'f1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for name, counts in [*result.per_rule.items(), ("overall", result.overall)]:
        lines.append(
            f"{name:<14}{counts.recall:>8.3f}{counts.precision:>11.3f}{counts.f1:>7.3f}{counts.tp:>5}{counts.fp:>5}{counts.fn:>5}"
        )
    lines.append(f"{result.messages} messages")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every message scored wrongly")
    args = parser.parse_args()
    result = score(args.files)
    if args.misses:
        print("\n".join(result.misses))
        print()
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
