"""The child side of :mod:`core.costs.milp_process`: solves the MILPs its parent sends, one at a time.

Run as a script by the parent (``python milp_child.py``); it imports nothing of the plugin, only numpy and
scipy, so that it starts in the same Python whatever the plugin's package name. Protocol on stdin/stdout:
each message is an 8-byte little-endian length followed by a pickle. The first message is the parent's
``sys.path`` (so that the child finds the same scipy); then each job is a dict of the arguments of
``scipy.optimize.milp`` (the constraint matrix as CSR arrays) answered by the fields of its result. An
empty message (length 0) or the end of stdin ends the child.
"""

import pickle
import struct
import sys


def _read(stream):
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack("<Q", head)
    if size == 0:
        return None
    return pickle.loads(stream.read(size))


def _write(stream, value):
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)))
    stream.write(data)
    stream.flush()


def solve(job):
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix

    matrix = csr_matrix((job["data"], job["indices"], job["indptr"]), shape=job["shape"])
    res = milp(job["c"], integrality=job["integrality"], bounds=Bounds(job["lower"], job["upper"]),
               constraints=LinearConstraint(matrix, job["lo"], job["hi"]), options=job["options"])
    return {key: res[key] for key in ("x", "status", "fun", "message", "success", "mip_dual_bound", "mip_gap",
                                      "mip_node_count") if key in res}


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    paths = _read(stdin)
    if paths is None:
        return
    sys.path[:] = [p for p in paths if p] + [p for p in sys.path if p not in paths]
    import scipy.optimize  # noqa: F401  (imported before the first job: the parent waits for "ready")

    _write(stdout, "ready")
    while True:
        job = _read(stdin)
        if job is None:
            return
        try:
            _write(stdout, {"ok": solve(job)})
        except Exception as exc:  # sent back: the parent raises it with its own message
            _write(stdout, {"error": f"{type(exc).__name__}: {exc}"})


if __name__ == "__main__":
    main()
