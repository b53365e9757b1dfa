"""Reading a message's meaning, for breaches the word lists miss (issue 16).

The meaning model reports a message for a content rule only when no rule has,
only when the message is long enough to be read that way, and always says
which words weighed most.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pytest

from bot.moderation import ModerationConfig, RuleBook, assess_text
from bot.moderation.labelled import labels_of, load_channels
from bot.moderation.meaning import (
    HEADS_FILE,
    MIN_WORDS,
    MODEL_DIR,
    TOKENIZER_FILE,
    VECTORS_FILE,
    Head,
    MeaningModelError,
    MeaningReader,
    MessageVectors,
    WordBag,
    _word_spans,
)
from bot.moderation.meaning_build import LABELLED_DIR, labelled_files
from bot.moderation.rules.base import MessageUnderReview

VEILED_THREAT = "everyone knows what you did at the party so maybe think twice before you open your mouth in rehearsal again"
FAKE_ID_FOR_A_CLUB = "bring your fake ones for the club after the gig, the bouncers never look properly at them anyway"


def rules_alone(text: str) -> set[str]:
    return {f.rule for f in assess_text(text, rulebook=RuleBook(ModerationConfig(read_meaning=False)))}


@pytest.mark.parametrize(
    ("text", "rule"),
    [(VEILED_THREAT, "threat"), (FAKE_ID_FOR_A_CLUB, "illegal")],
)
def test_a_breach_in_words_no_rule_lists_is_reported_by_its_meaning(findings, text, rule):
    assert rules_alone(text) == set()
    reason = findings(text)[rule]
    assert reason.startswith("Reads as ")
    assert "words that weighed most" in reason


def test_the_reason_quotes_words_from_the_message():
    reason = assess_text(VEILED_THREAT)[0].reason
    quoted = reason.split("weighed most: ")[1].rstrip(").").split(", ")
    assert quoted and all(word.strip('"') in VEILED_THREAT for word in quoted)


@pytest.mark.parametrize(
    "text",
    [
        "Rehearsal moves to the big room on Thursday because the drum kit is being fixed, same time as usual",
        "Great session everyone, the harmonies in the second chorus were lovely and the new bass line really works",
        "Just a reminder that the bar at the venue is over 18s only and staff will ask for ID, thanks for understanding",
    ],
)
def test_ordinary_long_messages_are_not_reported(findings, text):
    assert findings(text) == {}


def test_short_messages_are_left_to_the_rules():
    # Read alone, these short look-alikes score high; the mean of a few words cannot tell teasing or a
    # member's own sale from a breach, so the model does not judge them.
    vectors = MessageVectors()
    reader = MeaningReader.load(["abuse", "threat", "solicitation", "illegal"])
    short = ["see you there", "you're such a nerd lol", "selling my old guitar, £50 ono, DM me"]
    assert any(max(reader.scores(text).values()) >= 0.5 for text in short)
    for text in short:
        assert len(text.split()) < MIN_WORDS
        assert reader.assess(MessageUnderReview(text)) is None
    assert vectors.dimensions == reader.vectors.dimensions


def test_the_organisations_own_appeals_are_not_selling_by_meaning(findings):
    # Policy 5.7 is about other organisations' solicitations: the meaning model keeps that exception too.
    assert findings("We're doing a charity gig for TMW next month, tickets are £5, bring your friends and family") == {}


def test_a_rule_speaks_first_with_its_own_reason(findings):
    found = findings("keep running your mouth about me in the group chat and see what happens to you on the way home")
    assert found == {"threat": 'Veiled threat ("and see what happens to you").'}


def test_the_organisation_can_switch_it_off():
    assert assess_text(VEILED_THREAT, config=ModerationConfig(read_meaning=False)) == []
    assert ModerationConfig.from_mapping({"read_meaning": False}).read_meaning is False
    with pytest.raises(ValueError, match="read_meaning must be true or false"):
        ModerationConfig.from_mapping({"read_meaning": "sometimes"})


def test_it_speaks_only_for_enabled_rules():
    config = ModerationConfig(enabled_rules=frozenset({"abuse", "solicitation", "repetition", "off_topic"}))
    assert assess_text(VEILED_THREAT, config=config) == []


def test_quoted_words_are_masked_like_the_rules_quotes():
    vectors = MessageVectors()
    text = "this whole rehearsal was a total shambles and the drummer is a complete plonker every single week"
    ids, _ = vectors.pieces(text)
    # A head that weighs "plonker" alone, so it is the word the reason must quote, masked.
    plonker = vectors.pieces("plonker")[0]
    weights = np.asarray(vectors.table[plonker].astype(np.float32).mean(axis=0))
    head = Head("abuse", weights / np.linalg.norm(weights) * 50, bias=0.0, threshold=0.5)
    reader = MeaningReader(vectors, [head], mask_text=lambda word: word[:1] + "*" * (len(word) - 1))
    finding = reader.assess(MessageUnderReview(text))
    assert finding is not None and finding.rule == "abuse"
    assert '"p******"' in finding.reason
    assert "plonker" not in finding.reason
    assert len(ids) >= MIN_WORDS


def test_word_pieces_are_quoted_as_whole_words():
    vectors = MessageVectors()
    text = "they were kicking off unbelievably"
    _, offsets = vectors.pieces(text)
    words = {text[start:end] for start, end in _word_spans(text, offsets)}
    assert words == {"they", "were", "kicking", "off", "unbelievably"}


def test_heads_trained_on_other_vectors_are_refused(tmp_path):
    for name in (VECTORS_FILE, TOKENIZER_FILE, HEADS_FILE):
        shutil.copyfile(MODEL_DIR / name, tmp_path / name)
    table = np.load(tmp_path / VECTORS_FILE)
    table[0, 0] += 1
    np.save(tmp_path / VECTORS_FILE, table)
    with pytest.raises(MeaningModelError, match="trained on other vectors"):
        MeaningReader.load(["threat"], model_dir=tmp_path)


def test_missing_files_are_named(tmp_path):
    with pytest.raises(MeaningModelError, match="could not be loaded"):
        MeaningReader.load(["threat"], model_dir=tmp_path)


def test_without_its_files_moderation_goes_on_with_the_rules_and_says_so(tmp_path, caplog):
    rulebook = RuleBook(meaning_dir=tmp_path)
    assert rulebook.meaning is None
    assert "moderation goes on with the rules alone" in caplog.text
    assert str(tmp_path) in caplog.text
    assert [f.rule for f in assess_text("I'll find where you live", rulebook=rulebook)] == ["threat"]
    assert assess_text(VEILED_THREAT, rulebook=rulebook) == []


def test_the_heads_were_trained_on_the_labelled_channels_as_they_are_now():
    """Change a labelled channel file and this fails until the heads are retrained:
    python -m bot.moderation.meaning_build --heads"""
    heads = json.loads((MODEL_DIR / HEADS_FILE).read_text(encoding="utf-8"))
    root = LABELLED_DIR.parents[2]
    now = {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()[:16] for path in labelled_files()}
    assert heads["trained_on"] == now
    messages = sum(len(channel.messages) for path in labelled_files() for channel in load_channels(path))
    assert heads["messages"] == messages
    for rule, head in heads["heads"].items():
        examples = sum(
            rule in labels_of(message) for path in labelled_files() for channel in load_channels(path) for message in channel.messages
        )
        assert head["positives"] == examples
        assert 0.5 <= head["threshold"] < 1


def test_the_organisation_file_turns_it_off():
    from pathlib import Path

    from bot.moderation_queue.settings import moderation_config
    from bot.org import parse_org_text

    example = (Path(__file__).resolve().parents[2] / "examples" / "org.yml").read_text(encoding="utf-8")
    assert moderation_config(parse_org_text(example)).read_meaning is True
    off = parse_org_text(example + "\nsettings:\n  moderation:\n    read_meaning: false\n")
    assert moderation_config(off).read_meaning is False


def test_the_model_is_read_as_it_was_trained():
    # heads.json keeps a few labelled messages with the scores scikit-learn gave them when the heads
    # were trained; meaning.py reads the same model with its own word bag and no scikit-learn.
    samples = json.loads((MODEL_DIR / HEADS_FILE).read_text(encoding="utf-8"))["samples"]
    reader = MeaningReader.load(["abuse", "threat", "solicitation", "illegal"])
    assert len(samples) >= 10
    for sample in samples:
        assert reader.scores(sample["text"]) == pytest.approx(sample["scores"], abs=1e-3)


def test_the_word_bag_weighs_words_and_pairs_as_tf_idf():
    bag = WordBag(["hand", "hand it", "it", "over"], np.array([1.0, 2.0, 1.5, 3.0], dtype=np.float32))
    indices, values = bag.features("Hand it over. HAND it back")
    # "hand" twice (1 + ln 2), "hand it" twice, "it" twice, "over" once; "it back" and "back" are unknown.
    expected = {0: (1 + np.log(2)) * 1.0, 1: (1 + np.log(2)) * 2.0, 2: (1 + np.log(2)) * 1.5, 3: 3.0}
    norm = np.linalg.norm(list(expected.values()))
    assert dict(zip(indices, values.tolist(), strict=True)) == pytest.approx({i: v / norm for i, v in expected.items()})
    assert bag.where("Hand it over. HAND it back")[1] == [((0, 4), (5, 7)), ((14, 18), (19, 21))]


def test_a_word_bag_that_does_not_fit_its_heads_is_refused(tmp_path):
    for name in (VECTORS_FILE, TOKENIZER_FILE, HEADS_FILE):
        shutil.copyfile(MODEL_DIR / name, tmp_path / name)
    heads = json.loads((tmp_path / HEADS_FILE).read_text(encoding="utf-8"))
    heads["word_bag"]["terms"].append("one term too many")
    heads["word_bag"]["idf"].append(1.0)
    (tmp_path / HEADS_FILE).write_text(json.dumps(heads), encoding="utf-8")
    with pytest.raises(MeaningModelError, match="term weights for"):
        MeaningReader.load(["threat"], model_dir=tmp_path)
