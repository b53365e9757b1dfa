"""What the checker needs to know about the organisation, so that its own details pass."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

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
    org_people: names of the organisation's own people (staff, trustees, volunteers, as in the
        organisation file): their full names are not a young person's.
    extra_terms: entries to add to the checker's word lists, by list name (bot/checks/data).
    org_projects: the names (and aliases) of the organisation's projects, as in the organisation file
        ("Audio-Base", "Beat It"): a quotation credited to "Alfie Rowntree, Audio-Base" is a participant's.
    today: the date "how long ago" is measured from (a birth year is a child's, not a composer's);
        None means the real date.
    """

    org_email_domains: Sequence[str] = ()
    org_phone_numbers: Sequence[str] = ()
    org_addresses: Sequence[str] = ()
    roster: RosterIndex | None = None
    region: str = "GB"
    org_people: Sequence[str] = ()
    extra_terms: Mapping[str, Sequence[str]] = field(default_factory=dict)
    org_projects: Sequence[str] = ()
    today: date | None = None

    def current_year(self) -> int:
        return (self.today or date.today()).year
