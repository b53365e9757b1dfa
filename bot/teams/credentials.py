"""How the bot proves to Entra that it is itself when it asks for its token: a client secret
(TEAMS_APP_PASSWORD) or a certificate (TEAMS_APP_CERTIFICATE), exactly one of them.

With a certificate, the token request carries a client assertion in place of the secret: a short-lived
JWT the bot signs with the certificate's private key, as Microsoft's identity platform describes it
("Microsoft identity platform application authentication certificate credentials"): header `alg` PS256,
`typ` JWT and `x5t#S256` (the base64url SHA-256 thumbprint of the certificate's DER encoding); claims
`aud` (the token endpoint), `iss` and `sub` (the app id), `jti` (unique), `nbf`, `iat` and `exp` (a few
minutes on). Entra finds the certificate uploaded to the app registration by that thumbprint and checks
the signature with its public key.

The private key stays in this process: it is never logged, never shown in an error, and not in repr().
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.settings import FIXES, Settings, SettingsError

CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
# Microsoft asks for a short assertion: 5 to 10 minutes after nbf at most. Each token request signs a new one.
ASSERTION_LIFETIME = timedelta(minutes=5)
ASSERTION_ALGORITHM = "PS256"
_PRIVATE_KEY_BLOCK = re.compile(rb"-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----.+?-----END \1-----", re.S)


def thumbprint(certificate: x509.Certificate, algorithm: str = "sha256") -> str:
    """A certificate's thumbprint as JWT headers carry it: base64url (unpadded) of the hash of its DER."""
    der = certificate.public_bytes(serialization.Encoding.DER)
    return base64.urlsafe_b64encode(hashlib.new(algorithm, der).digest()).rstrip(b"=").decode()


@dataclass(frozen=True)
class CertificateCredential:
    """The bot's certificate and its private key, loaded from one PEM file."""

    certificate: x509.Certificate = field(repr=False)
    private_key: rsa.RSAPrivateKey = field(repr=False)

    def __repr__(self) -> str:  # never the key
        return f"CertificateCredential(x5t#S256={self.sha256_thumbprint!r})"

    @property
    def sha256_thumbprint(self) -> str:
        return thumbprint(self.certificate, "sha256")

    @classmethod
    def from_pem(cls, pem: bytes) -> CertificateCredential:
        """Raises ValueError with a short reason a person can act on (never the file's contents)."""
        try:
            certificates = x509.load_pem_x509_certificates(pem)
        except ValueError:
            raise ValueError("it holds no PEM certificate (-----BEGIN CERTIFICATE-----)") from None
        block = _PRIVATE_KEY_BLOCK.search(pem)
        if block is None:
            raise ValueError("it holds no PEM private key (-----BEGIN PRIVATE KEY-----)")
        try:
            private_key = serialization.load_pem_private_key(block.group(0), password=None)
        except TypeError:
            raise ValueError("its private key is encrypted; store it unencrypted, readable only by the bot") from None
        except ValueError:
            raise ValueError("its private key cannot be read") from None
        if not isinstance(private_key, rsa.RSAPrivateKey):
            raise ValueError("its private key is not an RSA key")
        mine = private_key.public_key().public_numbers()
        for certificate in certificates:
            public = certificate.public_key()
            if isinstance(public, rsa.RSAPublicKey) and public.public_numbers() == mine:
                return cls(certificate=certificate, private_key=private_key)
        raise ValueError("its certificate and its private key do not belong together")

    @classmethod
    def from_file(cls, path: Path) -> CertificateCredential:
        try:
            pem = path.read_bytes()
        except OSError as exc:
            raise ValueError(f"{path} cannot be read: {exc.strerror or type(exc).__name__}") from None
        return cls.from_pem(pem)

    def assertion(self, *, app_id: str, audience: str, now: datetime) -> str:
        """A new client assertion for one token request to `audience` (the token endpoint)."""
        moment = int(now.timestamp())
        claims = {"aud": audience, "iss": app_id, "sub": app_id, "jti": str(uuid.uuid4()),
                  "nbf": moment, "iat": moment, "exp": moment + int(ASSERTION_LIFETIME.total_seconds())}
        headers = {"typ": "JWT", "x5t#S256": self.sha256_thumbprint}
        return jwt.encode(claims, self.private_key, algorithm=ASSERTION_ALGORITHM, headers=headers)


def teams_sign_in(settings: Settings) -> str | CertificateCredential:
    """The bot's Teams credential from the settings: its client secret, or its certificate loaded and
    checked. Stops with one line naming the setting when neither or both are set, or the file is wrong."""
    settings.require_teams_sign_in()
    if settings.teams_app_certificate is None:
        return settings.secret("TEAMS_APP_PASSWORD")
    try:
        return CertificateCredential.from_file(settings.teams_app_certificate)
    except ValueError as exc:
        raise SettingsError(f"TEAMS_APP_CERTIFICATE is not right ({exc}): {FIXES['TEAMS_APP_CERTIFICATE']}.") from None
