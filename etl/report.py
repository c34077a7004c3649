"""Report: the incidents table as four PNG charts and a self-contained index.html a person can open."""
from __future__ import annotations

import html
import io
import math
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from etl import schema, store

# Where the full table lives, for the note under the capped incident table (relative to the build folder).
INCIDENTS_FILE = "data/incidents.parquet"
MAX_TABLE_ROWS = 500  # beyond a few hundred rows a browser page stops being readable; the Parquet has them all
TOP_PLACES = 15
TOP_PERPETRATORS = 12
UNKNOWN_PERPETRATOR = "Unknown/unnamed"
UNSPECIFIED_EVENT = "unspecified"
MAX_LABEL_CHARS = 48  # longer place/group names are cut in charts (the table shows them in full)

CHART_FILES = {
    "by_month": "killed_wounded_by_month.png",
    "places": "top_places.png",
    "perpetrators": "by_perpetrator.png",
    "event_types": "by_event_type.png",
}
ARTICLE_REPORT_COLUMNS = ("path", "line", "status", "error")
# The incident columns the charts read: a build draws them from these alone, while the incidents are validated.
CHART_COLUMNS = ("event_date", "killed", "wounded", "location", "country", "perpetrator", "event_type")
# The incident columns the charts and tables read (_prepare): a build loads only these from the Parquet file.
INCIDENT_REPORT_COLUMNS = ("incident_id", "event_date", "date_precision", "killed", "killed_low", "killed_high",
                           "wounded", "wounded_low", "wounded_high", "location", "admin1", "country", "perpetrator",
                           "perpetrator_status", "event_type", "evidence", "sources", "n_sources", "is_disputed")

KILLED_COLOR = "#b2182b"
WOUNDED_COLOR = "#ef8a62"
INCIDENT_COLOR = "#2166ac"
MUTED_COLOR = "#9e9e9e"
DPI = 110
# No "Software" key and no timestamps: identical data gives identical PNG bytes.
PNG_METADATA = {"Software": None}


# ---------------------------------------------------------------------------------------------- inputs


def _conform(df: pd.DataFrame | None, columns: tuple[str, ...], table: str) -> pd.DataFrame:
    """An empty table may come without columns; a non-empty one missing a column is a bug upstream."""
    if df is None or (len(df) == 0 and not set(columns) <= set(df.columns)):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{table} table is missing columns {missing}")
    return df.reset_index(drop=True)


