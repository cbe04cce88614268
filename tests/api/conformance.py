"""Checks HTTP responses against api-spec/openapi.yaml.

conftest.fetch() and conftest.raw_request() hand every response they get to
check() / check_raw(), so each test of the suite also checks that what it
received is what the OpenAPI document promises:

* the request (method, path) is an operation of the document: its path
  template matches (`/v1/actors/{slug}`; literal segments win over
  templates) and it has the method (HEAD is answered like GET);
* the status is documented for the operation, or covered by `default`;
* every header the response declares `required: true` is present, and every
  declared header that is present has a value its schema allows;
* the Content-Type (without parameters such as `; charset=utf-8`) is one of
  the response's media types, and a response that documents no content has
  no body;
* JSON bodies (application/json, application/problem+json) validate against
  the media type's schema (JSON Schema 2020-12, `$ref`s resolved against the
  whole document); NDJSON exports: each line validates against the items of
  the operation's JSON list (`data[]`); CSV, YAML and other text bodies
  validate, as one string, against the media type's schema (CSV schemas pin
  the header line with a `pattern`).

304 and 204 answers and HEAD answers have no body to check. A request that
matches no operation (no path, or a path without that method: 404, 405,
OPTIONS) is checked only for being a problem document (errors) or an
OPTIONS answer with `Allow`. Answers that the HTTP library made itself,
before the application saw the request (malformed HTTP, a header section
over the limit: a bare 400, 431 or 505 without X-Request-Id or problem
document, as the spec's "Errors" section says), are not checked.

A failure raises AssertionError, in the test that made the request.
ONRECORD_SKIP_CONFORMANCE=1 turns the checks off (for debugging only).
ONRECORD_CONFORMANCE_LOG=FILE appends "operationId status media-type" for
each checked answer to FILE, to see which documented answers the suite
exercises.
"""
import gzip
import json
import os
import re
import threading
import zlib

import jsonschema
import yaml

SPEC_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))), "api-spec", "openapi.yaml")

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSON_MEDIA = re.compile(r"^application/(?:[a-z0-9.+-]+\+)?json$")
PROBLEM_MEDIA = "application/problem+json"
NDJSON_MEDIA = "application/x-ndjson"
# Answers the HTTP library (libmicrohttpd) makes itself, before the API sees
# the request: malformed HTTP, a header section too large, HTTP/2.0 ... They
# have no X-Request-Id and no problem document (the spec's "Errors" says so).
HTTP_LAYER_STATUSES = {400, 413, 414, 431, 505}

_lock = threading.RLock()
_state = {}


def enabled():
    return os.environ.get("ONRECORD_SKIP_CONFORMANCE", "") not in ("1", "true", "yes")


# ---------------------------------------------------------------- the document


class _StringDateLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML as JSON sees it: `2024-08-15` stays a string (as in YAML 1.2)."""


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_spec(path=SPEC_PATH):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=_StringDateLoader)


def spec():
    """The parsed document (loaded once)."""
    with _lock:
        if "spec" not in _state:
            _state["spec"] = load_spec()
        return _state["spec"]


def resolver(doc=None):
    doc = spec() if doc is None else doc
    return jsonschema.RefResolver(base_uri="", referrer=doc)


def deref(obj, doc=None):
    """Follows `$ref` (local references only) until obj is not a reference."""
    doc = spec() if doc is None else doc
    seen = 0
    while isinstance(obj, dict) and "$ref" in obj:
        ref = obj["$ref"]
        assert ref.startswith("#/"), "only local $refs are supported: %r" % ref
        target = doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target[part]
        obj = target
        seen += 1
        assert seen < 50, "$ref loop at %s" % ref
    return obj


def validation_errors(instance, schema, doc=None):
    """The JSON Schema 2020-12 errors of instance (best first), $refs resolved in doc."""
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver(doc))
    errors = list(validator.iter_errors(instance))
    if not errors:
        return []
    best = jsonschema.exceptions.best_match(errors)
    return [best] + [e for e in errors if e is not best]


def _short(text, n=300):
    return text if len(text) <= n else text[:n] + "..."


def describe(error):
    """One line: where in the instance, what failed (the deepest likely cause first)."""
    while error.context:
        error = jsonschema.exceptions.best_match(error.context)
    where = "/".join(str(p) for p in error.absolute_path)
    schema_at = "/".join(str(p) for p in error.absolute_schema_path)
    return "at /%s: %s %s failed: %s [schema: %s]" % (
        where, error.validator, _short(repr(error.validator_value), 100), _short(error.message),
        _short(schema_at, 200))


# ---------------------------------------------------------------- operations


def _segments(path):
    return path.split("/")[1:] if path.startswith("/") else None


def _routes():
    with _lock:
        if "routes" not in _state:
            routes = []
            for template, item in (spec().get("paths") or {}).items():
                segs = _segments(template)
                routes.append((template, [None if re.fullmatch(r"\{[^}/]+\}", s) else s
                                          for s in segs], item))
            _state["routes"] = routes
        return _state["routes"]


def match_path(path):
    """(template, path item) of the best-matching path template, or (None, None)."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    segs = _segments(path)
    if segs is None:
        return None, None
    best, best_score = (None, None), None
    for template, pattern, item in _routes():
        if len(pattern) != len(segs):
            continue
        if all(p is None and s != "" or p == s for p, s in zip(pattern, segs)):
            score = [p is not None for p in pattern]
            if best_score is None or score > best_score:
                best, best_score = (template, item), score
    return best


