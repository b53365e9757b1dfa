"""A file for one person, in Teams: a case's record from the Export button.

Teams lets a bot put a file only in a person's 1:1 chat, and only once they have allowed it: the bot sends
a file consent card (the file's name, what it is, its size, and Allow and Decline); when the person presses
Allow, Teams makes an upload session in their OneDrive and sends the bot a `fileConsent/invoke` with its
upload URL; the bot PUTs the bytes there and then sends a file info card, which shows the file in the chat.
Decline sends the same invoke with `action: decline` and no upload URL.

Meanwhile the file waits in the database (storage/models.py `OfferedFile`), encrypted, under a random
token that is all the card carries. It is deleted as soon as it is uploaded or declined, or when its time
runs out (`settings.retention.offered_file_hours`, 24 hours by default; the retention sweep deletes it).
Only the person it was made for can take it. The upload and the card after it go through the outbox
(template FILE_UPLOAD), so a rate limit or an outage of OneDrive or the Bot Connector loses nothing, and
each step is done once: the file is uploaded once, then marked so, then the card is sent.

The shapes follow the Teams SDK's models (microsoft-teams-api 2.1.1, `microsoft_teams.api.models.file`:
FileConsentCard, FileConsentCardResponse, FileUploadInfo, FileInfoCard). That package is not a dependency
of the bot (it is the benchmark's): importing it loads the whole API client (httpx, OpenTelemetry, about
0.3 s more at start-up) for four small records, so they are written out here with the same field names.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToConversation
from bot.messages import Message, Paragraph
from bot.services import Services
from storage import offered_files
from storage import outbox as outbox_store

FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info"
FILE_CONSENT_INVOKE = "fileConsent/invoke"
# The outbox's message that uploads an allowed file and then shows it in the chat: it carries the token alone.
FILE_UPLOAD = "teams.file_upload"
# A sentence about a file, said in the person's chat.
FILE_SAID = "teams.file_said"
# The key of an offered file's token in the params of the message that offered it, once the file itself
# has moved from the outbox to the offered files (bot/teams/delivery.py).
OFFERED = "offered_file"
TEAMS = "teams"

DECLINED = "You declined {filename}, so nothing was saved. You can press Export on the report again whenever you need it."
EXPIRED = ("{filename} waited too long to be allowed, so it has been deleted and nothing was saved. Please press "
           "Export on the report again.")
GONE = ("That file is no longer held here: it was saved or declined already, or it waited too long. If "
        "you still need it, please press Export on the report again.")
NOT_YOURS = "That file was made for someone else, so nothing was saved."
NOT_SAVED = "I couldn't save {filename} to your OneDrive, so nothing was kept. Please press Export on the report again."
SAVED = ("Here is {filename}, saved to your OneDrive for you alone. Please keep it safe: it holds the case's "
         "personal details.")


@dataclass(frozen=True)
class FileOffer:
    """What a renderer gives for a message that is a file for its person alone: its name, a line saying
    what it is (the consent card shows it), and the file, base64, from the message's `file_param` (absent
    once the deliverer has moved it to the offered files)."""

    filename: str
    description: str
    label: str
    file_param: str
    content_b64: str | None


def said(params: dict[str, Any]) -> Message:
    return Message(summary=params["text"], parts=[Paragraph([params["text"]])])


def new_token() -> str:
    return secrets.token_urlsafe(24)


def consent_card(filename: str, description: str, size: int, token: str) -> dict[str, Any]:
    """The file consent card (FileConsentCard) as an attachment: Allow and Decline both send its token back."""
    context = {OFFERED: token}
    return {"contentType": FILE_CONSENT_CARD, "name": filename,
            "content": {"description": description, "sizeInBytes": size, "acceptContext": context,
                        "declineContext": context}}


def file_info_card(filename: str, upload: dict[str, str]) -> dict[str, Any]:
    """The file info card (FileInfoCard) for a file now in the person's OneDrive: Teams shows it as the file."""
    return {"contentType": FILE_INFO_CARD, "contentUrl": upload.get("contentUrl", ""), "name": filename,
            "content": {"uniqueId": upload.get("uniqueId", ""), "fileType": upload.get("fileType", "")}}


# -- the person's answer -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileConsent:
    """A press of Allow or Decline on a consent card (fileConsent/invoke, FileConsentCardResponse): which
    offer, and for Allow where Teams says to put the file (FileUploadInfo, by its JSON names)."""

    accepted: bool
    token: str
    upload: dict[str, str]


def file_consent(value: dict[str, Any]) -> FileConsent:
    context = value.get("context")
    token = context.get(OFFERED) if isinstance(context, dict) else None
    info = value.get("uploadInfo")
    upload = {key: str(info[key]) for key in ("name", "uploadUrl", "contentUrl", "uniqueId", "fileType")
              if isinstance(info, dict) and isinstance(info.get(key), str | int)}
    return FileConsent(accepted=value.get("action") == "accept", token=token if isinstance(token, str) else "",
                       upload=upload)


async def answer_consent(session: AsyncSession, services: Services, consent: FileConsent, person: str,
                         conversation_id: str) -> str:
    """Allow or Decline, from `person` in their chat: what to tell them ("" for nothing yet: the file and
    its card follow). On Allow the upload is queued; on Decline the file is deleted."""
    offered = await offered_files.offered_file(session, consent.token, for_update=True) if consent.token else None
    if offered is None:
        return GONE
    if offered.person != person:
        # Teams shows the card only in its person's chat: someone else's press is not theirs to make.
        return NOT_YOURS
    if offered.expires_at <= services.now():
        await offered_files.withdraw_file(session, offered.token)
        return EXPIRED.format(filename=offered.filename)
    if not consent.accepted:
        await offered_files.withdraw_file(session, offered.token)
        return DECLINED.format(filename=offered.filename)
    if not consent.upload.get("uploadUrl"):
        await offered_files.withdraw_file(session, offered.token)
        return NOT_SAVED.format(filename=offered.filename)
    if await offered_files.mark_accepted(session, services.cipher, offered.token, consent.upload):
        await outbox_store.enqueue_message(session, services.cipher, now=services.now(),
                                           to=ToConversation(TEAMS, conversation_id), template=FILE_UPLOAD,
                                           params={"token": offered.token}, message_key=f"teams-file:{offered.token}")
    return ""
