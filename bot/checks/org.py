"""The organisation's own public details, in the forms the detectors compare against."""

from __future__ import annotations

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
