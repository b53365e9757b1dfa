"""Off-topic: the third and later messages of a side conversation, or of one person's unrelated posts."""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

from bot.moderation import ModerationConfig, RuleBook
from bot.moderation.conversation import stem

PURPOSE = "#band-practice — rehearsal times, setlists and gear for the Friday band"

FOOTBALL = [
    "Did anyone watch the football last night? Arsenal were unreal",
    "Saka scored twice, what a match",
    "Premier league table looking spicy this season",
    "Chelsea are getting relegated this season honestly",
    "Who fancies five-a-side on Sunday morning",
]

ON_TOPIC = [
    "Rehearsal moved to 6pm, bring your setlists",
    "Can someone bring a spare snare stand?",
    "I've been practising the bridge of the new song",
    "my amp is making a weird buzzing noise",
    "we should add a cover to the setlist",
]


def test_one_unrelated_post_is_fine_the_same_persons_second_in_a_row_is_not(channel):
    # Policy 5.7: "multiple successive off-topic posts by a single user" (round 24: two is multiple).
    moderator, clock = channel(PURPOSE), Clock()
    assert not off_topic(moderator.assess("U5", FOOTBALL[0], clock()))
    second = off_topic(moderator.assess("U5", FOOTBALL[1], clock()))
    assert second and second[0].reason == "2nd post by this person in a side conversation about football, not what #band-practice is for."
    third = off_topic(moderator.assess("U5", FOOTBALL[2], clock()))
    assert third and third[0].reason.startswith("3rd post by this person")


