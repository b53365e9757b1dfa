"""The trustees' period report (issue 18): `tmw-bot report trustees` as a PDF with charts or a CSV, and
`/tmw trustees` for the CEO and the Chair, a PDF in their DM. Counts and roles only."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import sys
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from storage.models import AuditEntry
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.report_driver import ANITA, CHAIR, DAN, RACHEL
from tests.trustees_support import PRIVATE_NAME, PRIVATE_WORDS, REPORTER_NAME, YEAR_END, a_constructed_year

TMW_BOT = str(Path(sys.executable).with_name("tmw-bot"))
AUTUMN = ("--from", "2026-09-01", "--to", "2026-11-30")


async def _tmw_bot(bot: RunningBot, cwd: Path, *args: str) -> tuple[int, str, str]:
    settings = bot.services.settings
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TMW_", "DATABASE_URL"))}
    env |= {"DATABASE_URL": settings.database_url, "TMW_ORG_CONFIG": str(EXAMPLE_ORG), "TZ": "Europe/London",
            "TMW_DATA_KEY": settings.tmw_data_key.get_secret_value() if settings.tmw_data_key else ""}
    process = await asyncio.create_subprocess_exec(TMW_BOT, *args, env=env, cwd=cwd,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(process.communicate(), 180)
    return process.returncode or 0, stdout.decode(), stderr.decode()


def _pdf_text_and_images(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    images = 0
    for page in reader.pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects:
            images += sum(1 for x in xobjects.get_object().values() if x.get_object()["/Subtype"] == "/Image")
    return text, images


async def _audits(bot: RunningBot, action: str) -> list[AuditEntry]:
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(AuditEntry).where(AuditEntry.action == action))).all())


def _check_autumn_pdf(text: str, images: int) -> None:
    """September to November of the constructed year: three data breaches (acknowledged after 100, 110
    and 120 minutes, all late; resolved after 10, 11 and 12 days) and six computer faults (three
    acknowledged after 2 h and resolved after 3 days, three after 30 h and still open)."""
    assert images == 2  # the two charts
    assert "Safeguarding figures for the trustees" in text
    assert "Tuesday 1 September 2026 to Monday 30 November 2026" in text
    # Reports by kind and outcome: filed, resolved, still open, not acknowledged past the deadline.
    assert "(a data breach) 3 3 0 0" in text
    assert "A computer fault or virus 6 3 3 0" in text
    assert "All reports 9 6 3 0" in text
    # Response times: in time, median and worst to acknowledge, median and worst to resolve.
    assert "(a data breach) 0 of 3 (0%) 1 h 50 min 2 h 11 days 12 days" in text
    assert "A computer fault or virus 3 of 6 (50%) 16 h 1 day 6 h 3 days 3 days" in text
    assert "All reports 3 of 9 (33%) 2 h 1 day 6 h 6 days 12 h 12 days" in text
    # Month by month (the numbers the charts draw).
    assert "Sep 2026 3 1 of 3 (33%) 2 h 6 days 12 h 0" in text
    assert "Nov 2026 3 1 of 3 (33%) 2 h 7 days 12 h 0" in text
    # Every body's clock, open or not (the last breach, filed on 3 November, was resolved on the 15th).
    assert "Deadlines to tell bodies outside Open " in text
    assert ("with nothing recorded yet "
            "(the report not resolved): The ICO: 0 open (0 past the deadline). The LADO: 0 open (0 past the deadline). "
            "The Charity Commission: 0 open (0 past the deadline).") in text
    assert "Reports that reached the end of their chain: 0." in text
    for private in (PRIVATE_NAME, "Zebedee", PRIVATE_WORDS, REPORTER_NAME, "Anita"):
        assert private not in text


async def test_the_cli_writes_the_period_report_as_a_pdf_with_its_charts(bot: RunningBot, tmp_path: Path) -> None:
    bot.clock.set(YEAR_END)
    await a_constructed_year(bot.services)

    code, stdout, stderr = await _tmw_bot(bot, tmp_path, "report", "trustees", *AUTUMN)

    assert code == 0, stderr
    written = tmp_path / "trustees-2026-09-01-to-2026-11-30.pdf"
    assert f"to {written.name}" in stdout
    _check_autumn_pdf(*_pdf_text_and_images(written.read_bytes()))
    [made] = await _audits(bot, "trustees.report_made")
    assert (made.actor, made.subject_id, made.detail) == ("cli", "2026-09-01/2026-11-30", {"format": "pdf"})


async def test_the_cli_writes_a_csv_a_spreadsheet_opens_as_it_is(bot: RunningBot, tmp_path: Path) -> None:
    bot.clock.set(YEAR_END)
    await a_constructed_year(bot.services)
    out = tmp_path / "autumn.csv"

    code, _, stderr = await _tmw_bot(bot, tmp_path, "report", "trustees", *AUTUMN, "--format", "csv", "--out", str(out))

    assert code == 0, stderr
    raw = out.read_text(encoding="utf-8")
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0])[:5] == ["month_start", "month_end", "kind", "kind_label", "filed"]
    # One row per kind and month: nine kinds, three months, zeros included.
    assert len(rows) == 27
    assert len({(r["month_start"], r["kind"]) for r in rows}) == 27
    assert {r["month_start"] for r in rows} == {"2026-09-01", "2026-10-01", "2026-11-01"}
    assert all(date.fromisoformat(r["month_start"]) <= date.fromisoformat(r["month_end"]) for r in rows)
    by_key = {(r["month_start"], r["kind"]): r for r in rows}

    september_breach = by_key[("2026-09-01", "data_breach")]
    assert {k: september_breach[k] for k in ("filed", "acknowledged_in_time", "percent_in_time", "median_minutes_to_acknowledge",
                                             "worst_minutes_to_acknowledge", "resolved", "median_hours_to_resolve")} == {
        "filed": "1", "acknowledged_in_time": "0", "percent_in_time": "0", "median_minutes_to_acknowledge": "100",
        "worst_minutes_to_acknowledge": "100", "resolved": "1", "median_hours_to_resolve": "240"}
    november_faults = by_key[("2026-11-01", "computer_fault")]
    assert {k: november_faults[k] for k in ("filed", "acknowledged_in_time", "percent_in_time", "median_minutes_to_acknowledge",
                                            "worst_minutes_to_acknowledge", "resolved", "still_open", "worst_hours_to_resolve")} == {
        "filed": "2", "acknowledged_in_time": "1", "percent_in_time": "50", "median_minutes_to_acknowledge": "960",
        "worst_minutes_to_acknowledge": "1800", "resolved": "1", "still_open": "1", "worst_hours_to_resolve": "72"}
    quiet = by_key[("2026-10-01", "online_safety")]
    assert (quiet["filed"], quiet["percent_in_time"], quiet["median_minutes_to_acknowledge"]) == ("0", "", "")
    assert sum(int(r["filed"]) for r in rows) == 9
    for private in (PRIVATE_NAME, "Zebedee", REPORTER_NAME):
        assert private not in raw


async def test_bad_dates_get_a_clear_message_and_nothing_is_made(bot: RunningBot, tmp_path: Path) -> None:
    tmp_path = tmp_path / "here"
    tmp_path.mkdir()
    not_a_date = await _tmw_bot(bot, tmp_path, "report", "trustees", "--from", "1/9/2026", "--to", "2026-11-30")
    backwards = await _tmw_bot(bot, tmp_path, "report", "trustees", "--from", "2026-09-01", "--to", "2026-08-31")
    no_such_day = await _tmw_bot(bot, tmp_path, "report", "trustees", "--from", "2026-09-01", "--to", "2026-11-31")

    assert not_a_date[0] == 2 and "--from must be a date like 2026-09-01 (not “1/9/2026”)" in not_a_date[2]
    assert backwards[0] == 2 and "--to (2026-08-31) is before --from (2026-09-01)" in backwards[2]
    assert no_such_day[0] == 2 and "--to must be a date like 2026-09-01" in no_such_day[2]
    assert list(tmp_path.iterdir()) == []
    assert await _audits(bot, "trustees.report_made") == []


async def _wait_for_file(bot: RunningBot) -> None:
    for _ in range(200):  # the PDF is made after Slack's acknowledgement
        await bot.tick()
        if bot.fake.files:
            return
        await asyncio.sleep(0.05)


async def test_the_ceo_gets_the_period_report_in_their_dm_alone(bot: RunningBot) -> None:
    bot.clock.set(YEAR_END)
    await a_constructed_year(bot.services)

    answer = (await bot.slack.slash_command("/tmw", "trustees 2026-09-01 2026-11-30", ANITA)).json()
    await _wait_for_file(bot)

    assert answer["response_type"] == "ephemeral" and "to you alone" in answer["text"]
    [sent] = bot.fake.files
    assert sent.channel == bot.fake.dm_channel(ANITA) and sent.filename == "trustees-2026-09-01-to-2026-11-30.pdf"
    _check_autumn_pdf(*_pdf_text_and_images(sent.content))
    assert [(e.actor, e.subject_id) for e in await _audits(bot, "trustees.report_made")] == [(ANITA, "2026-09-01/2026-11-30")]


async def test_only_the_ceo_and_the_chair_may_have_the_trustees_report(bot: RunningBot) -> None:
    bot.clock.set(YEAR_END)

    refusals = [(await bot.slack.slash_command("/tmw", "trustees", who)).json()["text"] for who in (DAN, RACHEL)]
    chair = (await bot.slack.slash_command("/tmw", "trustees", CHAIR)).json()
    await _wait_for_file(bot)

    for refusal in refusals:
        assert "for the CEO and the Chair" in refusal
    # With no dates: the twelve months before this one.
    assert "1 November 2025 to 31 October 2026" in chair["text"]
    assert [f.channel for f in bot.fake.files] == [bot.fake.dm_channel(CHAIR)]
    assert sorted(e.actor for e in await _audits(bot, "trustees.report_refused")) == sorted([DAN, RACHEL])


async def test_bad_dates_in_slack_are_answered_kindly(bot: RunningBot) -> None:
    backwards = (await bot.slack.slash_command("/tmw", "trustees 2026-11-30 2026-09-01", ANITA)).json()
    mistyped = (await bot.slack.slash_command("/tmw", "trustees 1/9/26 2026-11-30", ANITA)).json()

    assert "The last day (2026-09-01) is before the first day (2026-11-30)" in backwards["text"]
    assert "The first day must be a date like 2026-09-01 (not “1/9/26”)" in mistyped["text"]
    assert bot.fake.files == []
