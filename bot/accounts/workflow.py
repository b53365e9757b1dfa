"""The shared accounts register and password rotation: nudges, snoozes, escalation and exposure.

Every change locks the account row, so a button, a command and a check timer never interleave; each
message a change owes someone goes to the outbox in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import Away, away_at, until_words
from bot.accounts.intervals import IntervalNotUnderstood, describe_interval, parse_interval
from bot.accounts.names import Match, Named, account_key, match_account, named_from_text
from bot.accounts.policy import EXPOSURE_AUTHORITY, AccountPart, RotationRules, may_snooze, rules_from
from bot.accounts.rotation import STATUS_WORDS, RotationFacts, Stage, plan, stage_at
from bot.accounts.secrets import PasswordTyped, contains_password
from bot.accounts.spec import OVERALL_ACCESS_ROLES, AccountSpec
from bot.addresses import ToPerson
from bot.dates import DateInFuture, DateNotUnderstood, describe, parse_past_moment
from bot.directory import Directory, Member
from bot.errors import DomainError, FormErrors, NotAllowed
from bot.org import Role
from bot.scheduler import TimerContext
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.accounts import (
    account_for_update,
    account_with_key,
    active_accounts,
    file_accounts_by_key,
    leavers_awaiting_rotation,
    sent_keys,
)
from storage.audit import record_audit
from storage.models import AccountAccess, SharedAccount, Timer
from storage.outbox import enqueue_message
from storage.timers import schedule_timer

log = logging.getLogger(__name__)

CHECK = "accounts.check"
# A change typed a few minutes "before" the request that asked for it still counts (clocks, typing).
LEEWAY = timedelta(minutes=5)
# The time of day a change is taken to have happened when only a day is given ("last Friday").
ASSUMED_TIME = time(12, 0)
MANAGERS = (Role.ADMIN, Role.CEO)

# Told, in the same transaction, when a password change is recorded: (account id, the report that asked
# for it or None, who recorded it). The report's task and leavers' checklists are ticked off; those
# workflows sit above this one, so bot/workflows.py hands them over at start-up instead of this importing them.
PasswordChanged = Callable[[AsyncSession, Services, int, int | None, str], Awaitable[None]]
WHEN_PASSWORD_CHANGED: list[PasswordChanged] = []


@dataclass(frozen=True)
class Outcome:
    changed: bool
    message: str


@dataclass(frozen=True)
class AccountForm:
    name: str
    owner: str | None
    every: str = ""
    access: tuple[str, ...] = ()
    overall_access: tuple[str, ...] = ()
    aliases: str = ""
    last_changed: str = ""


# -- reading -----------------------------------------------------------------------------------------


async def rules_for(services: Services) -> RotationRules:
    snapshot = await org_snapshot(services)
    return rules_from(snapshot.config.settings if snapshot.config else None)


def facts_of(account: SharedAccount) -> RotationFacts:
    return RotationFacts(
        due_at=account.next_due_at, exposed=account.exposed_at is not None, snoozed_until=account.snoozed_until,
        last_nudged_at=account.last_nudged_at, last_nudge_stage=account.last_nudge_stage,
        escalated=account.escalated_at is not None,
    )


def named(account: SharedAccount) -> Named:
    return Named(account.id, account.name, tuple(account.aliases))


def current_access(account: SharedAccount) -> list[AccountAccess]:
    return [a for a in account.access if a.revoked_at is None]


def overall_admins(account: SharedAccount, directory: Directory) -> list[Member]:
    """People with overall access who are still in the organisation with a role that may hold it."""
    found = []
    for access in current_access(account):
        member = directory.by_key(access.person_key)
        if access.overall and member and any(role.value in OVERALL_ACCESS_ROLES for role in member.roles):
            found.append(member)
    return found


def _name(directory: Directory, person_key: str | None) -> str:
    member = directory.by_key(person_key)
    return member.name if member else "someone who has left"


def register_rows(services: Services, accounts: list[SharedAccount], directory: Directory, rules: RotationRules) -> list[dict[str, Any]]:
    """`/accounts`: each account with owner, access, interval, last and next change, and status."""
    tz, now = services.tz, services.now()
    rows = []
    for account in accounts:
        stage = stage_at(facts_of(account), now, rules, tz)
        warnings = []
        if not overall_admins(account, directory):
            warnings.append("No admin has overall access (policy 5.4): an admin should edit this account and add one.")
        if directory.by_key(account.owner_id) is None:
            warnings.append("Its owner has left: an admin should choose a new owner.")
        rows.append({
            "id": account.id,
            "name": account.name,
            "owner": _name(directory, account.owner_id),
            "access": [_name(directory, a.person_key) + (" (overall)" if a.overall else "") for a in current_access(account)],
            "interval": describe_interval(account.rotate_every_days),
            "last_changed": describe(account.last_changed_at, tz, with_time=False) if account.last_changed_at else "not recorded",
            "next_due": describe(account.next_due_at, tz, with_time=False),
            "status": stage.value,
            "status_words": "snoozed" if account.snoozed_until and account.snoozed_until > now and stage is not Stage.EXPOSED
            else STATUS_WORDS[stage],
            "warnings": warnings,
            "from_file": account.from_file,
        })
    return rows


async def register_for(services: Services, actor: str) -> list[dict[str, Any]]:
    """The register as `actor` may see it: every account, for anyone in the organisation file; nobody
    else. The organisation file's accounts are brought in first."""
    await ensure_register_synced(services)
    snapshot = await org_snapshot(services)
    if snapshot.directory.by_key(actor) is None:
        raise DomainError("I don't have you in our organisation file yet, so I can't show the accounts. Please ask an admin.")
    async with services.db.reading() as session:
        return register_rows(services, list(await active_accounts(session)), snapshot.directory, await rules_for(services))


