"""Settings and word lists an organisation can extend."""

from __future__ import annotations

import pytest

from bot.moderation import ModerationConfig, RuleBook, WordListError, assess_text
from bot.moderation.wordlists import DATA_DIR, WordLists


def rules(text: str, rulebook: RuleBook) -> list[str]:
    return [f.rule for f in assess_text(text, rulebook=rulebook)]


def test_defaults_work_with_no_config(rulebook):
    assert rulebook.config == ModerationConfig()
    assert [r.name for r in rulebook.rules] == ["abuse", "threat", "solicitation", "illegal", "repetition", "off_topic"]


def test_extra_terms_add_to_a_list():
    extended = RuleBook(ModerationConfig(extra_terms={"profanity": ["blimmin"]}))
    assert rules("blimmin heck", extended) == ["abuse"]
    assert rules("b l i m m i n heck", extended) == ["abuse"]  # in disguise too


def test_removed_terms_take_from_a_list():
    relaxed = RuleBook(ModerationConfig(removed_terms={"profanity": ["bollocks"]}))
    assert rules("oh bollocks", relaxed) == []


def test_false_alarms_can_be_added_for_local_place_names():
    local = RuleBook(ModerationConfig(extra_terms={"profanity": ["*cock*"], "false_alarms": ["Cockington"]}))
    assert rules("gig in Cockington", local) == []
    assert rules("cockhead", local) == ["abuse"]


def test_an_extra_directory_extends_lists_and_pattern_files(tmp_path):
    (tmp_path / "political_parties.txt").write_text("# our area's local party\nrate payers alliance\n")
    (tmp_path / "illegal.patterns.txt").write_text("[Poaching]\npoach (the )?(salmon|deer)\n")
    extended = RuleBook(ModerationConfig(extra_wordlist_dir=tmp_path))
    assert rules("vote for the Rate Payers Alliance", extended) == ["solicitation"]
    assert [f.reason for f in assess_text("let's poach the salmon", rulebook=extended)] == ['Poaching ("poach the salmon").']
    # the built-in entries are still there
    assert rules("vote Labour", extended) == ["solicitation"]


def test_a_misspelt_extra_file_is_an_error_not_ignored(tmp_path):
    (tmp_path / "profanty.txt").write_text("blimmin\n")
    with pytest.raises(WordListError, match="profanty.txt"):
        RuleBook(ModerationConfig(extra_wordlist_dir=tmp_path))


def test_an_unknown_list_name_is_an_error():
    with pytest.raises(WordListError, match="swears"):
        RuleBook(ModerationConfig(extra_terms={"swears": ["x"]}))


def test_disabled_rules_are_not_run():
    quiet = RuleBook(ModerationConfig(enabled_rules=frozenset({"threat"})))
    assert rules("what the fuck, I'll kill you", quiet) == ["threat"]


def test_from_mapping_builds_a_config_and_rejects_typos(tmp_path):
    config = ModerationConfig.from_mapping(
        {
            "org_names": ["Sound Lab"],
            "extra_wordlist_dir": str(tmp_path),
            "extra_terms": {"profanity": ["blimmin"]},
            "repetition_window_seconds": 3600,
            "enabled_rules": ["abuse", "repetition"],
        }
    )
    assert config.org_names == ("Sound Lab",)
    assert config.extra_wordlist_dir == tmp_path
    assert config.enabled_rules == frozenset({"abuse", "repetition"})
    with pytest.raises(ValueError, match="repetiton_window"):
        ModerationConfig.from_mapping({"repetiton_window": 3})


@pytest.mark.parametrize(
    "bad",
    [
        {"repetition_window_seconds": 0},
        {"repetition_similarity": 1.5},
        {"off_topic_run_length": 0},
        {"enabled_rules": frozenset({"rudeness"})},
    ],
)
def test_nonsense_settings_are_refused(bad):
    with pytest.raises(ValueError):
        ModerationConfig(**bad)


def test_every_data_file_loads_and_has_entries():
    lists = WordLists()
    for path in DATA_DIR.glob("*.txt"):
        name = path.name.removesuffix(".txt")
        if name.endswith(".patterns"):
            assert lists.sections(name.removesuffix(".patterns")), path.name
        else:
            assert lists.entries(name), path.name


def test_mild_words_and_teasing_words_are_on_no_list_that_counts():
    lists = WordLists()
    counted = set(lists.entries("profanity")) | set(lists.entries("slurs")) | set(lists.entries("insults_hurtful"))
    for word in lists.entries("mild_words") + ("nerd", "geek", "dork", "muppet", "numpty", "plonker"):
        assert word not in counted, word
