"""Round 21 of issue 16 (threat21), as policy 5.7: "comments that threaten or defame any person
or organisation". Labelled channels: tests/moderation/data/round21_threat21*.jsonl.

1. Harm foretold as a consequence, with no "I will" and no violent verb: an injury foretold of
   someone as the price of a condition or a grudge, a beating someone needs, wants, deserves or
   has coming, and a sneer at how they will be once hurt. Accidents, operations and their
   recovery, safety advice, music ("a slap bass", "the snare needs a smack"), sport and teasing
   between friends with a laughing emoji are not threats.
2. Defamation with no crime noun: a named person or organisation accused of corruption, of
   taking or falsifying money or records, of dishonesty, or of being a danger to children, or
   the accusation taken to the papers. Fair criticism, news reported, a concern raised properly,
   a thing described ("the file is corrupt") and a team made up are not.
"""

from __future__ import annotations

import pytest

BAND = "#band — rehearsals, gigs and kit for the Saturday youth band (14-18)"
BOARD = "#board — trustees and volunteers who run the youth arts charity"

THREATS = [
    (BAND, "if Ollie swipes my setlist one more time he'll be going home on a stretcher"),
    (BAND, "grass on me to the leaders and you'll be sipping your dinner through a straw"),
    (BAND, "she'll be needing a wheelchair if she comes near my pedalboard again"),
    (BAND, "whoever binned my lyric book is gonna need a good dentist"),
    (BAND, "the doorman who turned us away needs a good smack honestly"),
    (BAND, "that supply teacher deserves a right good kicking"),
    (BAND, "Riley has got a battering coming and he knows why"),
    (BAND, "someone should give that heckler a good hiding after the show"),
    (BAND, "bet she won't be so lippy with a black eye"),
    (BOARD, "the chairman's mate will end up in A&E if he keeps undermining me at meetings"),
    (BAND, "if the sound guy messes with my levels I'll make sure he doesn't leave in one piece"),
    (BAND, "if Femi says that about my sister again he'll be walking with a limp"),
]

NOT_THREATS = [
    (BAND, "Ava went to A&E after she fell off the stage, she's got a cast but she's fine"),
    (BAND, "Zak's just had his wisdom teeth out so he'll be eating through a straw all week"),
    (BAND, "if you're skating to the gig wear a helmet, Leon fell last week and he'll be on crutches for a month"),
    (BAND, "the low end on this needs a slap bass, can Theo bring his"),
    (BAND, "the kick drum needs a good smack to cut through the mix"),
    (BAND, "we got a right hiding from the other band at the battle of the bands lol"),
    (BAND, "this remix slaps, the drop is unreal"),
    (BAND, "touch my crisps and you're leaving on a stretcher 😂😂"),
    (BAND, "please make sure you all get home safely tonight"),
    (BAND, "if that filling still aches on Monday you'll need a dentist, ring them first thing"),
    (BAND, "Noor will need a wheelchair space if the new venue only has stairs"),
    (BAND, "make sure the keyboards get back in one piece this time"),
    (BOARD, "Moderator note: posts like 'he'll need a dentist after this' are threats and will be removed"),
]

DEFAMATION = [
    (BOARD, "the venue director takes kickbacks from the booking agency"),
    (BOARD, "Wyvern Arts are corrupt, they hand every commission to their friends"),
    (BOARD, "our last treasurer pocketed the raffle money, that's why the accounts never added up"),
    (BOARD, "the youth service manager has been cooking the attendance figures for years"),
    (BOARD, "Mr Dale is a danger to children and should never run a session"),
    (BOARD, "the festival organiser is a swindler who diddled three bands out of their fees"),
    (BOARD, "that councillor lines her own pockets with the regeneration money"),
    (BOARD, "I'm going to the papers about how Jenny's academy fakes its safeguarding checks"),
]

NOT_DEFAMATION = [
    (BOARD, "the council cut the youth music budget again, which is really disappointing"),
    (BOARD, "the lottery application process is slow and the form is a nightmare"),
    (BOARD, "the local paper reports that the former mayor was charged with fraud"),
    (BOARD, "I'm worried about the way one of the volunteers spoke to a child, who should I tell?"),
    (BOARD, "the shared drive backup is corrupt, can someone restore it"),
    (BOARD, "Gwen only made up the numbers in the quiz team but she got the winning answer"),
    (BOARD, "please pocket the float after the concert and bring it to the bank on Monday"),
    (BOARD, "I'll send our press release to the local paper about the summer concert"),
    (BAND, "Mo stole the show and absolutely robbed the crowd with that last chorus"),
    (BOARD, "what counts as defamation? we should know before we post reviews of venues"),
    (BAND, "Rosie is such a cheat at cards, she hides the aces up her sleeve"),
    (BOARD, "the whole funding system is corrupt if you ask me, small groups never win"),
]


@pytest.mark.parametrize("purpose,text", THREATS)
def test_harm_foretold_or_wished_on_someone_is_a_threat(findings, purpose, text):
    assert "threat" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", NOT_THREATS)
def test_injuries_reported_safety_music_sport_and_banter_are_not_threats(findings, purpose, text):
    assert "threat" not in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", DEFAMATION)
def test_corruption_dishonesty_or_danger_said_of_someone_is_defamation(findings, purpose, text):
    assert "threat" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", NOT_DEFAMATION)
def test_criticism_news_concerns_and_things_described_are_not_defamation(findings, purpose, text):
    assert "threat" not in findings(text, purpose=purpose)
