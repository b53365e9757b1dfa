"""Round 19 of issue 16 (masked), as policy: swearing and put-downs that
slip past the word lists in disguise or in soft words.

- masked swearing as a class: a pound sign or caret standing for a letter
  ("f£cking"), masked plurals of insults after a frame ("a bunch of
  p*ssies"), letters spaced out in pairs ("sh i t e") when they join into
  exactly a listed word;
- disability as a put-down in soft words, said of a person: "a bit special
  or what", "not all there", "a bit slow upstairs", "needs a helmet lol",
  "rode the short bus";
- migrants put down by how they came or speak: "came over on a lorry",
  "fresh off the boat", "he should learn English first", an accent likened
  to an animal;
- a filler adverb between a pattern's words ("don't really respect", "is
  honestly so"): the rule reads the message again without the words of
  filler_adverbs.txt, so no pattern has to list them.

Harmless look-alikes stay clean: SEND support, a special offer, slowing the
tempo, a cycling helmet, grandparents who came over by boat, learning a
language, a song title, a moderator saying what was removed.

The labelled channels are tests/moderation/data/round19_masked*.jsonl.
"""

from __future__ import annotations

import pytest

from bot.moderation.disguise import DisguisedWordFinder
from bot.moderation.text import fold

PUT_DOWNS = [
    "the f£cking bus was late again",
    "you lot are a load of tw*ts",
    "what a sh^t pass",
    "fu c k i ng hell ref",
    "is she a bit special or what, she's lost her keys again",
    "don't give sam the float, he's not all there",
    "the new lad's a bit slow upstairs",
    "that drummer needs a helmet lol",
    "she must have come in on the short bus",
    "bet he came over in the back of a lorry",
    "she sounds fresh off the boat",
    "he should learn english first mate",
    "her accent sounds like a strangled cat",
    "them families don't honestly respect our rules",
]

CLEAN = [
    "who do I ask about SEND support for year 5?",
    "special offer on tickets this week, two for one",
    "slow the tempo down for the last verse",
    "she needs a helmet for the bike ride on saturday",
    "my grandparents came over on a boat from Jamaica in 1956",
    "I'm learning English first, then I'll try Welsh",
    "love her accent, she's from Cork",
    "set list: Slow Hands, then Special by Garbage",
    "he's a bit slow to warm up, bring him on at half time",
    "I removed a message that called someone a 'tw*t', keep it kind please",
    "the a b c of first aid is on the wall",
]


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_round19_masked_and_soft_put_downs_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_round19_look_alikes_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found, (text, found)


def test_pound_sign_and_paired_spacing_read_as_the_listed_word():
    finder = DisguisedWordFinder({"profanity": ("fuck*", "shite")}, allowed=())
    assert [h.entry for h in finder.find(fold("f£cking"))] == ["fuck"]
    assert [h.entry for h in finder.find(fold("sh i t e"))] == ["shite"]
    # Pairs only count as a whole listed word, never as a word inside the run.
    assert finder.find(fold("so i t is")) == []


def test_a_filler_adverb_does_not_hide_a_pattern(findings):
    reason = findings("them families don't really respect our rules do they")["abuse"]
    assert "them families" in reason


@pytest.mark.parametrize("text", [
    "alright Dan, no need to be such a massive bender about it",  # the slur said of a person
    "its mid ngl but what do u expect, girls cant produce",  # a whole sex said to be unable to do the work
])
def test_round20_put_downs_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", [
    "she went on a massive bender last weekend",  # a binge
    "girls can't come on the residential without a female leader, so Grace is coming",
])
def test_round20_look_alikes_stay_clean(findings, text):
    assert "abuse" not in findings(text), text
