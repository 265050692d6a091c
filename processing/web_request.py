"""Requests to online services through QGIS's network manager, with the policy of ``core.web``.

Why through QGIS: ``QgsBlockingNetworkRequest`` uses QGIS's network access manager, so the proxy, the
SSL exceptions and the authentication configurations set in QGIS apply (planners often sit behind a
local-authority proxy). Why a client object: every source of ``friches:prepare_territory`` and
``friches:load_gpu`` shares the same time-out, retries, disk cache, cancel and messages.

Time-outs: each attempt gets a transfer time-out (``QNetworkRequest.setTransferTimeout``, Qt >= 5.15)
and QGIS's own network time-out (Settings > Options > Network) also applies. Either way Qt aborts the
reply and ``QgsBlockingNetworkRequest`` reports no error and no HTTP status (checked on QGIS 3.22): an
aborted reply that the user did not cancel is therefore a time-out, said as such with the service's name,
never "HTTP 0".
"""

from __future__ import annotations

import os
import time
from typing import Optional

from qgis.core import QgsApplication, QgsBlockingNetworkRequest, QgsNetworkAccessManager, QgsProcessingException
from qgis.PyQt.QtCore import QByteArray, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core import web
from ..translation import tr

USER_AGENT = b"QGIS plugin Friches & Tiers-Lieux"


def default_cache_folder() -> str:
    """``<QGIS profile folder>/cache/friches_tierslieux/web``: kept between sessions, one per profile."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "cache", "friches_tierslieux", "web")


class WebClient:
    """GET and POST to named services with time-out, retries, optional disk cache and cancel.

    ``feedback``: a QgsFeedback (cancel, log) or None. ``authcfg``: a QGIS authentication configuration
    id. ``cache_folder``: None for no disk cache. ``requests`` counts the attempts sent on the network,
    ``from_cache`` the answers read from the disk cache.
    """

    def __init__(self, feedback=None, authcfg: str = "", cache_folder: Optional[str] = None, cache_days: float = 7.0,
                 timeout_s: float = 60.0, retries: int = 2, backoff_s: float = 1.0):
        self.feedback = feedback
        self.authcfg = authcfg or ""
        self.policy = web.Policy(timeout_s=float(timeout_s), retries=int(retries), backoff_s=float(backoff_s))
        self.cache = web.DiskCache(cache_folder, cache_days * 86400.0) if cache_folder and cache_days > 0 else None
        self.requests = 0
        self.from_cache = 0

    # -- public -------------------------------------------------------------------------------------------
    def get(self, service: str, url: str, accept: bytes = b"application/json", accept_status=(),
            use_cache: bool = True) -> web.Answer:
        """The answer to ``GET url``; raises QgsProcessingException with a message naming ``service``."""
        return self._fetch(service, url, accept, None, b"", accept_status, use_cache)

    def post(self, service: str, url: str, data: bytes, content_type: bytes = b"application/x-www-form-urlencoded",
             accept: bytes = b"application/json", accept_status=(), use_cache: bool = True) -> web.Answer:
        return self._fetch(service, url, accept, content_type, data, accept_status, use_cache)

    def get_json(self, service: str, url: str, accept_status=(), use_cache: bool = True):
        """(decoded JSON, answer) of ``GET url``; a body that is not JSON names the service as changed."""
        answer = self.get(service, url, accept_status=accept_status, use_cache=use_cache)
        try:
            return answer.json(service), answer
        except web.WebError as exc:
            raise QgsProcessingException(web_error_message(exc)) from exc

    # -- internals ----------------------------------------------------------------------------------------
    def _fetch(self, service, url, accept, content_type, data, accept_status, use_cache):
        method = "POST" if content_type else "GET"
        cache = self.cache if use_cache else None
        key = web.cache_key(method, url, data) if cache is not None else None

        def transport(timeout_s):
            self.requests += 1
            return self._attempt(url, accept, content_type, data, timeout_s)

        def log(text):
            if self.feedback is not None:
                self.feedback.pushInfo(text)

        try:
            answer = web.fetch(transport, service, url, self.policy, cache=cache, key=key,
                               accept_status=accept_status, sleep=self._sleep, log=log)
        except web.WebError as exc:
            raise QgsProcessingException(web_error_message(exc)) from exc
        if answer.from_cache:
            self.from_cache += 1
        return answer

    def _canceled(self) -> bool:
        return self.feedback is not None and self.feedback.isCanceled()

    def _sleep(self, seconds: float) -> bool:
        """Wait ``seconds`` in small steps; False as soon as the user cancels."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self._canceled():
                return False
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))
        return not self._canceled()

    def _attempt(self, url, accept, content_type, data, timeout_s) -> web.RawAnswer:
        if self._canceled():
            return web.RawAnswer(failure=web.CANCELED)
        request = QNetworkRequest(QUrl.fromEncoded(url.encode("utf-8")))
        request.setRawHeader(b"Accept", accept)
        request.setRawHeader(b"User-Agent", USER_AGENT)
        if content_type:
            request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, content_type.decode("ascii"))
        request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        if hasattr(request, "setTransferTimeout"):  # Qt >= 5.15
            request.setTransferTimeout(max(1, int(timeout_s * 1000)))
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            blocking.setAuthCfg(self.authcfg)
        _forget(url)
        started = time.monotonic()
        if content_type:
            error = blocking.post(request, QByteArray(data), True, self.feedback)
        else:
            error = blocking.get(request, True, self.feedback)
        elapsed = time.monotonic() - started
        reply = blocking.reply()
        _forget(url)
        if self._canceled():
            return web.RawAnswer(failure=web.CANCELED)
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        status = int(status) if status not in (None, "") else 0
        reply_error = reply.error()
        if error == QgsBlockingNetworkRequest.ErrorCode.TimeoutError or reply_error in (
                QNetworkReply.NetworkError.TimeoutError, QNetworkReply.NetworkError.OperationCanceledError):
            return web.RawAnswer(failure=web.TIMEOUT, detail=f"{elapsed:.0f} s")
        headers = {bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
                   for name in reply.rawHeaderList()}
        body = bytes(reply.content())
        if status == 0:
            no_error = (error == QgsBlockingNetworkRequest.ErrorCode.NoError
                        and reply_error == QNetworkReply.NetworkError.NoError)
            if no_error:
                return web.RawAnswer(failure=web.TIMEOUT, detail=f"{elapsed:.0f} s")
            return web.RawAnswer(failure=web.UNREACHABLE, detail=blocking.errorMessage() or reply.errorString())
        return web.RawAnswer(status=status, body=body, headers=headers)


