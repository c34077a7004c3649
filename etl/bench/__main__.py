"""`make bench`: extraction speed, build time, peak memory and incremental rebuild time on generated corpora.

    python -m etl.bench [N ...]        (default: 1000 10000, plus $BENCH_N, e.g. BENCH_N=100000)

For each N: a corpus of N articles (etl/bench/corpus.py, seed 7) is written under .bench/ (kept between runs),
then
- spaCy reference: the same texts tokenised by spacy.blank("en") in this process (one core);
- extraction per core: the same texts through etl.engine.extract_batch in this process (one core; at most
  BENCH_SAMPLE articles, default 1000), and the ratio of the two times per article (<= 1.0: extraction is at
  least as fast as tokenising alone);
- full build: `python -m etl build` on an empty data folder (so an empty cache), every core; wall time and
  peak memory (RSS of the build process, and of it plus its workers, sampled every 0.1 s);
- incremental build: one article edited, build again; wall time, and that exactly one article was extracted.
Figures are printed as a table and written to .bench/results.json. Targets are printed beside them.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

from etl.bench import corpus

ROOT = Path(__file__).resolve().parents[2]  # the repository: etl/bench/__main__.py
OUT = Path(os.environ.get("BENCH_DIR", ROOT / ".bench"))
CODE = OUT / "code"  # the snapshot of etl/ the builds run
SEED = 7
SAMPLE = int(os.environ.get("BENCH_SAMPLE", "1000"))
TARGETS = {"ratio": 1.0, "per_core": 200.0, "peak_mb": 1024.0, "incremental_share": 0.10}


def main(argv: list[str]) -> int:
    sizes = [int(x) for x in argv] or [1000, 10000]
    sizes += [int(x) for x in os.environ.get("BENCH_N", "").replace(",", " ").split() if x]
    sizes = list(dict.fromkeys(sizes))
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"bench: N = {', '.join(map(str, sizes))}; {psutil.cpu_count()} cores; corpora under {OUT}")
    results = []
    for n in sizes:
        results.append(run(n))
        _table(results)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {OUT / 'results.json'}")
    return 0


def run(n: int) -> dict:
    seeds = _corpus(n)
    _snapshot()
    r = {"n": n, "cores": psutil.cpu_count()}
    sample = [corpus.article(SEED, i) for i in range(min(n, SAMPLE))]
    r["words_per_article"] = sum(len(a["text"].split()) for a in sample) / len(sample)
    r.update(_reference(sample))
    data, reports = OUT / f"data-{n}", OUT / f"reports-{n}"
    shutil.rmtree(data, ignore_errors=True)
    print(f"\n[N={n}] full build (empty cache) ...", flush=True)
    full = _build(seeds, data, reports)
    r["full_build_s"], r["peak_rss_mb"], r["peak_tree_rss_mb"] = full["wall"], full["rss"], full["tree"]
    r["peak_tree_pss_mb"], r["peak_after"] = full["pss"], full["peak_after"]
    r["build_articles_per_s"] = n / full["extract_s"] if full["extract_s"] else None
    r["build_articles_per_s_per_core"] = r["build_articles_per_s"] / r["cores"] if r["build_articles_per_s"] else None
    edited = sorted(seeds.rglob("*.txt"))[n // 2]
    original = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(original + "\nLater, officials said three more people had been killed in the attack.\n",
                          encoding="utf-8")
        print(f"[N={n}] incremental build after editing {edited.name} ...", flush=True)
        inc = _build(seeds, data, reports)
    finally:
        edited.write_text(original, encoding="utf-8")
    r["incremental_s"], r["incremental_extracted"] = inc["wall"], inc["extracted"]
    r["incremental_share"] = inc["wall"] / full["wall"]
    r["incidents"], r["mentions"] = full["rows"].get("incidents"), full["rows"].get("mentions")
    return r


def _corpus(n: int) -> Path:
    seeds = OUT / f"corpus-{n}"
    stamp = seeds / ".complete"
    want = f"n={n} seed={SEED} generator={_file_hash(Path(corpus.__file__))}"
    if not (stamp.exists() and stamp.read_text() == want):
        shutil.rmtree(seeds, ignore_errors=True)
        t = time.perf_counter()
        corpus.write(seeds, n, SEED)
        stamp.write_text(want)
        print(f"[N={n}] wrote the corpus in {time.perf_counter() - t:.1f} s", flush=True)
    return seeds


def _reference(sample: list[dict]) -> dict:
    """spaCy's blank English tokenizer and our extractor on the same texts, one core each, this process."""
    import datetime as dt

    import spacy

    from etl.engine import _warm, extract_batch
    from etl.schema import Article

    texts = [a["text"] for a in sample]
    nlp = spacy.blank("en")
    t = time.perf_counter()
    tokens = sum(len(nlp.make_doc(x)) for x in texts)
    spacy_s = time.perf_counter() - t
    _warm()
    articles = [Article(article_id=a["id"], path="", text=a["text"], title=a["title"], publisher=a["source"],
                        publication_date=dt.date.fromisoformat(a["publication_date"])) for a in sample]
    t = time.perf_counter()
    extract_batch(articles)
    extract_s = time.perf_counter() - t
    return {"sample": len(texts), "tokens_per_article": tokens / len(texts),
            "spacy_articles_per_s": len(texts) / spacy_s, "extract_articles_per_s_per_core": len(texts) / extract_s,
            "ratio": extract_s / spacy_s}


