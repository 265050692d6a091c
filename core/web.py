"""What every request to an online service shares, without Qt: a disk cache, retries with back-off, and
errors that say which service failed and how.

Why a module of its own: the plugin talks to six services (API Carto GPU, API Découpage administratif,
Cerema API Données foncières, IGN Géoplateforme WFS, Overpass API, transport.data.gouv.fr). Each one is
slow or down at times, each has its own rate limit (HTTP 429 with a ``Retry-After`` header on the
Géoplateforme and on Overpass), and a user behind a local-authority proxy must get a message that names
the service and says what to do, never "HTTP 0". The network itself goes through QGIS
(``processing/web_request.py``: QgsBlockingNetworkRequest, so QGIS's proxy and authentication apply);
the policy (what to retry, how long to wait, what to keep on disk) is plain logic, tested here with a
fake transport.

Pure Python: the standard library only; no Qt, no QGIS.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional

# Kinds of WebError (the adapter turns them into translated messages naming the service).
TIMEOUT = "timeout"  # no complete answer within the time limit
UNREACHABLE = "unreachable"  # no connection: DNS, refused, proxy, TLS
HTTP_ERROR = "http_error"  # 4xx other than 429: the request itself is refused
SERVER_ERROR = "server_error"  # 5xx or 429 still failing after the retries
BAD_ANSWER = "bad_answer"  # an answer, but not in the documented format: the service changed
CANCELED = "canceled"

#: HTTP statuses worth retrying: too many requests, and the server-side failures that pass.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Kinds of transport failure worth retrying (a network blip, an overloaded server).
RETRY_KINDS = frozenset({TIMEOUT, UNREACHABLE})
#: Longest wait between two attempts, even when the server asks for more (Retry-After).
MAX_WAIT_S = 60.0


class WebError(Exception):
    """A request that failed for good: ``kind`` above, the ``service`` name, the ``url``, the last HTTP
    ``status`` (0 without answer), a short ``detail`` and the number of ``attempts`` made."""

    def __init__(self, kind: str, service: str, url: str, status: int = 0, detail: str = "", attempts: int = 1,
                 timeout_s: float = 0.0):
        super().__init__(kind, service, url, status, detail)
        self.kind = kind
        self.service = service
        self.url = url
        self.status = int(status or 0)
        self.detail = detail
        self.attempts = attempts
        self.timeout_s = timeout_s

    def __str__(self):
        return f"{self.service}: {self.kind} (HTTP {self.status}) {self.url} {self.detail}".strip()


@dataclass
class RawAnswer:
    """What one attempt gave: an HTTP ``status`` and ``body`` (with ``headers``, lower-case names), or a
    transport failure ``failure`` (TIMEOUT, UNREACHABLE, CANCELED) with its ``detail``."""

    status: int = 0
    body: bytes = b""
    headers: Dict[str, str] = field(default_factory=dict)
    failure: str = ""
    detail: str = ""


@dataclass
class Answer:
    """A successful (or accepted) answer: ``status``, ``body``, ``headers``; ``from_cache`` when read from
    the disk cache; ``attempts`` made on the network (0 from the cache)."""

    url: str
    status: int
    body: bytes
    headers: Dict[str, str] = field(default_factory=dict)
    from_cache: bool = False
    attempts: int = 0

    def json(self, service: str):
        """The body as JSON; WebError BAD_ANSWER (the service changed, or answered a page of HTML)."""
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise WebError(BAD_ANSWER, service, self.url, self.status,
                           "not JSON: " + short_text(self.body, 120)) from exc


def short_text(body: bytes, limit: int = 300) -> str:
    """The readable start of a body (HTML tags dropped, whitespace folded), for messages."""
    text = body.decode("utf-8", errors="replace")
    out, inside = [], False
    for char in text[: limit * 8]:  # a plain scan: no regular expression on a server's answer
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
            out.append(" ")
        elif not inside:
            out.append(char)
    return " ".join("".join(out).split())[:limit]


def error_detail(body: bytes) -> str:
    """The message of an error body: ``{"message": ...}``, ``{"detail": ...}``, ``{"error": ...}``, nested
    ``{"message": {"geom": {"msg": ...}}}`` (API Carto), Overpass ``remark``, else the text."""
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        return short_text(body)
    if isinstance(data, dict):
        for key in ("message", "detail", "error", "errors", "remark", "description"):
            value = data.get(key)
            if value in (None, ""):
                continue
            if isinstance(value, dict):
                parts = []
                for name, item in value.items():
                    if isinstance(item, dict):
                        item = item.get("msg") or item.get("message") or json.dumps(item, ensure_ascii=False)
                    parts.append(f"{name}: {item}")
                return "; ".join(parts)[:300]
            return str(value)[:300]
    return short_text(body)


def retry_after_seconds(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds asked by a ``Retry-After`` header (a number of seconds or an HTTP date), None if absent or
    unreadable."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def backoff_delay(attempt: int, base_s: float, cap_s: float = MAX_WAIT_S) -> float:
    """Wait before attempt ``attempt + 1`` (``attempt`` = 1 for the first failure): base, 2 base, 4 base…"""
    return min(cap_s, base_s * (2 ** max(0, attempt - 1)))


@dataclass
class Policy:
    """How one request is made: ``timeout_s`` per attempt, ``retries`` after the first attempt, back-off
    ``backoff_s`` doubled at each retry (or the server's ``Retry-After``, at most ``MAX_WAIT_S``)."""

    timeout_s: float = 60.0
    retries: int = 2
    backoff_s: float = 1.0


# --------------------------------------------------------------------------------------------------
# Disk cache
# --------------------------------------------------------------------------------------------------


def cache_key(method: str, url: str, body: bytes = b"") -> str:
    digest = hashlib.sha256()
    digest.update(method.upper().encode("ascii"))
    digest.update(b"\n")
    digest.update(url.encode("utf-8"))
    digest.update(b"\n")
    digest.update(body or b"")
    return digest.hexdigest()


class DiskCache:
    """Answers kept on disk, one body file and one JSON description per request, for ``max_age_s``.

    Why: the same territory is often prepared several times (another buffer, one more source); the
    services are slow and rate-limited, and a user may work offline once the data is fetched. Files are
    written under a temporary name then renamed, so a run killed mid-write leaves no half answer.
    """

    def __init__(self, folder: str, max_age_s: float = 7 * 86400.0):
        self.folder = folder
        self.max_age_s = float(max_age_s)

    def _paths(self, key: str):
        sub = os.path.join(self.folder, key[:2])
        return os.path.join(sub, key + ".body"), os.path.join(sub, key + ".json")

    def get(self, key: str, now: Optional[float] = None) -> Optional[Answer]:
        if self.max_age_s <= 0:
            return None
        body_path, meta_path = self._paths(key)
        try:
            with open(meta_path, encoding="utf-8") as fh:
                meta = json.load(fh)
            age = (time.time() if now is None else now) - float(meta.get("stored", 0))
            if age > self.max_age_s or age < -3600:
                return None
            with open(body_path, "rb") as fh:
                body = fh.read()
        except (OSError, ValueError, TypeError):
            return None
        if len(body) != int(meta.get("size", -1)):
            return None
        return Answer(url=str(meta.get("url", "")), status=int(meta.get("status", 200)), body=body,
                      headers=dict(meta.get("headers") or {}), from_cache=True, attempts=0)

    def put(self, key: str, answer: Answer, now: Optional[float] = None) -> None:
        if self.max_age_s <= 0:
            return
        body_path, meta_path = self._paths(key)
        folder = os.path.dirname(body_path)
        try:
            os.makedirs(folder, exist_ok=True)
            meta = {"url": answer.url, "status": answer.status, "size": len(answer.body),
                    "stored": time.time() if now is None else now,
                    "headers": {k: v for k, v in answer.headers.items() if k in ("content-type",)}}
            for path, data in ((body_path, answer.body), (meta_path, json.dumps(meta).encode("utf-8"))):
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a download next time

    def clear(self) -> None:
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)


