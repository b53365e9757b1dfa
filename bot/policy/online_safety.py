"""Policy section 4, "Tips for young people for keeping safe online", as data: the tips in short for
the young leaders' welcome, and where to report someone who makes a young person feel uncomfortable
or threatened online (4.8: CEOP), for the online-safety report. Wording lives here, not in `if`s."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signpost:
    """Somewhere outside the organisation to report to, as the policy names it."""

    policy_section: str
    text: str
    link_text: str
    url: str


# The policy names www.clickceop.net; CEOP's reporting now lives on the National Crime Agency's site.
CEOP = Signpost(
    policy_section="4.8",
    text=("If someone online has made a young person feel uncomfortable or threatened, they (or you) can "
          "also report it to CEOP, the police's Child Exploitation and Online Protection command"),
    link_text="Report to CEOP",
    url="https://www.ceop.police.uk/Safety-Centre/",
)

SAFETY_TIPS_TITLE = "Keeping safe online (our policy, section 4), in short:"
SAFETY_TIPS: tuple[str, ...] = (
    "Keep personal details to yourself: your number, email, school and photos of you, your family and friends.",
    "Anything posted online can be copied and shared: keep your profiles private.",
    "Use webcams only with people you know in real life.",
    "Never post inappropriate images of yourself.",
    "Online friends may not be who they say they are: never meet one without a trusted adult with you.",
    "Don't open files from people you don't know in real life.",
    f"Learn to block and report people. If anyone makes you uncomfortable or threatened, report them to CEOP: {CEOP.url}",
    "If you are under 18 or on your own, keep location sharing turned off.",
)


def safety_tips_text() -> str:
    """The tips as one plain-text paragraph (the renderer escapes it)."""
    return "\n".join([SAFETY_TIPS_TITLE, *(f"• {tip}" for tip in SAFETY_TIPS)])
