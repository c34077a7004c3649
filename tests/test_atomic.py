"""Atomic outputs: a build killed at any moment leaves the previous outputs whole, and the next build recovers.

Unit tests drive etl.store.output_set directly (a staged set moves into place together, manifest last; a
failure leaves the folders as they were; a commit cut short is finished by `recover`). The slow tests run
real builds in a subprocess on a generated corpus and SIGKILL them: at named steps (ETL_TEST_KILL_AT, the
test-only hook in etl/store.py) and after seeded random delays. After every kill the previous data/ and
reports/ must be byte-identical and loadable, or, when the kill came after the commit journal was written,
`recover` must complete the new set so that every file matches data/manifest.json; then a new build succeeds.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from etl import store

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------------------------- unit


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every visible file under the folders, by path: what a reader of data/ and reports/ sees."""
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            rel = p.relative_to(folder.parent)
            if p.is_file() and not any(part.startswith(".") for part in rel.parts):
                out[rel.as_posix()] = p.read_bytes()
    return out


def hidden(*folders: Path) -> list[str]:
    return sorted(p.name for f in folders if f.is_dir() for p in f.iterdir() if p.name.startswith(".staging-"))


def stage_set(data: Path, reports: Path, version: str) -> None:
    with store.output_set(data, reports) as (sd, sr):
        store.write_text(sd / "a.txt", f"a {version}\n")
        store.write_text(sd / "b.txt", f"b {version}\n")
        store.write_text(sr / "index.html", f"<p>{version}</p>\n")
        store.write_text(sd / "manifest.json", json.dumps({"version": version}))


def test_staged_set_moves_into_place_together_manifest_last(tmp_path, monkeypatch):
    data, reports = tmp_path / "data", tmp_path / "reports"
    stage_set(data, reports, "v1")
    moved = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda s, d: (moved.append(Path(d)), real_replace(s, d)))
    stage_set(data, reports, "v2")
    finals = [d.name for d in moved if d.parent in (data, reports)]  # not the renames into the staging folder
    assert finals[-2:] == ["index.html", "manifest.json"] and sorted(finals[:-2]) == ["a.txt", "b.txt"]
    assert snapshot(data, reports) == {"data/a.txt": b"a v2\n", "data/b.txt": b"b v2\n",
                                       "data/manifest.json": b'{"version": "v2"}', "reports/index.html": b"<p>v2</p>\n"}
    assert hidden(data, reports) == []


def test_a_failing_build_changes_nothing(tmp_path):
    data, reports = tmp_path / "data", tmp_path / "reports"
    stage_set(data, reports, "v1")
    before = snapshot(data, reports)
    with pytest.raises(ZeroDivisionError):
        with store.output_set(data, reports) as (sd, sr):
            store.write_text(sd / "a.txt", "half\n")
            1 / 0
    assert snapshot(data, reports) == before and hidden(data, reports) == []


class Killed(BaseException):
    """Stands for the process dying: like SIGKILL, no `except Exception` stops it."""


def crash_at(where: str):
    def checkpoint(step: str) -> None:
        if step == where:
            raise Killed
    return checkpoint


def test_commit_cut_short_is_finished_by_recover(tmp_path, monkeypatch):
    data, reports = tmp_path / "data", tmp_path / "reports"
    stage_set(data, reports, "v1")
    monkeypatch.setattr(store, "checkpoint", crash_at("moved:b.txt"))  # between two renames
    with pytest.raises(Killed):
        stage_set(data, reports, "v2")
    # mid-commit: a.txt and b.txt are new, the manifest still the old one, and it says so
    assert (data / "b.txt").read_text() == "b v2\n" and (data / "manifest.json").read_text() == '{"version": "v1"}'
    assert hidden(data, reports)
    monkeypatch.undo()
    notes = store.recover(data, reports)
    assert notes and "completed the commit" in notes[0]
    assert snapshot(data, reports)["data/manifest.json"] == b'{"version": "v2"}'
    assert snapshot(data, reports)["reports/index.html"] == b"<p>v2</p>\n"
    assert hidden(data, reports) == []


