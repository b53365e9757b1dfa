"""Round 21 of issue 16 (illsol21), as policy 5.7 (illegal activity, solicitation, abuse).

Illegal activity in everyday or slang words: adult-only goods sold on to children, nitrous,
driving told it will go unchecked, cheap software licences with a wink, counterfeit brands.
Selling something illegal breaks two rules: the finding carries both, each with its reason.
Party politics asked for without "vote for", and insults with no listed word aimed at a person
or their work. The organisation's own phone number and email addresses never make a message
solicitation. Kept clean: legal walls, lessons, party balloons, phone chargers, the law talked
about, honest feedback, self-mockery, banter with a laugh, voting in general.
Labelled channels: tests/moderation/data/round21_illsol21*.jsonl.
"""

from __future__ import annotations

import pytest

from bot.moderation import ModerationConfig
from bot.moderation.moderator import RuleBook, assess_text

CHAT = "#members-chat — Music Works members: sessions, kit and gigs"
PRODUCERS = "#producers — Music Works young producers: beats, feedback on mixes and studio bookings"
VOICE = "#youth-voice — Youth Voice: young people's say in local decisions"

ILLEGAL = [
    "the lad at the car wash buys multipacks of lost marys and sells them to the year 10s",
    "me and Tia are doing nos at the park tonight, she's got a whole box of cream chargers and balloons",
    "just drive your nan's car to the gig, the police never stop you on the back roads",
    "windows keys for a fiver each, all above board 😏",
    "my cousin gets knockoff stone island jackets from a market in Spain",
]

ILLEGAL_AND_SOLICITATION = [
    "replica airpods, £20 each, can drop them round tonight",
    "pirated copies of the new Spider-Man film, £2 a go, message me",
    "box of power tools that went walkabout off a site in Quedgeley, £80 the lot, cash only",
    "I'll buy elf bars in bulk and sell them on at school, £6 each",
    "fake north face puffers at £30, my cousin brings them back from Turkey",
    "shared disney+ logins off my aunt's account, £2 a month, dm me",
]

SOLICITATION = [
    (VOICE, "please remember to vote Conservative at the county elections"),
    (VOICE, "the Lib Dems need every vote they can get on Thursday, put your cross next to Sarah"),
    (VOICE, "join the Young Greens this term, we do litter picks and campaign stalls"),
]

ABUSE = [
    (PRODUCERS, "you absolute plank, nobody wants that on the track"),
    (PRODUCERS, "looks like a 7 year old designed it in paint"),
    (PRODUCERS, "whoever sequenced this clearly can't keep time and is useless"),
    (PRODUCERS, "Kieran is an absolute clown and the whole studio knows it"),
    (PRODUCERS, "you should just quit."),
    (PRODUCERS, "did you master this in your sleep or what"),
]

CLEAN = [
    (CHAT, "we got balloons and a banner for the leavers' do"),
    (CHAT, "anyone got a spare iPhone charger? I left mine on the coach"),
    (CHAT, "my instructor says I can book my test after ten more lessons"),
    (CHAT, "the council's legal graffiti wall by the river is open to anyone with a permit"),
    (CHAT, "the trading standards talk on how to spot fake designer gear was actually interesting"),
    (CHAT, "selling vapes to under 18s is illegal, trading standards do test purchases all the time"),
    (CHAT, "my dad bought a proper Office licence for £70 from Microsoft, worth it for college"),
    (VOICE, "if you turn 18 before polling day you can register online in five minutes"),
    (VOICE, "our session on how the voting system works is on Monday, no party politics"),
    (PRODUCERS, "😂 you absolute melt, you've muted the kick again"),
    (PRODUCERS, "you absolute wally 🤪 left the click track on again"),
    (PRODUCERS, "the drums feel a bit stiff, try nudging the hats off the grid"),
    (PRODUCERS, "my first track sounds like a toddler made it lol, we all start somewhere"),
    (PRODUCERS, "I'm such a plank, left my headphones at the studio"),
    (PRODUCERS, "honestly I could set up that compressor with my eyes shut now"),
    (CHAT, "forgot my spotify login again, the family plan is £20 a month anyway"),
    (CHAT, "selling my old audio interface for £45, it still works fine, comes with the usb lead"),
    (VOICE, "worried about anything you've seen online? ring us any time on 01452 503550 or email safeguarding@themusicworks.org.uk"),
]


@pytest.mark.parametrize("text", ILLEGAL)
def test_illegal_acts_in_everyday_or_slang_words_are_illegal(findings, text):
    assert "illegal" in findings(text, purpose=CHAT)


@pytest.mark.parametrize("text", ILLEGAL_AND_SOLICITATION)
def test_selling_something_illegal_is_both_illegal_and_solicitation(findings, text):
    found = findings(text, purpose=CHAT)
    assert {"illegal", "solicitation"} <= set(found), found


@pytest.mark.parametrize("purpose,text", SOLICITATION)
def test_a_party_asked_for_votes_or_members_is_solicitation(findings, purpose, text):
    assert "solicitation" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", ABUSE)
def test_insults_without_a_listed_word_aimed_at_a_person_or_their_work_are_abuse(findings, purpose, text):
    assert "abuse" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", CLEAN)
def test_look_alikes_stay_clean(findings, purpose, text):
    assert findings(text, purpose=purpose) == {}


def test_an_illegal_sale_keeps_each_rules_reason(findings):
    found = findings("moody firesticks with every channel on, £35 each", purpose=CHAT)
    assert "£35" in found["solicitation"] and "each" in found["solicitation"]
    assert "illegal" in found and found["illegal"] != found["solicitation"]


def test_reporting_someone_elses_illegal_selling_is_not_solicitation(findings):
    found = findings("the shop by the station sells vapes to anyone, never asks for ID", purpose=CHAT)
    assert "illegal" in found and "solicitation" not in found


def test_the_organisations_own_number_comes_from_its_organisation_file():
    ours = RuleBook(ModerationConfig(org_phones=("01632 960123",), read_meaning=False))
    text = "we do guitar lessons, £20 an hour, ring 01632 960123 to book"
    assert assess_text(text, rulebook=ours) == []
    assert [f.rule for f in assess_text(text.replace("01632 960123", "07700 900999"), rulebook=ours)] == ["solicitation"]
