"""Reading a platform's markup (Slack's here), text normalisation, and the phrase-pattern language."""

from __future__ import annotations

import pytest

from bot.moderation.patterns import PatternSet
from bot.moderation.text import Link, PreparedMessage, fold, read_text
from bot.moderation.wordlists import WordListError, WordLists
from bot.slack.inbound import SLACK_MARKUP


def test_mentions_become_a_placeholder_and_are_recorded():
    text, links, mentions, _ = read_text("hi <@U123> and <@U456|sam>", SLACK_MARKUP)
    assert text.split() == ["hi", "@mention", "and", "@mention"]
    assert mentions == ["U123", "U456"]
    assert links == []


def test_links_keep_label_and_address():
    message = PreparedMessage("see <https://example.com/a?b=1&amp;c=2|our new track> now", SLACK_MARKUP)
    assert message.text.split() == ["see", "our", "new", "track", "now"]
    assert message.links == [Link("https://example.com/a?b=1&c=2", "our new track")]
    assert message.links[0].host == "example.com"
    assert "example" in message.phrase_text  # the address's words are searched too


def test_unlabelled_links_are_not_conversation():
    message = PreparedMessage("<https://www.youtube.com/watch?v=xyz>", SLACK_MARKUP)
    assert message.tokens == []
    assert message.links[0].host == "youtube.com"


def test_bare_urls_are_links_too():
    message = PreparedMessage("look at https://pornhub.com/x.")
    assert [link.host for link in message.links] == ["pornhub.com"]


def test_channels_broadcasts_and_escapes():
    message = PreparedMessage("<!here> in <#C1|band-practice>: fish &amp; chips &lt;3 &gt; crisps", SLACK_MARKUP)
    assert "@mention" in message.tokens
    assert "#band-practice" in message.tokens
    assert "fish & chips <3 > crisps" in message.text


def test_plain_text_has_no_platform_markup_to_read():
    message = PreparedMessage("fish &amp; chips <3 at https://example.com")
    assert "fish &amp; chips <3" in message.text and message.mentions == []
    assert [link.host for link in message.links] == ["example.com"]


def test_emoji_shortcodes_are_set_aside():
    message = PreparedMessage("nice one :joy: :fire::skin-tone-2: 😂")
    assert message.tokens == ["nice", "one"]
    assert {":joy:", ":fire:", "😂"} <= message.emoji


@pytest.mark.parametrize(
    "raw, folded",
    [("FÜCK", "fuck"), ("ＢＡＮＤ", "band"), ("сlass", "class"), ("you’re", "you're"), ("f\u200bu\u00adck", "fuck")],
)
def test_folding_removes_what_a_reader_does_not_see(raw, folded):
    assert fold(raw) == folded


def test_phrase_text_marks_sentence_ends():
    assert PreparedMessage("Great gig! See you Friday.").phrase_text == "great gig . see you friday . "


def test_a_very_long_message_is_read_only_as_far_as_slack_allows():
    message = PreparedMessage("word " * 20_000)
    assert len(message.raw) == 40_000


# -- the pattern language ---------------------------------------------------------


@pytest.fixture
def pattern_dir(tmp_path):
    """A data directory with one word list and one pattern file to test with."""
    (tmp_path / "colours.txt").write_text("red\nlight blue\ngreen*\n")
    (tmp_path / "non_subjects.txt").write_text("i\nit\n")
    return tmp_path


def compile_one(pattern_dir, pattern: str) -> PatternSet:
    (pattern_dir / "test.patterns.txt").write_text(f"[Found]\n{pattern}\n")
    return PatternSet("test", WordLists(data_dir=pattern_dir))


def search(patterns: PatternSet, text: str) -> str | None:
    message = PreparedMessage(text, SLACK_MARKUP)
    found = patterns.first_matches(message.token_set, lambda section: message.phrase_text)
    return found[0].text if found else None


@pytest.mark.parametrize(
    "pattern, text, found",
    [
        ("paint it {colours}", "paint it light blue now", "paint it light blue"),
        ("paint it {colours}", "paint it greenish", "paint it greenish"),
        ("paint it {colours}", "paint it black", None),
        ("(big|small) (red )?bus", "a big bus", "big bus"),
        ("(big|small) (red )?bus", "a small red bus", "small red bus"),
        ("wait ... bus", "wait for the bus", "wait for the bus"),
        ("wait ... bus", "wait. bus", None),  # not across a sentence
        ("wait ... bus", "wait for the old red bus", None),  # more than three words
        ("costs <money>", "it costs £5", "costs £5"),
        ("costs <money>", "it costs 5 quid", "costs 5 quid"),
        ("costs <money>", "it costs five", None),
        ("hi <mention>", "hi <@U1>", "hi @mention"),
        ("<subject> is red", "it is red", None),
        ("<subject> is red", "sam is red", "sam is red"),
        ("red <end>", "it is red. ok", "red"),
        ("red <end>", "red bus", None),
        ("red !bus", "red bus", None),
        ("red !bus", "red car", "red"),
        ("bus", "busy", None),  # whole words only
        ("bus*", "busy", "busy"),
    ],
)
def test_pattern_language(pattern_dir, pattern, text, found):
    assert search(compile_one(pattern_dir, pattern), text) == found


@pytest.mark.parametrize("bad", ["(red", "red)", "{nonexistent}", "<colour>", "red?", "!"])
def test_bad_patterns_are_reported_with_their_file_and_line(pattern_dir, bad):
    with pytest.raises(WordListError, match=r"test\.patterns\.txt:1"):
        compile_one(pattern_dir, bad)
