"""Policy 4.1 and 5.5: no personal email addresses; use TMW email accounts to contact people."""

import pytest


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("email jo.bloggs@gmail.com for the lyrics", "jo.bloggs@gmail.com"),
        ("Contact: amy_smith99@hotmail.co.uk.", "amy_smith99@hotmail.co.uk"),
        ("(sam+band@yahoo.com)", "sam+band@yahoo.com"),
        ("Her mum is on MUM.JONES@OUTLOOK.COM", "MUM.JONES@OUTLOOK.COM"),
        ("write to priya@partner-charity.org, she'll reply", "priya@partner-charity.org"),
        ("musicworks fans: fan@themusicworks.org.uk.evil.com", "fan@themusicworks.org.uk.evil.com"),
        ("lookalike: jo@notthemusicworks.org.uk", "jo@notthemusicworks.org.uk"),
    ],
)
def test_personal_email_addresses_are_found(found, text, address):
    assert found(text, "email_address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Questions? info@themusicworks.org.uk",
        "Email INFO@TheMusicWorks.org.uk",
        "our projects team: projects@mail.themusicworks.org.uk",
        "<mailto:info@themusicworks.org.uk|info@themusicworks.org.uk>",
        "Follow us @themusicworks on Instagram",
        "Tickets at www.themusicworks.org.uk/tickets",
        "thanks <@U024BE7LH> for the set list",
        "meet @ 10:30 by the stage",
    ],
)
def test_the_organisations_own_addresses_and_handles_are_fine(found, text):
    assert found(text, "email_address") == []


def test_a_slack_mailto_link_is_an_email_address_and_the_whole_link_is_redacted(check):
    text = "email <mailto:jo@gmail.com|jo@gmail.com> please"
    result = check(text)
    [finding] = result.findings
    assert finding.kind == "email_address"
    assert (finding.start, finding.end) == (text.index("jo@"), text.index("jo@") + len("jo@gmail.com"))
    assert result.redacted == "email [email address removed] please"


def test_a_mailto_link_with_a_different_label_is_still_found(found):
    assert found("<mailto:jo@gmail.com?subject=Hi|email Jo>", "email_address") == ["jo@gmail.com"]


def test_an_address_inside_a_url_is_not_reported_as_an_email(found):
    assert found("https://example.org/share?to=jo@gmail.com", "email_address") == []


def test_text_from_outside_a_chat_platform_has_no_markup_to_read(checker):
    # The command line checks plain text: "<mailto:...>" there is what it says, an address in brackets.
    text = "email <mailto:jo@gmail.com|jo@gmail.com> please"
    assert [f.text for f in checker.check(text).findings] == ["jo@gmail.com", "jo@gmail.com"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("her address is amelia.c(@)gmail(.)com", "amelia.c(@)gmail(.)com"),
        ("email danny [@] gmail [.] com for the rota", "danny [@] gmail [.] com"),
        ("best to email her, it's jess.okoro at gmail", "jess.okoro at gmail"),
        ("my email is maisie.w2011 at hotmail", "maisie.w2011 at hotmail"),
    ],
)
def test_an_address_with_its_signs_in_brackets_or_its_domain_left_off_is_found(found, text, address):
    assert found(text, "email_address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Book at eventbrite dot co dot uk, search 'TMW showcase'",
        "Tickets are on sale at roses dot co dot uk and on the door",
        "For the hall, try bookings at kingswayhall dot co dot uk",
        "meet jo at 7.30 at live lounge",
    ],
)
def test_a_website_or_a_venues_mailbox_spelt_out_is_not_a_personal_address(found, text):
    assert found(text, "email_address") == []
