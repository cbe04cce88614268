"""sqlmap against every query parameter, path parameter, JSON body field and
write header of onrecord, one test per point; the positive and negative
controls first; then the server's own record of the run (no 5xx but 503,
no crash, no sanitizer report, a clean exit on SIGTERM).

Profile: ONRECORD_SECURITY_PROFILE=short (script/test) or full
(script/security); see README.md.
"""
import os
import time

import pytest
import yaml

import targets
from conftest import ACCESS, BASE, CONTROL, KEY, PROFILE, ROOT, SANITIZER, http_get

with open(os.path.join(ROOT, "api-spec", "openapi.yaml")) as f:
    SPEC = yaml.safe_load(f)

TARGETS = targets.build(SPEC, BASE, KEY, CONTROL, PROFILE)
POINTS = [(t, p) for t in TARGETS for p in t.points]


def _id(point):
    t, (label, _) = point
    return "%s %s" % (t.endpoint, label)


@pytest.mark.parametrize("point", POINTS, ids=[_id(p) for p in POINTS])
def test_sqlmap_verdict(stack, point):
    target, (label, name) = point
    result = stack.run(target)
    verdict, lines = result.verdict(name)
    why = "\n  ".join(lines[:12])
    where = "sqlmap output: %s" % result.out
    if target.expect == "injectable":
        assert verdict == "injectable", (
            "the positive control %s was not found injectable (%s): the harness cannot "
            "tell\n  %s\n%s" % (target.id, verdict, why, where))
    else:
        assert verdict == "clean", "%s %s: %s\n  %s\n%s" % (target.endpoint, label, verdict, why, where)
    assert result.requests.get(name, 0) > 0, "no request tested %s %s (%s)" % (
        target.endpoint, label, where)


def test_targets_cover_the_spec():
    """Every query and path parameter of every GET /v1 operation is a point
    (in the full profile; the short one leaves out the sub-resources' paths),
    and no base value is kept for a list the spec no longer has."""
    full = targets.build(SPEC, BASE, KEY, CONTROL, "full")
    have = {(t.endpoint, label) for t in full for label, _ in t.points}
    want = {("GET " + path, name) for path, name in targets.query_targets(SPEC)}
    want |= {("GET " + path, "{%s}" % name) for path, name in targets.path_targets(SPEC)}
    assert want - have == set()
    lists = {path for path, _ in targets.query_targets(SPEC)}
    assert set(targets.LISTS) == lists
    for path in lists:
        names = {n for p, n in targets.query_targets(SPEC) if p == path}
        given = set(targets.base_query(path, names)) | {"cursor"}
        assert names - given == set(), "%s: no base value for %s" % (path, names - given)
    # the bodies: every field the spec's schemas have
    schemas = SPEC["components"]["schemas"]
    for schema, body in (("StatementCreate", targets.STATEMENT), ("ActorCreate", targets.ACTOR_BODY)):
        fields = {p.split("/")[1] for p, _ in targets.leaves(body)}
        assert set(schemas[schema]["properties"]) == fields, schema


def test_server_answered_no_5xx_but_503(stack):
    """Every request is in the access log with its status: none 5xx but 503."""
    if not stack.results:
        pytest.skip("no sqlmap run in this session")
    assert stack.five_hundreds == [], "\n".join("%s: %s" % x for x in stack.five_hundreds[:40])
    # Each request sqlmap sent has its line (else the log could hide a 5xx).
    assert stack.unlogged == [], "\n".join(
        "%s: sqlmap sent %d requests, the access log has %d lines" % x for x in stack.unlogged)


def test_access_log_lines_cannot_be_forged(stack):
    """A path's %0A is written escaped: one line per request, whatever it holds
    (the 5xx check above reads these lines)."""
    before = stack.log_size()
    forged = "GET /v1/fake 500 1.00ms id=forged"
    status, _ = http_get(stack.base + "/v1/actors/x%0A" + forged.replace(" ", "%20"))
    assert status == 400
    for _ in range(100):  # the line is written after the answer is sent
        with open(stack.log_path, "rb") as f:
            f.seek(before)
            lines = f.read().decode("utf-8", "replace").splitlines()
        if lines:
            break
        time.sleep(0.05)
    assert len(lines) == 1, lines
    assert lines[0].startswith("GET /v1/actors/x\\x0aGET\\x20/v1/fake\\x20500"), lines
    assert ACCESS.match(lines[0]).group("status") == "400", lines


def test_server_survived(stack):
    """The server is still up, exits 0 on SIGTERM, and its stderr has no sanitizer report."""
    if not stack.results:
        pytest.skip("no sqlmap run in this session")
    state = stack.stop_server()
    log = stack.log_text()
    bad = [line for line in log.splitlines() if SANITIZER.search(line)]
    assert bad == [], "sanitizer reports in %s:\n%s" % (stack.log_path, "\n".join(bad[:20]))
    assert state == ("stopped", 0), "onrecord %s with status %s; log tail:\n%s" % (
        state[0], state[1], log[-3000:])
