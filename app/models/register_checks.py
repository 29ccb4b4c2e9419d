"""Checking every record of the register, on both cores.

The register window (app.ui.register_model) checks every record after it paints: the rules
(`check_patent_parts`) on each row, keeping the type and expiry they work out for the sort
keys. On a large register a worker process checks part of the rows beside the window's worker
thread: this module is what that process runs, so it imports neither Qt nor SQLAlchemy, and
the process starts with the rules alone.

The two share the rows by chunks: the process takes them from the last chunk down, the
thread from the first up, until they meet, so neither waits for the other and a process that
starts late, or not at all, leaves the thread to do the rest. The rows go to the process as
the plain tuples the store reads (pickled without a memo: a few ms for 50,000); what comes
back per row is small: the findings as tuples of plain values, the type and the expiry text.
`Decoder` rebuilds the findings in the window's process, one `Finding` per distinct finding.

Protocol over one `multiprocessing` pipe, each message a pickle (parent → process: after a
byte saying whether rows or a control message follow, so that the process can look ahead for
a stop without unpickling the rows queued before it):
  `("job", job, today's ordinal, chunk size, chunks)`: a job, replacing any under way; then
  `("rows", job, i, rows)` for each chunk i from the last down, sent by a thread of the parent
  as the process takes them (so the window's threads are not held up pickling 50,000 rows
  at once, and the process starts on the last chunk before the first is sent);
  `("stop", job)`: stop after the chunk in hand and send what is done; `None` or the pipe
  closed: exit.
(process → parent): `("done", job, i)` after each chunk; when the job ends,
`("part", job, i, results)` for each chunk done (pickled as it was checked, held until then so
that a parent busy elsewhere does not leave the process waiting on a full pipe), then
`("result", job, low, peak memory in kB)`: the chunks from `low` to the last are done.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
import sys
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.models.findings import Finding, Severity
from app.models.patent_rules import check_patent_parts
from app.models.register_table import RegisterTuple, fields_of

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# A row's result: its findings, the type the rules worked out (its value, None when unknown)
# and its expiry as ISO text ("" when none).
RowResult = tuple[list[Finding], str | None, str]
# The same with each finding as (code, field, severity, its params' items).
EncodedFinding = tuple[str, str, str, tuple[tuple[str, Any], ...]]
EncodedResult = tuple[tuple[EncodedFinding, ...], str | None, str]

CHUNK = 2000  # rows per chunk: what either side may check twice when they meet


def check_row(raw: RegisterTuple, today: dt.date) -> RowResult:
    """The findings, type and expiry of one register row (the rules on its fields)."""
    findings, _number, kind, expiry = check_patent_parts(fields_of(raw), today=today)
    return findings, (kind.value if kind is not None else None), (
        expiry.date.isoformat() if expiry is not None else "")


def encode(result: RowResult) -> EncodedResult:
    findings, kind, expiry = result
    return tuple((f.code, f.field, f.severity.value, tuple(f.params.items()))
                 for f in findings), kind, expiry


class Decoder:
    """Rebuilds encoded results, keeping one `Finding` per distinct finding (frozen, so the
    rows may share it): a warning repeated over thousands of rows is one object."""

    def __init__(self) -> None:
        self._known: dict[EncodedFinding, Finding] = {}

    def findings(self, encoded: tuple[EncodedFinding, ...]) -> list[Finding]:
        found = []
        known = self._known
        for item in encoded:
            finding = known.get(item)
            if finding is None:
                code, field, severity, params = item
                finding = known[item] = Finding(code, field, Severity(severity), dict(params))
            found.append(finding)
        return found


def dumps_fast(message: Any) -> bytes:
    """`message` pickled without a memo (rows hold no cycles): five times faster than with
    one."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(message)
    return buffer.getvalue()


def serve(connection: Connection) -> None:
    """The worker process: runs jobs until told to exit or its pipe closes (the window's
    process ended, however it ended)."""
    inbox: deque[bytes] = deque()  # messages read ahead, still pickled (rows are 5× smaller so)
    try:
        while True:
            message = _load(inbox.popleft() if inbox else connection.recv_bytes())
            if message is None:
                return
            if message[0] == "job" and not _run_job(connection, inbox, *message[1:]):
                return
    except (EOFError, OSError, KeyboardInterrupt):
        return


