"""Off-topic: several successive posts by one person unrelated to the channel.

How relatedness is measured (transparent on purpose, so a moderator can
see why a post was flagged):

1. A post's *content words* are its words of three or more letters that are
   not in ``stopwords.txt``, lightly stemmed (``conversation.stem``).
2. The post is *related* when any content word is also a content word of
   - the channel's purpose line (its name included),
   - the topic lexicon (``topic_lexicon.txt`` and ``instruments.txt``:
     music, the arts and the charity's own work, on topic in every channel), or
   - the recent on-topic conversation (the last 8 on-topic posts of the
     last three hours, anyone's): here *two* shared words are needed, since
     one word in common with eight posts is chance, two is a reply that
     picks up what someone said.
3. A post with fewer than two content words ("haha", "see you then") is too
   short to judge: it neither adds to nor ends a run.

Posts judged off topic do not join the "recent conversation", so a group
drifting off topic together does not make its own drift look related.

4. A post that opens by carrying on ("and ...", "also ...":
   ``carry_on_words.txt``) from its writer's own off-topic post of a few
   minutes before continues that side conversation: one topical word is not
   enough to bring it back ("and the final dance was so good" after two
   posts about a TV show), so it takes two lexicon words, a word of the
   purpose or the conversation.
5. Keeping the channel on track is on topic: "let's keep this to sessions
   please", "take that to #random" (``channel_housekeeping.txt``), so a
   moderator closing side conversations never makes a run of their own.

Policy 5.7 deletes "multiple successive off-topic posts by a single user": one
person's run is flagged from its second (``off_topic_run_length``) post on; one
unrelated message alone never is. Two kinds of run are followed:

- A side conversation, whoever takes part: it starts at a message that
  names a distraction (``off_topic_subjects.txt``: games, TV, sport,
  holidays, pets...) or asks about one (``side_topic_openers.txt``: "anyone
  watching ...", "has anyone been to ...") and is not about the purpose, and every message after
  it carries it on, short reactions too ("noooo", "3-1 to us"), until one
  is on topic or closes it ("let's park holiday chat", "take it to DMs":
  ``channel_housekeeping.txt``; never flagged itself), or 15 minutes pass
  in silence. Inside it, a word of the lexicon that is also an everyday
  word (``everyday_topic_words.txt``: "pick", "stage", "keys") alone does
  not end it. Someone who posted its last message and posts again is
  carrying it on: as in 4, one topical word ("the costumes were unreal")
  does not end it. A message in it is flagged when it is its writer's second
  (or later) in it, and the whole side conversation from its
  ``off_topic_side_chat_length``-th message (3); with that set to 0, other
  people's messages, one each, are a friendly exchange and are not flagged.
- One person's successive unrelated posts: posts by other people in
  between do not break it; an on-topic post by that person does, and so
  does a day's silence (``off_topic_run_gap_seconds``).

Round 6 (issue 16), what outsiders' text showed the rule got wrong:

6. During a side conversation, a message that reads as a return to the
   work (``back_to_work.txt``: a question, "anyone got", "I'll send",
   "reminder", "could we", or any "?") and names a word of the work that is
   not an everyday word, or a word of the purpose, brings it back, whoever
   writes it: "anyone got the notes from Tuesday's session?". Without that
   shape, one work word in passing does not end it ("the keyboard is sticky
   now lol" after a spilt coffee): it takes two, or a word of the purpose.
   Saying you are muting the chat (``leaving_side_chat.txt``) is not
   carrying it on either.
7. Laughter and emoji alone ("😂😂", "lol", "hahaha": ``laughter.txt``) are
   reactions: never flagged, and not counted as messages of a side
   conversation (nor do they end one).
8. The working vocabulary (``work_words.txt``: rehearsal and gig logistics,
   kit, files, course work, the group's own fundraising) is on topic in
   every channel, like the lexicon; and a word of the work is never taken
   for a distraction word ("unit 4" is not Man United).
9. A distraction named only in a comparison ("sound like a bunch of
   strangled cats") neither opens a side conversation nor makes a message
   distracted.

Round 7 (issue 16):

10. A side conversation also opens at an unrelated message in the words of
    leisure (``leisure_words.txt``: festivals, a series told by its plot,
    matches and local grounds, travel, celebrities), not only at a listed
    distraction: "kingsholm was rocking on saturday". These words are weaker
    than distraction words: a message that names the work or the purpose as
    well stays on topic ("the festival booked us for the acoustic tent"),
    so they open nothing there. (Runs were then flagged from their third
    message; round 24 moved one person's run to its second post, as the
    policy words it, and stopped flagging side conversations as a whole.)

Round 10 (issue 16):

11. An aside the writer announces as one (``side_topic_announcers.txt``:
    "total tangent but", "completely unrelated but", "random q but") opens a
    side conversation, as an opening question does, when the message is not
    about the work; the reason names it ('about an aside ("total tangent")').
12. A person's name written inside a sentence ("Ha Linda, me and Tobi watch
    every Saturday") does not pick up the recent conversation: the child
    named in the work before is not the topic coming back.

Round 11 (issue 16):

13. A side conversation also opens at a question about, or a tale of, an
    outing or a show told by seeing, watching or going somewhere at a time
    of leisure (``off_topic.patterns.txt`` with ``leisure_times.txt``):
    "who's seeing the wicked film this weekend", "anyone going to
    boardmasters this year", "did anyone see masterchef last night",
    whatever the show or festival is called. "going to" with a verb after it
    is a plan, not a trip (``future_verbs.txt``: "who's going to bring the
    mics tonight"). Like a leisure word, such a message is not brought on
    topic by an everyday word of the lexicon ("film", "tickets"). Short
    replies with no work in them ("me!! the 4pm?", "not started yet, no
    spoilers pls") carry it on, so its third message on is flagged.
14. The channel's own terms (``purpose_vocabulary.txt``): the words of the
    kind of work the purpose names count as words of the purpose ("diss" in
    a grime and rap writing channel, "tuba" in a brass band's), so "can i
    diss my maths teacher tho" or a joke about tuba players is on topic
    there and, however short, ends a side conversation, as a word of the
    purpose itself does.
15. A word of the purpose that only says when a distraction happens
    ("cinema after practice?") does not make it the work.

Round 14 (issue 16):

16. A side conversation also opens at a question of who has seen, played,
    watched or read something ("has anyone played the new zelda"), unless it
    names the work ("has anyone seen the new rota"), and at a school subject's
    work ("did anyone bomb the physics mock", ``school_subjects.txt`` with
    ``school_work.txt``), whose "coursework" or "mock" is the school's, not the
    channel's. Both are sections of ``off_topic.patterns.txt``; its options
    say which matches name the work and which are a distraction.
17. Everyone who has posted in a side conversation carries it on, not only its
    last poster. From one of them a bare question ("170 wasn't it? kid's a
    machine") or one word of the earlier work ("I've rewatched it three
    times") is more of it; they come back in the words of a return ("anyway!
    who's free Tuesday for envelopes?").
18. Someone else brings the channel back with one word of its earlier work in
    a question or an offer ("who can bring the raffle prizes?"); a plain answer
    to the side conversation ("no, gave up after 40 mins in the queue") needs
    two. Inside a side conversation an everyday word of the lexicon ("a link to
    the stream") does not count towards the two words of the work either.

Round 24 (issue 16), outside writers read the policy's "multiple successive
off-topic posts by a single user" literally:

19. One person's second successive off-topic post is the breach (see above); a
    side conversation of one message each from several people is one only where
    ``off_topic_side_chat_length`` says so. A person's first flagged post must be
    plainly more of something else: a distraction, their side topic, or their
    own aside still the channel's last word (not a leader's second reply to a
    breach after an errand).
20. A person's follow-up minutes after their own off-topic post, with nobody
    back at the work since, is more of the same thing whatever it is about (a
    pet, a wedding, a planning row), with no list naming it: it is judged
    however short, and one word of the work in passing does not end it. A
    question or a return to the work ("Can I bring my niece to the open
    day?") is judged as any message is, and ends the run when it is on topic.
21. A reply that picks up a word of the message just before it, someone else's
    on-topic post of minutes ago ("the shirt won't fit" after the uniform
    list), answers the work: it is on topic and ends its writer's run.

Round 29 (issue 16), keeping a channel on track in the forms friends use:

22. Apologising for one's own aside or saying it is over, as the message's last words ("panic
    over, sorry all", "ok sorry, done now": ``aside_closes.txt``), or, from someone outside the
    side conversation, telling it to focus in a word ("jayden focus 😂": ``focus_nudges.txt``, a
    short message, not asked or denied), is read as housekeeping is: never flagged, and it closes
    the side conversation.
23. A reply that answers the side conversation and then turns ("anyway", "back to":
    ``tail_turns.txt``) to a question or return about the work ("not watched it yet! anyway, is
    the break in the middle section four or eight bars?") brings the channel back: the part
    after the turn is read alone, and must name the work or the purpose and no distraction.

A channel without a purpose, or whose purpose says anything goes ("anything
goes", "random", "off-topic", "general chat": ``anything_goes.txt``), has no
off-topic posts.
"""

