"""The policy's reporting rules as data: what each kind of report is, who handles it, and how fast.

This table is the one place routing lives. The organisation file may override chains and deadlines
under `settings.reports` (see ReportSettings).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.directory import Member
from bot.org import Role
from bot.policy.online_safety import CEOP, Signpost


class ReportKind(StrEnum):
    PARTICIPANT_MISUSE = "participant_misuse"
    TEAM_MEMBER_MISUSE = "team_member_misuse"
    ONLINE_SAFETY = "online_safety"
    WORRYING_CONTACT = "worrying_contact"
    PASSWORD_EXPOSURE = "password_exposure"
    DATA_BREACH = "data_breach"
    COMPUTER_FAULT = "computer_fault"
    UNPERMITTED_PUBLICATION = "unpermitted_publication"
    YOUNG_LEADER_MISUSE = "young_leader_misuse"


class Step(StrEnum):
    """Who a step of a chain resolves to, relative to the report."""

    ACTIVITY_PROJECT_MANAGER = "activity_project_manager"
    ACTIVITY_LEADERS = "activity_leaders"
    REPORTER_PROJECT_MANAGER = "reporter_project_manager"
    SUBJECT_PROJECT_MANAGER = "subject_project_manager"
    CEO = "ceo"
    CHAIR = "chair"
    TRUSTEES = "trustees"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    DEPUTY_SAFEGUARDING_LEAD = "deputy_safeguarding_lead"
    ADMINS = "admins"


# How a step is named to the reporter ("it has gone to the safeguarding lead").
STEP_LABELS: dict[Step, str] = {
    Step.ACTIVITY_PROJECT_MANAGER: "the activity's project manager",
    Step.ACTIVITY_LEADERS: "the activity's leaders",
    Step.REPORTER_PROJECT_MANAGER: "your project manager",
    Step.SUBJECT_PROJECT_MANAGER: "the young leader's project manager",
    Step.CEO: "the CEO",
    Step.CHAIR: "the Chair",
    Step.TRUSTEES: "the trustees",
    Step.SAFEGUARDING_LEAD: "the safeguarding lead",
    Step.DEPUTY_SAFEGUARDING_LEAD: "the deputy safeguarding lead",
    Step.ADMINS: "the admins",
}

# Who may stand in for someone away at each step of a chain: the roles that would let them see such a
# report anyway. A stand-in someone named who holds none of them is passed over, and the report goes on to
# the next person on its chain; a young leader never stands in, whatever else they are.
_MANAGERS = frozenset({Role.PROJECT_MANAGER, Role.CEO, Role.ADMIN})
_SAFEGUARDING = frozenset({Role.SAFEGUARDING_LEAD, Role.DEPUTY_SAFEGUARDING_LEAD, Role.CEO})
COVER_ROLES: dict[Step, frozenset[Role]] = {
    Step.ACTIVITY_PROJECT_MANAGER: _MANAGERS,
    Step.ACTIVITY_LEADERS: frozenset({Role.TEAM_MEMBER, Role.FREELANCER, Role.PROJECT_MANAGER, Role.CEO}),
    Step.REPORTER_PROJECT_MANAGER: _MANAGERS,
    Step.SUBJECT_PROJECT_MANAGER: _MANAGERS,
    Step.CEO: frozenset({Role.CEO, Role.CHAIR}),
    Step.CHAIR: frozenset({Role.CHAIR, Role.TRUSTEE}),
    Step.TRUSTEES: frozenset({Role.TRUSTEE, Role.CHAIR}),
    Step.SAFEGUARDING_LEAD: _SAFEGUARDING,
    Step.DEPUTY_SAFEGUARDING_LEAD: _SAFEGUARDING,
    Step.ADMINS: frozenset({Role.ADMIN, Role.CEO}),
}
NEVER_COVERS = frozenset({Role.YOUNG_LEADER})
# The steps a person is on by their roles (and ACTIVITY_LEADERS for anyone leading an activity).
ROLE_STEPS: dict[Role, frozenset[Step]] = {
    Role.CEO: frozenset({Step.CEO}),
    Role.CHAIR: frozenset({Step.CHAIR}),
    Role.TRUSTEE: frozenset({Step.TRUSTEES}),
    Role.SAFEGUARDING_LEAD: frozenset({Step.SAFEGUARDING_LEAD}),
    Role.DEPUTY_SAFEGUARDING_LEAD: frozenset({Step.DEPUTY_SAFEGUARDING_LEAD}),
    Role.ADMIN: frozenset({Step.ADMINS}),
    Role.PROJECT_MANAGER: frozenset({Step.ACTIVITY_PROJECT_MANAGER, Step.REPORTER_PROJECT_MANAGER,
                                     Step.SUBJECT_PROJECT_MANAGER}),
}


def may_cover(stand_in: Member, step: Step) -> bool:
    """Whether a stand-in someone named may take their place at `step` (COVER_ROLES)."""
    return stand_in.has(*COVER_ROLES[step]) and not stand_in.has(*NEVER_COVERS)


def steps_of(member: Member) -> set[Step]:
    steps = {step for role in member.roles for step in ROLE_STEPS.get(role, ())}
    return steps | ({Step.ACTIVITY_LEADERS} if member.leads else set())


# A single person's own part in a report, in plain words ("you have it as an admin"; "acknowledged
# by the CEO"). Handlers are told this, never the label meant for the reporter or the whole tier.
OWN_ROLES: dict[Step, str] = {
    Step.ACTIVITY_PROJECT_MANAGER: "the activity's project manager",
    Step.ACTIVITY_LEADERS: "one of the activity's leaders",
    Step.REPORTER_PROJECT_MANAGER: "the reporter's project manager",
    Step.SUBJECT_PROJECT_MANAGER: "the young leader's project manager",
    Step.CEO: "the CEO",
    Step.CHAIR: "the Chair",
    Step.TRUSTEES: "a trustee",
    Step.SAFEGUARDING_LEAD: "the safeguarding lead",
    Step.DEPUTY_SAFEGUARDING_LEAD: "the deputy safeguarding lead",
    Step.ADMINS: "an admin",
}
# How people other than the reporter are told who has it: "your project manager" is the reporter's.
OTHERS_LABELS: dict[Step, str] = STEP_LABELS | {Step.REPORTER_PROJECT_MANAGER: "the reporter's project manager"}
_STEP_OF_LABEL = {label: step for step, label in STEP_LABELS.items()}


def own_role(label: str) -> str:
    """One person's own role, from the label their part of a report was saved with (STEP_LABELS)."""
    step = _STEP_OF_LABEL.get(label)
    return OWN_ROLES[step] if step else label


