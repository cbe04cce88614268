"""The OpenAPI document is the contract: it must say what the server does.

* The server's route table (`onrecord routes`) and the document's paths list
  exactly the same operations (HEAD is implied by GET and never listed).
* The document parses, every `$ref` resolves, and every example in it
  (`example` / `examples` of schemas, parameters, headers and media types)
  validates against its own schema.
* Every GET documents conditional requests (If-None-Match, 304) and every
  list documents its CSV and NDJSON exports.

Every response the rest of the suite receives is checked against the same
document by conformance.py (hooked into conftest.fetch and raw_request).
"""
import datetime
import os
import re
import subprocess

import pytest
import yaml

import conformance
from conftest import REPO_ROOT, connect, fetch, onrecord_bin

SPEC = conformance.spec()
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_ONES = ("items", "not", "if", "then", "else", "additionalProperties", "contains",
               "unevaluatedItems", "unevaluatedProperties", "propertyNames")


def operations():
    """(method, path, operation) of every operation in the document."""
    for path, item in SPEC["paths"].items():
        item = conformance.deref(item)
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]


# ---------------------------------------------------------------- (a) routes


def server_routes():
    out = subprocess.run([onrecord_bin(), "routes"], check=True, capture_output=True,
                         text=True, timeout=30).stdout
    routes = set()
    for line in out.splitlines():
        if not line.strip():
            continue
        # METHOD PATTERN ACCESS (public, read, editor or admin: test_writes_auth_matrix.py)
        m = re.fullmatch(r"([A-Z]+)\s+(/\S*)\s+(public|read|editor|admin)", line.strip())
        assert m, "unexpected line from `onrecord routes`: %r" % line
        routes.add((m.group(1), m.group(2)))
    return routes


def test_the_spec_and_the_route_table_list_the_same_operations():
    routes = server_routes()
    assert routes, "`onrecord routes` printed no route"
    documented = {(method, path) for method, path, _ in operations()}
    assert not any(m == "HEAD" for m, _ in documented), \
        "HEAD is implied by GET and must not be listed in the spec"
    missing = sorted(routes - documented)
    extra = sorted(documented - routes)
    assert not missing and not extra, (
        "routes the server has but the spec does not document: %s\n"
        "operations the spec documents but the server does not route: %s"
        % (["%s %s" % r for r in missing] or "none", ["%s %s" % r for r in extra] or "none"))


def test_read_operations_are_named_after_their_handlers():
    """operationId = the C handler (server/routes.c), except for the generic write handlers."""
    table = open(os.path.join(REPO_ROOT, "server", "routes.c"), encoding="utf-8").read()
    handlers = {(m, p): h for m, p, h in re.findall(r'\{"([A-Z]+)", "([^"]+)", (\w+),', table)}
    assert handlers, "no route found in server/routes.c"
    wrong = []
    for method, path, op in operations():
        handler = handlers.get((method, path))
        if handler and not handler.startswith("write_") and op.get("operationId") != handler:
            wrong.append("%s %s: operationId %r, handler %s" % (method, path,
                                                                  op.get("operationId"), handler))
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- (c) parsing and $refs


