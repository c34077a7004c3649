"""Progress of the extraction: a live bar with articles/s on a terminal, plain periodic lines in logs and CI."""
from __future__ import annotations

import os
import sys
import time

LOG_EVERY_S = 10.0  # a line every this many seconds when the output is a log, not a terminal


class Progress:
    """Count articles as they are done. `mode`: "bar", "lines", "off", or None to choose by the stream."""

    def __init__(self, what: str = "articles", stream=None, mode: str | None = None, log_every: float = LOG_EVERY_S):
        self.stream = stream if stream is not None else sys.stderr
        if mode is None:
            tty = hasattr(self.stream, "isatty") and self.stream.isatty()
            mode = "bar" if tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb" else "lines"
        self.mode, self.what, self.log_every = mode, what, log_every
        self.done = self.cached = 0
        self.t0 = self._last = time.perf_counter()
        self._bar = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(unit=" " + what, file=self.stream, dynamic_ncols=True, smoothing=0.1,
                             desc="extract", mininterval=0.2)

    def update(self, n: int, cached: int = 0) -> None:
        self.done += n
        self.cached += cached
        if self._bar is not None:
            self._bar.update(n)
            self._bar.set_postfix_str(f"{self.cached} cached", refresh=False)
        elif self.mode == "lines":
            now = time.perf_counter()
            if now - self._last >= self.log_every:
                self._last = now
                self._line(now)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.mode == "lines" and self.done:
            self._line(time.perf_counter(), final=True)

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.t0
        return self.done / elapsed if elapsed > 0 else 0.0

    def _line(self, now: float, final: bool = False) -> None:
        elapsed = now - self.t0
        print(f"extract: {self.done} {self.what}{' in total' if final else ''}, {self.cached} from the cache, "
              f"{self.done / elapsed if elapsed else 0:.0f} {self.what}/s, {elapsed:.0f} s", file=self.stream,
              flush=True)
