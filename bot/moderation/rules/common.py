"""Helpers the phrase-pattern rules share."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import fold, phrase_form, tokenize
from .base import MessageUnderReview


def label_part(label: str) -> str:
    """A section label as the middle of a reason line ("Insult ..." -> "insult ...")."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


class PhraseSet:
    """Whole-word phrases to look for in phrase text ("contains any of")."""

    def __init__(self, entries: Iterable[str]) -> None:
        alternatives = sorted({" ".join(tokenize(fold(e))) for e in entries} - {""}, key=len, reverse=True)
        self._regex = (
            re.compile(r"(?<![^ ])(?:" + "|".join(re.escape(a) + " " for a in alternatives) + ")")
            if alternatives
            else None
        )

    def search(self, phrase_text: str) -> str | None:
        """The first phrase found in `phrase_text`, or None."""
        if self._regex is None:
            return None
        match = self._regex.search(phrase_text)
        return match.group(0).strip() if match else None

    def positions(self, phrase_text: str) -> list[int]:
        """Where each phrase found in `phrase_text` starts."""
        if self._regex is None:
            return []
        return [match.start() for match in self._regex.finditer(phrase_text)]

    def find_all(self, phrase_text: str) -> list[str]:
        """Every phrase found in `phrase_text`, in order, as often as found."""
        if self._regex is None:
            return []
        return [match.strip() for match in self._regex.findall(phrase_text)]


# Characters read before a position for each word asked for (a generous word's length).
_WORDS_BEFORE_REACH = 40


def as_written(phrases) -> re.Pattern[str]:
    """One pattern for a list's phrases as whole words of a message's own text (any case, longest first),
    where a span in the text as written is needed rather than in its phrase form."""
    alternatives = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b", re.IGNORECASE)


def words_before(text: str, position: int, count: int) -> list[str]:
    """Up to `count` words before `position` in phrase text, within its sentence. Only a bounded
    stretch before `position` is read, so calling this for every match in a long message stays linear."""
    start = max(0, position - _WORDS_BEFORE_REACH * max(count, 1))
    words = text[start:position].split()
    if start > 0 and words and not text[start - 1].isspace():
        words = words[1:]  # the stretch began inside a word
    words = words[-count:]
    if "." in words:
        words = words[len(words) - words[::-1].index(".") :]
    return words


# Words in quotes, as someone reporting them writes them: "called another one 'X'",
# "said 'I'll stab you' to his brother" (apostrophes inside words are kept).
_REPORTED_SPEECH = re.compile(r"(?<!\w)['‘\"“](?:[^'’\"”\n]|(?<=\w)['’](?=\w)){1,60}['’\"”](?!\w)")


def without_reported_speech(message: MessageUnderReview, reports: PhraseSet) -> MessageUnderReview:
    """The message without its quoted words when it reports an incident ("I stopped
    it and wrote it up", ``incident_reports.txt``): a leader writing up what a child
    said is reporting those words, not saying them. Otherwise the message itself."""
    if not _REPORTED_SPEECH.search(message.text) or not reports.search(message.phrase_text):
        return message
    return MessageUnderReview(_REPORTED_SPEECH.sub(" ", message.text), user=message.user, ts=message.ts,
                              edited=message.edited, thread_ts=message.thread_ts)


def without_quoted_words(message: MessageUnderReview) -> MessageUnderReview:
    """The message without any quoted words (a word being discussed: "words like 'X'")."""
    if not _REPORTED_SPEECH.search(message.text):
        return message
    return MessageUnderReview(_REPORTED_SPEECH.sub(" ", message.text), user=message.user, ts=message.ts,
                              edited=message.edited, thread_ts=message.thread_ts)


# A quoted title after the word that names it: "the song's called 'I know where you
# live'", "the line 'you'll regret it' in the chorus"; or an example given ("threats
# like 'I know where you live' are always reported"). The words are a title, a
# lyric or an example, not said to anyone.
_QUOTED_TITLE = re.compile(
    r"\b(?:called|titled|named|song|track|tune|single|lyric|lyrics|line|chorus|album|film|book|like|such as|eg|e\.g\."
    # Round 12: a lyric sung or quoted from a song ("that old song that goes 'you'd
    # better watch your back'", "the kids keep singing 'we will rock you'").
    r"|(?:song|track|tune|line|chorus|verse|bit)\s+(?:that\s+|which\s+)?goes|singing|sings|sang)\s+"
    + _REPORTED_SPEECH.pattern
)


