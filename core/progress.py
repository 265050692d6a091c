"""Progress and cancellation for long computations, without Qt.

Why: the core must report progress and stop when the user cancels, but must not import QGIS. A Processing
adapter wraps its ``QgsProcessingFeedback`` in a :class:`Progress` (two callables); tests and benchmarks
use :class:`NullProgress`. Core loops call ``progress.set(fraction)`` and check ``progress.canceled``
(or call ``progress.check()``, which raises :class:`Canceled`).
"""

from __future__ import annotations


class Canceled(Exception):
    """Raised by :meth:`Progress.check` when the user asked to stop."""


class Progress:
    """Reports a fraction in [0, 1] to ``on_progress`` and asks ``is_canceled`` whether to stop."""

    def __init__(self, on_progress=None, is_canceled=None):
        self._on_progress = on_progress
        self._is_canceled = is_canceled

    def set(self, fraction: float) -> None:
        if self._on_progress is not None:
            self._on_progress(min(1.0, max(0.0, float(fraction))))

    @property
    def canceled(self) -> bool:
        return bool(self._is_canceled()) if self._is_canceled is not None else False

    def check(self) -> None:
        """Raise :class:`Canceled` when the user asked to stop."""
        if self.canceled:
            raise Canceled()

    def part(self, start: float, end: float) -> Progress:
        """A progress covering [start, end] of this one (for a step of a longer computation)."""
        return Progress(lambda f: self.set(start + (end - start) * f), lambda: self.canceled)


class NullProgress(Progress):
    """Reports nowhere and is never canceled."""

    def __init__(self):
        super().__init__(None, None)
