"""Property tests: whatever the text, the checker does not raise and its spans index the text."""

from checks_support import make_context
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checks import Checker, Kind
from bot.checks.findings import precedence

CHECKER = Checker(make_context())

# Pieces that exercise every detector and the Slack markup, to be glued together at random.
FRAGMENTS = [
    "07700 900123", "+44 7700 900 123", "(01452) 123456", "01452 300400", "<tel:+447700900123|07700 900123>",
    "jo@gmail.com", "<mailto:jo@gmail.com|jo@gmail.com>", "info@themusicworks.org.uk", "<@U024BE7LH>",
    "<#C0123|general>", "<!here>", "<https://example.org/a?b=1|link>", "https://example.org/07700900123",
    "12 Station Road", "GL1 1AA", "gl6 0pp", "Flat 3, 4 High St", "born on 3 March 2012", "DOB: 03/03/2012",
    "her birthday is 5th May, she turns 14", "Jake from Ribston Hall High School", "she goes to Pate's Grammar",
    "Amy Smith's", "AMY SMITH", "Tom Jones", "Tom", "Ella", "Mary-Jane O'Neil", "Zoë Brontë",
    "To: a@gmail.com, b@gmail.com\n", "Cc: c@yahoo.com\n", "Subject: hi\n", "\n\n",
    "password is hunter2", "pw: Xy7!", "xoxb-1234567890-abcdefghij", "the login is bob / P@ssw0rd1",
    "Amy has epilepsy", "Tom (ADHD)", "his autism", "mental health awareness week",
    "10:30", "7.30pm", "£12.50", "2026", "Room 101", "TMW-2026-0042", "order #123456",
    "\U0001f3b8", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "Привет", "電話", "مرحبا", "\u0301", "\r\n",
    "<", ">", "|", "&lt;", "&amp;", "'", "\u2019", "-", "@", ":", ".", "(", ")", "\x00", "\ufeff",
]

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=500),
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8), st.sampled_from([" ", ", ", "\n", ""])),
        max_size=40,
    ).map("".join),
)


def assert_well_formed(text: str) -> None:
    result = CHECKER.check(text)
    previous_start = -1
    last_end_by_kind: dict[str, int] = {}
    seen_spans = set()
    for finding in result.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
        assert finding.kind in set(Kind)
        assert finding.start >= previous_start, "findings are sorted by start"
        previous_start = finding.start
        assert finding.start >= last_end_by_kind.get(finding.kind, 0), "same-kind findings never overlap"
        last_end_by_kind[finding.kind] = finding.end
        assert (finding.start, finding.end) not in seen_spans, "one finding per span"
        seen_spans.add((finding.start, finding.end))
    assert isinstance(result.redacted, str)
    if not result.findings:
        assert result.redacted == text
    # Redaction removes what was found: a secret written once does not survive into the redacted text.
    for finding in result.findings:
        if finding.kind == Kind.SECRET and len(finding.text) >= 6 and text.count(finding.text) == 1:
            assert finding.text not in result.redacted


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_checker_never_raises_and_spans_index_the_original_text(text):
    assert_well_formed(text)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=50, max_size=50), st.integers(min_value=0, max_value=10_000))
def test_a_hundred_kilobytes_of_mixed_fragments_is_handled(fragments, seed):
    unit = " ".join(fragments[seed % 50:] + fragments[: seed % 50]) + "\n"
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert_well_formed(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_checking_twice_gives_the_same_result(text):
    assert CHECKER.check(text) == CHECKER.check(text)


def test_precedence_orders_every_kind():
    assert sorted(Kind, key=precedence)[0] == Kind.SECRET
    assert precedence(Kind.PHOTO_CONSENT) < precedence(Kind.FULL_NAME)
