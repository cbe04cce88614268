#!/usr/bin/python3
"""Builds the seed corpus of each fuzz driver (tests/fuzz/corpus/<driver>/)
from the real requests in tests/api: request paths and query strings, JSON
bodies, and the values of the headers the drivers parse.

The test files are read, not run: their syntax tree is walked, and each
expression is given a sample value (a name or call becomes a slug-like
string, "%s" and f-string holes a slug or an id), which keeps the shapes
and keys the tests send. Files are named by the SHA-1 of their content, as
libFuzzer names them; the output is deterministic, so running this again
changes nothing unless tests/api did.

Usage: tests/fuzz/make_corpus.py   (rewrites tests/fuzz/corpus/; stdlib only)
"""
import ast
import hashlib
import json
import os
import re
import shutil
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
API = os.path.join(ROOT, "tests", "api")
SERVER = os.path.join(ROOT, "server")
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")
MAX_PER_DRIVER = 300

SLUG = "alan-gagloev"
ID = "15"
KEY = "ork_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v"
SAMPLE = "zz-sample-1"

RESOURCES = ["actors", "roles", "outlets", "sources", "statements", "topics", "stances",
             "recognitions"]
# A key of an existing-looking record per resource, for PATCH targets.
PATCH_KEYS = {"actors": SLUG, "roles": ID, "outlets": "res-o", "sources": ID,
              "statements": ID, "topics": "south-ossetia-joins-russia",
              "stances": ID + "/south-ossetia-joins-russia", "recognitions": ID}
IMPORT_TYPES = {"actor": "actors", "outlet": "outlets", "topic": "topics", "source": "sources",
                "role": "roles", "statement": "statements", "stance": "stances",
                "recognition": "recognitions"}
HEADERS = {"authorization", "accept", "accept-encoding", "if-match", "if-none-match"}
METHOD_CALLS = {"post": "POST", "patch": "PATCH", "delete": "DELETE", "head": "HEAD"}


# Shapes the tests send through variables, which the scan cannot see.
EXTRA = {
    "accept": ["text/csv;q=0.9, application/json;q=0.5\ngzip;q=1.0, deflate",
               "application/x-ndjson\n*;q=0\nndjson",
               "*/*\nidentity\njson",
               "application/*;q=0.1, text/csv;q=0\nGZIP;q=0.001\ncsv",
               "application/ndjson;q=1, text/csv;q=1\nbr, gzip;q=0.5, *;q=0"],
    "auth": ["Basic dXNlcjpwYXNz", "Bearer", "Bearer  " + KEY, "bEaReR short", "Bearer " + KEY + "="],
    "etag": ['*\n*\n"3.0123456789abcdef"',
             'W/"1", "2.ab", 3\nW/"0123456789abcdef", "x"\nW/"0123456789abcdef"',
             '"12345678901", "7"\n"7.0000000000000000"\n"7.0000000000000000"'],
}


def field_names():
    """Each resource's body field names, and the names of id fields, from its
    server file's field tables."""
    names, ids = {}, set()
    for res in RESOURCES:
        with open(os.path.join(SERVER, res + ".c")) as f:
            text = f.read()
        names[res] = set(re.findall(r'\.name = "([a-z_]+)"', text))
        ids |= set(re.findall(r'\.name = "([a-z_]+)", \.type = FIELD_ID\b', text))
    return names, ids


def with_ids(value, ids, key=None):
    """Sample values of id fields become ids (15), as the tests send them."""
    if isinstance(value, dict):
        return {k: with_ids(v, ids, k) for k, v in value.items()}
    if isinstance(value, list):
        return [with_ids(v, ids, key) for v in value]
    if value == SAMPLE and key in ids:
        return int(ID)
    return value


