"""The organisation file, loaded into the database, and look-ups of who holds which role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory import Directory, Member, identities
from bot.org import LoadedOrg, OrgConfig, Role
from storage.audit import record_audit
from storage.db import lock_for_transaction
from storage.models import Organisation, OrgChannel, OrgFileState, Person, PersonRole, Project, ProjectMember

# The person columns that no two people may share (the key aside).
_UNIQUE_IDENTITIES = ("slack_id", "teams_object_id")


@dataclass(frozen=True)
class TeamsChannelAddress:
    team_id: str
    channel_id: str


async def current_source_hash(session: AsyncSession) -> str | None:
    return await session.scalar(select(Organisation.source_sha256).where(Organisation.id == 1))


async def load_org_config(session: AsyncSession) -> OrgConfig | None:
    raw = await session.scalar(select(Organisation.config).where(Organisation.id == 1))
    return None if raw is None else OrgConfig.model_validate(raw)


async def directory_version(session: AsyncSession) -> int:
    """How many times who holds which role has changed: cheap to read, so every process can ask often."""
    return await session.scalar(select(Organisation.directory_version).where(Organisation.id == 1)) or 0


async def directory_changed(session: AsyncSession) -> None:
    """Someone's roles changed outside the file (a leaver): every process's cached view is now out of date."""
    await session.execute(
        update(Organisation).where(Organisation.id == 1).values(directory_version=Organisation.directory_version + 1)
    )


async def note_broken_org_file(session: AsyncSession, sha256: str, now: datetime) -> bool:
    """Record that the file with this hash is broken. True only for the first process to note it, so
    the admins are told once however many processes (or restarts) see the same broken file."""
    result = await session.execute(
        update(OrgFileState)
        .where(OrgFileState.id == 1)
        .where((OrgFileState.broken_sha256.is_(None)) | (OrgFileState.broken_sha256 != sha256))
        .values(broken_sha256=sha256, noticed_at=now)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def note_org_file_mended(session: AsyncSession) -> bool:
    """The file loads again. True only for the first process to see it mended."""
    result = await session.execute(
        update(OrgFileState)
        .where(OrgFileState.id == 1, OrgFileState.broken_sha256.is_not(None))
        .values(broken_sha256=None, noticed_at=None)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def sync_org(session: AsyncSession, loaded: LoadedOrg, now: datetime, actor: str = "system") -> bool:
    """Make the directory match the file. Returns False when the file is unchanged since last time.

    People who leave the file are kept (reports and the audit log refer to them) but marked as no
    longer in the directory, so nothing routes to them.
    """
    # Processes starting (or reloading the file) together take turns: each sees what the last wrote,
    # rather than all inserting the same organisation and people at once.
    await lock_for_transaction(session, "org-sync")
    if await current_source_hash(session) == loaded.source_sha256:
        return False
    config = loaded.config
    org = await session.get(Organisation, 1) or Organisation(id=1)
    org.name = config.organisation.name
    org.reference_prefix = config.organisation.prefix
    org.timezone = config.organisation.timezone or ""
    org.config = config.model_dump(mode="json")
    org.source_sha256 = loaded.source_sha256
    org.loaded_at = now
    org.directory_version = (org.directory_version or 0) + 1
    session.add(org)

    people = {p.key: p for p in (await session.scalars(select(Person))).all()}
    listed = {spec.key for spec in config.people}
    wanted_identities = {spec.key: identities(spec) for spec in config.people}
    # An identity the file now gives someone else (say, a Slack id moved to a person given a key) is
    # first taken from whoever held it, so no two rows claim it.
    claimed = {(field, value): key for key, ids in wanted_identities.items()
               for field, value in ids.items() if field in _UNIQUE_IDENTITIES and value}
    for key, person in people.items():
        for field in _UNIQUE_IDENTITIES:
            holder = claimed.get((field, getattr(person, field)))
            if holder is not None and holder != key:
                setattr(person, field, None)
    await session.flush()
    for spec in config.people:
        person = people.get(spec.key)
        if person is None:
            person = Person(key=spec.key, name=spec.name, in_directory=True, roles=[])
            session.add(person)
            people[spec.key] = person
        person.name = spec.name
        person.in_directory = True
        for field, value in wanted_identities[spec.key].items():
            setattr(person, field, value)
        wanted = {role.value for role in spec.roles}
        # Keep a role's end date (set by a leaver workflow) when the file still lists the role.
        person.roles = [r for r in person.roles if r.role in wanted] + [
            PersonRole(role=role) for role in sorted(wanted - {r.role for r in person.roles})
        ]
    for key, person in people.items():
        if key not in listed:
            person.in_directory = False
    await session.flush()

    projects = {p.key: p for p in (await session.scalars(select(Project))).all()}
    for spec in config.projects:
        project = projects.get(spec.key) or Project(key=spec.key)
        project.name = spec.name
        project.aliases = list(spec.aliases)
        project.active = True
        session.add(project)
        projects[spec.key] = project
    for key, project in projects.items():
        if config.project(key) is None:
            project.active = False
    await session.flush()

    for member in (await session.scalars(select(ProjectMember))).all():
        await session.delete(member)
    for channel in (await session.scalars(select(OrgChannel))).all():
        await session.delete(channel)
    await session.flush()
    memberships: set[tuple[int, int, str]] = set()
    for spec in config.projects:
        for capacity, ids in (("manager", spec.managers), ("leader", spec.leaders)):
            for key in ids:
                memberships.add((projects[spec.key].id, people[key].id, capacity))
    for spec in config.people:
        for project_key in spec.projects:
            memberships.add((projects[project_key].id, people[spec.key].id, "member"))
    session.add_all(ProjectMember(project_id=p, person_id=m, capacity=c) for p, m, c in sorted(memberships))

    channels = config.channels
    for purpose in ("ceo_digest", "safeguarding", "moderation", "guarded", "moderated"):
        value = getattr(channels, purpose)
        for spec in value if isinstance(value, list) else [value] if value is not None else []:
            session.add(OrgChannel(
                purpose=purpose, slack_channel_id=spec.id, name=spec.name, description=spec.purpose,
                teams_team_id=spec.teams.team_id if spec.teams else None,
                teams_channel_id=spec.teams.channel_id if spec.teams else None,
            ))

    await record_audit(
        session, at=now, actor=actor, action="org.loaded", subject_type="organisation", subject_id="1",
        detail={"sha256": loaded.source_sha256, "people": len(config.people), "projects": len(config.projects)},
    )
    return True


def _identities(person: Person) -> dict[str, Any]:
    return {"slack_id": person.slack_id, "teams_object_id": person.teams_object_id, "teams_upn": person.teams_upn,
            "notify_on": person.notify_on}


def _active_roles(person: Person, today: date | None) -> frozenset[Role]:
    return frozenset(
        Role(r.role) for r in person.roles if r.ends_on is None or today is None or r.ends_on > today
    )


async def _member(session: AsyncSession, person: Person, today: date | None) -> Member:
    rows = (
        await session.execute(
            select(Project.key, ProjectMember.capacity)
            .join(ProjectMember, ProjectMember.project_id == Project.id)
            .where(ProjectMember.person_id == person.id, Project.active.is_(True))
        )
    ).all()
    by_capacity: dict[str, set[str]] = {"manager": set(), "leader": set(), "member": set()}
    for key, capacity in rows:
        by_capacity[capacity].add(key)
    return Member(
        key=person.key,
        name=person.name,
        roles=_active_roles(person, today),
        projects=frozenset().union(*by_capacity.values()),
        manages=frozenset(by_capacity["manager"]),
        leads=frozenset(by_capacity["leader"]),
        left_on=person.left_on,
        **_identities(person),
    )


async def find_member(session: AsyncSession, key: str, today: date | None = None) -> Member | None:
    """The person with this key, if they are in the organisation file."""
    person = await session.scalar(
        select(Person).where(Person.key == key, Person.in_directory.is_(True))
    )
    return None if person is None else await _member(session, person, today)


async def members_with_role(session: AsyncSession, role: Role, today: date | None = None) -> list[Member]:
    people = (
        await session.scalars(
            select(Person)
            .join(PersonRole, PersonRole.person_id == Person.id)
            .where(PersonRole.role == role.value, Person.in_directory.is_(True))
            .order_by(Person.name)
        )
    ).all()
    members = [await _member(session, person, today) for person in people]
    return [member for member in members if role in member.roles]


async def channel_for(session: AsyncSession, purpose: str) -> str | None:
    """The Slack channel with this purpose, if it is on Slack."""
    return await session.scalar(
        select(OrgChannel.slack_channel_id)
        .where(OrgChannel.purpose == purpose, OrgChannel.slack_channel_id.is_not(None))
        .order_by(OrgChannel.id).limit(1)
    )


async def has_channel(session: AsyncSession, purpose: str) -> bool:
    """Whether a channel has this purpose, on either platform."""
    return await session.scalar(select(OrgChannel.id).where(OrgChannel.purpose == purpose).limit(1)) is not None


async def channel_named(session: AsyncSession, channel_id: str) -> str | None:
    """The name the organisation file gives the channel with this id (its Slack or Teams id), if any."""
    return await session.scalar(
        select(OrgChannel.name)
        .where((OrgChannel.slack_channel_id == channel_id) | (OrgChannel.teams_channel_id == channel_id))
        .order_by(OrgChannel.id).limit(1)
    )


async def is_teams_channel(session: AsyncSession, channel_id: str) -> bool:
    """Whether the organisation file names this id as a Teams channel's."""
    return await session.scalar(
        select(OrgChannel.id).where(OrgChannel.teams_channel_id == channel_id).limit(1)) is not None


