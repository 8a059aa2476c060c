"""Every user-facing string lives in kdcl/strings.py (issue 19): no page or kdcl module passes a literal
with Vietnamese letters (any non-ASCII letter) to Streamlit, raises an error with one, or gives one to
argparse as help or a message. An AST scan, so the rule cannot drift again."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the strings themselves, and the demo's generated plan texts (data, not interface)
EXEMPT = {"kdcl/strings.py", "kdcl/demo_text.py"}
TEXT_KEYWORDS = {"help", "description", "show_spinner", "epilog", "usage"}
ARGPARSE_CALLS = {"add_argument", "add_parser", "ArgumentParser", "error", "add_subparsers", "add_argument_group",
                  "add_mutually_exclusive_group"}


def _vietnamese(node: ast.AST) -> str | None:
    """The first literal text under `node` that holds a non-ASCII letter (f-strings included)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            if any(ch.isalpha() and not ch.isascii() for ch in sub.value):
                return sub.value
    return None


def _is_streamlit(func: ast.AST) -> bool:
    """st.x(...), st.sidebar.x(...), st.column_config.X(...) (a widget drawn on a column or container
    object is not seen: those pages pass t(...) the same way)."""
    while isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name) and func.id == "st"


def _call_name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        text, what = None, ""
        if isinstance(node, ast.Raise) and node.exc is not None:
            text, what = _vietnamese(node.exc), "raise"
        elif isinstance(node, ast.Call):
            name = _call_name(node.func)
            if _is_streamlit(node.func) or name in ARGPARSE_CALLS:
                text, what = _vietnamese(node), f"{name}()"
            else:  # help= / description= / show_spinner= of any call (argparse, a cached function)
                text = next((found for kw in node.keywords if kw.arg in TEXT_KEYWORDS
                             for found in [_vietnamese(kw.value)] if found), None)
                what = f"{name}(…=)"
        if text is not None:  # (@st.cache_resource(show_spinner=…) is an st call too)
            found.append((node.lineno, f"{path.name}:{node.lineno}: {what} {text[:50]!r}"))
    return [line for _, line in sorted(found)]


def scanned() -> list[Path]:
    files = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("kdcl/**/*.py"), ROOT / "dashboard.py"])
    return [p for p in files if str(p.relative_to(ROOT)) not in EXEMPT]


def test_no_literal_vietnamese_in_pages_and_modules():
    found = [line for path in scanned() for line in offences(path)]
    assert found == [], "user-facing text belongs in kdcl/strings.py:\n" + "\n".join(found)


def test_the_scan_finds_what_it_looks_for(tmp_path):
    """The scan itself: each kind of offence is found, and a strings.py key is not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'import streamlit as st\n'
        'st.info("Đang tải")\n'
        'st.sidebar.caption(f"Có {n} trường")\n'
        'raise ValueError("Không đọc được")\n'
        'p.add_argument("--db", help="tệp dữ liệu")\n'
        '@st.cache_resource(show_spinner="Đang mở…")\n'
        'def f(): pass\n'
        'Parser(prog="python -m kdcl", description="Kiểm định")\n'
        'st.info(t("ok.key"))\n'
        'raise ValueError(f"bad value: {x!r}")\n',
        encoding="utf-8")
    found = offences(sample)
    assert [line.split(":")[1] for line in found] == ["2", "3", "4", "5", "6", "8"], found


# modules that only draw or talk to the user: no Vietnamese literal at all outside docstrings (their
# parsing and formatting modules, such as timetext, themes and plan_common, hold Vietnamese words as data)
INTERFACE = ["dashboard.py", "pages/*.py", "kdcl/ui.py", "kdcl/charts.py", "kdcl/auth.py", "kdcl/accounts.py",
             "kdcl/data/*.py", "kdcl/updates.py", "kdcl/exports.py", "kdcl/cli.py", "kdcl/importing/cli.py",
             "kdcl/importing/service.py", "kdcl/importing/units.py", "kdcl/db.py", "kdcl/stores.py",
             "kdcl/reports/xlsx_figures.py"]
NOT_TEXT = {  # words the code reads or strips, not texts it shows
    ("pages/levels.py", "Trường "),  # a prefix taken off school names (crowded axes)
    ("kdcl/importing/units.py", r"\((?:cu|cũ)\)"),  # "(cũ)" after a former district's name in a file
}


def literal_texts(path: Path) -> list[str]:
    """The non-docstring string constants of a module that hold a non-ASCII letter."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs and any(ch.isalpha() and not ch.isascii() for ch in node.value)]


def test_interface_modules_hold_no_vietnamese_literal():
    found = []
    for pattern in INTERFACE:
        for path in sorted(ROOT.glob(pattern)):
            name = str(path.relative_to(ROOT))
            found += [f"{name}: {text[:50]!r}" for text in literal_texts(path) if (name, text) not in NOT_TEXT]
    assert found == [], "user-facing text belongs in kdcl/strings.py:\n" + "\n".join(found)
