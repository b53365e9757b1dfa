"""What the checker reports: kinds of finding, their messages, and redaction.

Everything here is plain data so that the CLI, the Slack handlers and the weekly digest can
share it without importing anything heavy.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of personal-detail leak the checker looks for (policy sections 3, 4, 5.4-5.6).

    A StrEnum, so a kind compares equal to (and serialises as) its plain string value.
    """

    PHONE = "phone"
    EMAIL_ADDRESS = "email_address"
    POSTAL_ADDRESS = "postal_address"
    DATE_OF_BIRTH = "date_of_birth"
    SCHOOL = "school"
    FULL_NAME = "full_name"
    PHOTO_CONSENT = "photo_consent"
    BCC = "bcc"
    SECRET = "secret"
    HEALTH = "health"


# Short, kind, and saying what to do instead. British English. Never quote the matched text here:
# for a secret that would repeat the very thing we are warning about.
MESSAGES: dict[Kind, str] = {
    Kind.PHONE: "This looks like a personal phone number. Take it out, and give TMW's public number if people need to get in touch.",
    Kind.EMAIL_ADDRESS: "This looks like a personal email address. Take it out, and use a TMW email address for contact instead.",
    Kind.POSTAL_ADDRESS: "This looks like a home or street address. Take it out; if people need to know where to go, name the venue instead.",
    Kind.DATE_OF_BIRTH: "This gives away someone's date of birth or age. Please leave it out; a first name is enough.",
    Kind.SCHOOL: "This links a young person to their school. Please leave the school's name out.",
    Kind.FULL_NAME: "Use first names only in captions, unless the family has given permission.",
    Kind.PHOTO_CONSENT: "This young person has opted out of photos and publicity. Please leave their name out, and check that no photo or video of them is used.",
    Kind.BCC: "This email would show everyone's address to everyone else. Put the recipients in Bcc instead.",
    Kind.SECRET: "This looks like a password or access token. Take it out, share it through the team's password manager instead, and change it if it has already been sent.",
    Kind.HEALTH: "This shares health or support needs about a young person. Keep it out of the message, and pass it on privately to the people who need to know.",
}

# A date_of_birth finding that is an age beside a name ("Maya Brown, 16") says so in its own words.
AGE_MESSAGE = ("This gives a young person's exact age beside their name, which identifies them. "
               "Please leave the age out; a first name is enough.")

# What a finding's span becomes in the redacted text.
PLACEHOLDERS: dict[Kind, str] = {
    Kind.PHONE: "[phone number removed]",
    Kind.EMAIL_ADDRESS: "[email address removed]",
    Kind.POSTAL_ADDRESS: "[address removed]",
    Kind.DATE_OF_BIRTH: "[date of birth removed]",
    Kind.SCHOOL: "[school removed]",
    Kind.FULL_NAME: "[surname removed]",  # the first name is kept: see placeholder_for()
    Kind.PHOTO_CONSENT: "[name removed]",
    Kind.BCC: "[recipients removed: put them in Bcc]",
    Kind.SECRET: "[secret removed]",
    Kind.HEALTH: "[health information removed]",
}

AGE_PLACEHOLDER = "[age removed]"

# A photo_consent finding on a full name ("Tom Jones", "Brown, Maya") says both things at once.
OPTED_OUT_FULL_NAME_MESSAGE = ("This is the full name of a young person who has opted out of photos and publicity. "
                               "Please leave their name out altogether, and check that no photo or video of them is used.")

