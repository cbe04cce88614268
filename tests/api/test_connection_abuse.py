"""Connection abuse and hostile input at the HTTP layer (issue 19, part 3).

CASES is a table of raw-socket exchanges: the bytes a client sends, the
answers it must get (status and what made them: a problem document with its
code, a JSON answer, or libmicrohttpd's own page), and whether the connection
stays open afterwards (checked by asking /healthz on it) or is closed (the
server hangs up after answering, within the time bound). Every case is bounded
in time; no answer may be 5xx; the server must answer /healthz after the table.

test_slowloris starts its own server (ONRECORD_BIN) and holds a few hundred
connections that send their headers a byte at a time while a normal client
must still get /healthz and a list within 2 s each.

Where the answer comes from libmicrohttpd rather than the API (a request head
larger than the connection's memory pool: the library answers before the API
sees the request), the case says "mhd": a bare 4xx, no X-Request-Id, closed.
"""
import json
import os
import re
import socket
import threading
import time

import pytest

import conformance
from conftest import HOST, PORT, PROBLEM_TYPE, fetch, server_alive

CASE_SECONDS = 10  # no case may take longer than this, answers and close included
BIG = 1024 * 1024  # ONRECORD_MAX_BODY's default


class Case:
    def __init__(self, name, send, expect, open_after, note=""):
        self.name = name
        self.send = send  # bytes, or a list of bytes and ("wait", status) steps
        self.expect = expect  # [(status, kind)]: kind "problem:CODE", "json", "mhd", "none"
        self.open_after = open_after
        self.note = note


def req(method, target, headers=(), body=b"", version=b"HTTP/1.1", host=True):
    head = method + b" " + target + b" " + version + b"\r\n"
    if host:
        head += b"Host: x\r\n"
    for h in headers:
        head += h + b"\r\n"
    return head + b"\r\n" + body


def get(target, *headers, **kw):
    return req(b"GET", target, headers, **kw)


def post(target, body, *headers):
    return req(b"POST", target, (b"Content-Type: application/json",
                                 b"Content-Length: %d" % len(body)) + headers, body)


def chunked(*chunks):
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"


def pad_headers(n, size):
    return [b"X-Pad-%d: %s" % (i, b"v" * size) for i in range(n)]


KEY = b"{EDITOR}"  # replaced by an editor's API key (tests/api/writes_support.py)
AUTH = b"Authorization: Bearer " + KEY
LONG_LIST = (b"/v1/statements?limit=1&include=actor,reports,stances&sort=said_on"
             b"&fields=id,said_on,actor,reports,stances&from=1990-01-01&to=2099-12-31")
# What the server counts (http.c's head_cost): the request line, the header
# text, 64 bytes per header and query argument, and a read's target again;
# the limit is 4096 - 1024. The pad brings this request to 16 bytes under it.
LONG_LIST_PAD = (3072 - 16 - len(b"GET  HTTP/1.1") - 4 - 2 * len(LONG_LIST) - len(b"Host") - 1 - 4
                 - len(b"X-Pad-0") - 4 - 64 * (LONG_LIST.count(b"&") + 1 + 2))
ACTOR = b'{"slug": "zz-abuse-never", "name": "x", "kind": "person"}'

