"""Who a report goes to. Pure: given the directory and the report's facts, the same answer every time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from bot.absences import Away
from bot.directory import Directory, Member
from bot.org import Role
from bot.reports.kinds import (
    EVERYONE_AWAY_TIER,
    FALLBACK_TIER,
    STEP_LABELS,
    ReportKind,
    RoutingRule,
    Step,
    may_cover,
)


@dataclass(frozen=True)
class Recipient:
    person_key: str
    name: str
    # How the reporter sees who has it: "the safeguarding lead".
    role_label: str


@dataclass(frozen=True)
class Skipped:
    """Someone on the chain left out because they are away: who, and their absence."""

    recipient: Recipient
    away: Away
    # The tier that took the report on in their place: they count as having had it once it gets there.
    tier: int


@dataclass(frozen=True)
class Route:
    tiers: tuple[tuple[Recipient, ...], ...]
    watchers: tuple[Recipient, ...]
    told_it_exists: tuple[Recipient, ...]
    skipped: tuple[Skipped, ...] = ()
    # Everyone on the chain was away: it went to the CEO and the Chair at once (EVERYONE_AWAY_TIER).
    everyone_away: bool = False

    @property
    def everyone_on_chain(self) -> frozenset[str]:
        return frozenset(r.person_key for tier in self.tiers for r in tier)


class NoOneToRouteTo(Exception):
    """The chain resolved to nobody: the organisation file lacks the people this kind needs."""


@dataclass(frozen=True)
class ReportFacts:
    reporter: str
    activity: str | None = None
    team_member: str | None = None


def resolve_step(step: Step, directory: Directory, facts: ReportFacts) -> list[Member]:
    reporter = directory.by_key(facts.reporter)
    subject = directory.by_key(facts.team_member)
    match step:
        case Step.ACTIVITY_PROJECT_MANAGER:
            return directory.managers_of([facts.activity]) if facts.activity else []
        case Step.ACTIVITY_LEADERS:
            return directory.leaders_of([facts.activity]) if facts.activity else []
        case Step.REPORTER_PROJECT_MANAGER:
            return directory.managers_of(reporter.projects) if reporter else []
        case Step.SUBJECT_PROJECT_MANAGER:
            return directory.managers_of(subject.projects) if subject else []
        case Step.CEO:
            return directory.with_role(Role.CEO)
        case Step.CHAIR:
            return directory.with_role(Role.CHAIR)
        case Step.TRUSTEES:
            return directory.with_role(Role.TRUSTEE)
        case Step.SAFEGUARDING_LEAD:
            return directory.with_role(Role.SAFEGUARDING_LEAD)
        case Step.DEPUTY_SAFEGUARDING_LEAD:
            return directory.with_role(Role.DEPUTY_SAFEGUARDING_LEAD)
        case Step.ADMINS:
            return directory.with_role(Role.ADMIN)
    raise AssertionError(f"unhandled step {step}")


NOBODY_AWAY: Mapping[str, Away] = {}


@dataclass
class _Absences:
    """Who is away, and (filled in as the chain is walked) whom that left out."""

    book: Mapping[str, Away] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    everyone_away: bool = False


def covering_label(label: str) -> str:
    """How a stand-in's part is named: "the person covering for the safeguarding lead"."""
    return f"the person covering for {label}"


def _chain_tiers(
    chain: tuple[tuple[Step, ...], ...], directory: Directory, facts: ReportFacts, absences: _Absences | None = None,
) -> Iterator[tuple[Recipient, ...]]:
    """A chain's tiers in order, each with the people who are not left out (see `route_report`).
    A tier left empty is skipped.

    This is the one place an absence changes where a report goes: someone away is left out (and
    noted in `absences.skipped`), and the stand-in they named, if any and not away too, takes their
    place in the same tier; otherwise the report goes on to the next person on its chain."""
    excluded = {facts.reporter, facts.team_member} - {None}
    book = absences.book if absences else NOBODY_AWAY
    seen: set[str] = set()
    yielded = 0
    for tier in chain:
        recipients: list[Recipient] = []
        for step in tier:
            for member in resolve_step(step, directory, facts):
                if member.key in excluded or member.key in seen:
                    continue
                seen.add(member.key)
                recipient = Recipient(member.key, member.name, STEP_LABELS[step])
                away = book.get(member.key)
                if away is None:
                    recipients.append(recipient)
                    continue
                assert absences is not None
                stand_in = directory.by_key(away.stand_in)
                if (stand_in is not None and may_cover(stand_in, step)
                        and not {stand_in.key} & (book.keys() | excluded | seen)):
                    seen.add(stand_in.key)
                    recipients.append(Recipient(stand_in.key, stand_in.name, covering_label(STEP_LABELS[step])))
                else:
                    away = replace(away, stand_in=None)  # so the history does not say someone covered
                absences.skipped.append(Skipped(recipient, away, yielded))
        if recipients:
            yielded += 1
            yield tuple(recipients)


