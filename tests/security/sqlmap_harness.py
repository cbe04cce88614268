"""Runs sqlmap against one target and reads its verdict.

One target is one injection point: a query parameter (-p NAME), or a place
marked with sqlmap's custom marker `*` (a path segment, a JSON body field,
a header). Each run gets its own output directory, its own HOME and a
traffic file (-t), so the verdict and the number of requests come from
sqlmap's own files, not from its screen alone:

  <out>/<host>/log   sqlmap writes every injection point it found here
                     ("Parameter: name (GET)" then "Type:" lines);
  <out>/traffic.txt  every request sent ("HTTP request [#N]:");
  <out>/console.txt  stdout + stderr, for the per-parameter lines
                     ("... parameter 'x' does not seem to be injectable").

A verdict is one of:
  injectable  sqlmap found an injection point (log file or screen);
  leak        sqlmap's heuristic recognized a DBMS error message in an
              answer ("might be injectable (possible DBMS: ...)"): the
              input reached SQL and its error was shown to the client;
  clean       the parameter was tested and is not injectable;
  error       anything else (no verdict line, timeout, connection lost,
              sqlmap could not run): never counted as clean.
"""
import base64
import os
import re
import shutil
import subprocess
import time
import urllib.parse

SQLMAP = os.environ.get("ONRECORD_SQLMAP", "/usr/bin/sqlmap")

# Questions sqlmap may ask even in --batch mode, answered so that a run is
# thorough for the parameter under test and bounded: no level/risk
# escalation on a DBMS guess, keep testing after a finding.
COMMON_ANSWERS = [
    "process it=Y",  # custom marker / JSON data found: test it
    "keep testing=Y",  # after a finding: test the other points too
    "extending provided=N",  # no escalation of level/risk on a DBMS guess
    "skip test payloads specific for other DBMSes=Y",
    "quit=N",
    "follow=N",  # never follow a Location (201 answers carry one)
]

PROFILES = {
    # script/test: every query parameter, boolean, error, union and stacked
    # queries at the lowest level; about 1 s and 40-60 requests a target.
    "short": {
        "options": ["--level=1", "--risk=1", "--technique=BEUS", "--time-sec=1"],
        "answers": ["reduce the number of requests=Y"],
        "timeout": 120,
    },
    # script/security: more boundaries and payloads (level 3, risk 2), every
    # technique including time-based blind and inline queries, full UNION
    # column ranges; the back end named (--dbms: PostgreSQL for onrecord),
    # so that the payloads are those that could work on it (36 of the 123
    # tests at this level and risk): 3 times fewer requests, same depth.
    "full": {
        "options": ["--level=3", "--risk=2", "--technique=BEUSTQ", "--time-sec=2"],
        "answers": ["reduce the number of requests=N"],
        "timeout": 1800,
        "dbms": True,
    },
}


class Target:
    """One sqlmap run: one URL, body and headers, and the points it tests.

    points: [(label, sqlmap name)], e.g. ("q", "q") for a query parameter
        (given to -p), ("{id}", "#1*") for a path marked with `*`,
        ("body /summary", "JSON #3*") for the third `*` in a JSON body,
        ("header Idempotency-Key", "Idempotency-Key #1*") for a header.
    kind: query | path | body | header | control
    data: request body (with `*` marks), or None
    method: HTTP method when not GET (or POST for a body)
    headers: list of "Name: value" (with `*` where kind is header)
    extra: more sqlmap options (e.g. --base64=cursor)
    answers: more --answers items (they win over the common ones)
    dbms: the back end, for profiles that name it (--dbms)
    expect: "clean" (onrecord, negative control) or "injectable" (positive control)
    base_query / marks: what each request is compared with to tell which
        point it tested (see attribute())
    """

    def __init__(self, endpoint, points, kind, url, data=None, method=None, headers=None,
                 extra=None, expect="clean", onrecord=True, answers=None, dbms="PostgreSQL"):
        self.endpoint = endpoint
        self.points = list(points)
        self.kind = kind
        self.url = url
        self.data = data
        self.method = method
        self.headers = list(headers or [])
        self.extra = list(extra or [])
        self.expect = expect
        self.onrecord = onrecord
        self.answers = list(answers or [])
        self.dbms = dbms

    @property
    def id(self):
        return "%s %s" % (self.endpoint, ",".join(label for label, _ in self.points))

    @property
    def params(self):
        """The query parameters for -p (kind query), else []."""
        return [name for _, name in self.points] if self.kind == "query" or (
            self.kind == "control" and "*" not in self.url + (self.data or "")) else []

    def __repr__(self):
        return "<Target %s>" % self.id


