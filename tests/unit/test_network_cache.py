"""The session cache of built graphs (``core/network/cache``): least recently used dropped first beyond the
budget, shared topology counted once, a value larger than the budget never kept."""

import threading

from friches_tierslieux.core.network.cache import SessionCache


class Blob:
    pass


def test_least_recently_used_goes_first():
    cache = SessionCache(budget=100)
    a, b, c = Blob(), Blob(), Blob()
    assert cache.put("a", a, 40) and cache.put("b", b, 40)
    assert cache.get("a") is a  # "a" is now the most recent
    assert cache.put("c", c, 40)  # 120 > 100: "b", the least recently used, goes
    assert cache.keys() == ["a", "c"] and cache.get("b") is None
    assert cache.total_bytes == 80
    assert (cache.hits, cache.misses) == (1, 1)


def test_shared_topology_counts_once():
    cache = SessionCache(budget=1000)
    network = Blob()
    cache.put(("net", "walk"), Blob(), 100, shared=[(network, 500)])
    cache.put(("net", "car"), Blob(), 100, shared=[(network, 500)])
    assert cache.total_bytes == 700  # 100 + 100 + 500 once
    other = Blob()
    # 1300 > 1000: the oldest goes; still 1200 (the network stays for its other mode), the next one too
    cache.put(("other", "walk"), Blob(), 100, shared=[(other, 500)])
    assert cache.keys() == [("other", "walk")] and cache.total_bytes == 600
    cache.put(("other", "car"), Blob(), 100, shared=[(other, 500)])  # shares the network: 700, both kept
    assert cache.keys() == [("other", "walk"), ("other", "car")] and cache.total_bytes == 700
    assert cache.find(lambda key: key[0] == "other") is not None
    assert cache.find(lambda key: key[0] == "none") is None


def test_too_large_is_not_kept_and_discard():
    cache = SessionCache(budget=100)
    assert not cache.put("huge", Blob(), 60, shared=[(Blob(), 60)])
    assert len(cache) == 0
    cache.put(("x", 1), Blob(), 10)
    cache.put(("x", 2), Blob(), 10)
    cache.put(("y", 1), Blob(), 10)
    assert cache.discard(lambda key: key[0] == "x") == 2 and cache.keys() == [("y", 1)]
    cache.clear()
    assert len(cache) == 0 and cache.total_bytes == 0


def test_threads_share_one_cache():
    cache = SessionCache(budget=10_000)
    errors = []

    def work(k):
        try:
            for i in range(200):
                cache.put((k, i % 20), Blob(), 10)
                cache.get((k, (i * 7) % 20))
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(cache) == 80 and cache.total_bytes == 800


def test_sizes_follow_what_a_graph_builds_after_it_is_kept():
    class Growing:
        nbytes = 10

    cache = SessionCache(budget=100)
    graph = Growing()
    cache.put("g", graph, graph.nbytes)
    graph.nbytes = 90  # search lists built on the first run
    assert cache.total_bytes == 90
    cache.put("h", Growing(), 10)  # 100 <= 100: both kept
    assert len(cache) == 2
    cache.put("i", Growing(), 10)  # 110 > 100: the oldest, grown one goes
    assert cache.keys() == ["h", "i"]
    cache.get("h").nbytes = 95  # used again (now the most recent) and grown: over the budget until trimmed
    assert cache.total_bytes == 105 and cache.trim() == 1 and cache.keys() == ["h"]