CASES = [
    # ------------------------------------------------------------ sizes
    Case("headers over the server's limit", get(b"/healthz", *pad_headers(1, 3300)),
         [(431, "problem:headers-too-large")], False),
    Case("many small headers over the limit", get(b"/healthz", *pad_headers(45, 1)),
         [(431, "problem:headers-too-large")], False,
         "each header costs the pool 64 bytes besides its text"),
    Case("headers in the pool's last 240 bytes", get(b"/healthz", *pad_headers(1, 3800)), [],
         False, "KNOWN GAP: the head fits libmicrohttpd 0.9.75's pool but no answer's headers "
         "do (not even the 431's), so it hangs up without one; bounded, never a hang"),
    Case("headers far over the pool", get(b"/healthz", *pad_headers(1, 6000)),
         [(431, "mhd")], False, "larger than the connection's pool: libmicrohttpd answers"),
    Case("80 headers of 1000 bytes", get(b"/healthz", *pad_headers(80, 1000)),
         [(431, "mhd")], False),
    Case("200 empty headers", get(b"/healthz", *pad_headers(200, 0)), [(431, "mhd")], False),
    Case("headers just under the limit", get(b"/healthz", *pad_headers(1, 2000)),
         [(200, "json")], True),
    Case("twenty ordinary headers", get(b"/v1/actors?limit=1", *pad_headers(20, 40)),
         [(200, "json")], True),
    Case("a list page's Link header with headers near the limit",
         get(LONG_LIST, *pad_headers(1, LONG_LIST_PAD)), [(200, "json")], True,
         "the answer's headers (Link repeats the query) must still fit the connection's pool"),
    Case("the same, 32 bytes over the limit", get(LONG_LIST, *pad_headers(1, LONG_LIST_PAD + 32)),
         [(431, "problem:headers-too-large")], False),
    Case("path over 2048 bytes", get(b"/v1/actors/" + b"a" * 2100),
         [(414, "problem:uri-too-long")], True),
    Case("query over the limit", get(b"/v1/statements?q=" + b"a" * 2100),
         [(414, "problem:uri-too-long")], True),
    Case("request line far over the pool", get(b"/v1/actors/" + b"a" * 9000),
         [(414, "mhd")], False),
    Case("request line of 70,000 bytes", get(b"/v1/actors/" + b"a" * 70000), [(414, "mhd")],
         False),
    Case("query of 40,000 bytes", get(b"/v1/statements?q=" + b"a" * 40000), [(414, "mhd")],
         False),
    Case("33 query parameters", get(b"/v1/actors?" + b"&".join([b"limit=1"] * 33)),
         [(400, "problem:bad-parameter")], True),
    Case("60 query parameters", get(b"/v1/actors?" + b"&".join([b"a"] * 60)),
         [(400, "problem:bad-parameter")], True),
    Case("70 query parameters in 160 bytes", get(b"/v1/actors?" + b"&".join([b"a"] * 70)),
         [(400, "problem:bad-parameter")], True,
         "libmicrohttpd's pool ran out of room for their records: the connection hung"),
    Case("900 query parameters", get(b"/v1/actors?" + b"&".join([b"a=1"] * 450)),
         [(400, "problem:bad-parameter")], True),
    Case("32 query parameters", get(b"/v1/actors?" + b"&".join(b"p%d=1" % i for i in range(32))),
         [(400, "problem:unknown-parameter")], True),
    Case("declared body far over the limit",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json",
                                      b"Content-Length: %d" % (20 * BIG))),
         [(413, "problem:body-too-large")], False),
    Case("body over the limit", post(b"/v1/actors", b"x" * (BIG + 1)),
         [(413, "problem:body-too-large")], True),
    Case("chunked body over the limit",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json",
                                      b"Transfer-Encoding: chunked"),
             chunked(b"x" * 600000, b"y" * 600000)),
         [(413, "problem:body-too-large")], True),
    Case("chunked body 20 times over the limit, one chunk at a time",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json",
                                      b"Transfer-Encoding: chunked"),
             chunked(*[b"z" * 65536] * 320)),
         [], False, "past 16 times the limit the server stops reading and hangs up"),
    Case("absurd Content-Length", req(b"POST", b"/v1/actors", (
        b"Content-Type: application/json", b"Content-Length: 99999999999999999999999")),
        [(413, "mhd")], False, "over 2^64: libmicrohttpd refuses it before the API sees it"),
    Case("Content-Length of 2^63-1", req(b"POST", b"/v1/actors", (
        b"Content-Type: application/json", b"Content-Length: 9223372036854775807")),
        [(413, "problem:body-too-large")], False),
    Case("negative Content-Length", req(b"POST", b"/v1/actors", (b"Content-Length: -1",)),
         [(400, "mhd")], False),
    Case("two different Content-Lengths",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json", b"Content-Length: 2",
                                      b"Content-Length: 40"), b"{}"),
         [(400, "problem:bad-parameter")], False),
    Case("Content-Length and Transfer-Encoding",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json", b"Content-Length: 4",
                                      b"Transfer-Encoding: chunked"), chunked(b"{}")),
         [(400, "problem:bad-parameter")], False, "request smuggling: refused and closed"),
    Case("Transfer-Encoding other than chunked",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json",
                                      b"Transfer-Encoding: gzip, chunked"), chunked(b"{}")),
         [(400, "problem:bad-parameter")], False),
    # ------------------------------------------------------------ HTTP versions, keep-alive
    Case("HTTP/1.0 closes after the answer", get(b"/healthz", version=b"HTTP/1.0", host=False),
         [(200, "json")], False),
    Case("HTTP/1.0 with keep-alive stays open",
         get(b"/healthz", b"Connection: keep-alive", version=b"HTTP/1.0", host=False),
         [(200, "json")], True),
    Case("HTTP/1.1 with Connection: close", get(b"/healthz", b"Connection: close"),
         [(200, "json")], False),
    Case("HTTP/1.1 without Host", get(b"/healthz", host=False),
         [(400, "problem:bad-parameter")], False, "RFC 9112 3.2: MUST be 400; was 200"),
    Case("two Host headers", get(b"/healthz", b"Host: y"), [(400, "problem:bad-parameter")],
         False, "RFC 9112 3.2: MUST be 400; was 200"),
    Case("chunk size over 2^64", req(b"POST", b"/v1/actors", (b"Transfer-Encoding: chunked",),
                                     b"fffffffffffffffffffff\r\n"), [(413, "mhd")], False),
    Case("absolute-form target", get(b"http://x/healthz"), [(404, "problem:not-found")], True),
    Case("asterisk-form target", req(b"OPTIONS", b"*"), [(404, "problem:not-found")], True),
    Case("HTTP/2 preface", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", [(505, "mhd")], False),
    Case("HTTP/9.9", get(b"/healthz", version=b"HTTP/9.9"), [(505, "mhd")], False),
    # ------------------------------------------------------------ pipelining
    Case("three requests in one write",
         get(b"/healthz") + get(b"/v1/actors?limit=1") + get(b"/v1/topics?limit=1"),
         [(200, "json")] * 3, True),
    Case("an error in the middle of a pipeline",
         get(b"/healthz") + get(b"/v1/actors?bogus=1") + get(b"/nope") + get(b"/healthz"),
         [(200, "json"), (400, "problem:unknown-parameter"), (404, "problem:not-found"),
          (200, "json")], True),
    Case("a pipeline behind a request with a body",
         post(b"/v1/actors", b"{}") + get(b"/healthz"),
         [(401, "problem:unauthorized"), (200, "json")], True),
    Case("a pipeline with a 414 in the middle",
         get(b"/healthz") + get(b"/v1/actors/" + b"a" * 2100) + get(b"/healthz"),
         [(200, "json"), (414, "problem:uri-too-long"), (200, "json")], True),
    Case("a pipeline ending in headers over the limit",
         get(b"/healthz") + get(b"/healthz", *pad_headers(1, 3300)),
         [(200, "json"), (431, "problem:headers-too-large")], False),
    # ------------------------------------------------------------ Expect: 100-continue
    Case("100-continue within the limit",
         [req(b"POST", b"/v1/actors", (b"Content-Type: application/json", AUTH,
                                       b"Content-Length: 2", b"Expect: 100-continue")),
          ("wait", 100), b"{}"],
         [(100, "none"), (422, "problem:invalid-body")], True),
    Case("100-continue over the limit",
         req(b"POST", b"/v1/actors", (b"Content-Type: application/json", AUTH,
                                      b"Content-Length: %d" % (BIG + 1),
                                      b"Expect: 100-continue")),
         [(413, "problem:body-too-large")], False, "answered without reading the body"),
    Case("unknown expectation", req(b"POST", b"/v1/actors", (
        b"Content-Type: application/json", b"Content-Length: 2", b"Expect: 200-ok"), b"{}"),
        [(401, "problem:unauthorized")], True),
    # ------------------------------------------------------------ methods and syntax
    Case("unsupported method", req(b"BREW", b"/v1/actors"),
         [(405, "problem:method-not-allowed")], True),
    Case("unsupported method on an unknown path", req(b"BREW", b"/nope"),
         [(404, "problem:not-found")], True),
    Case("lower-case method", req(b"get", b"/healthz"), [(405, "problem:method-not-allowed")],
         True),
    Case("CONNECT", req(b"CONNECT", b"example.org:443"), [(404, "problem:not-found")], True),
    Case("header without a colon", get(b"/healthz", b"Bad Header Line"), [(400, "mhd")], False),
    Case("header with a space before the colon", get(b"/healthz", b"X-A : b"),
         [(200, "json")], True),
    Case("obsolete line folding", get(b"/healthz", b"X-A: b", b" c"), [(200, "json")], True),
    Case("bare LF line endings", b"GET /healthz HTTP/1.1\nHost: x\n\n", [(200, "json")], True),
    Case("empty lines before a request", b"\r\n\r\n", [], True,
         "empty lines before the request line are skipped (RFC 9112 2.2)"),
    Case("garbage starting with NUL", b"\x00\x01\x02\x03\r\n\r\n", [], True,
         "libmicrohttpd reads a line starting with NUL as an empty one"),
    Case("garbage", b"\x01\x02\x03\r\n\r\n", [], False,
         "a request line without a space: libmicrohttpd hangs up without an answer"),
    # ------------------------------------------------------------ NUL, control bytes, bad UTF-8
    Case("NUL in the path", get(b"/v1/act\x00ors"), [(400, "problem:bad-parameter")], True,
         "was read as /v1/act (404): the NUL ended the path"),
    Case("escaped NUL in the path", get(b"/v1/actors/a%00b"), [(400, "problem:bad-parameter")],
         True),
    Case("invalid UTF-8 in the path", get(b"/v1/actors/\xff\xfe"),
         [(400, "problem:bad-parameter")], True),
    Case("escaped invalid UTF-8 in the path", get(b"/v1/actors/a%c3%28"),
         [(400, "problem:bad-parameter")], True),
    Case("NUL in a query name", get(b"/v1/actors?li\x00mit=1"),
         [(400, "problem:bad-parameter")], True),
    Case("escaped NUL in a query name", get(b"/v1/actors?li%00mit=1"),
         [(400, "problem:bad-parameter")], True),
    Case("invalid UTF-8 in a query name", get(b"/v1/actors?\xff=1"),
         [(400, "problem:bad-parameter")], True),
    Case("NUL in a query value", get(b"/v1/actors?q=a\x00b"),
         [(400, "problem:bad-parameter")], True, "was answered 200 as q=a"),
    Case("invalid UTF-8 in a query value", get(b"/v1/actors?q=%ed%a0%80"),
         [(400, "problem:bad-parameter")], True),
    Case("NUL in a header name", get(b"/healthz", b"X-\x00A: b"), [(400, "mhd")], False),
    Case("NUL in a header value", get(b"/healthz", b"X-A: b\x00c"), [(200, "json")], True,
         "libmicrohttpd keeps header lines as C strings: the value ends at the NUL"),
    Case("NUL in Idempotency-Key", post(b"/v1/actors", b"{}", AUTH, b"Idempotency-Key: \x00"),
         [(400, "problem:bad-parameter")], True, "the value is empty"),
    Case("invalid UTF-8 in a header name", get(b"/healthz", b"X-\xff: b"), [(200, "json")],
         True),
    Case("invalid UTF-8 in a header value", get(b"/healthz", b"X-A: \xff\xfe"),
         [(200, "json")], True),
    Case("control byte in a header value", get(b"/healthz", b"X-A: a\x01b"),
         [(200, "json")], True),
    Case("invalid UTF-8 in X-Request-Id", get(b"/nope", b"X-Request-Id: \xff\xfe"),
         [(404, "problem:not-found")], True),
    Case("invalid UTF-8 in Accept", get(b"/v1/actors?limit=1", b"Accept: \xff/\xfe"),
         [(200, "json")], True),
    Case("invalid UTF-8 in Authorization", get(b"/healthz", b"Authorization: Bearer \xff\xfe"),
         [(200, "json")], True, "a public read ignores the header"),
    Case("invalid UTF-8 in Authorization on a write",
         post(b"/v1/actors", ACTOR, b"Authorization: Bearer \xff\xfe"),
         [(401, "problem:unauthorized")], True),
    Case("control byte in Authorization on a write",
         post(b"/v1/actors", ACTOR, b"Authorization: Bearer ork_\x01\x02"),
         [(401, "problem:unauthorized")], True),
    Case("NUL in the JSON body", post(b"/v1/actors", b'{"slug": "a\x00b"}', AUTH),
         [(422, "problem:invalid-body")], True),
    Case("escaped NUL in the JSON body",
         post(b"/v1/actors", b'{"slug": "zz-a", "name": "a\\u0000b", "kind": "person"}', AUTH),
         [(400, "problem:malformed-json")], True),
    Case("invalid UTF-8 in the JSON body",
         post(b"/v1/actors", b'{"slug": "zz-a", "name": "\xff\xfe", "kind": "person"}', AUTH),
         [(422, "problem:invalid-body")], True),
    Case("invalid UTF-8 in Idempotency-Key",
         post(b"/v1/actors", b"{}", AUTH, b"Idempotency-Key: \xff\xfe"),
         [(400, "problem:bad-parameter")], True),
    Case("control byte in Idempotency-Key",
         post(b"/v1/actors", b"{}", AUTH, b"Idempotency-Key: a\x01b"),
         [(400, "problem:bad-parameter")], True),
    Case("invalid UTF-8 in If-Match",
         req(b"PATCH", b"/v1/actors/south-ossetia", (
             b"Content-Type: application/merge-patch+json", AUTH, b"If-Match: \"\xff\"",
             b"Content-Length: 2"), b"{}"),
         [(412, "problem:precondition-failed")], True),
    Case("garbage If-Match",
         req(b"PATCH", b"/v1/actors/south-ossetia", (
             b"Content-Type: application/merge-patch+json", AUTH, b"If-Match: \x01,,\"",
             b"Content-Length: 2"), b"{}"),
         [(412, "problem:precondition-failed")], True),
    Case("invalid UTF-8 in If-None-Match", get(b"/v1/actors?limit=1", b"If-None-Match: \xff"),
         [(200, "json")], True),
]


