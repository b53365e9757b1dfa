"""Assess a channel's messages in order, remembering what the rules need.

``RuleBook``        the rules, compiled once from the word lists; share one.
``ChannelModerator`` one channel: its purpose and the rules' memory of it.
``Moderator``       every moderated channel, for the Slack message dispatcher.
``assess_text``     the content rules alone on one text, with no memory.

Typical use by the dispatcher::

    moderator = Moderator(config)
    moderator.set_purpose("C123", "#young-leaders — planning for Young Leaders")
    findings = moderator.assess("C123", user="U1", text=text, ts=ts)
    findings = moderator.assess_edit("C123", user="U1", text=new_text, ts=ts)

The caller decides what is assessed: the bot's own and other bots'
messages are left out before they get here. Thread replies are assessed
like any other message of their channel and share its memory (a copy posted
in a thread is still a copy). A deleted message needs no call: what is
remembered of it is only hashes, and they age out with the window.

Memory per channel is bounded (see ``ModerationConfig``), so a long-running
bot's memory stays flat however many messages pass through it. To carry
that memory over a restart, either save ``export_state()`` (JSON-ready:
hashes, times, user ids, verdicts; never text) and ``restore_state()`` it,
or feed the last day of the channel's history to ``remember()``.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.inline_markup import PLAIN, InlineMarkup

from .config import ModerationConfig
from .findings import RULE_NAMES, Finding
from .meaning import MODEL_DIR, MeaningModelError, MeaningReader
from .rules import AbuseRule, IllegalActivityRule, SolicitationRule, ThreatRule, build_rules
from .rules.base import REPORTED_FOR, ChannelContext, ChannelPurpose, MessageUnderReview, RememberingRule, Rule
from .wordlists import WordLists

log = logging.getLogger(__name__)

STATE_VERSION = 1
# What a message is reported for is remembered for this many reported
# messages per channel, so a copy of it can be reported as a copy.
_REPORTED_MEMORY = 1_000
_CONTENT_RULES = frozenset({"abuse", "threat", "solicitation", "illegal"})
_OUTRANKED_BY = {
    # (round 21) Selling something illegal is reported for both rules, each with its own reason:
    # the act is illegal and the offer is a solicitation (policy 5.7 lists both).
    "off_topic": frozenset({"abuse", "threat", "solicitation", "illegal", "repetition"}),
}


class RuleBook:
    """The enabled rules for one organisation, ready to use."""

    def __init__(self, config: ModerationConfig | None = None, *, meaning_dir: Path = MODEL_DIR) -> None:
        self.config = config or ModerationConfig()
        self.word_lists = WordLists(self.config)
        self.rules: list[Rule] = build_rules(self.word_lists, self.config)
        self.remembering: list[RememberingRule] = [r for r in self.rules if isinstance(r, RememberingRule)]
        # The content rules judge a message on its own (illegal also remembers a few messages to
        # carry an offer to its poster's "I'll send u the link"; with no memory it reads the text alone).
        self.stateless: list[Rule] = [r for r in self.rules if r.name in _CONTENT_RULES]
        self.meaning = self._meaning_reader(meaning_dir) if self.config.read_meaning else None

    def findings(self, message: MessageUnderReview, context: ChannelContext, rules: list[Rule]) -> list[Finding]:
        """What `rules` find in a message; when no content rule speaks, what its meaning says."""
        found = [f for rule in rules if (f := rule.assess(message, context)) is not None]
        found = _illegal_sale(message, found, rules)
        if self.meaning is not None and not any(f.rule in _CONTENT_RULES for f in found):
            by_meaning = self.meaning.assess(message, context.purpose)
            if by_meaning is not None:
                found.append(by_meaning)
        return _one_reason(found)

    def _meaning_reader(self, model_dir: Path) -> MeaningReader | None:
        # Its reasons quote words, so they are masked as the abuse rule masks its own.
        abuse = next((r for r in self.rules if isinstance(r, AbuseRule)), None) or AbuseRule(self.word_lists)
        selling = next((r for r in self.rules if isinstance(r, SolicitationRule)), None)
        threat = next((r for r in self.rules if isinstance(r, ThreatRule)), None)
        illegal = next((r for r in self.rules if isinstance(r, IllegalActivityRule)), None)
        try:
            return MeaningReader.load(
                _CONTENT_RULES & self.config.enabled_rules,
                model_dir=model_dir,
                ignored_words=frozenset(self.word_lists.entries("stopwords")),
                mask_text=abuse.words.mask_text,
                # The organisation's own tickets and appeals are not solicitation (policy 5.7),
                # nor a member's own offer where the purpose welcomes it (round 12).
                # Teasing between friends ("😂 you're such a muppet") is not abuse, as the abuse rule reads it.
                # A warning or a rule enforced ("threats like 'I know where you live' will always be reported")
                # names a threat without making one; a reply refusing cash in hand, or money said to be
                # declared, names no illegal act of its own.
                exempt={"abuse": abuse.is_teasing, **({"solicitation": selling.allowed_here} if selling else {}),
                        **({"threat": threat.is_reproach} if threat else {}),
                        **({"illegal": illegal.is_dealt_with} if illegal else {})},
            )
        except MeaningModelError as exc:
            # The rules still run: a broken install must not stop moderation, but someone must hear of it.
            log.error("moderation goes on with the rules alone: %s", exc)
            return None


class ChannelModerator:
    """Assesses one channel's messages, in the order they were posted."""

    def __init__(self, purpose: str | None = None, *, config: ModerationConfig | None = None,
                 rulebook: RuleBook | None = None, channel: str = "") -> None:
        self.rulebook = rulebook or RuleBook(config)
        self.context = ChannelContext(channel, purpose)
        # ts -> the content rules a reported message broke (rule names, never text).
        self._reported: OrderedDict[str, frozenset[str]] = OrderedDict()

    def set_purpose(self, purpose: str | None) -> None:
        """The channel's purpose changed (keeps the rules' memory)."""
        self.context.purpose = ChannelPurpose(purpose)

    def assess(self, user: str, text: str, ts: str, *, thread_ts: str | None = None,
               markup: InlineMarkup = PLAIN) -> list[Finding]:
        """Findings for a new message (empty when it breaks no rule); `text` is written in `markup`."""
        return self._run(MessageUnderReview(text, user=user, ts=ts, thread_ts=thread_ts, markup=markup))

    def assess_edit(self, user: str, text: str, ts: str, *, thread_ts: str | None = None,
                    markup: InlineMarkup = PLAIN) -> list[Finding]:
        """Findings for an edited message: its new text replaces what was
        remembered for `ts` (it is not a repeat of its own earlier version)."""
        return self._run(MessageUnderReview(text, user=user, ts=ts, edited=True, thread_ts=thread_ts, markup=markup))

    def remember(self, user: str, text: str, ts: str, *, markup: InlineMarkup = PLAIN) -> None:
        """Take a message into memory without assessing it: for warming up
        from the channel's recent history after a restart."""
        message = MessageUnderReview(text, user=user, ts=ts, markup=markup)
        for rule in self.rulebook.remembering:
            rule.remember(message, self.context)

    def _run(self, message: MessageUnderReview) -> list[Finding]:
        findings = self._copies_as_copies(self.rulebook.findings(message, self.context, self.rulebook.rules))
        content = frozenset(f.rule for f in findings) & _CONTENT_RULES
        # What the post was reported for, for the rules that remember it
        # (an advert naming a PS5 does not open a side conversation about it).
        message.derived[REPORTED_FOR] = content
        if content:
            self._reported[message.ts] = content
            self._reported.move_to_end(message.ts)
            while len(self._reported) > _REPORTED_MEMORY:
                self._reported.popitem(last=False)
        for rule in self.rulebook.remembering:
            rule.remember(message, self.context)
        return findings

    def _copies_as_copies(self, findings: list[Finding]) -> list[Finding]:
        """A copy of a message already reported for what it says is that
        breach again, and a copy: it keeps its content findings (an advert
        posted twice is still an advert) beside the repetition finding, whose
        reason names what the first one was reported for. All go on the one
        card of the message, so the moderator sees both reasons together."""
        copy = next((f for f in findings if f.rule == "repetition"), None)
        if copy is None:
            return findings
        earlier = self._reported.get(copy.evidence.get("earlier_ts", ""), frozenset())
        if not earlier:
            return findings
        said = " and ".join(r for r in RULE_NAMES if r in earlier)
        return [
            Finding("repetition", f"{f.reason[:-1]} (that one was reported for {said}).", f.evidence)
            if f.rule == "repetition" and f.reason.endswith(".") else f
            for f in findings
        ]

    def export_state(self) -> dict[str, Any]:
        return {rule.name: rule.export_state(self.context) for rule in self.rulebook.remembering}

    def restore_state(self, state: Mapping[str, Any]) -> None:
        for rule in self.rulebook.remembering:
            if rule.name in state:
                rule.restore_state(self.context, dict(state[rule.name]))


