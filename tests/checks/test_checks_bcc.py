"""Policy 5.5: "When sending emails to groups of people, we'll use the 'BCC' facility"."""

import pytest

GROUP_DRAFT = """To: amy.parent@gmail.com, tom.dad@yahoo.co.uk
Cc: jo@themusicworks.org.uk
Subject: Rehearsal moved

Hi all, rehearsal is now at 10:30 on Saturday.
"""


def test_a_draft_to_several_outside_addresses_is_a_bcc_finding(check):
    result = check(GROUP_DRAFT)
    [finding] = result.findings
    assert finding.kind == "bcc"
    assert finding.text == "To: amy.parent@gmail.com, tom.dad@yahoo.co.uk\nCc: jo@themusicworks.org.uk"
    assert result.redacted.startswith("[recipients removed: put them in Bcc]\nSubject: Rehearsal moved\n")


@pytest.mark.parametrize(
    "draft",
    [
        "To: a@gmail.com\nCc: b@gmail.com\nSubject: x\n\nbody",
        "From: jo@themusicworks.org.uk\nTo: a@gmail.com, b@hotmail.com\n\nbody",
        'To: "Amy\'s mum" <a@gmail.com>,\n  "Tom\'s dad" <b@gmail.com>\nSubject: x\n\nbody',
        "to: a@gmail.com; b@gmail.com\nsubject: lower-case headers\n\nbody",
        "To: <mailto:a@gmail.com|a@gmail.com>, <mailto:b@gmail.com|b@gmail.com>\nSubject: pasted into Slack\n\nbody",
        "\n\nTo: a@gmail.com, b@gmail.com\r\nSubject: Windows line endings\r\n\r\nbody",
        "```\nTo: a@gmail.com, b@gmail.com\nSubject: in a code block\n```",
        # A To line after a greeting still says where the email goes, with everyone's address on show.
        "Hi all,\nTo: a@gmail.com, b@gmail.com\nSubject: not at the start",
    ],
)
def test_several_outside_recipients_in_to_or_cc_are_found_however_written(found, draft):
    assert len(found(draft, "bcc")) == 1


@pytest.mark.parametrize(
    "draft",
    [
        "To: jo@themusicworks.org.uk\nBcc: a@gmail.com, b@gmail.com, c@gmail.com\nSubject: x\n\nbody",
        "To: a@gmail.com\nSubject: just one parent\n\nbody",
        "To: jo@themusicworks.org.uk, sam@themusicworks.org.uk\nSubject: team\n\nbody",
        "To: a@gmail.com, A@GMAIL.COM\nSubject: the same person twice\n\nbody",
        "To: everyone\nThe concert is on Friday",
        "Note: a@gmail.com and b@gmail.com both asked about Friday",
    ],
)
def test_recipients_only_in_bcc_one_outside_recipient_or_no_header_block_are_fine(found, draft):
    assert found(draft, "bcc") == []


def test_recipients_in_the_header_are_not_also_reported_as_email_addresses(found):
    draft = "To: jo@themusicworks.org.uk\nBcc: a@gmail.com, b@gmail.com\nSubject: x\n\nCall me: c@gmail.com"
    assert found(draft, "email_address") == ["c@gmail.com"]


@pytest.mark.parametrize(
    "draft",
    [
        "To: <<<>>>@@@,,,\nCc: \"unterminated\nSubject: x\n\nbody",
        "To: =?utf-8?q?broken?=\nFrom: ((((((\n\nbody",
        "To: " + "a" * 5000 + "\nSubject: x",
        "To:\nCc:\nSubject:\n",
        "To: a@gmail.com,\x00b@gmail.com\nSubject: nul\n",
        "To: (comment a@gmail.com, b@gmail.com\nSubject: unbalanced comment\n",
    ],
)
def test_malformed_headers_do_not_crash(check, draft):
    check(draft)


# Recipients given inline, not in a pasted header block: the run of addresses (with its label) is the
# finding, and its addresses are not reported again as email addresses.
@pytest.mark.parametrize(
    "text",
    [
        "I'm sending the rota to a@gmail.com, b@hotmail.com and c@yahoo.co.uk tonight",
        "Hi Grace, To: a@gmail.com, b@hotmail.com - have I missed anyone?",
        "cc'ing a@gmail.com and b@hotmail.com so they have the dates",
        "Recipients: a@gmail.com; b@hotmail.com\nHeading: social\n\nHi all",
        "Send to - a@gmail.com, b@hotmail.com",
        "Can you forward the consent form to these?\na@gmail.com\nb@hotmail.com",
        "a@gmail.com, b@hotmail.com\n\nDear all, the coach leaves at 8.",
        "To: Amy Lee <a@gmail.com>; Tom Dale <b@hotmail.com>\nsubj: coach",
        "Helpers' link: mailto:a@gmail.com,b@hotmail.com?subject=Raffle",
        "Forgot to bcc, so it went to a@gmail.com, b@hotmail.com",
    ],
)
def test_several_recipients_given_inline_are_a_bcc_finding_and_not_also_email_addresses(found, text):
    assert len(found(text, "bcc")) == 1
    assert found(text, "email_address") == []


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        # Said to be in Bcc: the fix, not a leak, and no address shown either.
        ("Done - bcc'd a@gmail.com and b@hotmail.com on the minibus email", []),
        ("I've put a@gmail.com and b@hotmail.com in bcc", []),
        ("Bcc list for tonight - a@gmail.com, b@hotmail.com", []),
        # A venue's mailbox and one person, or the team: not a group of people's addresses.
        ("I'll cc bookings@guildhall.org.uk and admin@themusicworks.org.uk on the hire form", []),
        ("Sending the invoice to a@gmail.com this afternoon", ["a@gmail.com"]),
        # Addresses given as contacts, not as where an email goes.
        ("Parents who still owe: a@gmail.com, b@hotmail.com", ["a@gmail.com", "b@hotmail.com"]),
        ("email a@gmail.com or b@hotmail.com for tickets", ["a@gmail.com", "b@hotmail.com"]),
    ],
)
def test_recipients_in_bcc_one_person_or_contacts_are_not_a_bcc_finding(found, text, addresses):
    assert found(text, "bcc") == []
    assert found(text, "email_address") == addresses


def test_send_to_is_a_verb_not_the_send_form_field(found):
    assert found("Send to: a@gmail.com, b@hotmail.com\n\nHi all, T-shirt sizes please", "health") == []
