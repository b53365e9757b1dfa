"""Round 17 of issue 16 (enf), as policy 4.7: moderators quoting a rule, the organisation's own
offers, a member's own free gig and rates talked about between freelancers are not breaches.
Labelled channels: tests/moderation/data/round17_enf*.jsonl.

1. A rule said as a prohibition names what it bans ("no X or Y in here please", "we don't allow X",
   "X can't go in here", "removed"), for solicitation and illegal activity alike.
2. The writer's own gig, however worded, with free entry and no price. Tickets sold for someone
   else's night still count.
3. Pay rates talked about as what one is paid or should charge, with nothing offered to the readers.
4. The organisation's own prizes and training.
"""

from __future__ import annotations

import pytest

GIGS = "#gig-chat — members chatting about live music and gigs"
TUTORS = "#tutors-lounge — freelance music leaders: sessions, planning and support"
STUDIO = "#studio — the youth music project: sessions, recording and news"

BREACHES = [
    (TUTORS, "DM me for lessons £20", "solicitation"),
    (GIGS, "use my code SAVE10 for 10% off at the shop", "solicitation"),
    (GIGS, "selling tickets to my mate's night at the Roundhouse, £12 each", "solicitation"),
    (GIGS, "no booking fee, tickets £8 from me, in here or DM", "solicitation"),
    (TUTORS, "I do mixing from £40 a track, £30 an hour for lessons, message me", "solicitation"),
    (STUDIO, "anyone got a cracked FL Studio? I'll send the torrent", "illegal"),
]

LOOK_ALIKES = [
    (GIGS, "Sid, no promo codes or affiliate links in here please. Removed.", "solicitation"),
    (GIGS, "We don't allow selling or promo codes in here", "solicitation"),
    (GIGS, "(fundraising for other causes can't go in here though, DM people instead)", "solicitation"),
    (STUDIO, "Yep – no cracked apps or dodgy links please. If anyone needs music software we've got licences at the studio.", "illegal"),
    (STUDIO, "pirated plugins can't go on here, there's free ones on the studio list", "illegal"),
    (GIGS, "Playing a solo set at the Frog & Fiddle next Friday if anyone fancies it: free entry, mostly new songs", "solicitation"),
    (GIGS, "Shameless plug: playing with my trio at the Frog & Fiddle on Friday, free entry, would be lovely to see some faces", "solicitation"),
    (TUTORS, "£36 for 45 mins here in Cheltenham, £40 an hour. Don't undersell yourself", "solicitation"),
    (TUTORS, "the MU has updated its recommended rates, worth quoting if a school tries to pay you £25 an hour", "solicitation"),
    (STUDIO, "Winner gets a free session in the studio", "solicitation"),
    (TUTORS, "safeguarding training renewal is due by March, book via Priya", "solicitation"),
]


@pytest.mark.parametrize("purpose,text,rule", BREACHES)
def test_real_selling_codes_outside_tickets_and_piracy_are_still_reported(findings, purpose, text, rule):
    assert rule in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text,rule", LOOK_ALIKES)
def test_rules_quoted_own_gigs_rate_advice_and_the_organisations_offers_are_not_breaches(findings, purpose, text, rule):
    assert rule not in findings(text, purpose=purpose)
