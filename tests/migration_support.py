"""What the migration tests share: one statement run against the database at whatever revision it is."""

from __future__ import annotations

from typing import Any

from storage.db import create_engine


async def run_sql(url: str, statement: Any, **params: Any) -> list[tuple[Any, ...]]:
    """Run `statement` in its own transaction; the rows it returns, if any."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            result = await connection.execute(statement, params)
            return [tuple(row) for row in result.all()] if result.returns_rows else []
    finally:
        await engine.dispose()