def _missing(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    if isinstance(v, (np.datetime64, np.timedelta64)):
        return bool(np.isnat(v))
    return False


def _text(v) -> str | None:
    return None if _missing(v) else str(v)


def _texts(s: pd.Series) -> pd.Series:
    """Strings with None for every kind of missing (None, NaN, NA, categorical NaN)."""
    return pd.Series([None if gone else v if type(v) is str else str(v) for v, gone in zip(s.astype(object), s.isna())],
                     index=s.index, dtype=object)


def _nums(s: pd.Series) -> pd.Series:
    """Counts as float64 with NaN for missing (nullable Int32, float or object in)."""
    return pd.to_numeric(s.astype(object), errors="coerce").astype("float64")


def _dates(s: pd.Series) -> pd.Series:
    """datetime.date objects, strings or datetimes -> datetime64 with NaT for missing or unreadable."""
    return pd.to_datetime(s.astype(object), errors="coerce")


def _strings(v) -> list[str]:
    """A list cell (list, tuple or numpy array after Parquet) as a list of strings."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return [str(x) for x in v if not _missing(x)]
    return [] if _missing(v) else [str(v)]


def _flags(s: pd.Series) -> list[bool]:
    return [bool(v) if not _missing(v) else False for v in s.astype(object)]


# How each column the report uses (INCIDENT_REPORT_COLUMNS) is normalised, once, so every chart and table
# reads the same values.
_NORMALISE = {
    "incident_id": _texts, "event_date": _dates, "date_precision": _texts,
    "killed": _nums, "killed_low": _nums, "killed_high": _nums,
    "wounded": _nums, "wounded_low": _nums, "wounded_high": _nums,
    "location": _texts, "admin1": _texts, "country": _texts,
    "perpetrator": _texts, "perpetrator_status": _texts, "event_type": _texts, "evidence": _texts,
    "sources": lambda s: [_strings(v) for v in s.astype(object)],
    "n_sources": _nums, "is_disputed": _flags,
}


def _prepare(df: pd.DataFrame, columns: tuple[str, ...] = INCIDENT_REPORT_COLUMNS) -> pd.DataFrame:
    """These columns of the incidents, normalised (_NORMALISE)."""
    return pd.DataFrame({c: _NORMALISE[c](df[c]) for c in columns})


def _batches(frames: pd.DataFrame | Iterable[pd.DataFrame] | None) -> Iterable[pd.DataFrame | None]:
    return [frames] if frames is None or isinstance(frames, pd.DataFrame) else frames


def _most_recent_first(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(_undated=df["event_date"].isna()).sort_values(
        ["_undated", "event_date", "incident_id"], ascending=[True, False, True], kind="stable",
        na_position="last").drop(columns="_undated")


def _errors_first(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["sort_rank", "sort_path", "line_no"], kind="stable", na_position="first")


def _first_rows(kept: pd.DataFrame | None, batch: pd.DataFrame, order) -> pd.DataFrame:
    """The first MAX_TABLE_ROWS rows in `order` (a stable sort) of those kept so far and a new batch: over all
    batches, the rows one sort of the whole table would put first."""
    both = batch if kept is None else pd.concat([kept, batch], ignore_index=True)
    return order(both).head(MAX_TABLE_ROWS).reset_index(drop=True)


def _add(tally: dict, keys: pd.Series, killed: pd.Series) -> None:
    """Incidents and killed per key, added into `tally` (key -> [incidents, killed])."""
    g = pd.DataFrame({"key": keys, "killed": killed.fillna(0.0)}).groupby("key", sort=False)["killed"]
    sizes = g.size()
    for key, n, k in zip(sizes.index, sizes, g.sum()):
        entry = tally.setdefault(key, [0, 0.0])
        entry[0] += int(n)
        entry[1] += float(k)


def _add_range(total: dict, best: pd.Series, low: pd.Series, high: pd.Series) -> None:
    """Sums of best estimates and of the low/high bounds; an open-ended high ("at least 26") is counted at
    its best estimate and reported as open, so the upper total is a floor for those incidents."""
    known = best.notna() | low.notna() | high.notna()
    total["best"] += float(best.sum())
    total["low"] += float(low.fillna(best).fillna(high)[known].sum())
    total["high"] += float(high.fillna(best).fillna(low)[known].sum())
    total["n_open"] += int((high.isna() & (best.notna() | low.notna())).sum())
    total["n_reported"] += int(known.sum())


RANGE_KEYS = ("best", "low", "high", "n_open", "n_reported")  # a count's totals over the incidents (_add_range)


@dataclass
class Incidents:
    """What the charts and the page show of the incidents, gathered a batch at a time (summarise), so the
    report's memory does not grow with the table: counts and sums per month, place, perpetrator, event type
    and country, and the MAX_TABLE_ROWS most recent incidents for the page's table."""
    n: int = 0
    n_undated: int = 0
    n_disputed: int = 0
    first_date: pd.Timestamp | None = None
    last_date: pd.Timestamp | None = None
    months: dict = field(default_factory=dict)          # pd.Period (month) -> [killed, wounded]
    places: dict = field(default_factory=dict)          # "Place, Country" -> [incidents, killed]
    short_places: dict = field(default_factory=dict)    # "Place, Country" -> the label cut to MAX_LABEL_CHARS
    perpetrators: dict = field(default_factory=dict)    # named group -> [incidents, killed]
    unnamed: list = field(default_factory=lambda: [0, 0.0])  # incidents without a named group, their killed
    event_types: dict = field(default_factory=dict)     # event type or UNSPECIFIED_EVENT -> [incidents, killed]
    countries: Counter = field(default_factory=Counter)
    killed: dict = field(default_factory=lambda: dict.fromkeys(RANGE_KEYS, 0))
    wounded: dict = field(default_factory=lambda: dict.fromkeys(RANGE_KEYS, 0))
    recent: pd.DataFrame | None = None                   # the table's rows, most recent first

    def add(self, inc: pd.DataFrame) -> None:
        """One batch of incidents, normalised (_prepare); the table's rows only when their columns are there."""
        if inc.empty:
            return
        self.n += len(inc)
        dates = inc["event_date"].dropna()
        self.n_undated += len(inc) - len(dates)
        if len(dates):
            self.first_date = dates.min() if self.first_date is None else min(self.first_date, dates.min())
            self.last_date = dates.max() if self.last_date is None else max(self.last_date, dates.max())
            month = dates.dt.to_period("M")
            killed = inc.loc[dates.index, "killed"].groupby(month).sum()
            wounded = inc.loc[dates.index, "wounded"].groupby(month).sum()
            for m, k, w in zip(killed.index, killed, wounded.reindex(killed.index)):
                entry = self.months.setdefault(m, [0.0, 0.0])
                entry[0] += float(k)
                entry[1] += float(w)
        labels = [_place_label(l, c) for l, c in zip(inc["location"], inc["country"])]
        _add(self.places, pd.Series(labels, index=inc.index), inc["killed"])
        for label, l, c in zip(labels, inc["location"], inc["country"]):
            if label not in self.short_places:
                self.short_places[label] = _place_label(l, c, MAX_LABEL_CHARS)
        named = inc["perpetrator"].notna()
        _add(self.perpetrators, inc.loc[named, "perpetrator"], inc.loc[named, "killed"])
        self.unnamed[0] += int((~named).sum())
        self.unnamed[1] += float(inc.loc[~named, "killed"].sum())
        _add(self.event_types, inc["event_type"].fillna(UNSPECIFIED_EVENT), inc["killed"])
        self.countries.update(inc["country"].dropna())
        if "is_disputed" in inc:
            self.n_disputed += int(sum(inc["is_disputed"]))
        if "killed_low" in inc:
            _add_range(self.killed, inc["killed"], inc["killed_low"], inc["killed_high"])
            _add_range(self.wounded, inc["wounded"], inc["wounded_low"], inc["wounded_high"])
        if set(INCIDENT_REPORT_COLUMNS) <= set(inc.columns):
            self.recent = _first_rows(self.recent, inc, _most_recent_first)


def summarise(incidents: pd.DataFrame | Iterable[pd.DataFrame] | None,
              columns: tuple[str, ...] = INCIDENT_REPORT_COLUMNS) -> Incidents:
    """The incidents (one DataFrame, or an iterable of them: batches read from Parquet) as the report needs
    them; only `columns` are read (CHART_COLUMNS: enough for the charts)."""
    out = Incidents()
    for batch in _batches(incidents):
        out.add(_prepare(_conform(batch, columns, "incidents"), columns))
    return out


_ERROR_RANK = {"error": 0, "skipped": 1, "duplicate": 2}  # order of the rows not used in the page's table


@dataclass
class Articles:
    """The articles as the page shows them: how many of each status, and the first MAX_TABLE_ROWS of those
    not used (errors first, then by path and line)."""
    n: int = 0
    statuses: Counter = field(default_factory=Counter)
    n_bad: int = 0
    bad: pd.DataFrame | None = None

    def add(self, arts: pd.DataFrame) -> None:
        error, status = _texts(arts["error"]), _texts(arts["status"])
        self.n += len(arts)
        self.statuses.update(status.dropna())
        bad = arts[error.notna() | (status == "error")]
        if bad.empty:
            return
        self.n_bad += len(bad)
        # itertuples renames columns that start with "_", so the sort keys get plain names
        bad = bad.assign(sort_rank=[_ERROR_RANK.get(st, 3) for st in status[bad.index]],
                         sort_path=_texts(bad["path"]).fillna(""), line_no=_nums(bad["line"]))
        self.bad = _first_rows(self.bad, bad, _errors_first)


def summarise_articles(articles: pd.DataFrame | Iterable[pd.DataFrame] | None) -> Articles:
    out = Articles()
    for batch in _batches(articles):
        out.add(_conform(batch, ARTICLE_REPORT_COLUMNS, "articles"))
    return out


# ---------------------------------------------------------------------------------------------- numbers


def _fmt_int(v) -> str:
    return "—" if _missing(v) else f"{int(round(float(v))):,}"


def _fmt_date(ts) -> str:
    return "—" if _missing(ts) else pd.Timestamp(ts).strftime("%Y-%m-%d")


def _headline(inc: Incidents, arts: Articles) -> dict:
    by_status = {st: arts.statuses.get(st, 0) for st in schema.STATUSES}
    for st in sorted(set(arts.statuses) - set(schema.STATUSES)):
        by_status[st] = arts.statuses[st]
    countries = pd.Series(inc.countries, dtype="int64").sort_index()
    return {
        "n_articles": arts.n,
        "articles_by_status": by_status,
        "n_incidents": inc.n,
        "n_disputed": inc.n_disputed,
        "killed": inc.killed,
        "wounded": inc.wounded,
        "n_countries": len(countries),
        "top_countries": countries.sort_values(ascending=False, kind="stable"),
        "first_date": inc.first_date,
        "last_date": inc.last_date,
        "n_undated": inc.n_undated,
    }


# ---------------------------------------------------------------------------------------------- charts


def _mpl(s: str) -> str:
    """Text from articles as a matplotlib label: `$` would start mathtext, long names are cut."""
    s = s if len(s) <= MAX_LABEL_CHARS else s[: MAX_LABEL_CHARS - 1].rstrip() + "…"
    return s.replace("$", r"\$")


def _footnote(inc: Incidents, extra: str = "") -> str:
    n = inc.n
    if inc.first_date is None:
        span = "no event dates"
    elif inc.first_date == inc.last_date:
        span = f"event date {_fmt_date(inc.first_date)}"
    else:
        span = f"event dates {_fmt_date(inc.first_date)} to {_fmt_date(inc.last_date)}"
    first = " · ".join(x for x in (f"n = {n:,} incident{'s' if n != 1 else ''}", span, extra) if x)
    return f"{first}\nKilled/wounded: best estimate per incident. Source: {INCIDENTS_FILE}"


def _figure(width: float, height: float, title: str, footnote: str, ncols: int = 1):
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.get_layout_engine().set(w_pad=0.08, h_pad=0.06)
    # suptitle/supxlabel (not fig.text) so constrained layout keeps room for them
    fig.suptitle(title, fontsize=13, fontweight="bold", x=0.01, ha="left")
    fig.supxlabel(footnote, fontsize=7.5, color="#555555", x=0.01, ha="left", linespacing=1.4)
    axes = fig.subplots(1, ncols, sharey=ncols > 1, squeeze=False)[0]
    for ax in axes:
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=9)
    return fig, axes


