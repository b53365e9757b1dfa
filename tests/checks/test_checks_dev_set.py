"""The checker's score on its own labelled development set stays at or above the floor measured when
the rules were last changed (minus a margin): a rule change that breaks a class of text fails here.

The cases are tests/checks/data/dev_cases.jsonl, scored as benchmarks/score_checker.py scores them
(the example organisation file and roster; span overlap, kinds agreeing per kind). The holdout set
beside it is deliberately not used here: it measures rules that were never tuned on it.
"""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Measured on the dev set (368 labelled leaks) after the issue 16 rule changes: recall 0.978, precision
# 0.994 overall; per kind recall 0.933 (school) and up.
RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.95
# Per kind, a looser floor: the classes the issue names must each keep working.
KIND_RECALL_FLOOR = 0.90
# An opted-out child's first name alone is only a finding beside photos or publicity (measured 0.923).
PHOTO_CONSENT_PRECISION_FLOOR = 0.85


def _score_checker():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("score_checker", ROOT / "benchmarks" / "score_checker.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_checker"] = module
    spec.loader.exec_module(module)
    return module


def test_the_dev_set_scores_at_or_above_its_floor():
    scorer = _score_checker()
    from bot.checks import Checker

    cases = scorer.load_cases(scorer.DEV_CASES)
    predictions = scorer.predict(Checker(scorer.example_context()), cases)
    scores = scorer.scores(cases, predictions)
    overall = scores["overall"]
    assert overall.recall >= RECALL_FLOOR, scorer.report(cases, predictions)
    assert overall.precision >= PRECISION_FLOOR, scorer.report(cases, predictions)
    for kind in ("date_of_birth", "full_name", "school", "secret", "health", "email_address"):
        assert scores[kind].recall >= KIND_RECALL_FLOOR, (kind, scorer.report(cases, predictions))
    assert scores["photo_consent"].precision >= PHOTO_CONSENT_PRECISION_FLOOR, scorer.report(cases, predictions)