def _snapshot() -> None:
    """Copy the code under test: the full and the incremental build must run the same extractor version,
    even if someone edits etl/ meanwhile (an edit would rightly invalidate the cache)."""
    shutil.rmtree(CODE, ignore_errors=True)
    shutil.copytree(ROOT / "etl", CODE / "etl", ignore=shutil.ignore_patterns("__pycache__"))


def _build(seeds: Path, data: Path, reports: Path) -> dict:
    cmd = [sys.executable, "-m", "etl", "build", "--seeds", str(seeds.resolve()), "--data", str(data.resolve()),
           "--reports", str(reports.resolve()), "--expectations", str(ROOT / "expectations"), "--progress", "lines"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=CODE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    parent = psutil.Process(proc.pid)
    rss = tree = pss = 0
    peak_after = ""  # the last log line printed before the peak PSS: the stage that holds the most memory
    lines: list[str] = []
    import threading

    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    while proc.poll() is None:
        try:
            kids = parent.children(recursive=True)
            mine = parent.memory_info().rss
            tree = max(tree, mine + sum(c.memory_info().rss for c in kids))
            # PSS: each page shared between the build and its forked workers counted once, split between them
            now = sum(p.memory_full_info().pss for p in [parent, *kids])
            if now > pss:
                pss, peak_after = now, (lines[-1].strip() if lines else "(start)")
            rss = max(rss, mine)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t
    reader.join()
    out = "".join(lines)
    if proc.returncode not in (0, 3):
        print(out)
        raise SystemExit(f"build failed with exit status {proc.returncode}")
    extracted = re.search(r"extracted (\d+) articles", out)
    phase = re.search(r"extract: (\d+) articles in total, \d+ from the cache, \d+ articles/s, (\d+) s", out)
    rows = {m.group(1): int(m.group(2)) for m in re.finditer(r"wrote \S+/(\w+)[./].*?\((\d+) rows\)", out)}
    return {"wall": wall, "rss": rss / 2**20, "tree": tree / 2**20, "pss": pss / 2**20, "peak_after": peak_after,
            "extracted": int(extracted.group(1)) if extracted else None,
            "extract_s": float(phase.group(2)) if phase else None, "rows": rows, "log": out}


def _file_hash(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _table(results: list[dict]) -> None:
    def ok(good: bool) -> str:
        return "met" if good else "NOT MET"

    print("\n" + "=" * 100)
    for r in results:
        print(f"N = {r['n']:,} articles (~{r['words_per_article']:.0f} words, {r['mentions']} mentions, "
              f"{r['incidents']} incidents; {r['cores']} cores)")
        print(f"  spaCy blank('en') tokenizer, 1 core : {r['spacy_articles_per_s']:9.1f} articles/s "
              f"(sample of {r['sample']})")
        print(f"  extraction, 1 core                  : {r['extract_articles_per_s_per_core']:9.1f} articles/s   "
              f"target >= {TARGETS['per_core']:.0f}: {ok(r['extract_articles_per_s_per_core'] >= TARGETS['per_core'])}")
        print(f"  ratio extraction/spaCy time per art. : {r['ratio']:9.2f}            "
              f"target <= {TARGETS['ratio']:.1f}: {ok(r['ratio'] <= TARGETS['ratio'])}")
        if r.get("build_articles_per_s"):
            print(f"  extraction in the build, all cores  : {r['build_articles_per_s']:9.1f} articles/s "
                  f"({r['build_articles_per_s_per_core']:.1f} per core)")
        print(f"  full build (empty cache)            : {r['full_build_s']:9.1f} s")
        print(f"  peak memory, build process (RSS)     : {r['peak_rss_mb']:7.0f} MB")
        print(f"  peak memory, with its workers        : {r['peak_tree_pss_mb']:7.0f} MB PSS ({r['peak_tree_rss_mb']:.0f} MB "
              f"summing RSS, shared pages counted in each process)   target < {TARGETS['peak_mb']:.0f} MB: "
              f"{ok(r['peak_tree_pss_mb'] < TARGETS['peak_mb'])}")
        print(f"  the peak came after the log line     : {r.get('peak_after', '')[:60]}")
        print(f"  incremental build, 1 article edited  : {r['incremental_s']:9.1f} s ({r['incremental_extracted']} "
              f"extracted) = {100 * r['incremental_share']:.1f}% of the full build   "
              f"target < {100 * TARGETS['incremental_share']:.0f}%: {ok(r['incremental_share'] < TARGETS['incremental_share'])}")
    print("=" * 100, flush=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
