"""Details disguised with invisible characters, full-width forms or look-alike letters from other
scripts are found, reported at their place in the text as written, and redacted there."""

import pytest

ZWSP, ZWJ, SHY, WJ = "\u200b", "\u200d", "\u00ad", "\u2060"
CYR_A, CYR_O, CYR_E = "\u0430", "\u043e", "\u0435"  # а, о, е: Cyrillic letters that look Latin

# (label, text, kind, the finding's text as written)
DISGUISED = [
    ("zero-width space in a phone number", f"Call 07700{ZWSP}900123 tonight", "phone", f"07700{ZWSP}900123"),
    ("word joiners between digits", f"Call 0{WJ}7{WJ}7{WJ}00 900123", "phone", f"0{WJ}7{WJ}7{WJ}00 900123"),
    ("full-width digits", "Call \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13", "phone",
     "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13"),
    ("Cyrillic letters in an email address", f"Write to j{CYR_O}.bloggs@gm{CYR_A}il.com", "email_address",
     f"j{CYR_O}.bloggs@gm{CYR_A}il.com"),
    ("full-width at sign", "Write to jo.bloggs\uff20gmail.com", "email_address", "jo.bloggs\uff20gmail.com"),
    ("zero-width joiner in an email address", f"Write to jo{ZWJ}.bloggs@gmail.com", "email_address",
     f"jo{ZWJ}.bloggs@gmail.com"),
    ("soft hyphen in a surname", f"Well done Amy Smi{SHY}th!", "full_name", f"Amy Smi{SHY}th"),
    ("Cyrillic o in an opted-out participant's name", f"T{CYR_O}m J{CYR_O}nes on drums", "photo_consent",
     f"T{CYR_O}m J{CYR_O}nes"),
    ("Cyrillic capital letters in a name", "Well done \u0410my Smith!", "full_name", "\u0410my Smith"),
    ("full-width date of birth", "born on \uff10\uff13/\uff10\uff14/\uff12\uff10\uff11\uff12", "date_of_birth",
     "\uff10\uff13/\uff10\uff14/\uff12\uff10\uff11\uff12"),
    ("no-break spaces in a phone number", "Call 07700\u00a0900\u00a0123", "phone", "07700\u00a0900\u00a0123"),
]


@pytest.mark.parametrize(("label", "text", "kind", "shown"), DISGUISED, ids=[case[0] for case in DISGUISED])
def test_a_disguised_detail_is_found_where_it_was_written(check, label, text, kind, shown):
    findings = [f for f in check(text).findings if f.kind == kind]

    assert [f.text for f in findings] == [shown], label
    assert text[findings[0].start:findings[0].end] == shown


# (label, text): the same disguises with nothing behind them
CLEAN = [
    ("an emoji with a variation selector", "Great gig tonight \u2764\ufe0f see you Saturday"),
    ("a zero-width space between words", f"Rehearsal at{ZWSP} 10:30 in Room 4"),
    ("Cyrillic prose", "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430?"),
    ("full-width letters", "\uff29\uff4e\uff46\uff4f at the desk"),
    ("accents", "Caf\u00e9 open at 10:30, Zo\u00eb on keys"),
]


@pytest.mark.parametrize(("label", "text"), CLEAN, ids=[case[0] for case in CLEAN])
def test_disguises_alone_are_not_findings(check, label, text):
    assert check(text).findings == [], label
    assert check(text).redacted == text


def test_the_redacted_copy_removes_the_original_characters_and_keeps_the_rest_as_written():
    from checks_support import make_context

    from bot.checks import Checker

    text = f"\u2764\ufe0f Call 07700{ZWSP}900123 or write to j{CYR_O}@gm{CYR_A}il.com \u2014 Zo\u00eb & T{CYR_O}m Jones in the photo"
    result = Checker(make_context()).check(text)

    assert result.redacted == ("\u2764\ufe0f Call [phone number removed] or write to [email address removed] "
                               "\u2014 Zo\u00eb & [name removed] in the photo")


def test_a_slack_mailto_link_with_a_disguised_address_goes_whole(check):
    text = f"Write to <mailto:j{CYR_O}@gmail.com|j{CYR_O}@gmail.com> please"

    result = check(text)

    assert result.redacted == "Write to [email address removed] please"


def test_an_address_at_a_look_alike_of_the_organisations_domain_is_not_the_organisations(check):
    # The organisation's own addresses pass; one made to look like them is someone pretending.
    assert check("Write to info@themusicworks.org.uk").findings == []
    disguised = f"Write to info@themusicw{CYR_O}rks.org.uk"

    findings = check(disguised).findings

    assert [(f.kind, f.text) for f in findings] == [("email_address", f"info@themusicw{CYR_O}rks.org.uk")]


def test_a_hidden_character_in_the_organisations_domain_is_not_the_organisations(check):
    findings = check(f"Write to info@themusic{ZWSP}works.org.uk").findings

    assert [f.kind for f in findings] == ["email_address"]
