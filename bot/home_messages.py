"""What a person's Home tab shows (bot/home.py `HomeData`), as data (bot/messages.py); each platform
renders it. The report cards in it are the platform's (they carry its buttons), so they are handed in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.home import HomeData
from bot.messages import Bold, Button, ButtonStyle, Code, Divider, Heading, Icon, Item, Note, Paragraph, Part, Text

# Said last when a platform cannot show everything.
MORE_THAN_FITS: Text = ("There is more than fits here: see ", Code("/report list"), ".")


def home(data: HomeData, sign_policy: str, report_card: Callable[[dict[str, Any]], Sequence[Part]]) -> list[Part]:
    """What needs this person now. `sign_policy` names the button that opens the policy to sign;
    `report_card` gives the card of a report they handle, from its params."""
    if data.member is None:
        return []
    parts: list[Part] = []
    if data.policy_signed is False:
        parts.append(Item((Icon.MEMO, " ", Bold("Please read and sign our safety policy"),
                           " before using our computers or posting for us."),
                          Button("Read and sign", sign_policy, data.policy_version, ButtonStyle.PRIMARY)))
    elif data.policy_signed:
        parts.append(Note((Icon.DONE, " You have signed the current policy.")))
    if data.handling:
        parts += [Divider(), Heading(f"Reports for you to handle ({len(data.handling)})")]
    for params in data.handling:
        parts += [*report_card(params), Divider()]
    if data.filed:
        parts += [Heading("Reports you made"), Paragraph([
            ["• ", Bold(p["reference"]), f" ({p['kind_label'].lower()}): {p['status_line']}"] for p in data.filed])]
    if data.activity_open:
        parts += [Heading("Your activities"), Paragraph([
            f"• {name}: {n} open report{'s' if n != 1 else ''}" for name, n in sorted(data.activity_open.items())])]
    if data.moderation_waiting:
        n = data.moderation_waiting
        parts.append(Paragraph([(Icon.SHIELD, f" {n} post{'s' if n != 1 else ''} waiting for a moderator in the "
                                               "moderation channel.")]))
    for title, lines in data.extra.items():
        parts += [Heading(title), Paragraph(lines)]
    if data.people:
        parts += [Heading("People"), Paragraph([f"• {name}: {roles}" for name, roles in data.people])]
    if not (data.handling or data.filed or data.activity_open or data.moderation_waiting or data.extra):
        parts.append(Note(("Nothing needs you right now. ", Icon.SPARKLES)))
    return parts

