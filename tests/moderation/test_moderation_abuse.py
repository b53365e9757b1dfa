"""Abuse: swearing, slurs, insults, body-shaming, hate and bad links."""

from __future__ import annotations

import pytest

from bot.moderation import assess_text

SWEARING = [
    "your mixes are dogshit",
    "what the fuck",
    "FUCK this",
    "that was fucking amazing",  # praise still counts
    "this tune is the shit, absolute fire",
    "\"Sorry Not Sorry\" goes: why you fuckin' with me",  # quoted lyrics still count
    "you absolute wanker",
    "he's such a twat",
    "stop being a dickhead",
    "oh bollocks, I forgot my capo",
    "shut up you bastard",
    "what a bellend",
    "bullshit, that's not the chord",
    "you cunt",
    "motherfucker stole my pick",
    "fuckin hell mate",
    "clusterfuck of a rehearsal",
]

DISGUISED = [
    ("f u c k", "f u c k"),
    ("f.u.c.k that", "f.u.c.k"),
    ("f-u-c-k off", "f-u-c-k"),
    ("sh1t", "sh1t"),
    ("$hit", "$hit"),
    ("sh!t happens", "sh!t"),
    ("f*ck", None),
    ("f**k", "f**k"),
    ("f***ing hell", "f***ing"),
    ("what the f*** is this", "f***"),
    ("motherf**ker", "motherf**ker"),
    ("fuuuuuck", "fuuuuuck"),
    ("shiiiiit", "shiiiiit"),
    ("b1tch", "b1tch"),
    ("c u n t", "c u n t"),
    ("ƒüсk", None),  # look-alike letters from other scripts
    ("fück", None),
    ("f\u200buck", None),  # a zero-width space inside
    ("ＦＵＣＫ", None),  # full-width letters
    ("*fuck*", None),  # Slack bold
    ("phuck", None),
    ("fvck", None),
]

MILD = [
    "bloody hell that was loud",
    "omg ffs the bus is late again",
    "wtf is this time signature",
    "can't be arsed to practise scales",
    "damn that riff is good",
    "oh crap I left my lead at home",
    "what the hell",
    "sod it, let's go from the top",
    "I'm so pissed off with my amp",
    "feck, missed the bus",
]

SCUNTHORPE = [
    "you jumped up on stage like a pro",
    "no one wants to hear you if you don't warm up",
    "do everyone a favour and bring snacks",
    "We're playing Scunthorpe on Saturday",
    "The train goes through Penistone",
    "I need to assess the mix",
    "my assessment is on Friday",
    "music class was great today",
    "classic rock night",
    "cocktail bar gig",
    "Sussex, Essex and Middlesex",
    "gig in Cockermouth",
    "bass player wanted",
    "pass me the grapes",
    "my therapist says music helps",
    "spectral analysis of the track",
    "what a cock-up, we started in the wrong key",
    "reading Moby Dick for English",
    "a chink of light in the clouds",
    "spic and span studio",
    "Homo sapiens evolved to sing",
    "graduated summa cum laude",
    "the Wankel engine",
    "snigger",
    "Shitterton is a real village in Dorset",
    "the bass is so fat on this mix",
    "the chords are C D E F G A B",
    "E A D G B E tuning",
    "I got an A* in music",
]

SLURS = [
    "you're such a retard",
    "shut up you spaz",
    "n1gger",
    "that faggot",
    "p a k i",
    "f4ggot",
    "you tranny",
]

INSULTS = [
    "you're pathetic",
    "you are so pathetic",
    "youre worthless",
    "you're a waste of space",
    "<@U123> is pathetic",
    "he's disgusting",
    "nobody likes you",
    "everyone hates you",
    "you're an idiot",  # milder insults count without a friendly marker
    "you are so stupid",
    "shut up you loser",
    "you're pathetic lol",  # hurtful ones count even with a lol
    # Put-downs without an insult word.
    "no one wants to hear you do the high bit again",
    "do everyone a favour and stop singing",
    "oh get over yourself Leah",
    "you jumped up little dictator",
    "you're a waste of a studio slot",
]

BODY_SHAMING = [
    "you are so fat",
    "you're so ugly",
    "you're a fat pig",
    "she's fat",
    "<@U42> is so ugly",
    "your face is ugly",
    "you look like a whale",
]

IDENTITY_AS_INSULT = [
    "that's so gay",
    "thats gay",
    "you're so gay",
    "you're so autistic",
    "you sing like a girl",
    "stop being such a girl",
    "go back to your own country",
]

HATE = [
    "I hate muslims",
    "immigrants are all criminals",
    "jews are scum",
    "gas the jews",
]

SELF_HARM = [
    "kys",
    "k y s",
    "just kys",
    "go kill yourself",
    "kill urself",
    "go die",
    "I hope you die",
    "nobody would miss you",
]

TEASING_AND_FRIENDLY = [
    "you're such a nerd lol",  # decided: teasing words are not insults
    "you're such a nerd",
    "you're a muppet",
    "you absolute numpty haha",
    "you're an idiot lol",  # a mild insult said in jest
    "you're so stupid 😂",
    "omg you're such a dork :joy:",
    "you're mad, that solo was insane",
    "you're a legend",
    "you're a genius",
    "that was sick",
    "you smashed it",
]

IDENTITY_INNOCENT = [
    "I'm gay and proud",
    "my brother is autistic",
    "it's autistic people who get left out",
    "Pride month playlist: gay icons of disco",
    "she is a girl who plays drums brilliantly",
    "the girls' choir sounded amazing",
    "lesbian and gay history month gig",
    "we need more women in music",
]

