"""Repetition: the same or nearly the same message posted again in a channel.

A message breaks the rule when it has at least five words
(`repetition_min_words`) and is the same or nearly the same as one posted in
the channel, by anyone, less than 24 hours earlier (`repetition_window_seconds`).
"Nearly the same" is a Jaccard similarity of at least 0.6
(`repetition_similarity`) between the messages' word and word-pair
shingles, after folding case, accents and stretched letters and dropping
@-mentions (spam aimed at different people is still one message). Examples:
one word changed in ten is 0.7 alike; a "!!!" or a mention added is 1.0.

Short replies ("thanks!", "+1", "same") are under five words and are not
compared with the channel's history, and neither is a longer message made only of
courtesy words ("thank you so much everyone", ``stock_reply_words.txt``).

**A short post duplicated in a row** (round 23). A short post is still
duplicated when its writer sends it again word for word as the channel's very
next message, within `repetition_short_in_a_row_seconds` ("WHO IS IN SAT"
twice, "yay" three times). Only the writer's own post immediately before counts:
several people each answering "me" or "👍" are separate answers, and one person
thanking two people ("thanks Cara", "thanks Dev") says two different things.
Case, accents, stretched letters and trailing punctuation fold away; emoji-only
posts are compared by their emoji. Only a hash of the last post is kept.

**The same message in other words.** A person posting their own message
again reworded ("anyone?? need a spare interface for thurs" after "Anyone
got a spare audio interface I could borrow Thursday?"), shortened ("violin
still available, £60 incl. case" after the full advert), in another word
order or with a bump ("Sorry to ask again, ...", "bump: ...") shares few word
pairs with it, so the same person's earlier messages of the window are also
compared by *what they say*: their content words, with stopwords and bump
words left out (``repetition_filler.txt``), spellings made one
(``repetition_spellings.txt``: Thurs = Thursday, Dec = December, DM =
message, twenty = 20) and plural and -ing endings cut. The new message
repeats the earlier one when it says almost nothing the earlier one did not
(at most `repetition_reworded_new_share` of its content words are new, and
at least `repetition_reworded_min_shared` are shared), or when it shares a
link, handle, code, price or other number with it and at most
`repetition_reworded_new_share_with_evidence` of its words are new (at least
two shared). What does *not* count:

- a follow-up that adds something ("thanks, I'll collect the interface
  Thursday"): its new words are too many; and one that says what became of
  the earlier message ("Found it!", "Update: ...", ``repetition_follow_ups.txt``)
  with no bump word, or a statement after the same person's own question
  (an answer to it, not the question again);
- other people: two people asking much the same question ask it in their
  own words, so a question is a copy of someone else's only when it is
  `repetition_other_question_similarity` alike (word for word); anyone's
  word-for-word copy of a statement still counts, as before;
- a moderator restating a rule to different people ("Sam, please don't post
  adverts here, ..." then "Jo, please don't ..."): a rule restated
  (``rule_restatements.txt``, ``reproach_markers.txt``) to someone named or
  mentioned is enforcement, never a repeat;
- quoting: a message's quoted lines ("> ...") and "double-quoted" spans are
  left out of what it is compared by, when enough of its own words remain;
- copies more than the window apart.

A reminder posted again the same day, even by the organisers, is the same
message again (the rule names no exception, and a moderator can dismiss
it); one that changes what it says (new times, a new count: "Update: only
number 14 still missing") adds content and does not count.

The channel's recent messages are kept as MinHash fingerprints in a
``NearDuplicateIndex`` (``minhash.py``): no text, bounded memory, lookup
cost independent of history length.
"""

from __future__ import annotations

import re
from collections import OrderedDict, deque
from typing import Any

from ..config import ModerationConfig
from ..findings import Finding
from ..minhash import Fingerprint, NearDuplicateIndex
from ..minhash import shingle_hash
from ..text import MENTION_TOKEN, fold, tokenize
from ..wordlists import WordLists
from .base import ChannelContext, MessageUnderReview