def without_quoted_titles(message: MessageUnderReview) -> MessageUnderReview:
    """The message without quoted titles and lyrics named as such, or the message itself."""
    if not _QUOTED_TITLE.search(message.text):
        return message
    return MessageUnderReview(_QUOTED_TITLE.sub(" ", message.text), user=message.user, ts=message.ts,
                              edited=message.edited, thread_ts=message.thread_ts)


# Where a clause of a message ends: a sentence's end, a colon or semicolon, a comma, a dash
# between spaces, or a new line ("Tyler, deleted: ...", "Deleted - fake IDs ...").
_CLAUSE_BREAK = re.compile(r"[.!?:;,\n]+|\s[-\u2013\u2014]+\s|^[-\u2013\u2014]+\s|\s[-\u2013\u2014]+$")
# A removal notice is a short clause: "Removed Kian's post", not a story that starts "gone to ...".
_REMOVAL_CLAUSE_WORDS = 3
# Words before a removal word that are not the name of the member addressed ("you're gone").
_NOT_NAMES = frozenset({"i", "i'm", "im", "i've", "ive", "you", "you're", "youre", "ur", "u", "he", "he's", "hes",
                        "she", "she's", "shes", "they", "they're", "theyre", "we", "we're", "it", "it's", "its",
                        "that", "that's", "thats", "all", "just", "long", "been", "be", "is", "are", "was", "get", "got"})


class RemovalNotices:
    """(round 25, issue 16) A moderator's own removal message that names the rule it enforces.

    "Tyler, deleted: calling someone a thief without evidence is defamation", "Gone. Talking
    about smashing someone's car is a threat", "No paid tuition adverts in here please, I've
    pulled it": a clause that is a removal notice (``removal_notices.txt``: starts with one, or
    with one after a name, and is at most three words) and a rule named beside it (``rules_named.txt``,
    ``reproach_markers.txt``, ``enforcement_replies.txt``, or ``rules_asked.txt`` after a no). A removal word inside a longer
    clause ("the post got removed by the venue", "gone to the shop") is no notice, and a notice
    with no rule named ("deleted. anyway ...") removes nothing the message goes on to say.
    """

    def __init__(self, lists) -> None:
        self.notices = frozenset(" ".join(tokenize(fold(e))) for e in lists.entries("removal_notices")) - {""}
        self.rules = PhraseSet(lists.entries("rules_named") + lists.entries("reproach_markers")
                               + lists.entries("enforcement_replies"))
        self.requests = PhraseSet(lists.entries("rules_asked"))
        self.alternatives = as_written(lists.entries("alternatives_offered"))
        self.negations = PhraseSet(lists.entries("negations"))

    def _names_rule(self, phrase_text: str) -> bool:
        """A rule named outright, or asked for beside a no ("no politics in here please")."""
        return self.rules.search(phrase_text) is not None or (
            self.requests.search(phrase_text) is not None and self.negations.search(phrase_text) is not None)

    def _is_notice(self, clause: str) -> bool:
        words = tokenize(fold(clause))
        if not words or len(words) > _REMOVAL_CLAUSE_WORDS:
            return False
        # The notice starts the clause, or follows the name of the member it is addressed to
        # ("@Jay post removed", "Kian deleted"); "you're gone" or "he's pulled" is no name and no notice.
        starts = [0] if len(words) < 2 or words[0] in _NOT_NAMES else [0, 1]
        return any(" ".join(words[first:last]) in self.notices
                   for first in starts for last in range(first + 1, len(words) + 1))

    def _parts(self, message: MessageUnderReview) -> tuple[list[str], set[int]] | None:
        """The message's clauses and which of them are the notice and the rule it names, or None when
        it is no removal notice. The rule must be named in the notice's own clause or one beside it:
        "Gone. Jay is not allowed near my sister, I will stab him" names the rule and then goes on."""
        if not self._names_rule(message.phrase_text):
            return None
        clauses = _CLAUSE_BREAK.split(message.text)
        for index, clause in enumerate(clauses):
            if not self._is_notice(clause):
                continue
            for beside in (index, index + 1, index - 1):
                if 0 <= beside < len(clauses) and self._names_rule(phrase_form(fold(clauses[beside]))):
                    return clauses, {index, beside}
        return None

    def present(self, message: MessageUnderReview) -> bool:
        """Does the message remove a post and name the rule it enforces, beside the notice?"""
        return self._parts(message) is not None

    def _past_alternative(self, clause: str) -> str:
        """What a clause says after the other way the moderator offers ("... a free taster instead?" says
        nothing more; "... somewhere else instead or I'll smash your face in" goes on to threaten)."""
        offered = list(self.alternatives.finditer(clause))
        return clause[offered[-1].end():] if offered else clause

    def what_follows(self, message: MessageUnderReview) -> MessageUnderReview | None:
        """What a removal notice goes on to say, without the notice and the rule it names: "Pulled it.
        Not allowed to post that. Anyway I'm going to hurt you" still threatens. None when it says
        nothing more, or only offers the member another way ("... a free taster instead?"), or is no notice.
        What a clause says after the other way offered is still read ("... instead or I'll smash your face in")."""
        parts = self._parts(message)
        if parts is None:
            return None
        clauses, notice = parts
        rest = " ".join(self._past_alternative(c).strip() for i, c in enumerate(clauses) if i not in notice)
        if not rest.strip():
            return None
        return MessageUnderReview(rest, user=message.user, ts=message.ts, edited=message.edited,
                                  thread_ts=message.thread_ts)


