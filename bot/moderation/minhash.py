"""Near-duplicate detection over a sliding time window, in bounded memory.

A message is reduced to its *shingles*: its words and its pairs of adjacent
words ("come to my gig" -> come, to, my, gig, "come to", "to my", "my gig").
Two messages are near-duplicates when their shingle sets are alike enough
(Jaccard similarity: shared shingles / all shingles).

Comparing a new message with every message of the last 24 hours would cost
time in proportion to the channel's history. Instead each message gets a
*MinHash signature* of 16 values, two sets agreeing at each position with
probability equal to their Jaccard similarity. It is a one-permutation
MinHash, so each shingle is hashed once, not sixteen times: a shingle's
hash picks one of 16 bins and each bin keeps the smallest value that fell
into it (Li, Owen and Zhang, 2012); a bin nothing fell into borrows the
value of the next filled bin to its right (densification by rotation,
Shrivastava and Li, 2014).

The signature is cut into 8 *bands* of 2 values. Messages sharing a whole
band land in the same bucket of a dict (locality-sensitive hashing), so a
lookup reads eight buckets, not the history. A pair with similarity 0.6
shares a band about 97% of the time, 0.7 99.5%, 0.3 half the time; the
candidates sharing the most bands are then checked exactly, at most four.

Memory is bounded twice over: entries older than the window are evicted as
time moves on, and a channel never holds more than `max_entries`. Hashes are
BLAKE2 digests, the same in every process: an index can be saved and
restored across restarts, and no text is kept, only hashes.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import struct
from array import array
from collections import Counter, deque
from dataclasses import dataclass
from itertools import chain
from typing import Any, Iterable, Sequence

BANDS = 8
ROWS_PER_BAND = 2
SIGNATURE_SIZE = BANDS * ROWS_PER_BAND  # bins: a power of two
_BIN_MASK = SIGNATURE_SIZE - 1
_BIN_BITS = SIGNATURE_SIZE.bit_length() - 1
_VALUE_MASK = (1 << 56) - 1
_EMPTY = 1 << 64
# Added once per bin a value is borrowed across, so a borrowed value never
# equals a value of the bin's own (56-bit values + 15 steps fit 64 bits).
_ROTATION_STEP = 1 << 56
_SIGNATURE_FORMAT = f"<{SIGNATURE_SIZE}Q"
_SIGNATURE_BYTES = SIGNATURE_SIZE * 8
_BAND_BYTES = ROWS_PER_BAND * 8
# Shingle hashes kept per message for the exact check: all of them for any
# ordinary message; for a very long one, the smallest this many, which is a
# "bottom-k" sketch whose similarity estimates Jaccard well.
SKETCH_SIZE = 256
# A bucket only needs a few of the most recent messages in it to find a
# copy, so a message copied a thousand times costs no more than one copied
# twice.
_MAX_BUCKET = 16
# Candidates checked exactly per lookup, likeliest first. A true copy shares
# most bands and comes first; the rest share a band by chance.
_MAX_CHECKED = 4

_hash_cache: dict[str, int] = {}
_HASH_CACHE_LIMIT = 50_000


def shingle_hash(shingle: str) -> int:
    """A stable 64-bit hash of one shingle (cached: words repeat)."""
    value = _hash_cache.get(shingle)
    if value is None:
        if len(_hash_cache) >= _HASH_CACHE_LIMIT:
            _hash_cache.clear()  # crude, but flat: memory never grows past the limit
        digest = hashlib.blake2b(shingle.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        value = _hash_cache[shingle] = int.from_bytes(digest, "little")
    return value


def shingles(words: Sequence[str]) -> set[str]:
    """The words and adjacent pairs of words of a message."""
    result = set(words)
    result.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return result


def signature(hashes: Iterable[int]) -> list[int]:
    """The one-permutation MinHash signature of a set of shingle hashes."""
    bins = [_EMPTY] * SIGNATURE_SIZE
    for h in hashes:
        slot = h & _BIN_MASK
        value = (h >> _BIN_BITS) & _VALUE_MASK
        if value < bins[slot]:
            bins[slot] = value
    if _EMPTY in bins:
        own = bins[:]
        if own.count(_EMPTY) == SIGNATURE_SIZE:
            raise ValueError("a signature needs at least one shingle")
        for slot in range(SIGNATURE_SIZE):
            if own[slot] == _EMPTY:
                step = 1
                while own[(slot + step) & _BIN_MASK] == _EMPTY:
                    step += 1
                bins[slot] = own[(slot + step) & _BIN_MASK] + step * _ROTATION_STEP
    return bins


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the index keeps of a message: its signature, cut into the band
    keys it is filed under, and its shingle sketch."""

    band_keys: tuple[bytes, ...]  # band number + that band's values
    sketch: array  # sorted 64-bit shingle hashes (at most SKETCH_SIZE)

    @classmethod
    def of(cls, words: Sequence[str]) -> "Fingerprint":
        cached = _hash_cache.get  # most shingles were hashed before: look them up without a call
        hashes = [cached(s) or shingle_hash(s) for s in shingles(words)] or [shingle_hash("")]
        kept = sorted(hashes) if len(hashes) <= SKETCH_SIZE else heapq.nsmallest(SKETCH_SIZE, hashes)
        return cls.from_signature(struct.pack(_SIGNATURE_FORMAT, *signature(hashes)), array("Q", kept))

    @classmethod
    def from_signature(cls, packed: bytes, sketch: array) -> "Fingerprint":
        if len(packed) != _SIGNATURE_BYTES:
            raise ValueError("a signature of the wrong size")
        keys = tuple(bytes((band,)) + packed[band * _BAND_BYTES : (band + 1) * _BAND_BYTES] for band in range(BANDS))
        return cls(keys, sketch)

    @property
    def signature(self) -> bytes:
        return b"".join(key[1:] for key in self.band_keys)

    def similarity(self, other: "Fingerprint", mine: set[int] | None = None) -> float:
        """Jaccard similarity of the two shingle sets (estimated from the
        bottom-k sketches when a message had more than SKETCH_SIZE shingles).
        `mine` may pass set(self.sketch) in, when comparing with many others."""
        mine = set(self.sketch) if mine is None else mine
        theirs = set(other.sketch)
        if len(mine) < SKETCH_SIZE and len(theirs) < SKETCH_SIZE:
            union = len(mine | theirs)
            return len(mine & theirs) / union if union else 1.0
        smallest = heapq.nsmallest(SKETCH_SIZE, mine | theirs)
        return sum(1 for x in smallest if x in mine and x in theirs) / len(smallest)