def walk(node, pointer=""):
    """(json pointer, node) of every object and list in the document."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                yield from walk(value, pointer + "/" + str(key).replace("~", "~0").replace("/", "~1"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield from walk(value, "%s/%d" % (pointer, i))


def test_the_spec_parses_as_openapi_3_1():
    assert isinstance(SPEC, dict)
    assert str(SPEC.get("openapi", "")).startswith("3.1."), SPEC.get("openapi")
    for key in ("info", "paths", "components"):
        assert key in SPEC, key
    ids = [op.get("operationId") for _, _, op in operations()]
    assert all(ids), "an operation has no operationId"
    assert len(ids) == len(set(ids)), "operationIds repeat: %s" % sorted(
        i for i in set(ids) if ids.count(i) > 1)


def test_every_date_in_the_spec_is_a_string_for_every_yaml_reader():
    """PyYAML and js-yaml read an unquoted 2024-08-15 as a date, not a string."""
    with open(conformance.SPEC_PATH, "rb") as f:
        plain = yaml.safe_load(f)
    dates = [p for p, node in walk(plain)
             for v in (node.values() if isinstance(node, dict) else node)
             if isinstance(v, (datetime.date, datetime.datetime))]
    assert not dates, "quote these dates: %s" % dates[:20]


def test_every_ref_resolves():
    broken = []
    count = 0
    for pointer, node in walk(SPEC):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            count += 1
            try:
                conformance.deref(node)
            except (AssertionError, KeyError, IndexError, TypeError) as e:
                broken.append("%s: %s (%r)" % (pointer, node["$ref"], e))
    assert count > 0
    assert not broken, "\n".join(broken)


def test_the_server_serves_this_document():
    r = fetch("/openapi.yaml")
    assert r.status == 200
    with open(conformance.SPEC_PATH, "rb") as f:
        assert r.raw == f.read(), "the server was built with another api-spec/openapi.yaml: rebuild"


def test_the_spec_passes_openapi_spec_validator():
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(SPEC)


# ---------------------------------------------------------------- (b) examples


def schema_examples(schema, pointer):
    """(pointer, schema, example value) of examples inside a schema and its subschemas."""
    if not isinstance(schema, dict) or "$ref" in schema and len(schema) == 1:
        return
    if "example" in schema:
        yield pointer + "/example", schema, schema["example"]
    if isinstance(schema.get("examples"), list):
        for i, value in enumerate(schema["examples"]):
            yield "%s/examples/%d" % (pointer, i), schema, value
    for key in SCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items():
            yield from schema_examples(sub, "%s/%s/%s" % (pointer, key, name))
    for key in SCHEMA_LISTS:
        for i, sub in enumerate(schema.get(key) or []):
            yield from schema_examples(sub, "%s/%s/%d" % (pointer, key, i))
    for key in SCHEMA_ONES:
        if isinstance(schema.get(key), dict):
            yield from schema_examples(schema[key], "%s/%s" % (pointer, key))


def named_examples(holder, pointer):
    """Values of `example` and of the `examples` map of a parameter, header or media type."""
    if "example" in holder:
        yield pointer + "/example", holder["example"]
    for name, example in (holder.get("examples") or {}).items():
        example = conformance.deref(example)
        if "value" in example:
            yield "%s/examples/%s" % (pointer, name), example["value"]


def all_examples():
    """(pointer, schema, value, ndjson item schema or None) of every example."""
    found = []
    for name, schema in SPEC["components"].get("schemas", {}).items():
        for p, s, v in schema_examples(schema, "/components/schemas/" + name):
            found.append((p, s, v, None))
    for pointer, node in walk(SPEC):
        if not isinstance(node, dict):
            continue
        # parameters and headers: {name?, in?, schema, example(s)}
        if "schema" in node and ("in" in node or "/headers/" in pointer):
            for p, v in named_examples(node, pointer):
                found.append((p, node["schema"], v, None))
            for p, s, v in schema_examples(node["schema"], pointer + "/schema"):
                found.append((p, s, v, None))
        # media types: the values of a `content` map
        if pointer.endswith("/content") and not pointer.endswith("/properties/content"):
            for media_type, media in node.items():
                media = conformance.deref(media)
                where = "%s/%s" % (pointer, media_type.replace("/", "~1"))
                schema = media.get("schema", {})
                item = None
                if media_type == conformance.NDJSON_MEDIA:
                    item = conformance._list_item_schema({"content": node})
                for p, v in named_examples(media, where):
                    found.append((p, schema, v, item))
                for p, s, v in schema_examples(schema, where + "/schema"):
                    found.append((p, s, v, None))
    return found


EXAMPLES = all_examples()


def test_the_spec_has_examples():
    assert len(EXAMPLES) > 100, len(EXAMPLES)


@pytest.mark.parametrize("pointer,schema,value,item",
                         [pytest.param(*e, id=e[0]) for e in EXAMPLES])
def test_every_example_matches_its_schema(pointer, schema, value, item):
    errors = conformance.validation_errors(value, schema)
    assert not errors, "%s: %s" % (pointer, conformance.describe(errors[0]))
    if item is not None:
        import json
        for n, line in enumerate(value.split("\n"), 1):
            if line.strip():
                errors = conformance.validation_errors(json.loads(line), item)
                assert not errors, "%s line %d: %s" % (pointer, n, conformance.describe(errors[0]))


# ---------------------------------------------------------------- conditional GET and exports


def is_list(operation):
    ok = conformance.deref(operation["responses"].get("200", {}))
    return conformance._list_item_schema(ok) is not None


# Health checks are answered no-store, with no validator to revalidate.
NOT_STORED = {"health_live", "health_ready"}


def test_every_get_documents_if_none_match_and_304():
    missing = []
    for method, path, op in operations():
        if method != "GET" or op["operationId"] in NOT_STORED:
            continue
        names = {conformance.deref(p).get("name") for p in op.get("parameters", [])}
        if "If-None-Match" not in names:
            missing.append("%s %s: no If-None-Match parameter" % (method, path))
        if "304" not in op["responses"]:
            missing.append("%s %s: no 304 response" % (method, path))
        ok = conformance.deref(op["responses"].get("200", {}))
        for header in ("ETag", "Cache-Control"):
            if header not in ok.get("headers", {}):
                missing.append("%s %s: 200 without %s" % (method, path, header))
    assert not missing, "\n".join(missing)


def test_every_list_documents_its_csv_and_ndjson_exports():
    lists = 0
    missing = []
    for method, path, op in operations():
        if method != "GET" or not is_list(op):
            continue
        lists += 1
        content = conformance.deref(op["responses"]["200"])["content"]
        for media_type in ("text/csv", "application/x-ndjson"):
            if media_type not in content:
                missing.append("%s %s: no %s" % (method, path, media_type))
        names = {conformance.deref(p).get("name") for p in op.get("parameters", [])}
        if "format" not in names:
            missing.append("%s %s: no format parameter" % (method, path))
    assert lists >= 20, lists
    assert not missing, "\n".join(missing)


# ---------------------------------------------------------------- the checker itself


@pytest.mark.parametrize("path,template", [
    ("/v1/actors", "/v1/actors"),
    ("/v1/actors/alan-gagloev", "/v1/actors/{slug}"),
    ("/v1/actors/alan-gagloev/positions?limit=1", "/v1/actors/{slug}/positions"),
    ("/v1/stats/stances?interval=month", "/v1/stats/stances"),
    ("/v1/stances/19/south-ossetia-joins-russia/history", "/v1/stances/{statement}/{topic}/history"),
    ("/v1/actors/", None),
    ("/v1/nope", None),
])
def test_the_checker_finds_the_operation(path, template):
    assert conformance.match_path(path)[0] == template


def test_the_checker_refuses_what_the_spec_does_not_say():
    ok_headers = {"Content-Type": "application/json; charset=utf-8", "X-Request-Id": "t-1",
                  "Cache-Control": "no-store"}
    conformance.check("GET", "/healthz", 200, ok_headers, b'{"status":"ok"}')
    with pytest.raises(AssertionError, match="schema"):
        conformance.check("GET", "/healthz", 200, ok_headers, b'{"status":"fine"}')
    with pytest.raises(AssertionError, match="not documented"):
        conformance.check("GET", "/healthz", 200, dict(ok_headers, **{"Content-Type": "text/plain"}),
                          b"ok")
    with pytest.raises(AssertionError, match="X-Request-Id"):
        conformance.check("GET", "/healthz", 200,
                          {k: v for k, v in ok_headers.items() if k != "X-Request-Id"},
                          b'{"status":"ok"}')
    with pytest.raises(AssertionError, match="problem"):
        conformance.check("GET", "/nope", 404, ok_headers, b'{"status":"ok"}')
    with pytest.raises(AssertionError, match="not documented for default"):
        conformance.check("GET", "/healthz", 299, ok_headers, b'{"status":"ok"}')
    with pytest.raises(AssertionError, match="no operation"):
        conformance.check("GET", "/nope", 200, ok_headers, b'{"status":"ok"}')


# ---------------------------------------------------------------- every GET, live
#
# The rest of the suite exercises the API's behaviour; this sweep makes sure
# that every documented read answers as documented at all: JSON (plain and
# gzipped), HEAD, a 304 to its own ETag, and for lists both exports, so that
# conformance.py sees each operation, each media type and each 304.

SAMPLES = {
    "index_get": "/",
    "health_live": "/healthz",
    "health_ready": "/readyz",
    "spec_yaml": "/openapi.yaml",
    "spec_json": "/openapi.json",
    "docs_page": "/docs",
    "docs_script": "/docs/redoc.standalone.js",
    "docs_license": "/docs/redoc.LICENSE",
    "actors_list": "/v1/actors?kind=territory",
    "actors_get": "/v1/actors/alan-gagloev",
    "actors_history": "/v1/actors/alan-gagloev/history",
    "actors_statements": "/v1/actors/alan-gagloev/statements",
    "actors_recognitions": "/v1/actors/south-ossetia/recognitions",
    "actors_positions": "/v1/actors/alan-gagloev/positions",
    "roles_get": "/v1/roles/1",
    "roles_history": "/v1/roles/1/history",
    "statements_list": "/v1/statements?q=referendum&sort=relevance&include=actor,reports,stances&highlight=1",
    "statements_get": "/v1/statements/19",
    "statements_history": "/v1/statements/19/history",
    "stances_get": "/v1/stances/19/south-ossetia-joins-russia",
    "stances_history": "/v1/stances/19/south-ossetia-joins-russia/history",
    "sources_list": "/v1/sources?outlet=tass",
    "sources_get": "/v1/sources/2",
    "sources_history": "/v1/sources/2/history",
    "outlets_list": "/v1/outlets",
    "outlets_get": "/v1/outlets/tass",
    "outlets_history": "/v1/outlets/tass/history",
    "topics_list": "/v1/topics",
    "topics_get": "/v1/topics/south-ossetia-joins-union-state",
    "topics_history": "/v1/topics/south-ossetia-joins-union-state/history",
    "topics_stances": "/v1/topics/south-ossetia-joins-union-state/stances",
    "topics_timeline": "/v1/topics/south-ossetia-joins-union-state/timeline",
    "recognitions_list": "/v1/recognitions?territory=south-ossetia",
    "recognitions_get": "/v1/recognitions/13",
    "recognitions_history": "/v1/recognitions/13/history",
    "changes_list": "/v1/changes?resource=topics",
    "stats_stances": "/v1/stats/stances?topic=south-ossetia-joins-russia&interval=quarter",
}

GETS = {op["operationId"]: (path, op) for method, path, op in operations() if method == "GET"}
LISTS = sorted(op_id for op_id, (_, op) in GETS.items() if is_list(op))


def fetch_raw(path, method="GET", headers=None):
    """(status, headers, raw body), checked by conformance.check(); for the answers
    conftest.Response cannot parse (gzipped bodies, NDJSON)."""
    c = connect()
    try:
        c.request(method, path, headers=headers or {})
        r = c.getresponse()
        raw = r.read()
        conformance.check(method, path, r.status, r.headers, raw)
        return r.status, r.headers, raw
    finally:
        c.close()


def with_param(path, param):
    return path + ("&" if "?" in path else "?") + param


def test_every_get_has_a_sample_request():
    assert sorted(GETS) == sorted(SAMPLES), "add the new GET operations to SAMPLES"


@pytest.mark.parametrize("op_id", sorted(SAMPLES))
def test_every_get_answers_as_documented_and_revalidates(op_id, seeded):
    path = SAMPLES[op_id]
    assert conformance.find_operation("GET", path)[1]["operationId"] == op_id
    r = fetch(path)  # conformance.check() validates status, headers and body
    assert r.status == 200, r
    if r.header("Cache-Control") == "no-store":
        # Health checks are not to be stored, so they carry no validator.
        assert r.header("ETag") is None
        return
    etag = r.header("ETag")
    assert etag, "a 200 GET without ETag"
    again = fetch(path, headers={"If-None-Match": etag})
    assert again.status == 304 and again.raw == b"", again
    assert again.header("ETag") == etag
    assert fetch(path, headers={"If-None-Match": '"0.0000000000000000", ' + etag}).status == 304
    assert fetch(path, headers={"If-None-Match": 'W/"0000000000000000"'}).status == 200
    head = fetch(path, method="HEAD")
    assert head.status == 200 and head.raw == b"" and head.header("ETag") == etag
    status, headers, raw = fetch_raw(path, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    if len(r.raw) >= 1024:
        assert headers.get("Content-Encoding") == "gzip"
        assert "Accept-Encoding" in headers.get("Vary", "")


@pytest.mark.parametrize("op_id", LISTS)
@pytest.mark.parametrize("how", ["format=csv", "format=ndjson", "Accept: text/csv",
                                 "Accept: application/x-ndjson", "format=csv&limit=1"])
def test_every_list_exports_as_documented(op_id, how, seeded):
    path, headers = SAMPLES[op_id], {}
    if how.startswith("Accept: "):
        headers["Accept"] = how[len("Accept: "):]
    else:
        path = with_param(path, how)
    status, got, raw = fetch_raw(path, headers=headers)
    assert status == 200, raw[:300]
    media = got.get("Content-Type", "").split(";")[0]
    assert media == ("text/csv" if "csv" in how else "application/x-ndjson")
    assert got.get("ETag") is None and got.get("Link") is None
    if how == "format=csv&limit=1":
        assert raw.count(b"\r\n") <= 2, raw[:500]
    status, _, raw = fetch_raw(path, method="HEAD", headers=headers)
    assert status == 200 and raw == b""


@pytest.mark.parametrize("query", [
    "fields=id", "fields=summary,score&q=gagloev", "fields=highlight&q=utopia&highlight=true",
    "include=actor&fields=actor", "include=stances&sort=said_on&limit=3", "status=published&limit=1",
    "q=the", "q=referendum&sort=relevance&format=ndjson&include=actor,reports,stances&highlight=1",
])
def test_statement_list_variants_answer_as_documented(query, seeded):
    for base in ("/v1/statements", "/v1/actors/alan-gagloev/statements"):
        status, _, raw = fetch_raw(with_param(base, query))
        assert status == 200, raw[:300]


@pytest.mark.parametrize("query", ["", "group_by=actor", "interval=month&from=2024-01-01&to=2024-12-31",
                                   "topic=south-ossetia-joins-union-state&group_by=actor&interval=year",
                                   "from=2030-01-01&to=2030-03-01&group_by=actor"])
def test_stance_statistics_answer_as_documented(query, seeded):
    r = fetch(with_param("/v1/stats/stances", query) if query else "/v1/stats/stances")
    assert r.status == 200, r


# ---------------------------------------------------------------- CORS, on a second server


def test_cors_answers_as_documented():
    from writes_support import SecondServer
    origin = "https://newsroom.example"
    with SecondServer(ONRECORD_CORS_ORIGINS=origin + ", https://other.example") as server:
        for method, path, headers in [
                ("GET", "/v1/topics?limit=1", {"Origin": origin}),
                ("GET", "/v1/topics/nope", {"Origin": origin}),
                ("GET", "/nope", {"Origin": origin}),
                ("OPTIONS", "/v1/topics/south-ossetia-joins-union-state",
                 {"Origin": origin, "Access-Control-Request-Method": "PATCH"})]:
            r = server.fetch(path, headers=headers, method=method)
            conformance.check(method, path, r.status, r.headers, r.raw)
            assert r.header("Access-Control-Allow-Origin") == origin, (method, path, r.headers)
            assert "Origin" in r.header("Vary", "")