def label_for_others(label: str) -> str:
    step = _STEP_OF_LABEL.get(label)
    return OTHERS_LABELS[step] if step else label


HOUR = timedelta(hours=1)


# -- statutory clocks --------------------------------------------------------------------------------


class ClockId(StrEnum):
    ICO = "ico"
    LADO = "lado"
    CHARITY_COMMISSION = "charity_commission"


class ClockStarts(StrEnum):
    """When a kind of report starts a clock."""

    ALWAYS = "always"
    # Only when the report names a team member: an allegation that one of us harmed, or may harm, a child.
    ABOUT_TEAM_MEMBER = "about_team_member"


@dataclass(frozen=True)
class StatutoryClock:
    """A duty to tell a body outside the organisation, with a deadline counted from when the report was
    filed. Its handlers are reminded until they record what was decided (or the report is resolved);
    once it is overdue, the first role in `escalate_to` with someone not already handling it is told too."""

    id: ClockId
    body: str  # "the LADO"
    short_name: str  # "LADO", on the handler's button
    # The deadline: a fixed time, a number of working days, or neither ("promptly": then `within` is
    # how long before nothing recorded counts as overdue and is escalated).
    within: timedelta | None
    working_days: int
    promptly: bool
    remind_every: timedelta
    escalate_to: tuple[Step, ...]
    # On the handler's card while open; "{due}" is the deadline, in the organisation's timezone.
    duty: str
    # In reminders: "12 hours left to {to_do}", "please {to_do} now".
    to_do: str
    button: str  # the handler card's button that records it
    done: str  # "referred": "the day it was referred"
    # The two answers the handler records, and how each reads once recorded ("{date}": when it was done).
    reported_choice: str
    not_reported_choice: str
    reported_words: str
    not_reported_words: str
    # The record is the trustees' decision (the Charity Commission), not the handler's own.
    trustees_decide: bool = False


