"""Round 24 of issue 16 (offtopic24), as policy 5.7: "We will delete ... multiple successive
off-topic posts by a single user".

- Two is "multiple": one person's second successive off-topic post is the breach, told in
  everyday words no list names (a pet, a family wedding, a holiday, a planning row, a game),
  with other people's messages between them or not.
- A side chat of one message each from several people is friendly chat, not one user's run:
  with ``off_topic_side_chat_length: 0`` it is flagged only where one person posts in it
  twice (the default still flags a side chat as a whole from its third message).
- A run ends when the conversation comes back: the work after it, short replies in the
  work's thread and a leader's nudge stay clean; so does the same person's question about
  the work ("Can I bring ...?") and a reply that picks up the work just said.
Labelled channels: tests/moderation/data/round24_offtopic24.jsonl.
"""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic
from off_topic_support import flags as flags_in

from bot.moderation import ChannelModerator, ModerationConfig, RuleBook

VOLUNTEERS = "#volunteers — TMW volunteer team: session cover, DBS checks and the summer fete rota"
ORCHESTRA = "#youth-strings — youth string orchestra: rehearsals, parts and the autumn concert"


def flags(channel, purpose, messages) -> list[bool]:
    return flags_in(channel(purpose), messages)


@pytest.mark.parametrize(
    "first,second",
    [
        ("our tortoise has decided to hibernate in the shed", "had to dig him out from behind the lawnmower"),
        ("my cousin is getting married in a castle next month", "she wants everyone in pastel colours, nightmare"),
        ("back from a week camping in the Lakes", "rained every single day apart from the drive home"),
        ("there is a massive row on our road about the new cycle lane", "half the street have written to the council"),
        ("the new patch nerfed my favourite character", "my little brother keeps beating me now"),
    ],
)
def test_one_persons_second_successive_off_topic_post_is_flagged(channel, first, second):
    messages = [
        ("ann", "Fete rota is pinned, please swap slots by Wednesday"),
        ("ben", first),
        ("ben", second),
    ]
    assert flags(channel, VOLUNTEERS, messages) == [False, False, True]


def test_the_second_posts_reason_says_whose_run_it_is(channel):
    moderator, clock = channel(VOLUNTEERS), Clock()
    moderator.assess("ann", "Fete rota is pinned, please swap slots by Wednesday", clock())
    moderator.assess("ben", "our tortoise has decided to hibernate in the shed", clock())
    found = off_topic(moderator.assess("ben", "had to dig him out from behind the lawnmower", clock()))
    assert [f.evidence["run"] for f in found] == ["2"]
    assert found[0].reason.startswith("2nd post") and "by this person" in found[0].reason


@pytest.fixture(scope="module")
def persons_runs_only() -> RuleBook:
    """Rules that leave a side chat among several people to each person's own runs."""
    return RuleBook(ModerationConfig(off_topic_side_chat_length=0))


def side_chat_flags(rulebook, messages) -> list[bool]:
    return flags_in(ChannelModerator(VOLUNTEERS, rulebook=rulebook), messages)


def test_a_side_chat_of_one_message_each_is_not_a_breach(persons_runs_only):
    messages = [
        ("ann", "Fete rota is pinned, please swap slots by Wednesday"),
        ("ben", "anyone watching the darts tonight"),
        ("cat", "wouldn't miss it, the final is at nine"),
        ("dan", "my grandad still has his own board in the garage"),
        ("eve", "the crowd in fancy dress is half the fun"),
    ]
    assert side_chat_flags(persons_runs_only, messages) == [False] * 5


def test_in_a_side_chat_only_the_persons_own_second_post_is_flagged(persons_runs_only):
    messages = [
        ("ann", "Fete rota is pinned, please swap slots by Wednesday"),
        ("ben", "anyone watching the darts tonight"),
        ("cat", "wouldn't miss it, the final is at nine"),
        ("ben", "that nine darter last year was unreal"),
        ("dan", "my grandad still has his own board in the garage"),
    ]
    assert side_chat_flags(persons_runs_only, messages) == [False, False, False, True, False]


@pytest.mark.parametrize(
    "back",
    [
        [("ann", "Bowing marks for the Elgar are on the shared drive, shout if anything is unclear"),
         ("cat", "the upbow at bar 30 looks odd"), ("ben", "ok I'll pencil them in tonight")],
        [("ann", "ben, cello parts please 😅"), ("ben", "sorry sorry, practising the Elgar now")],
    ],
)
def test_a_run_ends_when_the_conversation_comes_back(channel, back):
    messages = [
        ("ann", "Autumn concert parts are in the folders"),
        ("ben", "my nan's moving into a bungalow at the weekend"),
        ("ben", "she's got fifty years of stuff in that loft"),
        *back,
    ]
    assert flags(channel, ORCHESTRA, messages) == [False, False, True] + [False] * len(back)


def test_the_same_persons_question_about_the_work_ends_their_run(channel):
    messages = [
        ("ann", "Fete rota is pinned, please swap slots by Wednesday"),
        ("ben", "my nan's moving into a bungalow at the weekend"),
        ("ben", "she's got fifty years of stuff in that loft"),
        ("ben", "Could my mate cover my fete slot? She's had her DBS done already"),
        ("ben", "the removal van is booked for seven in the morning"),
    ]
    assert flags(channel, VOLUNTEERS, messages) == [False, False, True, False, False]


def test_a_reply_picking_up_the_work_just_said_ends_the_run(channel):
    messages = [
        ("ann", "Autumn concert dress code: black top and black trousers"),
        ("ben", "anyone else's kid got nits again"),
        ("ann", "Concert is at St Mary's, black trousers and white shirts please"),
        ("ben", "my eldest needs new trousers, his are halfway up his shins"),
        ("ben", "the nit comb is in the bathroom if anyone wants to borrow it lol"),
    ]
    assert flags(channel, ORCHESTRA, messages) == [False, False, False, False, False]


def test_the_organisation_file_chooses_how_side_chats_are_read():
    """An organisation that reads policy 5.7's "a single user" strictly sets off_topic_side_chat_length: 0
    in its organisation file, and the rules the bot builds follow it."""
    from pathlib import Path

    from bot.moderation_queue.settings import moderation_config
    from bot.org import parse_org_text

    example = (Path(__file__).resolve().parents[2] / "examples" / "org.yml").read_text(encoding="utf-8")
    assert moderation_config(parse_org_text(example)).off_topic_side_chat_length == 3
    strict = parse_org_text(example + "\nsettings:\n  moderation:\n    off_topic_side_chat_length: 0\n")
    assert moderation_config(strict).off_topic_side_chat_length == 0


def test_a_short_reply_is_not_a_persons_second_post_in_a_side_chat():
    """Policy 5.7 names one user's successive off-topic posts; "lol yes" has nothing in it to count
    (off_topic_min_content_words), so it is not its writer's second post in the side conversation."""
    from bot.moderation import ChannelModerator

    moderator = ChannelModerator(
        "#volunteers — volunteer rotas for the summer fete",
        rulebook=RuleBook(ModerationConfig(read_meaning=False, off_topic_side_chat_length=0)),
    )
    posts = [("ann", "Fete rota is pinned, please check your slots for Saturday"), ("ben", "anyone watching the darts tonight"),
             ("cat", "wouldnt miss it, the final is at nine"), ("ben", "lol yes")]
    flagged = [moderator.assess(user, text, f"17000000{i:02d}.000100") for i, (user, text) in enumerate(posts)]
    assert flagged == [[], [], [], []]
