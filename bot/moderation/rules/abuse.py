"""Abuse: violent, obscene, profane, hateful or racist posts and links (policy 5.7).

What counts (the decisions of issue 8):

- strong swear words and slurs, anywhere — praise and quoted lyrics included —
  and in disguise (``disguise.py``); mild words never (``mild_words.txt``);
- abbreviations aimed at a person ("stfu", "gtfo") when the message speaks
  to someone or is little more than the abbreviation; "kys" always;
- abuse without swearing (``abuse.patterns.txt``): insults aimed at a person,
  body-shaming, identity used as an insult, hateful generalisations, telling
  someone to harm themselves. Milder insults said with a friendly marker
  ("you're an idiot lol") are teasing and do not count; teasing words
  ("nerd", "muppet") are on no list at all; verdicts ("a joke", "a
  disgrace") count said to a member, not beside a ref, a council, a team or a
  decision (``public_targets.txt``: "that ref was a joke" is criticism);
- body-shaming by food or size with no insult word ("you'll need two seats
  after all them mince pies"), not the writer's own ("I've had too many mince
  pies 😂");
- links whose address is on a porn or gore site, or whose text or address
  says so (``link_domains.txt``, ``link_keywords.txt``).

Prejudice said politely (round 18, ``abuse.concepts.txt``): a people named
(a nationality, a faith, "that lot", "those families from the estate"), a
softener ("no offence", "just being realistic", "I'm all for inclusion but":
``prejudice_softeners.txt``) and a trait pinned on them ("it's their
upbringing", "they look after their own": ``people_traits.txt``) or a hint
of theft; a generalisation that needs no softener ("nicer before the
immigrants moved in": ``people_harms.txt``); asking to be kept apart from
someone for their people; English demanded of a people. Sexuality and bodies
as put-downs without a listed word: pride with a sick emoji, a camp manner
sneered at with a knowing emoji, "ate the entire snack table", "one and a
half people", "couldn't squeeze into the costume", "the big lad could do
with walking". A community praised, a workshop on a culture, a member's own
heritage, pride events, a crowd or the writer eating are not counted.

Round 23 (``abuse.patterns.txt``, ``abuse.concepts.txt``): a person's looks likened to an everyday
thing ("u look like a boiled egg": ``looks_likened_things.txt``; only after a person, so "the logo
looks like a thumb" is not), a face like a spoilt thing (``face_likening_spoils.txt``), "gay for"
said of someone else, and migrants named with a demand to throw them out or the country called full
(``migrant_arrivals.txt`` + ``migrant_expulsions.txt``); policy words ("turn the boats back") are
left out, so a debate about the policy is not counted.

Talk ABOUT a prejudice is not the prejudice (round 10,
``prejudice_talk.concepts.txt``): a message that reports what others say or a
word people use and disowns it ("people at school still say Travellers are all
thieves and it's so unfair", "ableist words like 'spaz' and why they hurt")
is not counted as hateful talk about a group, and its quoted words are a word
being discussed. Slurs outside quotes still count.
"""

from __future__ import annotations

import re

from ..concepts import ConceptSet
from ..disguise import DisguisedWordFinder, WordHit, mask, spelt_out
from ..findings import Finding
from ..patterns import PatternSet, phrase_remover
from ..text import Link, PreparedMessage, fold, phrase_form
from ..wordlists import WordLists
from .base import ChannelContext, ChannelPurpose, MessageUnderReview, quote, sentence
from .common import PhraseSet, label_part, without_quoted_words, without_reported_speech

# A message of at most this many words that is an aimed abbreviation is a
# reply to someone ("stfu", "stfu lol", "gtfo @sam").
_SHORT_REPLY_WORDS = 3
_MAX_QUOTED_WORDS = 3
# What a message that discusses a prejudice (prejudice_talk.concepts.txt) is
# not counted for: the generalisation it reports is not the writer's own.
# Sections marked so don't count in a message that names a public figure, an
# official, a team or a decision (public_targets.txt).
UNLESS_PUBLIC = "unless-public"
GROUP_LABELS = frozenset({"Hateful talk about a group", "Discrimination by nationality or ethnicity", "Stereotype about a people"})