def _no_incidents(title: str, inc: Incidents, message: str = "No incidents") -> Figure:
    fig, (ax,) = _figure(10, 4, title, _footnote(inc))
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=20, color=MUTED_COLOR,
            transform=ax.transAxes)
    return fig


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        # Names in scripts DejaVu lacks draw as boxes; the table on the page shows them correctly.
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from font")
        fig.savefig(buf, format="png", dpi=DPI, metadata=PNG_METADATA, facecolor="white")
    return buf.getvalue()


def _thousands(ax, axis: str = "x") -> None:
    fmt = FuncFormatter(lambda v, _pos: f"{v:,.0f}")
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(fmt)
    target.set_major_locator(MaxNLocator(integer=True, nbins=6))


def _hbars(ax, labels: list[str], values: list[float], color, annotations: list[str], xlabel: str) -> None:
    y = np.arange(len(labels))
    bars = ax.barh(y, values, color=color, height=0.7)
    ax.bar_label(bars, labels=annotations, padding=3, fontsize=8)
    ax.set_yticks(y, labels=labels)
    if not ax.yaxis_inverted():  # sharey: the second panel must not flip the shared axis back
        ax.invert_yaxis()
    if len(labels) < 3:  # one or two bars: keep them bar-shaped instead of filling the panel
        pad = (3 - len(labels)) / 2
        ax.set_ylim(len(labels) - 0.5 + pad, -0.5 - pad)
    top = max(values) if len(values) and max(values) > 0 else 1
    ax.set_xlim(0, top * 1.22)  # room for the annotation past the longest bar
    ax.set_xlabel(xlabel, fontsize=9)
    _thousands(ax, "x")
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)


