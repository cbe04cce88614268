"""The harness's reading of sqlmap, on text from real sqlmap 1.7.2 runs: a
finding, a clean parameter, a run that never tested anything, and the
requests of a traffic file. No sqlmap runs here; these take milliseconds.
"""
import json

import sqlmap_harness as h
import targets

INJECTABLE_CONSOLE = """\
[20:52:16] [WARNING] heuristic (basic) test shows that GET parameter 'name' might not be injectable
[20:52:16] [INFO] testing for SQL injection on GET parameter 'name'
[20:52:16] [INFO] testing 'AND boolean-based blind - WHERE or HAVING clause'
[20:52:16] [INFO] GET parameter 'name' appears to be 'AND boolean-based blind - WHERE or HAVING clause' injectable 
[20:52:16] [INFO] GET parameter 'name' is 'Generic UNION query (NULL) - 1 to 20 columns' injectable
GET parameter 'name' is vulnerable. Do you want to keep testing the others (if any)? [y/N] Y
sqlmap identified the following injection point(s) with a total of 40 HTTP(s) requests:
---
Parameter: name (GET)
    Type: boolean-based blind
    Title: AND boolean-based blind - WHERE or HAVING clause
    Payload: name=pen' AND 3478=3478 AND 'YhYx'='YhYx
---
"""

INJECTABLE_LOG = """\
sqlmap identified the following injection point(s) with a total of 40 HTTP(s) requests:
---
Parameter: name (GET)
    Type: boolean-based blind
    Title: AND boolean-based blind - WHERE or HAVING clause
    Payload: name=pen' AND 3478=3478 AND 'YhYx'='YhYx

    Type: UNION query
    Title: Generic UNION query (NULL) - 3 columns
    Payload: name=pen' UNION ALL SELECT NULL,NULL,CHAR(113)-- TZpC
---
back-end DBMS: SQLite
"""

CLEAN_CONSOLE = """\
[20:55:21] [INFO] testing if (custom) POST parameter 'JSON #1*' is dynamic
[20:55:21] [WARNING] heuristic (basic) test shows that (custom) POST parameter 'JSON #1*' might not be injectable
[20:55:21] [INFO] testing for SQL injection on (custom) POST parameter 'JSON #1*'
[20:55:21] [WARNING] (custom) POST parameter 'JSON #1*' does not seem to be injectable
[20:55:21] [INFO] testing for SQL injection on (custom) POST parameter 'JSON #2*'
[20:55:22] [WARNING] (custom) POST parameter 'JSON #2*' does not seem to be injectable
[20:55:22] [ERROR] all tested parameters do not appear to be injectable. Try to increase values for '--level'/'--risk' options
"""

NEVER_TESTED_CONSOLE = """\
[20:56:04] [INFO] testing connection to the target URL
[20:56:04] [CRITICAL] parameter 'cursor' does not contain valid Base64 encoded value ('X')
"""

LEAK_CONSOLE = """\
[21:00:00] [INFO] heuristic (basic) test shows that GET parameter 'q' might be injectable (possible DBMS: 'PostgreSQL')
[21:00:00] [INFO] testing for SQL injection on GET parameter 'q'
[21:00:01] [WARNING] GET parameter 'q' does not seem to be injectable
"""


def test_a_finding_is_injectable_from_the_screen_or_the_log_alone():
    for console, log in ((INJECTABLE_CONSOLE, ""), ("", INJECTABLE_LOG), (INJECTABLE_CONSOLE, INJECTABLE_LOG)):
        v, _ = h.verdicts(console, log, ["name"])
        assert v["name"][0] == "injectable", (console[:40], log[:40])
    assert h.injection_points(INJECTABLE_LOG) == [("name", "GET", ["boolean-based blind", "UNION query"])]


def test_an_unnamed_finding_counts_against_every_point():
    v, _ = h.verdicts("sqlmap identified the following injection point(s) with a total of 9 HTTP(s) requests:\n",
                      "", ["a", "b"])
    assert v["a"][0] == v["b"][0] == "injectable"


def test_each_point_gets_its_own_verdict():
    v, _ = h.verdicts(CLEAN_CONSOLE, "", ["JSON #1*", "JSON #2*", "JSON #3*"])
    assert v["JSON #1*"][0] == "clean"
    assert v["JSON #2*"][0] == "clean"
    assert v["JSON #3*"][0] == "error"  # never tested: not clean


def test_a_run_that_tested_nothing_is_an_error_with_the_reason():
    v, notes = h.verdicts(NEVER_TESTED_CONSOLE, "", ["cursor"])
    assert v["cursor"][0] == "error"
    assert any("Base64" in line for line in v["cursor"][1])
    assert notes and "[CRITICAL]" in notes[0]


def test_a_database_error_seen_by_the_heuristic_is_a_leak_even_if_not_injectable():
    v, _ = h.verdicts(LEAK_CONSOLE, "", ["q"])
    assert v["q"][0] == "leak"


