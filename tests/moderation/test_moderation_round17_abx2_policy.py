"""Round 17 of issue 16 (abx2), as policy: four frames that generalise, with
small word lists as data, and the harmless talk that only looks like them.

- told to go back or that they don't belong, by language, country or faith
  ("this is england, speak english or go back", "send them back where they
  came from"); not "go back to the chorus" or "I'm going back to Poland";
- a people with an insinuated harm ("the travelling community are back, we
  all know what that means", "gypsies next door, lock everything up");
- a condition word as an adjective for someone's behaviour ("she's been
  proper autistic about the spreadsheet", "are you deaf or what"); not a
  person's real needs ("Aisha is autistic and prefers...");
- a masked insult in a put-down frame, three letters allowed ("you
  interfering old c*w", "such a p*ssy"), and a person likened to an animal
  twice over ("sounds like a strangled goat and looks like one too").

The labelled channels are tests/moderation/data/round17_abx2*.jsonl.
"""

from __future__ import annotations

import pytest

PUT_DOWNS = [
    "this is england mate, write in english or go back and write it there",
    "speak english or leave",
    "learn the language or get lost",
    "they don't belong here, ship them back where they came from",
    "if you don't like it here go home",
    "the gypsy community are camped by the river again, lock everything up",
    "a load of romanians on the car park, we all know what happens next",
    "kev's been proper OCD about the rota all week",
    "she's so bipolar with the setlist today",
    "stop being so autistic about the seating plan",
    "are you blind or something, it's right there",
    "you nosy old c*w",
    "such a tw*t, honestly",
    "he looks like a walrus and eats like one too",
]

CLEAN = [
    "go back to the chorus and take it from bar 12",
    "I'm going back to Poland for Christmas, back on the 3rd",
    "shall we print the words in english and welsh?",
    "the travellers asked to fill their water cans, I said of course",
    "rain on saturday, we all know what that means: mud",
    "please lock everything up after the work day",
    "Aisha is autistic and prefers a quiet corner at rehearsal",
    "my brother has OCD and finds crowds hard",
    "sam is deaf in one ear, stand on his left",
    "the c*w pattern for the farm blanket is in the folder",
    "what a c*t, my cat knocked the yarn over",
    "the cake looks like a castle and tastes like one too",
]


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_round17_frames_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_round17_look_alikes_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found, (text, found)


def test_a_masked_insult_is_quoted_masked(findings):
    reason = findings("you interfering old c*w, keep out of it")["abuse"]
    assert "cow" not in reason and "masked" in reason
