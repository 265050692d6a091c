"""HiGHS (``scipy.optimize.milp``) run in a child process, so that a cancel stops it at once.

Why: ``scipy.optimize.milp`` takes no callback and cannot be interrupted: a solve runs until its time limit
(20 s by default for the programme), holding the thread that called it. Solving in slices of a short
time limit is no answer either: each call starts HiGHS's search again from scratch (scipy gives it no
starting solution), so a programme that needs 10 s would never be found in slices of 1 s. The solves of
one run are therefore sent to one child Python process (started once, about 0.3 s to import scipy) and
the parent waits for each answer in steps of 50 ms, checking the cancel button: a cancel kills the child
(its CPU stops with it) and raises :class:`~core.progress.Canceled`.

When no Python interpreter can be found for the child (a QGIS whose ``sys.executable`` is the QGIS binary
and no ``python3`` beside it), the solves run in this process as before; cancel is then checked before
and after each solve only.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import shutil
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Optional

from ..progress import Canceled, NullProgress

CHILD = Path(__file__).resolve().parent / "milp_child.py"
#: Seconds between two checks of the cancel button while the child solves.
POLL_S = 0.05


class SolverError(RuntimeError):
    """The child process failed (it died, or scipy raised): the message says why."""


def python_executable() -> Optional[str]:
    """A Python interpreter of this Python's version, to run the child (None when none is found).
    ``sys.executable`` is the QGIS binary inside QGIS on Linux and Windows: the interpreter is then looked
    for beside it and in ``sys.exec_prefix``."""
    exe = Path(sys.executable) if sys.executable else None
    if exe is not None and exe.name.lower().startswith("python") and exe.exists():
        return str(exe)
    major, minor = sys.version_info[:2]
    names = [f"python{major}.{minor}", f"python{major}", "python"]
    folders = [Path(sys.exec_prefix) / "bin", Path(sys.exec_prefix)]
    if exe is not None:
        folders.append(exe.parent)
    for folder in folders:
        for name in names:
            for candidate in (folder / name, folder / f"{name}.exe"):
                if candidate.is_file() and os.access(candidate, os.X_OK):
                    return str(candidate)
    found = shutil.which(f"python{major}.{minor}")
    return found


def _pack(value) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return struct.pack("<Q", len(data)) + data


def _read_message(stream):
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack("<Q", head)
    return pickle.loads(stream.read(size))


class MilpProcess:
    """``with MilpProcess(progress) as solver: solver.milp(...)``: the solves of one run, in a child
    process killed by a cancel. ``in_process=True`` (or no interpreter found) solves in this process."""

    def __init__(self, progress=None, in_process: bool = False):
        self.progress = progress or NullProgress()
        self.python = None if in_process else python_executable()
        self._proc = None
        self._answers = None

    # -- life of the child --------------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _start(self):
        if self._proc is not None:
            return
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        self._proc = subprocess.Popen([self.python, str(CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, creationflags=flags)
        self._answers = queue.Queue()
        reader = threading.Thread(target=self._read_answers, args=(self._proc.stdout, self._answers), daemon=True)
        reader.start()
        self._send([p for p in sys.path if isinstance(p, str)])
        if self._wait() != "ready":
            raise SolverError("the solver process did not start")

    @staticmethod
    def _read_answers(stream, answers):
        while True:
            try:
                message = _read_message(stream)
            except Exception:  # a broken pipe: the child was killed
                message = None
            answers.put(message)
            if message is None:
                return

    def _send(self, value):
        try:
            self._proc.stdin.write(_pack(value))
            self._proc.stdin.flush()
        except OSError as exc:
            self.kill()
            raise SolverError(f"the solver process stopped ({exc})") from exc

    def _wait(self):
        """The child's next answer; a cancel kills the child and raises :class:`Canceled`."""
        while True:
            if self.progress.canceled:
                self.kill()
                raise Canceled()
            try:
                answer = self._answers.get(timeout=POLL_S)
            except queue.Empty:
                continue
            if answer is None:
                code = self._proc.poll()
                self.kill()
                raise SolverError(f"the solver process ended (code {code})")
            return answer

    def kill(self):
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()

    def close(self):
        """End the child (an empty message), or kill it when it does not answer."""
        proc = self._proc
        if proc is None:
            return
        try:
            proc.stdin.write(struct.pack("<Q", 0))
            proc.stdin.flush()
            proc.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()

    # -- solving --------------------------------------------------------------------------------------
    def milp(self, c, integrality, lower, upper, matrix, lo, hi, options):
        """``scipy.optimize.milp`` of these arrays (``matrix`` a scipy CSR matrix); its OptimizeResult."""
        from scipy.optimize import OptimizeResult

        self.progress.check()
        if self.python is None:
            from scipy.optimize import Bounds, LinearConstraint, milp

            res = milp(c, integrality=integrality, bounds=Bounds(lower, upper),
                       constraints=LinearConstraint(matrix, lo, hi), options=options)
            self.progress.check()
            return res
        self._start()
        self._send({"c": c, "integrality": integrality, "lower": lower, "upper": upper, "data": matrix.data,
                    "indices": matrix.indices, "indptr": matrix.indptr, "shape": matrix.shape, "lo": lo, "hi": hi,
                    "options": options})
        answer = self._wait()
        if "error" in answer:
            raise SolverError(answer["error"])
        return OptimizeResult(answer["ok"])
