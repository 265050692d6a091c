"""Cancel a Processing run at a given stage and check what a cancel must leave (issue 12, point 4).

Shared by tests/qgis/test_cancel.py and tests/qgis/test_cancel_more.py: a watcher thread cancels the
run once its progress reaches a threshold (that is at a given stage: reading, computing, writing), after a
short delay so that the request falls inside the stage rather than on a progress report. The run must then
stop with a QgsProcessingException saying it was canceled:

- within 1 s of CPU time of the process after the request (the process's CPU time, not the wall clock,
  so that the load of other processes on a shared machine does not count; the wall-clock latency is
  measured by benchmarks/bench_cancel.py), and within a generous hang bound of wall time;
- leaving no output: neither the output file nor a temporary file in the output's folder, and an output
  file that existed before the run unchanged (its bytes).
"""

import hashlib
import resource
import threading
import time

from qgis.core import QgsProcessingException, QgsProcessingFeedback

#: CPU seconds allowed between the cancel request and the end of the run (the issue's bound).
CPU_BOUND_S = 1.0
#: Wall seconds after which a run that did not stop counts as hung (generous: the machine is shared).
HANG_BOUND_S = 20.0
#: Seconds between the progress reaching the threshold and the request (inside the stage).
INSIDE_STAGE_S = 0.05


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class CancelAt:
    """Cancels ``feedback`` once its progress reaches ``threshold`` % (or after ``delay`` seconds),
    recording the wall and CPU clocks at the request."""

    def __init__(self, feedback, threshold=None, delay=None):
        self.feedback, self.threshold, self.delay = feedback, threshold, delay
        self.wall = self.cpu = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        start = time.perf_counter()
        while not self._stop.is_set():
            due = (self.delay is not None and time.perf_counter() - start >= self.delay) or (
                self.threshold is not None and self.feedback.progress() >= self.threshold)
            if due:
                time.sleep(INSIDE_STAGE_S)
                self.wall, self.cpu = time.perf_counter(), cpu_seconds()
                self.feedback.cancel()
                return
            time.sleep(0.005)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False


def snapshot(folder):
    """{name: sha1} of the files of ``folder``."""
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def run_and_cancel(alg, params, folder, threshold=None, delay=None):
    """Run ``friches:<alg>``, cancel it at ``threshold`` % (or after ``delay`` s); return (exception,
    wall latency, CPU latency) after checking that the output folder is as it was."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    before = snapshot(folder)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    error = None
    with CancelAt(feedback, threshold, delay) as cancel:
        try:
            processing.run(f"friches:{alg}", params, context=context, feedback=feedback)
        except QgsProcessingException as exc:
            error = exc
        end_wall, end_cpu = time.perf_counter(), cpu_seconds()
    context.temporaryLayerStore().removeAllMapLayers()
    assert cancel.wall is not None, f"{alg} finished before the cancel at {threshold} % / {delay} s: inputs too small"
    assert error is not None, f"{alg} canceled at {threshold} % ended without an error (an empty result looks done)"
    assert "ancel" in str(error) or "nnul" in str(error), str(error)
    wall, cpu = end_wall - cancel.wall, end_cpu - cancel.cpu
    assert wall < HANG_BOUND_S, f"{alg} ran {wall:.1f} s after the cancel"
    assert cpu < CPU_BOUND_S, f"{alg} canceled at {threshold} % used {cpu:.2f} s of CPU before stopping"
    assert snapshot(folder) == before, f"{alg} canceled at {threshold} % left or changed files: {snapshot(folder)}"
    return error, wall, cpu


def previous_output(folder, name):
    """An output file the user already has at that path: a cancel must leave it as it was."""
    path = folder / name
    path.write_bytes(b"previous results, not to be damaged\n")
    return path
