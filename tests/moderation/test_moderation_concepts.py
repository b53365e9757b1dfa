"""Concept rules (*.concepts.txt): ideas that together make a breach, whatever the words."""

from __future__ import annotations

import pytest

from bot.moderation import ModerationConfig, RuleBook, WordListError, assess_text


def findings(text: str, rulebook: RuleBook | None = None) -> dict[str, str]:
    return {f.rule: f.reason for f in assess_text(text, rulebook=rulebook)}


def test_drinking_and_driving_in_new_words_is_reported_with_the_words_found():
    reason = findings("had a few ciders at the quiz but I'll still take the car home after")["illegal"]
    assert '"had a few"' in reason and '"take the car"' in reason


def test_each_concept_must_be_in_the_same_sentence():
    assert findings("I had a few ciders at the quiz. Ellie is taking the car home") == {}


def test_a_negated_concept_does_not_count():
    assert findings("I haven't got a licence so I can't drive the van, can someone else?") == {}


def test_an_exception_list_undoes_a_concept_rule():
    assert "illegal" in findings("me and Kai sprayed our tag on the bus shelter")
    assert findings("tag the venue in your Instagram post about the van please") == {}


def test_an_organisation_extends_a_concept_list():
    # A local word for the van ("the bus" is already listed): add it, and the same rule reads it.
    assert "illegal" not in findings("had a few pints, fine to take the charabanc")
    local = RuleBook(ModerationConfig(extra_terms={"driving": ["take the charabanc"]}))
    assert "illegal" in findings("had a few pints, fine to take the charabanc", local)


def test_an_organisation_adds_its_own_concept_rule(tmp_path):
    (tmp_path / "illegal.concepts.txt").write_text("[Fireworks in the park]\n{nitrous} + {public_property}\n", encoding="utf-8")
    local = RuleBook(ModerationConfig(extra_wordlist_dir=tmp_path))
    assert findings("the canisters are by the bench", local)["illegal"] == 'Fireworks in the park ("canisters" ... "bench").'


def test_a_malformed_concept_line_is_an_error(tmp_path):
    (tmp_path / "illegal.concepts.txt").write_text("[Bad]\n{nitrous}\n", encoding="utf-8")
    with pytest.raises(WordListError):
        RuleBook(ModerationConfig(extra_wordlist_dir=tmp_path))


def test_a_veiled_threat_can_span_the_message():
    assert "threat" in findings("whoever snitched on Dev, I know it was you. Watch your back on the way home")


def test_a_slur_a_leader_reports_in_quotes_is_not_used_but_one_used_is():
    assert findings("a junior called another kid 'spaz' at break, I stopped it and logged it on the incident form") == {}
    assert "abuse" in findings("stop being such a spaz, I stopped it myself")
