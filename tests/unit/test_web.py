"""core.web: which failures are retried, how long it waits (back-off, Retry-After), what the disk cache keeps,
and the errors that name the service. A fake transport plays the server; waits are recorded, not slept."""

import email.utils
import json
import time

import pytest
from friches_tierslieux.core import web


class FakeServer:
    """Answers a scripted list of RawAnswer, one per attempt, and records the time-outs asked."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.timeouts = []

    def __call__(self, timeout_s):
        self.timeouts.append(timeout_s)
        return self.answers.pop(0)


def ok(body=b'{"ok": 1}', status=200, **headers):
    return web.RawAnswer(status=status, body=body, headers=headers)


def run(server, policy=None, **kwargs):
    waits = []
    answer = web.fetch(server, "Test service", "https://example.test/x", policy or web.Policy(timeout_s=5, retries=2),
                       sleep=lambda s: waits.append(s) or True, **kwargs)
    return answer, waits


def test_success_first_time():
    server = FakeServer(ok())
    answer, waits = run(server)
    assert answer.status == 200 and answer.json("Test service") == {"ok": 1}
    assert answer.attempts == 1 and waits == [] and server.timeouts == [5]


@pytest.mark.parametrize("failure", [web.RawAnswer(failure=web.TIMEOUT), web.RawAnswer(failure=web.UNREACHABLE),
                                     ok(status=503, body=b"busy"), ok(status=429, body=b"slow down"),
                                     ok(status=502), ok(status=504), ok(status=500)])
def test_retried_failures_then_success(failure):
    answer, waits = run(FakeServer(failure, failure, ok()))
    assert answer.status == 200 and answer.attempts == 3
    assert waits == [1.0, 2.0]  # back-off doubles from 1 s


def test_backoff_sequence_and_cap():
    assert [web.backoff_delay(k, 1.5) for k in (1, 2, 3, 4)] == [1.5, 3.0, 6.0, 12.0]
    assert web.backoff_delay(20, 1.0) == web.MAX_WAIT_S


def test_retry_after_header_seconds_and_date():
    answer, waits = run(FakeServer(ok(status=429, **{"retry-after": "5"}), ok()))
    assert waits == [5.0]
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= web.retry_after_seconds(date, now) <= 31
    assert web.retry_after_seconds("soon") is None and web.retry_after_seconds(None) is None
    # a server asking for an hour is not waited for an hour
    _answer, waits = run(FakeServer(ok(status=503, **{"retry-after": "3600"}), ok()))
    assert waits == [web.MAX_WAIT_S]


def test_client_errors_are_not_retried():
    body = json.dumps({"code": 400, "message": {"geom": {"msg": "Géométrie invalide"}}}).encode()
    server = FakeServer(ok(status=400, body=body), ok())
    with pytest.raises(web.WebError) as err:
        run(server)
    assert err.value.kind == web.HTTP_ERROR and err.value.status == 400 and err.value.attempts == 1
    assert err.value.detail == "geom: Géométrie invalide" and len(server.answers) == 1


def test_accepted_status_is_returned():
    answer, _waits = run(FakeServer(ok(status=404, body=b"Not Found")), accept_status=(404,))
    assert answer.status == 404 and answer.body == b"Not Found"


def test_gives_up_after_the_retries_with_the_last_failure():
    with pytest.raises(web.WebError) as err:
        run(FakeServer(*[web.RawAnswer(failure=web.TIMEOUT, detail="5 s")] * 3))
    assert err.value.kind == web.TIMEOUT and err.value.attempts == 3 and err.value.timeout_s == 5
    assert err.value.service == "Test service" and err.value.url == "https://example.test/x"
    with pytest.raises(web.WebError) as err:
        run(FakeServer(*[ok(status=503, body=b'{"detail": "maintenance"}')] * 3))
    assert err.value.kind == web.SERVER_ERROR and err.value.status == 503 and err.value.detail == "maintenance"
    with pytest.raises(web.WebError) as err:
        run(FakeServer(web.RawAnswer(failure=web.UNREACHABLE, detail="Connection refused")), web.Policy(retries=0))
    assert err.value.kind == web.UNREACHABLE and "refused" in err.value.detail


def test_an_answer_without_status_is_a_time_out_not_http_0():
    """What QGIS 3.22 gives for a reply aborted by its own time-out: no error, no status, no body."""
    with pytest.raises(web.WebError) as err:
        run(FakeServer(web.RawAnswer(status=0)), web.Policy(retries=0))
    assert err.value.kind == web.TIMEOUT


def test_cancel_during_the_wait():
    server = FakeServer(ok(status=503), ok())
    with pytest.raises(web.WebError) as err:
        web.fetch(server, "S", "u", web.Policy(retries=3), sleep=lambda s: False)
    assert err.value.kind == web.CANCELED and len(server.answers) == 1
    with pytest.raises(web.WebError) as err:
        web.fetch(FakeServer(web.RawAnswer(failure=web.CANCELED)), "S", "u", web.Policy())
    assert err.value.kind == web.CANCELED


def test_disk_cache(tmp_path):
    cache = web.DiskCache(str(tmp_path / "cache"), max_age_s=3600)
    key = web.cache_key("GET", "https://example.test/x")
    assert key != web.cache_key("POST", "https://example.test/x", b"data=1")
    answer, _ = run(FakeServer(ok(b"first")), cache=cache, key=key)
    assert not answer.from_cache
    again, _ = run(FakeServer(), cache=cache, key=key)  # no answer scripted: must not reach the server
    assert again.from_cache and again.body == b"first" and again.attempts == 0
    # errors are never cached
    other = web.cache_key("GET", "https://example.test/y")
    with pytest.raises(web.WebError):
        run(FakeServer(ok(status=404)), cache=cache, key=other)
    assert cache.get(other) is None
    # too old: fetched again
    assert cache.get(key, now=time.time() + 7200) is None
    # a truncated body file is not trusted
    body_path = next((tmp_path / "cache").rglob(f"{key}.body"))
    body_path.write_bytes(b"fir")
    assert cache.get(key) is None
    # max age 0: no cache at all
    off = web.DiskCache(str(tmp_path / "off"), max_age_s=0)
    run(FakeServer(ok()), cache=off, key=key)
    assert not (tmp_path / "off").exists()


def test_json_of_a_changed_service():
    answer = web.Answer(url="u", status=200, body=b"<html><body><h1>Maintenance</h1></body></html>")
    with pytest.raises(web.WebError) as err:
        answer.json("Test service")
    assert err.value.kind == web.BAD_ANSWER and "Maintenance" in err.value.detail


def test_error_detail_of_the_documented_error_bodies():
    assert web.error_detail(b'{"code": 500, "message": "Erreur interne du serveur GPU"}') == \
        "Erreur interne du serveur GPU"
    assert web.error_detail(b'{"detail": "Emprise trop grande"}') == "Emprise trop grande"
    assert web.error_detail(b'{"errors": "dataset not found"}') == "dataset not found"
    assert web.error_detail(b"<html><head><title>504 Gateway Time-out</title></head></html>") == "504 Gateway Time-out"
    assert web.short_text(b"x" * 1000, 10) == "x" * 10
