"""How fast is a report filed in Teams answered?

Fires concurrent task/submit invokes (the report dialog's submission, the moment a report is filed) with
stand-in-signed Bot Framework tokens at the real bot's /api/messages over HTTP, and the same invokes at a
bare app built with the Microsoft Teams SDK for Python (microsoft-teams-apps) that only answers them, in
the same run: the Slack /report benchmark (bench_report_ack.py) in Teams. Prints answer time (p50, p99)
side by side with their ratios, and checks every report was stored exactly once.

    .venv/bin/python benchmarks/bench_teams_report.py [--requests 400] [--rounds 8] [--concurrency 10]

Each submission is a new report: its own activity id and its own dialog. The bot serves Slack and Teams
on one server, as `tmw-bot run` does with both set up; the reporters are four people of the example
organisation file given Teams accounts (told on Slack, so their reports go to Slack's handlers, and the
bot's "thank you" page in the dialog). Both apps run in this process, on its one event loop. The bare
app answers with 200 and no body, which closes the dialog; the bot answers with the form's last page,
as Slack's modal shows it. The Teams and Slack stand-ins run in processes of their own. Needs the `bench` extra (`make bench`).

Target: our p99 within 1.5x of the bare app's, and far under Teams' 15 seconds for an invoke.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ackbench import ROOT, bench_settings, measuring, settled, slack_standin
from benchmarks.bench_report_ack import KINDS
from benchmarks.teams_standin import teams_standin
from bot.clock import SystemClock
from bot.delivery import SLACK, DeliveryRouter, routing_by_organisation
from bot.runtime import prepare
from bot.slack.delivery import slack_deliverer
from bot.slack.server import make_web_application
from bot.standin.teams import FakeTeams, TeamsActivitySender
from bot.teams.app import create_teams_endpoint
from bot.teams.delivery import TEAMS, teams_connector, teams_delivery_by_organisation
from bot.teams.server import MESSAGES_PATH
from bot.web import LARGEST_REQUEST
from handlers.slack.features import all_renderers
from handlers.teams import all_teams_renderers
from handlers.teams.reports import FILE_DIALOG
from storage.models import Report

APP_ID = "0d7c5b3a-9e8f-4a1b-8c2d-3e4f5a6b7c8d"
PASSWORD = "bench-Teams-pa55word"
# Entra object ids for the Slack benchmark's reporters (bench_report_ack.REPORTERS), added to the example
# organisation file for the run.
REPORTERS = {
    "U0LEADER01": "1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01",
    "U0LEADER02": "1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02",
    "U0VOLUNT01": "1a2b3c4d-0003-4e5f-8a9b-0c1d2e3f4a03",
    "U0PMAUDIO1": "1a2b3c4d-0004-4e5f-8a9b-0c1d2e3f4a04",
}
BARE = "bare Teams SDK (answer only)"
# The generic settings the Teams SDK reads from the environment (a .env it loads on import included).
SDK_ENVIRONMENT = ("CLIENT_ID", "CLIENT_SECRET", "TENANT_ID", "SERVICE_URL", "CLOUD", "PORT", "OAUTH_URL",
                   "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS")
# The SDK's HTML widget module warns on import that it is a preview; the bare app does not use it.
warnings.filterwarnings("ignore", message="HtmlWidgetSecurityPolicy is in preview")


def organisation_file() -> str:
    """The example organisation file, with the reporters' Teams accounts."""
    lines = []
    for line in (ROOT / "examples" / "org.yml").read_text().splitlines():
        if line.strip().startswith("policy_file:"):
            line = f"  policy_file: {ROOT / 'examples' / line.split(':', 1)[1].strip()}"
        lines.append(line)
        key = line.removeprefix("  - slack_id: ")
        if key in REPORTERS:
            lines.append(f"    teams: {{object_id: {REPORTERS[key]}, upn: {key.lower()}@themusicworks.org.uk}}")
    path = Path(tempfile.mkdtemp(prefix="tmw-bench-teams-")) / "org.yml"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def submission(sender: TeamsActivitySender, i: int) -> str:
    """The report dialog submitted, as a new dialog (as the bot opens them: a state naming the dialog)."""
    kind, activity = KINDS[i % len(KINDS)]
    person = list(REPORTERS.values())[i % len(REPORTERS)]
    answers = {"form": FILE_DIALOG, "state": json.dumps({"dialog": f"BENCH{i:07d}"}), "kind": kind,
               "activity": activity or "", "description": f"Benchmark report number {i}: something worrying happened.",
               "when": "", "participant": "", "account": "", "team_member": "", "risk": "", "privacy": ""}
    return json.dumps(sender.dialog_submit(person, answers))


class AiohttpAdapter:
    """The Teams SDK's HttpServerAdapter (microsoft_teams/apps/http/adapter.py) on an aiohttp application:
    `App.initialize()` registers its route here; our runner owns the server (the SDK's own is FastAPI)."""

    def __init__(self, application: web.Application) -> None:
        self.application = application

    def register_route(self, method: str, path: str, handler: Any) -> None:
        from microsoft_teams.apps.http.adapter import HttpRequest

        async def route(request: web.Request) -> web.StreamResponse:
            try:
                body = json.loads(await request.read())
            except ValueError:
                body = None
            if not isinstance(body, dict):
                return web.json_response({"error": "bad json"}, status=400)
            answer = await handler(HttpRequest(body=body, headers=dict(request.headers)))
            if answer.get("body") is not None:
                return web.json_response(answer["body"], status=answer["status"])
            return web.Response(status=answer["status"])

        assert method == "POST", method
        self.application.router.add_post(path, route)

    def serve_static(self, path: str, directory: str) -> None:
        raise NotImplementedError("the bare app serves nothing else")

    async def start(self, port: int) -> None:
        raise NotImplementedError("the benchmark's runner serves it")

    async def stop(self) -> None:
        return None


