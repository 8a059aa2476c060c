"""Deterministic demo district: one province, three communes/wards, ~60 schools.

`build_demo(path, today)` writes a complete database: units (with the two former
districts kept for old years), schools, three school years of self-assessments (and
some external assessments), and improvement plans whose texts come from
kdcl.demo_text (written after the real seeds). Due dates are placed relative to
`today`, so whatever day it is built the demo has done, in-progress, overdue,
at-risk and no-deadline items, and schools at every level.

The same generator scales (`generate(n_schools=45_000)`) for the benchmarks.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

from kdcl import auth, demo_text
from kdcl.db import Store
from kdcl.writes import save_units
from kdcl.rules import current_school_year, previous_school_year
from kdcl.timetext import parse_money, parse_time_text

SEED = 20250701

PROVINCE = ("T01", "Tỉnh An Hòa", "province", None, None)
FORMER_DISTRICTS = [
    ("H01", "Thành phố An Hòa (cũ)", "district", "T01", date(2025, 7, 1)),
    ("H02", "Huyện Tân Phú (cũ)", "district", "T01", date(2025, 7, 1)),
]
COMMUNES = [
    ("X01", "Phường Hòa Bình", "ward", "T01", None, "H01"),
    ("X02", "Phường Đông Sơn", "ward", "T01", None, "H01"),
    ("X03", "Xã Tân Phú", "commune", "T01", None, "H02"),
]
# school type -> (framework, name prefix, share of schools)
SCHOOL_TYPES = {
    "MN": ("MN", "Trường Mầm non", 0.35),
    "TH": ("TH", "Trường Tiểu học", 0.40),
    "THCS": ("THCS_THPT", "Trường THCS", 0.25),
}
FAMILY_NAME = {"MN": "MN", "TH": "TH", "THCS": "THCS"}


@dataclass
class DemoData:
    units: pd.DataFrame
    schools: pd.DataFrame
    assessments: pd.DataFrame
    plans: pd.DataFrame
    plan_items: pd.DataFrame
    item_log: pd.DataFrame


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _add_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _school_levels(rng: random.Random, catalog: pd.DataFrame, school_level: int) -> dict[str, int]:
    """Criterion levels consistent with an overall school level (2018 rule)."""
    levels = {}
    for code, top in zip(catalog["criterion_code"], catalog["max_level"]):
        floor = min(max(school_level, 1), top)
        level = floor + (rng.random() < 0.35)
        levels[code] = min(level, top)
        if school_level == 3:
            levels[code] = top
    if school_level == 0:
        for code in rng.sample(list(levels), rng.randint(1, 2)):
            levels[code] = 0
    elif school_level in (1, 2):
        # at least one criterion just at the school level keeps it from the next one
        below = [c for c, top in zip(catalog["criterion_code"], catalog["max_level"]) if top > school_level]
        for code in rng.sample(below, min(len(below), rng.randint(2, 8 if school_level == 1 else 5))):
            levels[code] = school_level
    return levels


def _trajectory(rng: random.Random, n_years: int, index: int) -> list[int]:
    """School level per year: mostly stable or rising, a few falling; the first
    schools are pinned so every level occurs in the latest year."""
    pinned = {0: [0, 0, 0], 1: [0, 1, 1], 2: [1, 2, 3], 3: [2, 2, 1], 4: [1, 1, 2], 5: [2, 3, 3]}
    if index in pinned:
        return pinned[index][-n_years:]
    start = rng.choices([0, 1, 2, 3], weights=[2, 10, 7, 1])[0]
    path = [start]
    for _ in range(n_years - 1):
        step = rng.choices([-1, 0, 1], weights=[1, 7, 2])[0]
        path.append(min(3, max(0, path[-1] + step)))
    return path


def _time_text(rng: random.Random, due_year: int, due_month: int) -> str:
    """A time cell in one of the styles schools write, ending in due_month/due_year."""
    style = rng.random()
    if style < 0.55:
        return f"Tháng {due_month}/{due_year}"
    if style < 0.75:
        return f"Tháng {due_month:02d}/{due_year}"
    start_year, start_month = _add_months(date(due_year, due_month, 1), -rng.randint(2, 8))
    return f"Tháng {start_month}/{start_year} đến tháng {due_month}/{due_year}"


def generate(
    today: date,
    n_schools: int = 60,
    seed: int = SEED,
    n_years: int = 3,
    geography: tuple[list[tuple], list[tuple]] | None = None,
    items_per_plan: tuple[int, int] = (3, 9),
) -> DemoData:
    """Build the demo data in memory (no database). `geography` = (upper units,
    communes) for other scales: upper units as (id, name, kind, parent, dissolved_on),
    communes the same plus the former district id; schools go round-robin to communes."""
    rng = random.Random(seed)
    upper, communes = geography or ([PROVINCE, *FORMER_DISTRICTS], COMMUNES)
    catalog = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "criteria_2018.csv", dtype=str)
    catalog["max_level"] = catalog["indicators_m3"].astype(int).map(lambda m: 3 if m > 0 else 2)
    catalogs = {fw: rows.reset_index(drop=True) for fw, rows in catalog.groupby("framework")}

    latest = current_school_year(today)
    years = [latest]
    for _ in range(n_years - 1):
        years.insert(0, previous_school_year(years[0]))

    units = pd.DataFrame(
        [*upper, *[c[:5] for c in communes]],
        columns=["unit_id", "name", "kind", "parent_id", "dissolved_on"],
    )

    schools, assessments, plans, items, log = [], [], [], [], []
    used_names: set[str] = set()
    type_codes = list(SCHOOL_TYPES)
    weights = [SCHOOL_TYPES[t][2] for t in type_codes]
    counters = dict.fromkeys(type_codes, 0)
    plan_id = 0
    item_id = 0
    for index in range(n_schools):
        unit = communes[index % len(communes)]
        school_type = type_codes[index % 3] if index < 6 else rng.choices(type_codes, weights=weights)[0]
        framework, prefix, _ = SCHOOL_TYPES[school_type]
        counters[school_type] += 1
        school_id = f"{school_type}{counters[school_type]:03d}" if n_schools < 1000 else f"{school_type}{index:06d}"
        parts = demo_text.SCHOOL_NAME_PARTS[FAMILY_NAME[school_type]]
        name = f"{prefix} {parts[counters[school_type] % len(parts)]}"
        if name in used_names:
            name = f"{name} {unit[1].split(' ', 1)[1]}" if f"{name} {unit[1].split(' ', 1)[1]}" not in used_names else f"{name} số {counters[school_type]}"
        used_names.add(name)
        schools.append((school_id, name, school_type, framework, unit[0], unit[5]))

        cat = catalogs[framework]
        max_levels = dict(zip(cat["criterion_code"], cat["max_level"]))
        family = framework
        path = _trajectory(rng, n_years, index)
        externally_assessed = rng.random() < 0.3
        for year, school_level in zip(years, path):
            levels = _school_levels(rng, cat, school_level)
            for code, level in levels.items():
                assessments.append((school_id, year, "self", framework, code, level))
            if externally_assessed and year == years[-2]:
                for code, level in levels.items():
                    stricter = level - (rng.random() < 0.15 and level > 0)
                    assessments.append((school_id, year, "external", framework, code, int(stricter)))

            # the plan written for this year: criteria keeping the school from the next level
            target = min(3, school_level + 1)
            candidates = [c for c, lvl in levels.items() if lvl < min(target, max_levels[c])]
            if len(candidates) < 3:
                candidates += [c for c, lvl in levels.items() if lvl < max_levels[c] and c not in candidates]
            rng.shuffle(candidates)
            chosen = sorted(candidates[: rng.randint(*items_per_plan)], key=lambda c: [int(x) for x in c.split(".")])
            if not chosen:
                continue
            plan_id += 1
            plans.append(
                (plan_id, school_id, year, year, f"Kế hoạch cải tiến chất lượng giáo dục năm học {year.replace('-', ' - ')}")
            )
            first = int(year[:4])
            for position, code in enumerate(chosen, start=1):
                item_id += 1
                items.append(
                    _plan_item(rng, today, year, first, latest, family, code, levels[code], max_levels[code],
                               item_id, plan_id, position, school_id, framework)
                )
    item_frame = pd.DataFrame(items)
    plan_year = dict(zip([p[0] for p in plans], [p[2] for p in plans]))
    for row in item_frame.itertuples():
        created = datetime(int(plan_year[row.plan_id][:4]), 10, 1, 8)
        log.append((row.item_id, row.school_id, created, "Nhập kế hoạch", "create", None, None, None))
        if row.status != "not_started":
            when = row.completed_on or max(created.date(), min(today, row.due_date or today) - timedelta(days=3))
            log.append((row.item_id, row.school_id, datetime.combine(when, datetime.min.time()).replace(hour=16),
                        "Hiệu trưởng", "update", "status", "not_started", row.status))
    return DemoData(
        units=units,
        schools=pd.DataFrame(schools, columns=["school_id", "name", "school_type", "framework_id", "unit_id",
                                               "former_unit_id"]),
        assessments=pd.DataFrame(assessments, columns=["school_id", "school_year", "kind", "framework_id",
                                                       "criterion_code", "level"]),
        plans=pd.DataFrame(plans, columns=["plan_id", "school_id", "school_year", "end_school_year", "title"]),
        plan_items=item_frame,
        item_log=pd.DataFrame(log, columns=["item_id", "school_id", "changed_at", "changed_by", "action", "field",
                                            "old_value", "new_value"]),
    )


def _plan_item(rng, today, year, first, latest, family, code, level, top, item_id, plan_id, position,
               school_id, framework) -> dict:
    target_level = min(top, level + 1)
    weakness = rng.choice(demo_text.WEAKNESSES[family][code])
    measures = rng.choice(demo_text.MEASURES[family][code])
    if year == latest:
        # spread due months around today: past (done or overdue), this month (at risk), future
        offset = rng.choice([-5, -4, -3, -2, -1, -1, 0, 0, 1, 2, 3, 4, 5, 6])
        due_year, due_month = _add_months(today, offset)
    else:
        due_year, due_month = (first + 1, rng.choice([1, 3, 5, 5])) if rng.random() < 0.8 else (first, 12)
    if rng.random() < 0.12:
        time_text = rng.choice(
            ["Thực hiện thường xuyên", f"Năm học {year.replace('-', ' – ')} và những năm học tiếp theo"]
        )
    else:
        time_text = _time_text(rng, due_year, due_month)
    span = parse_time_text(time_text, year)
    due = span.due

    if due is None:
        status, completed = rng.choice(["in_progress", "in_progress", "not_started"]), None
    elif due < today:
        roll = rng.random()
        if year != latest and roll < 0.75 or year == latest and roll < 0.55:
            status = "done"
            late = rng.random() < 0.2
            completed = due + timedelta(days=rng.randint(5, 40)) if late else due - timedelta(days=rng.randint(0, 25))
            completed = min(completed, today)
        elif roll < (0.82 if year != latest else 0.62):
            status, completed = "dropped", None
        else:
            status, completed = rng.choice(["in_progress", "not_started"]), None
    else:
        started = span.start is None or span.start <= today
        choices = ["in_progress", "in_progress", "not_started", "done"] if due - today < timedelta(45) else [
            "not_started", "in_progress"]
        status = rng.choice(choices) if started else "not_started"
        completed = None
        if status == "done":
            completed = max(today - timedelta(days=rng.randint(1, 20)), span.start or today)

    budget_vnd, budget_text = None, None
    if code.startswith("3.") and rng.random() < 0.8:
        amount = rng.choice([5, 10, 15, 20, 30, 45, 60, 80, 120, 250]) * 1_000_000
        budget_text = rng.choice([f"{amount:,}".replace(",", "."), f"{amount // 1_000_000} triệu", f"{amount:,}đ".replace(",", ".")])
        budget_vnd = parse_money(budget_text)
    elif rng.random() < 0.15:
        budget_text = rng.choice(demo_text.FREE_BUDGET_TEXTS)
    elif rng.random() < 0.1:
        budget_text = "2.000.000"
        budget_vnd = 2_000_000

    return {
        "item_id": item_id,
        "plan_id": plan_id,
        "position": position,
        "school_id": school_id,
        "framework_id": framework,
        "criterion_code": code,
        "target_level": target_level,
        "weakness": weakness,
        "target_result": rng.choice(demo_text.TARGET_RESULTS[family][code]),
        "measures": measures,
        "lead": rng.choice(demo_text.LEADS_BY_FAMILY[family]),
        "support": rng.choice(demo_text.SUPPORTS_BY_FAMILY[family]),
        "time_text": time_text,
        "start_date": span.start,
        "due_date": due,
        "ongoing": span.ongoing,
        "budget_vnd": budget_vnd,
        "budget_text": budget_text,
        "other_support": rng.choice(demo_text.OTHER_SUPPORT) if rng.random() < 0.3 else None,
        "note": None,
        "status": status,
        "status_reason": "Chưa được cấp kinh phí, chuyển sang năm học sau" if status == "dropped" else None,
        "progress_note": None,
        "completed_on": completed,
    }


def write(store: Store, data: DemoData) -> None:
    """Write generated data in one transaction (all or nothing)."""
    with store.transaction() as tx:
        save_units(tx, data.units)
        tx.insert_frame("school", data.schools)
        tx.insert_frame("assessment", data.assessments)
        # ids come from the database sequences: take a block and shift the local ids into it
        plans, items, log = data.plans.copy(), data.plan_items.copy(), data.item_log.copy()
        plan_base = tx.run("write/take_plan_ids", n=len(plans))[0][0] - len(plans)
        item_base = tx.run("write/take_plan_item_ids", n=len(items))[0][0] - len(items)
        plans["plan_id"] += plan_base
        items["plan_id"] += plan_base
        items["item_id"] += item_base
        log["item_id"] += item_base
        tx.insert_frame("plan", plans)
        tx.insert_frame("plan_item", items)
        tx.insert_frame("plan_item_log", log)


DEMO_PASSWORD = "kdcl-demo"  # demo database only; listed in the README and on the login form


def add_demo_accounts(store: Store) -> None:
    """One account per role, for trying the demo (never in a real database)."""
    first_primary = store.scalar("demo_first_school", school_type="TH")
    accounts = [
        ("admin", "admin", {}, "Quản trị (demo)"),
        ("tinh", "office", {"unit_id": PROVINCE[0]}, "Sở GD&ĐT (demo)"),
        ("hoabinh", "office", {"unit_id": COMMUNES[0][0]}, "Phường Hòa Bình (demo)"),
        ("hieutruong", "principal", {"school_id": first_primary}, "Hiệu trưởng (demo)"),
        ("hdnd", "viewer", {}, "Đại biểu HĐND (demo)"),
    ]
    for username, role, where, name in accounts:
        auth.add_user(store, username, DEMO_PASSWORD, role, display_name=name, **where)


def build_demo(path: str | Path, today: date | None = None, n_schools: int = 60, seed: int = SEED) -> Store:
    """Create a fresh demo database at `path` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    # build beside the target and rename at the end: a crash never leaves half a demo
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    store = Store(partial)
    try:
        write(store, generate(today or date.today(), n_schools=n_schools, seed=seed))
        with store.transaction() as tx:
            tx.run("write/set_meta", key="demo_built_on", value=(today or date.today()).isoformat())
        add_demo_accounts(store)
    finally:
        store.close()
    os.replace(partial, path)
    return Store(path)
