"""`settings.moderation` in the organisation file, turned into the rules' ModerationConfig."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from bot.moderation import ModerationConfig
from bot.org import OrgConfig


class ModerationSettings(BaseModel):
    """Per-organisation changes to the moderation rules; every default works with none."""

    model_config = ConfigDict(extra="forbid")

    # Words that mark the organisation's own sales and appeals, e.g. "Big Give", "TMW shop".
    own_sales_terms: list[str] = Field(default_factory=list)
    # Entries to add to (or take from) a word list, by list name (the file name in
    # bot/moderation/data without .txt), e.g. {"profanity": ["newword"]}.
    extra_terms: dict[str, list[str]] = Field(default_factory=dict)
    removed_terms: dict[str, list[str]] = Field(default_factory=dict)
    # A folder of extra word lists, named like the built-in ones (relative to the organisation file).
    extra_wordlist_dir: str | None = None
    repetition_window_hours: float = Field(default=24, gt=0, le=24 * 30)
    off_topic_run_length: int = Field(default=2, ge=2, le=20)
    # A side conversation among several people is flagged as a whole from this message on; 0 leaves it to
    # each person's own runs (policy 5.7 names "a single user").
    off_topic_side_chat_length: int = Field(default=3, ge=0, le=20)
    # Also judge longer messages by their meaning, for breaches no word list names (bot/moderation/meaning.py).
    read_meaning: bool = True


def moderation_config(config: OrgConfig | None, org_file: Path | None = None) -> ModerationConfig:
    if config is None:
        return ModerationConfig()
    settings = ModerationSettings.model_validate(config.settings.get("moderation") or {})
    org = config.organisation
    names = tuple(dict.fromkeys(n for n in (org.name, org.prefix) if n))
    wordlists = None
    if settings.extra_wordlist_dir:
        base = org_file.parent if org_file else Path.cwd()
        wordlists = (base / settings.extra_wordlist_dir).resolve()
    return ModerationConfig(
        org_names=names,
        org_domains=tuple(org.email_domains),
        org_phones=(org.public_phone,),
        own_sales_terms=tuple(settings.own_sales_terms),
        extra_wordlist_dir=wordlists,
        extra_terms={k: tuple(v) for k, v in settings.extra_terms.items()},
        removed_terms={k: tuple(v) for k, v in settings.removed_terms.items()},
        repetition_window_seconds=settings.repetition_window_hours * 3600,
        off_topic_run_length=settings.off_topic_run_length,
        off_topic_side_chat_length=settings.off_topic_side_chat_length,
        read_meaning=settings.read_meaning,
    )


def load_cli_config(env_file: str = ".env") -> ModerationConfig:
    """For `tmw-bot moderate`: the same rules and settings as the bot."""
    from bot.org import load_org_file
    from bot.settings import load_settings

    settings = load_settings(env_file)
    if settings.tmw_org_config is None:
        return ModerationConfig()
    return moderation_config(load_org_file(settings.tmw_org_config).config, settings.tmw_org_config)