class Result:
    """What one run found: verdicts and requests per point, and the run's."""

    def __init__(self, verdicts, requests, total, seconds, rc, out, notes):
        self.verdicts = verdicts  # sqlmap name -> (verdict, [lines it rests on])
        self.requests = requests  # sqlmap name -> requests that tested it
        self.total = total  # every request of the run (with the shared ones)
        self.seconds = seconds
        self.rc = rc
        self.out = out
        self.notes = notes  # run-level lines: [CRITICAL], [ERROR], timeout

    def verdict(self, name):
        return self.verdicts.get(name, ("error", ["no verdict for %r" % name] + self.notes))

    def __repr__(self):
        return "<Result %r, %d requests, %.1fs>" % (
            {k: v[0] for k, v in self.verdicts.items()}, self.total, self.seconds)


def command(target, profile, out):
    """The sqlmap command line for target under profile, writing into out."""
    prof = PROFILES[profile]
    cmd = [SQLMAP, "-u", target.url]
    if target.params:
        cmd += ["-p", ",".join(target.params)]
    if target.data is not None:
        cmd += ["--data", target.data]
    if target.method:
        cmd += ["--method", target.method]
    for h in target.headers:
        cmd += ["-H", h]
    cmd += [
        "--batch",
        "--flush-session",
        "--output-dir=%s" % out,
        "-t",
        os.path.join(out, "traffic.txt"),
        "--disable-coloring",
        "--ignore-stdin",  # never read targets from a piped stdin
        "--skip-waf",  # a 400 to its WAF probe is validation, not a WAF
        "--timeout=10",
        "--retries=1",
        "--answers=%s" % ",".join(COMMON_ANSWERS + prof["answers"] + target.answers),
    ]
    cmd += prof["options"]
    if prof.get("dbms") and target.dbms:
        cmd.append("--dbms=%s" % target.dbms)
    cmd += target.extra
    return cmd


def run(target, profile, workdir, timeout=None):
    """Runs sqlmap for target into a fresh directory under workdir; a Result."""
    out = os.path.join(workdir, re.sub(r"[^A-Za-z0-9._-]+", "_", target.id).strip("_")[:120])
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    env = dict(os.environ, HOME=out, TERM="dumb", PYTHONDONTWRITEBYTECODE="1")
    limit = timeout or PROFILES[profile]["timeout"]
    started = time.monotonic()
    rc = None
    with open(os.path.join(out, "console.txt"), "wb") as console:
        proc = subprocess.Popen(command(target, profile, out), stdin=subprocess.DEVNULL,
                                stdout=console, stderr=subprocess.STDOUT, env=env,
                                cwd=out, start_new_session=True)
        try:
            rc = proc.wait(limit)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # its own session: sqlmap and nothing else
            proc.wait(30)
        except BaseException:  # Ctrl-C, SIGTERM: leave no sqlmap behind
            os.killpg(proc.pid, 9)
            proc.wait(30)
            raise
    result = read(out, target)
    result.seconds = time.monotonic() - started
    result.rc = rc
    if rc is None:
        result.notes.insert(0, "sqlmap timed out after %d s" % limit)
        for name, (v, lines) in list(result.verdicts.items()):
            if v == "clean":  # a run cut short proves nothing
                result.verdicts[name] = ("error", ["timed out"] + lines)
    return result


