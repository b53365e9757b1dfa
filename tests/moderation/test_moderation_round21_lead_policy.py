"""Round 21 of issue 16 (the lead's changes), as policy: put-downs that fresh sets V-Z showed slipping.

- sexuality as a put-down with "gay" before the thing and an intensifier ("such gay lyrics"); a gay
  music night, a gay-friendly venue or a gay artist is a description;
- body-shaming by what someone is "too fat to wear" or be in.
"""

from __future__ import annotations

import pytest

PUT_DOWNS = [
    "ngl that's such gay lyrics bro",
    "this is well gay music 💀",
    "she's way too fat for that dress lol",
    "he's far too big to be wearing skinny jeans",
]

CLEAN = [
    "we're putting on a gay music night at the Guildhall in February",
    "is the venue gay friendly? a couple of our young people asked",
    "the hoodie is too big for him, can we swap it for a medium",
    "that kick is way too fat for this mix, thin it out",
    "she's a gay artist from Bristol and her set was amazing",
]


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_round21_put_downs_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_round21_look_alikes_stay_clean(findings, text):
    assert "abuse" not in findings(text), (text, findings(text))
