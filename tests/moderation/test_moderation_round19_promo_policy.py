"""Round 19 of issue 16 (promo), as policy 5.7 (solicitation).

Solicitation:
1. A member's own paid release or merch pushed for sale: their own shop or sales page
   ("my bandcamp", "my depop", "my site") with a code, a discount or a deadline
   ("before they go", "while it lasts").
2. Outside giveaways and prize draws entered by following, liking or sharing, or said outright
   ("for a chance to win", "to be entered into a draw", "enter to win").
3. Side hustles and paid services offered to the group; 4. money schemes ("join my team").
Kept clean: a member's own free music, the organisation's own raffle said as "our show raffle"
in a channel about the show, a shop recommended to someone asking where to buy, pay-rate and
invoice talk, a moderator quoting the no-selling rule.
Labelled channels: tests/moderation/data/round19_promo*.jsonl.
"""

from __future__ import annotations

import pytest

PRODUCERS = "#producers — Music Works young producers: beats, feedback on mixes and studio bookings"
PARENTS = "#dance-parents — Music Works dance parents: lifts, costumes, show dates and fees"
TUTORS = "#tutors — freelance music tutors: sessions, planning, invoices and support"

BREACHES = [
    (PRODUCERS, "new beat tape just dropped on my bandcamp, grab it with code SPRING15 before the weekend"),
    (PRODUCERS, "limited run of cassettes on my site, only 50 made, get em before they go"),
    (PARENTS, "hoodies back in stock on my depop, 20% off with my code GEMMA20"),
    (PARENTS, "follow this page for a chance to win a free Christmas hamper 🎄"),
    (TUTORS, "Retweet and follow to be entered into a draw for two festival tickets!"),
    (PARENTS, "enter to win a family pass to the wildlife park, just like and share the post on my page"),
    (TUTORS, "anyone need a DJ for a wedding or party? cash in hand, decent rates, message me"),
    (PARENTS, "be your own boss and work around the school run, I'm looking for 3 mums to join my team"),
]

LOOK_ALIKES = [
    (PRODUCERS, "dropped my first EP today, it's free on soundcloud, would love some feedback on the mix"),
    (PRODUCERS, "Thomann usually has them cheap, or Gear4music if you want it fast"),
    (PARENTS, "Our show raffle tickets are £1 each, prizes donated by local shops, buy them at the door"),
    (PARENTS, "The Music Works hoodies are £18 on the website, order by the 10th for the show"),
    (PARENTS, "where did everyone get the black leggings for the show? the ones in Tesco are see-through"),
    (TUTORS, "what's the going day rate for a workshop leader these days? I've been quoted £150"),
    (TUTORS, "Just a reminder folks: selling, side hustles and referral links aren't allowed in this channel"),
    (TUTORS, "playing an acoustic set at the Hop Pole tomorrow, free, come say hi"),
]


@pytest.mark.parametrize("purpose,text", BREACHES)
def test_own_sales_with_codes_outside_giveaways_services_and_schemes_are_solicitation(findings, purpose, text):
    assert "solicitation" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", LOOK_ALIKES)
def test_free_music_own_raffles_shop_advice_rate_talk_and_the_rule_itself_are_not(findings, purpose, text):
    assert "solicitation" not in findings(text, purpose=purpose)


def test_the_reason_names_the_shop_and_the_push(findings):
    reason = findings("cassettes on my site, only 50 made, get em before they go", purpose=PRODUCERS)["solicitation"]
    assert "my site" in reason and ("get em" in reason or "before they go" in reason)