# Each message to the process starts with a byte saying what follows: rows, or a control
# message (a job, a stop, exit), which the process reads ahead without unpickling the rows.
ROWS, CONTROL = b"R", b"C"


def _load(message: bytes) -> Any:
    return pickle.loads(memoryview(message)[1:])


def _control(message: Any) -> bytes:
    return CONTROL + pickle.dumps(message)


def _run_job(connection: Connection, inbox: deque[bytes], job: int, ordinal: int, chunk: int,
             chunks: int) -> bool:
    """Checks the chunks from the last down as they come; False when told to exit. A new job
    ends this one (and is left first in `inbox`)."""
    from app.models.patent_number import forget_parsed

    today = dt.date.fromordinal(ordinal)
    # Each chunk's results, pickled as soon as made (a fifth of their size as objects), sent
    # when the job ends: sent as they came, they filled the pipe while the window's process
    # was busy opening its database, and the process stood waiting for it to read them.
    parts: list[bytes] = []
    low = chunks
    while low > 0:
        while connection.poll():  # what is queued: a stop may wait behind rows
            inbox.append(connection.recv_bytes())
        control = [_load(m) for m in inbox if m[:1] == CONTROL]
        if None in control:
            return False
        if any(m[0] == "job" or m == ("stop", job) for m in control):
            break
        message = _load(inbox.popleft() if inbox else connection.recv_bytes())
        if message is None:
            return False
        if message[0] != "rows" or message[1] != job:
            continue  # a stop of an earlier job (a new job was seen above)
        low = message[2]
        parts.append(pickle.dumps(
            ("part", job, low, [encode(check_row(raw, today)) for raw in message[3]]),
            pickle.HIGHEST_PROTOCOL))
        del message
        forget_parsed()  # each number is read once here: no use remembering 50,000
        connection.send_bytes(pickle.dumps(("done", job, low)))
    while inbox and _stale(inbox[0]):
        inbox.popleft()  # what was sent for this job
    while parts:
        connection.send_bytes(parts.pop())
    connection.send_bytes(pickle.dumps(("result", job, low, peak_rss_kb())))
    return True


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB, from its own start: Linux's VmHWM (its
    getrusage figure would count the parent's pages between fork and exec), else getrusage."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _stale(message: bytes) -> bool:
    """Rows, or a stop: what a job that has ended leaves (a new job or exit is kept)."""
    if message[:1] == ROWS:
        return True
    what = _load(message)
    return what is not None and what[0] != "job"


def report_modules(connection: Connection) -> None:
    """A process target that sends the names of the modules loaded in it, then ends: how a
    spawned child of this application starts (the start-up report, the tests: no Qt, no
    SQLAlchemy, no window)."""
    connection.send_bytes(pickle.dumps(sorted(sys.modules)))
    connection.close()