# ---------------------------------------------------------------- the exchange


class Reader:
    """HTTP/1.1 answers read one at a time from a socket, all within a deadline."""

    def __init__(self, sock, deadline):
        self.sock = sock
        self.deadline = deadline
        self.buf = b""
        self.closed = False

    def _fill(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise AssertionError("no answer within %d s" % CASE_SECONDS)
        self.sock.settimeout(left)
        try:
            chunk = self.sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
        except socket.timeout:
            raise AssertionError("no answer within %d s" % CASE_SECONDS)
        if not chunk:
            self.closed = True
        self.buf += chunk

    def answer(self):
        """(status, headers dict lower-cased, body), or None if closed first."""
        while b"\r\n\r\n" not in self.buf:
            if self.closed:
                return None
            self._fill()
        head, _, self.buf = self.buf.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        m = re.fullmatch(rb"HTTP/1\.[01] (\d\d\d) .*", lines[0])
        assert m, "not an HTTP status line: %r" % lines[0][:200]
        status = int(m.group(1))
        headers = []
        for line in lines[1:]:
            name, sep, value = line.partition(b":")
            assert sep, "malformed header line in the answer: %r" % line
            headers.append((name.strip().decode("latin-1"), value.strip().decode("latin-1")))
        hdict = {k.lower(): v for k, v in headers}
        if status < 200:
            return status, headers, hdict, b""
        assert "chunked" not in hdict.get("transfer-encoding", ""), "unexpected chunked answer"
        if "content-length" not in hdict:  # libmicrohttpd's own pages: the body ends at the close
            while not self.closed:
                self._fill()
            body, self.buf = self.buf, b""
            return status, headers, hdict, body
        length = int(hdict["content-length"])
        while len(self.buf) < length:
            if self.closed:
                raise AssertionError("closed mid-body")
            self._fill()
        body, self.buf = self.buf[:length], self.buf[length:]
        return status, headers, hdict, body

    def wait_closed(self, extra_ok=False):
        """True if the server hangs up (EOF or reset) before the deadline."""
        while not self.closed:
            try:
                self._fill()
            except AssertionError:
                return False
            assert extra_ok or not self.buf.strip(), "bytes after the answer: %r" % self.buf[:200]
        return True


def _send(sock, data):
    """sendall that tolerates the server closing early (it answered, then hung up)."""
    try:
        sock.sendall(data)
    except (BrokenPipeError, ConnectionResetError):
        return False
    return True


def _first_request(data):
    return data if isinstance(data, bytes) else data[0]


def run_case(case, key):
    deadline = time.monotonic() + CASE_SECONDS
    sock = socket.create_connection((HOST, PORT), timeout=CASE_SECONDS)
    steps = case.send if isinstance(case.send, list) else [case.send]
    reader = Reader(sock, deadline)
    got = []
    try:
        for step in steps:
            if isinstance(step, tuple):  # ("wait", status): an interim answer first
                a = reader.answer()
                assert a is not None, "closed before the %d" % step[1]
                got.append(a)
                continue
            if not _send(sock, step.replace(KEY, key.encode())):
                break
        while len(got) < len(case.expect):
            a = reader.answer()
            if a is None:
                break
            got.append(a)
        statuses = [a[0] for a in got]
        assert statuses == [s for s, _ in case.expect], \
            "%s: answers %r, expected %r" % (case.name, statuses, case.expect)
        first = _first_request(case.send)
        for (status, headers, hdict, body), (_, kind) in zip(got, case.expect):
            # 505 HTTP Version Not Supported is the one right 5xx (libmicrohttpd's).
            assert status < 500 or (status == 505 and kind == "mhd"), status
            ctype = hdict.get("content-type", "")
            if kind == "mhd":
                # libmicrohttpd's own page: not the API's, so no request id.
                assert "x-request-id" not in hdict and not ctype.startswith(PROBLEM_TYPE)
                assert 400 <= status < 500 or status == 505
            elif kind == "json":
                assert ctype == "application/json; charset=utf-8", ctype
                assert "x-request-id" in hdict
            elif kind.startswith("problem"):
                assert ctype == PROBLEM_TYPE + "; charset=utf-8", (status, ctype, body[:200])
                doc = json.loads(body)
                assert doc["status"] == status
                code = kind.partition(":")[2]
                if code:
                    assert doc["code"] == code, doc
                assert doc["request_id"] == hdict["x-request-id"]
            if len(got) == 1 and status >= 200:
                conformance.check_raw(first, status, b"HTTP/1.1 %d x\r\n" % status + b"\r\n".join(
                    ("%s: %s" % h).encode("latin-1") for h in headers), body)
        if case.open_after:
            assert not reader.closed, "%s: the server closed the connection" % case.name
            assert _send(sock, get(b"/healthz")), "the connection was closed"
            a = reader.answer()
            assert a is not None and a[0] == 200, "%s: the connection is not usable after" % case.name
        else:
            # libmicrohttpd 0.9.75 sends the head of its bad Content-Length pages twice.
            extra = bool(got) and case.expect[-1][1] == "mhd"
            assert reader.wait_closed(extra), \
                "%s: the connection was still open %d s later" % (case.name, CASE_SECONDS)
    finally:
        sock.close()
    assert time.monotonic() <= deadline + 1


@pytest.fixture(scope="module")
def editor_key(write_keys):
    return write_keys.editor


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, editor_key):
    run_case(case, editor_key)


