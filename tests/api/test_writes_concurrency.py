"""Many writers at once, with lost acknowledgements.

ONRECORD_TEST_WRITERS threads (default 16) each POST ONRECORD_TEST_WRITES
topics (default 200) on their own keep-alive connection, every POST with its
own Idempotency-Key. About one request in ten is sent again with the same key,
as a client does after a timeout: half of those after the answer was read
(the retry must get the very same answer), half after dropping the connection
without reading the answer (a real lost acknowledgement). Afterwards every
acknowledged write is in the database exactly once, each with exactly one
`create` in the change history, and no request got a 5xx."""
import http.client
import json
import os
import random
import threading
import time

from conftest import HOST, PORT, get_ok, lit, sql_col, sql_value
from writes_support import PREFIX

WRITERS = int(os.environ.get("ONRECORD_TEST_WRITERS", "16"))
WRITES = int(os.environ.get("ONRECORD_TEST_WRITES", "200"))
RETRY_SHARE = 0.10


class Writer(threading.Thread):
    def __init__(self, index, key, prefix, start_gate):
        super().__init__(name="writer-%d" % index)
        self.index = index
        self.key = key
        self.prefix = prefix
        self.gate = start_gate
        self.rng = random.Random(1000 + index)
        self.acknowledged = {}  # slug -> (status, body bytes, location)
        self.problems = []
        self.statuses = {}
        self.retried_after_answer = 0
        self.retried_after_drop = 0
        self.connections = 0
        self.conn = None

    def _connect(self):
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
        self.conn.connect()
        self.connections += 1

    def _send(self, body, idem, read=True):
        """POSTs on the thread's connection; reconnects once if the server
        closed it between requests. Returns (status, raw, location) or None."""
        headers = {"Authorization": "Bearer " + self.key, "Content-Type": "application/json",
                   "Idempotency-Key": idem}
        for attempt in (1, 2):
            if self.conn is None or self.conn.sock is None:
                self._connect()
            try:
                self.conn.request("POST", "/v1/topics", body=body, headers=headers)
                if not read:
                    self.conn.sock.shutdown(2)
                    self.conn.close()
                    self.conn = None
                    return None
                r = self.conn.getresponse()
                raw = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                self.statuses[r.status] = self.statuses.get(r.status, 0) + 1
                return r.status, raw, r.getheader("Location")
            except (http.client.RemoteDisconnected, ConnectionError, BrokenPipeError) as e:
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise AssertionError("request failed twice: %r" % e)
        raise AssertionError("unreachable")

    def run(self):
        try:
            self._connect()
            self.gate.wait()
            for n in range(WRITES):
                slug = "%sw%d-n%d" % (self.prefix, self.index, n)
                body = json.dumps({"slug": slug,
                                   "proposition": "Load test proposition %d of writer %d"
                                   % (n, self.index)}).encode()
                idem = "%s-%d-%d" % (self.prefix, self.index, n)
                dice = self.rng.random()
                if dice < RETRY_SHARE / 2:
                    # Lost acknowledgement: the request went out, the answer never came.
                    self._send(body, idem, read=False)
                    self.retried_after_drop += 1
                answer = self._send(body, idem)
                if answer[0] != 201:
                    self.problems.append((slug, answer[0], answer[1][:300]))
                    continue
                if RETRY_SHARE / 2 <= dice < RETRY_SHARE:
                    again = self._send(body, idem)
                    self.retried_after_answer += 1
                    if again != answer:
                        self.problems.append((slug, "retry differs", answer, again))
                self.acknowledged[slug] = answer
        except Exception as e:  # reported by the test
            self.problems.append(("exception", repr(e)))
        finally:
            if self.conn is not None:
                self.conn.close()


def test_concurrent_writers_with_retries_lose_and_duplicate_nothing(write_keys):
    prefix = "%sc-" % PREFIX
    keys = [write_keys.editor, write_keys.editor2, write_keys.admin]
    gate = threading.Barrier(WRITERS)
    writers = [Writer(i, keys[i % len(keys)], prefix, gate) for i in range(WRITERS)]
    started = time.monotonic()
    for w in writers:
        w.start()
    for w in writers:
        w.join(900)
    elapsed = time.monotonic() - started
    assert not any(w.is_alive() for w in writers), "writers still running after 900 s"

    statuses = {}
    for w in writers:
        for status, n in w.statuses.items():
            statuses[status] = statuses.get(status, 0) + n
    problems = [p for w in writers for p in w.problems]
    total = WRITERS * WRITES
    requests = sum(statuses.values())
    drops = sum(w.retried_after_drop for w in writers)
    replays = sum(w.retried_after_answer for w in writers)
    summary = ("%d writers x %d writes: %d answered requests (+%d dropped) in %.1fs "
               "(%.0f req/s), %d retries after an answer, %d after a drop, statuses %r, "
               "%d connections" % (WRITERS, WRITES, requests, drops, elapsed,
                                   requests / elapsed if elapsed else 0, replays, drops,
                                   statuses, sum(w.connections for w in writers)))
    print(summary)
    assert not [s for s in statuses if s >= 500], summary
    assert not problems, (summary, problems[:10])
    assert replays > 0 and drops > 0, summary

    acknowledged = {slug for w in writers for slug in w.acknowledged}
    assert len(acknowledged) == total, summary
    like = lit(prefix + "%")
    assert int(sql_value("SELECT count(*) FROM topics WHERE slug LIKE %s" % like)) == total
    assert set(sql_col("SELECT slug FROM topics WHERE slug LIKE %s" % like)) == acknowledged
    # One create each in the history, nothing else (a retry writes nothing).
    rows = sql_value("SELECT count(*) || ' ' || count(DISTINCT after->>'slug') FROM changes "
                     "WHERE resource = 'topics' AND coalesce(after, before)->>'slug' LIKE %s"
                     % like)
    assert rows == "%d %d" % (total, total), rows
    assert int(sql_value("SELECT count(*) FROM changes WHERE resource = 'topics' AND op <> "
                         "'create' AND coalesce(after, before)->>'slug' LIKE %s" % like)) == 0
    # Each write is recorded under the key that made it.
    by_key = dict((name, int(n)) for name, n in (
        row.split(" ") for row in sql_col(
            "SELECT actor || ' ' || count(*) FROM changes WHERE resource = 'topics' AND "
            "after->>'slug' LIKE %s GROUP BY actor" % like)))
    expected = {}
    for w in writers:
        name = [write_keys.name(label) for label in ("editor", "editor2", "admin")
                if getattr(write_keys, label) == w.key][0]
        expected[name] = expected.get(name, 0) + WRITES
    assert by_key == expected
    # Every acknowledged body is what a GET shows now.
    sample = random.Random(7).sample(sorted(acknowledged), min(50, total))
    for slug in sample:
        w = writers[int(slug[len(prefix) + 1:].split("-")[0])]
        assert json.loads(w.acknowledged[slug][1]) == get_ok("/v1/topics/" + slug)