from __future__ import annotations

import re
from typing import Any

from ..config import ModerationConfig
from ..conversation import OFF_TOPIC, ON_TOPIC, TOO_SHORT, ConversationMemory, Verdict, stem
from ..findings import Finding
from ..patterns import PatternSet, PhraseMatch
from ..text import MENTION_TOKEN, tokenize
from ..wordlists import WordLists
from .base import REPORTED_FOR, ChannelContext, ChannelPurpose, MessageUnderReview
from .common import PhraseSet, as_written, words_before

_MIN_WORD_LENGTH = 3
# An off_topic.patterns.txt option: the section's matches are a distraction (their work words
# are someone else's work: "the physics mock"), as a word of off_topic_subjects.txt is.
DISTRACTS = "distracts"
# An off_topic.patterns.txt option: the section's matches open nothing when the message names
# a word of the work ("has anyone seen the new rota").
UNLESS_WORK = "unless-work"
# "Football talk to #random please": sending a conversation to another channel.
_SENT_TO_A_CHANNEL = re.compile(r"(?<![^ ])(?:to|in|for|into) #[a-z]")
_WORDS_SHARED_WITH_CONVERSATION = 2
_TOKEN_CACHE_LIMIT = 50_000
_LEXICON_WORDS_WHILE_DRIFTING = 2
# How soon after an off-topic post the next one carries on the same side conversation.
_DRIFT_SECONDS = 15 * 60
# "after practice", "before rehearsal": the work named only as when something else happens.
_WHEN_THE_WORK = re.compile(r"(?<![^ ])(?:after|before|till|until|til) (?:the |our |this |tonight's |todays |today's )?[^ ]+ ")
# "at the rugby club", "from Kingsholm": where something of the work is (round 19).
_PLACE_PREPOSITIONS = frozenset({"at", "from", "to", "outside", "behind", "near", "by", "in", "into", "opposite", "round"})
_DETERMINERS = frozenset({"the", "our", "their", "that"})
# "a season of our gigs": who a thing of the work belongs to, between "of" and the thing (round 21).
_OWNERS = frozenset({"the", "our", "my", "your", "their", "his", "her", "new", "this", "that"})
# "6 30", "7pm", "half 6": a clock time in phrase text.
_CLOCK_TIME = re.compile(r"(?<![^ ])(?:\d{1,2} \d\d|\d{1,2}(?:am|pm)|half \d{1,2}|\d{1,2} o'?clock)(?![^ ])")
# "jayden focus", "lads focus pls": a nudge is a name and the word, at most three content words.
_NUDGE_STEMS = 3
_REPEATS = re.compile(r"(.+?)\1+")
# A capitalised word that does not open a sentence ("Ha Linda! Tobi and I"): after a letter, digit
# or comma and a space. Sentence openers are left out, as they are capitalised whatever they are.
_NAME_INSIDE_SENTENCE = re.compile(r"(?<=[\w,] )([A-Z][a-z]+)\b")
# "like a cat being stepped on": "like a/an" and up to five words, unless a
# wish ("I'd like a", "would like an") or a liking ("I like a good match").
_LIKENING = re.compile(
    r"(?<![^ ])((?:i'd|id|we'd|you'd|would|i|we|you|they|really|also|just) )?like an? (?:[^ .,!?]+ ){0,5}"
)


