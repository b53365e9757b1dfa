"""Round 22 policy for off-topic (issue 16, policy 5.7): a podcast's or radio
show's channel talks of episodes, guests and listens as its work, so a run of
that talk is not a side conversation about television; the same words in a
band's channel still open one."""

from __future__ import annotations

from off_topic_support import Clock, off_topic

PODCAST = "#youth-voice-pod — young people planning the youth-led podcast and the consultation events"
BAND = "#band-practice — Saturday rehearsals for the school rock band"

EPISODE_TALK = [
    ("ria", "episode 4 is up, 230 listens already"),
    ("sol", "no way, that's double the last episode"),
    ("tam", "the episodes with a guest always get more listens"),
    ("ria", "next episode we should get a guest from the skatepark crew"),
]


def flags(channel, purpose, messages) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


def test_a_podcasts_episodes_and_listens_are_its_work(channel):
    assert flags(channel, PODCAST, EPISODE_TALK) == [False, False, False, False]


def test_a_bands_channel_still_hears_episode_talk_as_a_side_conversation(channel):
    assert any(flags(channel, BAND, [("ria", "did anyone see the last episode of the Traitors"),
                                     ("sol", "the final episode was unreal"),
                                     ("tam", "that last episode had me shouting at the telly")]))