# Enough words to recognise a copy of even the longest Slack message.
_MAX_WORDS = 4_000
# Three or more of a letter are stretching ("Fleeeeece"); two may be the
# spelling ("Fleece"), so a stretch is cut back to two.
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# Quoted lines ("> what they said") and "double-quoted" spans.
_QUOTE_LINE = re.compile(r"^\s*(?:>|&gt;).*$", re.MULTILINE)
_QUOTED_SPAN = re.compile(r'["\u201c][^"\u201c\u201d\n]{8,300}["\u201d]')
# "Sam, ..." / "@sam: ...": a message that opens by naming whom it speaks to.
_VOCATIVE = re.compile(r"^\s*@?[A-Za-z][\w.'-]{1,30}\s*[,:]")
# Something only this message and its copies are likely to hold: a code
# mixing letters and digits ("strapz15", not "q7" or "3rd"), a web address,
# a handle or a percentage (prices are found beside it).
_STRONG = re.compile(r"^(?=[a-z0-9_]{4,}$)(?=.*[a-z])(?=.*\d)(?!\d+(?:st|nd|rd|th|am|pm|s)$)|\w\.[a-z]{2,}|^@\w|%$")
_MONEY_WORDS = frozenset({"pounds", "pound", "quid", "p", "gbp"})
# A person's earlier messages compared by what they say, at most this many.
_GISTS_PER_PERSON = 20
# ... and a reworded copy says at least this share of what the earlier one said
# (a shortened advert keeps its gist; a new ask that shares a day and a place does not).
_MIN_COVERED = 0.3
_RANGE = re.compile(r"\d+(?:[.:]\d+)?(?:am|pm)?-\d+(?:[.:]\d+)?(?:am|pm)?")
_ENDINGS = ("ing", "es", "s", "ed")
# Words' readings are remembered for this many words (a few MB at most); _UNREAD marks one not yet read.
_REMEMBERED_READINGS = 50_000
_REMEMBERED_WORD_LENGTH = 40
_UNREAD: Any = object()


