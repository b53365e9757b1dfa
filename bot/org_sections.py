"""The workflows' parts of the organisation file, handed to bot/org.py when this module is imported.

Every workflow imports bot/org.py (for roles, people and channels), so bot/org.py imports none of them;
this is the one list of the sections they add to the file. Entry points import it before reading the
file: bot/runtime.py, bot/workflows.py, and the `tmw-bot` commands that read the file themselves.
"""

from __future__ import annotations

from bot.access_reviews import AccessReviewSettings
from bot.accounts.policy import AccountSettings
from bot.accounts.spec import AccountSpec, check_accounts
from bot.digest.workflow import DigestSettings
from bot.directory import directory_from_org
from bot.moderation_queue.settings import ModerationSettings
from bot.org import LoadedOrg, WorkflowParts, plug_in
from bot.outgoing.settings import CheckSettings
from bot.policy.document import policy_path
from bot.reports.kinds import ReportSettings, rules_for
from bot.reports.routing import chains_that_can_end_empty
from bot.retention import RetentionSettings

plug_in(WorkflowParts(
    settings={"reports": ReportSettings, "moderation": ModerationSettings, "accounts": AccountSettings,
              "digest": DigestSettings, "access_reviews": AccessReviewSettings,
              "retention": RetentionSettings, "checks": CheckSettings},
    account_spec=AccountSpec,
    checks=(check_accounts,),
))


def org_warnings(loaded: LoadedOrg) -> list[str]:
    """What a valid file lacks that people would notice at run time: a policy to show, and report
    chains that can leave nobody (see bot/reports/routing.py)."""
    warnings = []
    policy = policy_path(loaded.path, loaded.config.organisation.policy_file)
    if policy is None:
        warnings.append("organisation.policy_file: no policy file is named, so /policy has nothing to show or sign")
    elif not policy.is_file():
        warnings.append(f"organisation.policy_file: there is no file {policy}")
    rules = rules_for(loaded.config.settings)
    warnings += [f"settings.reports: {w}" for w in chains_that_can_end_empty(rules, directory_from_org(loaded.config))]
    return warnings
