"""Round 7 of issue 16 (threat7), as policy: threats as constructions,
the organisation's own fundraising, and copies of a breach.

Each kind is a class of sentence, written in wordings the rules were not
written beside, with look-alikes that must stay clean. The labelled channels
are tests/moderation/data/round7_threat7*.jsonl.
"""

from __future__ import annotations

import pytest

HALL_CHANNEL = "#hall-volunteers — bookings, cleaning rota and events at the community hall"
STUDIO_CHANNEL = "#studio-users — booking studio time and kit at the studio"

# No violent word: a loss promised for a condition, a "shame" if someone with
# a say found out, where a person's family can be found, wishing they'd kept
# quiet, finding out who reported, turning up with others.
THREATS = [
    "mess me about once more and see how fast your gigs dry up",
    "carry on like this and your shifts will vanish, simple",
    "would be such a pity if the headteacher heard about your little side business",
    "we know where your kids play on Saturdays",
    "I know which street she's on. just saying",
    "you'll wish you'd kept your mouth shut",
    "I'm going to find out who grassed on me",
    "say one more word and we'll be round with a few of the lads",
    "mention my name to the coach and those voice notes end up in the group chat",
    "keep pushing and you won't like what happens",
]

# Look-alikes: hyperbole, music and game talk, deadlines, a moderator's
# sanction, someone reporting a threat, safety advice.
NOT_THREATS = [
    "this track is so sick, you absolutely murdered that verse",
    "miss the deadline and the grant money disappears, so please get the forms in",
    "do that again and you'll be removed from the chat, last time I'm asking nicely",
    "she told me she'd show everyone my photos if I told a leader, what do I do?",
    "we know where you are, see you at the stage door in five",
    "it'd be a shame if nobody heard the new mix, share it with your mates",
    "I got wrecked by the final boss, it respawned with a few friends",
    "you'll wish you'd brought a coat, it's freezing in the hall",
]

# The organisation's own events and appeals, in its own channels, and
# people asking about them.
OWN_FUNDRAISING = [
    "raffle tickets are £1 at the door, all money goes to the hub",
    "quiz tickets £5 adults, kids free, proceeds go to bursaries",
    "we're doing a sponsored walk for the charity on Sunday, forms at reception",
    "are the concert tickets on sale yet?",
    "can parents buy raffle tickets on the night",
]

# Outside promotion still counts.
OUTSIDE_PROMOTION = [
    "my band's headline gig is on the 3rd, tickets £7 on the door, come down!",
    "I do mixing, £25 a track, DM me",
    "hoodies from my own clothing brand, pre-order now",
    "sign my friend's petition to save the old cinema",
    "join my team and be your own boss, message me",
    "quiz tickets £5, proceeds go to my cousin's rugby club",
    "Tickets on sale now for our club night at the Fleece",
]


@pytest.mark.parametrize("text", THREATS)
def test_threats_without_violent_words_count(findings, text):
    assert "threat" in findings(text), text


@pytest.mark.parametrize("text", NOT_THREATS)
def test_look_alikes_are_not_threats(findings, text):
    assert "threat" not in findings(text), text


@pytest.mark.parametrize("text", OWN_FUNDRAISING)
def test_the_organisations_own_fundraising_is_not_solicitation(findings, text):
    assert "solicitation" not in findings(text, HALL_CHANNEL), text


def test_the_channels_own_words_name_the_organisation(findings):
    # "the studio" is the organisation in the studio's channel.
    assert "solicitation" not in findings("showcase tickets £3, money goes back into the studio kit fund", STUDIO_CHANNEL)


@pytest.mark.parametrize("text", OUTSIDE_PROMOTION)
def test_outside_promotion_still_counts(findings, text):
    assert "solicitation" in findings(text, HALL_CHANNEL), text


def test_the_reason_says_which_words_made_it_a_threat(findings):
    reason = findings("we know where your kids play on Saturdays")["threat"]
    assert '"we know where your kids play"' in reason