@dataclass(frozen=True, slots=True)
class EarlierCopy:
    """The earlier message a new one repeats."""

    key: str
    time: float
    author: str
    similarity: float


class _Entry:
    __slots__ = ("time", "author", "fingerprint")

    def __init__(self, time: float, author: str, fingerprint: Fingerprint) -> None:
        self.time, self.author, self.fingerprint = time, author, fingerprint


class NearDuplicateIndex:
    """Messages of the last `window_seconds`, findable by near-duplicate."""

    def __init__(self, window_seconds: float, threshold: float, max_entries: int) -> None:
        self.window_seconds = window_seconds
        self.threshold = threshold
        self.max_entries = max_entries
        self._entries: dict[str, _Entry] = {}
        self._arrival: deque[tuple[float, str]] = deque()
        self._buckets: dict[bytes, list[str]] = {}
        self._newest = float("-inf")

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bucket_count(self) -> int:
        return len(self._buckets)

    def find_earlier(self, fingerprint: Fingerprint, time: float, key: str) -> EarlierCopy | None:
        """The most alike message posted less than the window before `time`
        (other than `key` itself), if one is alike enough."""
        buckets = self._buckets
        shared_bands = Counter(chain.from_iterable(buckets.get(k, ()) for k in fingerprint.band_keys))
        shared_bands.pop(key, None)
        if not shared_bands:
            return None
        # Sharing more bands means more alike, so the likeliest copies are
        # checked first and only a few are checked exactly: a message copied
        # a hundred times costs no more than one copied once.
        candidates = []
        for other_key, bands in shared_bands.most_common(2 * _MAX_CHECKED):
            entry = self._entries.get(other_key)
            if entry is not None and entry.time <= time and time - entry.time < self.window_seconds:
                candidates.append((-bands, entry.time, other_key, entry))
        candidates.sort()
        mine = set(fingerprint.sketch)
        best: EarlierCopy | None = None
        for _, entry_time, other_key, entry in candidates[:_MAX_CHECKED]:
            sizes = sorted((len(mine), len(entry.fingerprint.sketch)))
            if sizes[0] < self.threshold * sizes[1]:
                continue  # Jaccard can't exceed the ratio of the sizes
            similarity = fingerprint.similarity(entry.fingerprint, mine)
            # The most alike wins; among equals, the earliest (the original).
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = EarlierCopy(other_key, entry_time, entry.author, similarity)
        return best

    def add(self, key: str, time: float, author: str, fingerprint: Fingerprint) -> None:
        """Remember a message (replacing any earlier one with the same key)."""
        replaced = self._entries.get(key)
        self.remove(key)
        self._newest = max(self._newest, time)
        self._evict()
        if self._newest - time >= self.window_seconds:
            return  # arrived too late to matter to anything newer
        self._entries[key] = _Entry(time, author, fingerprint)
        if replaced is None or replaced.time != time:  # an edit keeps its place in the queue
            self._arrival.append((time, key))
        for band_key in fingerprint.band_keys:
            bucket = self._buckets.setdefault(band_key, [])
            bucket.append(key)
            if len(bucket) > _MAX_BUCKET:
                del bucket[0]
        while len(self._entries) > self.max_entries:
            self._pop_oldest()

    def remove(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return
        for band_key in entry.fingerprint.band_keys:
            bucket = self._buckets.get(band_key)
            if bucket is not None:
                try:
                    bucket.remove(key)
                except ValueError:
                    pass  # already pushed out of a full bucket
                if not bucket:
                    del self._buckets[band_key]

    def _evict(self) -> None:
        horizon = self._newest - self.window_seconds
        while self._arrival and self._arrival[0][0] <= horizon:
            self._pop_oldest()

    def _pop_oldest(self) -> None:
        time, key = self._arrival.popleft()
        entry = self._entries.get(key)
        if entry is not None and entry.time == time:
            self.remove(key)

    # -- saving and restoring -------------------------------------------------

    def export(self) -> list[list[Any]]:
        """JSON-ready entries, oldest first: [key, time, author, signature, sketch]."""
        rows = []
        for time, key in self._arrival:
            entry = self._entries.get(key)
            if entry is not None and entry.time == time:
                rows.append(
                    [
                        key,
                        time,
                        entry.author,
                        base64.b64encode(entry.fingerprint.signature).decode("ascii"),
                        base64.b64encode(entry.fingerprint.sketch.tobytes()).decode("ascii"),
                    ]
                )
        return rows

    def restore(self, rows: Iterable[Sequence[Any]]) -> None:
        """Replace the index's contents with exported rows."""
        self._entries.clear()
        self._arrival.clear()
        self._buckets.clear()
        self._newest = float("-inf")
        for key, time, author, signature, sketch in rows:
            ids = array("Q")
            ids.frombytes(base64.b64decode(sketch))
            fingerprint = Fingerprint.from_signature(base64.b64decode(signature), ids)
            self.add(str(key), float(time), str(author), fingerprint)
