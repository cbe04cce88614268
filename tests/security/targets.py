"""The injection points sqlmap is pointed at, as data.

Every query parameter of every GET operation in api-spec/openapi.yaml is a
point (test_targets_cover_the_spec checks that none is missing). A list's
URL carries all its parameters at once, each with a valid value from the
seed, chosen so that together they still answer a non-empty list: sqlmap's
boolean test compares answers, and an empty list looks the same whatever
the payload. The short profile tests them in one run (-p a,b,c), the full
one in a run each (-p a), on the same URL.

A cursor is base64url of "v1<TAB>query<TAB>keys"; sqlmap's --base64 mode
decodes the list's own next_cursor, appends its payload to the last key and
encodes it again, so the payload reaches the decoded cursor keys (the
timeline's text key reaches SQL), not just the decoder.

Path parameters (ids, slugs) are marked with `*`; so is every leaf of the
JSON bodies of POST /v1/statements and POST /v1/actors and of a merge patch
of a statement, and the Idempotency-Key (and, in the full profile, If-Match
and Authorization) headers. Writes go after the reads they could disturb.
"""
import json

from sqlmap_harness import Target

TOPIC = "south-ossetia-joins-russia"
ACTOR = "alan-gagloev"

# Statements 24 and 25 (Gagloev to Izvestia, relayed by Civil.ge) match
# every statement filter at once.
STATEMENT_FILTERS = {
    "topic": "states-recognize-south-ossetia",
    "stance": "supports",
    "source": "2",
    "outlet": "civil-ge",
    "from": "2024-01-01",
    "to": "2024-12-31",
    "lang": "ru",
    "q": "recognition",
    "status": "published",
    "include": "reports",
    "fields": "id,summary",
    "highlight": "1",
    "sort": "said_on",
}
HISTORY = {"fields": "position,op"}
RECOGNITION_FILTERS = {"territory": "south-ossetia", "state": "russia", "as_of": "2020-01-01",
                       "fields": "id,state"}

# list path -> the base query: a valid value for each of its parameters
# (from db/seed/0001_south_ossetia.sql), all at once, that still answers a
# non-empty list. limit and format are added to each; the cursor is
# tested on its own (it must be this list's next_cursor).
LISTS = {
    "/v1/actors": {"kind": "person", "q": "gagloev", "fields": "slug,name"},
    "/v1/actors/{slug}/history": HISTORY,
    "/v1/actors/{slug}/statements": STATEMENT_FILTERS,
    "/v1/actors/{slug}/recognitions": {k: v for k, v in RECOGNITION_FILTERS.items()},
    "/v1/actors/{slug}/positions": {"fields": "topic,position"},
    "/v1/roles/{id}/history": HISTORY,
    "/v1/statements": dict({"actor": ACTOR}, **STATEMENT_FILTERS),
    "/v1/statements/{id}/history": HISTORY,
    "/v1/stances/{statement}/{topic}/history": HISTORY,
    "/v1/sources": {"outlet": "civil-ge", "lang": "en", "kind": "article", "fields": "id,title"},
    "/v1/sources/{id}/history": HISTORY,
    "/v1/outlets": {"state_owned": "false", "fields": "slug,name"},
    "/v1/outlets/{slug}/history": HISTORY,
    "/v1/topics": {"fields": "slug,proposition"},
    "/v1/topics/{slug}/history": HISTORY,
    "/v1/topics/{slug}/stances": {"position": "supports", "actor": "abkhazia",
                                  "from": "2022-01-01", "to": "2024-12-31",
                                  "fields": "statement_id,actor"},
    "/v1/topics/{slug}/timeline": {"from": "2022-01-01", "to": "2024-12-31",
                                   "fields": "actor,stances"},
    "/v1/recognitions": dict({"actor": "russia"}, **RECOGNITION_FILTERS),
    "/v1/recognitions/{id}/history": HISTORY,
    "/v1/changes": {"after": "10", "resource": "statements", "fields": "position,op"},
    "/v1/stats/stances": {"topic": TOPIC, "interval": "year", "from": "2022-01-01",
                          "to": "2024-12-31", "group_by": "position"},
}
PAGED = {"limit": "3", "format": "json"}

# The path parameters' values: records that exist in the seed.
PATH_VALUES = {
    "/v1/actors/{slug}": {"slug": ACTOR},
    "/v1/roles/{id}": {"id": "1"},
    "/v1/statements/{id}": {"id": "24"},
    "/v1/stances/{statement}/{topic}": {"statement": "45", "topic": TOPIC},
    "/v1/sources/{id}": {"id": "1"},
    "/v1/outlets/{slug}": {"slug": "jamnews"},
    "/v1/topics/{slug}": {"slug": TOPIC},
    "/v1/recognitions/{id}": {"id": "1"},
}
# russia has recognitions; alan-gagloev has statements and positions.
SUBPATH_VALUES = {"/v1/actors/{slug}/recognitions": {"slug": "russia"}}


