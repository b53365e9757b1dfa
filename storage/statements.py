"""Running a few fixed Core statements for a write a person waits on (see `Database.write_together`).

The statements are written once, in SQLAlchemy Core. On PostgreSQL they run through SQLAlchemy as
usual. On SQLite they are compiled once and run on the stdlib driver's own connection: a report's
whole transaction then takes about a tenth of the time, because SQLAlchemy's per-statement work
(transaction events, result set-up, parameter handling) costs far more than SQLite's own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, Select, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Insert

Params = Mapping[str, Any]


class StatementRunner(Protocol):
    dialect_name: str

    def rows(self, statement: Executable, params: Params | Sequence[Params]) -> list[tuple[Any, ...]]:
        """Run `statement` once per set of params; the rows it returns, in the order of the params."""

    def run(self, statement: Executable, params: Params | Sequence[Params]) -> None:
        """Run `statement` once per set of params, for its effect."""


class SQLAlchemyRunner:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.dialect_name = connection.dialect.name

    def rows(self, statement: Executable, params: Params | Sequence[Params]) -> list[tuple[Any, ...]]:
        many = _as_list(params)
        if isinstance(statement, Insert):  # one statement for them all (insertmanyvalues)
            return [tuple(row) for row in self._connection.execute(statement, many)] if many else []
        return [tuple(row) for one in many for row in self._connection.execute(statement, one)]

    def run(self, statement: Executable, params: Params | Sequence[Params]) -> None:
        self._connection.execute(statement, _as_list(params))


class SQLiteRunner:
    """Statements compiled once for SQLite, run on a stdlib `sqlite3` connection in a transaction."""

    def __init__(self, dbapi_connection: Any, dialect: Dialect, compiled: dict[tuple[int, frozenset[str]], _Compiled]) -> None:
        self._connection = dbapi_connection
        self._dialect = dialect
        self.dialect_name = dialect.name
        self._compiled = compiled  # shared between runners: compiling is the slow part

    def rows(self, statement: Executable, params: Params | Sequence[Params]) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        for one in _as_list(params):
            compiled = self._compile(statement, one)
            sql, values = compiled.prepare(one)
            found.extend(compiled.process_row(row) for row in self._connection.execute(sql, values))
        return found

    def run(self, statement: Executable, params: Params | Sequence[Params]) -> None:
        many = _as_list(params)
        if many:
            compiled = self._compile(statement, many[0])
            if compiled.expanding is not None:
                raise ValueError("a statement with a list parameter (an IN) is run with rows(), once")
            self._connection.executemany(compiled.sql, [compiled.bind(one) for one in many])

    def _compile(self, statement: Executable, params: Params) -> _Compiled:
        key = (id(statement), frozenset(params))
        if key not in self._compiled:
            self._compiled[key] = _Compiled(statement, frozenset(params), self._dialect)
        return self._compiled[key]


class _Compiled:
    def __init__(self, statement: Executable, keys: frozenset[str], dialect: Dialect) -> None:
        self.statement = statement  # kept alive, so its id() stays its own
        compiled = statement.compile(dialect=dialect, column_keys=sorted(keys))
        assert isinstance(compiled, SQLCompiler) and compiled.positiontup is not None
        self.sql = compiled.string
        # A list parameter (`in_(bindparam(..., expanding=True))`) gives SQL whose length depends on
        # the list: SQLAlchemy expands it for each call.
        self.expanding = compiled if any(compiled.binds[name].expanding for name in compiled.positiontup) else None
        table = statement.table if isinstance(statement, Insert) and isinstance(statement.table, Table) else None
        self._binds: list[tuple[str, Any, Any]] = []
        for name in compiled.positiontup:
            bind = compiled.binds[name]
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            # A column left out of an insert takes its default, as SQLAlchemy would give it.
            default = table.c[name].default if table is not None and name in table.c and name not in keys else None
            if default is not None and not default.is_scalar:
                raise ValueError(f"{name} has a computed default: give it a value")
            self._binds.append((name, processor, default.arg if default is not None else bind.value))
        returning = compiled.returning or (statement.selected_columns if isinstance(statement, Select) else [])
        self._results = [column.type.dialect_impl(dialect).result_processor(dialect, None) for column in returning]

    def prepare(self, params: Params) -> tuple[str, tuple[Any, ...]]:
        """The SQL and its positional values for one set of params."""
        if self.expanding is None:
            return self.sql, self.bind(params)
        state = self.expanding.construct_expanded_state(params)
        processors = state.processors
        return state.statement, tuple(
            processors[name](value) if processors.get(name) else value
            for name, value in zip(state.positiontup or (), state.positional_parameters, strict=True)
        )

    def bind(self, params: Params) -> tuple[Any, ...]:
        values = []
        for name, processor, default in self._binds:
            value = params.get(name, default)
            values.append(processor(value) if processor is not None else value)
        return tuple(values)

    def process_row(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(process(value) if process else value for process, value in zip(self._results, row, strict=True))


def _as_list(params: Params | Sequence[Params]) -> list[Params]:
    return [params] if isinstance(params, Mapping) else list(params)