class OffTopicRule:
    name = "off_topic"

    def __init__(self, lists: WordLists, config: ModerationConfig) -> None:
        self.config = config
        self._token_stems: dict[str, tuple[str, ...]] = {}
        # Kit named with digits ("808", "9v") is as topical as kit named in letters, and so
        # (round 24) is kit named in two letters ("the PA", "the DJ"), under three letters as it is.
        self._numbered_terms = frozenset(
            word
            for name in ("topic_lexicon", "instruments", "work_words")
            for entry in lists.entries(name)
            for word in tokenize(entry)
            if any(c.isdigit() for c in word) or (len(entry.strip()) < _MIN_WORD_LENGTH and word.isalpha())
        )
        self.stopwords = frozenset(w for entry in lists.entries("stopwords") for w in tokenize(entry))
        # Instruments are on topic everywhere too (one list, not two to keep
        # in step). Of a phrase, only its last word, the thing it names, is
        # taken: "french horn" makes "horn" topical, not "french".
        # The working vocabulary (kit, files, course work, logistics:
        # ``work_words.txt``) is on topic everywhere as well.
        lexicon = lists.entries("topic_lexicon") + lists.entries("instruments") + lists.entries("work_words")
        self.lexicon = frozenset(self.content_stems([tokenize(entry)[-1] for entry in lexicon if tokenize(entry)]))
        self.anything_goes = PhraseSet(lists.entries("anything_goes"))
        self.everyday = frozenset(self.content_stems([w for e in lists.entries("everyday_topic_words") for w in tokenize(e)]))
        # Games, TV, holidays, pets, sport: related only through the purpose.
        # A word of the work is never a distraction word: "unit 4" is course
        # work even though "united" (Man United) stems the same way.
        work = frozenset(self.content_stems([tokenize(e)[-1] for e in lists.entries("work_words") if tokenize(e)]))
        self.distractions = frozenset(
            self.content_stems([tokenize(entry)[-1] for entry in lists.entries("off_topic_subjects") if tokenize(entry)])
        ) - work
        # A side conversation starts at a distraction named in so many words
        # (stems alone would take "code" for "CoD").
        self.subjects = PhraseSet(lists.entries("off_topic_subjects"))
        self.openers = PhraseSet(lists.entries("side_topic_openers"))
        # "total tangent but ...", "completely unrelated but ...": the writer says it is an aside.
        self.announcers = PhraseSet(lists.entries("side_topic_announcers"))
        # The words of leisure (festivals, a series' plot, matches and grounds,
        # travel, celebrities: ``leisure_words.txt``) are weaker than a
        # distraction word: they never take a message about the work off
        # topic ("the festival booked us for the acoustic tent"), but an
        # unrelated message that names one opens a side conversation.
        self.leisure = PhraseSet(lists.entries("leisure_words"))
        # Asking about (or telling of) an outing or a show by seeing, watching or
        # going somewhere at a time of leisure ("who's seeing the wicked film
        # this weekend"): ``off_topic.patterns.txt``, whatever the show is called.
        self.outings = PatternSet("off_topic", lists, allowed_options=frozenset({DISTRACTS, UNLESS_WORK}))
        # The channel's own terms (``purpose_vocabulary.txt``): words of the kind
        # of work the purpose names ("diss" in a grime writing channel) count as
        # words of the purpose.
        self.purpose_vocabulary = [
            (frozenset(self.content_stems(keys.split())), frozenset(self.content_stems(words.split())))
            for keys, _, words in (entry.partition("=") for entry in lists.entries("purpose_vocabulary"))
        ]
        self.negations = frozenset(entry for entry in lists.entries("negations") if " " not in entry)
        # (round 29) Closing one's own aside ("panic over, sorry all": ``aside_closes.txt``, as the
        # message's last words) keeps the channel on track as housekeeping does; so does someone
        # else's nudge in a word ("jayden focus 😂": ``focus_nudges.txt``), in a short message only.
        self.housekeeping = PhraseSet(lists.entries("channel_housekeeping"))
        self._aside_close = _any_phrase(lists.entries("aside_closes"))
        self.nudges = PhraseSet(lists.entries("focus_nudges"))
        # (round 29) "not watched it yet! anyway, is the break four or eight bars?": what follows a
        # turn word (``tail_turns.txt``) is read on its own, as a reply may answer the side chat first.
        self._tail_turn = _any_phrase(lists.entries("tail_turns"))
        self._tail_turn_as_written = as_written(lists.entries("tail_turns"))
        self.reproach = PhraseSet(lists.entries("reproach_markers"))
        self.carry_on = frozenset(entry for entry in lists.entries("carry_on_words") if " " not in entry)
        self.back_to_work = PhraseSet(lists.entries("back_to_work"))
        # (round 18) "ok we should get off festivals and sort the rota", "right, enough festival
        # chat": a return said in so many words ends a side conversation, as housekeeping does.
        self.returns = PatternSet("side_returns", lists)
        # (round 18) "match funding", "flight case": the work's phrases that hold a word of
        # leisure are read without it before asking whether a message names a distraction.
        self.work_phrases = PhraseSet(lists.entries("work_phrases"))
        self.leaving = PhraseSet(lists.entries("leaving_side_chat"))
        # (round 19) "anyway, Saturday - who's driving?": a turn word opening a plan
        # (``turn_words.txt`` with ``schedule_words.txt``) brings the channel back by its form.
        self.turn_words = tuple(" ".join(tokenize(e)) + " " for e in lists.entries("turn_words") if tokenize(e))
        self.schedule = PhraseSet(lists.entries("schedule_words") + lists.entries("days"))
        # A day named in the purpose ("Saturday youth orchestra") says when, not what (``days.txt``).
        self.days = frozenset(self.content_stems([w for e in lists.entries("days") for w in tokenize(e)]))
        # (round 19) "collect it from Kingsholm", "the Stadium car park": a place named
        # for an errand of the work (``place_errands.txt``, ``place_nouns.txt``).
        # Getting or booking something (``errand_verbs.txt``) does not name the work ("who's booked a haircut").
        self.errand_verbs = frozenset(self.content_stems([w for e in lists.entries("errand_verbs") for w in tokenize(e)]))
        self.place_errands = PhraseSet(lists.entries("place_errands"))
        self.place_nouns = frozenset(" ".join(tokenize(e)) for e in lists.entries("place_nouns") if tokenize(e))
        self.laughter = frozenset(_squeeze(entry) for entry in lists.entries("laughter"))
        # (round 21) The everyday side topics told in their own words (``side_topics.txt``,
        # ``side_vocab_TOPIC.txt``): (topic, the purpose's words that make it the channel's own,
        # its words as phrases, its one-word entries' stems).
        self.side_topics: list[tuple[str, frozenset[str], PhraseSet, frozenset[str]]] = []
        for line in lists.entries("side_topics"):
            topic, _, keys = (part.strip() for part in line.partition("="))
            vocabulary = lists.entries(f"side_vocab_{topic}")
            single = [e for e in vocabulary if len(tokenize(e)) == 1]
            self.side_topics.append((topic, frozenset(self.content_stems(keys.split())), PhraseSet(vocabulary),
                                     frozenset(self.content_stems([w for e in single for w in tokenize(e)]))))
        # The words of a hobby as written (one-word entries of the side topics' vocabularies and
        # of off_topic_subjects.txt), for telling a hobby word used in a name of the work: as
        # written, not stemmed, since a stem joins words apart ("keeper" and "keeps", "boxing"
        # and "boxes").
        self._hobby_words = frozenset(
            tokenize(e)[0] for line in lists.entries("side_topics")
            for e in lists.entries(f"side_vocab_{line.partition('=')[0].strip()}") if len(tokenize(e)) == 1
        ) | frozenset(tokenize(e)[0] for e in lists.entries("off_topic_subjects") if len(tokenize(e)) == 1)
        # "runner beans", "crate training", "sausage rolls": a side topic's own compounds, whose
        # words are not the work's ("run", "training") however the lexicon spells them.
        self.topic_compounds = PhraseSet(
            e for line in lists.entries("side_topics") for e in lists.entries(f"side_vocab_{line.partition('=')[0].strip()}")
            if len(self.content_stems(tokenize(e))) >= 2
        )

    def _reaction_only(self, message: MessageUnderReview) -> bool:
        """Only laughter, emoji and punctuation ("😂😂", "lol", "hahaha")?"""
        return all(_squeeze(token) in self.laughter for token in message.tokens) and bool(message.text.strip())

    def _returns_to_work(self, message: MessageUnderReview, stems: list[str], purpose: frozenset[str], taking_part: bool) -> bool:
        """Does the message read as a question, offer, reminder or suggestion
        about the work ("anyone got the notes from Tuesday's session?")?
        It needs a word of the work that is not also an everyday word. From
        someone already in the side conversation a bare question is more of
        it ("170 wasn't it? kid's a machine"): it takes the words of a return."""
        if not (self.back_to_work.search(message.phrase_text) or ("?" in message.text and not taking_part)):
            return False
        return any((s in self.lexicon and s not in self.everyday) or s in purpose for s in stems)

    def content_stems(self, tokens: list[str]) -> list[str]:
        """The stems of the words that say what a text is about."""
        stems: list[str] = []
        cache = self._token_stems
        for token in tokens:
            found = cache.get(token)
            if found is None:
                if len(cache) >= _TOKEN_CACHE_LIMIT:
                    cache.clear()  # words repeat, so a small cache does; flat memory
                found = cache[token] = self._stems_of_token(token)
            stems.extend(found)
        return stems

    def _stems_of_token(self, token: str) -> tuple[str, ...]:
        if token == MENTION_TOKEN or token in self.stopwords:
            return ()
        return tuple(
            stem(word)
            for word in token.lstrip("#").replace("-", " ").replace("_", " ").split()
            if word in self._numbered_terms
            or (len(word) >= _MIN_WORD_LENGTH and word.replace("'", "").isalpha() and word not in self.stopwords)
        )

    def purpose_stems(self, purpose: ChannelPurpose) -> frozenset[str] | None:
        """Content stems of the purpose; None when off-topic doesn't apply."""
        if self.name not in purpose.derived:
            if not purpose or self._says_anything_goes(purpose.prepared.phrase_text):
                purpose.derived[self.name] = None
            else:
                stems = frozenset(self.content_stems(purpose.prepared.tokens))
                own_terms = [words for keys, words in self.purpose_vocabulary if keys & stems]
                # (round 21) A channel whose purpose is a side topic ("brass band at rugby home
                # games: rugby chants") has that topic's words as words of its purpose.
                own_topics = [words for _, keys, _, words in self.side_topics if keys & stems]
                purpose.derived[self.name] = stems.union(*own_terms, *own_topics)
                purpose.derived[self.name + ":topics"] = frozenset(t for t, keys, _, _ in self.side_topics if keys & stems)
        return purpose.derived[self.name]

    def _says_anything_goes(self, purpose_text: str) -> bool:
        # "#random" says so; "no random chat please" says the opposite.
        return any(
            self.negations.isdisjoint(words_before(purpose_text, start, 2))
            for start in self.anything_goes.positions(purpose_text)
        )

    def memory(self, context: ChannelContext) -> ConversationMemory:
        memory = context.states.get(self.name)
        if memory is None:
            memory = context.states[self.name] = ConversationMemory(self.config)
        return memory

    def verdict(self, message: MessageUnderReview, context: ChannelContext) -> tuple[Verdict, list[str]] | None:
        """(verdict, content stems), or None where off-topic doesn't apply."""
        if self.name in message.derived:
            return message.derived[self.name]
        purpose = self.purpose_stems(context.purpose)
        result: tuple[Verdict, list[str]] | None = None
        if purpose is not None:
            stems = self.content_stems(message.tokens)
            opening = self._side_opening(message)
            distracted = (opening is not None and DISTRACTS in opening.section.options) or any(
                s in self.distractions for s in self.content_stems(self._plain(message).split())
            )
            # (round 21) A follow-up in the words of the side topic its writer, or the running side
            # conversation, was just on ("ref needs his eyes tested" after rugby, "she's sulking in
            # her crate" after the puppy) is more of it, whatever work word it has in passing.
            # But a message that names the work in two words of its own, or in one and reads as a
            # suggestion or question about it ("what if we did a mini bake off for the juniors? could
            # raise a bit for the minibus fund"), uses the topic for the work: it is judged as any
            # other message is. One work word in passing ("pic of the courgette attached") is not that.
            live = self._live_topic(message, context)
            work_beside = self._work_words_beside(message, stems) if live is not None else set()
            message.derived[self.name + ":in_side_words"] = live is not None
            if live is not None and not (
                len(work_beside) >= _LEXICON_WORDS_WHILE_DRIFTING
                or (work_beside and self._returns_to_work(
                    message, stems, purpose, self.memory(context).in_side_run(message.user, message.time, _DRIFT_SECONDS)))
            ):
                distracted = True
            # (round 24) A person whose last post, minutes ago, was off topic and who now
            # writes neither a question nor a return to the work ("my dog's been lying on the
            # tiles all day", then "the vet says it's the heat") is telling more of the same
            # thing, whatever it is about and whether or not a list names it: as with a
            # carry-on word, one word of the work in passing does not end it.
            own_drift = self.memory(context).drifting_since_the_work(message.user, message.time, _DRIFT_SECONDS)
            asks_or_returns = "?" in message.text or bool(self.back_to_work.search(message.phrase_text))
            message.derived[self.name + ":follows_own_aside"] = own_drift and not asks_or_returns
            drifting = (
                own_drift and bool(message.tokens) and (message.tokens[0] in self.carry_on or not asks_or_returns)
            ) or self.memory(context).in_side_run(message.user, message.time, _DRIFT_SECONDS)
            memory = self.memory(context)
            side_so_far = memory.side_run(message.time, _DRIFT_SECONDS)[0]
            in_side_run = bool(side_so_far)
            if self._reaction_only(message):
                # "😂😂", "lol": a reaction, not a message of the side conversation.
                result = (TOO_SHORT, stems)
                message.derived[self.name + ":reaction"] = True
            elif (self.housekeeping.search(message.phrase_text) or _SENT_TO_A_CHANNEL.search(message.phrase_text)
                  or self._says_return(message) or self._closes_aside(message)
                  or (not memory.in_side_run(message.user, message.time, _DRIFT_SECONDS) and self._nudges_back(message, stems))
                  or ((in_side_run or own_drift) and self._turns_back_in_tail(message, purpose))):
                result = (ON_TOPIC, stems)
                message.derived[self.name + ":closes"] = True
            # A leader enforcing the agreement ("Freya, that's a dig at someone's
            # appearance - not ok here") is running the channel, not drifting from it.
            # Someone else picking up a word of what the channel was doing
            # before a side conversation ("who can bring the raffle prizes?"
            # after raffle talk) brings it back, however short.
            elif not distracted and (
                self.reproach.search(message.phrase_text) or self._picks_up_the_topic(message, context, stems)
            ):
                result = (ON_TOPIC, stems)
            # "muting this till the match is over": leaving the side
            # conversation is not carrying it on. Its distraction words do
            # not join the recent conversation.
            elif in_side_run and self.leaving.search(message.phrase_text):
                result = (ON_TOPIC, [s for s in stems if s not in self.distractions])
            # (round 19) A plan asked about or said with a turn ("anyway, Saturday - who's
            # driving?", "what time is soundcheck Saturday?") brings it back by its form,
            # with no word of the work.
            # The first reply to the side conversation's opener is part of it, whoever writes it
            # ("did anyone get the chem homework" - "the titration one? its due friday").
            elif in_side_run and not distracted and opening is None and self._turns_back(
                message, side_so_far < 2 or memory.in_side_run(message.user, message.time, _DRIFT_SECONDS)
            ):
                result = (ON_TOPIC, stems)
            # During a side conversation, a question, offer, reminder or
            # suggestion about the work brings it back, whoever writes it and
            # however short: "can I take the 4-6 slot on wednesday?",
            # "I'll stick the stems in the shared drive after tea".
            elif in_side_run and not distracted and self._returns_to_work(message, stems, purpose, memory.in_side_run(message.user, message.time, _DRIFT_SECONDS)):
                result = (ON_TOPIC, stems)
            # So does a word of the purpose or of the channel's own terms, however
            # short: "the sopranos will riot" in a choir's channel, "can i diss my
            # maths teacher tho" in a rap writing workshop's.
            elif in_side_run and not distracted and any(s in purpose for s in stems):
                result = (ON_TOPIC, stems)
            # A short reply ("I've got two, I'll bring one") says too little to
            # judge, unless it names a distraction ("the Traitors finale tho").
            # (round 21) Nor does one in a side topic's own words ("their new signing looks useless").
            # (round 24) Nor does a follow-up to its writer's own off-topic post of minutes before
            # ("the bride wants them all in lilac"): it is judged with the words it has.
            elif len(set(stems)) < self.config.off_topic_min_content_words + (
                0 if distracted or self._topics_in(message, context) or (own_drift and not asks_or_returns) else 1
            ):
                result = (TOO_SHORT, stems)
            else:
                if in_side_run:
                    # Inside a side conversation, one work word in passing ("the
                    # keyboard is sticky now" after a spilt coffee, "that band on
                    # the results show") does not end it: without the shape of a
                    # return (above) it takes two, or a word of the purpose.
                    drifting = True
                recent = memory.recent_words(message.time)
                topical = {s for s in stems if s in self.lexicon}
                if topical and (compounds := self.topic_compounds.find_all(message.phrase_text)):
                    topical -= set(self.content_stems(" ".join(compounds).split()))
                if opening is not None:
                    topical -= self.errand_verbs  # "who's booked a haircut": the booking is the errand's
                # Inside a side conversation an everyday word of the lexicon ("a link to the
                # stream") is the side conversation's own word, not the work's.
                lexicon_words = len(topical - self.everyday) if in_side_run else len(topical)
                if not drifting and topical <= self.everyday and (
                    memory.side_run(message.time, _DRIFT_SECONDS)[0]
                    # A question that opens a side conversation is not brought
                    # on topic by an everyday word ("did you see the news about the bridge").
                    or self.openers.search(message.phrase_text)
                    or self.announcers.search(message.phrase_text)
                    # Nor is an outing or a show ("did anyone manage to get taylor swift
                    # tickets", "who's seeing the wicked film this weekend").
                    or opening is not None
                    or self.leisure.search(self._plain(message))
                ):
                    drifting = True  # "my dad picks by the silliest name" carries a side conversation on
                # "cinema after practice?", "a haircut before the photos": a word of the work
                # that only says when a distraction or an errand happens does not make it the work.
                said = self._said(message) if distracted or opening is not None else stems
                if said is not stems:
                    lexicon_words = len({s for s in said if s in topical} - (self.everyday if in_side_run else frozenset()))
                # A day of the purpose ("Saturday youth orchestra") says when, not what.
                related = any(s in purpose and s not in self.days for s in said) or (
                    not distracted
                    and (
                        lexicon_words >= (_LEXICON_WORDS_WHILE_DRIFTING if drifting else 1)
                        or len({s for s in stems if s in recent}) >= _WORDS_SHARED_WITH_CONVERSATION
                        or (not drifting and live is None and self._answers_the_work(message, context, stems))
                    )
                )
                result = (ON_TOPIC if related else OFF_TOPIC, stems)
        message.derived[self.name] = result
        return result

    def _topics_in(self, message: MessageUnderReview, context: ChannelContext) -> dict[str, str]:
        """{side topic: the words of it found} in the message, leaving out the channel's own
        topics (a rugby band's channel talks rugby) and the work's compounds ("mic keeper")."""
        key = self.name + ":topics"
        if key not in message.derived:
            self.purpose_stems(context.purpose)
            own = context.purpose.derived.get(self.name + ":topics", frozenset())
            plain = self._plain(message)
            found: dict[str, str] = {}
            for topic, _, words, _ in self.side_topics:
                if topic not in own and (said := words.search(plain)) is not None:
                    found[topic] = said
            message.derived[key] = found
        return message.derived[key]

    def _work_words_beside(self, message: MessageUnderReview, stems: list[str]) -> set[str]:
        """The message's words of the work that are not everyday words nor part of a side
        topic's own phrase ("pastry week" in a baking show is the show's week)."""
        work = {s for s in stems if s in self.lexicon and s not in self.everyday}
        if work and (compounds := self.topic_compounds.find_all(message.phrase_text)):
            work -= set(self.content_stems(" ".join(compounds).split()))
        return work

    def _live_topic(self, message: MessageUnderReview, context: ChannelContext) -> tuple[str, str] | None:
        """(topic, its words) when the message carries on a side topic its writer or the running
        side conversation was just on; None otherwise. An edit is judged as it stands."""
        if message.edited:
            return None
        live = self.memory(context).live_topics(message.user, message.time, _DRIFT_SECONDS)
        return next(((t, w) for t, w in self._topics_in(message, context).items() if t in live), None)

    def _plain(self, message: MessageUnderReview) -> str:
        """The message's words without its comparisons ("like a bunch of strangled cats") and
        without the work's phrases that hold a word of leisure ("match funding": ``work_phrases.txt``)."""
        key = self.name + ":plain"
        if key not in message.derived:
            text = _without_likenings(message.phrase_text)
            if self.work_phrases.search(text) is not None:
                for phrase in sorted(set(self.work_phrases.find_all(text)), key=len, reverse=True):
                    text = re.sub(rf"(?<![^ ]){re.escape(phrase)}(?![^ ])", self._work_part(phrase), text)
            if self.place_errands.search(text) is not None:
                text = self._without_work_places(text)
            text = self._without_work_compounds(text)
            message.derived[key] = text
        return message.derived[key]

    def _without_work_compounds(self, text: str) -> str:
        """(round 21) The text without words of sport or TV used as part of a name of the
        work: a hobby word right beside a word of the work, or joined to one by "of"
        ("the mic keeper", "the ref mic", "a season of gigs", "the last episode of our
        podcast") names the work's thing, not the hobby."""
        words = text.split(" ")
        hobby = [w in self._hobby_words or (w.endswith("s") and w[:-1] in self._hobby_words) for w in words]
        if not any(hobby):
            return text
        drop = set()
        for at, is_hobby in enumerate(hobby):
            if not is_hobby:
                continue
            neighbours = [at - 1, at + 1]
            if at + 1 < len(words) and words[at + 1] == "of":
                neighbours += [at + 2, at + 3] if at + 2 < len(words) and words[at + 2] in _OWNERS else [at + 2]
            if any(0 <= n < len(words) and not hobby[n] and self._work_word(words[n]) for n in neighbours):
                drop.add(at)
        return " ".join(w for i, w in enumerate(words) if i not in drop) if drop else text

    def _work_word(self, word: str) -> bool:
        stems = self.content_stems([word])
        return bool(stems) and all(s in self.lexicon and s not in self.everyday for s in stems)

    def _hobby_word(self, word: str) -> bool:
        return any(s in self.distractions for s in self.content_stems([word])) or self.leisure.search(word + " ") is not None

    def _without_work_places(self, text: str) -> str:
        """(round 19) The text without places named for an errand of the work: after "at",
        "from", "in"..., a name holding a word of sport or leisure and followed by a place
        word ("the rugby club", "the Stadium car park"), or a leisure name alone ("from
        Kingsholm"). "at the match" names no place and stays."""
        words = text.split(" ")
        drop: set[int] = set()
        for at, word in enumerate(words):
            if word not in _PLACE_PREPOSITIONS:
                continue
            start = at + 1 + (at + 1 < len(words) and words[at + 1] in _DETERMINERS)
            for hobby in range(start, min(start + 3, len(words))):
                if not self._hobby_word(words[hobby]):
                    continue
                after = hobby + 1
                for size in (2, 1):
                    if " ".join(words[after:after + size]) in self.place_nouns:
                        drop.update(range(start, after + size))
                        break
                else:
                    if not any(s in self.distractions for s in self.content_stems([words[hobby]])):
                        drop.update(range(start, hobby + 1))
                break
        return " ".join(w for i, w in enumerate(words) if i not in drop) if drop else text

    def _work_part(self, phrase: str) -> str:
        """A work phrase's words that are not words of leisure ("match funding" -> "funding")."""
        kept = [w for w in phrase.split()
                if not any(s in self.distractions for s in self.content_stems([w])) and self.leisure.search(w) is None]
        return " ".join(kept) or "-"

    def _said(self, message: MessageUnderReview) -> list[str]:
        """Content stems without the work named only as when ("a haircut before the photos")."""
        return self.content_stems(_WHEN_THE_WORK.sub(" ", message.phrase_text).split())

    def _turns_back(self, message: MessageUnderReview, taking_part: bool) -> bool:
        """Does the message turn to a plan of the work by its form alone? A turn word
        opening a plan ("anyway, Saturday - who's driving?", ``turn_words.txt``), from
        anyone; from someone who has not taken part in the side conversation, a question
        about a plan ("what time is soundcheck Saturday?") or a plan with a day and a time
        ("Monday we start with the Rutter, 6:30 sharp"). Never one that names leisure."""
        phrase = message.phrase_text
        if self.schedule.search(phrase) is None or self.leisure.search(self._plain(message)):
            return False
        if phrase.startswith(self.turn_words):
            return True
        return not taking_part and ("?" in message.text or bool(_CLOCK_TIME.search(phrase)))

    def _closes_aside(self, message: MessageUnderReview) -> bool:
        """(round 29) The message ends by closing an aside ("panic over, sorry all"): said before more of
        it ("as you were lol, did you see the walk-on though?"), the close is no close."""
        phrase = message.phrase_text.rstrip()
        return any(close.end() == len(phrase) for close in self._aside_close.finditer(phrase))

    def _nudges_back(self, message: MessageUnderReview, stems: list[str]) -> bool:
        """(round 29) A nudge in a word and little else ("jayden focus 😂"): a name, the word, a laugh.
        In a longer message the word is the writer's own ("help me focus for finals"); asked or denied
        ("focus? on darts?", "can't focus on anything but darts") it is no nudge. The caller leaves out
        the side conversation's own members: their "lads focus 😂" is part of the joke."""
        if "?" in message.text or any(token in self.negations for token in message.tokens):
            return False
        return len(set(stems)) <= _NUDGE_STEMS and self.nudges.search(message.phrase_text) is not None

    def _turns_back_in_tail(self, message: MessageUnderReview, purpose: frozenset[str]) -> bool:
        """(round 29) Does the message, after a turn word ("..., anyway, is the break four or eight
        bars?"), ask about or return to the work? Its tail is read alone: a question or the words of a
        return, naming a word of the work or the purpose and no distraction or leisure. What it said
        to the side conversation before the turn is a polite answer, not more of it."""
        turns = list(self._tail_turn.finditer(message.phrase_text))
        if not turns:
            return False
        tail = message.phrase_text[turns[-1].end():]
        written = list(self._tail_turn_as_written.finditer(message.text))
        tail_text = message.text[written[-1].end():] if written else ""
        if not ("?" in tail_text or self.back_to_work.search(tail)):
            return False
        if self.subjects.search(tail) or self.leisure.search(tail):
            return False
        stems = self.content_stems(tail.split())
        if any(s in self.distractions for s in stems):
            return False
        return any((s in self.lexicon and s not in self.everyday) or (s in purpose and s not in self.days) for s in stems)

    def _says_return(self, message: MessageUnderReview) -> bool:
        """A return to the work in so many words (``side_returns.patterns.txt``)."""
        return bool(self.returns.first_matches(message.token_set, lambda section: message.phrase_text))

    def _side_opening(self, message: MessageUnderReview) -> PhraseMatch | None:
        """Where the message asks about or tells of an outing, a show, a game or
        school work (``off_topic.patterns.txt``: "anyone going to boardmasters
        this year", "did anyone bomb the physics mock"), or None."""
        key = self.name + ":outing"
        if key not in message.derived:
            found = self.outings.first_matches(message.token_set, lambda section: message.phrase_text)
            message.derived[key] = found[0] if found else None
        return message.derived[key]

    def _names_the_work(self, opening: PhraseMatch | None, stems: list[str], context: ChannelContext) -> bool:
        """Does a message that asks who has seen or played something name the work
        ("has anyone seen the new rota")? A word of the purpose always does; a word
        of the lexicon does after an opener of the list or of a section marked
        "unless-work", unless a distraction says whose it is ("the united game").
        An outing's gig or a school subject's coursework is not ours."""
        purpose = self.purpose_stems(context.purpose) or frozenset()
        # A distraction named beside it ("the united game") says whose the word is, as in `verdict`.
        ours = (opening is None or UNLESS_WORK in opening.section.options) and not any(s in self.distractions for s in stems)
        return any((s in purpose and s not in self.days) or (ours and s in self.lexicon and s not in self.everyday and s not in self.errand_verbs)
                   for s in stems)

    def _picks_up_the_topic(self, message: MessageUnderReview, context: ChannelContext, stems: list[str]) -> bool:
        """In a side conversation, does someone come back to the channel's recent
        on-topic conversation by using its words?"""
        memory = self.memory(context)
        if not memory.side_run(message.time, _DRIFT_SECONDS)[0]:
            return False
        # Someone taking part in the side conversation comes back from it only in the words
        # of a return ("anyway! who's free Tuesday for envelopes?"); anyone else with a
        # question or an offer.
        returning = bool(self.back_to_work.search(message.phrase_text))
        if memory.in_side_run(message.user, message.time, _DRIFT_SECONDS) and not returning:
            return False
        recent = memory.recent_words(message.time)
        # An everyday word ("a scrappy second half" after "the second page") picks nothing up, and
        # nor does a person's name: "Ha Linda! Tobi and I watch every Saturday" answers the side
        # conversation, whoever was named in the work before it.
        names = self._names_in(message.text)
        picked = {s for s in stems if s in recent and s not in self.everyday and s not in names}
        # One word in common is enough for a question or an offer ("who can bring the raffle
        # prizes?"); a plain answer to the side conversation ("no, gave up after 40 mins in the
        # queue") takes two, as one word shared with eight posts is chance.
        return len(picked) >= (1 if returning or "?" in message.text else _WORDS_SHARED_WITH_CONVERSATION)

    def _plainly_more_of_it(self, message: MessageUnderReview) -> bool:
        """(round 24) Is a person's first flagged post (their second unrelated one in a row)
        plainly more of something else? It names a distraction, carries on a side topic of
        theirs, or follows their own aside with nobody back at the work since. Two posts each
        merely unrelated in words, with the channel's work between them (a leader dealing with
        a breach after an errand), are not yet a run the policy would delete."""
        plain_stems = self.content_stems(self._plain(message).split())
        return (
            bool(message.derived.get(self.name + ":follows_own_aside"))
            or bool(message.derived.get(self.name + ":in_side_words"))
            or any(s in self.distractions for s in plain_stems)
            or self._side_opening(message) is not None
        )

    def _answers_the_work(self, message: MessageUnderReview, context: ChannelContext, stems: list[str]) -> bool:
        """(round 24) Does the message pick up a word of the message just before it, someone
        else's on-topic post of minutes ago ("the shirt won't fit" after "uniforms: white shirt
        and black trousers")? That is a reply to the work, not a new subject. Everyday words and
        people's names are left out, as in `_picks_up_the_topic`."""
        last = self.memory(context).reply_to_the_work(message.user, message.time, _DRIFT_SECONDS)
        names = self._names_in(message.text)
        return any(s in last and s not in self.everyday and s not in names for s in stems)

    def _names_in(self, text: str) -> frozenset[str]:
        """Stems of the words written with a capital inside a sentence: people's names, mostly."""
        return frozenset(
            stemmed
            for match in _NAME_INSIDE_SENTENCE.finditer(text)
            for stemmed in self.content_stems([match.group(1).lower()])
        )

    def side_run(self, message: MessageUnderReview, context: ChannelContext) -> tuple[int, str]:
        """(length, topic) of the channel's side conversation with this
        message in it; (0, "") when the message is not part of one."""
        key = self.name + ":side"
        if key not in message.derived:
            judged = self.verdict(message, context)
            result = (0, "")
            if (
                judged is not None
                and judged[0] != ON_TOPIC
                and not message.edited
                and not message.derived.get(self.name + ":reaction")
            ):
                length, topic = self.memory(context).side_run(message.time, _DRIFT_SECONDS)
                if length:
                    result = (length + 1, topic)
                else:
                    plain = self._plain(message)
                    named = self.subjects.search(plain) or self.leisure.search(plain)
                    opener = self.openers.search(message.phrase_text)
                    if named is None and opener and not self._names_the_work(None, judged[1], context):
                        named = _what_is_asked_about(message.phrase_text, opener)
                    opening = self._side_opening(message)
                    if named is None and opening is not None and not self._names_the_work(opening, self._said(message), context):
                        named = f'{opening.section.label} ("{opening.text}")'
                    if named is None and (announced := self.announcers.search(message.phrase_text)):
                        named = f'an aside ("{announced}")'
                    # (round 24) A message in the words of the purpose ("anyone on Fortnite tonight"
                    # in a Fortnite club) is the channel's own business, however short: it opens nothing.
                    purpose = self.purpose_stems(context.purpose) or frozenset()
                    if named is not None and not any(s in purpose and s not in self.days for s in self._said(message)):
                        result = (1, named)
            message.derived[key] = result
        return message.derived[key]

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        judged = self.verdict(message, context)
        if judged is None or judged[0] == ON_TOPIC:
            return None
        side, topic = self.side_run(message, context)
        if side:
            # Policy 5.7 names one user's successive posts: in a side conversation, this
            # person's own messages in it, other people's between them or not. The whole
            # exchange counts only where the organisation asks it to (``off_topic_side_chat_length``).
            own = self.memory(context).side_posts_of(message.user, message.time, _DRIFT_SECONDS) + 1
            evidence = {"run": str(side), "topic": topic, "content_words": ", ".join(dict.fromkeys(judged[1]))[:120]}
            # A reply with almost nothing in it ("lol yes") neither adds to nor ends a person's run.
            if not self._says_too_little(judged[1]) and own >= self.config.off_topic_run_length:
                return Finding(
                    "off_topic",
                    f"{_ordinal(own)} post by this person in a side conversation about {topic}, "
                    f"not what {_channel_name(context)} is for.",
                    evidence={**evidence, "own_posts": str(own)},
                )
            whole = self.config.off_topic_side_chat_length
            if whole and side >= whole:
                return Finding(
                    "off_topic",
                    f"{_ordinal(side)} message in a row about {topic}, not what {_channel_name(context)} is for.",
                    evidence=evidence,
                )
        if judged[0] != OFF_TOPIC:
            return None
        run = self.memory(context).run_length(message.user, message.ts, message.time, OFF_TOPIC)
        if run < self.config.off_topic_run_length:
            return None
        if run == self.config.off_topic_run_length and not self._plainly_more_of_it(message):
            return None
        words = ", ".join(dict.fromkeys(judged[1]))
        live = self._live_topic(message, context)
        about = f' (more about {live[0]}: "{live[1]}")' if live else ""
        return Finding(
            "off_topic",
            f"{_ordinal(run)} post in a row by this person unrelated to the channel's purpose or conversation{about}.",
            evidence={"run": str(run), "content_words": words[:120]},
        )

    def _says_too_little(self, stems) -> bool:
        """Fewer content words than `off_topic_min_content_words`: "lol yes", "same"."""
        return len(set(stems)) < self.config.off_topic_min_content_words

    def remember(self, message: MessageUnderReview, context: ChannelContext) -> None:
        judged = self.verdict(message, context)
        if judged is None:
            return
        verdict, stems = judged
        memory = self.memory(context)
        if message.derived.get(self.name + ":closes") and not message.edited:
            memory.closed_at = max(memory.closed_at, message.time)
        if message.derived.get(self.name + ":reaction"):
            pass  # a reaction neither carries a side conversation on nor ends it
        elif not message.edited:
            side, topic = self.side_run(message, context)
            if side == 1 and message.derived.get(REPORTED_FOR):
                # An advert or a threat that names a PS5 or a holiday is
                # reported for what it says; it does not open a side
                # conversation that the next, unrelated posts would carry on.
                side, topic = 0, ""
            # A reply with almost nothing in it ("lol yes") is not one of its writer's posts in the side
            # conversation; a short question that opens one ("has anyone been to Lanzarote?") is.
            memory.record_side_run(side, message.time, topic, message.user,
                                   counts_as_theirs=side == 1 or not self._says_too_little(stems))
            topics = frozenset(self._topics_in(message, context)) if verdict != ON_TOPIC else frozenset()
            memory.record_side_topics(side, topics)
            # A person's off-topic post in a side topic's words makes that topic theirs for a while;
            # an on-topic post ends it; a post in no topic's words leaves it as it was.
            if verdict == ON_TOPIC or topics:
                memory.record_topics_of(message.user, message.time, topics)
        elif verdict == ON_TOPIC and memory.side_length and message.time <= memory.side_time:
            memory.record_side_run(0, message.time, "")  # edited back onto the topic: the side conversation is over
        if message.derived.get(REPORTED_FOR) and verdict == OFF_TOPIC:
            # A post reported for what it says (a threat, an advert) is dealt
            # with by its own rule; it does not make the writer's next,
            # ordinary post the third of an off-topic run. It is still the channel's latest
            # business: a reply to it does not follow on from its writer's own aside.
            verdict = TOO_SHORT
            memory.record_other_business(message.user, message.time)
        memory.record(message.user, message.ts, message.time, verdict, frozenset(stems), edited=message.edited)

    def export_state(self, context: ChannelContext) -> dict[str, Any]:
        return self.memory(context).export()

    def restore_state(self, context: ChannelContext, data: dict[str, Any]) -> None:
        self.memory(context).restore(data)


