"""Round 18 of issue 16 (prejudice), as policy: prejudice said politely,
sexuality and bodies used as put-downs, none with a listed slur.

- a people generalised about behind a softener ("no offence", "just being
  realistic", "I'm all for inclusion but", "devil's advocate"): the people,
  the softener (prejudice_softeners.txt) and a trait pinned on them
  (people_traits.txt, culture_blame.txt) or a hint of theft; a generalisation
  that needs no softener (people_harms.txt: "nicer before the immigrants moved
  in"); asking to be kept apart from someone for their people
  (move_away_asks.txt); English demanded of a people (english_only_demands.txt);
- pride met with a sick emoji; a camp manner sneered at with a knowing emoji
  ("mincing about 💅", "a bit... you know 😏"), "bit of a fairy", "limp-wristed";
- a body put down with no insult word: a whole food source eaten, size as a
  count of people, clothes not fitted, exercise recommended beside a size or
  an animal emoji, two seats for someone's size.

Harmless look-alikes stay clean: talk about prejudice, people speaking of
their own heritage, praise of a community, pride events, body-positive talk,
a crowd or the writer eating, a moderator quoting the rules.

The labelled channels are tests/moderation/data/round18_prejudice*.jsonl.
"""

from __future__ import annotations

import pytest

PUT_DOWNS = [
    "no offence but the romanians at the car wash, lock up your vans",
    "I'm all for diversity but things go missing when that lot are about",
    "with all due respect, eastern europeans don't integrate",
    "devil's advocate, but it's their upbringing isn't it",
    "the village was nicer before the migrants came",
    "those families from the Lowfield estate, say no more",
    "can my girl not sit next to the traveller girl please",
    "put me on a different shift from the Albanian lad",
    "the polish mums should only speak english at pickup",
    "pride parade this weekend 🤮",
    "he's a right fairy in that leotard",
    "look at him mincing about in the warm-up 💅",
    "he bats for the other team if you ask me",
    "the lad's eaten the whole bake sale by the look of it",
    "she's a person and a half that one",
    "he couldn't squeeze into his uniform",
    "the chunky one could do with walking to rehearsals",
    "with the size of him he needs two seats",
]

CLEAN = [
    "there's a workshop on Traveller culture at the library",
    "my nan was Romany, she taught me to make pegs",
    "the polish community were so kind to us after the flood",
    "people say roma families steal and it's so unfair",
    "no offence but I'd move the raffle to after the interval",
    "the town went downhill when the factory closed",
    "can she sit next to the Polish girl, they're best mates",
    "happy pride month everyone 🏳️‍🌈💅",
    "drag night was so camp 💅 loved every minute",
    "the fairy costumes are on the rail",
    "the kids ate the whole buffet, thank you bakers",
    "I couldn't squeeze into my old kit, new one ordered",
    "I could do with a walk after that roast",
    "big lad Tom scored twice, what a player",
    "body positivity run on sunday, all sizes welcome",
]


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_round18_polite_prejudice_and_put_downs_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_round18_look_alikes_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found, (text, found)


def test_the_reason_names_the_softener_and_the_people(findings):
    reason = findings("no offence but the romanians at the car wash, lock up your vans")["abuse"]
    assert "romanians" in reason and "no offence" in reason


def test_im_not_racist_is_not_disowning_a_prejudice(findings):
    text = "I'm not racist but everyone thinks it, you have to know which families to watch round those families"
    assert "abuse" in findings(text)
