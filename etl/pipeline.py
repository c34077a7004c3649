"""The build, step by step: ingest -> extract -> resolve -> validate -> store -> report."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl import resolve, store
from etl.extract import extract_article, extractor_version
from etl.ingest import iter_articles
from etl.schema import TABLES



@dataclass
class BuildResult:
    statuses: Counter = field(default_factory=Counter)
    rows: dict[str, int] = field(default_factory=dict)
    quarantined: dict[str, int] = field(default_factory=dict)
    validation_lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def build(seeds: list[Path], data_dir: Path, reports_dir: Path, expectations_dir: Path,
          log=print) -> BuildResult:
    result = BuildResult()
    article_rows, mention_rows, inputs = [], [], {}
    for article in iter_articles(seeds):
        mentions = []
        if article.status == "ok":
            try:
                mentions = extract_article(article)
            except Exception as exc:  # one article's text must not stop the build; it is reported instead
                article.status = "error"
                article.error = f"{article.path}{f':{article.line}' if article.line else ''}: extraction failed ({type(exc).__name__}: {exc})"
            else:
                if not mentions:
                    article.status = "no_incidents"
        result.statuses[article.status] += 1
        if article.status == "error":
            result.errors.append(article.error or f"{article.path}: error")
        row = dataclasses.asdict(article)
        row.pop("text")
        row["n_mentions"] = len(mentions)
        article_rows.append(row)
        mention_rows.extend(dataclasses.asdict(m) for m in mentions)
        if article.content_hash:
            inputs[article.article_id] = article.content_hash
    log(f"read {sum(result.statuses.values())} articles: "
        + ", ".join(f"{n} {s}" for s, n in sorted(result.statuses.items())))

    incident_rows = resolve.incidents(mention_rows)
    tables = {
        "articles": store.to_table("articles", article_rows),
        "mentions": store.to_table("mentions", mention_rows),
        "incidents": store.to_table("incidents", incident_rows),
    }
    tables, quarantine, validation_html = _validate(tables, expectations_dir, result)
    tables["quarantine"] = quarantine

    data_dir.mkdir(parents=True, exist_ok=True)
    manifest = {
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "extractor_version": extractor_version(),
        "python": sys.version.split()[0],
        "inputs": inputs,
        "files": {},
    }
    for name, table in tables.items():
        path = data_dir / f"{name}.parquet"
        store.write_parquet(table, path)
        manifest["files"][path.name] = {"rows": table.num_rows, "sha256": store.sha256_file(path)}
        result.rows[name] = table.num_rows
        result.files.append(path)

    from etl import report  # matplotlib is slow to import; only the build needs it

    incidents_df = tables["incidents"].to_pandas(types_mapper=pd.ArrowDtype)
    articles_df = tables["articles"].to_pandas(types_mapper=pd.ArrowDtype)
    summary = {"statuses": dict(result.statuses), "rows": result.rows, "quarantined": result.quarantined}
    result.files += report.write_report(incidents_df, articles_df, reports_dir, validation_html, summary)

    manifest_path = data_dir / "manifest.json"
    store.write_text(manifest_path, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    result.files.append(manifest_path)
    return result


def _validate(tables, expectations_dir: Path, result: BuildResult):
    from etl import validate  # great_expectations takes seconds to import

    suites = validate.load_suites(expectations_dir)
    validations, quarantined = {}, []
    for name in ("articles", "mentions", "incidents"):
        df = tables[name].to_pandas(types_mapper=pd.ArrowDtype)
        v = validate.validate(name, df, suites[name])
        validations[name] = v
        result.quarantined[name] = len(v.quarantined)
        if len(v.quarantined):
            quarantined.append(v.quarantined)
            tables[name] = store.to_table(name, _records(v.passed))
    result.validation_lines = validate.summary_lines(validations)
    q = pd.concat(quarantined, ignore_index=True) if quarantined else pd.DataFrame(columns=[c.name for c in TABLES["quarantine"]])
    return tables, store.to_table("quarantine", _records(q)), validate.render_report(validations)


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame -> row dicts with plain Python values (NA -> None) for store.to_table."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: (None if _is_na(v) else v) for k, v in row.items()})
    return out


def _is_na(v) -> bool:
    if isinstance(v, (list, tuple, dict)) or hasattr(v, "__len__") and not isinstance(v, str):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