class FriendlyMarkers:
    """Signs that a message is said in jest: "lol", "jk", a laughing emoji."""

    def __init__(self, entries: tuple[str, ...], earnest: tuple[str, ...] = ()) -> None:
        # "I'm not even joking", "no joke": said in earnest, whatever else the message carries.
        self._earnest = PhraseSet(list(earnest))
        self._emoji: set[str] = set()  # ":joy:", "😂": compared with the message's emoji
        self._prefixes: list[str] = []  # "haha*": any word starting so
        self._words: set[str] = set()  # "jk"
        self._symbols: list[str] = []  # "<3": anywhere in the text
        phrases: list[str] = []  # "just kidding"
        for entry in entries:
            if (entry.startswith(":") and entry.endswith(":") and len(entry) > 2) or (
                not entry.isascii() and not any(ch.isalnum() for ch in entry)
            ):
                self._emoji.add(entry)
            elif entry.endswith("*"):
                self._prefixes.append(entry[:-1])
            elif " " in entry:
                phrases.append(entry)
            elif entry.replace("'", "").isalnum():
                self._words.add(entry)
            else:
                self._symbols.append(entry)
        self._phrases = PhraseSet(phrases)

    def present(self, message: PreparedMessage) -> bool:
        tokens = message.tokens
        if self._earnest.search(message.phrase_text):
            return False
        return bool(
            not self._emoji.isdisjoint(message.emoji)
            or not self._words.isdisjoint(tokens)
            or any(token.startswith(prefix) for token in tokens for prefix in self._prefixes)
            or any(symbol in message.folded for symbol in self._symbols)
            or self._phrases.search(message.phrase_text)
        )


class PrejudiceTalk:
    """A message that reports a prejudice or a word to disown it (``prejudice_talk.concepts.txt``)."""

    def __init__(self, lists: WordLists) -> None:
        self.concepts = ConceptSet("prejudice_talk", lists)

    def present(self, message: PreparedMessage) -> bool:
        return bool(self.concepts.matches(message.phrase_text, message.emoji, message.token_set))


class SpeltOutInsults:
    """An insult spelt out a letter at a time and aimed at a person (round 15):
    "you sanctimonious c o w", "she's a proper s l a g", "what a m u g".

    The word must be, on its own, an entry of ``insults_hurtful.txt`` or
    ``insults_mild.txt``; the message must aim it (``spelt_insult_aims.txt``
    or an @-mention) and not be spelling words out (``spelt_insult_not.txt``).
    Mild words said with a friendly marker are teasing, as unspaced."""

    def __init__(self, lists: WordLists) -> None:
        self.hurtful = frozenset(_single_words(lists.entries("insults_hurtful")))
        self.mild = frozenset(_single_words(lists.entries("insults_mild"))) - self.hurtful
        self.aims = PhraseSet(lists.entries("spelt_insult_aims"))
        self.not_aimed = PhraseSet(lists.entries("spelt_insult_not"))

    def find(self, message: PreparedMessage) -> tuple[str, bool] | None:
        """(the insult, mild?) or None."""
        for joined, shown in spelt_out(message.folded):
            # "such a l o s e r": the run took in the "a" before the word.
            word = next((w for w in (joined, joined[1:] if joined[:1] in "ai" else "")
                         if w in self.hurtful or w in self.mild), None)
            if word is None:
                continue
            # The message's words around the run (phrase text joins the run
            # with the "a" before it: "is a v i l e" reads "is avile").
            around = phrase_form(message.folded.replace(shown, f" {joined[: len(joined) - len(word)]} ", 1))
            if self.not_aimed.search(around):
                return None
            if message.addresses_someone or self.aims.search(around):
                return word, word in self.mild
        return None