def _month_ticks(months: pd.PeriodIndex, max_labels: int = 12) -> tuple[list[int], list[str]]:
    """At most `max_labels` ticks on round months (or round years), year shown on January and the first."""
    n = len(months)
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600) if n / s <= max_labels), 1200)
    if step < 12:
        idx = [i for i, p in enumerate(months) if (p.month - 1) % step == 0] or [0]
        labels = [months[i].strftime("%b") + ("\n" + str(months[i].year) if (i == idx[0] or months[i].month == 1)
                                              else "") for i in idx]
    else:
        years = step // 12
        idx = [i for i, p in enumerate(months) if p.month == 1 and p.year % years == 0] or [0]
        labels = [str(months[i].year) for i in idx]
    return idx, labels


def chart_by_month(inc: Incidents) -> Figure:
    title = "People killed and wounded per month"
    if not inc.months:
        return _no_incidents(title, inc, "No dated incidents" if inc.n else "No incidents")
    months = pd.period_range(min(inc.months), max(inc.months), freq="M")
    sums = pd.DataFrame(list(inc.months.values()), index=pd.PeriodIndex(list(inc.months), freq="M"),
                        columns=["killed", "wounded"], dtype="float64").reindex(months, fill_value=0.0)
    killed, wounded = sums["killed"], sums["wounded"]
    n_undated = inc.n_undated
    extra = f"{n_undated:,} undated incident{'s' if n_undated != 1 else ''} not shown" if n_undated else ""
    extra = "; ".join(x for x in (extra, "months without incidents shown as zero") if x)
    fig, (ax,) = _figure(10, 4.8, title, _footnote(inc, extra))
    x = np.arange(len(months))
    if len(months) <= 36:
        w = 0.4
        kb = ax.bar(x - w / 2, killed.to_numpy(), w, color=KILLED_COLOR, label="Killed")
        wb = ax.bar(x + w / 2, wounded.to_numpy(), w, color=WOUNDED_COLOR, label="Wounded")
        if len(months) <= 18:  # beyond that the numbers collide; the axis carries the scale
            for bars, vals in ((kb, killed), (wb, wounded)):
                ax.bar_label(bars, labels=[_fmt_int(v) if v else "" for v in vals], padding=2, fontsize=7.5)
        pad = max(0.0, (6 - len(months)) / 2)  # one or two months: keep bars bar-shaped, not slabs
        ax.set_xlim(-0.7 - pad, len(months) - 0.3 + pad)
    else:
        # Too many months to number each one: the legend names each series' peak month instead.
        def label(series: pd.Series, what: str) -> str:
            if series.max() <= 0:
                return what
            i = int(np.argmax(series.to_numpy()))
            return f"{what} (peak {_fmt_int(series.iloc[i])} in {months[i].strftime('%b %Y')})"
        # steps: each month is a total, not a point on a trend
        ax.plot(x, killed.to_numpy(), color=KILLED_COLOR, linewidth=1.2, label=label(killed, "Killed"), zorder=3,
                drawstyle="steps-mid")
        ax.fill_between(x, killed.to_numpy(), color=KILLED_COLOR, alpha=0.12, linewidth=0, step="mid")
        ax.plot(x, wounded.to_numpy(), color=WOUNDED_COLOR, linewidth=1.0, label=label(wounded, "Wounded"),
                drawstyle="steps-mid")
        ax.set_xlim(-0.5, len(months) - 0.5)
    top = max(killed.max(), wounded.max())
    ax.set_ylim(0, (top if top > 0 else 1) * 1.18)
    idx, labels = _month_ticks(months)
    ax.set_xticks(idx, labels=labels)
    ax.set_xlabel("Month of event", fontsize=9)
    ax.set_ylabel("People per month", fontsize=9)
    _thousands(ax, "y")
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)
    fig.legend(frameon=False, fontsize=9, loc="outside upper right", ncols=2)
    return fig


