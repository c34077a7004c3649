"""Command line: `python -m etl build | extract | explain | eval`."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path


def _build(args) -> int:
    from etl.pipeline import build

    t0 = time.perf_counter()
    result = build([Path(p) for p in args.seeds], Path(args.data), Path(args.reports), Path(args.expectations))
    for line in result.validation_lines:
        print(f"validation: {line}")
    for name in ("articles", "mentions", "incidents", "quarantine"):
        print(f"wrote {args.data}/{name}.parquet ({result.rows.get(name, 0)} rows)")
    print(f"wrote {args.reports}/index.html and charts")
    if any(result.quarantined.values()):
        print(f"QUARANTINED: " + ", ".join(f"{n} {t} rows" for t, n in result.quarantined.items() if n)
              + f" (see {args.data}/quarantine.parquet and {args.reports}/validation.html)")
    for e in result.errors[:20]:
        print(f"input error: {e}", file=sys.stderr)
    if len(result.errors) > 20:
        print(f"... and {len(result.errors) - 20} more input errors (see {args.data}/articles.parquet)", file=sys.stderr)
    print(f"done in {time.perf_counter() - t0:.1f} s")
    if result.errors and args.strict:
        print(f"--strict: {len(result.errors)} input error(s)", file=sys.stderr)
        return 1
    return 0


def _extract(args) -> int:
    from etl.extract import extract_article
    from etl.ingest import iter_articles

    for article in iter_articles([Path(args.file)]):
        if article.status != "ok":
            print(f"{article.path}: {article.status}: {article.error}", file=sys.stderr)
            continue
        for m in extract_article(article):
            print(json.dumps(dataclasses.asdict(m), default=_json_default, ensure_ascii=False))
    return 0


def _explain(args) -> int:
    import pyarrow.parquet as pq

    data = Path(args.data)
    incidents = pq.read_table(data / "incidents.parquet").to_pylist()
    inc = next((r for r in incidents if r["incident_id"] == args.incident_id), None)
    if inc is None:
        print(f"error: no incident {args.incident_id!r} in {data / 'incidents.parquet'}", file=sys.stderr)
        return 1
    wanted = set(inc["mention_ids"])
    mentions = [m for m in pq.read_table(data / "mentions.parquet").to_pylist() if m["mention_id"] in wanted]
    print(f"incident {inc['incident_id']}: {inc['event_date']} ({inc['date_precision']}), "
          f"{inc['location'] or '-'}, {inc['country'] or '-'}; killed {_range(inc, 'killed')}, "
          f"wounded {_range(inc, 'wounded')}; perpetrator {inc['perpetrator'] or '-'} ({inc['perpetrator_status']})"
          f"{'; DISPUTED' if inc['is_disputed'] else ''}")
    print(f"{len(mentions)} mention(s) from {inc['n_sources']} source(s): {', '.join(inc['sources'])}")
    for m in sorted(mentions, key=lambda m: m["mention_id"]):
        print(f"\n  {m['mention_id']}  [{m['source']}, published {m['publication_date']}]")
        print(f"    date {m['event_date']} ({m['date_phrase'] or 'publication date'}); place {m['location'] or '-'}, "
              f"{m['country'] or '-'}; killed {m['killed']}, wounded {m['wounded']}; {m['event_type'] or '-'}")
        print(f"    evidence: {m['evidence']!r}")
    print("\nwhy merged:" if inc["merge_reasons"] else "\nnot merged with any other mention")
    for reason in inc["merge_reasons"]:
        print(f"  {reason}")
    return 0


def _range(row: dict, kind: str) -> str:
    best, low, high = row[kind], row[f"{kind}_low"], row[f"{kind}_high"]
    if best is None:
        return "-"
    return f"{best} (low {low if low is not None else '-'}, high {high if high is not None else 'open'})"


def _json_default(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    raise TypeError(f"not JSON serialisable: {type(v).__name__}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["eval"]:
        from etl.evaluate import main as eval_main

        return eval_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the dataset: data/*.parquet, data/manifest.json, reports/")
    b.add_argument("--seeds", nargs="+", default=["seeds"], metavar="PATH", help="folders or files to read (default seeds/)")
    b.add_argument("--data", default="data", metavar="DIR", help="where the Parquet tables go (default data/)")
    b.add_argument("--reports", default="reports", metavar="DIR", help="where charts and the report page go (default reports/)")
    b.add_argument("--expectations", default="expectations", metavar="DIR", help="expectation suites (default expectations/)")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any input could not be read")
    b.set_defaults(func=_build)
    e = sub.add_parser("extract", help="print the incident mentions of one file as JSON lines")
    e.add_argument("file")
    e.set_defaults(func=_extract)
    x = sub.add_parser("explain", help="show the mentions merged into one incident, with their evidence and why")
    x.add_argument("incident_id")
    x.add_argument("--data", default="data", metavar="DIR")
    x.set_defaults(func=_explain)
    sub.add_parser("eval", help="score the extractor on gold JSONL (see README)", add_help=False)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