async def bare_teams_app(fake: FakeTeams, token: str) -> web.Application:
    """A Teams SDK app that only answers the report dialog's submission, checking each token against the
    stand-in's keys as the bot does."""
    for name in SDK_ENVIRONMENT:
        os.environ.pop(name, None)
    from microsoft_teams.api import TaskSubmitInvokeActivity
    from microsoft_teams.api.auth.cloud_environment import PUBLIC, with_overrides
    from microsoft_teams.apps import ActivityContext, App
    from microsoft_teams.common import ClientOptions

    async def no_token(scope: Any, tenant_id: str | None = None) -> str:
        raise AssertionError("the bare app only answers: it never calls Teams")

    application = web.Application(client_max_size=LARGEST_REQUEST)
    app = App(client_id=APP_ID, client_secret=None, tenant_id=fake.tenant_id, token=no_token,
              service_url=fake.service_url, client=ClientOptions(timeout=10),
              # The SDK derives the keys' URL from the OpenID metadata's (…/openidconfiguration → …/keys).
              cloud=with_overrides(PUBLIC, openid_metadata_url=fake.openid_url),
              http_server_adapter=AiohttpAdapter(application), messaging_endpoint=MESSAGES_PATH,
              dangerously_allow_unauthenticated_requests=False, telemetry={"agent365": False})

    @app.on_dialog_submit
    async def only_answer(ctx: ActivityContext[TaskSubmitInvokeActivity]) -> None:
        return None  # 200 with no body: the dialog closes

    await app.initialize()  # registers /api/messages on `application`; starts no server
    # The SDK fetches the keys synchronously, on the event loop: fetch them once now, off it, so the
    # warm-up does not stall (the cache lasts 5 minutes; after that a refetch stalls the loop briefly).
    jwks = app.server._token_validator._service_validator._jwks_client  # type: ignore[union-attr]  # private
    await asyncio.to_thread(jwks.get_signing_key_from_jwt, token)
    return application


async def main(requests: int, batches: int, concurrency: int, database_url: str | None) -> int:
    from bot.slack.app import create_app

    try:
        import microsoft_teams.apps  # noqa: F401
    except ImportError:
        print("The bare app needs the Teams SDK, a benchmark peer: `make bench`, or pip install -e '.[bench]'",
              file=sys.stderr)
        return 2
    ours = "tmw-bot Teams report"
    fake = FakeTeams(APP_ID, PASSWORD)
    for object_id in REPORTERS.values():
        fake.install_for(object_id)
        fake.personal_chat(object_id)
    async with slack_standin(True) as api_url, teams_standin(fake):
        sender = TeamsActivitySender(fake, "")
        token = sender.token(expires_in=6 * 3600)
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        settings = bench_settings(api_url, database_url, TMW_ORG_CONFIG=organisation_file(), TEAMS_APP_ID=APP_ID,
                                  TEAMS_APP_PASSWORD=PASSWORD, TEAMS_TOKEN_URL=fake.token_url,
                                  TEAMS_OPENID_METADATA_URL=fake.openid_url)
        services = await prepare(settings, SystemClock())
        slack = create_app(services)
        teams = create_teams_endpoint(services)
        connector = teams_connector(settings, services)
        deliverer = DeliveryRouter({SLACK: slack_deliverer(services, slack.client, all_renderers()),
                                    TEAMS: teams_delivery_by_organisation(services, connector, all_teams_renderers())},
                                   routing_by_organisation(services))
        bare = await bare_teams_app(fake, token)
        try:
            async with measuring(services, make_web_application(slack, teams=teams), bare, deliverer,
                                 lambda _: [submission(sender, 10_000_000 + i) for i in range(20)],
                                 "in separate processes, as Teams and Slack are", path=MESSAGES_PATH,
                                 bare_name=BARE, headers_for=lambda _: headers) as bench:
                await bench.rounds(ours, [submission(sender, i) for i in range(requests)], batches, concurrency)
                await settled(services)
                async with services.db.reading() as session:
                    mine = Report.submission_key.like("teams-dialog:BENCH0%")
                    routed = await session.scalar(select(func.count()).select_from(Report).where(Report.routed_at.is_not(None)))
                    stored = await session.scalar(select(func.count()).select_from(Report).where(mine))
                    distinct = await session.scalar(select(func.count(func.distinct(Report.reference))))
                    total = await session.scalar(select(func.count()).select_from(Report))
        finally:
            await connector.close()

    print(f"{requests} signed task/submit invokes (report dialogs submitted) each in {batches} rounds, {concurrency} "
          f"in flight, after a warm-up of 20 each; database {bench.database}; stand-ins {bench.where_slack_is}")
    print(bench.table())
    print(f"ratio tmw-bot / bare: p50 {bench.ratio(ours, 50):.2f}, p99 {bench.ratio(ours, 99):.2f} "
          f"(target p99 <= 1.5; Teams gives up on an invoke after 15000 ms)")
    print(f"reports stored: {stored} of {requests} (distinct references {distinct} of {total}; routed {routed})")
    return 0 if stored == requests and distinct == total == routed else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=8, help="rounds of each app, taken in turn")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.requests, args.rounds, args.concurrency, args.database_url)))