def _tiers(
    rule: RoutingRule, directory: Directory, facts: ReportFacts, absences: _Absences | None = None
) -> Iterator[tuple[Recipient, ...]]:
    """The rule's chain; if everyone in it is left out, the admins and the Chair (FALLBACK_TIER).
    If everyone in it is away, the CEO and the Chair at once, whether or not they are away themselves
    (EVERYONE_AWAY_TIER): a report always reaches someone."""
    tiers = _chain_tiers(rule.chain, directory, facts, absences)
    first = next(tiers, None)
    if first is None:
        if absences is not None and absences.skipped:
            absences.everyone_away = True
            told_at_once = list(_chain_tiers((EVERYONE_AWAY_TIER,), directory, facts))
            yield from told_at_once or _chain_tiers((FALLBACK_TIER,), directory, facts)
            return
        yield from _chain_tiers((FALLBACK_TIER,), directory, facts)
        return
    yield first
    yield from tiers


def chains_that_can_end_empty(rules: dict[ReportKind, RoutingRule], directory: Directory) -> list[str]:
    """For `org validate`: each kind whose chain leaves nobody for some reporter and subject, with an
    example, so the organisation file can name someone more (such reports go to FALLBACK_TIER)."""
    reporters: list[str] = [m.key for m in directory.members]
    young_leaders = [m.key for m in directory.with_role(Role.YOUNG_LEADER)]
    found: list[str] = []
    for rule in rules.values():
        # The reports the /report form accepts (see validate_form): a subject and activity where needed.
        subjects: list[str | None] = [None]
        if rule.needs_team_member:
            subjects = list(young_leaders if rule.kind is ReportKind.YOUNG_LEADER_MISUSE else reporters)
        activities: list[str | None] = list(directory.project_names) if rule.needs_activity else [None]
        example = next(
            (facts for reporter in reporters for subject in subjects if subject != reporter for activity in activities
             if next(_chain_tiers(rule.chain, directory, facts := ReportFacts(reporter, activity, subject)), None) is None),
            None,
        )
        if example is not None:
            found.append(f"{rule.kind.value}: {_describe(example, directory)} leaves nobody in its chain; "
                         "such a report would go to the admins and the Chair instead. Name someone more for it.")
    return found


def _describe(facts: ReportFacts, directory: Directory) -> str:
    def who(person_key: str | None) -> str:
        member = directory.by_key(person_key)
        return member.name if member else str(person_key)

    said = f"a report by {who(facts.reporter)}"
    if facts.team_member:
        said += f" about {who(facts.team_member)}"
    if facts.activity:
        said += f" in {directory.project_names.get(facts.activity, facts.activity)}"
    return said


_NO_ONE = (
    "There is nobody in the organisation file to send this kind of report to. "
    "Please tell an admin, and tell your manager in person meanwhile."
)


def first_tier(
    rule: RoutingRule, directory: Directory, facts: ReportFacts, away: Mapping[str, Away] = NOBODY_AWAY
) -> tuple[Recipient, ...]:
    """Who a report goes to first: what its reporter is told, before the rest is worked out."""
    tier = next(_tiers(rule, directory, facts, _Absences(away)), None)
    if tier is None:
        raise NoOneToRouteTo(_NO_ONE)
    return tier


def route_report(
    rule: RoutingRule, directory: Directory, facts: ReportFacts, away: Mapping[str, Away] = NOBODY_AWAY
) -> Route:
    """The tiers a report passes through. A report never goes to the person it is about, nor back to
    the person who made it: they are left out, and a tier left empty passes to the next. Nor does it
    wait for someone away (`away`): see `_chain_tiers`."""
    excluded = {facts.reporter, facts.team_member} - {None}
    absences = _Absences(away)
    tiers = list(_tiers(rule, directory, facts, absences))  # never empty while there is an admin or a Chair
    if not tiers:
        raise NoOneToRouteTo(_NO_ONE)
    first_ids = {r.person_key for r in tiers[0]}
    on_chain = {r.person_key for tier in tiers for r in tier}

    def others(steps: tuple[Step, ...], already_know: set[str]) -> tuple[Recipient, ...]:
        found: dict[str, Recipient] = {}
        for step in steps:
            for member in resolve_step(step, directory, facts):
                if member.key not in excluded | already_know:
                    found.setdefault(member.key, Recipient(member.key, member.name, STEP_LABELS[step]))
        return tuple(found.values())

    # Someone later in the chain (the CEO, for safeguarding) is still told now that a report exists.
    return Route(
        tiers=tuple(tiers),
        watchers=others(rule.watchers, on_chain),
        told_it_exists=others(rule.told_it_exists, first_ids),
        skipped=tuple(absences.skipped),
        everyone_away=absences.everyone_away,
    )
