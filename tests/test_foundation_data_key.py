"""TMW_DATA_KEY and the database: a different key stops start-up with one line; `tmw-bot rekey` moves
every encrypted value to a new key in one transaction."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.engine import make_url

from bot.crypto import DataCipher, DecryptionError, generate_key
from bot.data_key import check_data_key
from bot.org import load_org_file
from storage.db import Database
from storage.directory import sync_org
from storage.migrate import upgrade_async
from storage.models import Base, DataKey
from storage.roster import roster_size
from storage.types import EncryptedText, encrypted_columns
from tests.cli_support import cli_env, run_tmw_bot
from tests.harness import BOT_TOKEN, EXAMPLE_ORG, SIGNING_SECRET, START, RunningBot
from tests.report_driver import DAN, MAYA, ReportDriver


def run_env(database_url: str, key: str) -> dict[str, str]:
    """For `tmw-bot run`, which needs Slack settings before it looks at the database."""
    env = cli_env(database_url, key, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                  SLACK_API_URL="http://127.0.0.1:9/api/")
    return env


def bot_key(bot: RunningBot) -> str:
    return bot.services.settings.secret("TMW_DATA_KEY")


async def encrypted_values(bot: RunningBot) -> dict[tuple[str, str, int], str]:
    """Every encrypted value in the database, by table, column and row id."""
    found: dict[tuple[str, str, int], str] = {}
    async with bot.services.db.reading() as session:
        for column in encrypted_columns(Base.metadata):
            (key,) = column.table.primary_key.columns
            for row_id, value in (await session.execute(select(key, column).where(column.is_not(None)))).all():
                found[(column.table.name, column.name, row_id)] = value
    return found


async def file_a_report(bot: RunningBot) -> None:
    # Details, who it is about and the messages it queues are all encrypted.
    await ReportDriver(bot).file(DAN, "young_leader_misuse", team_member=MAYA,
                                 description="Maya shared the Instagram password in the group chat.")


def test_every_encrypted_column_is_marked_so_rekey_finds_it() -> None:
    named = {(c.table.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns if c.name.endswith("_enc")}
    marked = {(c.table.name, c.name) for c in encrypted_columns(Base.metadata)}
    assert named == marked
    assert all(isinstance(c.type, EncryptedText) for t in Base.metadata.sorted_tables for c in t.columns
               if c.name.endswith("_enc"))


def test_the_fingerprint_tells_keys_apart_and_does_not_contain_the_key() -> None:
    key = generate_key()
    fingerprint = DataCipher(key).fingerprint()
    assert fingerprint == DataCipher(key).fingerprint()
    assert fingerprint != DataCipher(generate_key()).fingerprint()
    assert len(fingerprint) == 16 and fingerprint not in key


async def test_run_refuses_to_start_with_a_different_key_naming_the_fix(bot: RunningBot, tmp_path: Path) -> None:
    await file_a_report(bot)

    code, out, err = await run_tmw_bot("run", env=run_env(bot.services.settings.database_url, generate_key()), cwd=tmp_path)

    assert code == 1, out + err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "TMW_DATA_KEY is not the key this database was encrypted with" in err
    assert "tmw-bot rekey" in err and "TMW_OLD_DATA_KEY" in err
    assert bot_key(bot) not in err


async def test_a_database_from_before_fingerprints_refuses_a_key_that_cannot_read_it(bot: RunningBot, tmp_path: Path) -> None:
    await file_a_report(bot)
    async with bot.services.db.unit_of_work() as session:
        await session.execute(delete(DataKey))

    code, _, err = await run_tmw_bot("run", env=run_env(bot.services.settings.database_url, generate_key()), cwd=tmp_path)
    assert code == 1 and "TMW_DATA_KEY is not the key this database was encrypted with" in err

    # The right key is accepted, and remembered from then on.
    code, _, err = await run_tmw_bot("tick", env=cli_env(bot.services.settings.database_url, bot_key(bot)), cwd=tmp_path)
    assert code == 0, err
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(DataKey.fingerprint)) == bot.services.cipher.fingerprint()


async def test_rekey_re_encrypts_every_value_under_the_new_key(bot: RunningBot, tmp_path: Path) -> None:
    await file_a_report(bot)
    old_key, new_key = bot_key(bot), generate_key()
    before = await encrypted_values(bot)
    assert {table for table, _, _ in before} >= {"report", "outbox_message"}
    assert ("report", "team_member_enc") in {(t, c) for t, c, _ in before}
    url = bot.services.settings.database_url

    code, out, err = await run_tmw_bot("rekey", env=cli_env(url, new_key, TMW_OLD_DATA_KEY=old_key), cwd=tmp_path)

    assert code == 0, err
    assert f"Re-encrypted {len(before)} values" in out
    after = await encrypted_values(bot)
    assert after.keys() == before.keys()
    old, new = DataCipher(old_key), DataCipher(new_key)
    for where, value in after.items():
        assert new.decrypt(value) == old.decrypt(before[where]), where
    # The bot starts with the new key, and no longer with the old one.
    code, _, err = await run_tmw_bot("tick", env=cli_env(url, new_key), cwd=tmp_path)
    assert code == 0, err
    code, _, err = await run_tmw_bot("run", env=run_env(url, old_key), cwd=tmp_path)
    assert code == 1 and "is not the key this database was encrypted with" in err
    # Running it again changes nothing.
    settled = await encrypted_values(bot)
    code, out, _ = await run_tmw_bot("rekey", env=cli_env(url, new_key, TMW_OLD_DATA_KEY=old_key), cwd=tmp_path)
    assert code == 0 and "already under this TMW_DATA_KEY" in out
    assert await encrypted_values(bot) == settled


async def test_rekey_passes_over_values_erased_under_the_retention_rules(bot: RunningBot, tmp_path: Path) -> None:
    await file_a_report(bot)
    old_key, new_key = bot_key(bot), generate_key()
    report = Base.metadata.tables["report"]
    async with bot.services.db.unit_of_work() as session:
        await session.execute(update(report).values(details_enc=""))  # as erasure leaves a skeleton
    url = bot.services.settings.database_url

    code, out, err = await run_tmw_bot("rekey", env=cli_env(url, new_key, TMW_OLD_DATA_KEY=old_key), cwd=tmp_path)

    assert code == 0, err
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(report.c.details_enc)) == ""
        assert await session.scalar(select(DataKey.fingerprint)) == DataCipher(new_key).fingerprint()


async def test_rekey_changes_nothing_when_a_value_cannot_be_read(bot: RunningBot, tmp_path: Path) -> None:
    await file_a_report(bot)
    old_key, new_key = bot_key(bot), generate_key()
    before = await encrypted_values(bot)
    # Spoil the very last value rekey comes to, so every other one has been re-encrypted by then.
    order = [(c.table.name, c.name) for c in encrypted_columns(Base.metadata)]
    table, column, row_id = max(before, key=lambda w: (order.index(w[:2]), w[2]))
    spoiled = DataCipher(generate_key()).encrypt("written under some other key")
    target = Base.metadata.tables[table]
    async with bot.services.db.unit_of_work() as session:
        await session.execute(update(target).where(target.c.id == row_id).values({column: spoiled}))
    url = bot.services.settings.database_url

    code, out, err = await run_tmw_bot("rekey", env=cli_env(url, new_key, TMW_OLD_DATA_KEY=old_key), cwd=tmp_path)

    assert code == 1, out
    assert f"does not decrypt {table}.{column} in row {row_id}" in err and "nothing was changed" in err
    assert len(err.strip().splitlines()) == 1
    assert await encrypted_values(bot) == {**before, (table, column, row_id): spoiled}
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(DataKey.fingerprint)) == DataCipher(old_key).fingerprint()
    try:
        DataCipher(new_key).decrypt(next(iter(before.values())))
        raise AssertionError("a value was left under the new key")
    except DecryptionError:
        pass


async def test_rekey_refuses_an_old_key_that_is_not_the_databases(bot: RunningBot, tmp_path: Path) -> None:
    await file_a_report(bot)
    before = await encrypted_values(bot)
    url = bot.services.settings.database_url

    code, _, err = await run_tmw_bot("rekey", env=cli_env(url, generate_key(), TMW_OLD_DATA_KEY=generate_key()), cwd=tmp_path)
    assert code == 1 and "TMW_OLD_DATA_KEY is not the key this database is under" in err
    code, _, err = await run_tmw_bot("rekey", env=cli_env(url, generate_key()), cwd=tmp_path)
    assert code == 1 and "TMW_OLD_DATA_KEY is not set" in err
    assert await encrypted_values(bot) == before


async def test_processes_starting_together_on_a_fresh_database_all_start(database_url: str, tmp_path: Path) -> None:
    env = cli_env(database_url, generate_key())

    # `digest --print` starts up exactly as `run` does (migrations, the key, the organisation), then
    # only reads: a fair test of starting together.
    results = await asyncio.gather(*(run_tmw_bot("digest", "--print", env=env, cwd=tmp_path) for _ in range(5)))

    for code, _, err in results:
        assert code == 0, err
        assert "Traceback" not in err


async def test_two_processes_loading_the_organisation_together_both_succeed(database_url: str) -> None:
    await upgrade_async(database_url)
    loaded = load_org_file(EXAMPLE_ORG)
    databases = [Database(database_url), Database(database_url)]

    async def load(db: Database) -> bool:
        async with db.unit_of_work() as session:
            return await sync_org(session, loaded, START)

    try:
        changed = await asyncio.gather(*(load(db) for db in databases))
    finally:
        for db in databases:
            await db.dispose()

    # One loaded it; the other, waiting its turn, found it already loaded.
    assert sorted(changed) == [False, True]


async def test_two_processes_recording_the_key_together_both_succeed(database_url: str) -> None:
    await upgrade_async(database_url)
    cipher = DataCipher(generate_key())
    databases = [Database(database_url), Database(database_url)]

    async def check(db: Database) -> None:
        async with db.unit_of_work() as session:
            await check_data_key(session, cipher, START)

    try:
        await asyncio.gather(*(check(db) for db in databases))
        async with databases[0].reading() as session:
            assert (await session.scalars(select(DataKey.fingerprint))).all() == [cipher.fingerprint()]
    finally:
        for db in databases:
            await db.dispose()


def _unusable(database_url: str, tmp_path: Path) -> str:
    """The same kind of database, somewhere it cannot be: a missing folder, or a database not made."""
    if database_url.startswith("sqlite"):
        return f"sqlite+aiosqlite:///{tmp_path / 'no-such-folder' / 'tmw-bot.db'}"
    return str(make_url(database_url).set(database="no_such_database"))


async def test_a_database_that_cannot_be_opened_stops_start_up_with_one_line(database_url: str, tmp_path: Path) -> None:
    url = _unusable(database_url, tmp_path)
    for command in (["tick"], ["db", "upgrade"], ["run"]):
        code, out, err = await run_tmw_bot(*command, env=run_env(url, generate_key()), cwd=tmp_path)

        assert code == 1, out
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert err.startswith("tmw-bot: DATABASE_URL cannot be used (")
        assert "no-such-folder" in err or "no_such_database" in err


async def test_an_unreachable_postgresql_stops_start_up_with_one_line_and_no_password(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nobody is listening on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+asyncpg://tmw:hunter2secret@127.0.0.1:{port}/tmw"

    code, out, err = await run_tmw_bot("tick", env=cli_env(url, generate_key()), cwd=tmp_path)

    assert code == 1, out
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert err.startswith("tmw-bot: DATABASE_URL cannot be used (")
    assert f"127.0.0.1:{port}" in err
    assert "hunter2secret" not in err


async def test_tick_refuses_a_moment_in_the_future_unless_allowed(tmp_path: Path) -> None:
    database = tmp_path / "live.db"
    env = cli_env(f"sqlite+aiosqlite:///{database}", generate_key())

    code, out, err = await run_tmw_bot("tick", "--now", "2099-01-05T09:00", env=env, cwd=tmp_path)

    assert code == 1, out
    assert len(err.strip().splitlines()) == 1
    assert "--now 2099-01-05T09:00 is in the future" in err and "--allow-future" in err
    assert not database.exists()  # refused before the database was even opened

    code, out, err = await run_tmw_bot("tick", "--now", "2099-01-05T09:00", "--allow-future", env=env, cwd=tmp_path)
    assert code == 0, err
    assert "Ran everything due up to 2099-01-05 09:00 GMT" in out


async def test_rekey_clears_the_roster_and_says_to_import_it_again(database_url: str, tmp_path: Path) -> None:
    old_key, new_key = generate_key(), generate_key()
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name,school,photo_consent\nJess,Pennington,Hillside,yes\nOmar,Haddad,,no\n")
    code, _, err = await run_tmw_bot("roster", "import", str(roster), env=cli_env(database_url, old_key), cwd=tmp_path)
    assert code == 0, err

    code, out, err = await run_tmw_bot("rekey", env=cli_env(database_url, new_key, TMW_OLD_DATA_KEY=old_key), cwd=tmp_path)

    assert code == 0, err
    assert "The roster (2 participants)" in out and "tmw-bot roster import" in out
    db = Database(database_url)
    try:
        async with db.reading() as session:
            assert await roster_size(session) == 0
    finally:
        await db.dispose()


async def test_the_data_key_migration_goes_down_and_up_again(database_url: str) -> None:
    from alembic import command

    from storage.migrate import alembic_config

    config = alembic_config(database_url)
    await upgrade_async(database_url)
    await asyncio.to_thread(command.downgrade, config, "0006")
    await upgrade_async(database_url)
    db = Database(database_url)
    try:
        async with db.unit_of_work() as session:
            await check_data_key(session, DataCipher(generate_key()), START)
    finally:
        await db.dispose()
