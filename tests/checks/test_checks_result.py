"""The shape of a check's result: findings, spans, messages, redaction."""

import pytest

from bot.checks import MESSAGES, CheckContext, Checker, Finding, Kind
from bot.checks.findings import OPTED_OUT_FULL_NAME_MESSAGE, PLACEHOLDERS, message_for

LEAKY_POST = (
    "Well done Amy Smith (Year 9 at Chosen Hill School)! Amy has epilepsy, so ring her mum on "
    "07700 900123 or email mum.smith@gmail.com. She lives at 12 Station Road, GL2 8AA, born on "
    "3 March 2012. Tom Jones was on drums in the photo. The Facebook password is Tr0ub4dor&3"
)


def test_every_kind_has_a_kind_british_message_and_a_placeholder():
    assert set(MESSAGES) == set(Kind) == set(PLACEHOLDERS)
    assert {str(kind) for kind in Kind} == {
        "phone", "email_address", "postal_address", "date_of_birth", "school",
        "full_name", "photo_consent", "bcc", "secret", "health",
    }
    for message in MESSAGES.values():
        assert message.endswith(".")
        assert "color" not in message and "organization" not in message


def test_a_leaky_post_has_one_finding_of_each_leak_sorted_by_position(check):
    result = check(LEAKY_POST)
    assert [(f.kind, f.text) for f in result.findings] == [
        ("full_name", "Amy Smith"),
        ("school", "Chosen Hill School"),
        ("health", "epilepsy"),
        ("phone", "07700 900123"),
        ("email_address", "mum.smith@gmail.com"),
        ("postal_address", "12 Station Road"),
        ("postal_address", "GL2 8AA"),
        ("date_of_birth", "3 March 2012"),
        ("photo_consent", "Tom Jones"),
        ("secret", "Tr0ub4dor&3"),
    ]
    starts = [f.start for f in result.findings]
    assert starts == sorted(starts)
    for finding in result.findings:
        assert LEAKY_POST[finding.start:finding.end] == finding.text
        assert finding.message == message_for(finding.kind, finding.text)
    # An opted-out child's full name is one finding whose reason says both things.
    assert [f.message for f in result.findings if f.kind == "photo_consent"] == [OPTED_OUT_FULL_NAME_MESSAGE]


def test_the_redacted_post_keeps_the_prose_and_drops_every_leak(check):
    redacted = check(LEAKY_POST).redacted
    assert redacted == (
        "Well done Amy [surname removed] (Year 9 at [school removed])! Amy has [health information removed], "
        "so ring her mum on [phone number removed] or email [email address removed]. She lives at "
        "[address removed], [address removed], born on [date of birth removed]. [name removed] was on "
        "drums in the photo. The Facebook password is [secret removed]"
    )
    assert Checker(CheckContext()).check(redacted).findings == []


def test_a_clean_post_has_no_findings_and_is_returned_unchanged(check):
    text = "Great gig last night! Amy, Ella and Sam were brilliant. Next session 10:30 Saturday, Room 4, £5."
    result = check(text)
    assert result.findings == []
    assert result.redacted == text
    assert result.clean


def test_findings_of_one_kind_never_overlap(check):
    # Both the token pattern and "token is ..." find this; it is one secret.
    result = check("the bot token is xoxb-1234567890-abcdefghijkl")
    assert [(f.kind, f.text) for f in result.findings] == [("secret", "xoxb-1234567890-abcdefghijkl")]


def test_overlapping_findings_of_different_kinds_redact_to_the_widest(check):
    draft = "To: a@gmail.com, b@gmail.com\nSubject: x\n\nbody"
    assert check(draft).redacted == "[recipients removed: put them in Bcc]\nSubject: x\n\nbody"


def test_finding_serialises_to_the_json_contract_shape():
    finding = Finding(Kind.PHONE, 3, 8, "01234", MESSAGES[Kind.PHONE])
    assert finding.to_dict() == {"kind": "phone", "start": 3, "end": 8, "text": "01234", "message": MESSAGES[Kind.PHONE]}


def test_counts_by_kind_carry_no_text(check):
    counts = check(LEAKY_POST).counts_by_kind()
    assert counts == {
        "full_name": 1, "school": 1, "health": 1, "phone": 1, "email_address": 1,
        "postal_address": 2, "date_of_birth": 1, "photo_consent": 1, "secret": 1,
    }


@pytest.mark.parametrize("text", ["", " ", "\n\n\t"])
def test_empty_text_is_fine(check, text):
    result = check(text)
    assert result.findings == []
    assert result.redacted == text


def test_non_text_is_refused(checker):
    with pytest.raises(TypeError):
        checker.check(b"bytes")  # type: ignore[arg-type]


def test_slack_markup_is_understood(check):
    text = "<@U024BE7LH> can you ask <!subteam^S012|@leaders> and see <#C0123|social-drafts>? <https://example.org/07700900123|link>"
    assert check(text).findings == []


def test_spans_are_code_point_offsets_with_emoji_and_other_scripts(check):
    text = "\U0001f3b8\U0001f3b6 Привет! 電話 07700 900123 \u2014 mail 张@example.com or jo@gmail.com \U0001f600"
    result = check(text)
    assert [f.text for f in result.findings] == ["07700 900123", "jo@gmail.com"]


# How long these take is measured in benchmarks/bench_long_texts.py, beside a bare scan.
def test_a_hundred_kilobyte_text_is_read_to_the_end(check):
    paragraph = (
        "Rehearsal notes: we start at 10:30 in Room 4, tickets £5, bus 94 from the station. "
        "Amy and Sam did a great job. Call 07700 900123 if late; email jo@gmail.com. "
    )
    text = paragraph * (100_000 // len(paragraph))
    result = check(text)
    assert len(result.findings) > 500
    assert result.findings[-1].text == "jo@gmail.com"
    assert result.findings[-1].end == len(text) - 2


def test_a_hundred_kilobytes_of_one_character_finds_nothing(check):
    for character in "a1 @<.:-'\n":
        assert check(character * 100_000).findings == [], repr(character)


def test_characters_whose_lower_case_is_longer_do_not_shift_spans(check):
    # "İ".lower() is two characters; the detectors that match lower-cased text must notice.
    text = "İİİ trip: Amy has epilepsy. She goes to Pate's Grammar"
    result = check(text)
    assert [(f.kind, f.text) for f in result.findings] == [("health", "epilepsy"), ("school", "Pate's Grammar")]