# --------------------------------------------------------------------------------------------------
# One request, with retries
# --------------------------------------------------------------------------------------------------


def fetch(transport: Callable[[float], RawAnswer], service: str, url: str, policy: Policy,
          cache: Optional[DiskCache] = None, key: Optional[str] = None, accept_status=(),
          sleep: Optional[Callable[[float], bool]] = None,
          log: Optional[Callable[[str], None]] = None) -> Answer:
    """The answer to one request, retried on time-outs, lost connections, 429 and 5xx.

    ``transport(timeout_s)`` makes one attempt. ``accept_status``: statuses returned to the caller
    instead of raised (e.g. 404 for "no such commune"). ``sleep(seconds)`` waits between attempts and
    returns False when the user cancelled (then CANCELED is raised). Successful answers (2xx) are kept
    in ``cache`` under ``key`` and read from it first.
    """
    if cache is not None and key:
        cached = cache.get(key)
        if cached is not None:
            cached.url = url
            return cached
    sleep = sleep or (lambda seconds: time.sleep(seconds) or True)
    attempts = 0
    last = RawAnswer()
    while True:
        attempts += 1
        last = transport(policy.timeout_s)
        if last.failure == CANCELED:
            raise WebError(CANCELED, service, url, attempts=attempts)
        status = int(last.status or 0)
        if not last.failure and (200 <= status < 300 or status in accept_status):
            answer = Answer(url=url, status=status, body=last.body, headers=dict(last.headers), attempts=attempts)
            if cache is not None and key and 200 <= status < 300:
                cache.put(key, answer)
            return answer
        retryable = last.failure in RETRY_KINDS or (not last.failure and status in RETRY_STATUSES)
        if not retryable or attempts > policy.retries:
            break
        wait = backoff_delay(attempts, policy.backoff_s)
        asked = retry_after_seconds(last.headers.get("retry-after"))
        if asked is not None:
            wait = min(MAX_WAIT_S, max(wait, asked))
        if log is not None:
            log(f"{service}: {last.failure or 'HTTP ' + str(status)} for {url}; attempt {attempts + 1} in {wait:g} s")
        if not sleep(wait):
            raise WebError(CANCELED, service, url, attempts=attempts)
    if last.failure == TIMEOUT:
        raise WebError(TIMEOUT, service, url, 0, last.detail, attempts, policy.timeout_s)
    if last.failure:
        raise WebError(UNREACHABLE, service, url, 0, last.detail, attempts, policy.timeout_s)
    status = int(last.status or 0)
    if status == 0:  # an answer without status and without error: nothing came back in time
        raise WebError(TIMEOUT, service, url, 0, last.detail, attempts, policy.timeout_s)
    kind = SERVER_ERROR if status >= 500 or status == 429 else HTTP_ERROR
    raise WebError(kind, service, url, status, error_detail(last.body), attempts, policy.timeout_s)