# When two findings of different kinds cover exactly the same characters only the first of them in
# this order is reported: "PIN: 07700900123" is a secret before it is a phone number. An opted-out
# participant's full name is one photo_consent finding, never a full_name one as well (checker.py
# folds a full_name that overlaps it into it); its message says both (message_for).
PRECEDENCE: tuple[Kind, ...] = (
    Kind.SECRET,
    Kind.PHOTO_CONSENT,
    Kind.BCC,
    Kind.HEALTH,
    Kind.DATE_OF_BIRTH,
    # A school is only reported where a child is tied to it, so a school's name that reads like a
    # person's ("Saffron - Dene Magna, 14") is the school.
    Kind.SCHOOL,
    Kind.FULL_NAME,
    Kind.POSTAL_ADDRESS,
    Kind.EMAIL_ADDRESS,
    Kind.PHONE,
)
_RANK = {kind: rank for rank, kind in enumerate(PRECEDENCE)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One leak: ``text[start:end] == finding.text`` in the text that was checked."""

    kind: Kind
    start: int
    end: int
    text: str
    message: str

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of the ``tmw-bot check --json`` contract."""
        return {
            "kind": str(self.kind),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    redacted: str = ""

    @property
    def clean(self) -> bool:
        return not self.findings

    def counts_by_kind(self) -> dict[str, int]:
        """Counts only, never texts: what the weekly digest may keep."""
        return dict(Counter(str(finding.kind) for finding in self.findings))

    def to_dict(self) -> dict[str, object]:
        return {"findings": [f.to_dict() for f in self.findings], "redacted": self.redacted}


def precedence(kind: Kind) -> int:
    return _RANK[kind]


# The words of an age alone, as an age-beside-a-name finding covers them: "16", "14-year-old", "Fifteen-year-old".
_AN_AGE = re.compile(
    r"[0-9]{1,2}|(?:[0-9]{1,2}|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)[ \t-]*years?[ \t-]*old",
    re.IGNORECASE,
)


def is_an_age(written: str) -> bool:
    return _AN_AGE.fullmatch(written) is not None


def message_for(kind: Kind, written: str) -> str:
    """The finding's message: its kind's, or for an age beside a name, a reason that names an age."""
    if kind is Kind.DATE_OF_BIRTH and is_an_age(written):
        return AGE_MESSAGE
    if kind is Kind.PHOTO_CONSENT and is_a_full_name(written):
        return OPTED_OUT_FULL_NAME_MESSAGE
    return MESSAGES[kind]


def is_a_full_name(written: str) -> bool:
    """More than one word, as a full name is written ("Tom Jones", "Brown, Maya", "Ella (Grant)"),
    not a first name with an initial ("Ella G")."""
    words = re.findall(r"[^\W\d_]+", written)
    return len(words) > 1 and all(len(word) > 1 for word in words)


def placeholder_for(finding: Finding) -> str:
    if finding.kind is Kind.FULL_NAME:
        # Policy 5.6 allows first names, so keep the first word and drop the rest:
        # "Well done Amy Smith!" becomes "Well done Amy [surname removed]!". An age beside the name is
        # a date_of_birth finding of its own: "Amy [surname removed], [age removed], won".
        return f"{finding.text.split()[0]} {PLACEHOLDERS[Kind.FULL_NAME]}"
    if finding.kind is Kind.DATE_OF_BIRTH and is_an_age(finding.text):
        return AGE_PLACEHOLDER
    return PLACEHOLDERS[finding.kind]


@dataclass(frozen=True, slots=True)
class RedactionRange:
    """The characters one finding removes: usually its own span, sometimes more (a whole Slack link)."""

    start: int
    end: int
    finding: Finding


def redact(text: str, ranges: list[RedactionRange]) -> str:
    """Replace each range with its finding's placeholder.

    Ranges of different kinds may overlap (a Bcc finding covers the To: line and the addresses in it);
    overlapping ranges are merged and the merged stretch gets the placeholder of the widest finding
    in it, so the redacted text never shows half a placeholder or a leftover fragment.
    """
    if not ranges:
        return text
    ordered = sorted(ranges, key=lambda r: (r.start, -r.end))
    pieces: list[str] = []
    cursor = 0
    index = 0
    while index < len(ordered):
        group_start = ordered[index].start
        group_end = ordered[index].end
        widest = ordered[index]
        index += 1
        while index < len(ordered) and ordered[index].start < group_end:
            candidate = ordered[index]
            group_end = max(group_end, candidate.end)
            if _wider(candidate, widest):
                widest = candidate
            index += 1
        pieces.append(text[cursor:group_start])
        pieces.append(placeholder_for(widest.finding))
        cursor = group_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _wider(a: RedactionRange, b: RedactionRange) -> bool:
    a_width, b_width = a.end - a.start, b.end - b.start
    if a_width != b_width:
        return a_width > b_width
    return precedence(a.finding.kind) < precedence(b.finding.kind)
