"""Round 12 of issue 16 (ill12), as policy: illegal acts in plain words, read as frames
(who does what to whose thing) rather than set phrases, each with the look-alikes that
must stay clean beside it. The labelled channels are tests/moderation/data/round12_ill12*.jsonl.

Talk about an act is not doing it: the news, a warning, a workshop, a game's or a drama's
plot, someone refusing, someone reporting it, or a victim telling what happened to them.
"""

from __future__ import annotations

import pytest

CREW = "#crew-chat — freelance crew and venue staff: shifts, rates and paperwork"
YOUTH = "#youth-chat — 13 to 17s at the youth club: chat, events and plans"
GAMES = "#game-night — young people's gaming club: tournaments and tech help"
RESIDENTS = "#residents — residents of Oak Close: repairs, bins and the fun day"

ACTS = [
    # Income kept out of the records, put in another's name, or half banked.
    (CREW, "the cash jobs never go near my books, the taxman doesn't need to know"),
    (CREW, "stick the wedding invoices in your wife's name, she's a non-earner"),
    (CREW, "I only declare half the takings from the market stall"),
    # A claim as single hiding a partner.
    (RESIDENTS, "she gets the single person discount but her boyfriend basically lives there"),
    # Getting on or through unseen.
    (YOUTH, "we just vault the barriers at the tube station, nobody stops you"),
    (YOUTH, "sneak on the tram through the middle doors when the inspector's at the front"),
    # A weapon kept for trouble.
    (YOUTH, "I've got a blade in my bag just in case them lot from the estate start"),
    # Something thrown on someone's things; a lock forced to take what's inside.
    (RESIDENTS, "let's tip paint stripper over her car bonnet tonight"),
    (RESIDENTS, "we'll smash the lock on his garage and take the quad bike"),
    # Taking from the venue or the organisation.
    (CREW, "pocket a few bottles of the hotel's wine at the end, they never check the stock"),
    (CREW, "I dip into the tea fund when I'm short, it's only a tenner here and there"),
    # Drink or vapes for under-18s; under-age drinking.
    (YOUTH, "my older sister will buy us vodka for the party if we give her the money"),
    (YOUTH, "we got hammered in the park last night and we're all 15 lol"),
    # Prescription medicines sold or shared.
    (YOUTH, "got some of my brother's elvanse, a fiver each if you want to cram for exams"),
    # Online: intimate images, someone's account, a card that isn't yours.
    (GAMES, "I've got the nudes she sent Ryan, gonna post them on the story"),
    (GAMES, "I'll hack into her snapchat tonight and read all her messages"),
    (GAMES, "selling robux cheap, got them with a stolen card lol"),
]

LOOK_ALIKES = [
    (CREW, "my accountant put the cash jobs on my return, all declared"),
    (RESIDENTS, "the council has a leaflet about reporting benefit fraud"),
    (YOUTH, "the ticket inspector gave my mate a penalty fare for having no ticket, he was fuming"),
    (YOUTH, "the knife crime workshop on Friday has a mum who lost her son speaking"),
    (RESIDENTS, "someone tipped paint all over the bus shelter, the police have the cctv"),
    (RESIDENTS, "I lost my key so I had to break the lock on my own shed"),
    (CREW, "the venue says we can take the leftover sandwiches home, they're free"),
    (CREW, "the treasurer found money missing from the tea fund and reported it"),
    (YOUTH, "the youth worker talked to us about older people buying drink for under 18s"),
    (YOUTH, "my doctor upped my elvanse dose and I feel so much better"),
    (YOUTH, "the pharmacist said never share your prescription meds with friends"),
    (GAMES, "if anyone shares your nudes, report it and tell a staff member, it's a crime"),
    (GAMES, "my insta got hacked last night, turn on two-factor everyone"),
    (GAMES, "in the game you hack into the city's cameras, it's so good"),
    (GAMES, "I found a bank card in the car park and handed it in at reception"),
]


@pytest.mark.parametrize("purpose,text", ACTS)
def test_illegal_acts_in_plain_words_are_reported(findings, purpose, text):
    assert "illegal" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", LOOK_ALIKES)
def test_talk_warnings_reports_and_victims_are_not_illegal(findings, purpose, text):
    assert "illegal" not in findings(text, purpose=purpose)
