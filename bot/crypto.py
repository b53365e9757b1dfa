"""Encryption of sensitive fields at rest, and keyed hashes for values we must match but never store.

One key (TMW_DATA_KEY, a Fernet key) protects everything. Sub-keys for hashing are derived from it
with HKDF, so a hash made for one purpose cannot be compared with one made for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# 64 bits: plenty to tell two keys apart, and a one-way hash of the key under itself, so the key
# cannot be worked back from it.
FINGERPRINT_LENGTH = 16


class DecryptionError(Exception):
    """A stored value could not be decrypted: most often TMW_DATA_KEY was changed."""


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


def is_valid_key(key: str) -> bool:
    try:
        Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return False
    return True


class DataCipher:
    def __init__(self, key: str) -> None:
        self._key = key.encode("ascii")
        self._fernet = Fernet(self._key)

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise DecryptionError(
                "A stored value could not be decrypted. Has TMW_DATA_KEY changed since it was written?"
            ) from exc

    def encrypt_json(self, value: Any) -> str:
        return self.encrypt(json.dumps(value, separators=(",", ":"), sort_keys=True))

    def decrypt_json(self, token: str) -> Any:
        return json.loads(self.decrypt(token))

    def hashing_key(self, purpose: str) -> bytes:
        """A stable sub-key for keyed hashes (HMAC) used for one purpose only."""
        raw = base64.urlsafe_b64decode(self._key)
        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=f"tmw-bot:{purpose}".encode()
        ).derive(raw)

    def keyed_hash(self, purpose: str, value: str) -> str:
        return hmac.new(self.hashing_key(purpose), value.encode("utf-8"), hashlib.sha256).hexdigest()

    def fingerprint(self) -> str:
        """Names this key without revealing it: a keyed hash of a fixed label, cut short. The database
        keeps it, so a process started with a different key is stopped before it writes anything."""
        return self.keyed_hash("fingerprint", "TMW_DATA_KEY")[:FINGERPRINT_LENGTH]
