"""Where extraction runs: in this process, on local worker processes, or on a Dask cluster. Same results.

Each engine takes batches of articles and returns, per article, the cache payload of `extract_batch` (the
mention rows as JSON, or why extraction failed). Results are read back in submission order, so the build's
output does not depend on which worker finished first.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from etl.schema import Article, Mention

SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"


def extract_batch(articles: list[Article]) -> list[str]:
    """Extract each article; one payload per article (etl.cache.encode). Pure: what runs on a worker."""
    from etl.cache import encode
    from etl.extract import extract_article

    out = []
    for article in articles:
        try:
            mentions = [_row(m) for m in extract_article(article)]
        except Exception as exc:  # one article's text must not stop the build; it becomes an article error
            out.append(encode(failure=f"{type(exc).__name__}: {exc}"))
        else:
            out.append(encode(mentions))
    return out


# A mention's fields are plain values (str, int, float, bool, date): a shallow dict of them is what
# dataclasses.asdict gives, without its deep copy of every value.
_MENTION_FIELDS = tuple(f.name for f in dataclasses.fields(Mention))


def _row(mention: Mention) -> dict:
    return {name: getattr(mention, name) for name in _MENTION_FIELDS}


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Engine(Protocol):
    name: str
    batch_size: int   # articles per task
    in_flight: int    # tasks submitted ahead of the one being read

    def submit(self, articles: list[Article]) -> "Future[list[str]]": ...
    def close(self) -> None: ...


class _Now:
    """A result computed when asked for, in this process: ingest and extraction take turns."""

    def __init__(self, articles: list[Article]):
        self._articles = articles

    def result(self) -> list[str]:
        return extract_batch(self._articles)


class SerialEngine:
    name = "1 process"
    batch_size = 32
    in_flight = 1

    def submit(self, articles):
        return _Now(articles)

    def close(self) -> None:
        pass


class LocalEngine:
    """A pool of forked worker processes, started only once more than IN_PROCESS articles need extracting.
    Loading the extractor's tables takes about a second per process: for the few articles a rebuild after
    some edits extracts, loading them once in the build process itself is cheaper, so the first IN_PROCESS
    articles are extracted there, as they are submitted. A corpus with more then starts the pool for the rest;
    its workers, forked from the build process, share the tables it has loaded rather than loading their own."""

    batch_size = 32
    IN_PROCESS = 64  # articles extracted in the build process before the pool is started

    def __init__(self, workers: int):
        self.workers = workers
        self.in_flight = 3 * workers
        self._pool: ProcessPoolExecutor | None = None
        self._in_process = 0  # articles given to the build process so far

    @property
    def name(self) -> str:
        if self._pool is None and self._in_process:
            return "the build process (too few articles to start worker processes)"
        return f"{self.workers} local processes"

    def submit(self, articles):
        if self._pool is None and self._in_process + len(articles) <= self.IN_PROCESS:
            self._in_process += len(articles)
            done: Future = Future()
            done.set_result(extract_batch(articles))  # now, so that a pool started later inherits the tables
            return done
        if self._pool is None:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                             initializer=_start_worker, initargs=(os.getpid(),))
        return self._pool.submit(extract_batch, articles)

    def close(self) -> None:  # safe to call twice
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Extraction on a dask.distributed cluster. The workers must run the same extractor code (install this
    project on them); its version is checked on every worker before anything is sent."""

    batch_size = 200  # a task costs the scheduler a few ms: batches of hundreds of articles amortise it

    def __init__(self, address: str):
        from distributed import Client

        from etl.extract import extractor_version

        self.client = Client(address, set_as_default=False)
        versions = self.client.run(_worker_version)
        if not versions:
            self.client.close()
            raise RuntimeError(f"the Dask cluster at {address} has no workers")
        mine = extractor_version()
        other = {w: v for w, v in versions.items() if v != mine}
        if other:
            self.client.close()
            raise RuntimeError(f"Dask workers run another extractor version than this build ({mine}): "
                               + ", ".join(f"{w} has {v}" for w, v in sorted(other.items()))
                               + "; install this project's code on the workers")
        threads = sum(self.client.nthreads().values())
        self.name = f"Dask cluster at {address} ({len(versions)} workers, {threads} threads)"
        self.in_flight = 2 * threads

    def submit(self, articles):
        return self.client.submit(extract_batch, articles, pure=False)

    def close(self) -> None:
        self.client.close()


def make_engine(workers: int | None = None, scheduler: str | None = None) -> Engine:
    """`scheduler` (or $DASK_SCHEDULER_ADDRESS) -> Dask; else `workers` local processes (default: all cores)."""
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
    if scheduler:
        return DaskEngine(scheduler)
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    return SerialEngine() if workers == 1 else LocalEngine(workers)


def die_with_parent(parent: int) -> None:
    """Make this (forked) worker die with the build process that started it. A SIGKILLed build gets no chance
    to stop its pools, and their processes would live on, holding memory; on Linux the kernel sends the
    worker SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG). Elsewhere this does nothing."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)


def _start_worker(parent: int) -> None:
    die_with_parent(parent)
    _warm()


def _warm() -> None:
    """Load the extractor's tables (gazetteer, rules and their ASCII twins) now rather than inside the first
    article's timing: a text with a figure, a place, a date and a claimant reads them all."""
    import datetime as dt

    extract_batch([Article(article_id="warm-up", path="", text="Two people were killed in Kabul on Monday. "
                                                                  "The Taliban claimed responsibility.",
                           publication_date=dt.date(2020, 1, 1))])


def _worker_version() -> str:
    from etl.extract import extractor_version

    return extractor_version()