def _forget(url: str) -> None:
    """Drop ``url`` from QGIS's network disk cache. The plugin keeps its answers itself; an answer left in
    QGIS's cache makes QgsBlockingNetworkRequest (QGIS 3.22) report a later error of the same URL as HTTP 200
    with the error page glued to the cached body."""
    cache = QgsNetworkAccessManager.instance().cache()
    if cache is not None:
        cache.remove(QUrl.fromEncoded(url.encode("utf-8")))


def web_error_message(exc: web.WebError) -> str:
    """The translated message of a failed request: the service, the address, what happened, what to do."""
    params = {"service": exc.service, "url": exc.url, "status": exc.status, "detail": exc.detail,
              "attempts": exc.attempts, "timeout": f"{exc.timeout_s:g}"}
    if exc.kind == web.CANCELED:
        return tr("Canceled.")
    if exc.kind == web.TIMEOUT:
        return tr("The service {service} did not answer within {timeout} s ({attempts} attempt(s)): {url}. It may "
                  "be overloaded or down: try again later, or raise the time-out.").format(**params)
    if exc.kind == web.UNREACHABLE:
        return tr("Could not reach the service {service} at {url}: {detail}. Check the network connection and the "
                  "proxy settings of QGIS (Settings > Options > Network).").format(**params)
    if exc.kind == web.SERVER_ERROR:
        return tr("The service {service} failed (HTTP {status}) for {url} after {attempts} attempt(s): {detail}. It "
                  "may be down or overloaded: try again later.").format(**params)
    if exc.kind == web.BAD_ANSWER:
        return tr("The answer of the service {service} is not in its documented format ({detail}): {url}. The "
                  "service may have changed: check its address.").format(**params)
    return tr("The service {service} refused the request (HTTP {status}) {url}: {detail}").format(**params)
