"""Solicitations, advertisements and endorsements (policy 5.7).

Counts (``solicitation.patterns.txt``): selling goods or services ("DM me to
buy"), referral and promo codes, asking for votes for a party, fundraising
for another organisation, financial promotions, advertising events.

Fine, by the decisions of issue 8 (the section options say where each
applies):

- the organisation's own tickets, merchandise and appeals: the message names
  it (``ModerationConfig.org_names``), links to its site (``org_domains``) or
  uses one of its ``own_sales_terms``;
- free events of partners named in the channel's purpose: the message says
  the event is free and names a partner that the purpose names (a
  capitalised name in the purpose, such as "Gloucester Guildhall");
- one person offering or asking for a single used instrument: exactly one
  instrument is mentioned, it is theirs or second-hand, and nothing says
  there is more than one;
- (round 7) the organisation's own fundraising in its own words: the money
  goes to the organisation itself ("all money goes to the hub", "proceeds to
  the hall's new chairs" in the hall's channel: ``own_cause_markers.txt``
  then a word of ``own_beneficiaries.txt`` or of the channel's purpose);
- (round 11) the organisation's own event or appeal by its possessive: "the
  hub's sponsored silence", "our choir's quiz night" (a word of
  ``own_beneficiaries.txt`` or of the purpose, after "the" or "our");
- (round 7) a buyer's question about tickets or an appeal ("are the concert
  tickets on sale yet?", "can parents buy raffle tickets on the night"):
  asked, not offered (``question_openers.txt``), with no price, no offer and
  no one invited (``question_invitations.txt``).
- (round 12) a buyer or borrower ("anyone selling a 50mm lens?", "I'll pay
  face value", ``buyer_asks.txt``) with no offer of their own;
- (round 12) pointing to one's own release or work ("new track's up, link in
  the bio": ``own_work_shared.txt``, option ``own-work-ok``) with no offer;
- (round 12) the writer's own free gig ("our first gig is at the Crown,
  free entry": ``own_gig.txt``, option ``own-gig-ok``), with no price;
- (round 21) the organisation's own contact details: a message giving its public phone
  number (``ModerationConfig.org_phones``, from the organisation file) or an email address at
  one of its domains points people to the organisation ("any worries, ring me on the office
  number"), so neither a rule nor the meaning reader reports it as selling;
- (round 12) a wage passed on with a job ("the café next door pays £8 an
  hour for Saturday staff": ``wage_words.txt`` just before the amount and a
  word of ``job_words.txt``, option ``wage-ok``). A careful moderator lets a
  vacancy through: the member is paid, nothing is sold to the group, and the
  schemes that recruit with pay (bank accounts, parcels) are caught by the
  scheme concepts whatever the wage.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..concepts import ConceptSet
from ..config import ModerationConfig
from ..findings import Finding
from ..patterns import PatternSet, PhraseMatch
from ..text import SENTENCE_BREAK, fold, tokenize
from ..wordlists import WordLists
from .base import ChannelContext, ChannelPurpose, MessageUnderReview, quote, sentence
from .common import Enforcement, PhraseSet, label_part, words_before
from .prohibition import Prohibitions

OWN_ORG_OK = "own-org-ok"
USED_INSTRUMENT_OK = "used-instrument-ok"
PARTNER_FREE_EVENT_OK = "partner-free-event-ok"
WITH_OFFER = "with-offer"
OWN_WORK_OK = "own-work-ok"
WAGE_OK = "wage-ok"
OWN_GIG_OK = "own-gig-ok"
# (round 21) A phone number as people write one ("01452 503550", "+44 (0)1452 503 550"), and an
# email address; bounded, so a long run of digits is read in linear time.
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()-]{7,18}\d(?!\w)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@((?:[\w-]{1,63}\.){1,8}[\w-]{2,63})")
_WAGE_REACH = 3  # words before an amount that can make it a wage ("the pay is £8")
# A channel for sharing one's own work ("share beats, ask for feedback"):
# asking for follows and plays there is what the channel is for.
UNLESS_SHARING_CHANNEL = "unless-sharing-channel"
# (round 12) A channel whose purpose welcomes members' own promotion ("sharing
# your own work and services is welcome", "gig leads"): a member's own offer or
# gig is what the channel is for (promotion_purposes.txt).
UNLESS_PROMOTION_CHANNEL = "unless-promotion-channel"
# (round 24) A channel whose purpose is the members' own campaigns ("youth voice campaigns: our
# petitions and letters to the council"): passing a petition round is what it is for
# (campaign_purposes.txt).
UNLESS_CAMPAIGN_CHANNEL = "unless-campaign-channel"
# (round 24) A buyer's ask ("can we get new sticks? they're 20% off at the shop", buyer_asks.txt):
# a sale the writer wants the organisation to use, not the writer's own business.
BUYER_OK = "buyer-ok"
_NEGATION_REACH = 2  # words before a match that can say "no" to it
_PERMISSION_REACH = 3  # words after a match that can say it is allowed
_REPROACH_REACH = 6  # words after a match, in its sentence, that can say it is banned
_OWNING_DETERMINERS = frozenset({"the", "our"})
_SELLER_WORDS = frozenset({"me", "my", "us", "our", "i'm", "im", "i'll", "we're", "we'll"})
_JOINING_WORDS = frozenset({"or", "and", "nor"})
_DETERMINERS = frozenset({"the", "our", "this", "these", "its"})
_COMPOUND_REACH = 2  # words of a beneficiary's name compared after its marker ("kit fund", "youth club")
# Words that can follow a noun phrase that has ended ("for the club on Friday",
# "for the charity, forms at reception"), unlike a noun that continues it ("club night").
_PHRASE_ENDS = frozenset({SENTENCE_BREAK, "on", "at", "in", "this", "next", "and", "so", "to", "with", "by", "from",
                          "please", "today", "tonight", "tomorrow", "if", "but", "or", "we", "i", "is", "are", "was"})


class SolicitationRule:
    name = "solicitation"

    def __init__(self, lists: WordLists, config: ModerationConfig) -> None:
        self.patterns = PatternSet(
            "solicitation", lists, allowed_options=frozenset({OWN_ORG_OK, USED_INSTRUMENT_OK, PARTNER_FREE_EVENT_OK, WITH_OFFER,
                                                       OWN_WORK_OK, WAGE_OK, OWN_GIG_OK, UNLESS_PROMOTION_CHANNEL,
                                                       UNLESS_CAMPAIGN_CHANNEL, BUYER_OK})
        )
        own = (*config.org_names, *config.own_sales_terms)
        # "TMW's raffle", "The Music Works' appeal": the possessive is still the organisation.
        self.own_terms = PhraseSet((*own, *(f"{term}'s" for term in own), *(f"{term}'" for term in own)))
        self.own_domains = tuple(fold(d).removeprefix("www.") for d in config.org_domains)
        self.own_phones = frozenset(filter(None, (_phone_digits(p) for p in config.org_phones)))
        self.instruments = PhraseSet(lists.entries("instruments"))
        self.used_words = PhraseSet(lists.entries("used_item_words"))
        self.multiple_items = PhraseSet(lists.entries("multiple_items"))
        self.free_words = PhraseSet(lists.entries("free_words"))
        self.offer_words = PhraseSet(lists.entries("offer_words"))
        self.wanted_qualities = PhraseSet(lists.entries("wanted_qualities"))
        self.reproach = PhraseSet(lists.entries("reproach_markers"))
        # Round 23: a moderator removing an advert or anyone warning it is a scam ("'earn £500 a
        # week' messages are scams, I've deleted two") names the pitch to stop it (common.Enforcement).
        self.enforcement = Enforcement(lists)
        self.own_cause_markers = PhraseSet(lists.entries("own_cause_markers"))
        self.own_cause_for = PhraseSet(lists.entries("own_cause_for"))
        self.own_beneficiaries = frozenset(" ".join(tokenize(fold(e))) for e in lists.entries("own_beneficiaries"))
        self.question_openers = tuple(" ".join(tokenize(fold(e))) + " " for e in lists.entries("question_openers"))
        self.invitations = PhraseSet(lists.entries("question_invitations"))
        self.buyer_asks = PhraseSet(lists.entries("buyer_asks"))
        self.own_work = PhraseSet(lists.entries("own_work_shared"))
        self.wage_words = frozenset(" ".join(tokenize(fold(e))) for e in lists.entries("wage_words"))
        self.job_words = PhraseSet(lists.entries("job_words"))
        self.own_gig = PhraseSet(lists.entries("own_gig"))
        # (round 18) "Choir raffle tickets are £1 a strip": the organisation's own word opening
        # a sentence before what it sells (own_appeals.txt).
        self.own_appeals = tuple(" ".join(tokenize(fold(e))) for e in lists.entries("own_appeals"))
        # Round 17: a rule said as a prohibition names what it bans (rules/prohibition.py);
        # the writer's own free gig however worded; rates talked about between freelancers;
        # the organisation's own prizes and training.
        self.prohibitions = Prohibitions(lists)
        self.performing = PhraseSet(lists.entries("performing_words"))
        self.free_entry = PhraseSet(lists.entries("free_words") + lists.entries("free_entry"))
        self.self_words = frozenset(" ".join(tokenize(fold(e))) for e in lists.entries("self_refs"))
        self.rate_advice = PhraseSet(lists.entries("rate_advice"))
        self.rate_offers = PhraseSet(lists.entries("rate_offers"))
        self.own_org_offers = PhraseSet(lists.entries("own_org_offers"))
        # (round 19) someone else's shop recommended to an asker ("Thomann usually has them cheap").
        self.shop_recommendations = PhraseSet(lists.entries("shop_recommendations"))
        # Selling and promoting as concepts meeting in a message
        # (solicitation.concepts.txt): "spare tickets ... face value plus a bit".
        # (round 21) An illegal thing offered for money or asked to be bought (illegal_sale.concepts.txt):
        # the solicitation half of selling something illegal (moderator.py).
        self.sale_offers = ConceptSet("illegal_sale", lists, negations=lists.entries("negations"),
                                      reproach=lists.entries("reproach_markers"))
        self.concepts = ConceptSet("solicitation", lists, negations=lists.entries("negations"),
                                   reproach=lists.entries("reproach_markers"),
                                   allowed_options=frozenset({OWN_ORG_OK, USED_INSTRUMENT_OK, UNLESS_SHARING_CHANNEL,
                                                                     UNLESS_PROMOTION_CHANNEL, UNLESS_CAMPAIGN_CHANNEL}))
        self.sharing_purposes = PhraseSet(lists.entries("sharing_purposes"))
        self.promotion_purposes = PhraseSet(lists.entries("promotion_purposes"))
        self.campaign_purposes = PhraseSet(lists.entries("campaign_purposes"))
        # What a campaign's own messages name ("signatures", "the council"), for the meaning reader.
        self.campaign_words = PhraseSet(lists.entries("petition_words") + lists.entries("campaign_words"))
        # "never send your bank details to anyone offering 'easy money'": a warning names the offer.
        self.warnings = PhraseSet(lists.entries("warning_markers"))
        self.negations = frozenset(entry for entry in lists.entries("negations") if " " not in entry)
        self.permission = PhraseSet(lists.entries("permission_markers"))
        # Words that can't on their own make a name a partner's ("Free",
        # "Events", "Music"): the purpose's ordinary vocabulary.
        self._generic_words = frozenset(
            word
            for name in ("stopwords", "topic_lexicon", "free_words", "event_words")
            for entry in lists.entries(name)
            for word in tokenize(entry)
        ) | frozenset(w for name in config.org_names for w in tokenize(fold(name)))

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        matches = self.patterns.first_matches(
            message.token_set,
            lambda section: message.phrase_text,
            lambda match, text: not self._exempt(match, message, context.purpose),
        )
        # Two sections may share a label: say it once, with its first words.
        first_of_label = {m.label: m for m in reversed(matches)}
        parts = [f"{label_part(m.label)} ({quote(m.text)})" for m in matches if first_of_label[m.label] is m]
        labels = set(first_of_label)
        for concept in self.concepts.matches(message.phrase_text, message.emoji, message.token_set):
            if concept.label in labels or (OWN_ORG_OK in concept.options and self.is_ours(message, context.purpose)):
                continue
            if self._concept_banned(concept.words, message):
                continue
            if UNLESS_SHARING_CHANNEL in concept.options and self._for_sharing(context.purpose):
                continue
            if UNLESS_PROMOTION_CHANNEL in concept.options and self.for_promotion(context.purpose):
                continue
            if UNLESS_CAMPAIGN_CHANNEL in concept.options and self.for_campaigns(context.purpose):
                continue
            if USED_INSTRUMENT_OK in concept.options and self._single_used_instrument(message):
                continue
            labels.add(concept.label)
            parts.append(f"{label_part(concept.label)} ({' ... '.join(quote(w) for w in concept.words)})")
        if not parts:
            return None
        if self.enforcement.deals_with_breach(message):
            # As the illegal rule: the pitch named is the one being removed, but not what follows it.
            rest = self.enforcement.left_to_read(message)
            return None if rest is None else self.assess(rest, context)
        return Finding("solicitation", sentence(parts))

    def offered_for_money(self, message: MessageUnderReview) -> Finding | None:
        """(round 21) Selling something illegal is solicitation too: called by the rule book on a
        message the illegal rule has reported, this says whether it also offers the thing for money
        or asks people to buy it (``illegal_sale.concepts.txt``), with the words that say so."""
        for concept in self.sale_offers.matches(message.phrase_text, message.emoji, message.token_set):
            return Finding("solicitation", sentence(
                [f"selling something illegal: {label_part(concept.label).lower()} ({' ... '.join(quote(w) for w in concept.words)})"]))
        return None

    def _exempt(self, match: PhraseMatch, message: MessageUnderReview, purpose: ChannelPurpose) -> bool:
        options = match.section.options
        if self._negated(match, message) or self._permitted(match, message) or self._warned_against(match, message):
            return True
        if self.prohibitions.bans(message.phrase_text, match.start, match.end, "<money>" in message.token_set):
            return True  # "no promo codes or affiliate links in here please": a rule names what it bans
        if WITH_OFFER in options and (not self._makes_offer(message, match) or self._recommends_shop(message)):
            return True
        if OWN_ORG_OK in options and self.is_ours(message, purpose):
            return True
        if OWN_WORK_OK in options and self.own_work.search(message.phrase_text) and not self._makes_offer(message):
            return True
        if WAGE_OK in options and (self._wage(match, message) or self._rate_talk(message)):
            return True
        if OWN_GIG_OK in options and "<money>" not in message.token_set and (
            self.own_gig.search(message.phrase_text) or self._own_free_gig(message)
        ):
            return True
        if UNLESS_PROMOTION_CHANNEL in options and self.for_promotion(purpose):
            return True
        if UNLESS_CAMPAIGN_CHANNEL in options and self.for_campaigns(purpose):
            return True
        if BUYER_OK in options and self._wants_to_buy(message):
            return True
        if USED_INSTRUMENT_OK in options and self._single_used_instrument(message):
            return True
        return PARTNER_FREE_EVENT_OK in options and self._partner_free_event(message, purpose)

    def _negated(self, match: PhraseMatch, message: MessageUnderReview) -> bool:
        # A moderator's "no selling, no promo codes in here" quotes the rule;
        # "no selling or promo codes" says no to both, so a joining word
        # does not count towards the reach.
        before = [w for w in words_before(message.phrase_text, match.start, _NEGATION_REACH + 1) if w not in _JOINING_WORDS]
        return any(word in self.negations for word in before[-_NEGATION_REACH:])

    def _warned_against(self, match: PhraseMatch, message: MessageUnderReview) -> bool:
        # "beware of anyone offering quick cash": a warning earlier in the match's sentence.
        before = message.phrase_text[: match.start].split()
        if SENTENCE_BREAK in before:
            before = before[len(before) - before[::-1].index(SENTENCE_BREAK):]
        return self.warnings.search(" ".join(before) + " ") is not None

    def _permitted(self, match: PhraseMatch, message: MessageUnderReview) -> bool:
        # "charity raffle is fine": someone saying it is allowed (the words just after it).
        # "discount codes aren't allowed in here": someone enforcing the rule names what is banned.
        # "betting tips and referral codes are not allowed here": the rest of its sentence, a little further on.
        after = message.phrase_text[match.end :].split()
        if self.permission.search(" ".join(after[:_PERMISSION_REACH]) + " ") is not None:
            return True
        following = after[:_REPROACH_REACH]
        if SENTENCE_BREAK in following:
            following = following[: following.index(SENTENCE_BREAK)]
        return self.reproach.search(" ".join(following) + " ") is not None

    def _wage(self, match: PhraseMatch, message: MessageUnderReview) -> bool:
        # "pays £8 an hour for Saturday staff": the amount is paid to whoever takes the job.
        before = words_before(message.phrase_text, match.start, _WAGE_REACH)
        return (
            any(" ".join(before[-n:]) in self.wage_words for n in range(1, len(before) + 1))
            and self.job_words.search(message.phrase_text) is not None
        )

    def _rate_talk(self, message: MessageUnderReview) -> bool:
        # (round 17) "£40 an hour, don't undersell yourself", "if a school tries to pay you £25 an
        # hour": what one is paid or should charge, with nothing offered to the readers.
        text = message.phrase_text
        return self.rate_advice.search(text) is not None and self.rate_offers.search(text) is None

    def _recommends_shop(self, message: MessageUnderReview) -> bool:
        # (round 19) "Thomann usually has them cheap, or Gear4music if you want it fast": someone
        # else's shop recommended, with no amount and no first-person seller, offers nothing.
        return (
            "<money>" not in message.token_set
            and _SELLER_WORDS.isdisjoint(message.token_set)
            and self.shop_recommendations.search(message.phrase_text) is not None
        )

    def _own_free_gig(self, message: MessageUnderReview) -> bool:
        # (round 17) "Playing a solo set at the Frog & Fiddle next Friday ... free entry",
        # "Shameless plug: playing with my trio": the writer performs (nobody else is named
        # before the performing word: "my cousin's band is playing" is theirs), and it is free.
        text = message.phrase_text
        if self.free_entry.search(text) is None:
            return False
        for position in self.performing.positions(text):
            before = words_before(text, position, 3)
            if any(w.endswith(("'s", "s'")) for w in before):
                continue
            if not before or not self.self_words.isdisjoint(before) or len(text[:position].split()) <= 3:
                return True
        return False

    def _concept_banned(self, words: tuple[str, ...], message: MessageUnderReview) -> bool:
        """A concept's first words named by a rule said as a prohibition (rules/prohibition.py)."""
        text = message.phrase_text
        first = next((w for w in words if w and f" {w} " in f" {text} "), None)
        if first is None:
            return False
        start = f" {text} ".index(f" {first} ")
        return self.prohibitions.bans(text, start, start + len(first), "<money>" in message.token_set)

    def _for_sharing(self, purpose: ChannelPurpose) -> bool:
        if "sharing_channel" not in purpose.derived:
            purpose.derived["sharing_channel"] = bool(purpose) and self.sharing_purposes.search(purpose.prepared.phrase_text) is not None
        return purpose.derived["sharing_channel"]

    def for_promotion(self, purpose: ChannelPurpose) -> bool:
        """The channel's purpose welcomes members' own services and gigs (``promotion_purposes.txt``)."""
        if "promotion_channel" not in purpose.derived:
            purpose.derived["promotion_channel"] = bool(purpose) and self.promotion_purposes.search(purpose.prepared.phrase_text) is not None
        return purpose.derived["promotion_channel"]

    def for_campaigns(self, purpose: ChannelPurpose) -> bool:
        """(round 24) The channel's purpose is the members' own campaigns (``campaign_purposes.txt``)."""
        if "campaign_channel" not in purpose.derived:
            purpose.derived["campaign_channel"] = bool(purpose) and self.campaign_purposes.search(purpose.prepared.phrase_text) is not None
        return purpose.derived["campaign_channel"]

    def allowed_here(self, message: MessageUnderReview, purpose: ChannelPurpose) -> bool:
        """Read by meaning as selling, but the organisation's own, or in a channel for members' own promotion,
        or (round 24) a campaign's own message in a channel for the members' campaigns, or (round 25) a
        moderator removing a pitch and naming the rule ("Deleted. DM-me lessons aren't allowed in here"),
        which the rule itself leaves (common.Enforcement), as the threat and illegal readers do."""
        return (self.is_ours(message, purpose) or self.for_promotion(purpose)
                or (self.for_campaigns(purpose) and self.campaign_words.search(message.phrase_text) is not None)
                or self.enforcement.deals_with_breach(message))

    def _makes_offer(self, message: MessageUnderReview, match: PhraseMatch | None = None) -> bool:
        # A way to reach a seller is only selling beside an offer.
        if "<money>" in message.token_set:
            return True
        text = message.phrase_text
        if match is not None:
            # "the EVO 4 if you want cheaper": what the asker wants of a
            # recommended product, right after the condition, is not an offer.
            after = text[match.end:]
            wanted = self.wanted_qualities.search(after)
            if wanted is not None and after.startswith(wanted + " "):
                text = text[:match.end] + after[len(wanted) + 1:]
        return self.offer_words.search(text) is not None

    def is_own(self, message: MessageUnderReview) -> bool:
        """The message names the organisation, links to its site or uses one of its own sales terms."""
        if self.own_terms.search(message.phrase_text):
            return True
        # (round 17) its own prizes and training, priced at nothing ("Winner gets a free session
        # in the studio", "safeguarding training renewal is due, book via Priya").
        if "<money>" not in message.token_set and self.own_org_offers.search(message.phrase_text):
            return True
        if self._gives_own_contact(message):
            return True
        return any(
            link.host == domain or link.host.endswith("." + domain) for link in message.links for domain in self.own_domains
        )

    def _gives_own_contact(self, message: MessageUnderReview) -> bool:
        # (round 21) "a safeguarding worry? ring me any time on <the office number>": the
        # organisation's own phone or an address at its domain is the organisation's contact.
        text = message.text
        if self.own_phones and any(c.isdigit() for c in text):
            if any(_phone_digits(m.group(0)) in self.own_phones for m in _PHONE.finditer(text)):
                return True
        if self.own_domains and "@" in text:
            for m in _EMAIL.finditer(text):
                host = fold(m.group(1))
                if any(host == d or host.endswith("." + d) for d in self.own_domains):
                    return True
        return False

    def is_ours(self, message: MessageUnderReview, purpose: ChannelPurpose) -> bool:
        """The organisation's own sale or appeal, or a buyer's question about one."""
        return (self.is_own(message) or self._for_own_cause(message, purpose) or self._asks_as_buyer(message)
                or self._wants_to_buy(message))

    def _for_own_cause(self, message: MessageUnderReview, purpose: ChannelPurpose) -> bool:
        # "proceeds to the hall's new chairs": the first words after a marker,
        # past "the"/"our" and without a possessive, name the beneficiary.
        text = message.phrase_text
        ours = self.own_beneficiaries | self._purpose_words(purpose)
        if self._owned_by_us(text, ours) or self._named_by_us(text, ours, purpose):
            return True
        return any(self._names_ours(text, markers, ours, closed) for markers, closed in
                   ((self.own_cause_markers, False), (self.own_cause_for, True)))

    @staticmethod
    def _owned_by_us(text: str, ours: frozenset[str]) -> bool:
        # (round 11) "the hub's sponsored silence", "our choir's quiz night":
        # the event or appeal belongs to the organisation (not "my mate's").
        words = text.split()
        return any(
            first in _OWNING_DETERMINERS and second.endswith("'s") and second.removesuffix("'s") in ours
            for first, second in pairwise(words)
        )

    def _named_by_us(self, text: str, ours: frozenset[str], purpose: ChannelPurpose) -> bool:
        # (round 18) "Choir raffle tickets are £1 a strip", "the hub quiz is on Friday": a sentence
        # opens with the organisation's own word (after "the" or "our" at most) and then what it sells.
        for opening in text.split(f" {SENTENCE_BREAK} "):
            words = opening.split()
            known = ours
            if words and words[0] in _OWNING_DETERMINERS:
                # (round 19) "Our show raffle tickets are £1": after "our", any word of the
                # channel's purpose ("show dates") names the organisation's own event.
                known = ours | (self._purpose_tokens(purpose) if words[0] == "our" else frozenset())
                words = words[1:]
            if len(words) > 1 and words[0] in known and " ".join(words[1:]).startswith(self.own_appeals):
                return True
        return False

    def _names_ours(self, text: str, markers: PhraseSet, ours: frozenset[str], closed: bool) -> bool:
        # `closed`: the beneficiary must end its phrase ("for the club on
        # Friday", not "for our club night").
        for start in markers.positions(text):
            marker = markers.search(text[start:]) or ""
            after = [w for w in text[start + len(marker):].split() if w not in _DETERMINERS][:_COMPOUND_REACH + 1]
            names = [w.removesuffix("'s") for w in after]
            for n in range(1, min(len(names), _COMPOUND_REACH) + 1):
                if " ".join(names[:n]) not in ours:
                    continue
                following = after[n] if len(after) > n else SENTENCE_BREAK
                if not closed or following in _PHRASE_ENDS:
                    return True
        return False

    @staticmethod
    def _purpose_tokens(purpose: ChannelPurpose) -> frozenset[str]:
        """Every word of the purpose, its ordinary vocabulary too ("show", "concert")."""
        if "all_words" not in purpose.derived:
            purpose.derived["all_words"] = frozenset(tokenize(purpose.prepared.phrase_text)) if purpose else frozenset()
        return purpose.derived["all_words"]

    def _purpose_words(self, purpose: ChannelPurpose) -> frozenset[str]:
        """The purpose's own words ("studio", "choir", "hall"), not its ordinary vocabulary."""
        if "own_words" not in purpose.derived:
            purpose.derived["own_words"] = frozenset(tokenize(purpose.prepared.phrase_text)) - self._generic_words
        return purpose.derived["own_words"]

    def _asks_as_buyer(self, message: MessageUnderReview) -> bool:
        # Asked ("can parents buy ..."), with no price, offer or invitation:
        # someone wanting tickets, not someone selling them.
        text = message.phrase_text
        return (
            text.startswith(self.question_openers)
            and "<money>" not in message.token_set
            and self.offer_words.search(text) is None
            and self.invitations.search(text) is None
        )

    def _wants_to_buy(self, message: MessageUnderReview) -> bool:
        # (round 12) "anyone selling a 50mm lens?", "I'll pay face value":
        # the writer is the buyer or borrower, whatever budget they give.
        return self.buyer_asks.search(message.phrase_text) is not None

    def _single_used_instrument(self, message: MessageUnderReview) -> bool:
        text = message.phrase_text
        return (
            len(set(self.instruments.find_all(text))) == 1  # "my guitar ... the guitar" is still one
            and self.used_words.search(text) is not None
            and self.multiple_items.search(text) is None
        )

    def _partner_free_event(self, message: MessageUnderReview, purpose: ChannelPurpose) -> bool:
        if self.free_words.search(message.phrase_text) is None:
            return False
        partners = purpose.derived.get("partner_names")
        if partners is None:
            partners = [
                name
                for name in purpose.proper_names
                if any(word not in self._generic_words for word in tokenize(name))
            ]
            purpose.derived["partner_names"] = partners
        text = " " + message.phrase_text
        return any(f" {' '.join(tokenize(name))} " in text for name in partners)



def _phone_digits(text: str) -> str:
    """A phone number's digits as dialled in the UK: "+44 (0)1452 503 550" and "01452503550" alike."""
    digits = re.sub(r"\D", "", text)
    for prefix in ("0044", "44"):
        if digits.startswith(prefix) and len(digits) > 10:
            digits = digits[len(prefix):]
            digits = digits if digits.startswith("0") else "0" + digits
            break
    return digits
