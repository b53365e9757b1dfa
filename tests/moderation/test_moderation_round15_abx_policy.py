"""Round 15 of issue 16 (abx), as policy: four frames that generalise, with
small word lists as data, and the harmless talk that only looks like them.

- a stereotype pinned on a person by their people, or on a people ("typical
  <people>", "what do you expect from a <people>", "it's the <people> in
  him", "<people> always ...") with an accusation or a put-down; theft
  blamed on who is about ("no wonder stuff goes missing with the gypsy lad
  about");
- a person or their work placed in the settings and services of disabled
  people ("someone off the special bus", "belongs in the special school",
  "did your carer write that for you");
- a size remark with an animal emoji aimed at someone;
- an insult spelt out a letter at a time and aimed ("you sanctimonious c o w").

The labelled channels are tests/moderation/data/round15_abx*.jsonl.
"""

from __future__ import annotations

import pytest

PUT_DOWNS = [
    "typical romanian, my secateurs walked off the minute she arrived",
    "what do you expect from a gypsy, they're light fingered",
    "it's the scouser in her, won't chip in for the minibus",
    "albanians always undercut the proper tradesmen",
    "no wonder the raffle money went missing with them travellers about",
    "your painting looks like it was done by someone off the short bus",
    "that speech belongs in the special olympics",
    "did ur carer write that essay for you",
    "big dave would fill the whole lift 🐘",
    "she's had too many burgers this year 🐷",
    "you sanctimonious c o w",
    "shut it you s.l.a.g",
    "he's an absolute t r a m p",
]

CLEAN = [
    "it's the polish in me, I can't waste a jar",
    "typical british weather, rained all day",
    "people say travellers always nick things and it's a myth",
    "the special school bus runs at 8:15 in term time",
    "my mum's carer has to hold the cup for her since the stroke",
    "I need to lose weight for my knees, doctor says",
    "the kit bag is heavy, two people to lift it 🐘",
    "spelling words this week: c o w, h e n, p i g",
    "the tuba? bring the fat one",
    "the cow on the farm song is the kids' favourite 🐄",
    "what a m u g of cocoa lol",
]


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_round15_frames_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_round15_look_alikes_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found, (text, found)


def test_the_reason_names_the_spelt_out_insult_once(findings):
    reason = findings("oh do one Grace, you sanctimonious c o w")["abuse"]
    assert reason.count("cow") == 1 and "spelt out" in reason


def test_a_spelt_out_swear_word_is_quoted_masked(findings):
    reason = findings("what a s l a g honestly")["abuse"]
    assert "slag" not in reason and "sl*g" in reason
