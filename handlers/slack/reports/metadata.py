"""Modal state that travels in private_metadata, as typed models."""

from __future__ import annotations

from pydantic import BaseModel


class FilingMeta(BaseModel):
    channel_id: str = ""


class ReportActionMeta(BaseModel):
    report_id: int
    tier: int = 0


class ClockMeta(BaseModel):
    report_id: int
    clock: str


class ReplyMeta(BaseModel):
    note_id: int


class ButtonValue(BaseModel):
    report_id: int
    tier: int = 0