def path_values(path):
    """{name: value} for the path parameters of path (a spec path)."""
    if path in SUBPATH_VALUES:
        return SUBPATH_VALUES[path]
    for record, values in PATH_VALUES.items():
        if path == record or path.startswith(record + "/"):
            return values
    return {}


def fill(path, marked=None):
    """The spec path with its parameters filled; `*` after the one named marked."""
    out = path
    for name, value in path_values(path).items():
        out = out.replace("{%s}" % name, value + ("*" if name == marked else ""))
    return out


def base_query(path, names):
    """{parameter: value}: the base query of list path for its parameters names."""
    q = dict(LISTS[path])
    if "limit" in names:
        q.update(PAGED)
    return q


# ---------------------------------------------------------------- the spec


def spec_operations(spec):
    """[(method, path, [(name, where)])] for every operation in the spec."""
    comp = spec.get("components", {}).get("parameters", {})

    def resolve(p):
        return comp[p["$ref"].split("/")[-1]] if "$ref" in p else p

    ops = []
    for path, item in spec["paths"].items():
        common = [resolve(p) for p in item.get("parameters", [])]
        for method, op in item.items():
            if method == "parameters":
                continue
            params = common + [resolve(p) for p in op.get("parameters", [])]
            ops.append((method.upper(), path, [(p["name"], p["in"]) for p in params]))
    return ops


def query_targets(spec):
    """(path, parameter) for every query parameter of every GET /v1 operation."""
    out = []
    for method, path, params in spec_operations(spec):
        if method != "GET" or not path.startswith("/v1/"):
            continue
        for name, where in params:
            if where == "query":
                out.append((path, name))
    return out


def path_targets(spec):
    """(path, parameter) for every path parameter of every GET /v1 operation."""
    out = []
    for method, path, params in spec_operations(spec):
        if method != "GET" or not path.startswith("/v1/"):
            continue
        for name, where in params:
            if where == "path":
                out.append((path, name))
    return out


# ---------------------------------------------------------------- bodies

STATEMENT = {
    "actor": ACTOR,
    "attribution": "zz-sec attribution",
    "said_on": "2024-08",
    "kind": "paraphrase",
    "language": "en",
    "context": "zz-sec context",
    "summary": "zz-sec summary",
    "note": "zz-sec note",
    "status": "published",
    "status_note": "zz-sec status note",
    "reports": [{"source": 1, "wording": "zz-sec wording", "note": "zz-sec report note"}],
    "stances": [{"topic": TOPIC, "position": "conditional", "condition": "zz-sec condition",
                 "note": "zz-sec stance note"}],
}

# The slug is made unique per request (--randomize=slug): a repeated slug
# would answer 409 to every payload after the first.
ACTOR_BODY = {
    "slug": "zzsecactor",
    "name": "zz-sec name",
    "kind": "person",
    "country": "GE",
    "other_names": ["zz-sec other"],
    "description": "zz-sec description",
    "note": "zz-sec note",
}

PATCH = {"summary": "zz-sec patched", "context": "zz-sec patched context", "said_on": "2024-09"}


def leaves(value, pointer=""):
    """[(JSON pointer, leaf)] of every string and number in value."""
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in leaves(v, pointer + "/" + k)]
    if isinstance(value, list):
        return [x for i, v in enumerate(value) for x in leaves(v, pointer + "/" + str(i))]
    return [(pointer, value)]


MARK = "\u2063"  # a stand-in for `*` while the JSON is written


def marked_body(body, pointers):
    """body as JSON text with sqlmap's `*` right after the value at each of
    pointers (which must be in document order: sqlmap numbers the marks)."""
    doc = json.loads(json.dumps(body))
    stand_ins = []
    for i, pointer in enumerate(pointers):
        keys = pointer.strip("/").split("/")
        node = doc
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = int(keys[-1]) if isinstance(node, list) else keys[-1]
        leaf = node[last]
        node[last] = "%s%d" % (MARK, i)
        stand_ins.append(leaf)
    text = json.dumps(doc, ensure_ascii=False)
    for i, leaf in enumerate(stand_ins):
        old = json.dumps("%s%d" % (MARK, i), ensure_ascii=False)
        leaf_text = json.dumps(leaf, ensure_ascii=False)
        new = leaf_text[:-1] + '*"' if isinstance(leaf, str) else leaf_text + "*"
        text = text.replace(old, new)
    return text


# ---------------------------------------------------------------- all targets

SHORT_PATHS = {  # the record reads: each path parameter's parsing and its query
    "/v1/actors/{slug}",
    "/v1/roles/{id}",
    "/v1/statements/{id}",
    "/v1/stances/{statement}/{topic}",
    "/v1/sources/{id}",
    "/v1/outlets/{slug}",
    "/v1/topics/{slug}",
    "/v1/recognitions/{id}",
    "/v1/topics/{slug}/timeline",
}


def _qs(params):
    return "&".join("%s=%s" % (k, v) for k, v in params.items())


