"""What the off-topic rule remembers of a channel, in bounded memory.

Two things: the words of the channel's recent on-topic conversation (the
last N on-topic posts, none older than a few hours), and for each person
their last few posts' verdicts (on topic, off topic, too short to judge).
"""

from __future__ import annotations

from collections import Counter, OrderedDict, deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from .config import ModerationConfig

Verdict = Literal["on", "off", "short"]
ON_TOPIC: Verdict = "on"
OFF_TOPIC: Verdict = "off"
TOO_SHORT: Verdict = "short"


@dataclass(slots=True)
class _Post:
    ts: str
    time: float
    verdict: Verdict


class ConversationMemory:
    def __init__(self, config: ModerationConfig) -> None:
        self.config = config
        self._recent: deque[tuple[float, frozenset[str]]] = deque()
        self._recent_words: Counter[str] = Counter()
        self._people: OrderedDict[str, deque[_Post]] = OrderedDict()
        # A run longer than this is still a run: enough history to see one.
        self._posts_per_person = 4 * config.off_topic_run_length + 8
        # The channel's side conversation, whoever takes part: how many
        # messages it has had, when the last was posted, what it is about.
        self.side_length = 0
        self.side_time = 0.0
        self.side_topic = ""
        self.side_user = ""  # who posted its last message
        # Everyone who has posted in it, with how many of its messages each has posted: each of
        # them carries it on, not only its last poster, and one person's second is a run of theirs.
        self.side_people: Counter[str] = Counter()
        # When someone last asked for side conversations to stop: everyone's runs end there.
        self.closed_at = 0.0
        # (round 21) The everyday side topics (``side_topics.txt``: sport, TV, a garden...) the
        # side conversation has been about, and each person's last off-topic post's topics with
        # its time: a follow-up in that topic's own words ("that ref was blind") carries it on.
        self.side_topics: frozenset[str] = frozenset()
        # (round 24) The channel's last judged message (on or off topic; short ones say too little):
        # (time, writer, on topic?, its stems). A reply picks up its words; a person's off-topic
        # post before it is no longer carried on once the channel is back at its work.
        self.last_judged: tuple[float, str, bool, frozenset[str]] = (0.0, "", False, frozenset())
        self.last_on_topic_time = 0.0
        self._topics_of_people: OrderedDict[str, tuple[float, frozenset[str]]] = OrderedDict()

    # -- recent conversation ---------------------------------------------------

    def recent_words(self, now: float) -> Counter[str]:
        """Word stems of the recent on-topic conversation (a live view)."""
        self._expire_recent(now)
        return self._recent_words

    def _add_recent(self, time: float, stems: frozenset[str]) -> None:
        self._recent.append((time, stems))
        self._recent_words.update(stems)
        while len(self._recent) > self.config.conversation_memory_messages:
            self._drop_oldest_recent()

    def _expire_recent(self, now: float) -> None:
        horizon = now - self.config.conversation_memory_seconds
        while self._recent and self._recent[0][0] < horizon:
            self._drop_oldest_recent()

    def _drop_oldest_recent(self) -> None:
        _, stems = self._recent.popleft()
        self._recent_words.subtract(stems)
        for stem in stems:
            if self._recent_words[stem] <= 0:
                del self._recent_words[stem]

    # -- the channel's side conversation ------------------------------------------

    def side_run(self, time: float, within_seconds: float) -> tuple[int, str]:
        """(messages so far, topic) of a side conversation that a message at `time` would carry on."""
        if self.side_length and 0 <= time - self.side_time <= within_seconds:
            return self.side_length, self.side_topic
        return 0, ""

    def record_side_run(self, length: int, time: float, topic: str, user: str = "", counts_as_theirs: bool = True) -> None:
        """The side conversation after a message; `counts_as_theirs` is False for a short reply ("lol yes"),
        which carries the conversation on but is not one of its writer's own posts in it."""
        if length <= 1:
            self.side_people = Counter()
        if length and counts_as_theirs:
            self.side_people[user] += 1
        self.side_length, self.side_time, self.side_topic, self.side_user = length, time, topic, user

    def record_side_topics(self, length: int, topics: frozenset[str]) -> None:
        """The side conversation's topics: a new one's own, more of one's added, none without one."""
        self.side_topics = topics if length == 1 else (self.side_topics | topics if length else frozenset())

    def live_topics(self, user: str, time: float, within_seconds: float) -> frozenset[str]:
        """The side topics a message at `time` by `user` would carry on: the running side
        conversation's, and this person's own last off-topic post's, if recent enough."""
        live = self.side_topics if self.side_run(time, within_seconds)[0] else frozenset()
        mine = self._topics_of_people.get(user)
        if mine is not None and 0 <= time - mine[0] <= within_seconds:
            live = live | mine[1]
        return live

    def record_topics_of(self, user: str, time: float, topics: frozenset[str]) -> None:
        """This person's last off-topic post was about `topics` (none: forget it)."""
        self._topics_of_people.pop(user, None)
        if topics:
            self._topics_of_people[user] = (time, topics)
            while len(self._topics_of_people) > self.config.max_tracked_people_per_channel:
                self._topics_of_people.popitem(last=False)

    def in_side_run(self, user: str, time: float, within_seconds: float) -> bool:
        """Has this person posted in the side conversation this message would carry on?"""
        return bool(self.side_run(time, within_seconds)[0]) and user in self.side_people

    def side_posts_of(self, user: str, time: float, within_seconds: float) -> int:
        """How many messages of the side conversation a message at `time` would carry on this person has posted."""
        return self.side_people[user] if self.side_run(time, within_seconds)[0] else 0

    # -- runs of off-topic posts -------------------------------------------------

    def drifting(self, user: str, time: float, within_seconds: float) -> bool:
        """Was this person's last post off topic, and recent enough that this one carries on from it?"""
        posts = self._people.get(user)
        if not posts:
            return False
        last = posts[-1]
        return last.verdict == OFF_TOPIC and 0 <= time - last.time <= within_seconds

    def drifting_since_the_work(self, user: str, time: float, within_seconds: float) -> bool:
        """Is this person's recent off-topic post (as in `drifting`) still the channel's last
        judged message, with nobody back at the work, nor on to anything else, since it?"""
        posts = self._people.get(user)
        return (self.drifting(user, time, within_seconds) and bool(posts) and self.last_on_topic_time <= posts[-1].time
                and self.last_judged[1] == user)

    def record_other_business(self, user: str, time: float) -> None:
        """A message dealt with by another rule (a threat, an advert) is the channel's last
        judged message, neither on topic nor a side topic's."""
        self.last_judged = (time, user, False, frozenset())

    def reply_to_the_work(self, user: str, time: float, within_seconds: float) -> frozenset[str]:
        """The stems of the channel's last judged message, when it was someone else's on-topic
        post of a few minutes ago (so this one may be a reply to it); empty otherwise."""
        when, writer, on_topic, stems = self.last_judged
        return stems if on_topic and writer != user and 0 <= time - when <= within_seconds else frozenset()

    def run_length(self, user: str, ts: str, time: float, verdict: Verdict) -> int:
        """How many off-topic posts in a row this one makes for its author.

        For a new post: it plus the unbroken off-topic posts just before it.
        For an edit of a remembered post: counted up to where that post is.
        A post on topic ends a run, and so does anyone's asking for side
        conversations to stop; a short one neither ends nor adds to it;
        a gap longer than `off_topic_run_gap_seconds` ends it too.
        """
        if verdict != OFF_TOPIC:
            return 0
        posts = list(self._people.get(user, ()))
        for position, post in enumerate(posts):
            if post.ts == ts:
                posts = posts[:position]
                break
        else:  # not remembered (new, or an edit of an old post): what came before it
            posts = [post for post in posts if post.time < time]
        run, later_time = 1, time
        for post in reversed(posts):
            if (
                later_time - post.time > self.config.off_topic_run_gap_seconds
                or post.verdict == ON_TOPIC
                or post.time < self.closed_at
            ):
                break
            if post.verdict == OFF_TOPIC:
                run += 1
            later_time = post.time
        return run

    def record(self, user: str, ts: str, time: float, verdict: Verdict, stems: frozenset[str], *, edited: bool) -> None:
        posts = self._people.get(user)
        if edited:
            # An edit changes the verdict where the post was; an edit of a
            # post we no longer remember changes nothing.
            for post in posts or ():
                if post.ts == ts:
                    post.verdict = verdict
            return
        if posts is None:
            posts = self._people[user] = deque(maxlen=self._posts_per_person)
        posts.append(_Post(ts, time, verdict))
        if verdict != TOO_SHORT:
            self.last_judged = (time, user, verdict == ON_TOPIC, stems)
        if verdict == ON_TOPIC:
            self.last_on_topic_time = max(self.last_on_topic_time, time)
        self._people.move_to_end(user)
        self._forget_quiet_people(time)
        if verdict == ON_TOPIC:
            self._add_recent(time, stems)

    def _forget_quiet_people(self, now: float) -> None:
        horizon = now - self.config.off_topic_run_gap_seconds
        while self._people:
            oldest_user, posts = next(iter(self._people.items()))
            if len(self._people) <= self.config.max_tracked_people_per_channel and posts[-1].time >= horizon:
                break
            del self._people[oldest_user]

    @property
    def people_tracked(self) -> int:
        return len(self._people)

    # -- saving and restoring ------------------------------------------------------

    def export(self) -> dict[str, Any]:
        return {
            "recent": [[time, sorted(stems)] for time, stems in self._recent],
            "people": {user: [[p.ts, p.time, p.verdict] for p in posts] for user, posts in self._people.items()},
            "side_run": [self.side_length, self.side_time, self.side_topic, self.side_user],
            "side_people": dict(sorted(self.side_people.items())),
            "closed_at": self.closed_at,
            "last_judged": [self.last_judged[0], self.last_judged[1], self.last_judged[2], sorted(self.last_judged[3])],
            "last_on_topic_time": self.last_on_topic_time,
            "side_topics": sorted(self.side_topics),
            "topics_of_people": {user: [time, sorted(topics)] for user, (time, topics) in self._topics_of_people.items()},
        }

    def restore(self, data: dict[str, Any]) -> None:
        self._recent.clear()
        self._recent_words.clear()
        self._people.clear()
        for time, stems in data.get("recent", []):
            self._add_recent(float(time), frozenset(str(s) for s in stems))
        for user, posts in data.get("people", {}).items():
            self._people[str(user)] = deque(
                (_Post(str(ts), float(time), _verdict(verdict)) for ts, time, verdict in posts),
                maxlen=self._posts_per_person,
            )
        length, time, topic, *user = data.get("side_run", [0, 0.0, ""])
        self.record_side_run(int(length), float(time), str(topic), str(user[0]) if user else "")
        people = data.get("side_people", user[:1])
        # A list (saved before round 24) names who posted, one message each.
        self.side_people = Counter(
            {str(person): int(count) for person, count in people.items()} if isinstance(people, dict)
            else {str(person): 1 for person in people}
        )
        self.closed_at = float(data.get("closed_at", 0.0))
        when, writer, on_topic, stems = data.get("last_judged", [0.0, "", False, []])
        self.last_judged = (float(when), str(writer), bool(on_topic), frozenset(str(s) for s in stems))
        self.last_on_topic_time = float(data.get("last_on_topic_time", 0.0))
        self.side_topics = frozenset(str(t) for t in data.get("side_topics", []))
        self._topics_of_people.clear()
        for user, (time, topics) in data.get("topics_of_people", {}).items():
            self._topics_of_people[str(user)] = (float(time), frozenset(str(t) for t in topics))


def _verdict(value: Any) -> Verdict:
    if value not in (ON_TOPIC, OFF_TOPIC, TOO_SHORT):
        raise ValueError(f"saved off-topic state has an unknown verdict {value!r}")
    return value


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light English stemmer: enough that "drummers", "drumming" and
    "drum" meet, transparent enough to reason about. Applied the same way to
    the purpose, the lexicon and posts, so its quirks cancel out."""
    word = word.removesuffix("'s").replace("'", "")
    # A suffix comes off only if three letters are left ("bring" stays).
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif len(word) > 6 and word.endswith("ings"):
        word = word[:-4]
    elif len(word) > 5 and word.endswith(("ing", "ers")):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("er", "ed")):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "drumm" -> "drum", "gigg" -> "gig"
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # "rehearse" meets "rehearsing", "tune" meets "tuning"
    return word