class Enforcement:
    """(round 23, issue 16) A message that deals with a breach rather than making it.

    A moderator removing or refusing it ("Kyle, I've taken that down, 'double your money'
    is always a scam"), anyone naming it as a scam or a crime to warn others
    (``enforcement_replies.txt``), or a member passing on a rumour to ask what to do
    ("someone's posting that the club pockets its grant, should we share it?":
    ``rumours_passed.txt`` with a question, ``rumour_questions.txt`` or a "?"). What such a
    message names is the breach being dealt with, so the threat, solicitation and illegal
    rules leave it. Someone offering the scheme or proposing the cash-in-hand says none of
    these, and a rumour passed on with no question still spreads it.
    """

    def __init__(self, lists) -> None:
        self.replies = PhraseSet(lists.entries("enforcement_replies"))
        self.rumours = PhraseSet(lists.entries("rumours_passed"))
        self.questions = PhraseSet(lists.entries("rumour_questions"))
        self.removals = RemovalNotices(lists)

    def enforces(self, message: MessageUnderReview) -> bool:
        """A moderator's or member's reply that removes, refuses or warns against the breach."""
        return self.replies.search(message.phrase_text) is not None or self.removals.present(message)

    def asks_about_rumour(self, message: MessageUnderReview) -> bool:
        """A rumour passed on with a question about what to do with it."""
        return self.rumours.search(message.phrase_text) is not None and (
            "?" in message.text or self.questions.search(message.phrase_text) is not None)

    def deals_with_breach(self, message: MessageUnderReview) -> bool:
        return self.enforces(message) or self.asks_about_rumour(message)

    def left_to_read(self, message: MessageUnderReview) -> MessageUnderReview | None:
        """What a content rule should still read of the message: all of it when it deals with no
        breach; what a removal notice goes on to say ("Removed. Sell weed in here please, dm me"
        still sells), since only the notice and the rule it names are the moderator's; None when the
        message is all about the breach it deals with."""
        if not self.deals_with_breach(message):
            return message
        # A reply that names the breach to refuse it is all about it, unless it is a removal notice that
        # goes on ("Removed. No selling in here please. I've got weed for a tenner, dm me").
        rest = self.removals.what_follows(message)
        if rest is None or self.deals_with_breach(rest):
            return None
        return rest
