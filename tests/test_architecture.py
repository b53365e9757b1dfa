"""The import rules from the developer guide, checked by reading the source with `ast`.

- No import circle among the domain modules, nor among the domain packages. A *domain package* is the
  unit a newcomer sees in the folders: the first two levels of a module's name under `bot` or `storage`
  (`bot.reports`, `bot.accounts`, `bot.org`, `storage.reports`), except the platform packages in
  `PLATFORM` and the composition roots in `WIRING`, which sit above the domain and may import any of it.
  Imports inside functions count as much as module-level ones: deferring an import hides a circle from
  Python, not from a reader. Imports under `if TYPE_CHECKING:` never run, so they are allowed, and held
  to that: what they import is used in annotations only.
- Nobody uses another module's private helper (`from x import _y`, or `x._y`); a helper that two
  modules share belongs, public and named for what it is, in the lower module that owns the concept.
- The domain speaks no platform: `bot` domain modules import no platform's library, nor `handlers`,
  `bot.slack`, `bot.teams` or the stand-ins, and `storage` does not import `handlers`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("bot", "storage", "handlers")

# Where Slack (and later Teams) ends: these packages may depend on the domain, never the reverse.
PLATFORM = {"bot.slack", "bot.teams", "bot.standin"}
# Composition roots: they build the app from every part (including handlers), so they sit on top.
WIRING = {"bot.cli", "bot.runtime", "bot.workflows", "bot.org_sections", "bot.playground"}

# The platforms' libraries and packages: the domain imports none of them.
FORBIDDEN_IN_DOMAIN = ("slack_sdk", "slack_bolt", "microsoft_teams", "handlers", "bot.slack", "bot.teams", "bot.standin")


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # the module imported (resolved to a submodule where `from pkg import sub`)
    names: tuple[str, ...]
    path: str
    line: int
    kind: str  # "module", "deferred" (inside a function) or "type-checking"

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files() -> dict[str, Path]:
    files = {}
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # Alembic scripts are run by Alembic, not imported.
            files[_module_name(path)] = path
    return files


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_of(module: str, path: Path, known: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(), filename=str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    rel = str(path.relative_to(ROOT))

    def visit(node: ast.AST, kind: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    visit_one(stmt, "type-checking")
                for stmt in child.orelse:
                    visit_one(stmt, kind)
                continue
            visit_one(child, kind)

    def visit_one(node: ast.AST, kind: str) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module, alias.name, (), rel, node.lineno, kind))
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.module, node.level)
            plain = []
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in known:
                    found.append(Import(module, sub, (), rel, node.lineno, kind))
                else:
                    plain.append(alias.name)
            if plain:
                found.append(Import(module, base, tuple(plain), rel, node.lineno, kind))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) and kind == "module":
            kind = "deferred"
        visit(node, kind)

    visit(tree, "module")
    return found


def _resolve(module: str, is_package: bool, name: str | None, level: int) -> str:
    if level == 0:
        return name or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([name] if name else []))


def all_imports() -> list[Import]:
    files = _source_files()
    known = set(files)
    return [imp for module, path in files.items() for imp in _imports_of(module, path, known)]


def domain_package(module: str) -> str | None:
    """The domain package `module` belongs to, or None when it is platform, wiring or outside."""
    parts = module.split(".")
    if parts[0] not in ("bot", "storage") or len(parts) < 2:
        return None
    unit = ".".join(parts[:2])
    if unit in PLATFORM or unit in WIRING:
        return None
    return unit


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return found


def domain_module(module: str) -> str | None:
    return module if domain_package(module) else None


# Circles not yet broken, listed so that the test still fails on any new one (or on this one growing),
# and when this one goes away (then take it off the list). bot/reports/kinds.py (the policy's rules as
# data, low in the layers) lives in the reports package, whose workflow sits high: the org snapshot and
# absences need the rules and nothing else from reports. Likewise bot/accounts/leavers.py (high: it
# passes a leaver's reports on) shares a package with the accounts register the reports workflow drives,
# and bot/policy/online_safety.py (low data) with the policy sign-off workflow. The modules themselves
# import no circle (test_no_import_circle_among_domain_modules).
KNOWN_PACKAGE_CIRCLES = [
    ["bot.absences", "bot.accounts", "bot.policy", "bot.reports", "bot.snapshot"],
]


def _circles(unit_of: Callable[[str], str | None]) -> tuple[list[list[str]], list[Import]]:
    imports = [imp for imp in all_imports() if imp.kind != "type-checking"]
    edges: dict[str, set[str]] = {}
    for imp in imports:
        a, b = unit_of(imp.importer), unit_of(imp.target)
        if a and b and a != b:
            edges.setdefault(a, set()).add(b)
    return _cycles(edges), imports


def _describe(component: list[str], imports: list[Import], unit_of: Callable[[str], str | None]) -> str:
    members = set(component)
    lines = [" <-> ".join(component)]
    for imp in imports:
        a, b = unit_of(imp.importer), unit_of(imp.target)
        if a in members and b in members and a != b:
            names = f" ({', '.join(imp.names)})" if imp.names else ""
            lines.append(f"    {a} -> {b}: {imp.importer} imports {imp.target}{names} [{imp.kind}] at {imp.where()}")
    return "\n".join(lines)


def _assert_only_known(unit_of: Callable[[str], str | None], known: list[list[str]], what: str) -> None:
    circles, imports = _circles(unit_of)
    new = [c for c in circles if c not in known]
    gone = [c for c in known if c not in circles]
    assert not new, f"Import circles among domain {what}:\n" + "\n".join(_describe(c, imports, unit_of) for c in new)
    assert not gone, f"These circles are broken now: take them off the known list: {gone}"


def test_no_import_circle_among_domain_modules():
    _assert_only_known(domain_module, [], "modules")


def test_no_import_circle_among_domain_packages():
    _assert_only_known(domain_package, KNOWN_PACKAGE_CIRCLES, "packages")


def _annotation_nodes(tree: ast.AST) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        roots = []
        if isinstance(node, ast.arg) and node.annotation:
            roots.append(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
            roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
        for root in roots:
            inside.update(id(sub) for sub in ast.walk(root))
    return inside


def test_type_checking_imports_are_used_in_annotations_only():
    # They are left out of the circles above because they never run; used anywhere else, they would fail.
    files = _source_files()
    offending = []
    for module, path in files.items():
        names = {name for imp in _imports_of(module, path, set(files)) if imp.kind == "type-checking"
                 for name in imp.names}
        if not names:
            continue
        tree = ast.parse(path.read_text())
        in_annotations = _annotation_nodes(tree)
        offending += [f"{module} uses {node.id} (imported for type checking only) at {path.relative_to(ROOT)}:{node.lineno}"
                      for node in ast.walk(tree)
                      if isinstance(node, ast.Name) and node.id in names and id(node) not in in_annotations]
    assert not offending, "\n".join(offending)


def _private_reaches() -> list[str]:
    """`from x import _y`, and `x._y` on a module imported as `x`, where x is another module."""
    files = _source_files()
    known = set(files)
    found = []
    for module, path in files.items():
        imports = _imports_of(module, path, known)
        for imp in imports:
            for name in imp.names:
                if _is_private(name) and imp.target != module:
                    found.append(f"{module} imports {name} from {imp.target} at {imp.where()}")
        aliases = _module_aliases(ast.parse(path.read_text()), known, module, path.name == "__init__.py")
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and _is_private(node.attr)):
                found.append(f"{module} uses {aliases[node.value.id]}.{node.attr} at "
                             f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_aliases(tree: ast.Module, known: set[str], module: str, is_package: bool) -> dict[str, str]:
    """Local names bound to modules of ours: `import a.b as c`, `from a import b` (b a module)."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in known:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.module, node.level)
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    aliases[alias.asname or alias.name] = f"{base}.{alias.name}"
    return aliases


