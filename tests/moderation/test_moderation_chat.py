"""A day of ordinary young musicians' chat raises nothing; a mixed bag of
breaches is each caught by the right rule (a regression net for the word
lists: add real false alarms and misses here as moderators report them)."""

from __future__ import annotations

import pytest

PURPOSE = "#band-practice — rehearsal times, setlists and gear for the Friday band"

ORDINARY_CHAT = [
    "Rehearsal is at 6 tonight, don't forget your music stands",
    'Anyone got a spare 9V battery for my pedal?',
    'That gig was absolutely sick last night, you smashed it',
    'The bass on that track is so fat',
    'Killed it!! proud of you all',
    "I'm dying, that video is hilarious",
    'Can we go over the bridge again on Friday?',
    'my voice cracked on the high note lol so embarrassing',
    "Who's bringing snacks for the session?",
    'This beat slaps, who produced it?',
    'I need to practise my scales, my teacher will kill me',
    'What time does the bus leave for the festival?',
    'The venue said doors open at 7, free for under 18s with a TMW wristband',
    "My mum says I can't come on Thursday, sorry guys",
    'Can someone send me the lyrics for the second verse',
    "I'm so nervous for the showcase honestly",
    "Don't be late or Sam will kill us haha",
    "You're a legend for sorting the PA",
    'That drop goes so hard',
    'The drummer stole the show tbh',
    'Absolutely destroyed that solo, well done Priya',
    "I'm gonna murder this exam tomorrow",
    'Is it ok if I bring my little brother to watch?',
    'The trumpet part is killing my lips',
    'We need more people for the choir, tell your friends!',
    "What's the wifi password at the studio?",
    "lol you're such a nerd for knowing all the chord names",
    "Can't wait for the summer project, it's going to be amazing",
    "Can we get pizza after rehearsal? I'll collect money, £3 each",
    'I got a new capo, it was only a fiver',
    'Who wants to do a cover of Back to Black?',
    'Remember to fill in the consent form for the trip',
    'Big thanks to the Guildhall for letting us use the space',
    'The sound engineer was a genius tonight',
    'Our single is out on Friday, please stream it!',
    'Vote for your favourite song for the setlist in the thread',
    'What did everyone think of the new Stormzy album?',
    'Anyone want to come to the Gloucester Guildhall gig on Saturday?',
    "I'm knackered after that session",
    'The mic keeps cutting out, I think the cable is dodgy',
    'Lol I totally forgot the words halfway through',
    'That was mental, the crowd went wild',
    "I'm addicted to this song",
    "The lyrics are about the history of drugs in jazz, it's deep",
    "We're doing a charity gig for TMW next month, tickets are £5",
    'My dad can give people lifts back if they need',
    "I can't believe we won the battle of the bands!!!",
    'The DJ set was fire, I was buzzing',
    'She was a thief in the film we watched for drama',
    "Is Josh coming? He said he'd bring the keyboard",
    'The new mixing desk is class',
    'Dead excited for tomorrow',
    'Ugh my phone died during the recording',
    'We should shoot the music video at the skate park',
    'The bass player from the other band was amazing',
    'My ears are still ringing from the gig',
    'Hand in your lyrics by Monday please',
    "I'm buzzing for the open mic, who's in?",
    "The PA got knocked over, but it's fine now",
    'I hate it when the strings go out of tune',
]

BREACHES = [
    ("you're a waste of space honestly", 'abuse'),
    ('go jump off a bridge', 'abuse'),
    ("I swear I'll batter you after school", 'threat'),
    ('ur so ugly no wonder nobody likes you', 'abuse'),
    ('shut up you fat cow', 'abuse'),
    ("if you come to rehearsal again I'll smash your face in", 'threat'),
    ('Josh is a drug dealer everyone knows', 'threat'),
    ('the youth club manager is stealing money from the charity', 'threat'),
    ("vote tory, they'll sort it out", 'solicitation'),
    ('follow my insta and use code MUSIC15 for 15% off at checkout', 'solicitation'),
    ('sponsor me for my Duke of Edinburgh expedition, money goes to Oxfam', 'solicitation'),
    ('who wants to split an eighth of weed', 'illegal'),
    ('does anyone know a dealer round here', 'illegal'),
    ('ket is better than weed tbh, anyone got some', 'illegal'),
    ("let's get wasted and drive to the beach", 'illegal'),
    ('my cousin can get us a fake ID', 'illegal'),
    ("I've got a cracked copy of Logic Pro, anyone want it", 'illegal'),
    ("let's jump the barriers at the station, no one checks", 'illegal'),
    ("he's such a spastic", 'abuse'),
    ("that's so retarded", 'abuse'),
    ('fk off', 'abuse'),
    ("you're a c*nt", 'abuse'),
    ('kill yourself', 'abuse'),
]


@pytest.mark.parametrize("text", ORDINARY_CHAT)
def test_ordinary_chat_breaks_no_rule(findings, text):
    assert findings(text, purpose=PURPOSE) == {}


@pytest.mark.parametrize("text, rule", BREACHES)
def test_each_breach_is_caught_by_its_rule(findings, text, rule):
    assert rule in findings(text, purpose=PURPOSE)