class MaskedInsults:
    """A masked insult in a put-down frame (round 17): "you interfering old
    c*w", "such a p*ssy", "you absolute tw*t".

    A masked word of three letters says too little on its own ("the c*w
    pattern"), so ``disguise.py`` leaves it alone; here it counts when a frame
    (``masked_insult_frames.txt``, with words of ``insult_modifiers.txt``
    between: "you silly old") stands before it and it fits exactly one entry
    of ``insults_hurtful.txt``, ``insults_mild.txt`` or ``profanity.txt``. A mild
    word said with a friendly marker is teasing, as unmasked."""

    _MASKED = re.compile(r"(?<![\w*#%£^])[a-z][a-z*#%£^]*[*#%£^][a-z*#%£^]*(?![\w*#%£^])")

    def __init__(self, lists: WordLists) -> None:
        self.hurtful = frozenset(_single_words(lists.entries("insults_hurtful")))
        self.mild = frozenset(_single_words(lists.entries("insults_mild"))) - self.hurtful
        profanity = frozenset(e for e in lists.entries("profanity") if " " not in e and "*" not in e)
        self.words = sorted(self.hurtful | self.mild | profanity)
        # Round 19: a masked plural ("a bunch of p*ssies", "you tw*ts") is its word.
        self.plurals = {_plural(w): w for w in self.words if not w.endswith("s")}
        self.frames = [tuple(e.split()) for e in lists.entries("masked_insult_frames")]
        self.modifiers = frozenset(lists.entries("insult_modifiers"))

    def find(self, message: PreparedMessage) -> tuple[str, bool] | None:
        """(the insult, mild?) or None."""
        text = message.folded
        for match in self._MASKED.finditer(text):
            shown = match.group(0)
            if len(shown) < 3 or (not any(ch.isalpha() for ch in shown[1:]) and len(shown) < 4):
                continue
            pattern = re.compile("".join("[a-z]" if ch in "*#%£^" else re.escape(ch) for ch in shown))
            fits = [w for w in self.words if pattern.fullmatch(w)]
            if not fits:
                fits = sorted({base for plural, base in self.plurals.items() if pattern.fullmatch(plural)})
            if len(fits) != 1:
                continue
            before = phrase_form(text[: match.start()]).split()
            while before and before[-1] in self.modifiers:
                before.pop()
            if any(len(f) <= len(before) and tuple(before[len(before) - len(f):]) == f for f in self.frames):
                return fits[0], fits[0] in self.mild
        return None