def test_commit_cut_short_recovers_after_the_project_folder_moved(tmp_path, monkeypatch):
    data, reports = tmp_path / "old" / "data", tmp_path / "old" / "reports"
    stage_set(data, reports, "v1")
    monkeypatch.setattr(store, "checkpoint", crash_at("commit"))  # journal written, nothing moved
    with pytest.raises(Killed):
        stage_set(data, reports, "v2")
    monkeypatch.undo()
    (tmp_path / "old").rename(tmp_path / "new")  # the journal's paths are relative to data/
    data, reports = tmp_path / "new" / "data", tmp_path / "new" / "reports"
    store.recover(data, reports)
    assert snapshot(data, reports) == {"data/a.txt": b"a v2\n", "data/b.txt": b"b v2\n",
                                       "data/manifest.json": b'{"version": "v2"}', "reports/index.html": b"<p>v2</p>\n"}
    assert hidden(data, reports) == []


def test_staging_without_journal_is_discarded(tmp_path):
    data, reports = tmp_path / "data", tmp_path / "reports"
    stage_set(data, reports, "v1")
    before = snapshot(data, reports)
    (data / ".staging-123-abcd").mkdir()
    (data / ".staging-123-abcd" / "a.txt").write_text("half a build")
    (reports / ".staging-123-abcd").mkdir()
    assert len(store.recover(data, reports)) == 2
    assert snapshot(data, reports) == before and hidden(data, reports) == []


def test_a_second_build_cannot_write_at_the_same_time(tmp_path):
    data, reports = tmp_path / "data", tmp_path / "reports"
    with store.output_set(data, reports):
        with pytest.raises(store.BuildLocked, match="another build"):
            with store.output_set(data, reports):
                pass


def test_verify_names_a_file_that_does_not_match_the_manifest(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "t.parquet").write_bytes(b"one")
    (data / "manifest.json").write_text(json.dumps({"files": {"t.parquet": {"sha256": store.sha256_file(data / "t.parquet")},
                                                              "gone.parquet": {"sha256": "0" * 64}}}))
    assert store.verify(data) == [f"{data / 'gone.parquet'}: listed in the manifest but missing"]
    (data / "t.parquet").write_bytes(b"two")
    assert f"{data / 't.parquet'}: SHA-256 differs from the manifest" in store.verify(data)


# ---------------------------------------------------------------------------------------------- kills

