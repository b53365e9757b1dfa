"""Threats and defamation of a person or organisation (policy 5.7).

Every threat in ``threat.patterns.txt`` names who it is aimed at ("... you",
"... @sam"): "killed that solo", "you slayed it" and "kill it tonight" have
no person as their object, so music talk never matches. Hyperbole and idioms
that do name a person ("I could kill him", "break a leg", "you're dead
good") are listed in ``threat_idioms.txt`` and removed before searching.

Threats with no condition and no violent word are counted as classes
(round 11, ``threat.concepts.txt``): gloating that what someone has won't
last ("enjoy your little choir while it lasts"), a smirk at someone's prized
things ("your precious banners are gonna look lovely 😏") and a weapon brought
to a confrontation ("bringing my bat in case their dad starts again"). Weather
enjoyed "while it lasts" and a bat brought to a match are not. Round 12 widened these classes: a loss foretold
of a place someone holds ("enjoy that armband while you can"), nothing left of
a group once the writer is done, mock regret at harm to someone's things ("be
a shame if the tyres went flat"), a visit with a tool to settle a dispute, and
knowing someone's routine ("I know where you park on thursdays").

Round 18: threats by leverage or reputation, with no violent word: a grudge kept ("I've got a long
memory, Helen"), a debt recalled ("remember who covered for you"), talk that spreads in a small
place ("small town, people talk"), goodwill that could go cold if someone carries on, an enemy
made of the writer, the wrong people hearing, being careful about crossing people, and standing
with people who have a say over the reader, with a hint ("on first-name terms with the trustees
... see where it gets you"). A long memory for songs, a small world, safety advice and thanks are not.

Defamation is accusing a named person or organisation of a crime or worse
("X is a thief", "the council are crooks", "Dave stole the money"); the
writer ("I'm a thief") and words that point at no one ("there's a thief
about") are not accused (``non_subjects.txt``), and neither is a whole
people named just before ("them gypsies on the site are thieves": a
hateful generalisation, reported by the abuse rule).

Round 21 (issue 16): two more classes. Harm foretold as a consequence, with no
"I will" and no violent verb: an injury foretold of someone ("he'll be going home
on a stretcher", "you'll be eating through a straw") as the price of a condition or
a grudge (``threat.concepts.txt``), a beating someone needs, wants, deserves or has
coming ("that promoter deserves a right good slapping"), and a sneer at how they will
be once hurt ("won't be so mouthy with a fat lip"); an accident, an operation or
music ("needs a slap bass") is not. Defamation with no crime noun: corruption,
dishonesty or danger to children said of a person or organisation ("the trustees
are corrupt", "the committee pocketed the ticket money", "she's a danger to kids",
going to the papers with it). A thing described ("the file is corrupt"), fair
criticism, news and a concern raised properly ("who do I tell?") accuse no one.

Round 25 (issue 16): accusations in the writer's own voice with none of those words: the accused
named by a relative clause ending on "it" ("the guy who runs it is a crook"), a bare verdict after
what someone did ("..., total thief", ``verdict_intensifiers.txt``; not after "I feel like":
``self_verdicts.txt``), money or a till robbed by someone (``takings.txt``), a record of an offence
said of someone still trusted with the same people or money ("done for drink driving and he's
still driving the kids"), people's money taken and then a getaway, cheating people on purpose,
and knowing that what was sold was stolen (``threat.concepts.txt``). Others urged to damage a named
person's property ("someone should put a brick through his window"). A song or story about a
crime, news of a conviction, "we got robbed" at a referee or a price, and a joke between friends
accuse no one; a moderator's removal naming the rule it enforces is not the breach it removes
(``common.RemovalNotices``).
"""

from __future__ import annotations

from ..concepts import ConceptSet
from ..findings import Finding
from ..patterns import PatternSet, PhraseMatch, phrase_remover
from ..wordlists import WordLists
from .abuse import FriendlyMarkers, PrejudiceTalk
from .base import ChannelContext, MessageUnderReview, quote, sentence
from .common import Enforcement, PhraseSet, label_part, without_quoted_titles, without_reported_speech, words_before

UNLESS_FRIENDLY = "unless-friendly"
UNLESS_OFFER = "unless-offer"
_ACCUSATION = "Accuses someone of a crime or worse"
# Round 21: corruption, dishonesty or danger, with no crime noun ("the trustees are corrupt").
_WRONGDOING = "Accuses someone of corruption, dishonesty or danger"
_ACCUSATIONS = frozenset({_ACCUSATION, _WRONGDOING})
# Round 21: a beating someone "needs" or "has coming": a kit or a song is no person.
_WISHED_VIOLENCE = "Wishes violence on someone"
_NOUN_REACH = 4  # words before a match that can name the thing it is said of ("that road outside the hall is a danger to kids")
_THING_REACH = 6  # words before an accusation that can name the thing it praises ("that mix u sent last night is criminal")
# Crime words that, bare, are slang praise of a thing ("the bass is criminal");
# "a criminal", "criminals" still accuse.
_PRAISE_WORDS = frozenset({"criminal"})
_SELF_REACH = 4  # words before a bare verdict that can say it is the writer's own ("I feel like a total fraud")
_GROUP_REACH = 8  # words before an accusation that can name the group it is about ("that Romanian lot who run the car wash are all thieves")


