"""The organisation's own public details, in the forms the detectors compare against."""

from __future__ import annotations

import re
from collections.abc import Iterable


class OrgDomains:
    """Is this email domain one of the organisation's, or a subdomain of one?"""

    def __init__(self, domains: Iterable[str]):
        cleaned = {d.strip().lower().lstrip("@").rstrip(".") for d in domains}
        self._domains = frozenset(d for d in cleaned if d)
        self._suffixes = tuple("." + d for d in self._domains)

    def __call__(self, domain: str) -> bool:
        domain = domain.lower().rstrip(".")
        return domain in self._domains or (bool(self._suffixes) and domain.endswith(self._suffixes))


# Domains kept for examples and tests (RFC 2606 and RFC 6761): "name@example.com" is nobody's.
_PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net", "example.co.uk", "example.uk")
_PLACEHOLDER_SUFFIXES = (".example", ".test", ".invalid", ".localhost")


class GenericMailboxes:
    """Is this address an organisation's mailbox (info@, noreply@, generic_mailboxes.txt) or a
    placeholder (name@example.com), rather than a person's?"""

    def __init__(self, local_parts: Iterable[str]):
        self._local_parts = frozenset(p.strip().lower() for p in local_parts if p.strip())

    def is_mailbox(self, address: str) -> bool:
        """An organisation's mailbox (info@, bookings@) or an address at a bare placeholder domain
        (name@example.com). "gemma.price@freelancers.example.co.uk" stands for a person at a made-up
        organisation, so a group email to several of them still shows people's addresses."""
        local, _, domain = address.rpartition("@")
        domain = domain.lower().rstrip(".")
        return domain in _PLACEHOLDER_DOMAINS or self._is_listed(local)

    def _is_listed(self, local: str) -> bool:
        # "box.office@", "box-office@" are the list's "box office" (round 12).
        local = local.lower()
        return local in self._local_parts or re.sub(r"[._-]+", " ", local) in self._local_parts

    def __call__(self, address: str) -> bool:
        local, _, domain = address.rpartition("@")
        domain = domain.lower().rstrip(".")
        if domain in _PLACEHOLDER_DOMAINS or domain.endswith(_PLACEHOLDER_SUFFIXES) or any(
                domain.endswith("." + d) for d in _PLACEHOLDER_DOMAINS):
            return True
        return self._is_listed(local)