class Sampler:
    """Gives an expression a sample value: constants stay, the rest is filled in."""

    def __init__(self, hole):
        self.hole = hole  # what a %s or f-string hole becomes

    def value(self, node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(str(self.value(v)) if not isinstance(v, ast.FormattedValue)
                           else self.hole for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            left = self.value(node.left)
            if isinstance(left, str):
                return re.sub(r"%[-0-9.]*[sdr]", self.hole, left)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            a, b = self.value(node.left), self.value(node.right)
            if isinstance(a, str) or isinstance(b, str):
                return str(a) + str(b)
            if isinstance(a, list) and isinstance(b, list):
                return a + b
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return [self.value(e) for e in node.elts if not isinstance(e, ast.Starred)]
        if isinstance(node, ast.Dict):
            out = {}
            for k, v in zip(node.keys, node.values):
                if k is None:
                    continue
                key = self.value(k)
                if isinstance(key, str):
                    out[key] = self.value(v)
            return out
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = self.value(node.operand)
            return -v if isinstance(v, (int, float)) else v
        return SAMPLE


def call_name(node):
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return ""


def add(bucket, text):
    if isinstance(text, str):
        text = text.encode("utf-8", "surrogatepass")
    bucket.add(text)


def scan(paths_out, bodies, headers, imports, formats, etags):
    slug, ident = Sampler(SLUG), Sampler(ID)
    for name in sorted(os.listdir(API)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(API, name)) as f:
            tree = ast.parse(f.read(), name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                cname = call_name(node)
                args = node.args
                method = METHOD_CALLS.get(cname, "GET")
                if cname in ("call", "fetch_raw") and args and isinstance(args[0], ast.Constant):
                    method = str(args[0].value)
                    args = args[1:]
                for kw in node.keywords:
                    if kw.arg == "method" and isinstance(kw.value, ast.Constant):
                        method = str(kw.value.value)
                    if kw.arg == "format" and isinstance(kw.value, ast.Constant):
                        formats.add(str(kw.value.value))
                if not args:
                    continue
                for sampler in (slug, ident):
                    path = sampler.value(args[0])
                    if not (isinstance(path, str) and path.startswith("/")):
                        continue
                    params = [(kw.arg, sampler.value(kw.value)) for kw in node.keywords
                              if kw.arg and kw.arg not in ("headers", "method", "conn", "key",
                                                           "ctype", "body", "timeout")]
                    params = [(k, v if isinstance(v, str) else json.dumps(v)
                               if not isinstance(v, (int, float)) else str(v)) for k, v in params]
                    if params and cname in ("get_ok", "get_all", "with_params", "get_export",
                                            "export", "fetch_export", "page", "pages"):
                        path += ("&" if "?" in path else "?") + urllib.parse.urlencode(params)
                    paths_out.add((method, path))
                    if method in ("POST", "PATCH") and len(args) > 1:
                        body = sampler.value(args[1])
                        if isinstance(body, dict):
                            res = path.split("?")[0].split("/")
                            bodies.append((res[2] if len(res) > 2 else None, method, body))
            elif isinstance(node, ast.Dict):
                d = slug.value(node)
                for k, v in d.items():
                    if k.lower() in HEADERS and isinstance(v, str):
                        if k.lower() == "authorization" and SAMPLE in v:
                            v = v.replace(SAMPLE, KEY)
                        headers.setdefault(k.lower(), set()).add(v)
                if isinstance(d.get("type"), str) and d["type"] in IMPORT_TYPES:
                    imports.add(json.dumps(d, ensure_ascii=False))
                elif d and all(isinstance(k, str) for k in d):
                    bodies.append((None, None, d))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if re.fullmatch(r'(W/)?"[^"]{0,80}"', s):
                    etags.add(s)
                if s.startswith("/v1/") or s in ("/", "/healthz", "/readyz", "/docs"):
                    paths_out.add(("GET", s))
                if s.startswith('{"type"'):
                    for line in s.splitlines():
                        imports.add(line)


def write(driver, items):
    d = os.path.join(OUT, driver)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    items = sorted(set(items))
    if len(items) > MAX_PER_DRIVER:
        # Keep an even spread over the sorted list: every kind of input stays.
        step = len(items) / MAX_PER_DRIVER
        items = [items[int(i * step)] for i in range(MAX_PER_DRIVER)]
    for data in items:
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
    return len(items)


def main():
    fields, ids = field_names()
    paths, bodies, headers, imports, formats, etags = set(), [], {}, set(), set(), set()
    scan(paths, bodies, headers, imports, formats, etags)

    corpus = {k: set() for k in ("router", "params", "body", "merge_patch", "etag", "auth",
                                 "accept", "import")}
    for method, path in sorted(paths):
        add(corpus["router"], "%s %s" % (method, path.split("?")[0]))
        if method == "GET":
            add(corpus["params"], path)
    for accept in sorted(headers.get("accept", ())):
        add(corpus["params"], "/v1/statements?limit=2\n" + accept)

    for res, method, body in bodies:
        keys = set(body)
        if res not in fields:
            # A body built outside a request: the resource whose fields it uses most.
            best = max(RESOURCES, key=lambda r: (len(keys & fields[r]), -RESOURCES.index(r)))
            if not keys & fields[best]:
                continue
            res = best
        text = json.dumps(with_ids(body, ids), ensure_ascii=False)
        if method != "PATCH":
            add(corpus["body"], "%s application/json\n%s" % (res, text))
        if method != "POST":
            add(corpus["merge_patch"], "%s %s application/merge-patch+json\n%s" %
                (res, PATCH_KEYS[res], text))

    inm = sorted(headers.get("if-none-match", ()))
    im = sorted(headers.get("if-match", ()))
    tags = sorted(etags) or ['"3.0123456789abcdef"']
    for i, v in enumerate(im + inm + tags):
        add(corpus["etag"], "%s\n%s\n%s" % (im[i % len(im)] if im else v,
                                            inm[i % len(inm)] if inm else v, tags[i % len(tags)]))

    for v in sorted(headers.get("authorization", ())):
        add(corpus["auth"], v)
    add(corpus["auth"], "Bearer " + KEY)

    accepts = sorted(headers.get("accept", ())) or ["application/json"]
    encodings = sorted(headers.get("accept-encoding", ())) or ["gzip"]
    fmts = sorted(formats)
    for i in range(max(len(accepts), len(encodings), len(fmts))):
        line = "%s\n%s" % (accepts[i % len(accepts)], encodings[i % len(encodings)])
        add(corpus["accept"], line)
        if fmts:
            add(corpus["accept"], line + "\n" + fmts[i % len(fmts)])

    for line in sorted(imports):
        try:
            line = json.dumps(with_ids(json.loads(line), ids), ensure_ascii=False)
        except ValueError:
            pass
        add(corpus["import"], line)
    for driver, extra in EXTRA.items():
        for text in extra:
            add(corpus[driver], text)

    for driver in sorted(corpus):
        n = write(driver, corpus[driver])
        print("%s: %d inputs" % (driver, n))
        if n == 0:
            sys.exit("no seed inputs for " + driver)


if __name__ == "__main__":
    main()