def read_text(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except FileNotFoundError:
        return ""


# "Parameter: name (GET)", "Parameter: #1* (URI)",
# "Parameter: JSON #1* ((custom) POST)", "Parameter: X-Key #1* ((custom) HEADER)"
_POINT = re.compile(r"^Parameter: (?P<name>.+?) \((?P<place>.+)\)\s*$")
_TYPE = re.compile(r"^\s+Type: (?P<type>.+?)\s*$")


def injection_points(text):
    """[(parameter, place, [technique types])] from sqlmap's log file or screen."""
    points = []
    for line in text.splitlines():
        m = _POINT.match(line)
        if m:
            points.append((m.group("name"), m.group("place"), []))
            continue
        m = _TYPE.match(line)
        if m and points:
            points[-1][2].append(m.group("type"))
    return points


_FOUND = [
    re.compile(r"parameter '(?P<p>[^']+)' is vulnerable"),
    re.compile(r"parameter '(?P<p>[^']+)' appears to be '.+' injectable"),
    re.compile(r"parameter '(?P<p>[^']+)' is '.+' injectable"),
]
_IDENTIFIED = re.compile(r"sqlmap identified the following injection point")
_LEAK = re.compile(r"heuristic \(basic\) test shows that .*parameter '(?P<p>[^']+)' might be injectable")
_CLEAN = re.compile(r"parameter '(?P<p>[^']+)' does not seem to be injectable")
_RANK = {"injectable": 3, "leak": 2, "clean": 1}


def verdicts(console, log, names):
    """{sqlmap name: (verdict, lines)} for each of names, from sqlmap's screen
    and its log file; plus the run-level problem lines."""
    found = {}

    def note(name, v, line):
        old = found.get(name)
        if old is None or _RANK[v] > _RANK[old[0]]:
            found[name] = (v, [line])
        elif old[0] == v:
            old[1].append(line)

    for name, place, types in injection_points(log) + injection_points(console):
        note(name, "injectable", "injection point: %s (%s): %s" % (name, place, ", ".join(types)))
    identified = False
    for line in console.splitlines():
        line = line.strip()
        for r in _FOUND:
            m = r.search(line)
            if m:
                note(m.group("p"), "injectable", line)
        m = _LEAK.search(line)
        if m:
            note(m.group("p"), "leak", line)
        m = _CLEAN.search(line)
        if m:
            note(m.group("p"), "clean", line)
        identified |= bool(_IDENTIFIED.search(line))
    notes = [line.strip() for line in console.splitlines()
             if "[CRITICAL]" in line or "[ERROR]" in line]
    out = {}
    for name in names:
        if name in found:
            out[name] = found[name]
        elif identified:  # a finding sqlmap did not name: count it against every point
            out[name] = ("injectable", ["sqlmap identified an injection point"])
        else:
            out[name] = ("error", ["sqlmap gave no verdict for %r" % name] + notes)
    for name in set(found) - set(names):  # a point nobody asked for: keep it visible
        out[name] = found[name]
    return out, notes


# ---------------------------------------------------------------- requests


def requests_of(traffic_text):
    """[(request line, body)] of every request in sqlmap's -t traffic file."""
    out = []
    traffic_text = traffic_text.replace("\r\n", "\n")
    parts = re.split(r"^HTTP request \[#\d+\]:\n", traffic_text, flags=re.M)[1:]
    for part in parts:
        part = re.split(r"\n\nHTTP (?:response|error) \[#\d+\]", part, maxsplit=1)[0]
        head, _, body = part.partition("\n\n")
        out.append((head.split("\n", 1)[0], body.rstrip("\n")))
    return out


def cursor_of(keys):
    """A list cursor as the server writes one (server/params.c): base64url,
    unpadded, of "v1" and the keys joined by tabs."""
    raw = "\t".join(["v1"] + list(keys)).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def count_requests(traffic_text):
    """Requests sqlmap sent, from its -t traffic file."""
    return len(requests_of(traffic_text))


def _first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))


def attribute(target, requests):
    """{sqlmap name: requests that tested it}; requests equal to the base one
    (connection and stability checks) are not counted against a point.

    Query points: the parameter whose value differs from the base URL's.
    Marked points (path, body, header): the `*` mark at or after the first
    character where the request differs from the unmarked base."""
    counts = {name: 0 for _, name in target.points}
    if target.kind in ("query",) or target.params:
        base = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(target.url).query,
                                           keep_blank_values=True))
        for line, _ in requests:
            parts = line.split(" ")
            if len(parts) < 2:
                continue
            query = urllib.parse.urlsplit(parts[1]).query
            got = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
            changed = [n for n in counts if got.get(n) != base.get(n)]
            if len(changed) == 1:
                counts[changed[0]] += 1
        return counts
    names = [name for _, name in target.points]
    if target.kind == "body" or (target.data and "*" in target.data):
        template = target.data
        pick = lambda line, body: body  # noqa: E731
    elif target.kind == "path" or "*" in target.url:
        template = urllib.parse.urlsplit(target.url).path
        pick = lambda line, body: urllib.parse.unquote(line.split(" ")[1].split("?")[0])  # noqa: E731
    else:  # a header: one point per run
        counts[names[0]] = len(requests)
        return counts
    marks, base = [], ""
    for piece in template.split("*")[:-1]:
        base += piece
        marks.append(len(base))
    base += template.split("*")[-1]
    # --randomize=NAME changes NAME's value in every request: put it back.
    randomized = [x.split("=", 1)[1] for x in target.extra if x.startswith("--randomize=")]
    for line, body in requests:
        got = pick(line, body)
        for name in randomized:
            m = re.search(r'"%s": "([^"]*)"' % re.escape(name), base)
            if m:
                got = re.sub(r'"%s": "[a-z0-9]*' % re.escape(name), lambda _: m.group(0)[:-1], got,
                             count=1)
        d = _first_difference(base, got)
        if d is None:
            continue
        for k, pos in enumerate(marks):
            if d <= pos and k < len(names):
                counts[names[k]] += 1
                break
    return counts


def read(out, target):
    """The Result of a finished run of target in directory out."""
    console = read_text(os.path.join(out, "console.txt"))
    logs = []
    for entry in sorted(os.listdir(out)) if os.path.isdir(out) else []:
        log = os.path.join(out, entry, "log")
        if os.path.isfile(log):
            logs.append(read_text(log))
    names = [name for _, name in target.points]
    v, notes = verdicts(console, "\n".join(logs), names)
    reqs = requests_of(read_text(os.path.join(out, "traffic.txt")))
    return Result(v, attribute(target, reqs), len(reqs), 0.0, None, out, notes)