STATUTORY_CLOCKS: dict[ClockId, StatutoryClock] = {
    clock.id: clock
    for clock in (
        StatutoryClock(
            ClockId.ICO, "the ICO", "ICO", within=timedelta(hours=72), working_days=0, promptly=False,
            remind_every=timedelta(hours=12), escalate_to=(Step.CHAIR,),
            duty="If this breach is serious, tell the ICO by {due} (72 hours from when it was reported).",
            to_do="tell the ICO if it is serious", button="Record the ICO decision", done="reported",
            reported_choice="Reported to the ICO", not_reported_choice="Not reported to the ICO",
            reported_words="Reported to the ICO on {date}.", not_reported_words="Not reported to the ICO.",
        ),
        StatutoryClock(
            ClockId.LADO, "the LADO", "LADO", within=None, working_days=1, promptly=False,
            remind_every=timedelta(hours=6), escalate_to=(Step.CEO, Step.CHAIR),
            duty="This concern is about one of our team: refer it to the LADO by {due} (within one working day).",
            to_do="refer it to the LADO", button="Record the LADO referral", done="referred",
            reported_choice="Referred to the LADO", not_reported_choice="Not referred to the LADO",
            reported_words="Referred to the LADO on {date}.", not_reported_words="Not referred to the LADO.",
        ),
        StatutoryClock(
            ClockId.CHARITY_COMMISSION, "the Charity Commission", "Charity Commission", within=timedelta(hours=48),
            working_days=0, promptly=True, remind_every=timedelta(hours=24), escalate_to=(Step.CHAIR, Step.TRUSTEES),
            duty=("If the trustees judge this a serious incident, it must be reported to the Charity Commission promptly. "
                  "Please record their decision (the Chair is told if nothing is recorded by {due})."),
            to_do="decide with the trustees whether to report it to the Charity Commission",
            button="Record the trustees' decision", done="reported",
            reported_choice="The trustees decided to report it", not_reported_choice="The trustees decided not to report it",
            reported_words="The trustees decided to report it to the Charity Commission; reported on {date}.",
            not_reported_words="The trustees decided not to report it to the Charity Commission.",
            trustees_decide=True,
        ),
    )
}


@dataclass(frozen=True)
class ClockRule:
    """A clock a kind of report starts, and when."""

    clock: ClockId
    starts: ClockStarts = ClockStarts.ALWAYS


def clocks_started(rule: RoutingRule, about_team_member: bool) -> list[StatutoryClock]:
    """The clocks a report of this kind starts."""
    return [STATUTORY_CLOCKS[c.clock] for c in rule.clocks
            if c.starts is ClockStarts.ALWAYS or (c.starts is ClockStarts.ABOUT_TEAM_MEMBER and about_team_member)]

# Where a report goes when everyone its chain names is left out (the Chair, the only trustee,
# reporting the CEO): never nowhere. `tmw-bot org validate` warns of chains that can end up so.
FALLBACK_TIER: tuple[Step, ...] = (Step.ADMINS, Step.CHAIR)
# Where a report goes at once when everyone its chain names is away (bot/absences.py): the CEO and
# the Chair, whatever their own absence says, so a report always reaches someone.
EVERYONE_AWAY_TIER: tuple[Step, ...] = (Step.CEO, Step.CHAIR)


@dataclass(frozen=True)
class RoutingRule:
    kind: ReportKind
    label: str
    hint: str
    policy_section: str
    # Each tier is handled together; an unacknowledged report moves to the next tier.
    chain: tuple[tuple[Step, ...], ...]
    # People who see the report without handling it (its details, not always the reporter's name).
    watchers: tuple[Step, ...] = ()
    # People told only that a report exists: reference and kind, never details.
    told_it_exists: tuple[Step, ...] = ()
    # None: by the same time on the next working day.
    acknowledge_within: timedelta | None = None
    urgent: bool = False
    safeguarding: bool = False
    needs_activity: bool = False
    needs_team_member: bool = False
    take_down: bool = False
    revoke_access: bool = False
    # Statutory clocks (the ICO, the LADO, the Charity Commission) a report of this kind starts.
    clocks: tuple[ClockRule, ...] = ()
    rotate_password: bool = False
    # Somewhere outside the organisation to report to as well, shown to the reporter and the handlers.
    signpost: Signpost | None = None


