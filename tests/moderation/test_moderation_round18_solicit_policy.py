"""Round 18 of issue 16 (solicit), as policy 5.7 and the off-topic policy.

Solicitation without the sale words:
1. A member selling their own things ("clearing out the loft ... going for whatever you think is
   fair, dm me", "a tenner and it's yours").
2. Petitions and outside campaigns passed on ("sign and share pls", "would mean a lot if you signed it").
3. Promised returns and introductions to an investment ("guaranteed 12% a year, happy to introduce anyone").
4. Party politics: a party, a party name that is also a word, or a party's emoji, beside a request
   for votes or support.
5. A request to pay to changed bank details, even in the organisation's name (invoice fraud).
Kept clean: the organisation's own tickets and fees, a member's own free gig, asking about free
entry, a mechanic recommended when asked, pay-rate talk, asking when the polls close, a warning
about changed bank details.

Off-topic side conversations:
6. A return said as "ok we should get off X and sort Y", "enough X chat", "ok moving on" ends the
   side conversation, so the work after it is not flagged.
7. A work phrase that holds a hobby word ("match funding", ``work_phrases.txt``) opens no side conversation.
8. Festivals, car repairs, roadworks and traffic, and nights out open side conversations, carried on
   by short questions and answers, flagged from the third message.
Labelled channels: tests/moderation/data/round18_solicit*.jsonl.
"""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

PARENTS = "#beat-it-parents — Beat It Gloucester parents: lifts, session times, fees and kit lists"
TUTORS = "#tutors-lounge — freelance music leaders: sessions, planning, invoices and support"
CHOIR = "#youth-choir — Cheltenham youth choir: music, rehearsal times and the Christmas concert"
STAFF = "#hub-staff — staff chat for the youth hub: rotas, sessions and admin"

BREACHES = [
    (PARENTS, "clearing out the loft - kids' scooter, a car seat and a box of lego, going for whatever you think is fair, dm me"),
    (TUTORS, "anyone fancy my spare ironing board? a tenner and it's yours"),
    (CHOIR, "anyone want my old trainers? size 6, worn twice, make me an offer"),
    (TUTORS, "sign and share pls, the council want to shut the library on Tuesdays"),
    (CHOIR, "there's a petition to keep the youth bus running, would mean a lot if you signed it x"),
    (PARENTS, "My brother-in-law runs an investment fund, guaranteed 12% a year, happy to introduce anyone who's interested"),
    (TUTORS, "Labour hustings in Stroud tonight, come along and back Sarah 🌹"),
    (CHOIR, "Reform are the only ones talking sense tbh, get out and vote for them tomorrow"),
    (TUTORS, "Hi all, The Music Works finance here. Due to a change of bank please send invoice payments to sort code 40-11-22, account 87654321"),
    (PARENTS, "Dear parents, due to a system change our bank details have changed. Please pay all fees to account 12345678, sort code 20-00-00"),
]

LOOK_ALIKES = [
    (PARENTS, "Reminder: spring term session fees can be paid through the TMW website as usual"),
    (PARENTS, "Showcase tickets are on the TMW site, £3 for adults and under 12s go free"),
    (PARENTS, "is entry free for little brothers and sisters at the showcase?"),
    (PARENTS, "Dave at Longlevens Motors is brilliant, honest and not pricey"),
    (TUTORS, "I'm playing the Fleece on Saturday with my band, free entry, come and say hi"),
    (TUTORS, "What's everyone charging for 1:1s now? I'm on £30 an hour and it feels low"),
    (TUTORS, "is anyone else voting by post this year? my form still hasn't come"),
    (CHOIR, "anyone know what time polling stations close? first time voting"),
    (CHOIR, "Choir raffle tickets are £1 a strip, I have them at rehearsal"),
    (PARENTS, "Please don't pay anything to new bank details, fees only go through the TMW website"),
    (TUTORS, "my bank details have changed, I'll update them on the freelancer form"),
    (TUTORS, "Heads up, payroll is moving to the 25th due to a system change"),
    (CHOIR, "I signed the petition about the bus yesterday, hope it works"),
]


@pytest.mark.parametrize("purpose,text", BREACHES)
def test_selling_petitions_schemes_party_politics_and_changed_bank_details_are_solicitation(findings, purpose, text):
    assert "solicitation" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", LOOK_ALIKES)
def test_the_organisations_own_free_gigs_rate_talk_and_warnings_are_not(findings, purpose, text):
    assert "solicitation" not in findings(text, purpose=purpose)


def flags(channel, purpose, messages) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


FESTIVAL = [("zara", "who's going to 2000trees this year?"), ("ben", "me!! are u camping"),
            ("zara", "nah day ticket"), ("ben", "same, camping's grim")]


@pytest.mark.parametrize(
    "back",
    [
        "ok we should get off festivals and sort Saturday",
        "right, enough festival chat, who's on teas",
        "ok moving on, who can do Saturday",
        "anyway lets sort out saturday",
    ],
)
def test_a_return_said_in_so_many_words_ends_the_side_conversation(channel, back):
    messages = [*FESTIVAL, ("ms_k", back), ("ben", "I can do the 10am one"), ("zara", "my dad can take four of us back after")]
    assert flags(channel, CHOIR, messages) == [False, False, True, True, False, False, False]


def test_match_funding_is_the_work_not_a_match(channel):
    messages = [
        ("ann", "the lottery application needs 10% match funding, can we use the fete money?"),
        ("rob", "should be fine, that pot is unrestricted"),
        ("ann", "great, I'll put it in the budget"),
        ("rob", "does match funding have to be cash or can volunteer hours count?"),
        ("ann", "volunteer time counts too, at a set rate"),
    ]
    assert flags(channel, STAFF, messages) == [False] * 5


@pytest.mark.parametrize(
    "side",
    [
        [("sue", "clutch has gone again, they've quoted £400"), ("ali", "ouch who quoted that"), ("sue", "kwik fit")],
        [("dee", "roadworks at Longford again, the A40 is solid"), ("ravi", "how long for?"), ("dee", "till March apparently")],
        [("jade", "who's out in town on Saturday?"), ("kai", "me, pres at mine first"), ("jade", "what time u heading")],
        [("zara", "who's going to 2000trees this year?"), ("ben", "me!! are u camping"), ("zara", "nah day ticket")],
    ],
)
def test_festivals_cars_traffic_and_nights_out_are_side_conversations_from_the_third_message(channel, side):
    messages = [("kerry", "can't do the drumming lift tonight, sorry all"), *side]
    assert flags(channel, PARENTS, messages) == [False, False, False, True]
