"""Command line: `python -m etl build | extract | explain | eval`."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

# Exit statuses of `build` (also in its --help and the README). 3, not 1, for input errors: a caller can tell
# "the dataset was built, some inputs were bad" from "no dataset was built".
EXIT_OK = 0            # built; every input was read (statuses ok, no_incidents, duplicate or skipped)
EXIT_FAILED = 1        # nothing new written: --strict with input errors, or a fatal error
EXIT_USAGE = 2         # bad command line or a seeds path that does not exist
EXIT_INPUT_ERRORS = 3  # built and written, but some inputs had errors (counted and listed)
BUILD_EXIT_HELP = """\
exit status:
  0  built; no input errors
  3  built and written, but some inputs had errors (status `error` in data/articles.parquet)
  1  nothing new written, previous outputs intact: --strict and input errors, or a fatal error
     (validation could not run, another build holds the output folder, a bug)
  2  usage error (bad option, seeds path does not exist)

Outputs are staged and moved into place together, data/manifest.json last; a killed build leaves the
previous outputs intact and the next build cleans up (README: "Bad inputs, crashes and suspicious numbers")."""
STATUS_ORDER = ("ok", "no_incidents", "duplicate", "skipped", "error")


def _build(args) -> int:
    from etl.pipeline import build
    from etl.store import BuildLocked
    from etl.validate import ValidationError

    t0 = time.perf_counter()
    try:
        result = build([Path(p) for p in args.seeds], Path(args.data), Path(args.reports), Path(args.expectations),
                       strict=args.strict, workers=args.workers, scheduler=args.scheduler,
                       cache_dir=Path(args.cache_dir) if args.cache_dir else None,
                       partition_by=args.partition_by, progress=None if args.progress == "auto" else args.progress)
    except (BuildLocked, ValidationError) as exc:
        print(f"error: {exc}; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    _print_statuses(result)
    if not result.committed:
        for e in result.errors[:20]:
            print(f"input error: {e}", file=sys.stderr)
        print(f"--strict: {len(result.errors)} input error(s); nothing was written, "
              f"{args.data}/ and {args.reports}/ are as they were", file=sys.stderr)
        return EXIT_FAILED
    for line in result.validation_lines:
        print(f"validation: {line}")
    for name in ("articles", "mentions", "incidents", "quarantine"):
        where = f"{name}/ (partitioned by {args.partition_by})" if args.partition_by and name in ("mentions", "incidents") \
            else f"{name}.parquet"
        print(f"wrote {args.data}/{where} ({result.rows.get(name, 0)} rows)")
    print(f"wrote {args.reports}/index.html and charts")
    if any(result.quarantined.values()):
        print(f"QUARANTINED: " + ", ".join(f"{n} {t} rows" for t, n in result.quarantined.items() if n)
              + f" (see {args.data}/quarantine.parquet and {args.reports}/validation.html)")
    for e in result.errors[:20]:
        print(f"input error: {e}", file=sys.stderr)
    if len(result.errors) > 20:
        print(f"... and {len(result.errors) - 20} more input errors (see {args.data}/articles.parquet)", file=sys.stderr)
    print(f"done in {time.perf_counter() - t0:.1f} s")
    if result.errors:
        print(f"{len(result.errors)} input error(s): outputs written, exit status {EXIT_INPUT_ERRORS}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    return EXIT_OK


def _print_statuses(result) -> None:
    """The inputs reconciled: every file and JSONL line has exactly one status."""
    counts = [(s, result.statuses.get(s, 0)) for s in STATUS_ORDER]
    counts += sorted((s, n) for s, n in result.statuses.items() if s not in STATUS_ORDER)
    print(f"inputs: {result.n_inputs} (files and JSONL lines) = "
          + " + ".join(f"{n} {s}" for s, n in counts))


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

    def table(name: str) -> Path:  # a single file, or the folder of a --partition-by build
        return data / f"{name}.parquet" if (data / f"{name}.parquet").exists() or not (data / name).is_dir() \
            else data / name

    found = pq.read_table(table("incidents"), filters=[("incident_id", "=", args.incident_id)]).to_pylist()
    inc = found[0] if found else None
    if inc is None:
        print(f"error: no incident {args.incident_id!r} in {table('incidents')}", file=sys.stderr)
        return 1
    mentions = pq.read_table(table("mentions"), filters=[("mention_id", "in", inc["mention_ids"])]).to_pylist()
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
    b = sub.add_parser("build", help="build the dataset: data/*.parquet, data/manifest.json, reports/",
                       description="Build the dataset from the seeds: data/*.parquet, data/manifest.json, reports/.",
                       epilog=BUILD_EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--seeds", nargs="+", default=["seeds"], metavar="PATH", help="folders or files to read (default seeds/)")
    b.add_argument("--data", default="data", metavar="DIR", help="where the Parquet tables go (default data/)")
    b.add_argument("--reports", default="reports", metavar="DIR", help="where charts and the report page go (default reports/)")
    b.add_argument("--expectations", default="expectations", metavar="DIR", help="expectation suites (default expectations/)")
    b.add_argument("--strict", action="store_true",
                   help="treat any input error as fatal: write nothing, keep the previous outputs, exit 1")
    b.add_argument("--workers", type=int, default=None, metavar="N",
                   help="extract on N local processes (default: every core; 1 = in this process)")
    b.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="extract on the dask.distributed cluster at ADDRESS (e.g. tcp://10.0.0.5:8786; default "
                        "$DASK_SCHEDULER_ADDRESS); the workers need this project installed")
    b.add_argument("--cache-dir", default=None, metavar="DIR",
                   help="per-article extraction cache (default DATA/.cache/); delete it to re-extract everything")
    b.add_argument("--partition-by", choices=("year",), default=None,
                   help="write mentions and incidents as Hive-partitioned datasets DATA/<table>/year=YYYY/")
    b.add_argument("--progress", choices=("auto", "bar", "lines", "off"), default="auto",
                   help="extraction progress on stderr: a bar on a terminal, a line every 10 s otherwise (auto)")
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
        return EXIT_USAGE