AIMED_ABBREVIATIONS = [
    "stfu",
    "stfu <@U123>",
    "<@U123> stfu",
    "stfu you",
    "gtfo",
    "gtfo of here you",
]

UNAIMED_ABBREVIATIONS = [
    "stfu this is amazing i can't believe we got the gig",
    "omg",
    "wtf was that key change, brilliant",
    "ffs the printer again",
]

BAD_LINKS = [
    "<https://www.pornhub.com/view_video.php?viewkey=1|funny video>",
    "<https://example.com/nsfw/clip|lol>",
    "<https://example.com/clip|nsfw lol>",
    "<https://bestgore.fun/x>",
    "<https://example.com/watch|beheading video>",
    "check this https://xhamster.com/videos/123",
    "<https://site.xxx/clip|click>",
    "<https://fuckthis.example.com|site>",
]

GOOD_LINKS = [
    "<https://www.youtube.com/watch?v=abc|our gig video>",
    "<https://en.wikipedia.org/wiki/Al_Gore|Al Gore>",
    "<https://soundcloud.com/tmw/new-track|new track>",
    "<https://www.sussex.ac.uk/music|Sussex music course>",
]


@pytest.mark.parametrize("text", SWEARING)
def test_strong_swearing_counts_anywhere(findings, text):
    assert "profanity" in findings(text)["abuse"].lower()


@pytest.mark.parametrize("text, shown", DISGUISED)
def test_disguised_swearing_counts(findings, text, shown):
    reason = findings(text)["abuse"]
    assert reason.startswith("Profanity") or reason.startswith("Slur")
    if shown is not None:
        assert f'disguised as "{shown}"' in reason


def test_reason_masks_the_word_and_shows_the_disguise(findings):
    assert findings("f u c k")["abuse"] == 'Profanity ("f*ck", disguised as "f u c k").'
    assert findings("sh1t")["abuse"] == 'Profanity ("sh*t", disguised as "sh1t").'


@pytest.mark.parametrize("text", MILD + SCUNTHORPE)
def test_mild_words_and_scunthorpe_words_do_not_count(findings, text):
    assert "abuse" not in findings(text)


@pytest.mark.parametrize("text", SLURS)
def test_slurs_count_and_are_never_shown_unmasked(findings, rulebook, text):
    reason = findings(text)["abuse"]
    assert reason.startswith("Slur")
    slurs = set(rulebook.word_lists.entries("slurs"))
    quoted = [part for part in reason.split('"')[1::2]]
    for word in quoted:
        assert word.strip("*") == "" or word[1:].strip("*") == "", f"{word!r} is not masked"
        assert word.lower() not in slurs


@pytest.mark.parametrize("text", INSULTS)
def test_insults_aimed_at_a_person_count(findings, text):
    assert findings(text)["abuse"].startswith("Insult aimed at a person")


@pytest.mark.parametrize("text", BODY_SHAMING)
def test_body_shaming_counts(findings, text):
    assert findings(text)["abuse"].startswith("Body-shaming")


@pytest.mark.parametrize("text", IDENTITY_AS_INSULT)
def test_identity_used_as_an_insult_counts(findings, text):
    assert findings(text)["abuse"].startswith("Identity used as an insult")


@pytest.mark.parametrize("text", HATE)
def test_hateful_generalisations_count(findings, text):
    assert "abuse" in findings(text)


@pytest.mark.parametrize("text", SELF_HARM)
def test_telling_someone_to_harm_themselves_counts(findings, text):
    assert findings(text)["abuse"].startswith("Tells someone to harm themselves")


@pytest.mark.parametrize("text", TEASING_AND_FRIENDLY + IDENTITY_INNOCENT)
def test_teasing_praise_and_identities_do_not_count(findings, text):
    assert "abuse" not in findings(text)


@pytest.mark.parametrize("text", AIMED_ABBREVIATIONS)
def test_abbreviations_aimed_at_a_person_count(findings, text):
    assert findings(text)["abuse"].startswith("Abbreviation aimed at a person")


@pytest.mark.parametrize("text", UNAIMED_ABBREVIATIONS)
def test_exclamations_aimed_at_no_one_do_not_count(findings, text):
    assert "abuse" not in findings(text)


@pytest.mark.parametrize("text", BAD_LINKS)
def test_links_to_porn_or_gore_count_by_text_or_address(findings, text):
    reason = findings(text)["abuse"]
    assert "link to pornographic or violent content" in reason.lower() or "profanity" in reason.lower()


@pytest.mark.parametrize("text", GOOD_LINKS)
def test_ordinary_links_do_not_count(findings, text):
    assert "abuse" not in findings(text)


def test_several_kinds_of_abuse_share_one_reason_line(findings):
    reason = findings("you're pathetic, fuck off you retard")["abuse"]
    assert reason.startswith("Slur")
    assert "insult aimed at a person" in reason
    assert "profanity" in reason
    assert "\n" not in reason


def test_quoted_insults_are_masked_in_the_reason(findings):
    reason = findings("you're a fucking pathetic loser")["abuse"]
    assert "fucking" not in reason


@pytest.mark.parametrize("text", ["ur beats r gay af", "that chorus sounds so gay lol"])
def test_a_thing_called_gay_to_mean_bad_is_abuse(text):
    assert [f.rule for f in assess_text(text)] == ["abuse"]


@pytest.mark.parametrize("text", ["my sister's band is gay and proud", "the song is about being gay in a small town"])
def test_talking_about_being_gay_is_not_abuse(text):
    assert not [f for f in assess_text(text) if f.rule == "abuse"]