def _without_likenings(phrase_text: str) -> str:
    """The text without its comparisons: "the altos sound like a bunch of
    strangled cats" is about the altos, not about cats, so a distraction
    named only to liken something to it neither opens a side conversation
    nor keeps a message from being on topic. "I'd like a holiday" is a wish,
    not a comparison, and stays."""
    if " like a" not in " " + phrase_text:
        return phrase_text
    return _LIKENING.sub(lambda m: m.group(0) if m.group(1) else " ", phrase_text)


def _any_phrase(entries) -> re.Pattern[str]:
    """One pattern for a list's phrases as whole words of phrase text."""
    phrases = sorted({" ".join(tokenize(e)) for e in entries if tokenize(e)}, key=len, reverse=True)
    return re.compile(r"(?<![^ ])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![^ ])")


def _squeeze(word: str) -> str:
    """Repeated letters and syllables once: "hahahaha" -> "ha", "lmaooo" -> "lmao"."""
    return _REPEATS.sub(r"\1", word)


def _what_is_asked_about(text: str, opener: str) -> str:
    """The words after an opening question ("anyone watching the darts" -> "the darts")."""
    after = text[text.find(opener) + len(opener) :].split(".")[0].split()[:3]
    return " ".join(after) or "something else"


def _channel_name(context: ChannelContext) -> str:
    """The channel as its purpose line names it ("#gig-crew"), or "this channel"."""
    words = context.purpose.text.split()
    return words[0] if words and words[0].startswith("#") and len(words[0]) > 1 else "this channel"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