DEFAULT_RULES: dict[ReportKind, RoutingRule] = {
    rule.kind: rule
    for rule in (
        RoutingRule(
            ReportKind.PARTICIPANT_MISUSE, "A participant misusing computers or the internet",
            "Something a young person or customer did on our computers or online during an activity.", "5.1",
            chain=((Step.ACTIVITY_PROJECT_MANAGER,), (Step.CEO,)),
            watchers=(Step.ACTIVITY_LEADERS,), needs_activity=True,
        ),
        RoutingRule(
            ReportKind.TEAM_MEMBER_MISUSE, "A team member misusing computers, email or social media",
            "Staff, freelancers, volunteers or trustees. It goes to the CEO and the Chair.", "5.1",
            chain=((Step.CEO, Step.CHAIR), (Step.TRUSTEES,)), needs_team_member=True,
        ),
        RoutingRule(
            ReportKind.ONLINE_SAFETY, "A concern about a participant's safety online",
            "Follows the Safeguarding Policy's chain: the safeguarding lead, then the deputy. "
            "If it is about one of our team, choose them below.", "5.1",
            chain=((Step.SAFEGUARDING_LEAD,), (Step.DEPUTY_SAFEGUARDING_LEAD,), (Step.CEO,)),
            told_it_exists=(Step.CEO,), acknowledge_within=HOUR, urgent=True, safeguarding=True, signpost=CEOP,
            clocks=(ClockRule(ClockId.LADO, ClockStarts.ABOUT_TEAM_MEMBER), ClockRule(ClockId.CHARITY_COMMISSION)),
        ),
        RoutingRule(
            ReportKind.WORRYING_CONTACT, "A customer or stakeholder contacting me in a worrying way",
            "Goes straight to your project manager, marked urgent.", "5.1",
            chain=((Step.REPORTER_PROJECT_MANAGER,), (Step.CEO,)), acknowledge_within=HOUR, urgent=True,
        ),
        RoutingRule(
            ReportKind.PASSWORD_EXPOSURE, "A shared account's password may have been revealed",
            "The password must be changed at once. Name the account; never type the password.", "2, 5.4",
            chain=((Step.ADMINS,), (Step.CEO,)), acknowledge_within=HOUR, urgent=True, rotate_password=True,
        ),
        RoutingRule(
            ReportKind.DATA_BREACH, "Personal data shared where it should not be (a data breach)",
            "Goes to the CEO. Serious breaches must be reported to the ICO within 72 hours.", "3",
            chain=((Step.CEO,), (Step.CHAIR,)), acknowledge_within=HOUR, urgent=True,
            clocks=(ClockRule(ClockId.ICO), ClockRule(ClockId.CHARITY_COMMISSION)),
        ),
        RoutingRule(
            ReportKind.COMPUTER_FAULT, "A computer fault or virus",
            "Goes to the project manager of the activity.", "2",
            chain=((Step.ACTIVITY_PROJECT_MANAGER,), (Step.ADMINS,)), needs_activity=True,
        ),
        RoutingRule(
            ReportKind.UNPERMITTED_PUBLICATION, "Photos or creative work published without permission",
            "Goes to the project manager, marked to be taken down.", "5.6",
            chain=((Step.ACTIVITY_PROJECT_MANAGER,), (Step.CEO,)), needs_activity=True, take_down=True,
        ),
        RoutingRule(
            ReportKind.YOUNG_LEADER_MISUSE, "A young leader misusing their access to our accounts",
            "Goes to their project manager, who can revoke their access.", "5.1",
            chain=((Step.SUBJECT_PROJECT_MANAGER,), (Step.CEO,)), needs_team_member=True, revoke_access=True,
        ),
    )
}


class KindOverride(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chain: list[list[Step]] | None = Field(default=None, min_length=1)
    acknowledge_within_minutes: int | None = Field(default=None, gt=0, le=60 * 24 * 14)

    @field_validator("chain")
    @classmethod
    def _tiers_not_empty(cls, value: list[list[Step]] | None) -> list[list[Step]] | None:
        if value is not None and any(not tier for tier in value):
            raise ValueError("every tier of a chain names at least one role")
        return value


class ReportSettings(BaseModel):
    """`settings.reports` in the organisation file: per-kind overrides of the defaults above."""

    model_config = ConfigDict(extra="forbid")

    kinds: dict[ReportKind, KindOverride] = Field(default_factory=dict)
    # Who may export a case as a PDF for outside bodies (the LADO, the ICO, the police, insurers).
    export_roles: list[Role] = Field(
        default=[Role.CEO, Role.SAFEGUARDING_LEAD, Role.DEPUTY_SAFEGUARDING_LEAD], min_length=1)


def rules_for(org_settings: dict[str, Any] | None) -> dict[ReportKind, RoutingRule]:
    raw = (org_settings or {}).get("reports") or {}
    overrides = ReportSettings.model_validate(raw).kinds
    rules = dict(DEFAULT_RULES)
    for kind, override in overrides.items():
        rule = rules[kind]
        if override.chain is not None:
            rule = replace(rule, chain=tuple(tuple(tier) for tier in override.chain))
        if override.acknowledge_within_minutes is not None:
            rule = replace(rule, acknowledge_within=timedelta(minutes=override.acknowledge_within_minutes))
        rules[kind] = rule
    return rules
