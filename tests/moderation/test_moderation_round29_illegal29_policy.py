"""Round 29 of issue 16 (illegal29), as policy 5.7: "comments that suggest or encourage illegal
activity". Labelled channels: tests/moderation/data/round29_illegal29*.jsonl.

1. An act told of, not done, offered or urged: the news, a police appeal, a fine or an arrest
   already handed out, a story's character or plot, an interview or history retold, someone
   else's past habit. The writer's own part in it ("I", "we", "let's", "hmu", a plan) still counts.
2. Getting into a closed place without leave, at a time nobody is there, is breaking in.
"""

from __future__ import annotations

import pytest

CLUB = "#youth-club — Music Works youth club: sessions, trips and chat"
WRITING = "#songwriting — Music Works songwriting circle: lyrics, drafts and feedback"
HISTORY = "#heritage-project — Music Works oral history project: interviews, archive and the podcast"
STUDIO = "#producers — Music Works young producers: beats, feedback and studio bookings"

TOLD_OF = [
    (CLUB, "some lads smashed the windows of the bus stop by the park, the police are appealing for witnesses"),
    (CLUB, "the off licence on the high street got fined for selling vapes to year 10s"),
    (WRITING, "in the second verse the narrator says he's got a shank on him, it's a character, not me"),
    (WRITING, "the film where the two brothers keep a machete under the bed was so tense"),
    (HISTORY, "my uncle used to smoke weed every weekend in the 90s, now he runs a recovery group"),
    (HISTORY, "in the interview she talks about shoplifting food for her little brothers"),
]

STILL_BREACHES = [
    (CLUB, "let's smash the windows of the bus stop tonight, police never come round here"),
    (WRITING, "I've got a shank on me at all times, the song's about my real life"),
    (HISTORY, "we used to smoke weed behind the hall, let's do it again after session"),
    (CLUB, "my cousin got arrested for it but I'll still sell you a few pills saturday"),
]

BREAKING_IN = [
    (STUDIO, "I know the code for the back door, we can let ourselves in after hours and use the booth"),
    (CLUB, "let's sneak into the hall when nobody's there and use the drum kit"),
]


@pytest.mark.parametrize("purpose,text", TOLD_OF)
def test_an_act_told_as_news_a_penalty_a_plot_or_history_is_not_suggesting_it(findings, purpose, text):
    assert "illegal" not in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", STILL_BREACHES)
def test_the_writers_own_act_or_offer_is_still_reported_beside_a_story(findings, purpose, text):
    assert "illegal" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", BREAKING_IN)
def test_getting_into_a_closed_place_when_nobody_is_there_is_breaking_in(findings, purpose, text):
    assert "illegal" in findings(text, purpose=purpose)