CITIES = [("Kirkuk", "Iraq"), ("Kano", "Nigeria"), ("Kabul", "Afghanistan"), ("Mogadishu", "Somalia"),
          ("Peshawar", "Pakistan"), ("Aleppo", "Syria")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def corpus(folder: Path, n: int, version: int) -> Path:
    """n self-written articles as JSONL (version changes a few of them, so a rebuild's outputs differ)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        city, country = CITIES[i % len(CITIES)]
        killed, wounded = 2 + (i * 7 + version) % 40, 3 + (i * 5) % 30
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        text = (f"A car bomb killed {killed} people and wounded {wounded} others at a market in {city}, {country}, "
                f"on {WEEKDAYS[(day.weekday() - 1) % 7]}, police said.\n\nThe blast damaged several shops. "
                f"No group said it was responsible.") if i % 5 else \
            f"Officials in {city}, {country}, opened a new road on {WEEKDAYS[day.weekday()]}."
        lines.append(json.dumps({"id": f"story-{i}", "text": text, "title": f"Report {i} from {city}",
                                 "publication_date": day.isoformat(), "source": "Test Wire"}))
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def build_cmd(seeds: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "etl", "build", "--seeds", str(seeds), "--data", str(out / "data"),
            "--reports", str(out / "reports"), "--expectations", str(ROOT / "expectations"), "--progress", "off"]


def start_build(seeds: Path, out: Path, kill_at: str | None = None) -> tuple[subprocess.Popen, Path]:
    """A build in its own process group; output goes to files (worker processes a killed build leaves
    behind would hold a pipe open)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(store.KILL_AT_ENV, None)
    if kill_at:
        env[store.KILL_AT_ENV] = kill_at
    logs = out.parent / f"log-{time.monotonic_ns()}"
    logs.mkdir(parents=True)
    with open(logs / "stdout", "w") as stdout, open(logs / "stderr", "w") as stderr:
        proc = subprocess.Popen(build_cmd(seeds, out), cwd=ROOT, env=env, stdout=stdout, stderr=stderr,
                                start_new_session=True)
    return proc, logs


def finish_build(proc: subprocess.Popen, logs: Path, timeout: float = 120) -> tuple[int, str, str]:
    """(exit status, stdout, stderr); whatever the build started is killed with it."""
    try:
        proc.wait(timeout=timeout)
    finally:
        _kill_group(proc)
    return proc.returncode, (logs / "stdout").read_text(), (logs / "stderr").read_text()


def run_build(seeds: Path, out: Path, kill_at: str | None = None) -> tuple[int, str, str]:
    return finish_build(*start_build(seeds, out, kill_at))


def _kill_group(proc: subprocess.Popen) -> None:
    """A killed build's worker processes die with it, as they would when a machine kills the whole job."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def loadable(out: Path) -> None:
    for name in ("articles", "mentions", "incidents", "quarantine"):
        pd.read_parquet(out / "data" / f"{name}.parquet")
    json.loads((out / "data" / "manifest.json").read_text())
    assert store.verify(out / "data", out / "reports") == []


def journal_written(out: Path) -> bool:
    return any((out / "data").glob(f"{store.STAGING_PREFIX}*/{store.JOURNAL}"))


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A complete build of corpus version 1: the outputs a killed build must not damage."""
    tmp = tmp_path_factory.mktemp("previous")
    seeds_v1 = corpus(tmp / "seeds_v1", 60, version=1)
    seeds_v2 = corpus(tmp / "seeds_v2", 60, version=2)
    code, stdout, stderr = run_build(seeds_v1, tmp / "out")
    assert code == 0, stderr
    loadable(tmp / "out")
    return tmp / "out", seeds_v2


def fresh_copy(previous_out: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(previous_out, out)
    for cache in (out / "data").glob(".cache"):  # the next build must do real work, not read a cache
        shutil.rmtree(cache)
    return out


# Named steps, in build order: during extraction (no staging yet), with every file staged but no journal, with
# the journal written and nothing moved, and mid-commit (some files moved, the manifest still the old one).
# NEXT_BUILD_STEP is mid-report (some files staged); the random-delay test covers the moments in between.
BEFORE_COMMIT = ["extracted:30", "wrote:manifest.json"]
AFTER_JOURNAL = ["commit", "moved:incidents.parquet"]
NEXT_BUILD_STEP = "wrote:by_perpetrator.png"  # killed mid-report, then built again


@pytest.fixture(scope="module")
def killed(previous, tmp_path_factory):
    """Copies of the previous outputs, each with a version-2 build killed at one step (run side by side)."""
    previous_out, seeds_v2 = previous
    started = {}
    for step in [*BEFORE_COMMIT, *AFTER_JOURNAL, NEXT_BUILD_STEP]:
        out = fresh_copy(previous_out, tmp_path_factory.mktemp("killed"))
        started[step] = (out, snapshot(out / "data", out / "reports"), *start_build(seeds_v2, out, kill_at=step))
    return {step: (out, before, *finish_build(proc, logs)) for step, (out, before, proc, logs) in started.items()}


@pytest.mark.slow
@pytest.mark.parametrize("step", BEFORE_COMMIT + AFTER_JOURNAL)
def test_killed_build_leaves_previous_outputs_or_a_recoverable_commit(killed, step):
    out, before, code, _, stderr = killed[step]
    assert code == -signal.SIGKILL, f"the build was not killed at {step}: {stderr[-2000:]}"
    if step in BEFORE_COMMIT or step == "commit":
        # nothing moved yet: a reader sees exactly the previous outputs, and they load and verify
        assert not journal_written(out) or step == "commit"
        assert snapshot(out / "data", out / "reports") == before
        loadable(out)
    else:
        # mid-commit: some files are new, the manifest is still the previous one, so it does not verify yet
        assert journal_written(out)
        assert store.verify(out / "data", out / "reports") != []

    store.recover(out / "data", out / "reports")
    assert hidden(out / "data", out / "reports") == []
    loadable(out)  # a whole set: every file matches the manifest
    after = snapshot(out / "data", out / "reports")
    if step in BEFORE_COMMIT:
        assert after == before
    else:  # the journal was written: the commit is finished, the new set is in place
        assert after["data/manifest.json"] != before["data/manifest.json"]


@pytest.mark.slow
def test_next_build_after_a_kill_recovers_and_succeeds(previous, killed):
    _, seeds_v2 = previous
    out, before, code, _, _ = killed[NEXT_BUILD_STEP]
    assert code == -signal.SIGKILL and hidden(out / "data", out / "reports")
    assert snapshot(out / "data", out / "reports") == before

    code, stdout, stderr = run_build(seeds_v2, out)
    assert code == 0, stderr
    assert "recovered: removed" in stdout and ".staging-" in stdout
    assert hidden(out / "data", out / "reports") == []
    loadable(out)
    manifest = json.loads((out / "data" / "manifest.json").read_text())
    assert manifest["files"]["articles.parquet"]["rows"] == 60
    figures = pd.read_parquet(out / "data" / "mentions.parquet").set_index("article_id")["killed"]
    assert figures["story-1"] == 2 + (7 + 2) % 40  # the version-2 figure: the new corpus was built


@pytest.mark.slow
def test_kills_at_random_moments(previous, tmp_path):
    """Seeded random delays over the whole build: whatever the moment, previous outputs or a recoverable commit."""
    previous_out, seeds_v2 = previous
    rng = random.Random(20240601)
    out = fresh_copy(previous_out, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(store.KILL_AT_ENV, None)
    for delay in sorted(rng.uniform(0.5, 6.0) for _ in range(3)):
        before = snapshot(out / "data", out / "reports")
        proc = subprocess.Popen(build_cmd(seeds_v2, out), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        finished = proc.poll() is not None
        _kill_group(proc)
        proc.wait(timeout=30)
        if finished:  # a fast machine: the build was done before the kill
            assert proc.returncode == 0
        elif not journal_written(out):
            after = snapshot(out / "data", out / "reports")
            if after != before:  # killed after its commit, while it tidied up and exited: the new outputs, whole
                assert after["data/manifest.json"] != before["data/manifest.json"], f"killed after {delay:.1f} s"
                assert store.verify(out / "data", out / "reports") == [], f"killed after {delay:.1f} s"
        store.recover(out / "data", out / "reports")
        loadable(out)
        assert hidden(out / "data", out / "reports") == []


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")
def test_worker_processes_die_with_a_killed_build(tmp_path):
    """SIGKILL gives the build no chance to stop its pools: their processes must not live on without it."""
    import psutil

    seeds = corpus(tmp_path / "seeds", 400, 1)  # enough articles to start the extraction pool
    out = tmp_path / "out"
    proc, logs = start_build(seeds, out)
    build = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    children: list = []
    while time.monotonic() < deadline and len(children) < 2:  # the validation process and the extraction pool
        children = build.children(recursive=True)
        time.sleep(0.05)
    assert len(children) >= 2, "the build started no worker processes"
    proc.kill()  # the build process only, not its process group
    proc.wait(timeout=30)
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"workers outlived the build: {[p.pid for p in alive]}"
