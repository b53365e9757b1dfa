"""Settings an organisation can change; every default works with no config at all."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping, Sequence

from .findings import RULE_NAMES, RuleName

DAY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class ModerationConfig:
    """How the moderation rules behave for one organisation.

    Word lists: every list in ``bot/moderation/data`` (e.g. ``profanity.txt``,
    ``political_parties.txt``, ``threat.patterns.txt``) can be extended
    without touching the code, in two ways that may be combined:

    - ``extra_wordlist_dir``: a directory holding files with the same names as
      the built-in ones; their entries are *added* to the built-in list.
    - ``extra_terms`` / ``removed_terms``: list name (file name without
      ``.txt``) to entries to add or take away, e.g.
      ``{"profanity": ["newword"], "false_alarms": ["Cockermouth"]}``.
      ``removed_terms`` does not apply to ``*.patterns.txt`` files.
    """

    # Names the organisation goes by, and web addresses it owns. A message
    # naming one of these may sell the organisation's own tickets or
    # merchandise and make its own appeals (policy 5.7 is about *other*
    # organisations' solicitations).
    org_names: tuple[str, ...] = ("The Music Works", "TMW")
    org_domains: tuple[str, ...] = ("themusicworks.org.uk",)
    # (round 21) The organisation's own public phone numbers (its organisation file's
    # `public_phone`). A message giving them, or an address at one of `org_domains`, points
    # people to the organisation itself ("any worries, ring the office on ..."): never
    # someone's sale, however the rest of it reads.
    org_phones: tuple[str, ...] = ("01452 503550",)
    # Other words that mark the organisation's own sales and appeals,
    # e.g. "Big Give", "our Christmas appeal", "TMW shop".
    own_sales_terms: tuple[str, ...] = ()

    extra_wordlist_dir: Path | None = None
    extra_terms: Mapping[str, Sequence[str]] = field(default_factory=dict)
    removed_terms: Mapping[str, Sequence[str]] = field(default_factory=dict)

    # Repetition: a message of at least `repetition_min_words` words that is
    # at least `repetition_similarity` alike (Jaccard over word shingles) to
    # one posted less than `repetition_window_seconds` earlier.
    repetition_window_seconds: float = DAY_SECONDS
    repetition_min_words: int = 5
    repetition_similarity: float = 0.6
    # The same person's message again in other words (rules/repetition.py):
    # at least `..._min_shared` content words shared and at most `..._new_share`
    # of its content words new; or, sharing a number, price, code or link, at
    # most `..._new_share_with_evidence` new (and two shared).
    repetition_reworded_min_shared: int = 3
    repetition_reworded_new_share: float = 0.35
    repetition_reworded_new_share_with_evidence: float = 0.5
    # Someone else's question counts as a copy only when this alike (word for word).
    repetition_other_question_similarity: float = 0.8
    # (round 23) A short post (under `repetition_min_words`) counts when its writer posts it again
    # word for word as the channel's very next message, within this many seconds: "WHO IS IN SAT"
    # twice in a row is the same post duplicated; several people each answering "me" is not.
    repetition_short_in_a_row_seconds: float = 30 * 60
    # A hard cap on what one channel remembers, so memory stays bounded even
    # in a channel busier than the window assumes (oldest forgotten first).
    max_remembered_messages_per_channel: int = 50_000

    # Off-topic (policy 5.7: "multiple successive off-topic posts by a single
    # user"): the `off_topic_run_length`-th unrelated post in a row by one
    # person (and every one after it) is flagged; two is "multiple", so a
    # person's second successive off-topic post is the first breach. A post
    # needs at least `off_topic_min_content_words` content words to be judged
    # at all; shorter ones ("haha", "see you then") neither add to nor end a run.
    off_topic_run_length: int = 2
    # A side conversation among several people is also flagged as a whole from
    # its `off_topic_side_chat_length`-th message, whoever writes it (3, as before
    # round 24); 0 flags it only where one person's own posts in it make a run,
    # as the policy words it, so a friendly exchange of one message each is not
    # a breach (the older labelled sets still mark such exchanges; see round 24).
    off_topic_side_chat_length: int = 3
    off_topic_min_content_words: int = 2
    # A post more than this long after the same person's previous post
    # starts a new run; people silent for longer are forgotten.
    off_topic_run_gap_seconds: float = DAY_SECONDS
    # "Recent conversation": the words of the last this-many on-topic posts
    # in the channel, no older than `conversation_memory_seconds`.
    conversation_memory_messages: int = 8
    conversation_memory_seconds: float = 3 * 60 * 60
    max_tracked_people_per_channel: int = 5_000

    enabled_rules: frozenset[RuleName] = frozenset(RULE_NAMES)
    # Read each message's overall meaning too (meaning.py), for what the word
    # lists miss; it speaks only for the enabled content rules, and only when
    # none of them has.
    read_meaning: bool = True

    def __post_init__(self) -> None:
        unknown = set(self.enabled_rules) - set(RULE_NAMES)
        if unknown:
            raise ValueError(f"unknown rules in enabled_rules: {', '.join(sorted(unknown))}")
        if self.repetition_window_seconds <= 0:
            raise ValueError("repetition_window_seconds must be positive")
        if self.repetition_min_words < 1:
            raise ValueError("repetition_min_words must be at least 1")
        if not 0 < self.repetition_similarity <= 1:
            raise ValueError("repetition_similarity must be in (0, 1]")
        for name in ("repetition_reworded_new_share", "repetition_reworded_new_share_with_evidence",
                     "repetition_other_question_similarity"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in [0, 1]")
        if self.repetition_reworded_min_shared < 1:
            raise ValueError("repetition_reworded_min_shared must be at least 1")
        if self.off_topic_run_length < 1:
            raise ValueError("off_topic_run_length must be at least 1")
        if self.off_topic_side_chat_length < 0:
            raise ValueError("off_topic_side_chat_length must be 0 (off) or more")
        if not isinstance(self.read_meaning, bool):
            raise ValueError("read_meaning must be true or false")
        if self.max_remembered_messages_per_channel < 1 or self.max_tracked_people_per_channel < 1:
            raise ValueError("memory caps must be at least 1")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "ModerationConfig":
        """Build a config from a plain mapping (e.g. the organisation file's
        ``moderation:`` section). Unknown keys are an error, so a typo in the
        organisation file is noticed rather than silently ignored."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown moderation settings: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = dict(data)
        for name in ("org_names", "org_domains", "org_phones", "own_sales_terms"):
            if name in values:
                values[name] = _strings(values[name], name)
        if values.get("extra_wordlist_dir") is not None:
            values["extra_wordlist_dir"] = Path(values["extra_wordlist_dir"])
        for name in ("extra_terms", "removed_terms"):
            if name in values:
                values[name] = {str(k): _strings(v, f"{name}.{k}") for k, v in dict(values[name]).items()}
        if "enabled_rules" in values:
            values["enabled_rules"] = frozenset(_strings(values["enabled_rules"], "enabled_rules"))
        return cls(**values)


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} must be a list of strings")
    return tuple(value)