async def teams_channel_for(session: AsyncSession, purpose: str) -> TeamsChannelAddress | None:
    """The Teams channel with this purpose, if it is on Teams: what a Teams deliverer posts to."""
    row = (
        await session.execute(
            select(OrgChannel.teams_team_id, OrgChannel.teams_channel_id)
            .where(OrgChannel.purpose == purpose, OrgChannel.teams_channel_id.is_not(None))
            .order_by(OrgChannel.id).limit(1)
        )
    ).first()
    return None if row is None else TeamsChannelAddress(team_id=row[0], channel_id=row[1])


async def load_directory(session: AsyncSession, today: date | None = None) -> Directory:
    """Everyone in the organisation file, with their roles and projects, in one snapshot."""
    people = (await session.scalars(select(Person).where(Person.in_directory.is_(True)).order_by(Person.name))).all()
    rows = (
        await session.execute(
            select(ProjectMember.person_id, Project.key, ProjectMember.capacity)
            .join(Project, Project.id == ProjectMember.project_id)
            .where(Project.active.is_(True))
        )
    ).all()
    by_person: dict[int, dict[str, set[str]]] = {}
    for person_id, key, capacity in rows:
        by_person.setdefault(person_id, {"manager": set(), "leader": set(), "member": set()})[capacity].add(key)
    members = []
    for person in people:
        caps = by_person.get(person.id, {"manager": set(), "leader": set(), "member": set()})
        members.append(
            Member(
                key=person.key, name=person.name, roles=_active_roles(person, today),
                projects=frozenset().union(*caps.values()), manages=frozenset(caps["manager"]),
                leads=frozenset(caps["leader"]), left_on=person.left_on, **_identities(person),
            )
        )
    projects = (await session.scalars(select(Project).where(Project.active.is_(True)).order_by(Project.name))).all()
    return Directory(members=tuple(members), project_names={p.key: p.name for p in projects})
