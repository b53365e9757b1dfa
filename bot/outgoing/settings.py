"""`settings.checks` in the organisation file: words the organisation adds to the checker's lists."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.checks.wordlists import check_names


class CheckSettings(BaseModel):
    """e.g. ``checks: {extra_terms: {health_words: [pacemaker], forenames: [Tegan]}}``: entries added to
    the lists in bot/checks/data, by list name (the file name without .txt)."""

    model_config = ConfigDict(extra="forbid")

    extra_terms: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("extra_terms")
    @classmethod
    def _known_lists(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        problems = check_names(value)
        if problems:
            raise ValueError("; ".join(problems))
        return value