class RepetitionRule:
    name = "repetition"

    def __init__(self, lists: WordLists, config: ModerationConfig) -> None:
        self.config = config
        self.stock_words = frozenset(lists.entries("stock_reply_words"))
        self.ignored = frozenset(lists.entries("stopwords")) | frozenset(lists.entries("repetition_filler"))
        self.bump_words = frozenset(lists.entries("repetition_filler")) - frozenset(lists.entries("stopwords"))
        self.spellings = _spellings(lists.entries("repetition_spellings"))
        self.follow_ups = _phrases(lists.entries("repetition_follow_ups"))
        self.restatements = _phrases((*lists.entries("rule_restatements"), *lists.entries("reproach_markers")))
        self.question_openers = tuple(" ".join(tokenize(fold(e))) + " " for e in lists.entries("question_openers"))
        self._readings: dict[str, tuple[str, bool] | None] = {}

    def index(self, context: ChannelContext) -> NearDuplicateIndex:
        index = context.states.get(self.name)
        if index is None:
            index = NearDuplicateIndex(
                self.config.repetition_window_seconds,
                self.config.repetition_similarity,
                self.config.max_remembered_messages_per_channel,
            )
            context.states[self.name] = index
        return index

    def fingerprint(self, message: MessageUnderReview) -> Fingerprint | None:
        """The message's fingerprint, or None when it is too short to count."""
        if self.name not in message.derived:
            words = self._own_words(message)
            countable = len(words) >= self.config.repetition_min_words and not self.stock_words.issuperset(words)
            # Stretched letters fold away: "Fleeeeece" is the Fleece.
            message.derived[self.name] = Fingerprint.of(_STRETCHED.sub(r"\1\1", " ".join(words)).split()) if countable else None
        return message.derived[self.name]

    def _own_words(self, message: MessageUnderReview) -> list[str]:
        """The message's words, mentions and (when enough is left) quotations left out."""
        words = [t for t in message.tokens[:_MAX_WORDS] if t != MENTION_TOKEN]
        if ">" in message.text or '"' in message.text or "\u201c" in message.text:
            own = [t for t in tokenize(fold(_QUOTED_SPAN.sub(" ", _QUOTE_LINE.sub(" ", message.text)))) if t != MENTION_TOKEN]
            if len(own) >= self.config.repetition_min_words:
                return own[:_MAX_WORDS]
        return words

    def gist(self, message: MessageUnderReview) -> "_Gist | None":
        """What the message says, for comparing with its writer's earlier messages."""
        key = self.name + ":gist"
        if key not in message.derived:
            words = self._own_words(message)
            content: set[str] = set()
            evidence: set[str] = set()
            # A range is its two numbers: "4-6" is "4 till 6".
            words = [part for word in words for part in (word.split("-") if _RANGE.fullmatch(word) else (word,))]
            for at, word in enumerate(words):
                reading = self._reading(word)
                if reading is None:
                    continue
                meant, strong = reading
                content.add(meant)
                after = words[at + 1] if at + 1 < len(words) else ""
                if strong or (meant.isdigit() and self.spellings.get(after, after) in _MONEY_WORDS):
                    evidence.add(meant)
            phrase = " " + " ".join(message.tokens) + " "
            gist = None
            if len(content) >= 2 and not self._restates_a_rule(message, phrase):
                gist = _Gist(
                    message.ts,
                    message.time,
                    frozenset(shingle_hash(w) for w in content),
                    frozenset(shingle_hash(w) for w in evidence),
                    question=self._is_question(message, phrase),
                    follow_up=any(p in phrase for p in self.follow_ups) and self.bump_words.isdisjoint(message.tokens),
                    bump=not self.bump_words.isdisjoint(message.tokens),
                )
            message.derived[key] = gist
        return message.derived[key]

    def _reading(self, word: str) -> tuple[str, bool] | None:
        """The word as messages are compared by it, and whether it is strong evidence on its own; None
        when it does not count. Remembered (boundedly), since chat repeats its words."""
        reading = self._readings.get(word, _UNREAD)
        if reading is _UNREAD:
            reading = self._read(word)
            if len(word) <= _REMEMBERED_WORD_LENGTH:
                if len(self._readings) >= _REMEMBERED_READINGS:  # bounded: start afresh rather than grow
                    self._readings.clear()
                self._readings[word] = reading
        return reading

    def _read(self, word: str) -> tuple[str, bool] | None:
        word = _STRETCHED.sub(r"\1\1", word)
        meant = self.spellings.get(word, word)
        if word in self.ignored or meant in self.ignored:
            return None
        meant = _stem(meant.lstrip("£$€").removesuffix("'s"))
        if len(meant) < 2 and not meant.isdigit():
            return None
        # Strong evidence: a price ("£60", "15%"; "twenty quid" is found beside the number), a code
        # ("strapz15"), a web address or a handle; a bare "3" or "9am" is everyday.
        return meant, bool(_STRONG.search(meant)) or (word[:1] in "£$€" and meant[:1].isdigit())

    def _is_question(self, message: MessageUnderReview, phrase: str) -> bool:
        return "?" in message.text or phrase[1:].startswith(self.question_openers)

    def _restates_a_rule(self, message: MessageUnderReview, phrase: str) -> bool:
        """A rule restated to someone named or mentioned: enforcement, not a repost."""
        aimed = bool(message.mentions) or bool(_VOCATIVE.match(message.text)) or message.addresses_someone
        return aimed and any(p in phrase for p in self.restatements)

    def _reworded(self, new: "_Gist", earlier: "_Gist") -> float | None:
        """How much of the new message the earlier one already said, when it is the same message again."""
        if new.follow_up or (earlier.question and not new.question and not new.bump):
            return None
        # (round 19) A question after the same person's statement asks what became of it
        # ("did the match funding come through?" after "Arts Council want 10% match
        # funding"): a follow-up, unless bumped or it repeats a price, code or link.
        if new.question and not earlier.question and not new.bump and not (new.evidence & earlier.evidence):
            return None
        shared = len(new.words & earlier.words)
        fresh = 1 - shared / len(new.words)
        config = self.config
        if shared >= config.repetition_reworded_min_shared and fresh <= config.repetition_reworded_new_share \
                and shared >= _MIN_COVERED * len(earlier.words):
            return 1 - fresh
        if shared >= 2 and new.evidence & earlier.evidence and fresh <= config.repetition_reworded_new_share_with_evidence:
            return 1 - fresh
        return None

    def gists(self, context: ChannelContext) -> "_Gists":
        gists = context.states.get(self.name + ":gist")
        if gists is None:
            gists = context.states[self.name + ":gist"] = _Gists(
                self.config.repetition_window_seconds, self.config.max_tracked_people_per_channel
            )
        return gists

    def _short_key(self, message: MessageUnderReview) -> int:
        """A hash of what a short post says, folded: case, accents, stretched letters and
        punctuation do not make a post different; an emoji-only post is its emoji."""
        words = [t for t in message.tokens[:_MAX_WORDS] if t != MENTION_TOKEN]
        said = _STRETCHED.sub(r"\1\1", " ".join(words)) if words else "".join(message.text.split()).replace("\ufe0f", "")
        return shingle_hash(said) if said else 0

    def _short_in_a_row(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        """The writer's own short post sent again as the channel's next message (module docstring)."""
        last = context.states.get(self.name + ":last")
        if not last or message.edited:
            return None
        user, key, time, ts = last
        seconds = message.time - time
        if user != message.user or ts == message.ts or not 0 <= seconds <= self.config.repetition_short_in_a_row_seconds:
            return None
        if key == 0 or key != self._short_key(message):
            return None
        return Finding(
            "repetition",
            f"The same short post sent again in a row: posted {_ago(seconds)} earlier by the same person.",
            evidence={"earlier_ts": ts, "earlier_user": user, "similarity": "1.00"},
        )

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        fingerprint = self.fingerprint(message)
        if fingerprint is None:
            return self._short_in_a_row(message, context)
        phrase = " " + " ".join(message.tokens) + " "
        if self._restates_a_rule(message, phrase):
            return None
        earlier = self.index(context).find_earlier(fingerprint, message.time, message.ts)
        if (
            earlier is not None
            and earlier.author != message.user
            and earlier.similarity < self.config.repetition_other_question_similarity
            and self._is_question(message, phrase)
        ):
            earlier = None  # another person asking much the same thing, in their own words
        if earlier is None:
            return self._assess_reworded(message, context)
        alike = "Same as" if earlier.similarity >= 0.999 else f"Nearly the same ({earlier.similarity:.0%} alike) as"
        # Plain words, not a platform's mention: the card shows the reason as text. Who posted the
        # earlier copy is in the evidence.
        who = "the same person" if earlier.author == message.user else "someone else"
        return Finding(
            "repetition",
            f"{alike} a message posted {_ago(message.time - earlier.time)} earlier by {who}.",
            evidence={"earlier_ts": earlier.key, "earlier_user": earlier.author, "similarity": f"{earlier.similarity:.2f}"},
        )

    def _assess_reworded(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        gist = self.gist(message)
        if gist is None:
            return None
        best: tuple[float, _Gist] | None = None
        for earlier in self.gists(context).of(message.user, message.time):
            if earlier.key == message.ts:
                continue
            said = self._reworded(gist, earlier)
            if said is not None and (best is None or said > best[0]):
                best = (said, earlier)
        if best is None:
            return None
        said, earlier = best
        return Finding(
            "repetition",
            f"The same message in other words ({said:.0%} of what it says was said) as one posted "
            f"{_ago(message.time - earlier.time)} earlier by the same person.",
            evidence={"earlier_ts": earlier.key, "earlier_user": message.user, "similarity": f"{said:.2f}"},
        )

    def remember(self, message: MessageUnderReview, context: ChannelContext) -> None:
        fingerprint = self.fingerprint(message)
        index = self.index(context)
        gists = self.gists(context)
        gists.remove(message.user, message.ts)
        # The channel's last post, as a hash, for a short post sent again in a row; an edit
        # changes an older post, not the order of the channel.
        if not message.edited:
            key = self._short_key(message) if fingerprint is None else 0
            context.states[self.name + ":last"] = (message.user, key, message.time, message.ts)
        if fingerprint is None:
            if message.edited:
                index.remove(message.ts)  # edited down to a short reply
            return
        index.add(message.ts, message.time, message.user, fingerprint)
        gist = self.gist(message)
        if gist is not None:
            gists.add(message.user, gist)

    def export_state(self, context: ChannelContext) -> dict[str, Any]:
        last = context.states.get(self.name + ":last")
        return {"entries": self.index(context).export(), "gists": self.gists(context).export(),
                "last": list(last) if last else None}

    def restore_state(self, context: ChannelContext, data: dict[str, Any]) -> None:
        self.index(context).restore(data.get("entries", []))
        self.gists(context).restore(data.get("gists", []))
        last = data.get("last")
        if last:
            user, key, time, ts = last
            context.states[self.name + ":last"] = (str(user), int(key), float(time), str(ts))


class _Gist:
    """What one message says, as hashes of its content words (never text)."""

    __slots__ = ("key", "time", "words", "evidence", "question", "follow_up", "bump")

    def __init__(self, key: str, time: float, words: frozenset[int], evidence: frozenset[int], *,
                 question: bool, follow_up: bool, bump: bool) -> None:
        self.key, self.time, self.words, self.evidence = key, time, words, evidence
        self.question, self.follow_up, self.bump = question, follow_up, bump


class _Gists:
    """Each person's recent messages of the window, by what they say; bounded."""

    def __init__(self, window_seconds: float, max_people: int) -> None:
        self.window_seconds = window_seconds
        self.max_people = max_people
        self._people: OrderedDict[str, deque[_Gist]] = OrderedDict()

    def of(self, person: str, time: float) -> list[_Gist]:
        kept = self._people.get(person, ())
        return [g for g in kept if g.time <= time and time - g.time < self.window_seconds]

    def add(self, person: str, gist: _Gist) -> None:
        kept = self._people.get(person)
        if kept is None:
            kept = self._people[person] = deque(maxlen=_GISTS_PER_PERSON)
        self._people.move_to_end(person)
        while kept and gist.time - kept[0].time >= self.window_seconds:
            kept.popleft()
        kept.append(gist)
        while len(self._people) > self.max_people:
            self._people.popitem(last=False)

    def remove(self, person: str, key: str) -> None:
        kept = self._people.get(person)
        if kept:
            for gist in [g for g in kept if g.key == key]:
                kept.remove(gist)

    def export(self) -> list[list[Any]]:
        return [
            [person, g.key, g.time, sorted(g.words), sorted(g.evidence), g.question, g.follow_up, g.bump]
            for person, kept in self._people.items() for g in kept
        ]

    def restore(self, rows: list[list[Any]]) -> None:
        self._people.clear()
        for person, key, time, words, evidence, question, follow_up, bump in rows:
            self.add(str(person), _Gist(str(key), float(time), frozenset(map(int, words)), frozenset(map(int, evidence)),
                                        question=bool(question), follow_up=bool(follow_up), bump=bool(bump)))


def _spellings(entries: tuple[str, ...]) -> dict[str, str]:
    """"thurs = thursday" lines as {"thurs": "thursday"}."""
    found = {}
    for entry in entries:
        written, sep, meant = entry.partition("=")
        if sep and written.strip() and meant.strip():
            found[written.strip()] = meant.strip()
    return found


def _phrases(entries) -> tuple[str, ...]:
    return tuple(" " + " ".join(tokenize(fold(e))) + " " for e in entries)


def _stem(word: str) -> str:
    """Plural, -ing and -ed endings cut ("mixes", "mixing" -> "mix"), so forms of a word compare equal."""
    if word.isalpha() and len(word) > 4:
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
                return word[: -len(ending)]
    return word


def _ago(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
