"""The policy file, in readable sections, and its version: a hash of its text, so any edit is a new
version that everyone is asked to sign."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

# "2. Using computers & internet", "5.3 Interactions with customers, stakeholders:". Numbered tips
# inside a section ("1. Never give out personal information...") are long sentences, not headings.
_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.{0,100})$")
SECTION_LIMIT = 2800  # Block Kit allows 3000 characters in a section's text


@dataclass(frozen=True)
class PolicySection:
    heading: str
    body: str


@dataclass(frozen=True)
class PolicyDocument:
    title: str
    version: str
    sections: tuple[PolicySection, ...]


class PolicyUnavailable(Exception):
    pass


def policy_path(org_file: Path | None, policy_file: str) -> Path | None:
    if not policy_file:
        return None
    path = Path(policy_file)
    return path if path.is_absolute() or org_file is None else org_file.parent / path


def load_policy(path: Path | None) -> PolicyDocument:
    if path is None:
        raise PolicyUnavailable("No policy file is named in the organisation file (organisation.policy_file).")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyUnavailable(f"The policy file {path.name} cannot be read ({exc.strerror}).") from exc
    return parse_policy(text)


def parse_policy(text: str) -> PolicyDocument:
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    lines = [line.rstrip() for line in text.splitlines()]
    title = next((line.strip() for line in lines if line.strip()), "Policy")
    sections: list[PolicySection] = []
    heading, body = "About this policy", []
    for line in lines:
        match = _HEADING.match(line.strip())
        if match and not line.strip().endswith((".", ",", ";")):
            if any(b.strip() for b in body):
                sections.extend(_split(heading, "\n".join(body).strip()))
            heading, body = line.strip(), []
        elif line.strip() != title:
            body.append(line)
    if any(b.strip() for b in body):
        sections.extend(_split(heading, "\n".join(body).strip()))
    return PolicyDocument(title=title, version=version, sections=tuple(sections))


def _split(heading: str, body: str) -> list[PolicySection]:
    """A long section becomes several, at paragraph breaks, each within Block Kit's limit."""
    body = re.sub(r"\n{3,}", "\n\n", body)
    parts, current = [], ""
    for paragraph in body.split("\n\n"):
        while len(paragraph) > SECTION_LIMIT:  # one huge paragraph: cut at a line break if we can
            cut = paragraph.rfind("\n", 0, SECTION_LIMIT)
            cut = cut if cut > 0 else SECTION_LIMIT
            parts.append((current + "\n\n" if current else "") + paragraph[:cut])
            current, paragraph = "", paragraph[cut:].lstrip()
        if len(current) + len(paragraph) + 2 > SECTION_LIMIT:
            parts.append(current)
            current = paragraph
        else:
            current = f"{current}\n\n{paragraph}" if current else paragraph
    if current:
        parts.append(current)
    return [PolicySection(heading if i == 0 else f"{heading} (continued)", part) for i, part in enumerate(parts)]