async def find_account(session: AsyncSession, typed: str) -> SharedAccount:
    """The account a person named, or a kind error with suggestions ("did you mean Instagram?"). What
    they typed is said back only if it cannot be a password: a password-shaped word, pasted where a name
    belongs, is refused (PasswordTyped) and never echoed."""
    accounts = list(await active_accounts(session))
    match: Match = match_account(typed, [named(a) for a in accounts])
    if match.account is None:
        if contains_password(typed, short_field=True):
            raise PasswordTyped()
        raise DomainError(match.not_found_message(typed))
    return next(a for a in accounts if a.id == match.account.id)


@dataclass(frozen=True)
class ExposureTarget:
    """The account someone says was exposed, and whether they may start its urgent change themselves
    (else it is filed as a report for the admins)."""

    account_id: int
    name: str
    directly: bool


async def exposure_target(session: AsyncSession, typed: str, member: Member | None) -> ExposureTarget:
    """`accounts exposed NAME`, on any platform: the account NAME names. Only a name is expected there, so
    a password-shaped word anywhere in it (the password itself, typed by mistake) is refused before
    anything is looked up, and never echoed or kept. An account already being changed is `directly`
    too: anyone is simply told so, and no report is needed."""
    if contains_password(typed, short_field=True):
        raise PasswordTyped()
    account = await find_account(session, typed)
    return ExposureTarget(account.id, account.name,
                          directly=account.exposed_at is not None or may_start_exposure(account, member))


# -- the register: the organisation file and Slack ---------------------------------------------------