def spawned_modules(timeout: float = 60.0) -> list[str] | None:
    """The modules a spawned child has loaded on its way to its target (None: no answer)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=report_modules, args=(child,), daemon=True)
    process.start()
    child.close()
    try:
        return pickle.loads(parent.recv_bytes()) if parent.poll(timeout) else None
    except (EOFError, OSError):
        return None
    finally:
        parent.close()
        process.join(5)
        if process.is_alive():
            process.kill()


class CheckProcess:
    """The window's side of the worker process: started with a job, fed from one thread (the
    window's check thread, after the start), ended by `close` or `kill`.

    Starting raises what `multiprocessing` raises when no process can be made (OSError …):
    the caller then checks on its thread. A process that dies later shows as `alive` False,
    `finish` giving None: the caller checks what it did not get.
    """

    def __init__(self, rows: Sequence[RegisterTuple], today: dt.date, chunk: int = CHUNK
                 ) -> None:
        import multiprocessing
        import threading

        context = multiprocessing.get_context("spawn")  # Windows has no other; no Qt forked
        self._connection, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child,),
                                        name="licence-desk-checks", daemon=True)
        self._send_lock = threading.Lock()
        self._job = 0
        self._sending = 0  # the job whose rows the sending thread may still send
        self.peak_rss_kb = 0  # the process's own peak, as it reported it with its results
        self.alive = True
        try:
            self._process.start()
        except BaseException:
            self._connection.close()
            raise
        finally:
            child.close()
        self.submit(rows, today, chunk)

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def submit(self, rows: Sequence[RegisterTuple], today: dt.date, chunk: int = CHUNK) -> None:
        """A new job (replacing the one under way): `rows`, checked from the last chunk."""
        import threading

        self._job += 1
        self.chunk = chunk
        self.chunks = -(-len(rows) // chunk)
        self.low = self.chunks  # the lowest chunk the process said it has done
        self._parts: dict[int, list[EncodedResult]] = {}  # chunk → its results, as they come
        self._result: tuple[int, list[EncodedResult]] | None = None  # when the job ended
        self._sending = job = self._job
        # Sent from a thread of its own: the pipe takes the bytes as the process reads them,
        # and it reads them once it has started, which is not to be waited for here.
        threading.Thread(target=self._send_rows, args=(job, today, chunk, self.chunks, list(rows)),
                         name="register-checks-send", daemon=True).start()

    def _send_rows(self, job: int, today: dt.date, chunk: int, chunks: int,
                   rows: list[RegisterTuple]) -> None:
        try:
            with self._send_lock:
                self._connection.send_bytes(_control(
                    ("job", job, today.toordinal(), chunk, chunks)))
            for i in reversed(range(chunks)):
                data = ROWS + dumps_fast(("rows", job, i, rows[i * chunk:(i + 1) * chunk]))
                with self._send_lock:
                    if self._sending != job:  # stopped, or another job
                        return
                    self._connection.send_bytes(data)
        # The process ended, or `close` gave up waiting for the lock and closed the pipe
        # under a blocked write: multiprocessing then fails with TypeError (its handle is None).
        except (OSError, ValueError, TypeError):
            self.alive = False

    def poll_done(self) -> int:
        """The lowest chunk the process has checked so far (`chunks` when none, or when the
        process has died: then it checks nothing more)."""
        try:
            while self.alive and self._connection.poll():
                self._take(self._connection.recv_bytes())
        except (EOFError, OSError, ValueError):
            self._died()
        return self.low

    def _take(self, message: bytes) -> None:
        what = pickle.loads(message)
        if what[1] == self._job:
            if what[0] == "done":
                self.low = min(self.low, what[2])
            elif what[0] == "part":
                self._parts[what[2]] = what[3]
            elif what[0] == "result":
                low = what[2]
                parts, self._parts = self._parts, {}
                self._result = low, [r for i in range(low, self.chunks) for r in parts[i]]
                self.peak_rss_kb = what[3]
                self.low = min(self.low, low)

    def _died(self) -> None:
        self.alive = False
        self.low = self.chunks

    def finish(self, timeout: float = 30.0) -> tuple[int, list[EncodedResult]] | None:
        """Stops the job and returns (the first chunk it covers, the results of the chunks
        from there to the last); None when the process died or did not answer in time."""
        import time

        if self._result is not None:
            return self._result
        if not self.alive:
            return None
        with self._send_lock:
            self._sending = 0
            try:
                self._connection.send_bytes(_control(("stop", self._job)))
            except (OSError, ValueError):
                self._died()
                return None
        deadline = time.monotonic() + timeout
        try:
            while self._connection.poll(max(deadline - time.monotonic(), 0)):
                self._take(self._connection.recv_bytes())
                if self._result is not None:
                    return self._result
        except (EOFError, OSError, ValueError):
            pass
        self._died()
        return None

    def kill(self) -> None:
        """Ends the process at once (any thread): a cancelled check, the window closing."""
        self.alive = False
        try:
            self._process.kill()
        except (OSError, ValueError, AttributeError):
            pass

    def close(self) -> None:
        """Ends the process (asked to exit; killed if it has not within a second) and the
        pipe; from the thread that fed it."""
        self._sending = 0
        if self.alive and self._send_lock.acquire(timeout=1.0):
            try:
                self._connection.send_bytes(_control(None))
            except (OSError, ValueError):
                pass
            finally:
                self._send_lock.release()
        self._process.join(1.0)
        if self._process.is_alive():
            self.kill()
            self._process.join(1.0)
        self.alive = False
        self._connection.close()
