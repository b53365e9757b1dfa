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
