"""Benchmark the moderation rules on a realistic channel history.

    .venv/bin/python benchmarks/bench_moderation.py [--messages N] [--memory-messages N]

Prints, on one core:

1. messages per second of CPU time (so other work on the machine doesn't
   skew it) through the full rule set (all six rules, one channel with a
   purpose), beside two baselines measured in the same run on
   the same messages: a bare normalise-and-tokenise pass, and a naive scan
   with one regex of the swear-word and slur lists (what a simple filter
   would do, with none of its disguise handling or context);
2. memory at checkpoints over 1,000,000 messages, through the rules that
   remember (repetition and off-topic: everything else is stateless), with
   the process's resident memory, the number of live Python objects and the
   size of the rules' memory, and whether it stayed flat.

Targets (issue 8): at least 2,000 messages a second; flat memory.
The history is generated: a dozen young musicians chatting about rehearsals,
gigs and tracks, with short replies, mentions, links and emoji, and a
sprinkling (about 4%) of swearing, insults, spam, adverts and off-topic runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.moderation import RULE_NAMES, ChannelModerator, ModerationConfig, RuleBook  # noqa: E402
from bot.moderation.text import PreparedMessage  # noqa: E402

PURPOSE = "#band-practice — rehearsal times, setlists, gear and gigs for the Friday band"
START = 1_700_000_000.0
TARGET_RATE = 2_000

PEOPLE = [f"U{n:02d}" for n in range(1, 13)]
SONGS = ["Dreams", "Superstition", "Valerie", "Seven Nation Army", "Back to Black", "Creep", "Mr Brightside", "Shut Up and Dance", "Feeling Good", "Redbone"]
PARTS = ["intro", "verse", "chorus", "bridge", "outro", "middle eight", "solo", "drop", "breakdown", "harmonies"]
GEAR = ["capo", "snare stand", "DI box", "guitar lead", "set of strings", "mic stand", "drum stool", "tuner", "power strip", "pair of sticks"]
INSTRUMENTS = ["guitar", "bass", "drums", "keys", "sax", "violin", "vocals", "trumpet"]
VENUES = ["the Fleece", "the Guildhall", "the youth centre", "the community hall", "the Exchange", "the studio"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "tomorrow", "tonight", "next week"]
TIMES = ["5", "6", "6:30", "7", "half 7", "8"]
ADJECTIVES = ["sick", "mad", "unreal", "insane", "so good", "class", "lush", "banging", "tight", "smooth"]
GENRES = ["lo-fi", "grime", "drill", "jazz", "funk", "indie", "garage", "neo-soul", "drum and bass", "afrobeats"]
EMOJI = [":fire:", ":joy:", ":raised_hands:", ":guitar:", ":notes:", ":100:", "😂", "🔥", ""]

ON_TOPIC = [
    "are we still on for rehearsal at {time} on {day}?",
    "can someone bring a spare {gear} on {day} {emoji}",
    "<@{person}> did you learn the {part} of {song} yet?",
    "the {part} of {song} is so hard on {instrument} lol",
    "who's coming to the open mic at {venue} {day}?",
    "<https://soundcloud.com/tmw-band/{slug}|{song} demo> let me know what you think",
    "that {part} was {adjective}!! {emoji}",
    "I reckon we add {song} to the setlist, the {part} would work on {instrument}",
    "just finished a new beat, {adjective} {genre} vibes {emoji}",
    "can we run the {part} twice before we do {song} on {day}",
    "my {instrument} teacher says I need to practise scales more {emoji}",
    "we should record the {part} of {song} properly at {venue}",
    "I'll bring my {instrument} and the {gear}",
    "{song} in a different key might suit the vocals better",
    "does anyone know the chords for the {part} of {song}?",
    "you killed that {part} last week, honestly {adjective}",
    "soundcheck is at {time} at {venue}, don't be late!",
    "<@{person}> can you send the setlist for {day}",
    "loving the {genre} remix of {song} {emoji}",
    "who's got the tabs for {song}?",
    "{person} reckons the {part} needs more {instrument}, thoughts?",
    "just listened back to {day}'s recording, the {part} of {song} is {adjective}",
    "can we try {song} a bit slower, maybe 90 bpm",
    "I'm stuck on the {part}, the timing on {instrument} keeps going off",
    "who's free to record {instrument} at {venue} on {day} around {time}",
    "my {gear} broke again, can I borrow one on {day}?",
    "new {genre} idea: start with just {instrument}, bring the band in at the {part}",
    "are we doing {song} or {other_song} as the opener?",
    "the {venue} gig is confirmed for {day}, {time} start",
    "that {genre} track you sent is {adjective}, send me the stems",
    "lyrics for the {part} are done, will share before {day}",
    "we need a {instrument} player for {day}, anyone know someone?",
    "thinking of swapping the {part} and the {other_part} in {song}",
    "listening to {song} on repeat, the {instrument} tone is {adjective}",
    "reminder: bring your own {gear} on {day} please",
]
# Words people tack on, so that, as in real chat, no two long messages are
# quite alike.
CHATTER = (
    "honestly like tbh literally deffo mate bro guys ngl lowkey highkey fr properly proper so really well "
    "though anyway also maybe probably actually basically kinda yeah yep nah okay alright right innit "
    "Sam Jordan Priya Leo Aisha Kai Ellie Tom Maya Josh Zara Finn after before earlier later again "
    "cheers nice wicked buzzing gutted chuffed knackered starving lush peak bare calm jokes long shame "
    "mint grand cracking brill wild weird random mental massive tiny huge daft cheeky classic iconic"
).split()
MUSIC_CHATTER = CHATTER + (
    "tune banger bop groove pocket swing feel tone mix levels reverb delay chorus verse hook riff lick "
    "fill tempo click count-in cue ending fade key change modulation loud quiet tight loose warm"
).split()

REPLIES = [
    "lol", "same", "yes!", "+1", "thanks!", "see you there", ":fire:", "haha yes", "omg", "nice one", "defo",
    "I'm in", "ok cool", "wait what", "sounds good to me",
]
TEAMS = ["arsenal", "city", "villa", "spurs", "chelsea", "forest", "united", "rovers"]
SUBJECTS = ["maths", "chemistry", "history", "french", "biology", "geography", "english"]
FOODS = ["pizza", "pasta", "a kebab", "chips", "noodles", "curry", "tacos"]
GAMES = ["fifa", "fortnite", "minecraft", "rocket league", "mario kart"]
OFF_TOPIC = [
    "did anyone watch the football last night? {team} were {adjective}",
    "my {subject} homework is taking forever, {other_subject} on {day} too",
    "anyone else's phone battery dying constantly since the update",
    "what's everyone having for tea, I'm thinking {food}",
    "new {game} update is out, the {game_mode} is broken",
    "{team} against {other_team} on {day}, who's watching",
    "{subject} teacher gave us a test on {day} out of nowhere",
]
BREACHES = [
    "what the f u c k was that key change",
    "that was fucking {adjective}",
    "you're so pathetic, you can't even tune your {instrument}",
    "DM me to buy cheap hoodies, £15 each",
    "use my code BEATS20 for 20% off plugins",
    "anyone got weed for after rehearsal",
    "get the cracked version of fl studio off the pirate bay",
    "I'll find where you live",
    "shut up you loser",
    "stfu <@{person}>",
]
SPAM = "Check out my new mixtape on Soundcloud, link in bio, please share it with everyone!"


SLOTS = {
    "person": PEOPLE, "song": SONGS, "other_song": SONGS, "part": PARTS, "other_part": PARTS, "gear": GEAR,
    "instrument": INSTRUMENTS, "venue": VENUES, "day": DAYS, "time": TIMES, "adjective": ADJECTIVES,
    "genre": GENRES, "emoji": EMOJI, "team": TEAMS, "other_team": TEAMS, "subject": SUBJECTS,
    "other_subject": SUBJECTS, "food": FOODS, "game": GAMES, "game_mode": ["career mode", "online", "ranked", "story mode"],
}


class _Slots(dict):
    """Template slots, each drawn only when a template uses it."""

    def __init__(self, random_: random.Random, count: int) -> None:
        super().__init__(slug=f"take-{count}")
        self.random = random_

    def __missing__(self, name: str) -> str:
        return self.random.choice(SLOTS[name])


class History:
    """An endless, reproducible channel history."""

    def __init__(self, seed: int = 8) -> None:
        self.random = random.Random(seed)
        self.now = START
        self.count = 0
        self.off_topic_runner: str | None = None
        self.off_topic_left = 0

    def _fill(self, template: str) -> str:
        return template.format_map(_Slots(self.random, self.count))

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        return self

    def __next__(self) -> tuple[str, str, str]:
        r = self.random
        self.count += 1
        self.now += r.expovariate(1 / 30)  # a busy channel: a message every 30 s on average
        ts = f"{self.now:.6f}"
        if self.off_topic_left:  # someone in the middle of an off-topic run
            self.off_topic_left -= 1
            return self.off_topic_runner, self._chat(OFF_TOPIC), ts
        roll = r.random()
        user = r.choice(PEOPLE)
        if roll < 0.02:
            return user, f"{self._fill(r.choice(BREACHES))} {r.choice(CHATTER)}", ts
        if roll < 0.03:
            return user, SPAM, ts
        if roll < 0.035:
            self.off_topic_runner, self.off_topic_left = user, r.randint(1, 3)
            return user, self._chat(OFF_TOPIC), ts
        if roll < 0.40:
            return user, r.choice(REPLIES), ts
        return user, self._chat(ON_TOPIC), ts

    def _chat(self, templates: list[str]) -> str:
        """A template filled in, with a few words of chatter around it."""
        r = self.random
        words = MUSIC_CHATTER if templates is ON_TOPIC else CHATTER
        before = " ".join(r.choices(words, k=r.randint(0, 3)))
        after = " ".join(r.choices(words, k=r.randint(2, 6)))
        return f"{before} {self._fill(r.choice(templates))} {after}".strip()


def take(history: History, n: int) -> list[tuple[str, str, str]]:
    return [next(history) for _ in range(n)]


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:>10,.0f} msg/s"


def rss_mib() -> float:
    """Resident memory of this process now (not the peak)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: fall back to the peak, which can only grow
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(messages: list[tuple[str, str, str]]) -> None:
    n = len(messages)
    rulebook = RuleBook()

    # Warm up caches and the interpreter on other messages of the same kind.
    warm = ChannelModerator(PURPOSE, rulebook=rulebook)
    for user, text, ts in take(History(seed=99), 2_000):
        warm.assess(user, text, ts)

    moderator = ChannelModerator(PURPOSE, rulebook=rulebook)
    counts: Counter[str] = Counter()
    started, wall_started = time.process_time(), time.perf_counter()
    for user, text, ts in messages:
        for finding in moderator.assess(user, text, ts):
            counts[finding.rule] += 1
    full, full_wall = time.process_time() - started, time.perf_counter() - wall_started

    # The same rules without reading each message's meaning (meaning.py), to show what that reading costs.
    without_meaning = ChannelModerator(PURPOSE, rulebook=RuleBook(ModerationConfig(read_meaning=False)))
    started = time.process_time()
    for user, text, ts in messages:
        without_meaning.assess(user, text, ts)
    rules_only = time.process_time() - started

    started = time.process_time()
    for _, text, _ in messages:
        prepared = PreparedMessage(text)
        prepared.tokens
        prepared.phrase_text
    tokenise = time.process_time() - started

    words = [w for name in ("profanity", "slurs") for w in rulebook.word_lists.entries(name)]
    naive = re.compile(
        "|".join(
            ("" if w.startswith("*") else r"\b") + re.escape(w.strip("*")) + ("" if w.endswith("*") else r"\b")
            for w in words
        ),
        re.IGNORECASE,
    )
    started = time.process_time()
    naive_hits = sum(1 for _, text, _ in messages if naive.search(text))
    scan = time.process_time() - started

    verdict = "met" if n / full >= TARGET_RATE else "MISSED"
    people = len({user for user, _, _ in messages})
    print(f"Throughput on {n:,} messages ({people} people, one channel with a purpose), per second of CPU time:")
    print(f"  full rule set (6 rules)             {rate(n, full)}   target >= {TARGET_RATE:,}: {verdict}")
    print(f"    (by the wall clock: {n / full_wall:,.0f} msg/s, which other work on the machine slows)")
    print(f"  the rules without reading meaning   {rate(n, rules_only)}   (reading meaning costs {full / rules_only:.2f}x)")
    print(f"  baseline: normalise + tokenise      {rate(n, tokenise)}   (the full rules cost {full / tokenise:.1f}x this)")
    print(f"  baseline: naive word-list regex     {rate(n, scan)}   ({naive_hits} hits; no disguises, no context)")
    print("  findings: " + ", ".join(f"{rule} {counts[rule]}" for rule in RULE_NAMES))
    print(
        f"  ({sum(counts.values())} findings in {n:,} messages; about 4% of the history is planted breaches,"
        " and repetition also counts spam and breaches posted again)"
    )