def _plural(word: str) -> str:
    """The plural of an insult: "pussy" -> "pussies", "twat" -> "twats"."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "sh", "ch")):
        return word + "es"
    return word + "s"


class PinnedStereotypes:
    """A stereotype pinned on a person by their people, or on a people (round 15):
    a frame naming the people (``stereotype_pins.patterns.txt``: "typical
    traveller", "it's the jew in him", "polish always ...") with an accusation
    or a put-down in the same message. A member speaking of their own people
    (``own_people.txt``: "it's the polish in me") is not counted."""

    def __init__(self, lists: WordLists) -> None:
        self.pins = PatternSet("stereotype_pins", lists)
        self.putdowns = PhraseSet(
            lists.entries("stereotype_putdowns") + lists.entries("theft_hints") + lists.entries("stealing")
            + lists.entries("group_stereotypes") + lists.entries("negative_traits") + lists.entries("accusations")
        )
        self.own_people = PhraseSet(lists.entries("own_people"))

    def find(self, message: PreparedMessage) -> tuple[str, str, str] | None:
        """(label, the frame, the put-down) or None."""
        text = message.unquoted_phrase_text
        for match in self.pins.first_matches(message.token_set, lambda section: text):
            putdown = self.putdowns.search(text.replace(match.text, " ", 1))
            if putdown and not self.own_people.search(text):
                return match.label, match.text, putdown
        return None


class AbuseRule:
    name = "abuse"

    def __init__(self, lists: WordLists) -> None:
        self.words = DisguisedWordFinder(
            {
                # Order matters only for masked words ("s***" could be
                # several words): the likeliest reading comes first.
                "profanity": lists.entries("profanity"),
                "slur": lists.entries("slurs"),
                "self_harm": lists.entries("self_harm_abbreviations"),
                "aimed": lists.entries("aimed_abbreviations"),
            },
            allowed=lists.entries("false_alarms") + lists.entries("mild_words"),
        )
        self.patterns = PatternSet("abuse", lists, allowed_options=frozenset({"unless-friendly", UNLESS_PUBLIC}))
        # "the mayor is coming, he's a joke": a verdict on a ref, a council or a
        # decision is criticism of them, not abuse of a member (round 11).
        self.public_targets = PhraseSet(lists.entries("public_targets"))
        self.friendly = FriendlyMarkers(lists.entries("friendly_markers"), lists.entries("earnest_markers"))
        self.teasing_words = PhraseSet(lists.entries("teasing_words"))
        self.blocked_domains = tuple(d.lstrip(".") for d in lists.entries("link_domains"))
        self.link_keywords = PhraseSet(lists.entries("link_keywords"))
        self.concepts = ConceptSet("abuse", lists, negations=lists.entries("negations"),
                                   reproach=lists.entries("reproach_markers"))
        # A leader writing up what a child said ("called another one 'X' today,
        # I stopped it and wrote it up") is reporting the slur, not using it; a
        # moderator quoting it to enforce the rules ("comments like 'nobody wants
        # u here' are against our chat rules") is not using it either.
        self.incident_reports = PhraseSet(lists.entries("incident_reports") + lists.entries("reproach_markers"))
        self.prejudice_talk = PrejudiceTalk(lists)
        self.spelt_insults = SpeltOutInsults(lists)
        self.pinned_stereotypes = PinnedStereotypes(lists)
        self.masked_insults = MaskedInsults(lists)
        # Round 19: filler adverbs between a pattern's words ("don't really respect").
        self.fillers = frozenset(w for w in lists.entries("filler_adverbs") if " " not in w)
        self._drop_fillers = phrase_remover(lists.entries("filler_adverbs"))

    def _readings(self, message: PreparedMessage, text: str) -> list[str]:
        """`text`, and `text` without its filler adverbs (``filler_adverbs.txt``)
        when it has any: "them families don't really respect" is also read as
        "them families don't respect", so a pattern or concept need not list
        every adverb that may stand between its words."""
        if not (self.fillers & message.token_set):
            return [text]
        without = self._drop_fillers(text)
        return [text, without] if without != text else [text]

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        message = without_reported_speech(message, self.incident_reports)
        about_prejudice = self.prejudice_talk.present(message)
        if about_prejudice:
            message = without_quoted_words(message)
        parts: list[str] = []
        hits = self.words.find(self._searchable(message))
        by_category: dict[str, list[WordHit]] = {}
        for hit in hits:
            by_category.setdefault(hit.category, []).append(hit)

        if "slur" in by_category:
            shown = _distinct(mask(h.entry, "slur") for h in by_category["slur"])
            parts.append(f"{'slurs' if len(shown) > 1 else 'slur'} ({', '.join(quote(s) for s in shown)})")
        if "self_harm" in by_category:
            parts.append(f"tells someone to harm themselves ({quote(by_category['self_harm'][0].entry)})")

        friendly = None  # worked out only if a section needs it
        pattern_matches = []
        for reading in self._readings(message, message.phrase_text):
            seen = {id(m.section) for m in pattern_matches}
            pattern_matches += [m for m in self.patterns.first_matches(message.token_set, lambda section, r=reading: r)
                                if id(m.section) not in seen]
        for match in pattern_matches:
            if "unless-friendly" in match.section.options:
                if friendly is None:
                    friendly = self.friendly.present(message)
                if friendly:
                    continue
            if about_prejudice and match.label in GROUP_LABELS:
                continue
            # "the manager's tactics": a target's possessive names it too.
            if UNLESS_PUBLIC in match.section.options and self.public_targets.search(message.phrase_text.replace("'s ", " ")):
                continue
            parts.append(f"{label_part(match.label)} ({quote(self.words.mask_text(match.text))})")

        # Concepts are read outside quotes, as the illegal rule reads them: quoted
        # words are a lyric, a title or someone else's ("the "wonky brain" line slaps").
        concept_matches = []
        for reading in self._readings(message, message.unquoted_phrase_text):
            seen_labels = {c.label for c in concept_matches}
            concept_matches += [c for c in self.concepts.matches(reading, message.emoji, message.token_set)
                                if c.label not in seen_labels]
        for concept in concept_matches:
            if about_prejudice and concept.label in GROUP_LABELS:
                continue
            parts.append(f"{label_part(concept.label)} ({' ... '.join(quote(self.words.mask_text(w)) for w in concept.words)})")

        pinned = self.pinned_stereotypes.find(message)
        if pinned and not about_prejudice and not parts:
            label, frame, putdown = pinned
            parts.append(f"{label_part(label)} ({quote(self.words.mask_text(frame))} ... {quote(self.words.mask_text(putdown))})")

        # Only where nothing else has named the insult ("you m u g" is already "you mug" to the patterns);
        # quoted masked, as every insult in a reason is.
        spelt = None if parts else self.spelt_insults.find(message)
        if spelt and not (spelt[1] and self.friendly.present(message)):
            parts.append(f"{label_part('Insult aimed at a person')} (spelt out: {quote(self.words.mask_text(spelt[0]))})")

        masked = None if parts else self.masked_insults.find(message)
        if masked and not (masked[1] and self.friendly.present(message)):
            parts.append(f"{label_part('Insult aimed at a person')} (masked: {quote(mask(masked[0], 'slur'))})")

        stammer = _imitated_stammer(message)
        if stammer:
            parts.append(f"{label_part('Mocking a disability')} (a stammer imitated: {quote(stammer)})")

        if "profanity" in by_category:
            parts.append(f"profanity ({self._describe_profanity(by_category['profanity'])})")
        aimed = by_category.get("aimed")
        if aimed and (message.addresses_someone or len(message.tokens) <= _SHORT_REPLY_WORDS):
            parts.append(f"abbreviation aimed at a person ({quote(aimed[0].entry)})")

        bad_link = self._bad_link(message.links)
        if bad_link:
            parts.append(f"link to pornographic or violent content ({bad_link})")

        return Finding("abuse", sentence(parts)) if parts else None

    def is_teasing(self, message: MessageUnderReview, purpose: ChannelPurpose) -> bool:
        """A word of friendly teasing ("muppet") said with a friendly marker ("😂"): not abuse by meaning alone."""
        return self.teasing_words.search(message.phrase_text) is not None and self.friendly.present(message)

    @staticmethod
    def _searchable(message: PreparedMessage) -> str:
        """The message's text plus the words of its links' addresses."""
        if not message.links:
            return message.folded
        return message.folded + "\n" + " ".join(" ".join(link.address_words) for link in message.links)

    @staticmethod
    def _describe_profanity(hits: list[WordHit]) -> str:
        described: list[str] = []
        seen: set[str] = set()
        for hit in hits:
            if hit.entry in seen:
                continue
            seen.add(hit.entry)
            shown = quote(mask(hit.entry, "profanity"))
            if hit.disguised and hit.shown != mask(hit.entry, "profanity"):
                shown += f", disguised as {quote(hit.shown, limit=30)}"
            described.append(shown)
            if len(described) == _MAX_QUOTED_WORDS:
                break
        return "; ".join(described) if any("disguised" in d for d in described) else ", ".join(described)

    def _bad_link(self, links: list[Link]) -> str | None:
        """Why a link counts (its site, or what it says), or None."""
        for link in links:
            host = link.host
            if host and any(host == d or host.endswith("." + d) for d in self.blocked_domains):
                return host
            said = self.link_keywords.search(phrase_form(fold(link.label))) or self.link_keywords.search(
                "".join(w + " " for w in link.address_words)
            )
            if said:
                return f"the link says {quote(said)}"
        return None


# ---- Round 13 (abx13): a stammer imitated to mock someone ----
# "go on then m-m-m-mikey, c-c-count us in": a word's first sound repeated with
# hyphens. Counted when the message speaks to someone or repeats it in two
# words; one stuttered word alone is a lyric ("ch-ch-ch-changes") or a sound,
# and talk about stammering ("my stammer", "Stammering Awareness Day") has none.
_STUTTERED = re.compile(r"(?<![\w-])([a-z]{1,2})(?:-\1)+[a-z]+(?![\w-])", re.IGNORECASE)


def _imitated_stammer(message: PreparedMessage) -> str | None:
    words = [m.group(0) for m in _STUTTERED.finditer(message.unquoted_phrase_text)]
    if not words:
        return None
    if len(words) >= 2 or message.addresses_someone:
        return words[0]
    return None


def _single_words(entries: tuple[str, ...]) -> list[str]:
    """The one-word insults of a list, articles dropped ("a cow" -> "cow")."""
    words = [e.split(" ", 1)[1] if e.startswith(("a ", "an ")) else e for e in entries]
    return [w for w in words if " " not in w and len(w) >= 3]


def _distinct(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)[:_MAX_QUOTED_WORDS]
