"""The presentation ("Trình chiếu") as a pure data model, built once and drawn four ways.

`build_slides(store, scope, filters)` returns a list of `Slide`s for the current filters:
key figures, level attainment by school type (and by unit when there are several), overdue
items by school, the most common weaknesses and the progress since the previous school year.
Each slide carries a title, a one-line subtitle, key figures, a display table, a chart
spec (a DataFrame plus how to draw it: kind, category column, series and their colours)
and the report context (filters, as-of date, data date, schools reported x/y).

The same slides feed the page (plotly via kdcl.charts.slide_chart), the PowerPoint
(kdcl.reports.pptx_deck, native charts), the PDF (kdcl.reports.html_slides +
kdcl.reports.pdf_report) and the Excel workbook (kdcl.reports.xlsx_figures).
No Streamlit, no DuckDB here: the data comes from kdcl.data functions through `load`.
The page caches the whole model: `ui.load(build_deck, scope, filters)` (the slides and the
school list of the .docx export, keyed by the data version and the filters), so a repeat
visit neither reads the schools again nor rebuilds the slides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pandas as pd

from kdcl import data, rules
from kdcl.access import Scope
from kdcl.charts import BUCKET_COLORS, LEVEL_COLORS
from kdcl.data import Filters
from kdcl.db import Store
from kdcl.strings import LEVEL_LABELS, SCHOOL_TYPE_LABELS, TEXT, t

TOP_SCHOOLS = 10  # overdue slide: this many schools, then one "n trường khác" row
TOP_CRITERIA = 10  # weaknesses slide
MAX_GROUPS = 12  # level slides: at most this many bars (the rest as one "others" bar)
LABEL_MAX = 42  # characters of a category label on a chart axis (the table has the full text)
LEVELS_LOW_TO_HIGH: tuple[int | None, ...] = (0, 1, 2, 3, None)  # stacking order; None = not assessed
WEAKNESS_COLOR = "#bf812d"  # the brown family of the weaknesses page; neither a Mức nor a status colour
OTHERS_COLOR = "#f1a393"  # the "other schools" bar: a paler overdue red
CHART_KINDS = ("bar", "barh", "stacked_barh")

Loader = Callable[..., Any]


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str = ""
    color: str | None = None  # accent colour of the value (e.g. the overdue red)


@dataclass(frozen=True)
class Series:
    """One series of a chart: its values are `ChartSpec.data[column]`. Either one colour
    for the whole series or one colour per category (`point_colors`)."""

    name: str
    column: str
    color: str | None = None
    point_colors: tuple[str, ...] = ()


@dataclass
class ChartSpec:
    """A bar chart as data. kind: "bar" (vertical columns), "barh" (horizontal bars,
    first category on top), "stacked_barh" (horizontal, series stacked).
    `data`: one row per category, the label in `category`, one column per series."""

    kind: str
    data: pd.DataFrame
    category: str
    series: tuple[Series, ...]
    value_title: str
    title: str = ""
    category_title: str = ""  # header of the category column (Excel)

    def __post_init__(self) -> None:
        if self.kind not in CHART_KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")

    def categories(self) -> list[str]:
        return [str(c) for c in self.data[self.category]]

    def values(self, series: Series) -> list[float]:
        return [float(v) for v in self.data[series.column].fillna(0)]


@dataclass(frozen=True)
class ReportContext:
    """What every slide says at the bottom: the filters, as-of date, data date, reported x/y."""

    school_year: str
    unit: str  # label of the unit filter ("Đơn vị quản lý: tất cả" when none)
    school_type: str  # label of the school type filter
    as_of: date
    data_date: pd.Timestamp | None
    reported: int
    total: int

    @classmethod
    def of(cls, filters: Filters, unit: str, reported: int, total: int,
           data_date: pd.Timestamp | None = None) -> ReportContext:
        """The context of numbers drawn for `filters` (`unit`: the unit filter's label)."""
        return cls(
            school_year=filters.school_year,
            unit=unit,
            school_type=SCHOOL_TYPE_LABELS.get(filters.school_type, t("filter.school_type") + ": " + t("all").lower()),
            as_of=filters.as_of,
            data_date=data_date,
            reported=reported,
            total=total,
        )

    def line(self) -> str:
        return t(
            "context.line",
            school_year=self.school_year,
            unit=self.unit,
            school_type=self.school_type,
            as_of=format_date(self.as_of),
            reported=rules.format_number(self.reported),
            total=rules.format_number(self.total),
        )

    def data_date_text(self) -> str:
        return t("context.data_date", when=format_date(self.data_date))

    def footer(self) -> str:
        return self.line() + " · " + self.data_date_text()

    def rows(self) -> list[tuple[str, str]]:
        """Label/value pairs for the top of an Excel sheet."""
        return [
            (t("filter.school_year"), self.school_year),
            (t("filter.unit"), self.unit.removeprefix(t("filter.unit") + ": ")),
            (t("filter.school_type"), self.school_type.removeprefix(t("filter.school_type") + ": ")),
            (t("filter.as_of"), format_date(self.as_of)),
            (t("present.data_date"), format_date(self.data_date)),
            (t("present.reported"), t("present.reported_value", reported=self.reported, total=self.total)),
        ]


@dataclass
class Slide:
    key: str  # stable id: key_figures, levels_by_type, levels_by_unit, overdue, weaknesses, progress
    title: str
    subtitle: str
    figures: list[KeyFigure]
    table: pd.DataFrame  # display table, Vietnamese headers
    chart: ChartSpec | None
    context: ReportContext
    sheet: str  # short name (Excel sheet)
    note: str = ""  # shown instead of the chart when there is nothing to draw
    numeric_columns: tuple[str, ...] = field(default_factory=tuple)  # right-aligned table columns
    chart_share: float = 0.56  # "side" layout: the chart's share of the slide width

    @property
    def layout(self) -> str:
        """"side": chart left, table right; "stack": chart above a wide table."""
        return "stack" if len(self.table.columns) > 4 else "side"


@dataclass
class ReportData:
    """Everything the slides are built from (results of kdcl.data functions)."""

    filters: Filters
    schools: pd.DataFrame  # data.overview(...).schools: level and plan status per school
    kpis: dict[str, Any]
    previous: pd.DataFrame  # data.school_levels for the previous school year
    weakness: pd.DataFrame  # data.criterion_weakness
    freshness: pd.Timestamp | None
    units: pd.DataFrame  # data.units(scope)
    scope_unit: str | None = None


# --------------------------------------------------------------------------- helpers


def format_date(value: date | pd.Timestamp | None) -> str:
    return rules.format_date(value, empty="–")


def file_name(filters: Filters, ext: str) -> str:
    """bao-cao-hdnd_<school year>_<as-of>.<ext>, e.g. bao-cao-hdnd_2024-2025_2025-06-01.pptx."""
    return f"bao-cao-hdnd_{filters.school_year}_{filters.as_of.isoformat()}.{ext}"


def _short(text: object, limit: int = LABEL_MAX) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_NO_LEVEL = -1  # a school without a (complete) assessment, in the integer level codes below


def _level_codes(levels: pd.Series) -> pd.Series:
    """Overall levels as integers, _NO_LEVEL for a missing one (vectorised: a province has
    tens of thousands of schools)."""
    return pd.to_numeric(levels, errors="coerce").fillna(_NO_LEVEL).astype("int64")


def _level_counts(schools: pd.DataFrame, group: pd.Series | None = None) -> pd.DataFrame:
    """Schools per level (columns = LEVEL_LABELS in LEVELS_LOW_TO_HIGH order), one row per group."""
    columns = [LEVEL_LABELS[lvl] for lvl in LEVELS_LOW_TO_HIGH]
    if not len(schools):
        return pd.DataFrame(columns=columns, dtype="int64")
    frame = pd.DataFrame({"group": group if group is not None else "", "level": _level_codes(schools["overall_level"])})
    table = frame.groupby(["group", "level"]).size().unstack("level", fill_value=0)
    codes = [_NO_LEVEL if lvl is None else lvl for lvl in LEVELS_LOW_TO_HIGH]
    table = table.reindex(columns=codes, fill_value=0).set_axis(columns, axis=1)
    return table.astype("int64").rename_axis(index=None, columns=None)


def _level_series(columns: list[int | None]) -> tuple[Series, ...]:
    return tuple(Series(LEVEL_LABELS[lvl], LEVEL_LABELS[lvl], color=LEVEL_COLORS[lvl]) for lvl in columns)


def _unit_label(report: ReportData) -> str:
    names = dict(zip(report.units["unit_id"], report.units["name"]))
    unit_id = report.filters.unit_id or report.scope_unit
    if unit_id:
        return names.get(unit_id, unit_id)
    return t("filter.unit") + ": " + t("all").lower()


def context_of(report: ReportData) -> ReportContext:
    f = report.filters
    return ReportContext.of(f, _unit_label(report), int(report.kpis["schools_reported"]),
                            int(report.kpis["schools_total"]), report.freshness)


# --------------------------------------------------------------------------- gathering


def gather(scope: Scope, filters: Filters, load: Loader) -> ReportData:
    """Read everything the slides need through `load(fn, *args)`, which calls the kdcl.data
    function `fn(store, *args)` (the page passes its cached ui.load)."""
    ov = load(data.overview, scope, filters)
    previous = load(data.school_levels, scope, replace(filters, school_year=rules.previous_school_year(filters.school_year)))
    return ReportData(
        filters=filters,
        schools=ov.schools,
        kpis=ov.kpis,
        previous=previous,
        weakness=load(data.criterion_weakness, scope, filters),
        freshness=load(data.data_freshness),
        units=load(data.units, scope),
        scope_unit=scope.unit_id,
    )


def build_slides(store: Store, scope: Scope, filters: Filters) -> list[Slide]:
    """The slides for the user's scope and the filters (directly from the store)."""
    return slides_from(gather(scope, filters, lambda fn, *args: fn(store, *args)))


@dataclass
class Deck:
    """What the presentation page shows, small enough to cache: the slides (empty when no
    school is in the filters)."""

    slides: list[Slide]


def build_deck(store: Store, scope: Scope, filters: Filters) -> Deck:
    """The page's model, built once per data version and filters (the page calls it through
    ui.load): the per-school frames it is computed from are not kept."""
    report = gather(scope, filters, lambda fn, *args: fn(store, *args))
    return Deck(slides_from(report) if not report.schools.empty else [])


def slides_from(report: ReportData) -> list[Slide]:
    ctx = context_of(report)
    slides = [_key_figures(report, ctx), _levels_by(report, ctx, "school_type")]
    if report.schools["unit_id"].nunique() > 1:
        slides.append(_levels_by(report, ctx, "unit"))
    slides += [_overdue(report, ctx), _weaknesses(report, ctx), _progress(report, ctx)]
    for slide in slides:  # nothing to draw (no school in the filters): say so instead of an empty chart
        if slide.chart is not None and slide.chart.data.empty:
            slide.chart = None
            slide.note = slide.note or t("empty.no_schools")
    return slides


# --------------------------------------------------------------------------- slides


def _key_figures(report: ReportData, ctx: ReportContext) -> Slide:
    k = report.kpis
    counts = _level_counts(report.schools).sum(axis=0)
    levels = [lvl for lvl in LEVELS_LOW_TO_HIGH if lvl is not None or counts[LEVEL_LABELS[None]] > 0]
    total = int(counts.sum())
    chart_data = pd.DataFrame(
        {"level": [LEVEL_LABELS[lvl] for lvl in levels], "schools": [int(counts[LEVEL_LABELS[lvl]]) for lvl in levels]}
    )
    overdue_schools = int((report.schools["overdue_items"] > 0).sum())
    figures = [
        KeyFigure(t("present.kpi.reported"), f"{k['schools_reported']}/{k['schools_total']}",
                  t("present.kpi.reported_note")),
        KeyFigure(t("present.kpi.level2"), f"{k['schools_level2_plus']}/{k['schools_with_level']}",
                  t("present.kpi.level2_note")),
        KeyFigure(t("present.kpi.done"), f"{rules.format_number(k['done_items'])}/{rules.format_number(k['plan_items'])}",
                  t("present.kpi.done_note")),
        KeyFigure(t("present.kpi.overdue"), rules.format_number(k["overdue_items"]),
                  t("present.kpi.overdue_note", schools=overdue_schools), color=BUCKET_COLORS["overdue"]),
        KeyFigure(t("present.kpi.at_risk"), rules.format_number(k["at_risk_items"]),
                  t("present.kpi.at_risk_note", days=report.filters.risk_days)),
        KeyFigure(t("present.kpi.budget"), rules.format_vnd_short(k["budget_vnd"]),
                  t("present.kpi.budget_note", exact=rules.format_vnd(k["budget_vnd"]))),
    ]
    table = pd.DataFrame(
        {
            t("col.level"): chart_data["level"],
            t("count.schools"): chart_data["schools"],
            t("col.share"): [rules.format_percent(n / total if total else None, 1) for n in chart_data["schools"]],
        }
    )
    chart = ChartSpec(
        "bar", chart_data, "level",
        (Series(t("count.schools"), "schools", point_colors=tuple(LEVEL_COLORS[lvl] for lvl in levels)),),
        t("chart.axis.schools"), title=t("present.chart.levels"), category_title=t("col.level"),
    )
    return Slide(
        "key_figures", t("present.slide.key.title", school_year=report.filters.school_year),
        t("present.slide.key.subtitle"), figures, table, chart, ctx, t("present.sheet.key"),
        numeric_columns=(t("count.schools"), t("col.share")),
    )


def _levels_by(report: ReportData, ctx: ReportContext, by: str) -> Slide:
    schools = report.schools
    if by == "school_type":
        types = set(schools["school_type"].unique())
        order = [c for c in SCHOOL_TYPE_LABELS if c in types]
        labels = {c: SCHOOL_TYPE_LABELS[c] for c in order}
        group = schools["school_type"]
        key, head = "levels_by_type", t("col.school_type")
    else:
        # one row per unit before going to Python objects: a province has tens of thousands of schools
        units = schools[["unit_id", "unit_name"]].drop_duplicates("unit_id", keep="last")
        present = set(units["unit_id"])
        order_all = [u for u in report.units["unit_id"] if u in present]
        order = order_all + sorted(present - set(order_all))
        labels = dict(zip(units["unit_id"], units["unit_name"]))
        group = schools["unit_id"]
        key, head = "levels_by_unit", t("col.unit")
    counts = _level_counts(schools, group).reindex(order, fill_value=0)
    if len(order) > MAX_GROUPS:  # the largest groups, then one "n đơn vị khác" row
        keep = set(counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[: MAX_GROUPS - 1])
        rest = [g for g in order if g not in keep]
        others = "__others__"
        labels = {**labels, others: t("present.others.units", n=len(rest))}
        counts = pd.concat([counts.loc[[g for g in order if g in keep]],
                            counts.loc[rest].sum(axis=0).to_frame(others).T])
        order = [*counts.index]
    levels = [lvl for lvl in LEVELS_LOW_TO_HIGH if lvl is not None or counts[LEVEL_LABELS[None]].sum() > 0]
    columns = [LEVEL_LABELS[lvl] for lvl in levels]
    chart_data = counts[columns].reset_index(drop=True)
    chart_data.insert(0, "group", [_short(labels[g]) for g in order])
    table = counts[columns].reset_index(drop=True)
    table.insert(0, head, [labels[g] for g in order])
    table[t("present.col.total")] = counts[columns].sum(axis=1).to_numpy()
    level2 = counts[[LEVEL_LABELS[2], LEVEL_LABELS[3]]].sum(axis=1).to_numpy()
    with_level = counts[[LEVEL_LABELS[lvl] for lvl in (0, 1, 2, 3)]].sum(axis=1).to_numpy()
    table[t("present.col.level2_share")] = [
        rules.format_percent(a / b if b else None, 1) for a, b in zip(level2, with_level)
    ]
    chart = ChartSpec("stacked_barh", chart_data, "group", _level_series(levels), t("chart.axis.schools"),
                      title=t(f"present.chart.{key}"), category_title=head)
    return Slide(
        key, t(f"present.slide.{key}.title"), t(f"present.slide.{key}.subtitle"), [], table, chart, ctx,
        t(f"present.sheet.{key}"),
        numeric_columns=(*columns, t("present.col.total"), t("present.col.level2_share")),
    )


def _overdue(report: ReportData, ctx: ReportContext) -> Slide:
    k = report.kpis
    schools = report.schools[report.schools["overdue_items"] > 0]
    # only the schools that can be among the first TOP_SCHOOLS are sorted (a province has thousands)
    candidates = schools
    if len(schools) > TOP_SCHOOLS:
        candidates = schools[schools["overdue_items"] >= schools["overdue_items"].nlargest(TOP_SCHOOLS).iloc[-1]]
    top = candidates.sort_values(["overdue_items", "open_items", "name"], ascending=[False, False, True]).head(
        TOP_SCHOOLS
    )
    rest_count = len(schools) - len(top)
    labels = [_short(n) for n in top["name"]]
    values = [int(v) for v in top["overdue_items"]]
    colors = [BUCKET_COLORS["overdue"]] * len(top)
    table = pd.DataFrame(
        {
            t("col.school"): top["name"].tolist(),
            t("col.unit"): top["unit_name"].tolist(),
            t("present.col.overdue"): values,
            t("present.col.open"): [int(v) for v in top["open_items"]],
        }
    )
    if rest_count:
        others = t("present.others.schools", n=rest_count)
        rest_overdue = int(schools["overdue_items"].sum()) - int(top["overdue_items"].sum())
        rest_open = int(schools["open_items"].sum()) - int(top["open_items"].sum())
        labels.append(others)
        values.append(rest_overdue)
        colors.append(OTHERS_COLOR)
        table.loc[len(table)] = [others, "", rest_overdue, rest_open]
    chart_data = pd.DataFrame({"school": labels, "overdue": values})
    chart = None
    if len(top):
        chart = ChartSpec("barh", chart_data, "school",
                          (Series(t("present.col.overdue"), "overdue", point_colors=tuple(colors)),),
                          t("chart.axis.items"), title=t("present.chart.overdue"), category_title=t("col.school"))
    figures = [
        KeyFigure(t("present.kpi.overdue"), rules.format_number(k["overdue_items"]),
                  t("present.kpi.overdue_note", schools=len(schools)), color=BUCKET_COLORS["overdue"]),
        KeyFigure(t("present.kpi.at_risk"), rules.format_number(k["at_risk_items"]),
                  t("present.kpi.at_risk_note", days=report.filters.risk_days), color=BUCKET_COLORS["at_risk"]),
        KeyFigure(t("present.kpi.open"), rules.format_number(k["open_items"]), t("present.kpi.open_note")),
        KeyFigure(t("present.kpi.done"), f"{rules.format_number(k['done_items'])}/{rules.format_number(k['plan_items'])}",
                  t("present.kpi.done_late_note", late=k["done_late_items"]), color=BUCKET_COLORS["done"]),
    ]
    note = "" if len(top) else t("present.none.overdue", as_of=format_date(report.filters.as_of))
    return Slide(
        "overdue", t("present.slide.overdue.title"), t("present.slide.overdue.subtitle", n=TOP_SCHOOLS),
        figures, table, chart, ctx, t("present.sheet.overdue"), note=note,
        numeric_columns=(t("present.col.overdue"), t("present.col.open")),
        chart_share=0.44,
    )


def _framework_label(framework_id: str) -> str:
    key = f"present.framework.{framework_id}"
    return t(key) if key in TEXT else framework_id


def _weaknesses(report: ReportData, ctx: ReportContext) -> Slide:
    frame = report.weakness
    frame = frame[frame["schools_with_weakness"] > 0].sort_values(
        ["schools_with_weakness", "open_items", "framework_id", "criterion_code"],
        ascending=[False, False, True, True], kind="stable",
    )
    top = frame.head(TOP_CRITERIA)
    several = report.weakness["framework_id"].nunique() > 1
    codes = [f"{c} ({_framework_label(f)})" if several else str(c)
             for c, f in zip(top["criterion_code"], top["framework_id"])]
    chart_data = pd.DataFrame({"criterion": codes, "schools": [int(v) for v in top["schools_with_weakness"]]})
    table = pd.DataFrame(
        {
            t("present.col.criterion"): codes,
            t("present.col.criterion_name"): top["criterion_name"].tolist(),
            t("present.col.schools_weak"): [
                f"{int(a)}/{int(b)}" for a, b in zip(top["schools_with_weakness"], top["schools_in_scope"])
            ],
            t("present.col.overdue"): [int(v) for v in top["overdue_items"]],
        }
    )
    chart = None
    if len(top):
        chart = ChartSpec("barh", chart_data, "criterion",
                          (Series(t("present.col.schools_with_items"), "schools", color=WEAKNESS_COLOR),),
                          t("chart.axis.schools"), title=t("present.chart.weaknesses"),
                          category_title=t("present.col.criterion"))
    note = "" if len(top) else t("present.none.weaknesses", school_year=report.filters.school_year)
    return Slide(
        "weaknesses", t("present.slide.weaknesses.title"),
        t("present.slide.weaknesses.subtitle", n=min(TOP_CRITERIA, len(frame)), criteria=len(frame)),
        [], table, chart, ctx, t("present.sheet.weaknesses"), note=note,
        numeric_columns=(t("present.col.schools_weak"), t("present.col.overdue")),
        chart_share=0.4,
    )


def progress_counts(current: pd.DataFrame, previous: pd.DataFrame) -> dict[str, int]:
    """Schools whose overall level went up, stayed, went down, or cannot be compared
    (no complete assessment in one of the two years)."""
    now = _level_codes(current.set_index("school_id")["overall_level"])
    before = _level_codes(previous.set_index("school_id")["overall_level"]).reindex(now.index, fill_value=_NO_LEVEL)
    known = (now != _NO_LEVEL) & (before != _NO_LEVEL)
    diff = now[known] - before[known]
    return {
        "up": int((diff > 0).sum()),
        "same": int((diff == 0).sum()),
        "down": int((diff < 0).sum()),
        "unknown": int((~known).sum()),
    }


def _progress(report: ReportData, ctx: ReportContext) -> Slide:
    year, before_year = report.filters.school_year, rules.previous_school_year(report.filters.school_year)
    moves = progress_counts(report.schools, report.previous)
    # (a hash lookup: Series.isin on Arrow strings goes through Python objects, slow at 45.000 schools)
    current_ids = pd.Index(report.schools["school_id"]).unique()
    previous = report.previous[current_ids.get_indexer(report.previous["school_id"]) >= 0]
    both = pd.concat([_level_counts(previous).sum(axis=0).rename(before_year),
                      _level_counts(report.schools).sum(axis=0).rename(year)], axis=1).T
    levels = [lvl for lvl in LEVELS_LOW_TO_HIGH if lvl is not None or both[LEVEL_LABELS[None]].sum() > 0]
    columns = [LEVEL_LABELS[lvl] for lvl in levels]
    chart_data = both[columns].reset_index(drop=True).astype("int64")
    chart_data.insert(0, "year", [t("present.year", year=before_year), t("present.year", year=year)])
    table = pd.DataFrame(
        {
            t("col.level"): columns,
            t("present.year", year=before_year): [int(both.loc[before_year, c]) for c in columns],
            t("present.year", year=year): [int(both.loc[year, c]) for c in columns],
        }
    )
    table[t("present.col.change")] = [
        f"{d:+d}" if d else "0" for d in table.iloc[:, 2] - table.iloc[:, 1]
    ]
    figures = [
        KeyFigure(t("present.kpi.up"), str(moves["up"]), t("present.kpi.up_note"), color=LEVEL_COLORS[3]),
        KeyFigure(t("present.kpi.same"), str(moves["same"]), t("present.kpi.same_note")),
        KeyFigure(t("present.kpi.down"), str(moves["down"]), t("present.kpi.down_note"), color=LEVEL_COLORS[0]),
        KeyFigure(t("present.kpi.unknown"), str(moves["unknown"]), t("present.kpi.unknown_note", year=before_year)),
    ]
    chart = ChartSpec("stacked_barh", chart_data, "year", _level_series(levels), t("chart.axis.schools"),
                      title=t("present.chart.progress", before=before_year, year=year),
                      category_title=t("filter.school_year"))
    return Slide(
        "progress", t("present.slide.progress.title"),
        t("present.slide.progress.subtitle", before=before_year, year=year), figures, table, chart, ctx,
        t("present.sheet.progress"),
        numeric_columns=(t("present.year", year=before_year), t("present.year", year=year), t("present.col.change")),
    )

