"""Round 22 (issue 16), policy 4.1: a door or key-safe code given in a sentence about the door is a
secret even when the sentence ends right after it; a decimal is not a code."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Keys are in the safe by the fire exit, code 7351.", "7351"),
        ("For Saturday: the side gate sticks, code 9046. Lights are on the left.", "9046"),
    ],
)
def test_a_code_ending_its_sentence_is_still_a_secret(found, text, code):
    assert found(text, "secret") == [code]


def test_a_decimal_after_the_word_code_is_not_a_code(found):
    assert found("The door is heavy, code 2614.5 in the building regs says so", "secret") == []
