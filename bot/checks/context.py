"""What the checker needs to know about the organisation, so that its own details pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.checks.roster import RosterIndex


@dataclass(frozen=True)
class CheckContext:
    """The organisation's public details and the participant roster.

    org_email_domains: addresses at these domains, or their subdomains, are the organisation's own
        and pass (e.g. "themusicworks.org.uk").
    org_phone_numbers: the organisation's public numbers, in any format; the same number written
        any other way passes too.
    org_addresses: public addresses that may be shared: the registered office, regular venues. Their
        postcodes and street lines pass.
    roster: participants, as keyed hashes; without it full_name, photo_consent and roster schools
        are not checked.
    region: where numbers without a country code are assumed to be (ISO 3166 code).
    """

    org_email_domains: Sequence[str] = ()
    org_phone_numbers: Sequence[str] = ()
    org_addresses: Sequence[str] = ()
    roster: RosterIndex | None = None
    region: str = "GB"
