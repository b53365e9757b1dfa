"""Round 19 policy for off-topic and repetition (issue 16).

- Asking who is getting, booking or buying something of their own (tickets for
  someone else's show, a car back from the garage, a haircut, a new phone, a
  holiday) opens a side conversation; the short replies after it carry it on, so
  its third message on is flagged. Asking about the work in that shape ("anyone
  got tickets for the showcase?") opens nothing.
- A return by its form ends a side conversation with no word of the work:
  "right, back to it", "ok, focus people", a turn word opening a plan ("anyway,
  Saturday - who's driving?"), or, from someone who took no part, a question
  about a plan or a plan with a day and a time.
- A place whose name holds a word of sport or leisure, named for an errand of
  the work ("collect it from Kingsholm", "the Stadium car park"), is a place.
- A day named in the purpose ("Saturday youth orchestra") says when the group
  meets, so "anyone going to the match on saturday" is still a match.
- A question after the same person's statement asks what became of it: not a
  repeat, unless bumped or it repeats a price, code or link.
"""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

CREW = "#gig-crew — volunteers and young crew for the youth gigs: rota, kit and load-in"
CHOIR = "#youth-choir — Stroud youth choir: music, rehearsal times and the summer concert"
ORCHESTRA = "#youth-orchestra — Saturday youth orchestra: parts, rehearsals and the spring concert"
FESTIVAL = "#festival-crew — volunteers for the Gloucester youth music festival: rota, kit and collections"


def flags(channel, purpose, messages) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


@pytest.mark.parametrize(
    "opening",
    [
        "anyone got tickets for the Arctic Monkeys at the arena?",
        "is anyone else getting their car back from the garage today",
        "who's booked a haircut before Saturday",
        "anyone getting the new iphone",
    ],
)
def test_an_errand_of_ones_own_with_short_replies_is_a_side_conversation(channel, opening):
    messages = [
        ("pat", "Load-in 5pm, we need three on the van"),
        ("ria", opening),
        ("lou", "yeah got mine"),
        ("ria", "hope it was cheap"),
        ("pat", "same lol tbh"),
    ]
    assert flags(channel, CREW, messages) == [False, False, False, True, True]


def test_asking_about_the_works_own_tickets_opens_nothing(channel):
    messages = [
        ("ria", "anyone got tickets for the showcase yet?"),
        ("lou", "yeah got two"),
        ("pat", "my mum wants some too"),
        ("ria", "box office opens monday"),
    ]
    assert not any(flags(channel, CREW, messages))


@pytest.mark.parametrize(
    "back",
    [
        "anyway, Saturday – who's driving?",
        "right, back to it",
        "ok, focus people",
        "what time is soundcheck on Friday?",
    ],
)
def test_a_return_by_its_form_ends_the_side_conversation(channel, back):
    messages = [
        ("ana", "Tenors, please learn page 4 by Monday"),
        ("lia", "anyone going to the match on saturday"),
        ("ben", "nah too dear"),
        ("tom", "season ticket here lol"),
        ("ana", back),
        ("lia", "I can take three"),
        ("ben", "I'll be there at 6 for sure"),
    ]
    assert flags(channel, CHOIR, messages)[4:] == [False, False, False]


def test_a_plan_with_a_day_and_a_time_from_someone_outside_ends_it(channel):
    messages = [
        ("lia", "did anyone see the football last night"),
        ("ben", "yeah, what a finish"),
        ("ana", "Monday we start with the Rutter, 6:30 sharp"),
        ("lia", "see you there"),
    ]
    assert flags(channel, CHOIR, messages) == [False, False, False, False]


def test_a_day_in_the_purpose_does_not_make_a_match_the_work(channel):
    messages = [
        ("nat", "anyone going to the match on saturday"),
        ("ola", "nah day ticket too dear"),
        ("nat", "season ticket here"),
    ]
    assert flags(channel, ORCHESTRA, messages) == [False, False, True]


def test_a_place_named_for_an_errand_is_not_sport(channel):
    messages = [
        ("ed", "The PA is at the rugby club, someone needs to collect it from Kingsholm on Friday"),
        ("fay", "I can collect it from Kingsholm, what time?"),
        ("ed", "after 2, ask for Dave at the gate"),
        ("gil", "I'll meet you in the Stadium car park at 2"),
    ]
    assert not any(flags(channel, FESTIVAL, messages))


T0 = 1_700_000_000


def repeated(moderator, posts) -> list[bool]:
    return [any(f.rule == "repetition" for f in moderator.assess(u, t, f"{T0 + n * 60:.6f}")) for n, (u, t) in enumerate(posts)]


def test_a_question_following_up_ones_own_statement_is_not_a_repeat(channel):
    assert repeated(channel(), [
        ("U1", "Arts Council want 10% match funding for the showcase bid"),
        ("U2", "I'll look at the budget tonight"),
        ("U1", "did the match funding come through from the council?"),
    ]) == [False, False, False]


def test_a_statement_posted_again_is_still_a_repeat(channel):
    assert repeated(channel(), [
        ("U1", "Arts Council want 10% match funding for the showcase bid"),
        ("U1", "Arts Council want ten percent match funding for the showcase bid!!"),
    ]) == [False, True]


def test_an_advert_asked_again_with_its_price_is_still_a_repeat(channel):
    assert repeated(channel(), [
        ("U1", "Selling my old half-size violin, £60 with the case, message me"),
        ("U1", "anyone want a half-size violin? £60 with the case"),
    ]) == [False, True]


def test_the_first_reply_to_a_side_conversation_carries_it_on_even_with_a_day_in_it(channel):
    # Round 20: "its due friday" answers the opener; it does not turn the channel back to a plan.
    messages = [
        ("marcus", "did anyone else get the chem homework"),
        ("poppy", "the titration one? its due friday"),
        ("marcus", "i dont get question 4 at all"),
        ("poppy", "you use the moles from part a"),
    ]
    assert flags(channel, CHOIR, messages) == [False, False, True, True]