def _body_targets(endpoint, url, body, headers, profile, method=None, extra=None):
    """One run with every leaf marked (short), or one run per leaf (full)."""
    pointers = [p for p, _ in leaves(body)]
    if profile == "short":
        groups = [pointers]
    else:
        groups = [[p] for p in pointers]
    out = []
    for group in groups:
        data = marked_body(body, group)
        names = ["JSON #%d*" % (i + 1) for i in range(len(group))]
        out.append(Target(endpoint, [("body " + p, n) for p, n in zip(group, names)], "body",
                          url, data=data, method=method, headers=headers, extra=extra))
    return out


def build(spec, base, key, control, profile):
    """Every Target of profile, in the order they run. base: onrecord's URL;
    key: an editor key; control: the positive control's URL. {cursor} in a
    URL is filled in just before the run (it needs the server). The short
    profile tests all of a list's parameters in one run (-p a,b,c); the
    full one runs sqlmap once per parameter (-p a), on the same URL."""
    out = []
    # The controls first: if the harness cannot tell, nothing else counts.
    out.append(Target("control GET /items", [("name", "name")], "control",
                      control + "/items?name=pen", expect="injectable", onrecord=False,
                      dbms="SQLite"))
    out.append(Target("control GET /items/{name}", [("{name}", "#1*")], "control",
                      control + "/items/pen*", expect="injectable", onrecord=False, dbms="SQLite"))
    out.append(Target("control POST /items", [("body /qty", "JSON #1*")], "control",
                      control + "/items", data='{"name": "pen", "qty": 1*}',
                      headers=["Content-Type: application/json"], expect="injectable",
                      onrecord=False, dbms="SQLite"))
    out.append(Target("control GET /safe", [("name", "name")], "control",
                      control + "/safe?name=pen", expect="clean", onrecord=False, dbms="SQLite"))

    by_path = {}
    for path, name in query_targets(spec):
        by_path.setdefault(path, []).append(name)
    for path, names in by_path.items():
        plain = [n for n in names if n != "cursor"]
        groups = [plain] if profile == "short" else [[n] for n in plain]
        for group in groups:
            out.append(Target("GET " + path, [(n, n) for n in group], "query",
                              base + fill(path) + "?" + _qs(base_query(path, names))))
        if "cursor" in names:
            # Decoded by sqlmap (--base64): the payload goes into the keys.
            out.append(Target("GET " + path, [("cursor", "cursor")], "query",
                              base + fill(path) + "?limit=1&cursor={cursor}",
                              extra=["--base64=cursor", "--base64-safe"]))

    for path, name in path_targets(spec):
        if profile == "short" and path not in SHORT_PATHS:
            continue
        out.append(Target("GET " + path, [("{%s}" % name, "#1*")], "path",
                          base + fill(path, marked=name)))

    auth = "Authorization: Bearer " + key
    js = "Content-Type: application/json"
    merge = "Content-Type: application/merge-patch+json"
    out += _body_targets("POST /v1/statements", base + "/v1/statements", STATEMENT, [auth, js],
                         profile)
    # --randomize=slug: a repeated slug would answer 409 to every payload after the first.
    out += _body_targets("POST /v1/actors", base + "/v1/actors", ACTOR_BODY, [auth, js], profile,
                         extra=["--randomize=slug"])
    out += _body_targets("PATCH /v1/statements/{id}", base + "/v1/statements/25", PATCH,
                         [auth, merge], profile, method="PATCH")
    plain = json.dumps(STATEMENT, ensure_ascii=False)
    out.append(Target("POST /v1/statements", [("header Idempotency-Key", "Idempotency-Key #1*")],
                      "header", base + "/v1/statements", data=plain,
                      headers=[auth, js, "Idempotency-Key: zz-sec-key*"],
                      answers=["JSON data found=N"]))
    if profile == "full":
        out.append(Target("PATCH /v1/statements/{id}", [("header If-Match", "If-Match #1*")],
                          "header", base + "/v1/statements/25", data=json.dumps(PATCH),
                          method="PATCH", headers=[auth, merge, "If-Match: 1*"],
                          answers=["JSON data found=N"]))
        # Every answer is 401 (the key is wrong): sqlmap must not stop at the first.
        out.append(Target("POST /v1/statements", [("header Authorization", "Authorization #1*")],
                          "header", base + "/v1/statements", data=plain, headers=[auth + "*", js],
                          extra=["--ignore-code=401"], answers=["JSON data found=N"]))
        # The full run takes hours: what matters most first (the controls,
        # the statements list, the statement body), so that a run cut short
        # has covered them. The GETs' base answers do not depend on the
        # records these writes add.
        first = ["control ", "GET /v1/statements", "POST /v1/statements"]
        out.sort(key=lambda t: next((i for i, f in enumerate(first)
                                     if t.endpoint.startswith(f) and (f != "GET /v1/statements"
                                                                      or t.endpoint == f)),
                                    len(first)))
    return out