def test_the_server_still_answers_after_the_table():
    assert server_alive()
    r = fetch("/v1/statements?limit=5")
    assert r.status == 200 and len(r.body["data"]) == 5


# ---------------------------------------------------------------- slowloris

SLOW_CONNECTIONS = 300  # each sends its headers a byte at a time and never ends them
SLOW_SECONDS = 6.0
PROMPT = 2.0  # the bound on each of the normal client's answers


def test_slowloris_does_not_stop_a_normal_client(seeded):
    from writes_support import SecondServer

    env = {"ONRECORD_ACCESS_LOG": "0",
           "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=1:halt_on_error=1")}
    supp = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lsan.supp")
    if os.path.exists(supp):
        env["LSAN_OPTIONS"] = "suppressions=" + supp
    with SecondServer(**env) as server:
        slow = []
        for _ in range(SLOW_CONNECTIONS):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.setblocking(False)
            slow.append(s)
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
        stop = threading.Event()
        sent = [0]

        def dribble():
            """One byte on every slow connection per round, ten rounds a second."""
            i = 0
            while not stop.is_set() and i < 1000:
                byte = head[i:i + 1] or b"a"
                for s in slow:
                    try:
                        s.send(byte)
                        sent[0] += 1
                    except (BlockingIOError, OSError):
                        pass
                i += 1
                stop.wait(0.1)

        t = threading.Thread(target=dribble, daemon=True)
        t.start()
        latencies = []
        try:
            deadline = time.monotonic() + SLOW_SECONDS
            while time.monotonic() < deadline and len(latencies) < 200:
                for path in ("/healthz", "/v1/statements?limit=5"):
                    t0 = time.monotonic()
                    r = server.fetch(path)
                    took = time.monotonic() - t0
                    assert r.status == 200, r
                    assert took < PROMPT, "%s took %.2f s behind %d slow connections" % (
                        path, took, SLOW_CONNECTIONS)
                    latencies.append(took)
                time.sleep(0.2)
        finally:
            stop.set()
            t.join(5)
        assert len(latencies) >= 10
        assert len(server.fetch("/v1/statements?limit=5").body["data"]) == 5
        # The slow connections are still held (idle timeout: ONRECORD_TIMEOUT).
        held = 0
        for s in slow:
            try:
                held += 1 if s.recv(1, socket.MSG_PEEK) else 0
            except BlockingIOError:
                held += 1
            except OSError:
                pass
            s.close()
        latencies.sort()
        print("slowloris: %d connections, %d held at the end, %d bytes dribbled; normal client "
              "%d answers, median %.1f ms, max %.1f ms" % (
                  SLOW_CONNECTIONS, held, sent[0], len(latencies),
                  1e3 * latencies[len(latencies) // 2], 1e3 * latencies[-1]))