def memory(total: int, checkpoints: int = 10) -> None:
    # Only repetition and off-topic keep anything between messages; the
    # other rules are pure functions of one message, so they are left out
    # here to keep a million messages inside the time budget.
    config = ModerationConfig(enabled_rules=frozenset({"repetition", "off_topic"}))
    rulebook = RuleBook(config)
    moderator = ChannelModerator(PURPOSE, rulebook=rulebook)
    repetition = next(r for r in rulebook.rules if r.name == "repetition")
    off_topic = next(r for r in rulebook.rules if r.name == "off_topic")
    # A pool of generated messages, replayed with ever-later timestamps, so
    # generating text doesn't eat the time budget. The pool is longer than
    # the window, so the replay adds no repeats the history didn't have.
    pool = [(user, text) for user, text, _ in take(History(seed=1), min(total, 50_000))]
    gaps = random.Random(2)
    now = START
    step = total // checkpoints
    window_hours = config.repetition_window_seconds / 3600
    print(f"\nMemory over {total:,} messages (rules that remember: repetition + off-topic; {window_hours:.0f} h window):")
    print(f"  {'messages':>10}  {'RSS MiB':>8}  {'objects':>9}  {'remembered':>10}  {'buckets':>8}  {'people':>6}  {'msg/s':>7}")
    print("  (objects: live Python objects; remembered: messages in the repetition index; msg/s: per CPU second)")
    readings = []
    started = time.perf_counter()
    last_checkpoint = time.process_time()
    for done in range(1, total + 1):
        user, text = pool[done % len(pool)]
        now += gaps.expovariate(1 / 30)
        ts = f"{now:.6f}"
        moderator.assess(user, text, ts)
        if done % step == 0:
            gc.collect()
            clock = time.process_time()
            index = repetition.index(moderator.context)
            people = off_topic.memory(moderator.context).people_tracked
            reading = (done, rss_mib(), len(gc.get_objects()), len(index), index.bucket_count, people)
            readings.append(reading)
            print(
                f"  {done:>10,}  {reading[1]:>8.1f}  {reading[2]:>9,}  {reading[3]:>10,}  {reading[4]:>8,}"
                f"  {people:>6}  {step / (clock - last_checkpoint):>7,.0f}"
            )
            last_checkpoint = clock
    hours = (now - START) / 3600
    # The window holds about a day of messages; after it has filled (the
    # second checkpoint on), memory should not grow.
    settled = readings[1:]
    growth_mib = settled[-1][1] - settled[0][1]
    object_growth = settled[-1][2] / settled[0][2] - 1
    flat = growth_mib < 8 and object_growth < 0.02
    print(f"  {hours / 24:.0f} days of channel time in {time.perf_counter() - started:.0f} s.")
    print(
        f"  after the window filled: RSS {growth_mib:+.1f} MiB, live objects {object_growth:+.1%} -> "
        f"memory {'stays flat' if flat else 'GREW'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=20_000, help="messages for the throughput run")
    parser.add_argument("--memory-messages", type=int, default=1_000_000, help="messages for the memory run")
    args = parser.parse_args()
    print(f"Moderation benchmark — Python {platform.python_version()} on {platform.machine()}, single-threaded (one core)\n")
    throughput(take(History(seed=8), args.messages))
    memory(args.memory_messages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