def find_operation(method, path):
    """(template, operation) for the request; operation None when the path
    has no such method, template None when no path matches."""
    template, item = match_path(path)
    if template is None:
        return None, None
    item = deref(item)
    m = method.lower()
    if m == "head" and "head" not in item:
        m = "get"
    return template, item.get(m)


# ---------------------------------------------------------------- checks


class _Headers:
    """Case-insensitive view of response headers (HTTPMessage, dict or pairs)."""

    def __init__(self, headers):
        self.values = {}
        if headers is None:
            return
        items = headers.items() if hasattr(headers, "items") else headers
        for name, value in items:
            name = name.lower()
            self.values[name] = value if name not in self.values else (
                self.values[name] + ", " + value)

    def get(self, name, default=None):
        return self.values.get(name.lower(), default)

    def __contains__(self, name):
        return name.lower() in self.values


def _media(content_type):
    return (content_type or "").split(";", 1)[0].strip().lower()


def _decoded(body, headers):
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding == "gzip" and body:
        return gzip.decompress(body)
    if encoding == "deflate" and body:
        return zlib.decompress(body)
    return body


def _status_response(operation, status):
    responses = operation.get("responses") or {}
    for key in (str(status), "%dXX" % (status // 100), "%dxx" % (status // 100), "default"):
        if key in responses:
            return key, deref(responses[key])
    return None, None


def _header_value(value, schema):
    schema = deref(schema)
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "integer" in types and re.fullmatch(r"-?[0-9]+", value.strip()):
        return int(value.strip())
    return value


def _check_headers(response, headers, fail):
    for name, header in (response.get("headers") or {}).items():
        header = deref(header)
        if name.lower() == "content-type":
            continue
        value = headers.get(name)
        if value is None:
            if header.get("required"):
                fail("the required header %s is missing" % name)
            continue
        schema = header.get("schema")
        if schema is not None:
            errors = validation_errors(_header_value(value, schema), schema)
            if errors:
                fail("header %s: %r %s" % (name, value, describe(errors[0])))


# Headers every answer may carry, checked also where no operation applies
# (404 for no path, 405, OPTIONS): name -> required.
GLOBAL_HEADERS = {"X-Request-Id": True, "Access-Control-Allow-Origin": False,
                  "Access-Control-Expose-Headers": False, "Vary": False}


def _check_global_headers(headers, fail):
    declared = spec().get("components", {}).get("headers", {})
    _check_headers({"headers": {name: dict(deref(declared[name]), required=required)
                                for name, required in GLOBAL_HEADERS.items()
                                if name in declared}}, headers, fail)


def _list_item_schema(response):
    """The schema of data[] items of the response's application/json list."""
    content = response.get("content") or {}
    media = content.get("application/json")
    if not media or "schema" not in media:
        return None
    schema = deref(media["schema"])
    data = (schema.get("properties") or {}).get("data")
    if data is None:
        return None
    return deref(data).get("items")


_sparse = False
_sparse_doc = None


def _loosened(node):
    """A copy of a schema tree in which no key is required (and oneOf is anyOf,
    since a subset may fit several alternatives)."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "required" and isinstance(v, list):
                continue
            out["anyOf" if k == "oneOf" else k] = _loosened(v)
        return out
    if isinstance(node, list):
        return [_loosened(v) for v in node]
    return node


def _sparse_errors(instance, schema):
    """Errors of a fields= answer: any documented key may be missing."""
    global _sparse_doc
    if _sparse_doc is None:
        _sparse_doc = _loosened(spec())
    return validation_errors(instance, _loosened(schema), _sparse_doc)




def _check_body(response, media_type, media, body, headers, fail):
    schema = media.get("schema")
    try:
        body = _decoded(body, headers)
    except (OSError, zlib.error, EOFError) as e:
        fail("the body is not valid %s: %s" % (headers.get("Content-Encoding"), e))
        return
    if JSON_MEDIA.match(media_type):
        try:
            doc = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            fail("the %s body is not JSON: %s: %r" % (media_type, e, body[:200]))
            return
        if schema is not None:
            errors = (_sparse_errors(doc, schema) if _sparse
                      else validation_errors(doc, schema))
            if errors:
                fail("the body does not match its schema: %s" % describe(errors[0]))
        return
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("the %s body is not UTF-8: %s" % (media_type, e))
        return
    if media_type == NDJSON_MEDIA:
        item_schema = _list_item_schema(response)
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as e:
                fail("NDJSON line %d is not JSON: %s: %r" % (n, e, line[:200]))
                return
            if item_schema is not None:
                errors = (_sparse_errors(item, item_schema) if _sparse
                          else validation_errors(item, item_schema))
                if errors:
                    fail("NDJSON line %d does not match the list item schema: %s"
                         % (n, describe(errors[0])))
                    return
    if schema is not None:
        errors = validation_errors(text, schema)
        if errors:
            fail("the %s body does not match its schema: %s" % (media_type, describe(errors[0])))


def _check_problem(status, headers, body, method, fail):
    media_type = _media(headers.get("Content-Type"))
    if media_type != PROBLEM_MEDIA:
        fail("an error must be %s, not %r" % (PROBLEM_MEDIA, headers.get("Content-Type")))
        return
    if status == 405 and "Allow" not in headers:
        fail("a 405 must carry Allow")
    if method == "HEAD" or not body:
        return
    problem = {"$ref": "#/components/schemas/Problem"}
    _check_body({}, media_type, {"schema": problem}, body, headers, fail)


def check(method, path, status, headers, body, *, request_headers=None):
    """Raises AssertionError when the response does not conform to the spec."""
    if not enabled() or status is None:
        return
    global _sparse
    # fields= (a sparse fieldset) returns a subset of each documented item:
    # its keys' values must still match, but "required" cannot hold.
    _sparse = "fields=" in (path.decode("latin-1") if isinstance(path, bytes) else path)
    method = method.upper() if isinstance(method, str) else method.decode("latin-1").upper()
    if isinstance(path, bytes):
        path = path.decode("latin-1")
    headers = _Headers(headers)
    body = body or b""
    if (status in HTTP_LAYER_STATUSES and "X-Request-Id" not in headers
            and _media(headers.get("Content-Type")) != PROBLEM_MEDIA):
        return  # answered by the HTTP library, not by the API
    problems = []
    template, operation = find_operation(method, path)
    where = "%s %s -> %s" % (method, path[:200], status)

    def fail(message):
        problems.append(message)

    if operation is None:
        _check_global_headers(headers, fail)
        if status >= 400:
            _check_problem(status, headers, body, method, fail)
        elif method == "OPTIONS" and template is not None and status == 204:
            if "Allow" not in headers:
                fail("an answer to OPTIONS must carry Allow")
            if body:
                fail("a 204 has no body")
        else:
            fail("no operation of the spec is %s %s" % (method, template or path))
    else:
        where += " (%s, %s)" % (operation.get("operationId"), template)
        key, response = _status_response(operation, status)
        if response is None:
            fail("status %d is not documented (and there is no default)" % status)
        else:
            _check_headers(response, headers, fail)
            content = response.get("content") or {}
            media_type = _media(headers.get("Content-Type"))
            if not content:
                if body and method != "HEAD":
                    fail("the %s response documents no content, but the body is %r"
                         % (key, body[:200]))
                if headers.get("Content-Type") and status in (204, 304):
                    fail("a %d has no Content-Type" % status)
            elif not media_type:
                if status not in (204, 304):
                    fail("no Content-Type; documented: %s" % ", ".join(content))
            elif media_type not in {m.lower() for m in content}:
                fail("Content-Type %r is not documented for %s (documented: %s)"
                     % (headers.get("Content-Type"), key, ", ".join(content)))
            elif method != "HEAD" and status not in (204, 304):
                media = next(v for m, v in content.items() if m.lower() == media_type)
                _check_body(response, media_type, deref(media), body, headers, fail)
    log = os.environ.get("ONRECORD_CONFORMANCE_LOG")
    if log:
        with _lock, open(log, "a", encoding="utf-8") as f:
            f.write("%s %s %s %s\n" % (method, (operation or {}).get("operationId", "-"), status,
                                         _media(headers.get("Content-Type")) or "-"))
    if problems:
        raise AssertionError("response does not conform to api-spec/openapi.yaml: %s:\n  %s"
                             % (where, "\n  ".join(problems)))


def _dechunk(data):
    """The body of a chunked message, or None when it is cut short."""
    out = b""
    while True:
        line, sep, data = data.partition(b"\r\n")
        if not sep:
            return None
        try:
            size = int(line.split(b";")[0].strip(), 16)
        except ValueError:
            return None
        if size == 0:
            return out
        if len(data) < size + 2:
            return None
        out += data[:size]
        data = data[size + 2:]


def check_raw(request, status, head, body):
    """check() for conftest.raw_request(): request and head as raw bytes."""
    if not enabled() or status is None:
        return
    first = request.split(b"\r\n", 1)[0]
    m = re.fullmatch(rb"([A-Z]+) (/[\x21-\x7e]*) HTTP/1\.[01]", first)
    if not m:
        return  # not a request the application could see
    headers = []
    for line in head.split(b"\r\n")[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            headers.append((name.strip().decode("latin-1"), value.strip().decode("latin-1")))
    h = _Headers(headers)
    if "chunked" in (h.get("Transfer-Encoding") or "").lower():
        body = _dechunk(body)
        if body is None:
            return
    length = h.get("Content-Length")
    if length is not None and length.strip().isdigit() and len(body) < int(length):
        return  # cut short (the test stopped reading)
    check(m.group(1).decode(), m.group(2).decode("latin-1"), status, headers, body)
