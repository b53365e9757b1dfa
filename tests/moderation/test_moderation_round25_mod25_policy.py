"""Round 25 of issue 16 (mod25), as policy 5.7 ("comments that threaten or defame any person or
organisation"; illegal activity; selling and promotion) and its enforcement by moderators.

Defamation in the writer's own voice with none of the words the rules knew before: the accused
named by a relative clause ("the woman who runs that ... is a fraudster" was already found; "the
guy behind it is a crook" now is), a bare verdict after what someone did ("..., total crook."),
money or a till robbed by someone, a record of an offence said of someone still trusted with
the same people, people's money taken and then a getaway, cheating people on purpose. Others
urged to damage a named person's property. Each is found beside a look-alike that stays clean:
the writer's own "I feel like a total crook", a song credit stolen, a conviction in the news,
a brick to hold a door, money taken for what it paid for.

A moderator's own removal that names the rule it enforces ("Removed. Saying ... is defamation",
"Pulled it. Promo codes ... break the group agreement") is not the breach it removes.
Labelled channels: tests/moderation/data/round25_mod25.jsonl.
"""

from __future__ import annotations

import pytest

CHAT = "#members-chat — Music Works members: sessions, kit and gigs"

ACCUSED = "Accuses someone of a crime or worse"
CHEATING = "Accuses someone of cheating people"
URGED_DAMAGE = "Urges damage to someone's property"

# (breach, the reason it starts with, a look-alike in the same words that stays clean)
ACCUSATIONS = [
    ("the fella behind that hire firm, the bloke who runs it is a fraudster",
     ACCUSED, "the fella behind that hire firm, the bloke who runs it is a legend"),
    ("Shaz charged us for a full day's hire then cut us off at lunch, she does that to every youth band, total crook.",
     ACCUSED, "I feel like a total crook charging my nan for a ticket"),
    ("that sound engineer swiped the tip jar off the bar on open mic night",
     ACCUSED, "Jordan swiped the spotlight on open mic night, what a voice"),
    ("the minibus driver got done for drink-driving in the summer and now they've given him the Saturday run again",
     ACCUSED, "the Gazette says a driver got done for drink-driving in Yate, and he's still appealing"),
    ("the organiser had £15 off every kid for wristbands and then legged it",
     CHEATING, "the organiser had £15 off every kid for wristbands, which paid for the stage"),
    ("the bar staff short-change the under-18s on purpose, every single gig",
     CHEATING, "the bar staff short-changed me by mistake and gave it back straight away"),
    ("who's up for putting a brick through the landlord's front window tonight",
     URGED_DAMAGE, "can someone put a brick against the landlord's front door, it keeps blowing shut"),
]

# A moderator removing a post and naming the rule: each was reported as the breach it removes.
REMOVALS = [
    ("threat", "Removed. Saying the treasurer is a crook without proof is defamation and isn't allowed here."),
    ("threat", "Hidden. 'I'll smash his face in' is a threat, full stop, and it's been passed to the safeguarding lead."),
    ("illegal", "Removed - fake IDs are illegal to sell or use and this has gone to the safeguarding lead."),
    ("solicitation", "Pulled it. Promo codes for your mate's clothing brand break the group agreement, sorry!"),
    ("solicitation", "Deleted. DM-me-for-£25-lessons posts aren't allowed in here please, would you like to run a "
                     "free taster session instead?"),
]


@pytest.mark.parametrize("breach,reason,look_alike", ACCUSATIONS)
def test_an_accusation_or_urged_damage_is_a_threat_and_its_look_alike_is_not(findings, breach, reason, look_alike):
    found = findings(breach, purpose=CHAT)
    assert found.get("threat", "").startswith(reason), found
    assert "threat" not in findings(look_alike, purpose=CHAT), look_alike


@pytest.mark.parametrize("rule,text", REMOVALS)
def test_a_moderators_removal_naming_the_rule_is_not_the_breach_it_removes(findings, rule, text):
    assert rule not in findings(text, purpose=CHAT), text


def test_a_removal_word_with_no_rule_named_removes_nothing(findings):
    # "Deleted." before a threat names no rule, so the threat after it is still reported.
    text = "Deleted. anyway someone should smash up Craig's car after what he said"
    assert findings(text, purpose=CHAT).get("threat", "").startswith(URGED_DAMAGE)


@pytest.mark.parametrize(
    "text",
    [
        "Gone. Jay is not allowed near my sister, I will stab him next time I see him",
        "Pulled it. Not allowed to post that. Anyway I know where you live and I'm going to hurt you",
    ],
)
def test_a_removal_naming_the_rule_still_answers_for_the_threat_it_goes_on_to_make(findings, text):
    # Review of round 25: only the notice and the rule it names are the moderator's; what follows is read.
    assert "threat" in findings(text, purpose=CHAT), text