def test_one_unrelated_post_alone_is_fine(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U1", ON_TOPIC[0], clock())
    assert not off_topic(moderator.assess("U5", FOOTBALL[0], clock()))
    moderator.assess("U5", ON_TOPIC[1], clock())
    assert not off_topic(moderator.assess("U5", FOOTBALL[1], clock()))


def test_an_on_topic_post_by_the_same_person_ends_the_run(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U5", FOOTBALL[1], clock())
    moderator.assess("U5", ON_TOPIC[2], clock())
    assert not off_topic(moderator.assess("U5", FOOTBALL[2], clock()))
    assert off_topic(moderator.assess("U5", FOOTBALL[3], clock()))


def test_other_peoples_posts_in_between_do_not_break_a_persons_run(channel):
    moderator, clock = channel(PURPOSE), Clock()
    results = []
    for football, music in zip(FOOTBALL[:3], ON_TOPIC[:3]):
        results.append(off_topic(moderator.assess("U5", football, clock())))
        assert not off_topic(moderator.assess("U1", music, clock()))
    assert [bool(r) for r in results] == [False, True, True]


def test_a_side_conversation_between_several_people_is_one_run(channel):
    moderator, clock = channel(PURPOSE), Clock()
    assert not off_topic(moderator.assess("U5", FOOTBALL[0], clock()))
    assert not off_topic(moderator.assess("U6", FOOTBALL[2], clock()))
    assert off_topic(moderator.assess("U5", FOOTBALL[1], clock()))
    assert off_topic(moderator.assess("U7", FOOTBALL[3], clock()))


def test_short_reactions_carry_a_side_conversation_on(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", "anyone watching the match tonight", clock())
    assert not off_topic(moderator.assess("U6", "yes!!", clock()))
    third = off_topic(moderator.assess("U7", "noooo", clock()))
    assert third and third[0].reason == "3rd message in a row about match, not what #band-practice is for."


def test_short_posts_alone_start_no_side_conversation(channel):
    moderator, clock = channel(PURPOSE), Clock()
    for text in ["haha", "see you then", "ok", "nice one"]:
        assert not off_topic(moderator.assess("U5", text, clock()))


@pytest.mark.parametrize(
    "closing",
    [
        "Love this, but let's park the football chat, we've got a setlist to finish",
        "ha ok take it to DMs please",
        "football talk to #random please 🙂",
        "can we save that for the group chat? need stands sorted",
    ],
)
def test_closing_a_side_conversation_ends_it_and_is_not_flagged(channel, closing):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U6", FOOTBALL[1], clock())
    assert not off_topic(moderator.assess("U1", closing, clock()))
    assert not off_topic(moderator.assess("U6", "sorry!", clock()))


def test_an_on_topic_message_ends_a_side_conversation(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U6", "lol", clock())
    assert not off_topic(moderator.assess("U1", ON_TOPIC[0], clock()))
    assert not off_topic(moderator.assess("U6", "ok will do", clock()))


def test_a_long_silence_starts_a_new_run(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U5", FOOTBALL[1], clock())
    assert not off_topic(moderator.assess("U5", FOOTBALL[2], clock(2 * 24 * 3600)))


@pytest.mark.parametrize(
    "purpose",
    ["#random — anything goes", "#off-topic", "#chat — general chat for members", "#random", "Anything goes here!"],
)
def test_a_channel_where_anything_goes_has_no_off_topic_posts(channel, purpose):
    moderator, clock = channel(purpose), Clock()
    for text in FOOTBALL:
        assert not off_topic(moderator.assess("U5", text, clock()))


def test_a_purpose_that_forbids_random_chat_is_not_anything_goes(channel):
    moderator, clock = channel("#young-leaders — planning Young Leaders sessions, no random chat please"), Clock()
    found = [bool(off_topic(moderator.assess("U5", text, clock()))) for text in FOOTBALL[:3]]
    assert found == [False, True, True]


def test_a_channel_without_a_purpose_has_no_off_topic_posts(channel):
    moderator, clock = channel(None), Clock()
    for text in FOOTBALL:
        assert not off_topic(moderator.assess("U5", text, clock()))


@pytest.mark.parametrize("text", ON_TOPIC)
def test_posts_about_the_purpose_or_music_are_on_topic(channel, text):
    moderator, clock = channel(PURPOSE), Clock()
    for _ in range(4):
        assert not off_topic(moderator.assess("U5", text + " " + str(clock.now), clock()))


def test_words_of_the_purpose_make_a_post_related(channel):
    moderator, clock = channel("#young-leaders — planning the Gloucester youth festival stalls"), Clock()
    for text in ["Who is doing the stalls rota", "Stalls need gazebos and tables", "Can we borrow gazebos from the council for the stalls"]:
        assert not off_topic(moderator.assess("U5", text, clock()))


def test_replies_that_pick_up_the_recent_conversation_are_related(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U1", "Rehearsal is at the community centre this week, parking is tricky", clock())
    for text in ["Parking at the community centre is always full", "Is there parking behind the centre", "The centre car park shuts at nine"]:
        assert not off_topic(moderator.assess("U5", text, clock()))


def test_off_topic_posts_do_not_make_each_other_related(channel):
    # U5 and U6 both drift into football: the side conversation is flagged from its third message
    moderator, clock = channel(PURPOSE), Clock()
    flagged = []
    for n in range(3):
        flagged.append(bool(off_topic(moderator.assess("U5", FOOTBALL[n], clock()))))
        reply = ["the ref was shocking all game", "offside twice and nobody noticed", "my lot are bottom of the table"][n]
        flagged.append(bool(off_topic(moderator.assess("U6", reply, clock()))))
    assert flagged == [False, False, True, True, True, True]


def test_the_run_length_is_configurable():
    moderator_rules = RuleBook(ModerationConfig(off_topic_run_length=2))
    from bot.moderation import ChannelModerator

    moderator, clock = ChannelModerator(PURPOSE, rulebook=moderator_rules), Clock()
    assert not off_topic(moderator.assess("U5", FOOTBALL[0], clock()))
    assert off_topic(moderator.assess("U5", FOOTBALL[1], clock()))


def test_editing_a_post_onto_the_topic_takes_it_out_of_the_run(channel):
    moderator, clock = channel(PURPOSE), Clock()
    first, second = clock(), clock()
    moderator.assess("U5", FOOTBALL[0], first)
    moderator.assess("U5", FOOTBALL[1], second)
    moderator.assess_edit("U5", "Actually, can we run the bridge of the new song at rehearsal?", second)
    assert not off_topic(moderator.assess("U5", FOOTBALL[2], clock()))


def test_editing_the_third_post_off_topic_flags_it(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U5", FOOTBALL[1], clock())
    third = clock()
    assert not off_topic(moderator.assess("U5", ON_TOPIC[0], third))
    assert off_topic(moderator.assess_edit("U5", FOOTBALL[2], third))


def test_changing_the_purpose_changes_what_is_on_topic(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.set_purpose("#football — five-a-side, Arsenal, the Premier League and match chat")
    for text in FOOTBALL[:4]:
        assert not off_topic(moderator.assess("U5", text, clock()))


def test_memory_of_people_is_bounded(rulebook):
    from bot.moderation import ChannelModerator

    small = RuleBook(ModerationConfig(max_tracked_people_per_channel=50))
    moderator, clock = ChannelModerator(PURPOSE, rulebook=small), Clock()
    for n in range(500):
        moderator.assess(f"U{n}", FOOTBALL[n % len(FOOTBALL)], clock(1))
    assert small.rules[-1].memory(moderator.context).people_tracked == 50


@pytest.mark.parametrize(
    "words, expected",
    [(["drummers", "drumming", "drum", "drums"], "drum"), (["rehearse", "rehearsing", "rehearsed"], "rehears"), (["gigs", "gigging", "gig"], "gig")],
)
def test_stemming_brings_word_forms_together(words, expected):
    assert {stem(w) for w in words} == {expected}


def test_a_post_carrying_on_a_side_conversation_needs_more_than_one_topical_word(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", "did anyone watch Strictly on Saturday?", clock())
    moderator.assess("U5", "I can't believe Pete went out, he was robbed", clock())
    carried_on = off_topic(moderator.assess("U5", "and that final dance was so good, I was in tears", clock()))
    assert carried_on and carried_on[0].reason.startswith("3rd post by this person")


def test_the_same_words_alone_are_on_topic(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U5", ON_TOPIC[0], clock())
    assert not off_topic(moderator.assess("U5", "that final dance was so good, I was in tears", clock()))


def test_keeping_the_channel_on_track_is_on_topic(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U1", "Please no selling in here, thanks!", clock())
    moderator.assess("U1", "I'll message you separately. Let's keep it respectful in here please.", clock())
    assert not off_topic(moderator.assess("U1", "12 March online, link to follow", clock()))


def test_someone_carrying_on_their_own_side_conversation_needs_more_than_one_topical_word(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", "just got back from Ibiza, best week ever", clock())
    moderator.assess("U5", "the boat party was unreal", clock())
    assert off_topic(moderator.assess("U5", "and the food, I'd go back tomorrow", clock()))


def test_asking_for_side_conversations_to_stop_ends_everyones_runs(channel):
    moderator, clock = channel(PURPOSE), Clock()
    for text in FOOTBALL[:3]:
        moderator.assess("U5", text, clock())
    moderator.assess("U1", "ok take it to DMs please", clock())
    moderator.assess("U1", ON_TOPIC[0], clock())
    assert not off_topic(moderator.assess("U5", "can I swap parts with Sam for Friday?", clock()))


def test_the_side_conversation_survives_a_restart(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", FOOTBALL[0], clock())
    moderator.assess("U6", FOOTBALL[1], clock())
    restarted = channel(PURPOSE)
    restarted.restore_state(moderator.export_state())
    assert off_topic(restarted.assess("U7", "no chance, my lot are miles better", clock()))


def test_a_question_about_leisure_opens_a_side_conversation(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", "has anyone been to Lanzarote?", clock())
    moderator.assess("U6", "yes, loved it", clock())
    third = off_topic(moderator.assess("U5", "which part did you stay in", clock()))
    assert third and third[0].reason == "2nd post by this person in a side conversation about lanzarote, not what #band-practice is for."


def test_an_everyday_word_of_the_lexicon_does_not_end_a_side_conversation(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U5", "anyone watching the Grand National on Saturday", clock())
    moderator.assess("U6", "got a fiver on the grey one", clock())
    assert off_topic(moderator.assess("U5", "my dad always picks by the silliest name", clock()))


def test_picking_up_what_the_channel_was_doing_ends_a_side_conversation(channel):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("U1", "Friday rehearsal: who's bringing the raffle prizes for the gig?", clock())
    moderator.assess("U5", "our dog ate a whole sock yesterday, emergency vet trip", clock())
    moderator.assess("U6", "oh no! is he ok?", clock())
    assert not off_topic(moderator.assess("U1", "Right, who else can bring raffle bits?", clock()))
    assert not off_topic(moderator.assess("U7", "me, I will", clock()))
