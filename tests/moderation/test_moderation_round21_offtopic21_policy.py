"""Round 21 policy for off-topic runs (issue 16, policy 5.7).

- A polite redirect closes a side conversation and is never itself off topic:
  someone sends the chat somewhere else or puts it off ("save the snooker for
  the canteen", "gaming talk over to your DMs", "let's shelve the wedding
  chat", "eyes front"). The replies accepting it are clean, and the work after
  it is on topic again.
- One person's follow-ups in a side topic's own words (sport, TV, a garden, a
  pet, food, a holiday: ``side_topics.txt``) carry their side topic on, even
  between other people's work messages and with a word of the work in passing.
- Look-alikes stay clean: a single aside; the work told with a hobby's word
  ("the ref mic", "a season of workshops"); a channel whose purpose is the topic.
"""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

BAND = "#wind-band — youth wind band: parts, rehearsals and the county festival"
CREW = "#tech-crew — youth tech crew: lighting, sound desk and the show rota"
RUGBY_BAND = "#terrace-drums — youth drum corps at Gloucester Rugby home games: kick-off times and rugby chants"


def flags(channel, purpose, messages) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


@pytest.mark.parametrize(
    "redirect",
    [
        "Kim, Jo - save the snooker for the canteen 😄",
        "snooker talk over to your DMs please",
        "can you two take the snooker stuff to the group chat",
        "let's shelve the snooker chat for now",
        "snooker chat after rehearsal please folks",
        "ok eyes front everyone",
    ],
)
def test_a_polite_redirect_closes_the_side_conversation_and_the_replies_stay_clean(channel, redirect):
    messages = [
        ("ann", "Clarinets, please bring reeds on Thursday"),
        ("kim", "anyone watching the snooker final tonight"),
        ("jo", "yes, the second frame was tense"),
        ("kim", "that long pot on the black was unbelievable"),
        ("jo", "commentators were losing it"),
        ("ann", redirect),
        ("kim", "sorry all 🙈"),
        ("jo", "ha fair enough"),
        ("ann", "Who can help carry the timpani on Thursday?"),
    ]
    assert flags(channel, BAND, messages) == [False, False, False, True, True, False, False, False, False]


@pytest.mark.parametrize(
    "follow_ups",
    [
        ["the linesman was asleep all match", "clearly offside and nobody flagged it"],
        ["their new signing looks useless", "manager should be sacked by christmas"],
        ["the villa arguments were unreal", "that bombshell has no chance"],
        ["my sweet peas have finally flowered", "the greenfly will have them by Friday"],
        ["the puppy chewed my headphones", "crate training starts tonight"],
        ["best sausage rolls in town are from the market", "their pasties are massive too"],
        ["the hotel has a rooftop pool", "only packed my suitcase once so far"],
    ],
)
def test_one_persons_follow_ups_in_a_side_topics_words_make_a_run(channel, follow_ups):
    openers = {"the linesman": "what a match at the weekend", "their new": "did anyone watch the football last night",
               "the villa": "who's watching love island", "my sweet": "spent all morning digging my allotment",
               "the puppy": "we got a new puppy", "best sausage": "I could murder a takeaway right now",
               "the hotel": "booked our holiday to Menorca"}
    opener = next(v for k, v in openers.items() if follow_ups[0].startswith(k))
    messages = [
        ("sam", opener),
        ("ann", "Clarinets, please bring reeds on Thursday"),
        ("sam", follow_ups[0]),
        ("bea", "Is Thursday in the main hall?"),
        ("sam", follow_ups[1]),
    ]
    assert flags(channel, BAND, messages)[-1] is True


@pytest.mark.parametrize(
    "work",
    [
        "the ref mic needs fresh batteries before the show",
        "Ola is mic keeper for the Q&A on Saturday",
        "we've got a whole season of workshops booked for spring",
        "the last episode of our podcast is up, have a listen",
        "try the fade again from cue 12",
    ],
)
def test_the_work_told_with_a_hobbys_word_stays_clean(channel, work):
    messages = [
        ("pat", "Rig call 5pm Friday, bring gloves"),
        ("lou", work),
        ("pat", "Sound desk needs two people on Saturday"),
        ("lou", "the finale cue list is in the drive"),
        ("pat", "thanks, printing it now"),
    ]
    assert not any(flags(channel, CREW, messages))


def test_a_single_aside_stays_clean(channel):
    messages = [
        ("ann", "Flutes, parts are in the blue folder"),
        ("kim", "that referee last night was shocking lol"),
        ("ann", "Rehearsal 6:30 Tuesday"),
        ("kim", "Will we do the march first?"),
    ]
    assert not any(flags(channel, BAND, messages))


def test_a_channel_whose_purpose_is_the_topic_talks_it_freely(channel):
    messages = [
        ("web", "Kick-off 3pm, meet at the gate at 1:30"),
        ("xav", "that try just before half time was unreal"),
        ("xav", "the ref was awful in the second half"),
        ("xav", "we need a louder chant for the lineout"),
        ("xav", "scrum half deserves his own drum roll"),
    ]
    assert not any(flags(channel, RUGBY_BAND, messages))


@pytest.mark.parametrize(
    "work",
    [
        "what if the cast did a quiz night on the show theme? could go to the lighting fund",
    ],
)
def test_the_work_after_a_side_chat_is_not_more_of_it(channel, work):
    messages = [
        ("pat", "Rig call 5pm Friday, bring gloves"),
        ("sam", "anyone staying up for the boxing tonight"),
        ("lou", "yes, main event is about 1am"),
        ("sam", "the challenger has a massive reach on him"),
        ("pat", work),
    ]
    assert flags(channel, CREW, messages)[-1] is False


def test_boxing_named_as_written_opens_a_side_topic(channel):
    messages = [
        ("pat", "Rig call 5pm Friday, bring gloves"),
        ("sam", "who else is watching the boxing on Saturday"),
        ("lou", "me, should be a good one"),
        ("sam", "knockout inside four rounds, easy"),
        ("lou", "nah it goes to points"),
    ]
    assert flags(channel, CREW, messages)[-2:] == [True, True]
