"""Round 10 of issue 16 (abth10), as policy: abuse and threats without swear
words or violent words, and the talk that only looks like them.

Each kind is a class of sentence: a stereotype aimed at a person in a snide
question or a hint, a disability or a special school as a put-down, a body
mocked by insinuation, a threat left half said. The look-alikes are people
talking about discrimination, describing their own body or disability, friends
teasing, genuine warnings and animals. The labelled channels are
tests/moderation/data/round10_abth10*.jsonl.
"""

from __future__ import annotations

import pytest

# A people's stereotype aimed at one person, as a snide question or a hint.
STEREOTYPES = [
    "is that how they do everything back home in Romania, nick first and ask later",
    "guess that's how it's done where you're from",
    "the new girl's off the site, we all know what that means for our phones",
    "them lot at the back are Polish, you know what they're like",
]

# Disability words and places used to put a person down.
DISABILITY_PUT_DOWNS = [
    "honestly mason should be in a special unit, he can't count to four",
    "stop making your monkey noises every time she talks",
]

# A body mocked without an insult word.
BODY_SHAMING = [
    "amazed he even squeezes into the drum stool these days",
    "she's practising eating again lol",
    "nat's on a second plate of chips already 🐷",
    "he'll need two chairs at the concert",
]

# Threats with no violent word.
VEILED_THREATS = [
    "don't make me come round there and sort this myself",
    "grass on me to the coach and you'll find out",
    "final warning, tell anyone what you saw and that's it",
    "I know which locker is yours and who has the spare key. think on",
]

# Look-alikes that must stay clean.
NOT_ABUSE = [
    "kids in my class keep saying Roma people are all thieves and it's not true",
    "the workshop covers why words like 'retard' are ableist",
    "my mum's from Poland and she makes the best pierogi, I'll bring some",
    "I'm autistic and loud rooms are hard, can I sit by the door?",
    "my daughter loves her special school, the music teacher there is amazing",
    "I've been comfort eating all week and my jeans are tight, oh well",
    "our micro pig got out of the garden again 🐷",
    "you're always late 😂 and your taste in music is tragic 😂",
    "the little ones loved making the animal noises for Old MacDonald",
    "don't call her that, it's not funny",
]

NOT_THREATS = [
    "you've been warned, the roads out of town are icy tonight",
    "have a think about that and let me know by Friday",
    "I know where the spare leads are kept, ask me if you need one",
    "keep practising the scales and you'll see the difference",
    "don't make me laugh, that chorus is too good",
    "last warning for the permission slips, they're due tomorrow",
]


@pytest.mark.parametrize("text", STEREOTYPES + DISABILITY_PUT_DOWNS + BODY_SHAMING)
def test_abuse_without_swear_words_counts(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", VEILED_THREATS)
def test_threats_without_violent_words_count(findings, text):
    assert "threat" in findings(text), text


@pytest.mark.parametrize("text", NOT_ABUSE + NOT_THREATS)
def test_look_alikes_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found and "threat" not in found, (text, found)


def test_a_prejudice_reported_is_not_an_accusation(findings):
    found = findings("people at school say gypsies are all criminals and it's so unfair")
    assert found == {}, found


def test_the_reason_says_which_words(findings):
    reason = findings("the new girl's off the site, we all know what that means for our phones")["abuse"]
    assert '"off the site"' in reason and '"we all know what that means"' in reason