class ThreatRule:
    name = "threat"

    def __init__(self, lists: WordLists, mask_text=lambda text: text) -> None:
        self.patterns = PatternSet("threat", lists, allowed_options=frozenset({UNLESS_FRIENDLY, UNLESS_OFFER}))
        self.concepts = ConceptSet("threat", lists, negations=lists.entries("negations"),
                                   reproach=lists.entries("reproach_markers"), allowed_options=frozenset({UNLESS_FRIENDLY}))
        # "DM me and I'll sort you out" after a price is a sale, not a threat.
        self.offers = PhraseSet(lists.entries("service_offers"))
        # "said 'I'll stab you' to his brother, I dealt with it and wrote it up": a report.
        self.incident_reports = PhraseSet(lists.entries("incident_reports"))
        self.friendly = FriendlyMarkers(lists.entries("friendly_markers"), lists.entries("earnest_markers"))
        self.remove_idioms = phrase_remover(lists.entries("threat_idioms"))
        # Quotes in reasons pass through the abuse rule's masking, so a
        # threat full of swearing is not spelt back out to the moderator.
        self.mask_text = mask_text
        # An accusation of a whole people ("them gypsies ... are thieves") is
        # a hateful generalisation, the abuse rule's to report, not a person defamed.
        self.groups = PhraseSet(lists.entries("nationalities") + lists.entries("identity_groups"))
        # "that mix u sent last night is criminal 😭": a crime word said of a
        # thing someone made is praise, and accuses no one (made_things.txt).
        self.made_things = PhraseSet(lists.entries("made_things"))
        # "people at school still say Travellers are all thieves and it's so unfair":
        # a prejudice reported to disown it accuses no one (prejudice_talk.concepts.txt).
        self.prejudice_talk = PrejudiceTalk(lists)
        self.reproach = PhraseSet(lists.entries("reproach_markers"))
        # Round 21: what an accusation's first word names when it is a thing, not a
        # person ("the file is corrupt", "the snare needs a good smack").
        self.things = frozenset(lists.entries("made_things") + lists.entries("things_described"))
        self.kit = frozenset(lists.entries("made_things") + lists.entries("music_kit") + lists.entries("instruments"))
        # "I'm worried about how he spoke to a child, who do I tell?": a concern raised
        # properly is a report, not an accusation made in the channel.
        self.concerns_raised = PhraseSet(lists.entries("concerns_raised"))
        # Round 23: a moderator's reply naming the breach to remove it ("that's criminal
        # damage, taken down") or a rumour passed on to ask what to do accuses no one.
        self.enforcement = Enforcement(lists)
        # Round 25: a bare verdict ("..., absolute thief") is on the writer after "I feel like"
        # or "I'm" (self_verdicts.txt): "I feel like a total fraud up there" accuses no one.
        self.verdict_words = frozenset(lists.entries("verdict_intensifiers"))
        self.self_verdicts = PhraseSet(lists.entries("self_verdicts"))

    def is_reproach(self, message: MessageUnderReview, purpose: object = None) -> bool:
        """Does the message reproach or enforce ("threats like that will always be reported")? Then
        what it names is not its own threat: the meaning reader leaves it to the rules."""
        # Round 23: a reply removing the breach, or a rumour passed on to ask what to do, too.
        return self.reproach.search(message.phrase_text) is not None or self.enforcement.deals_with_breach(message)

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        message = without_quoted_titles(without_reported_speech(message, self.incident_reports))
        # Round 23: the threat or accusation named is the breach being dealt with. A removal notice
        # is read for what it goes on to say ("Gone. ... I will stab him next time").
        to_read = self.enforcement.left_to_read(message)
        if to_read is None:
            return None
        message = to_read
        text = self.remove_idioms(message.phrase_text)
        matches = self.patterns.first_matches(message.token_set, lambda section: text, lambda m, searched: self._meant(m, message, searched))
        if any(m.label == _ACCUSATION for m in matches):
            # "Gary fiddles the books" is one accusation: the crime says it, not corruption as well.
            matches = [m for m in matches if m.label != _WRONGDOING]
        parts = [f"{label_part(m.label)} ({quote(self.mask_text(m.text))})" for m in matches]
        labels = {m.label for m in matches}
        for concept in self.concepts.matches(text, message.emoji, message.token_set):
            if concept.label in labels or (UNLESS_FRIENDLY in concept.options and self.friendly.present(message)):
                continue
            labels.add(concept.label)
            parts.append(f"{label_part(concept.label)} ({' ... '.join(quote(self.mask_text(w)) for w in concept.words)})")
        if not parts:
            return None
        return Finding("threat", sentence(parts))

    def _meant(self, match: PhraseMatch, message: MessageUnderReview, searched: str) -> bool:
        # The match's first word and the few before it: what it is said of.
        said_of = {match.text.split()[0], *words_before(searched, match.start, _NOUN_REACH)}
        if match.label == _WRONGDOING and (said_of & self.things or self.concerns_raised.search(searched)):
            return False
        if match.label == _WISHED_VIOLENCE and said_of & self.kit:
            return False
        if match.label in _ACCUSATIONS and (
            self.groups.search(" ".join(words_before(searched, match.start, _GROUP_REACH)) + " ")
            or self.prejudice_talk.present(message)
            or (match.text.split()[-1] in _PRAISE_WORDS
                and self.made_things.search(" ".join(words_before(searched, match.start, _THING_REACH)) + " "))
        ):
            return False
        if (match.label == _ACCUSATION and match.text.split()[0] in self.verdict_words
                and self.self_verdicts.search(" ".join(words_before(searched, match.start, _SELF_REACH)) + " ")):
            return False
        if UNLESS_OFFER in match.section.options and ("<money>" in message.token_set or self.offers.search(searched)):
            return False
        # "I'm gonna kill you if you're late 😂" between friends is teasing:
        # sections marked unless-friendly don't count beside a laughing emoji or "lol".
        return UNLESS_FRIENDLY not in match.section.options or not self.friendly.present(message)