def test_nobody_reaches_into_another_modules_private_helpers():
    offending = _private_reaches()
    assert not offending, "Private helpers used from another module:\n" + "\n".join(offending)


def test_domain_speaks_no_platform_and_storage_no_handlers():
    def forbidden_for(module: str) -> tuple[str, ...]:
        if module.startswith("storage"):
            return ("handlers",)
        return FORBIDDEN_IN_DOMAIN if domain_package(module) else ()

    def is_under(target: str, package: str) -> bool:
        return target == package or target.startswith(package + ".")

    offending = [
        f"{imp.importer} imports {imp.target} [{imp.kind}] at {imp.where()}"
        for imp in all_imports()
        if any(is_under(imp.target, package) for package in forbidden_for(imp.importer))
    ]
    assert not offending, "Domain modules importing the Slack layer:\n" + "\n".join(offending)


def test_platforms_read_watched_channels_through_one_core_function():
    """A guarded or moderated channel's message is read the same on Slack and Teams: the listeners hand it to
    bot/watched_channels.py, and only the core calls the channels' rules themselves."""
    rules = {"review_guarded_message", "review_moderated_message", "message_removed"}
    offending = [
        f"{imp.importer} imports {', '.join(sorted(rules & set(imp.names)))} at {imp.where()}"
        for imp in all_imports()
        if imp.importer.startswith(("handlers.", "bot.slack.", "bot.teams.")) and rules & set(imp.names)
    ]
    assert not offending, "Channel rules called from a platform, not through bot.watched_channels:\n" + "\n".join(offending)