def _spec_sha(spec: AccountSpec) -> str:
    return hashlib.sha256(json.dumps(spec.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()


def _local_noon(day: Any, services: Services) -> datetime:
    return datetime.combine(day, ASSUMED_TIME, tzinfo=services.tz).astimezone(UTC)


async def ensure_register_synced(services: Services, *, background: bool = False) -> None:
    """Bring the accounts listed in the organisation file into the register (cheap when unchanged)."""
    snapshot = await org_snapshot(services)
    if snapshot.config is None:
        return
    if services.cache.get("accounts_synced") == _register_digest(snapshot.config.accounts):
        return
    async with services.db.unit_of_work(background=background) as session:
        await sync_register_in(session, services)
    # Only once committed: a rolled-back sync is tried again.
    services.cache["accounts_synced"] = _register_digest(snapshot.config.accounts)


def _register_digest(specs: list[AccountSpec]) -> str:
    return hashlib.sha256("".join(_spec_sha(s) for s in specs).encode()).hexdigest()


async def sync_register_in(session: AsyncSession, services: Services) -> None:
    """The same, inside a transaction already open (a report naming an account before the first round).
    Idempotent: entries already applied are skipped."""
    snapshot = await org_snapshot(services)
    if snapshot.config is None or services.cache.get("accounts_synced") == _register_digest(snapshot.config.accounts):
        return
    await sync_register(session, services, snapshot.config.accounts, rules_from(snapshot.config.settings))


async def sync_register(session: AsyncSession, services: Services, specs: list[AccountSpec], rules: RotationRules) -> None:
    """An entry is applied when it is new or has changed since it was last applied, so changes made in
    Slack (a new owner named by a leaver checklist) stay until the file's entry itself is edited."""
    now = services.now()
    existing = await file_accounts_by_key(session, {account_key(spec.name) for spec in specs})
    listed: set[str] = set()
    for spec in specs:
        key = account_key(spec.name)
        listed.add(key)
        sha = _spec_sha(spec)
        account = existing.get(key)
        if account is not None and account.spec_sha256 == sha and account.active:
            continue
        every = parse_interval(spec.rotate_every) if spec.rotate_every else rules.default_rotate_every_days
        if account is None:
            account = _new_account(key, spec.name, spec.owner, every, now)
            session.add(account)
        account.name, account.aliases, account.owner_id = spec.name, list(spec.aliases), spec.owner
        account.rotate_every_days, account.from_file, account.active = every, True, True
        account.spec_sha256, account.updated_at = sha, now
        if spec.last_changed and (account.last_changed_at is None or _local_noon(spec.last_changed, services) > account.last_changed_at):
            account.last_changed_at = _local_noon(spec.last_changed, services)
        _set_access(account, [*spec.access, *spec.overall_access], set(spec.overall_access), now)
        if account.due_reason == "schedule":
            account.next_due_at = (account.last_changed_at or now) + timedelta(days=every) if account.last_changed_at else now
        await session.flush()
        await schedule_rotation_check(session, services, account, rules)
        await record_audit(session, at=now, actor="system", action="account.synced", subject_type="account",
                           subject_id=str(account.id), detail={"name": account.name})
    for key, account in existing.items():
        if account.from_file and account.active and key not in listed:
            account.active = False
            await _cancel_check(session, account)


def _new_account(key: str, name: str, owner: str, every: int, now: datetime) -> SharedAccount:
    return SharedAccount(key=key, name=name, owner_id=owner, rotate_every_days=every, next_due_at=now, due_reason="schedule",
                         from_file=False, active=True, cycle=0, last_nudge_stage="", nudges_sent=0, check_seq=0,
                         spec_sha256="", created_at=now, updated_at=now, access=[], aliases=[])


def _set_access(account: SharedAccount, holders: list[str], overall: set[str], now: datetime) -> None:
    by_id = {a.person_key: a for a in account.access}
    wanted = list(dict.fromkeys(holders))
    for person_key in wanted:
        row = by_id.get(person_key)
        if row is None:
            account.access.append(AccountAccess(person_key=person_key, overall=person_key in overall, granted_at=now))
        else:
            row.overall = person_key in overall
    for person_key, row in by_id.items():
        if person_key not in wanted and row.revoked_at is None:
            row.revoked_at = now


def require_manager(member: Member | None, what: str) -> None:
    if member is None or not member.has(*MANAGERS):
        raise NotAllowed(f"Only an admin can {what}. Please ask one of our admins.")


def validate_form(form: AccountForm, services: Services, directory: Directory, same_name: SharedAccount | None,
                  editing: SharedAccount | None) -> tuple[int, datetime | None, list[str]]:
    errors: dict[str, str] = {}
    fields = {"name": form.name, "aliases": form.aliases, "every": form.every, "last_changed": form.last_changed}
    for field, text in fields.items():
        if contains_password(text, short_field=field in ("name", "last_changed")):
            errors[field] = "That looks like a password, so I haven't saved it. Never type passwords in a chat: please change that password now."
    if "name" not in errors:
        key = account_key(form.name)
        if not key:
            errors["name"] = "Please give the account a name, for example “Instagram”."
        elif same_name is not None and same_name is not editing and same_name.active:
            errors["name"] = f"There is already an account called {same_name.name}."
    if not form.owner:
        errors["owner"] = "Please choose who owns this account (they change its password)."
    elif directory.by_key(form.owner) is None:
        errors["owner"] = "That person is not in our organisation file. Choose someone who is."
    for field, people in (("access", form.access), ("overall_access", form.overall_access)):
        strangers = [p for p in people if directory.by_key(p) is None]
        if strangers:
            errors[field] = "Everyone here must be in our organisation file."
    every = 0
    if "every" not in errors:
        try:
            every = parse_interval(form.every or "90 days")
        except IntervalNotUnderstood as exc:
            errors["every"] = str(exc)
    last_changed = None
    if form.last_changed.strip() and "last_changed" not in errors:
        try:
            last_changed = parse_change_moment(form.last_changed, services)
        except (DateNotUnderstood, DateInFuture) as exc:
            errors["last_changed"] = str(exc)
    if errors:
        raise FormErrors(errors)
    aliases = [a.strip() for a in form.aliases.split(",") if a.strip()]
    return every, last_changed, aliases


async def save_account(session: AsyncSession, services: Services, form: AccountForm, actor: str,
                       account_id: int | None = None) -> Outcome:
    """Add an account (account_id None) or edit one. Admins only."""
    snapshot = await org_snapshot(services)
    directory = snapshot.directory
    require_manager(directory.by_key(actor), "add or edit shared accounts")
    rules = rules_from(snapshot.config.settings if snapshot.config else None)
    editing = await account_for_update(session, account_id) if account_id is not None else None
    if account_id is not None and editing is None:
        raise DomainError("I can't find that account any more.")
    same_name = await account_with_key(session, account_key(form.name)) if account_key(form.name) else None
    every, last_changed, aliases = validate_form(form, services, directory, same_name, editing)
    now = services.now()
    account = editing or same_name  # re-adding an account that was removed
    if account is None:
        account = _new_account(account_key(form.name), form.name.strip(), form.owner or "", every, now)
        session.add(account)
    account.key, account.name, account.aliases = account_key(form.name), form.name.strip(), aliases
    account.owner_id, account.rotate_every_days, account.active, account.updated_at = form.owner or "", every, True, now
    if last_changed is not None:
        account.last_changed_at = last_changed
    if account.due_reason == "schedule":
        # Not known when it was last changed: due now, so the owner changes it and records it.
        account.next_due_at = account.last_changed_at + timedelta(days=every) if account.last_changed_at else now
    _set_access(account, [*form.access, *form.overall_access], set(form.overall_access), now)
    await session.flush()
    await schedule_rotation_check(session, services, account, rules)
    await record_audit(session, at=now, actor=actor, action="account.edited" if editing else "account.added",
                       subject_type="account", subject_id=str(account.id), detail={"name": account.name})
    message = (f"{'Saved' if editing else 'Added'} {account.name}: owned by {_name(directory, account.owner_id)}, "
               f"password changed {describe_interval(every)}, next due {describe(account.next_due_at, services.tz, with_time=False)}.")
    if not overall_admins(account, directory):
        message += " ⚠️ No admin has overall access to it yet (policy 5.4): please add one with `/accounts edit`."
    if account.from_file:
        message += " It is also listed in the organisation file: please make the same change there."
    return Outcome(True, message)


async def account_for_editing(session: AsyncSession, services: Services, typed: str, actor: str) -> SharedAccount:
    require_manager((await org_snapshot(services)).directory.by_key(actor), "add or edit shared accounts")
    return await find_account(session, typed)


# -- rotation ----------------------------------------------------------------------------------------


async def schedule_rotation_check(session: AsyncSession, services: Services, account: SharedAccount,
                                  rules: RotationRules, at: datetime | None = None) -> None:
    """Replace the account's check timer: one pending check per account, numbered so a stale one
    (from before a change) does nothing if it fires."""
    await _cancel_check(session, account)
    if at is None:
        now = services.now()
        planned = plan(facts_of(account), now, rules, services.tz)
        at = now if planned.nudge or planned.escalate else planned.next_check
    account.check_seq += 1
    await schedule_timer(session, kind=CHECK, dedupe_key=f"account:{account.id}:check:{account.check_seq}",
                         due_at=at, payload={"account_id": account.id, "seq": account.check_seq})


async def _cancel_check(session: AsyncSession, account: SharedAccount) -> None:
    # By its exact key, which is indexed: a prefix match would scan every open timer.
    await session.execute(
        update(Timer).where(Timer.dedupe_key == f"account:{account.id}:check:{account.check_seq}", Timer.state == "pending")
        .values(state="cancelled").execution_options(synchronize_session=False)
    )


async def on_check(ctx: TimerContext, payload: dict[str, Any]) -> None:
    account = await account_for_update(ctx.session, int(payload["account_id"]))
    if account is None or not account.active or account.check_seq != int(payload["seq"]):
        return  # removed, or rescheduled since: a newer check exists
    await run_check(ctx.session, ctx.services, account, await rules_for(ctx.services), ctx.now)


async def run_check(session: AsyncSession, services: Services, account: SharedAccount, rules: RotationRules,
                    now: datetime) -> None:
    planned = plan(facts_of(account), now, rules, services.tz)
    directory = (await org_snapshot(services)).directory
    next_check = planned.next_check
    owner_away = (await away_at(session, now)).get(account.owner_id) if directory.by_key(account.owner_id) else None
    if planned.nudge is not None and owner_away is not None and planned.nudge is not Stage.EXPOSED:
        # A nudge to someone away waits until they are back: the check runs again then, and nudges
        # as it finds things (unless the password was changed meanwhile).
        await record_audit(session, at=now, actor="system", action="account.nudge_deferred", subject_type="account",
                           subject_id=str(account.id), detail={"stage": planned.nudge.value,
                                                               "until": owner_away.ends_at.isoformat()})
        next_check = min(next_check, owner_away.ends_at) if next_check > now else owner_away.ends_at
    elif planned.nudge is not None:
        # Urgent (an exposure) with its owner away: the admins are told instead (`_nudge_targets`).
        await _nudge(session, services, account, planned.nudge, directory, now, owner_away)
    if planned.escalate:
        await _escalate(session, services, account, directory, now)
    await schedule_rotation_check(session, services, account, rules, at=next_check)


def _owner_or_admins(account: SharedAccount, directory: Directory) -> list[str]:
    owner = directory.by_key(account.owner_id)
    if owner is not None:
        return [owner.key]
    return [m.key for m in directory.with_role(Role.ADMIN)]


def nudge_params(services: Services, account: SharedAccount, stage: Stage, directory: Directory,
                 rules: RotationRules | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "account_id": account.id, "cycle": account.cycle, "name": account.name, "stage": stage.value,
        "due": describe(account.next_due_at, services.tz, with_time=False), "reason": account.due_reason,
        "state": "open", "snooze_days": rules.snooze.days if rules else 3, "may_snooze": may_snooze(account.due_reason),
    }
    return params


async def _nudge(session: AsyncSession, services: Services, account: SharedAccount, stage: Stage,
                 directory: Directory, now: datetime, owner_away: Away | None = None) -> None:
    # One live prompt per account: earlier nudges of this rotation give up their buttons and say where
    # things now stand, updated in place, before the newer one goes out. When the stage is unchanged,
    # those before the previous one already say so: only the previous one is updated (an hourly
    # exposure reminder would otherwise update every earlier message again each hour).
    where = f"Now {STATUS_WORDS[stage]} (due {describe(account.next_due_at, services.tz, with_time=False)}): see my newer message."
    earlier = f"account:{account.id}:nudge:{account.cycle}:"
    if account.last_nudge_stage == stage.value:
        earlier += f"{account.nudges_sent}:"
    for key, to in await sent_keys(session, earlier):
        await enqueue_message(session, services.cipher, now=now, to=to, template="accounts.closed",
                              params={"name": account.name, "state": "superseded", "note": where}, message_key=key)
    account.nudges_sent += 1
    account.last_nudged_at, account.last_nudge_stage = now, stage.value
    params = nudge_params(services, account, stage, directory, await rules_for(services))
    if account.due_reason == "leaver":
        leavers = await leavers_awaiting_rotation(session, account.id)
        params["leaver"] = " and ".join(_name(directory, s) for s in leavers) or "someone with access"
    targets = _owner_or_admins(account, directory)
    if owner_away is not None:
        targets = [m.key for m in directory.with_role(Role.ADMIN) if m.key != account.owner_id] or targets
        params["owner_away"] = f"{_name(directory, account.owner_id)} (its owner) is away until {until_words(owner_away.ends_at, services.tz)}, so this comes to the admins."
    for target in targets:
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(target), template="accounts.nudge", params=params,
                              message_key=f"account:{account.id}:nudge:{account.cycle}:{account.nudges_sent}:{target}")
    await record_audit(session, at=now, actor="system", action="account.nudged", subject_type="account",
                       subject_id=str(account.id), detail={"stage": stage.value, "cycle": account.cycle})


async def _escalate(session: AsyncSession, services: Services, account: SharedAccount, directory: Directory,
                    now: datetime) -> None:
    account.escalated_at = now
    days = max(1, (now - account.next_due_at).days)
    for admin in directory.with_role(Role.ADMIN):
        await enqueue_message(
            session, services.cipher, now=now, to=ToPerson(admin.key), template="accounts.escalated",
            params={"name": account.name, "owner": _name(directory, account.owner_id), "days": days,
                    "due": describe(account.next_due_at, services.tz, with_time=False)},
            message_key=f"account:{account.id}:escalated:{account.cycle}:{admin.key}",
        )
    await record_audit(session, at=now, actor="system", action="account.escalated", subject_type="account",
                       subject_id=str(account.id), detail={"days_overdue": days})


async def close_rotation_messages(session: AsyncSession, services: Services, account: SharedAccount, cycle: int,
                                  state: str, note: str) -> None:
    """Update this cycle's nudges (and the admins' alerts) in place: no buttons left to press."""
    now = services.now()
    for kind in ("nudge", "exposed", "escalated"):
        for key, to in await sent_keys(session, f"account:{account.id}:{kind}:{cycle}:"):
            await enqueue_message(session, services.cipher, now=now, to=to, template="accounts.closed",
                                  params={"name": account.name, "state": state, "note": note}, message_key=key)


def start_next_cycle(account: SharedAccount) -> int:
    old = account.cycle
    account.cycle += 1
    account.snoozed_until = account.last_nudged_at = account.escalated_at = None
    account.last_nudge_stage, account.nudges_sent = "", 0
    return old


def _may_record(account: SharedAccount, member: Member | None) -> bool:
    if member is None:
        return False
    holders = {a.person_key for a in current_access(account)} | {account.owner_id}
    return member.key in holders or member.has(*MANAGERS)


def parse_change_moment(text: str, services: Services) -> datetime:
    """When a password was changed, typed in words; "now" when nothing is typed."""
    if not text.strip():
        return services.now()
    if contains_password(text, short_field=True):
        raise PasswordTyped()
    moment = parse_past_moment(text, services.tz, services.now())
    if moment.has_time:
        return moment.at
    # A day without a time: noon that day, or now if that is still to come today.
    noon = _local_noon(moment.at.astimezone(services.tz).date(), services)
    return min(noon, services.now())


async def record_rotation(session: AsyncSession, services: Services, account_id: int, actor: str, when: datetime,
                          *, cycle: int | None = None) -> Outcome:
    account = await account_for_update(session, account_id)
    if account is None or not account.active:
        raise DomainError("I can't find that account any more.")
    snapshot = await org_snapshot(services)
    directory, tz, now = snapshot.directory, services.tz, services.now()
    if not _may_record(account, directory.by_key(actor)):
        raise NotAllowed(f"Only {account.name}'s owner, the people who use it, or an admin can record a change.")
    recent = account.last_changed_at is not None and now - account.last_changed_at < timedelta(hours=1) \
        and account.rotation_requested_at is None
    if (cycle is not None and cycle != account.cycle) or (cycle is None and recent and when - account.last_changed_at < timedelta(hours=1)):  # type: ignore[operator]
        assert account.last_changed_at is not None
        return Outcome(False, f"{account.name}'s change on {describe(account.last_changed_at, tz)} is already recorded. Thank you.")
    if account.rotation_requested_at is not None and when < account.rotation_requested_at - LEEWAY:
        why = "it may have been revealed" if account.exposed_at else "the leaver checklist asked for it"
        raise DomainError(
            f"That is before {describe(account.rotation_requested_at, tz)}, when {why}, so {account.name}'s password "
            f"still needs changing. Please change it now and then tell me."
        )
    if account.last_changed_at is not None and when <= account.last_changed_at:
        raise DomainError(f"{account.name} was already changed later than that, on {describe(account.last_changed_at, tz)}.")
    report_id, was_exposed = account.exposure_report_id, account.exposed_at is not None
    account.last_changed_at = when
    account.next_due_at = when + timedelta(days=account.rotate_every_days)
    account.due_reason, account.exposed_at, account.exposure_report_id, account.rotation_requested_at = "schedule", None, None, None
    account.updated_at = now
    old_cycle = start_next_cycle(account)
    who = _name(directory, actor)
    await close_rotation_messages(session, services, account, old_cycle, "done",
                                  f"Changed on {describe(when, tz)} (recorded by {who}).")
    rules = rules_from(snapshot.config.settings if snapshot.config else None)
    await schedule_rotation_check(session, services, account, rules)
    await record_audit(session, at=now, actor=actor, action="account.rotated", subject_type="account",
                       subject_id=str(account.id), detail={"changed_at": when.isoformat(), "after_exposure": was_exposed})
    if not WHEN_PASSWORD_CHANGED:  # never silently: a report or checklist would wait for a change already made
        raise RuntimeError("the workflows' hooks are not handed over: import bot.workflows at start-up")
    for follow_up in WHEN_PASSWORD_CHANGED:
        await follow_up(session, services, account.id, report_id, actor)
    return Outcome(True, f"Thank you. {account.name}: change recorded for {describe(when, tz)}. "
                         f"Next due {describe(account.next_due_at, tz, with_time=False)}.")


async def record_typed_rotation(session: AsyncSession, services: Services, text: str, actor: str) -> Outcome:
    """`/rotated Facebook page yesterday 4pm`: the account named by the leading words, changed when the
    rest says (now, if it says nothing); an unknown name is refused with suggestions."""
    if contains_password(text):
        raise PasswordTyped()
    accounts = list(await active_accounts(session))
    name, when_text = named_from_text(text, [named(a) for a in accounts])
    if name is None:
        if contains_password(text, short_field=True):
            raise PasswordTyped()
        account = await find_account(session, text.split()[0])  # raises, with suggestions
    else:
        account = next(a for a in accounts if a.id == name.id)
    try:
        when = parse_change_moment(when_text, services)
    except (DateNotUnderstood, DateInFuture) as exc:
        raise DomainError(f"Nothing was recorded. {exc}") from exc
    return await record_rotation(session, services, account.id, actor, when)


async def snooze(session: AsyncSession, services: Services, account_id: int, actor: str, cycle: int) -> Outcome:
    account = await account_for_update(session, account_id)
    if account is None or not account.active:
        raise DomainError("I can't find that account any more.")
    snapshot = await org_snapshot(services)
    if not _may_record(account, snapshot.directory.by_key(actor)):
        raise NotAllowed(f"Only {account.name}'s owner or an admin can put this reminder off.")
    if cycle != account.cycle:
        return Outcome(False, f"This reminder about {account.name} is out of date: nothing more is needed from it.")
    if not may_snooze(account.due_reason):
        why = ("may have been revealed" if account.due_reason == "exposure"
               else "must change because someone who knew it is leaving")
        raise DomainError(f"{account.name}'s password {why}, so it can't wait. Please change it now, then tell me "
                          f"with the buttons or `/rotated {account.name}`.")
    rules = rules_from(snapshot.config.settings if snapshot.config else None)
    now = services.now()
    if account.snoozed_until is not None and account.snoozed_until > now:
        return Outcome(False, f"I'll already remind you about {account.name} on {describe(account.snoozed_until, services.tz)}.")
    account.snoozed_until = rules.hours.next_open(now + rules.snooze, services.tz)
    await close_rotation_messages(session, services, account, account.cycle, "snoozed",
                                  f"I'll remind you on {describe(account.snoozed_until, services.tz)}.")
    await schedule_rotation_check(session, services, account, rules)
    await record_audit(session, at=now, actor=actor, action="account.snoozed", subject_type="account",
                       subject_id=str(account.id))
    return Outcome(True, f"OK, I'll remind you about {account.name} on {describe(account.snoozed_until, services.tz)}.")


# -- suspected exposure ------------------------------------------------------------------------------


async def start_exposure(session: AsyncSession, services: Services, account_id: int, actor: str,
                         report_id: int | None = None) -> Outcome:
    """A password may have been revealed (policy 2): change it at once. The owner and the admins are
    told now, and the owner again every hour (at any hour) until the change is recorded."""
    account = await account_for_update(session, account_id)
    if account is None or not account.active:
        raise DomainError("I can't find that account any more.")
    snapshot = await org_snapshot(services)
    directory, now = snapshot.directory, services.now()
    if directory.by_key(actor) is None and actor != "system":
        raise NotAllowed("Only people in our organisation file can flag an account. Please tell an admin.")
    if account.exposed_at is not None:
        if report_id is not None and account.exposure_report_id is None:
            account.exposure_report_id = report_id
        return Outcome(False, f"{account.name} is already being changed: its owner was told on "
                              f"{describe(account.exposed_at, services.tz)}. Thank you for flagging it.")
    old_cycle = start_next_cycle(account)
    await close_rotation_messages(session, services, account, old_cycle, "superseded", "A newer reminder follows.")
    account.exposed_at = account.rotation_requested_at = account.next_due_at = now
    account.due_reason, account.exposure_report_id, account.updated_at = "exposure", report_id, now
    rules = rules_from(snapshot.config.settings if snapshot.config else None)
    owner = _name(directory, account.owner_id)
    for admin in directory.with_role(Role.ADMIN):
        if admin.key != account.owner_id:
            await enqueue_message(
                session, services.cipher, now=now, to=ToPerson(admin.key), template="accounts.exposed",
                params={"name": account.name, "owner": owner, "by": _name(directory, actor) if actor != "system" else "a report",
                        "from_report": report_id is not None},
                message_key=f"account:{account.id}:exposed:{account.cycle}:{admin.key}",
            )
    await record_audit(session, at=now, actor=actor, action="account.exposed", subject_type="account",
                       subject_id=str(account.id), detail={"report_id": report_id})
    await run_check(session, services, account, rules, now)
    return Outcome(True, f"Thank you. {owner} (who owns {account.name}) and the admins have been told to change its "
                         f"password now. I'll keep reminding them until it is done.")


def parts_held(account: SharedAccount, person_key: str) -> set[AccountPart]:
    """How someone holds an account: its owner, someone who uses it, or someone with overall access."""
    held = {AccountPart.OWNER} if account.owner_id == person_key else set()
    for access in current_access(account):
        if access.person_key == person_key:
            held.add(AccountPart.OVERALL_ACCESS if access.overall else AccountPart.ACCESS)
    return held


def may_start_exposure(account: SharedAccount, member: Member | None) -> bool:
    """Whether someone's flag starts the urgent rotation at once (the rule is EXPOSURE_AUTHORITY). Anyone
    else's flag goes to the admins as a report, so nobody can set off urgent reminders for an account
    they have nothing to do with, yet a suspected exposure is still easy to raise."""
    return EXPOSURE_AUTHORITY.may_start(member, parts_held(account, member.key) if member else set())


class ReportedExposure(StrEnum):
    """What a routed password report did to the account it names."""

    UNDER_WAY = "under_way"  # the urgent change started (or was already under way)
    AWAITING_ADMIN = "awaiting_admin"  # the reporter doesn't hold the account: an admin starts it from the report
    NO_ACCOUNT = "no_account"  # it names no account in the register: the admins see to it


async def exposure_reported(session: AsyncSession, services: Services, report_id: int, reporter: str,
                            typed: str) -> ReportedExposure:
    """Hook for a routed password_exposure report: start the rotation of the account it names, if the
    reporter may (EXPOSURE_AUTHORITY); otherwise leave it to the admins handling the report."""
    await sync_register_in(session, services)
    accounts = list(await active_accounts(session))
    match = match_account(typed, [named(a) for a in accounts])
    if match.account is None:
        log.info("password report %s names no account in the register", report_id)
        await record_audit(session, at=services.now(), actor="system", action="account.exposure_unmatched",
                           subject_type="report", subject_id=str(report_id), detail={"suggestions": list(match.suggestions)})
        return ReportedExposure.NO_ACCOUNT
    account = next(a for a in accounts if a.id == match.account.id)
    directory = (await org_snapshot(services)).directory
    if account.exposed_at is None and not may_start_exposure(account, directory.by_key(reporter)):
        await record_audit(session, at=services.now(), actor="system", action="account.exposure_referred",
                           subject_type="account", subject_id=str(account.id), detail={"report_id": report_id})
        return ReportedExposure.AWAITING_ADMIN
    # Already under way: the report is linked to it, so it is updated when the change is recorded.
    await start_exposure(session, services, account.id, "system", report_id=report_id)
    return ReportedExposure.UNDER_WAY


async def start_reported_exposure(session: AsyncSession, services: Services, report_id: int, actor: str,
                                  typed: str) -> Outcome:
    """An admin handling a password report starts the urgent change of the account it names."""
    await sync_register_in(session, services)
    account = await find_account(session, typed)
    member = (await org_snapshot(services)).directory.by_key(actor)
    if not may_start_exposure(account, member):
        raise NotAllowed(f"Only an admin, or someone who owns or uses {account.name}, can start its password change. "
                         "Nothing has been changed.")
    return await start_exposure(session, services, account.id, actor, report_id=report_id)


async def check_all(services: Services) -> int:
    """Maintenance: the organisation file's accounts are in the register. Nudges run from timers."""
    await ensure_register_synced(services, background=True)
    return 0


async def owner_back(session: AsyncSession, services: Services, owner_id: str) -> None:
    """Someone is back from an absence (perhaps early): their accounts are checked now, so a nudge that
    waited for them goes out now rather than at the end their absence first had."""
    rules = await rules_for(services)
    for listed in await active_accounts(session):
        if listed.owner_id == owner_id and (account := await account_for_update(session, listed.id)) is not None:
            await schedule_rotation_check(session, services, account, rules, at=services.now())


TIMER_HANDLERS = {CHECK: on_check}
