"""What a rule reports when a message breaks it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal, Mapping

RuleName = Literal["abuse", "threat", "solicitation", "illegal", "repetition", "off_topic"]

# The order findings are reported in, and the names the CLI contract fixes.
RULE_NAMES: Final[tuple[RuleName, ...]] = (
    "abuse",
    "threat",
    "solicitation",
    "illegal",
    "repetition",
    "off_topic",
)

# The longest reason we hand a moderator: a card line, not an essay.
MAX_REASON_LENGTH: Final = 200


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule broken by one message.

    `reason` is a single line a moderator can read on a review card; it never
    contains a slur unmasked. `evidence` carries machine-readable extras
    (e.g. the `ts` of the earlier message a repetition copies) for the card.
    """

    rule: RuleName
    reason: str
    evidence: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.rule not in RULE_NAMES:
            raise ValueError(f"unknown rule {self.rule!r}")
        reason = " ".join(self.reason.split())
        if len(reason) > MAX_REASON_LENGTH:
            reason = reason[: MAX_REASON_LENGTH - 1].rstrip() + "…"
        object.__setattr__(self, "reason", reason)