def _place_label(location: str | None, country: str | None, limit: int | None = None) -> str:
    """"Place, Country"; with `limit`, the place is cut first so the country stays readable."""
    if location and country and location != country:
        if limit and len(location) + len(country) + 2 > limit:
            room = max(limit - len(country) - 3, 10)
            location = location[:room].rstrip() + "…"
        return f"{location}, {country}"
    return location or country or "Unknown place"


def _ranked(tally: dict, by: tuple[str, str] = ("killed", "incidents")) -> pd.DataFrame:
    """A tally (key -> [incidents, killed]) as rows, most killed first (ties: more incidents, then name)."""
    out = pd.DataFrame({"key": list(tally), "incidents": [v[0] for v in tally.values()],
                        "killed": [v[1] for v in tally.values()]})
    out = out.astype({"key": object, "incidents": "int64", "killed": "float64"})
    return out.sort_values([*by, "key"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


def _height(n_bars: int) -> float:
    return 1.6 + 0.3 * max(n_bars, 3)


def chart_top_places(inc: Incidents) -> Figure:
    title = "Places with the most people killed"
    if not inc.n:
        return _no_incidents(title, inc)
    g = _ranked(inc.places)
    n_places = len(g)
    if n_places > TOP_PLACES:
        title += f" (top {TOP_PLACES})"
    g = g.head(TOP_PLACES)
    extra = f"{n_places:,} places in all; place = named location, else country"
    fig, (ax_k, ax_n) = _figure(10, _height(len(g)), title, _footnote(inc, extra), ncols=2)
    labels = [_mpl(inc.short_places[k]) for k in g["key"]]
    _hbars(ax_k, labels, g["killed"].tolist(), KILLED_COLOR, [_fmt_int(v) for v in g["killed"]], "People killed")
    _hbars(ax_n, labels, g["incidents"].tolist(), INCIDENT_COLOR, [_fmt_int(v) for v in g["incidents"]],
           "Incidents")
    ax_n.tick_params(axis="y", left=False)
    ax_k.set_title("Killed", fontsize=10, loc="left")
    ax_n.set_title("Incidents", fontsize=10, loc="left")
    return fig


def chart_by_perpetrator(inc: Incidents) -> Figure:
    title = "People killed by perpetrator"
    if not inc.n:
        return _no_incidents(title, inc)
    g = _ranked(inc.perpetrators)
    top, rest = g.head(TOP_PERPETRATORS), g.iloc[TOP_PERPETRATORS:]
    rows = [(_mpl(k), float(v), int(n), INCIDENT_COLOR) for k, v, n in zip(top["key"], top["killed"], top["incidents"])]
    if len(rest):
        rows.append((f"Other ({len(rest):,} groups)", float(rest["killed"].sum()), int(rest["incidents"].sum()),
                     MUTED_COLOR))
    if inc.unnamed[0]:
        rows.append((UNKNOWN_PERPETRATOR, float(inc.unnamed[1]), int(inc.unnamed[0]), MUTED_COLOR))
    extra = "groups as named in reports (claimed, attributed or suspected)"
    fig, (ax,) = _figure(10, _height(len(rows)), title, _footnote(inc, extra))
    labels, killed, n, colors = zip(*rows)
    notes = [f"{_fmt_int(k)}  ({c:,} incident{'s' if c != 1 else ''})" for k, c in zip(killed, n)]
    _hbars(ax, list(labels), list(killed), list(colors), notes, "People killed")
    ax.set_xlim(0, (max(killed) if max(killed) > 0 else 1) * 1.32)
    return fig


def chart_by_event_type(inc: Incidents) -> Figure:
    title = "Incidents and people killed by event type"
    if not inc.n:
        return _no_incidents(title, inc)
    g = _ranked(inc.event_types, by=("incidents", "killed"))
    fig, (ax_n, ax_k) = _figure(10, _height(len(g)), title, _footnote(inc), ncols=2)
    labels = [_mpl(k) for k in g["key"]]
    _hbars(ax_n, labels, g["incidents"].tolist(), INCIDENT_COLOR, [_fmt_int(v) for v in g["incidents"]],
           "Incidents")
    _hbars(ax_k, labels, g["killed"].tolist(), KILLED_COLOR, [_fmt_int(v) for v in g["killed"]], "People killed")
    ax_k.tick_params(axis="y", left=False)
    ax_n.set_title("Incidents", fontsize=10, loc="left")
    ax_k.set_title("Killed", fontsize=10, loc="left")
    return fig


CHARTS = {
    "by_month": chart_by_month,
    "places": chart_top_places,
    "perpetrators": chart_by_perpetrator,
    "event_types": chart_by_event_type,
}
CHART_ALT = {
    "by_month": "People killed and wounded per month",
    "places": "Places with the most people killed",
    "perpetrators": "People killed by perpetrator",
    "event_types": "Incidents and people killed by event type",
}


# ---------------------------------------------------------------------------------------------- HTML

CSS = """
:root { --ink:#1f2328; --muted:#5b636b; --line:#d8dee4; --stripe:#f6f8fa; --accent:#b2182b; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
       color:var(--ink); background:#fff; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
p.lede, .note { color: var(--muted); }
.note { font-size: 13px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin-top: 20px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.stat .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.stat .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.stat .sub { font-size: 12.5px; color: var(--muted); }
.stat.killed .value { color: var(--accent); }
.stat.dates .value { font-size: 18px; padding-top: 6px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px; }
.charts figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
.charts img { width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { padding: 6px 8px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid var(--ink); white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--stripe); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.evidence { min-width: 320px; max-width: 560px; color: #333; }
td.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
          word-break: break-all; }
.range, .muted { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 9px; background: #fde2e1;
         color: #8a1c1c; margin-left: 4px; }
.empty { padding: 28px; text-align: center; font-size: 18px; color: var(--muted);
         border: 1px dashed var(--line); border-radius: 8px; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 13.5px; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; font-variant-numeric: tabular-nums; }
"""


DASH = '<span class="muted">—</span>'


def _e(v) -> str:
    """Escape anything for HTML; missing values become an empty string."""
    t = _text(v)
    return "" if t is None else html.escape(t, quote=True)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")


def _stat(cls: str, label: str, value: str, sub: str = "") -> str:
    sub_html = f'<div class="sub">{sub}</div>' if sub else ""
    return (f'<div class="stat {cls}" id="stat-{cls}"><div class="label">{label}</div>'
            f'<div class="value">{value}</div>{sub_html}</div>')


def _range_sub(t: dict, what: str) -> str:
    if t["n_reported"] == 0:
        return f"no {what} figures reported"
    if t["n_open"] == 0 and t["low"] == t["high"]:
        return "figures reported without a range"
    rng = f"range {_fmt_int(t['low'])}–{_fmt_int(t['high'])}"
    if t["n_open"]:
        rng += (f"+ (upper figure open-ended in {t['n_open']:,} incident{'s' if t['n_open'] != 1 else ''}, "
                f"counted at best estimate)")
    return rng


def _headline_html(h: dict) -> str:
    parts = [f"{n:,} {s.replace('_', ' ')}" for s, n in h["articles_by_status"].items() if n]
    countries = h["top_countries"]
    top = ", ".join(f"{_e(c)} ({n:,})" for c, n in countries.head(3).items())
    if len(countries) > 3:
        top += ", …"
    if h["first_date"] is not None:
        dates = f"{_fmt_date(h['first_date'])} – {_fmt_date(h['last_date'])}"
    else:
        dates = "—"
    undated = f"{h['n_undated']:,} without event date" if h["n_undated"] else "by event date"
    disputed = f"{h['n_disputed']:,} with disputed counts" if h["n_disputed"] else "merged across reports"
    return '<section class="stats">' + "".join([
        _stat("articles", "Articles read", f"{h['n_articles']:,}", " · ".join(parts)),
        _stat("incidents", "Incidents", f"{h['n_incidents']:,}", disputed),
        _stat("killed", "Killed (best estimate)", _fmt_int(h["killed"]["best"]), _range_sub(h["killed"], "killed")),
        _stat("wounded", "Wounded (best estimate)", _fmt_int(h["wounded"]["best"]),
              _range_sub(h["wounded"], "wounded")),
        _stat("countries", "Countries", f"{h['n_countries']:,}", top),
        _stat("dates", "Date range", dates, undated),
    ]) + "</section>"


def _date_cell(ts, precision: str | None) -> str:
    if _missing(ts):
        return '<span class="muted">undated</span>'
    ts = pd.Timestamp(ts)
    if precision == "year":
        return ts.strftime("%Y") + ' <span class="muted">(year)</span>'
    if precision == "month":
        return ts.strftime("%Y-%m") + ' <span class="muted">(month)</span>'
    if precision == "week":
        return ts.strftime("%Y-%m-%d") + ' <span class="muted">(week of)</span>'
    return ts.strftime("%Y-%m-%d")


def _count_cell(best, low, high) -> str:
    if _missing(best) and _missing(low) and _missing(high):
        return DASH
    shown = _fmt_int(best if not _missing(best) else low if not _missing(low) else high)
    lo = low if not _missing(low) else best
    if _missing(high):
        rng = f"{_fmt_int(lo)}+" if not _missing(lo) else ""
    elif _missing(lo) or lo != high:
        rng = f"{_fmt_int(lo) if not _missing(lo) else '?'}–{_fmt_int(high)}"
    else:
        rng = ""
    return shown + (f' <span class="range">({rng})</span>' if rng else "")


def _incident_table(inc: Incidents) -> str:
    if not inc.n:
        return '<div class="empty">No incidents</div>'
    shown = inc.recent
    rows = []
    for r in shown.itertuples(index=False):
        admin1 = r.admin1 if r.admin1 != r.location else None
        place = ", ".join(_e(p) for p in (r.location, admin1) if p and p != r.country)
        if r.perpetrator:
            status = f' <span class="muted">({_e(r.perpetrator_status)})</span>' if r.perpetrator_status else ""
            perp = _e(r.perpetrator) + status
        else:
            perp = '<span class="muted">unnamed</span>'
        if r.perpetrator_status and not r.perpetrator and r.perpetrator_status != "unknown":
            perp += f' <span class="muted">({_e(r.perpetrator_status)})</span>'
        disputed = '<span class="badge" title="reports disagree on a count">disputed</span>' if r.is_disputed else ""
        sources = ", ".join(_e(s) for s in r.sources)
        if not _missing(r.n_sources) and r.n_sources != len(r.sources):
            sources += f' <span class="muted">({_fmt_int(r.n_sources)} sources)</span>'
        rows.append(
            "<tr>"
            f'<td class="date">{_date_cell(r.event_date, r.date_precision)}</td>'
            f"<td>{place or DASH}</td>"
            f"<td>{_e(r.country) or DASH}</td>"
            f'<td class="num">{_count_cell(r.killed, r.killed_low, r.killed_high)}{disputed}</td>'
            f'<td class="num">{_count_cell(r.wounded, r.wounded_low, r.wounded_high)}</td>'
            f"<td>{perp}</td>"
            f"<td>{_e(r.event_type) or DASH}</td>"
            f"<td>{sources or DASH}</td>"
            f'<td class="evidence">{_e(r.evidence)}</td>'
            "</tr>")
    if inc.n > len(shown):
        note = (f"Showing the {len(shown):,} most recent of {inc.n:,} incidents. "
                f"All incidents are in <code>{INCIDENTS_FILE}</code>.")
    else:
        note = f"All {inc.n:,} incidents, most recent first (also in <code>{INCIDENTS_FILE}</code>)."
    head = ("<tr><th>Date</th><th>Place</th><th>Country</th><th class=\"num\">Killed</th>"
            "<th class=\"num\">Wounded</th><th>Perpetrator (status)</th><th>Event type</th><th>Sources</th>"
            "<th>Evidence</th></tr>")
    return (f'<p class="note" id="table-note">{note} Killed and wounded are best estimates, with the range '
            f'the wording allows in brackets ("26+" = at least 26).</p>'
            f'<div class="scroll"><table class="incidents"><thead>{head}</thead><tbody>\n'
            + "\n".join(rows) + "\n</tbody></table></div>")


def _error_table(arts: Articles) -> str:
    bad = arts.bad
    if bad is None or bad.empty:
        return ""
    rows = []
    for r in bad.itertuples(index=False):
        line = f":{int(r.line_no)}" if not _missing(r.line_no) else ""
        rows.append(f'<tr><td class="path">{_e(r.path)}{line}</td><td>{_e(r.status)}</td>'
                    f"<td>{_e(r.error)}</td></tr>")
    n_bad, n_err = arts.n_bad, arts.statuses.get("error", 0)
    note = f"{n_bad:,} article{'s' if n_bad != 1 else ''} not used ({n_err:,} failed with an error)"
    note += f"; the first {len(bad):,} are listed." if n_bad > len(bad) else "."
    return (f'<h2 id="errors">Articles with errors or skipped</h2><p class="note">{note} '
            f"Every article and its status is in the articles table.</p>"
            '<div class="scroll"><table class="errors"><thead><tr><th>Path</th><th>Status</th><th>Error</th>'
            "</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>")


def _summary_html(summary: dict | None) -> str:
    if not summary:
        return ""
    def value(v) -> str:
        if isinstance(v, dict):
            return "; ".join(f"{_e(k)}: {value(x)}" for k, x in v.items())
        if isinstance(v, (list, tuple)):
            return ", ".join(value(x) for x in v)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and not _missing(v):
            return f"{v:,}" if isinstance(v, int) else f"{v:,.2f}"
        return _e(v)
    items = "".join(f"<dt>{_e(k)}</dt><dd>{value(v)}</dd>" for k, v in summary.items())
    return f'<h2 id="build">Build</h2><dl class="summary">{items}</dl>'


def _validation_section(validation_html: str) -> str:
    body = validation_html or '<p class="note">No validation results were given to the report.</p>'
    return (f'<h2 id="validation">Validation</h2><div class="validation">{body}</div>'
            '<p class="note">Also on its own page: <a href="validation.html">validation.html</a>.</p>')


def render_index(inc: Incidents, arts: Articles, validation_html: str, summary: dict | None) -> str:
    h = _headline(inc, arts)
    charts = "".join(f'<figure><img src="{CHART_FILES[k]}" alt="{CHART_ALT[k]}"></figure>' for k in CHARTS)
    body = "\n".join(x for x in (
        "<h1>Casualty incidents</h1>",
        '<p class="lede">Incidents of violence extracted from news articles: who was killed and wounded, '
        "where, when and by whom, with the sentence each figure was read from.</p>",
        _headline_html(h),
        f'<h2 id="charts">Charts</h2><div class="charts">{charts}</div>',
        f'<h2 id="incidents">Incidents</h2>{_incident_table(inc)}',
        _validation_section(validation_html),
        _error_table(arts),
        _summary_html(summary),
    ) if x)
    return _page("Casualty incidents", body)


# ---------------------------------------------------------------------------------------------- entry point


def draw_charts(incidents: pd.DataFrame | Iterable[pd.DataFrame] | Incidents) -> dict[str, bytes]:
    """The charts as PNG bytes, by CHARTS key, from the incidents' CHART_COLUMNS (other columns are ignored):
    a DataFrame, batches of one, or what summarise made of them."""
    inc = incidents if isinstance(incidents, Incidents) else summarise(incidents, CHART_COLUMNS)
    return {key: _png(draw(inc)) for key, draw in CHARTS.items()}


def write_report(incidents: pd.DataFrame | Iterable[pd.DataFrame] | Incidents,
                 articles: pd.DataFrame | Iterable[pd.DataFrame], out_dir: Path, validation_html: str = "",
                 summary: dict | None = None, charts: dict[str, bytes] | None = None) -> list[Path]:
    """Write the four charts, validation.html and index.html into `out_dir`; return the paths written.

    `incidents` and `articles`: DataFrames, or iterables of DataFrames (batches read from Parquet: the
    report holds only what it shows, however many rows); `incidents` may be what summarise made of them.
    `charts`: what draw_charts gave for these incidents, if drawn already. `validation_html` is trusted,
    already-escaped HTML; everything else that came from articles is escaped.
    """
    out_dir = Path(out_dir)
    inc = incidents if isinstance(incidents, Incidents) else summarise(incidents)
    arts = summarise_articles(articles)
    charts = draw_charts(inc) if charts is None else charts
    written = []
    for key in CHARTS:
        path = out_dir / CHART_FILES[key]
        store.write_bytes(path, charts[key])
        written.append(path)
    path = out_dir / "validation.html"
    store.write_text(path, _page("Validation", '<h1>Validation</h1><p class="note"><a href="index.html">'
                                 "Back to the report</a></p>" + (validation_html or
                                 '<p class="note">No validation results were given.</p>')))
    written.append(path)
    path = out_dir / "index.html"  # last: its presence means the charts it points to are there
    store.write_text(path, render_index(inc, arts, validation_html, summary))
    written.append(path)
    return written
