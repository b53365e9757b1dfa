"""Roster names: full_name and photo_consent (policy 5.6).

full_name: a participant's first name and surname together ("Amy Smith", "AMY SMITH", "Amy Smith's").
First names alone are fine: the policy asks for first names only in captions.

photo_consent: a participant whose family opted out of photos and publicity is named, by first name, in a text about
photos, film or publicity (publicity_words.txt: "great photo of Maya", "tag Tom in the reel"). By
full name, in whatever shape ("Tom Jones's solo", "PENNINGTON, Oscar", "keys - Tom Jones", "L-R
Brown, Maya; Evans, Isla"), an opted-out child is ONE photo_consent finding, in any text: their name
should not go out at all, and the finding's message says it is their full name too (findings.py);
the other children named beside them keep their full_name findings. By first name alone only when the first name is written with
a capital and belongs on the roster to nobody but opted-out participants (otherwise we cannot tell
which Amy is meant and would cry wolf), and the same child's full name is not already reported in
the text. "Thanks Maya for tidying up" identifies no one outside the group.

A participant's full name said of someone on a grown-up organisation's staff is a namesake: "Amy
Smith from the Community Foundation is visiting", "thanks to Priya Patel from Arts Council England"
(visiting_organisations.txt; not a youth council, a junior anything or a school).

A full name that is a famous namesake's work is nobody on the roster: "the Tom Jones classic", "a
Tom Jones number" (namesake_works.txt), and so is a song's credit: "Delilah (Tom Jones)", "Delilah
by Tom Jones" in a text about songs, and a famous namesake's song said as theirs: "we covered Tom
Jones's Delilah in the singalong".

Captions shorten surnames: "Ella G", "Ella G.", "Ella (Grant)". A first name with a surname's
initial is hashed with the key too (RosterIndex.initial_opted_out) and, in a text about photos or
publicity, is a photo_consent finding when a roster child so written has no consent. "Tom B" is then
somebody else: not our opted-out Tom. A surname in brackets after a first name is a full name.

Nicknames (nicknames.txt): "Ozzy", "Tommy" count as the roster's Oscar and Tom when nobody on the
roster is called by the nickname itself. A first name shared by participants with different answers
("Ella" Grant has no consent, "Ella" Hughes has) is reported only where the text puts that name in the
picture ("clip of Ella", "Ella's in the reel", "shout out to Ella"): then it may be the opted-out Ella.

A photo caption's own words ("Team shot (left to right): ...", "L-R: ...") and a family's media
consent forms are about pictures too (publicity_words.txt), so "Media consent forms outstanding: Oscar
P (mum)" names the opted-out child. A photo word in another sense is not (not_publicity_senses.txt):
a certificate "in the post", "cameras on" in a video call, a "name tag".

A reminder that keeps someone out of the pictures ("Oscar P is no-photo, so he's behind the camera")
lets off the first names and initials of its own sentence, and of the sentences beside it when it
names nobody itself ("Can someone blur Maya B? no consent"); a caption's other sentences still put
their children in the picture. A consent form still to come back ("no photo consent form back from Tom
J's family") is paperwork to chase (consent_paperwork_words.txt), not a reminder.

A famous namesake (famous_people.txt) credited with a song is nobody on the roster either: "covering
Tom Jones" in a text about songs (namesake_credits_before.txt), "Green, Green Grass of Home (Tom Jones,
arr. D. Hughes)" (namesake_credits_after.txt), "2. Delilah - Tom Jones" in a set list. A famous name
alone proves nothing: "Tom Jones smashed the drum solo, video up tomorrow" is the child, and so is
"Keys - Tom Jones" and "covering Tom Jones's solo".

Someone else with the name: a visitor from an outside organisation ("Oscar from the council's comms
team", "Tom Jones, grants officer at ...": visiting_organisations.txt, adult_roles.txt), a compound
word ("Oscar-winning"), a famous namesake's song in quotes ("Tom Jones' 'It's Not Unusual'") or in a
playlist's "Artist - Title" credit ("Tom Jones - Sex Bomb").

The text's words are normalised and hashed with the roster key and compared with the stored
hashes, so the checker never needs the roster in clear either.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import NOT_A_NAME, ArtistLists
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.roster import RosterIndex, normalise_name
from bot.checks.wordlists import entries, phrase_pattern

# "Zoë Brontë (Sir Thomas Rich's)": an honour before a capitalised name is the start of a school's or a
# person's name in the brackets, not a grown-up's role held by the participant (round 27).
_HONORIFIC_ROLE = lazy_compile(r"(?<![\w-])(?:[Ss]ir|[Dd]ame)$")
_CAPITALISED_WORD_AFTER = lazy_compile(r"[ \t]+[A-Z][a-z]")
_WORD = lazy_compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Words of one name are separated by spaces or a hyphen ("Mary-Jane", "Smith-Jones"), nothing else.
_NAME_GAP = lazy_compile(r"[ \t\u00a0]+|-|[ \t]*-[ \t]*")
_OTHER_SURNAME_AFTER = lazy_compile(r"[ \t\u00a0]+(?P<surname>(?:Mc|Mac|O['\u2019])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_DETERMINER_BEFORE = lazy_compile(r"\b(?:a|an|the|that|this|some|old|classic)[ \t]+$", re.IGNORECASE)
_COMMA_GAP = lazy_compile(r"[ \t]*,[ \t]*")
_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'S", "\u2019S")

_ACCOUNT_AFTER = lazy_compile(
    r"[ \t]*(?:accounts?\b|(?:account[ \t]+)?(?:passwords?|pw|pwd|pass|passcode|logins?|log-?in|log[ \t]+in|2fa|sign[ \t-]?in|username|credentials)\b)",
    re.IGNORECASE,
)
_normalise = lru_cache(maxsize=65_536)(normalise_name)
# "Ella G", "Ella G.", "ella g" after a photo word, "Ella (G)", "Tom J's solo": a first name and a
# surname's initial.
_INITIAL = lazy_compile(
    r"(?<![\w-])(?P<first>[^\W\d_]+(?:-[^\W\d_]+)?)[ \t]+(?:\([ \t]*(?P<bracketed>[^\W\d_])\.?[ \t]*\)"
    r"|(?P<initial>[^\W\d_])(?:\.|(?![\w'\u2019])|(?=['\u2019]s\b)))"
)
# "I" and "a" after a first name are usually words: "Maya I love this", "Tom a great shot".
_WORD_NOT_INITIAL = lazy_compile(r"[ \t]+[a-z]")
# "Ella (Grant)": a surname in brackets straight after a first name.
_BRACKETED_SURNAME = lazy_compile(
    r"(?<![\w-])(?P<first>[A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?)[ \t]*\([ \t]*"
    r"(?P<last>[^\W\d_][^\W\d_'\u2019]*(?:['\u2019][^\W\d_]+)?(?:[ \t-][^\W\d_]+){0,2})[ \t]*\)"
)
# A song's credit: "Delilah (Tom Jones)"; "Delilah by Tom Jones" in a text about songs.
_CREDIT_BRACKET_BEFORE = lazy_compile(r"[A-Z][\w'\u2019]*[!?]?[ \t]*\([ \t]*$")
_CREDIT_BY_BEFORE = lazy_compile(r"[A-Za-z][\w'\u2019]*[ \t]+by[ \t]+$")
# A quoted title straight after a name: "Tom Jones 'It's Not Unusual'", "Tom Jones's 'Delilah'".
_QUOTED_TITLE_AFTER = lazy_compile(r"(?:['\u2019]s?)?[ \t]*[\"'\u2018\u201c][ \t]*[A-Z0-9]")
# Someone in the picture, said of a first name the organisation's own people share: "photo of Maya",
# "Maya's in loads of the pics", "Tom's solo", "shout out to Tom for his first gig".
_PICTURED_AFTER = lazy_compile(
    r"(?:['\u2019]s|[ \t]+(?:is|was|are|were))[ \t]+(?:in|on|at|front)\b"
    r"|['\u2019]s[ \t]+(?:(?:first|last|big|amazing|brilliant)[ \t]+)?"
    r"(?:solo|set|gig|performance|photo|pic|picture|video|clip|shot|verse|track)\b", re.IGNORECASE)
_CELEBRATED_BEFORE = lazy_compile(
    r"\b(?:shout[ \t-]?outs?|well[ \t]+done|congrats|congratulations|proud[ \t]+of|props|kudos)[ \t]+(?:to[ \t]+)?$",
    re.IGNORECASE)
# "crop Oscar out", "crop him out of the group shot": keeping someone out of a picture.
_CROP_OUT = lazy_compile(r"\bcrop(?:ped|ping)?[ \t]+(?:[\w'\u2019]+[ \t]+){1,2}?out\b", re.IGNORECASE)
# A hashtag marks a post for the public ("#TMWlive", "#youthmusic"): not a Slack channel written in
# angle brackets, nor a number ("room #3").
_HASHTAG = lazy_compile(r"(?<![\w<&])#[^\W\d_][\w]{2,}")
# Names listed together: "Tom, Isla and Noah", "Maya and Finn's duet", "Maya & Kai".
_LISTED_WITH = lazy_compile(r"[ \t]*(?:,|&|\+|/|\band\b)[ \t]*(?:and[ \t]+)?")
_LISTED_BEFORE = lazy_compile(r"(?P<other>[^\W\d_]+)[ \t]*(?:,|&|\+|/|\band\b)[ \t]*(?:and[ \t]+)?$")
# How far after a listed name a performance may be said ("..., Isla and Noah played a blinder").
_PERFORMANCE_REACH = 60
# A playlist's credit: "Tom Jones - Sex Bomb", "Tom Jones: Delilah".
_CREDIT_DASH_AFTER = lazy_compile(r"[ \t]*[-\u2013\u2014:][ \t]*[\"'\u2018\u201c]?[A-Z0-9]")
# A famous namesake after a song title and a dash in a list of songs: "2. Delilah \u2013 Tom Jones".
_TITLE_DASH_BEFORE = lazy_compile(r"(?P<title>[A-Z][\w'\u2019]*[!?]?)[ \t]*[-\u2013\u2014][ \t]*$")
# Where one sentence of a text ends: a line break, "?" or "!", or a full stop before a capital ("Noah
# T. Oscar P is no-photo"). A reminder that keeps someone out of the pictures covers its own sentence.
_SENTENCE_END = lazy_compile(r"\n|[!?]+(?=\s)|\.(?=[ \t]+[\"'\u2018\u201c(]?[A-Z])")
# "young producer", "junior volunteer": a role young people have too.
_YOUNG_ROLE = lazy_compile(r"\b(?:young|junior|youth|teen|teenage|trainee)\b", re.IGNORECASE)
_YOUNG_ROLE_BEFORE = lazy_compile(r"\b(?:young|junior|youth|teen|teenage|trainee)[ \t]+$", re.IGNORECASE)
# "Oscar-winning", "Tom-style": a name inside a compound word.
_COMPOUND_AFTER = lazy_compile(r"-[a-z]")
_SONG_WORDS = lazy_compile(r"\b(?:songs?|tracks?|covers?|covered|covering|set[ \t]?list|setlist|singles?|albums?|tunes?|playlist|"
                         r"number|classic|hit|karaoke|sing|singing|sang|sung|sing-?along|singalong)\b", re.IGNORECASE)
# "Tom Jones's Delilah": a famous namesake's possessive and a capitalised title.
_TITLE_AFTER_POSSESSIVE = lazy_compile(r"['\u2019]s[ \t]+[\"'\u2018\u201c]?[A-Z0-9]")
# Words that make an organisation a young people's one, whatever it ends with: "the Youth Council".
_YOUNG_ORGANISATION = lazy_compile(r"\b(?:youth|young|junior|juniors|kids|children['\u2019]?s?|school|academy|college|pupils?)\b",
                                 re.IGNORECASE)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Is position inside one of spans, which are sorted and do not overlap?"""
    index = bisect_right(spans, (position, math.inf)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _another_surname_after(text: str, end: int) -> bool:
    after = _OTHER_SURNAME_AFTER.match(text, end)
    return after is not None and after.group("surname") not in NOT_A_NAME


class _WholeText:
    """What a whole text says, read at most once however many names it holds: each reading scans the
    whole text, so reading it again for every name would make a long list of names quadratic."""

    def __init__(self, detector: NameDetector, text: str) -> None:
        self.text = text
        self._detector = detector

    @cached_property
    def about_publicity(self) -> bool:
        return self._detector._about_publicity(self.text)

    @cached_property
    def about_songs(self) -> bool:
        return _SONG_WORDS.search(self.text) is not None

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The text's sentences, as (start, end) pairs in order."""
        bounds, start = [], 0
        for end in _SENTENCE_END.finditer(self.text):
            bounds.append((start, end.end()))
            start = end.end()
        bounds.append((start, len(self.text)))
        return bounds

    @cached_property
    def refusal_sentences(self) -> list[int]:
        """The indexes of the sentences that keep someone out of the pictures."""
        return [i for i, (start, end) in enumerate(self.sentences) if self._detector._keeps_out(self.text, start, end)]


class NameDetector:
    def __init__(self, context: CheckContext):
        self._roster: RosterIndex | None = context.roster if context.roster and len(context.roster) else None
        self._publicity = lazy_compile(
            rf"(?<!\w)(?:{phrase_pattern(entries('publicity_words', context.extra_terms))})(?!\w)", re.IGNORECASE
        )
        # "a pic of oscar", "tag maya": a name written in lower case right after a photo word.
        self._photo_of_before = lazy_compile(
            rf"(?<!\w)(?:(?:{phrase_pattern(entries('publicity_words', context.extra_terms))})[ \t]+(?:of|with)"
            rf"|shots?[ \t]+of|close[ \t-]?ups?[ \t]+of|tag|tagged|tagging)[ \t]+$", re.IGNORECASE
        )
        refusals = phrase_pattern(entries("publicity_refusals", context.extra_terms))
        self._refusal = lazy_compile(rf"(?<!\w)(?:{refusals})(?!\w)", re.IGNORECASE)
        # "no photo consent form back from ...": paperwork to chase, not a decision to keep someone out.
        paperwork = phrase_pattern(entries("consent_paperwork_words", context.extra_terms))
        self._paperwork_after = lazy_compile(rf"[ \t]+(?:{paperwork})(?!\w)", re.IGNORECASE)
        # "in the post", "cameras on", "name tag": a photo or publicity word in another sense.
        senses = phrase_pattern(entries("not_publicity_senses", context.extra_terms))
        # "can you post Oscar's certificate?": posting a thing that goes by mail (posted_things.txt) is the
        # mail's sense too (round 25); a photo word elsewhere in the text still counts.
        posted = phrase_pattern(entries("posted_things", context.extra_terms))
        # The words between may not be about pictures themselves: "just posted Maya's photo with her
        # trophy" is publicity.
        pictures = phrase_pattern(entries("publicity_words", context.extra_terms))
        self._not_publicity = lazy_compile(
            rf"(?<!\w)(?:{senses})(?!\w)"
            rf"|\bpost(?:ed|ing)?[ \t]+(?:(?!(?:{pictures})(?!\w))[\w'\u2019]+[ \t]+){{0,4}}?(?:{posted})(?!\w)",
            re.IGNORECASE)
        # "covering Tom Jones", "(Tom Jones, arr. D. Hughes)", "(Tom Jones/Les Reed, arr. L. Moore)": a
        # famous namesake credited with a song.
        credits_before = phrase_pattern(entries("namesake_credits_before", context.extra_terms))
        self._credit_before = lazy_compile(rf"(?<!\w)(?:{credits_before})[ \t]+$", re.IGNORECASE)
        credits_after = phrase_pattern(entries("namesake_credits_after", context.extra_terms))
        self._credit_in_bracket_after = lazy_compile(
            r"(?:[ \t]*(?:/|&|\band\b)[ \t]*[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,2})?"
            rf"[ \t]*(?:\)|[,;:]?[ \t]*(?:{credits_after})(?!\w))", re.IGNORECASE)
        # First names of the organisation's own people ("Maya", our young leader; "Tom" Ellis): the
        # name alone is one of them unless the text puts it in the picture.
        self._org_first_names = frozenset(
            _normalise(name.split()[0]) for name in context.org_people if name.split())
        self._famous = frozenset(" ".join(n.lower().split()) for n in entries("famous_people", context.extra_terms))
        # Round 27: a famous namesake in a list of famous artists, and one held up as a yardstick.
        self._artists = ArtistLists(self._famous, phrase_pattern(entries("artist_list_cues", context.extra_terms)))
        comparisons = phrase_pattern(entries("namesake_comparisons", context.extra_terms))
        self._comparison_before = lazy_compile(rf"(?<![\w-])(?:{comparisons})[ \t,]*$", re.IGNORECASE)
        self._comparison_after = lazy_compile(rf"[ \t,]*(?:{comparisons})(?![\w-])(?![ \t]+of\b)", re.IGNORECASE)
        works = phrase_pattern(entries("namesake_works", context.extra_terms))
        self._work_after = lazy_compile(rf"[ \t]+(?:{works})(?!\w)", re.IGNORECASE)
        # "ozzy" -> ("oscar",): a nickname and the first names it may stand for.
        self._nicknames: dict[str, tuple[str, ...]] = {}
        for entry in entries("nicknames", context.extra_terms):
            nickname, _, names = entry.partition("=")
            formal = tuple(_normalise(n) for n in names.split(",") if n.strip())
            if nickname.strip() and formal:
                self._nicknames[_normalise(nickname)] = formal
        # Someone else who shares the name: a visitor from an outside organisation, or an adult's role.
        organisations = phrase_pattern(entries("visiting_organisations", context.extra_terms))
        self._visitor_after = lazy_compile(
            rf"(?:['\u2019]s)?[ \t]*,?[ \t]+(?:from|at|of|representing|with)[ \t]+(?:the[ \t]+|our[ \t]+)?"
            rf"(?:[\w&'\u2019-]+[ \t]+){{0,4}}?(?:{organisations})(?!\w)", re.IGNORECASE)
        roles = phrase_pattern(entries("adult_roles", context.extra_terms))
        self._role_after = lazy_compile(
            rf"[ \t]*(?:,|\(|-|\u2013)[ \t]*(?:(?:our|the|a|an|is|was|as)[ \t]+)?(?:[a-z]+[ \t]+)?(?:{roles})\b"
            rf"(?![ \t]*[\-\u2013:])", re.IGNORECASE)
        self._role_before = lazy_compile(rf"\b(?:{roles})\.?[ \t]*,?[ \t]+$", re.IGNORECASE)
        # "Maya on lead vocals", "Tom (drums)", "Maya - keys": a part credited in a line-up or a caption
        # is a performer, so a first name the organisation's own people share is the participant then.
        parts = phrase_pattern(entries("performer_parts", context.extra_terms))
        self._performer_part = lazy_compile(rf"(?:{parts})", re.IGNORECASE)
        self._performing_after = lazy_compile(
            rf"[ \t]+on[ \t]+(?:the[ \t]+)?(?:{parts})(?!\w)|[ \t]*\((?:{parts})\)|[ \t]*[-\u2013:][ \t]*(?:{parts})(?!\w)",
            re.IGNORECASE)

    def find(self, doc: Document) -> list[Span]:
        if self._roster is None:
            return []
        text = doc.masked
        words: list[tuple[int, int, str]] = []
        joinable: list[bool] = []
        reversible: list[bool] = []
        previous_end = -1
        previous_capitals = False
        for match in _WORD.finditer(text):
            start, end = match.span()
            word = match.group()
            if word.endswith(_POSSESSIVE_ENDINGS):
                end -= 2
            if words:
                joins = _NAME_GAP.fullmatch(text, previous_end, start) is not None
                joinable.append(joins)
                # "Smith, Amy" and "SMITH Amy": the surname-first order of registers and lists.
                reversible.append(_COMMA_GAP.fullmatch(text, previous_end, start) is not None
                                  or (previous_capitals and joins and not word.isupper()))
            words.append((start, end, self._formal_name(_normalise(word))))
            previous_end = match.end()
            previous_capitals = len(word) > 1 and word.isupper()
        joinable.append(False)
        reversible.append(False)

        spans = []
        names = self._roster.find_names(words, joinable)
        for reversed_name in self._roster.find_reversed_names(words, joinable, reversible):
            overlapping = [n for n in names if n.start < reversed_name.end and reversed_name.start < n.end]
            # A full name written surname first beats the first name alone inside it ("Jones, Tom").
            if all(not n.full_name for n in overlapping):
                names = [n for n in names if n not in overlapping] + [reversed_name]
        # The first words of the full names found: "Grace" later in a text that says "Grace Entwistle"
        # is the same child, already reported.
        named_in_full = {_normalise(_WORD.match(text, n.start).group()) for n in names if n.full_name}
        facts = _WholeText(self, text)
        names += self._bracketed_surnames(text, names)
        initials = self._initials(text, names) if self._roster.has_initials else []
        kept_out = self._kept_out_spans(facts, [n.start for n in names] + [start for start, _, _ in initials])
        # "Tom B": somebody else called Tom, not the opted-out Tom J on the roster.
        someone_else = {start for start, _, opted_out in initials if opted_out is None}
        for name in names:
            if name.full_name:
                if (self._namesakes_work(text, name.start, name.end) or self._song_credit(text, name.start, name.end)
                        or self._famous_title(text, name.start, name.end) or self._famous_credit(facts, name.start, name.end)
                        or self._someone_else(text, name.start, name.end)):
                    continue
                # An opted-out child's full name is one finding, the opt-out (it removes the whole name).
                spans.append(Span(Kind.PHOTO_CONSENT if name.opted_out else Kind.FULL_NAME, name.start, name.end))
                continue
            if (_normalise(text[name.start:name.end]) in named_in_full or name.start in someone_else
                    or self._someone_else(text, name.start, name.end)):
                continue
            written_as_a_name = text[name.start].isupper() or self._photo_of_before.search(
                text, max(0, name.start - 30), name.start) is not None
            if (facts.about_publicity and written_as_a_name and not _another_surname_after(text, name.end)
                    and not _inside(name.start, kept_out) and self._pictured_if_shared(text, name.start, name.end)):
                # "Tom Ellis" is somebody else called Tom: the surname says it is not our Tom.
                spans.append(Span(Kind.PHOTO_CONSENT, name.start, name.end))
        spans += self._shared_first_names(facts, words, names, initials, named_in_full, kept_out)
        if any(opted_out for _, _, opted_out in initials) and facts.about_publicity:
            spans += [Span(Kind.PHOTO_CONSENT, start, end) for start, end, opted_out in initials
                      if opted_out and not _inside(start, kept_out)]
        return spans

    def _kept_out_spans(self, facts: _WholeText, named_at: list[int]) -> list[tuple[int, int]]:
        """The stretches of a text that keep someone out of the pictures: each sentence that says so
        ("Oscar P is no-photo so he's stood behind the camera"), and, when it names nobody itself ("no
        consent", "She's no-photo"), the sentences either side, which it is about. A caption's other
        sentences still put their children in the picture."""
        sentences = facts.sentences
        named_at = sorted(named_at)
        covered = set()
        for index in facts.refusal_sentences:
            start, end = sentences[index]
            covered.add(index)
            first_named = bisect_left(named_at, start)
            if first_named == len(named_at) or named_at[first_named] >= end:
                covered.update((max(0, index - 1), min(len(sentences) - 1, index + 1)))
        # Sentences follow one another without overlapping, so the spans stay sorted and apart.
        return [sentences[index] for index in sorted(covered)]

    def _formal_name(self, word: str) -> str:
        """A nickname as the roster's first name it stands for ("ozzy" -> "oscar"), when nobody on the
        roster is called by the nickname itself; any other word as it is."""
        formal = self._nicknames.get(word)
        if not formal or self._roster.is_first_name(word):
            return word
        return next((name for name in formal if self._roster.is_first_name(name)), word)

    def _someone_else(self, text: str, start: int, end: int) -> bool:
        """Somebody who is not the participant: "Oscar from the council's comms team", "Tom Jones,
        grants officer", "Cllr Maya", "Oscar-winning"."""
        visitor = self._visitor_after.match(text, end)
        if visitor is not None and _YOUNG_ORGANISATION.search(visitor.group()) is None:
            return True
        if _COMPOUND_AFTER.match(text, end) is not None:
            return True
        role = self._role_after.match(text, end)
        if role is not None and not _YOUNG_ROLE.search(role.group()) and not (
                _HONORIFIC_ROLE.search(role.group()) and _CAPITALISED_WORD_AFTER.match(text, role.end())):
            return True
        role = self._role_before.search(text, max(0, start - 30), start)
        # "young producer Oscar", "junior volunteer Ella": a young person's role.
        return role is not None and _YOUNG_ROLE_BEFORE.search(text, max(0, role.start() - 12), role.start()) is None

    def _shared_first_names(self, facts: _WholeText, words: list, names: list, initials: list,
                            named_in_full: set, kept_out: list[tuple[int, int]]) -> list[Span]:
        """A first name that participants with different answers share ("Ella"), in a text that puts
        it in the picture: "clip of Ella", "Ella's in the reel", "shout out to Ella". It may be the
        opted-out one, so the sender is asked to check."""
        if not self._roster.has_shared_opted_out_firsts:
            return []
        text = facts.text
        found = []
        taken = [(n.start, n.end) for n in names] + [(s, e) for s, e, _ in initials]
        for start, end, word in words:
            if not text[start].isupper() or word in named_in_full:
                continue
            if self._roster.first_name_consent(word) != "some_opted_out":
                continue
            if any(s < end and start < e for s, e in taken) or _another_surname_after(text, end):
                continue
            if self._someone_else(text, start, end) or _inside(start, kept_out):
                continue
            if not (self._photo_of_before.search(text, max(0, start - 30), start) is not None
                    or _CELEBRATED_BEFORE.search(text, max(0, start - 30), start) is not None
                    or _PICTURED_AFTER.match(text, end) is not None):
                continue
            if facts.about_publicity:
                found.append(Span(Kind.PHOTO_CONSENT, start, end))
        return found

    def _initials(self, text: str, names: list) -> list[tuple[int, int, bool | None]]:
        """First names with a surname's initial ("Ella G", "Ella G.", "ella g" after "photo of"), each
        with initial_opted_out's answer. Not inside a full name already found."""
        found = []
        for match in _INITIAL.finditer(text):
            first = match.group("first")
            initial = match.group("bracketed") or match.group("initial")
            start, end = match.start(), match.end()
            if any(n.start < end and start < n.end for n in names if n.full_name):
                continue
            if first in NOT_A_NAME:
                continue
            capitalised = first[0].isupper() and initial.isupper()
            # "pov: tom j finally lands it": a caption all in lower case writes the initial so too;
            # it still needs a text about publicity (find()).
            lower_caption = first.islower() and initial.islower()
            if not capitalised and not lower_caption and self._photo_of_before.search(text, max(0, start - 30), start) is None:
                continue
            if initial in "IiAa" and not match.group("bracketed") and text[match.end("initial"):match.end("initial") + 1] != "." \
                    and _WORD_NOT_INITIAL.match(text, match.end("initial")):
                continue
            opted_out = self._roster.initial_opted_out(_normalise(first), initial)
            found.append((start, match.end("initial") if match.group("initial") else end, opted_out))
        return found

    def _bracketed_surnames(self, text: str, names: list) -> list:
        """"Ella (Grant)": the roster's full name, with the surname in brackets."""
        if "(" not in text:
            return []
        found = []
        for match in _BRACKETED_SURNAME.finditer(text):
            words = [(match.start("first"), match.end("first"), _normalise(match.group("first")))]
            for part in re.finditer(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", match.group("last")):
                words.append((match.start("last") + part.start(), match.start("last") + part.end(), _normalise(part.group())))
            joinable = [True] * (len(words) - 1) + [False]
            for name in self._roster.find_names(words, joinable):
                if name.full_name and name.start == match.start():
                    found.append(type(name)(match.start(), match.end(), name.opted_out, True))
        return found

    def _keeps_out(self, text: str, start: int, end: int) -> bool:
        """A sentence that keeps someone out of pictures ("no photos of him", "crop Oscar out", "his
        parents haven't consented") reminds; it shares no one. Only a first name or an initial is let
        off so: a full name is still reported, and is a leak wherever it goes. A consent form still to
        come back ("no photo consent form from ...") is paperwork to chase, and keeps no one out."""
        if _CROP_OUT.search(text, start, end) is not None:
            return True
        return any(self._paperwork_after.match(text, refusal.end(), end) is None
                   for refusal in self._refusal.finditer(text, start, end))

    def _pictured_if_shared(self, text: str, start: int, end: int) -> bool:
        """A first name one of the organisation's own people shares ("Tom took great photos", "Maya
        is doing the captions") is them, unless the text puts that name in the picture or celebrates
        it: "photo of Maya", "Maya's in the pics", "tag Tom", "shout out to Tom for his first gig"."""
        if _normalise(text[start:end]) not in self._org_first_names:
            return True
        return (self._photo_of_before.search(text, max(0, start - 30), start) is not None
                or _CELEBRATED_BEFORE.search(text, max(0, start - 30), start) is not None
                or _PICTURED_AFTER.match(text, end) is not None
                or self._performing_after.match(text, end) is not None
                or self._listed_with_participant(text, start, end))

    def _listed_with_participant(self, text: str, start: int, end: int) -> bool:
        """"Tom, Isla and Noah smashing it", "Maya and Finn's duet": a first name listed beside another
        participant's first name (one the organisation's own people do not share) is the participant."""
        others = []
        gap = _LISTED_WITH.match(text, end)
        if gap and gap.end() > end:
            after = _WORD.match(text, gap.end())
            if after:
                others.append(after.group())
        before = _LISTED_BEFORE.search(text, max(0, start - 40), start)
        if before:
            others.append(before.group("other"))
        for other in others:
            if other.endswith(_POSSESSIVE_ENDINGS):
                other = other[:-2]
            key = _normalise(other)
            if other[:1].isupper() and key not in self._org_first_names and self._roster.is_first_name(key):
                return True
        return False

    def _famous_title(self, text: str, start: int, end: int) -> bool:
        """A famous namesake with one of their songs in quotes, "Tom Jones 'It's Not Unusual'", credited
        in a playlist, "Tom Jones - Sex Bomb", or with a title after a possessive, "Tom Jones's Delilah"."""
        if " ".join(text[start:end].lower().split()) not in self._famous:
            return False
        if _QUOTED_TITLE_AFTER.match(text, end) is not None:
            return True
        credited = _CREDIT_DASH_AFTER.match(text, end) or _TITLE_AFTER_POSSESSIVE.match(text, end)
        return credited is not None and _SONG_WORDS.search(text) is not None

    def _famous_credit(self, facts: _WholeText, start: int, end: int) -> bool:
        """A famous namesake credited with a song: "covering Tom Jones", "made famous by Tom Jones"
        (namesake_credits_before.txt); in a title's brackets with an arranger or co-writer, "Green,
        Green Grass of Home (Tom Jones, arr. D. Hughes)" (namesake_credits_after.txt); after a title and
        a dash in a list of songs, "2. Delilah \u2013 Tom Jones". A child's part credited so ("Keys \u2013
        Tom Jones") is still the child, and so is one whose solo is covered for ("covering Tom Jones's
        solo", "covering Tom Jones on keys")."""
        text = facts.text
        if " ".join(text[start:end].lower().split()) not in self._famous:
            return False
        if (_CREDIT_BRACKET_BEFORE.search(text, max(0, start - 30), start) is not None
                and self._credit_in_bracket_after.match(text, end) is not None):
            return True
        if self._credit_before.search(text, max(0, start - 30), start) is not None:
            return (text[end:end + 1] not in ("'", "\u2019") and self._performing_after.match(text, end) is None
                    and facts.about_songs)
        titled = _TITLE_DASH_BEFORE.search(text, max(0, start - 40), start)
        if (titled is not None and self._performer_part.fullmatch(titled.group("title")) is None
                and facts.about_songs):
            return True
        # "Move over Tom Jones", "Tom Jones would be proud": the famous singer held up as a yardstick
        # (namesake_comparisons.txt; "would be proud of himself" is the child); "Expect Ella Fitzgerald,
        # Stormzy, Tom Jones and Little Mix covers": listed beside another famous artist (rounds 26 and 27).
        if (self._comparison_before.search(text, max(0, start - 30), start) is not None
                or self._comparison_after.match(text, end) is not None
                or self._artists.beside_famous(text, start, end)):
            return True
        # "soul legends: Otis Redding, Etta James, Tom Jones": a list word says so too, unless a performance
        # follows ("Our young legends: Tom Jones, Isla and Noah played a blinder" lists children).
        return (self._artists.listed_after_cue(text, start, end)
                and self._performing_after.search(text, end, min(len(text), end + _PERFORMANCE_REACH)) is None)

    def _song_credit(self, text: str, start: int, end: int) -> bool:
        """"Delilah (Tom Jones)", or "Delilah by Tom Jones" in a text about songs."""
        if _CREDIT_BRACKET_BEFORE.search(text, max(0, start - 30), start) and text[end:end + 1] == ")":
            return True
        return _CREDIT_BY_BEFORE.search(text, max(0, start - 30), start) is not None and _SONG_WORDS.search(text) is not None

    def _about_publicity(self, text: str) -> bool:
        """Is the text about photos, film or publicity? "insta pw changed" and "facebook login" are
        about an account's password, not about putting anyone in a picture; "in the post", "cameras
        on" and "name tag" are about the mail, a video call and a badge (not_publicity_senses.txt)."""
        other_senses = [found.span() for found in self._not_publicity.finditer(text)]
        return (any(_ACCOUNT_AFTER.match(text, found.end()) is None
                    and not any(s <= found.start() and found.end() <= e for s, e in other_senses)
                    for found in self._publicity.finditer(text))
                or _HASHTAG.search(text) is not None)

    def _namesakes_work(self, text: str, start: int, end: int) -> bool:
        """"the Tom Jones classic", "a Tom Jones number", "Tom Jones tribute night": a famous namesake's
        work, not a participant."""
        if text[end:end + 1] in ("'", "\u2019"):
            return False
        if self._work_after.match(text, end) is None:
            return False
        # "Tom Jones tribute night": a famous namesake's name needs no "the" before their work.
        return (_DETERMINER_BEFORE.search(text, max(0, start - 12), start) is not None
                or " ".join(text[start:end].lower().split()) in self._famous)
