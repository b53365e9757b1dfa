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

    def __init__(self, local_parts: Iterable[str], role_words: Iterable[str] = (), first_names: Iterable[str] = (),
                 providers: Iterable[str] = ()):
        self._local_parts = frozenset(p.strip().lower() for p in local_parts if p.strip())
        # Round 14: "grants.team@", "hub.admin@", "accountspayable@" are desks too (mailbox_role_words.txt).
        self._roles = frozenset(w for w in self._local_parts if " " not in w and "-" not in w and "_" not in w)
        self._joining = frozenset(w.strip().lower() for w in role_words if w.strip())
        self._first_names = frozenset(n.strip().lower() for n in first_names if n.strip())
        self._providers = frozenset(p.strip().lower() for p in providers if p.strip())

    def is_mailbox(self, address: str) -> bool:
        """An organisation's mailbox (info@, bookings@) or an address at a bare placeholder domain
        (name@example.com). "gemma.price@freelancers.example.co.uk" stands for a person at a made-up
        organisation, so a group email to several of them still shows people's addresses."""
        local, _, domain = address.rpartition("@")
        domain = domain.lower().rstrip(".")
        return domain in _PLACEHOLDER_DOMAINS or self._is_listed(local) or self._is_role(local, domain)

    def _is_listed(self, local: str) -> bool:
        # "box.office@", "box-office@" are the list's "box office" (round 12).
        local = local.lower()
        return local in self._local_parts or re.sub(r"[._-]+", " ", local) in self._local_parts

    def _is_role(self, local: str, domain: str) -> bool:
        """A local part made of role words, at least one of them a mailbox's ("grants.team",
        "hub.admin", "accountspayable", "schooloffice"), at an organisation's own domain. Never at an
        email provider's ("hannah.bell.music@gmail.com"), nor with a first name, an initial or a name
        run into digits in it ("amy.office@", "j.finance@", "tom82.admin@")."""
        if not self._roles or domain.split(".")[0] in self._providers:
            return False
        parts = [p for p in re.split(r"[._+-]+", local.lower()) if p]
        if not parts or len(parts) > 4:
            return False
        has_role = False
        for part in parts:
            if part.isdigit():
                continue
            if part not in self._roles and (len(part) == 1 or part in self._first_names or not part.isalpha()):
                return False
            words = self._segment(part)
            if words is None:
                return False
            has_role = has_role or any(w in self._roles for w in words)
        return has_role

    def _segment(self, part: str, depth: int = 0) -> list[str] | None:
        """"accountspayable" -> ["accounts", "payable"]: the part as up to three known words run together."""
        if part in self._roles or part in self._joining:
            return [part]
        if depth >= 2:
            return None
        for cut in range(len(part) - 2, 1, -1):
            head = part[:cut]
            if head in self._roles or head in self._joining:
                rest = self._segment(part[cut:], depth + 1)
                if rest is not None:
                    return [head, *rest]
        return None

    def __call__(self, address: str) -> bool:
        local, _, domain = address.rpartition("@")
        domain = domain.lower().rstrip(".")
        if domain in _PLACEHOLDER_DOMAINS or domain.endswith(_PLACEHOLDER_SUFFIXES) or any(
                domain.endswith("." + d) for d in _PLACEHOLDER_DOMAINS):
            return True
        return self._is_listed(local) or self._is_role(local, domain)