def test_a_finding_on_a_point_not_asked_for_is_kept():
    v, _ = h.verdicts(INJECTABLE_CONSOLE, "", ["other"])
    assert v["other"][0] == "injectable"  # sqlmap's "identified" block
    assert v["name"][0] == "injectable"


TRAFFIC = (
    "HTTP request [#1]:\r\nGET /v1/x?a=1&b=2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\n"
    "HTTP response [#1] (200 OK):\r\nContent-Length: 2\r\n\r\n{}\n\n" + "#" * 76 + "\n\n"
    "HTTP request [#2]:\r\nGET /v1/x?a=1%27%20AND%201%3D1&b=2 HTTP/1.1\r\nHost: h\r\n\n"
    "HTTP error [#2] (400 Bad Request):\r\n\r\n{}\n\n" + "#" * 76 + "\n\n"
    "HTTP request [#3]:\r\nGET /v1/x?a=1&b=2)%20OR%201 HTTP/1.1\r\nHost: h\r\n\n"
    "HTTP error [#3] (400 Bad Request):\r\n\r\n{}\n\n" + "#" * 76 + "\n\n"
    "HTTP request [#4]:\r\nPOST /v1/y HTTP/1.1\r\nContent-length: 22\r\n\r\n"
    '{"s": "ab AND 1", "n": 1}\n\n'
    "HTTP response [#4] (201 Created):\r\n\r\n{}\n\n"
)


def test_requests_are_read_from_the_traffic_file_and_attributed():
    reqs = h.requests_of(TRAFFIC)
    assert h.count_requests(TRAFFIC) == 4
    assert reqs[0] == ("GET /v1/x?a=1&b=2 HTTP/1.1", "")
    assert reqs[3][1] == '{"s": "ab AND 1", "n": 1}'
    query = h.Target("GET /v1/x", [("a", "a"), ("b", "b")], "query", "http://h/v1/x?a=1&b=2")
    assert h.attribute(query, reqs[:3]) == {"a": 1, "b": 1}  # #1 is the base request
    body = h.Target("POST /v1/y", [("s", "JSON #1*"), ("n", "JSON #2*")], "body", "http://h/v1/y",
                    data='{"s": "ab*", "n": 1*}')
    got = h.attribute(body, [("POST /v1/y HTTP/1.1", '{"s": "ab", "n": 1 OR 2}'),
                             ("POST /v1/y HTTP/1.1", '{"s": "ab AND 1", "n": 1}'),
                             ("POST /v1/y HTTP/1.1", '{"s": "ab", "n": 1}')])
    assert got == {"JSON #1*": 1, "JSON #2*": 1}


def test_a_randomized_slug_is_not_taken_for_a_payload():
    body = h.Target("POST /v1/a", [("slug", "JSON #1*"), ("name", "JSON #2*")], "body", "http://h",
                    data='{"slug": "zzsecactor*", "name": "n*"}', extra=["--randomize=slug"])
    got = h.attribute(body, [("POST /v1/a HTTP/1.1", '{"slug": "qwertyuiop", "name": "n AND 1"}'),
                             ("POST /v1/a HTTP/1.1", '{"slug": "asdfghjklz AND 1", "name": "n"}')])
    assert got == {"JSON #1*": 1, "JSON #2*": 1}


def test_cursor_of_writes_the_servers_cursor():
    assert h.cursor_of(["history", "1"]) == "djEJaGlzdG9yeQkx"  # as GET .../history?limit=1 gives
    assert h.cursor_of(["topics_list", "georgia-joins-eu"]) == "djEJdG9waWNzX2xpc3QJZ2VvcmdpYS1qb2lucy1ldQ"


def test_marked_bodies_mark_each_leaf_once_in_document_order():
    pointers = [p for p, _ in targets.leaves(targets.STATEMENT)]
    text = targets.marked_body(targets.STATEMENT, pointers)
    assert text.count("*") == len(pointers) == 17
    assert json.loads(text.replace("*", "")) == targets.STATEMENT
    one = targets.marked_body(targets.STATEMENT, ["/reports/0/source"])
    assert '"source": 1*' in one and one.count("*") == 1
    one = targets.marked_body(targets.ACTOR_BODY, ["/other_names/0"])
    assert '["zz-sec other*"]' in one


def test_the_sqlmap_command_is_bounded_and_batch():
    t = h.Target("GET /v1/x", [("a", "a")], "query", "http://h/v1/x?a=1")
    for profile in h.PROFILES:
        cmd = h.command(t, profile, "/tmp/out")
        for option in ("--batch", "--flush-session", "--disable-coloring", "--ignore-stdin",
                       "--output-dir=/tmp/out", "--timeout=10", "--retries=1"):
            assert option in cmd
        assert cmd[cmd.index("-p") + 1] == "a"
        assert any(o.startswith("--time-sec=") for o in cmd)
        assert any(o.startswith("--answers=") for o in cmd)
    assert h.PROFILES["full"]["timeout"] > h.PROFILES["short"]["timeout"]
