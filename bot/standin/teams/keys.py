"""The stand-in's own signing key: it signs the tokens the stand-in issues, and it is published as a JWK
at the stand-in's OpenID keys endpoint, as Bot Framework publishes its keys."""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    @classmethod
    def generate(cls) -> SigningKey:
        private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "api.botframework.com stand-in")])
        now = datetime.datetime.now(datetime.UTC)
        certificate = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private_key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30)).sign(private_key, hashes.SHA256())
        )
        return cls(kid=secrets.token_urlsafe(12), private_key=private_key, certificate=certificate)

    def sign(self, claims: dict[str, Any], *, kid: str | None = None) -> str:
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": kid or self.kid})

    def jwk(self, endorsements: list[str]) -> dict[str, Any]:
        """The key as Bot Framework publishes it: RSA modulus and exponent, its certificate, and the
        channels (msteams) whose activities it may sign."""
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key()))
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        thumbprint = base64.urlsafe_b64encode(hashlib.sha1(der).digest()).rstrip(b"=").decode()
        return {**public, "kid": self.kid, "use": "sig", "x5t": thumbprint,
                "x5c": [base64.b64encode(der).decode()], "endorsements": endorsements}