class Moderator:
    """Every moderated channel of one organisation."""

    def __init__(self, config: ModerationConfig | None = None, *, rulebook: RuleBook | None = None) -> None:
        self.rulebook = rulebook or RuleBook(config)
        self._channels: dict[str, ChannelModerator] = {}

    def channel(self, channel: str) -> ChannelModerator:
        found = self._channels.get(channel)
        if found is None:
            found = self._channels[channel] = ChannelModerator(rulebook=self.rulebook, channel=channel)
        return found

    def set_purpose(self, channel: str, purpose: str | None) -> None:
        self.channel(channel).set_purpose(purpose)

    def assess(self, channel: str, user: str, text: str, ts: str, *, thread_ts: str | None = None,
               markup: InlineMarkup = PLAIN) -> list[Finding]:
        return self.channel(channel).assess(user, text, ts, thread_ts=thread_ts, markup=markup)

    def assess_edit(self, channel: str, user: str, text: str, ts: str, *, thread_ts: str | None = None,
                    markup: InlineMarkup = PLAIN) -> list[Finding]:
        return self.channel(channel).assess_edit(user, text, ts, thread_ts=thread_ts, markup=markup)

    def remember(self, channel: str, user: str, text: str, ts: str, *, markup: InlineMarkup = PLAIN) -> None:
        self.channel(channel).remember(user, text, ts, markup=markup)

    def forget_channel(self, channel: str) -> None:
        """Drop everything remembered about a channel (no longer moderated)."""
        self._channels.pop(channel, None)

    def export_state(self) -> dict[str, Any]:
        """The rules' memory of every channel as JSON-ready data: only
        hashes, times, user ids and verdicts (never message text)."""
        return {
            "version": STATE_VERSION,
            "channels": {name: ch.export_state() for name, ch in self._channels.items()},
        }

    def restore_state(self, state: Mapping[str, Any]) -> None:
        """Restore memory saved by export_state (purposes are not saved:
        set them again from Slack)."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported moderation state version {state.get('version')!r}")
        for name, channel_state in state.get("channels", {}).items():
            self.channel(name).restore_state(channel_state)


_default_rulebook: RuleBook | None = None


def assess_text(text: str, *, purpose: str | None = None, config: ModerationConfig | None = None,
                rulebook: RuleBook | None = None, markup: InlineMarkup = PLAIN) -> list[Finding]:
    """The rules that need no history (abuse, threat, solicitation, illegal)
    applied to one text. For previews and the group agreement's examples."""
    global _default_rulebook
    if rulebook is None and config is None:
        if _default_rulebook is None:
            _default_rulebook = RuleBook()
        rulebook = _default_rulebook
    rulebook = rulebook or RuleBook(config)
    message = MessageUnderReview(text, markup=markup)
    context = ChannelContext("", purpose)
    return rulebook.findings(message, context, rulebook.stateless)


def _illegal_sale(message: MessageUnderReview, found: list[Finding], rules: list[Rule]) -> list[Finding]:
    """(round 21) Selling something illegal breaks two rules: when the illegal rule has reported a
    message the solicitation rule passed over ("firesticks loaded with every channel, £40 each"),
    the solicitation finding is added if the message offers the thing for money or asks people to
    buy it, with its own reason (``SolicitationRule.offered_for_money``)."""
    illegal = next((i for i, f in enumerate(found) if f.rule == "illegal"), None)
    if illegal is None or any(f.rule == "solicitation" for f in found):
        return found
    selling = next((r for r in rules if isinstance(r, SolicitationRule)), None)
    offer = selling.offered_for_money(message) if selling is not None else None
    return found if offer is None else [*found[:illegal], offer, *found[illegal:]]


def _one_reason(findings: list[Finding]) -> list[Finding]:
    """One reason is enough for the moderator: a post reported for what it
    says is not also off topic (it still counts towards the run). Selling
    something illegal keeps both its reasons (round 21)."""
    if len(findings) < 2:
        return findings
    found = {f.rule for f in findings}
    return [f for f in findings if found.isdisjoint(_OUTRANKED_BY.get(f.rule, ()))]
