"""The positive control: a tiny HTTP server that is injectable on purpose.

It splices request text into SQLite SQL, the way onrecord must never do, so
that the very harness that finds nothing in onrecord is shown to find this.
It also serves one endpoint that binds the same text as a parameter (the
negative control), which the harness must call clean. Loopback only; one
in-memory database per request, so requests share nothing.

    GET  /items?name=pen     spliced: ... WHERE name = '<name>'
    GET  /items/pen          spliced: the last path segment, likewise
    POST /items              spliced: {"name": "pen", "qty": 1} ->
                             ... WHERE name = '<name>' AND qty >= <qty>
    GET  /safe?name=pen      bound:   ... WHERE name = ?
"""
import json
import sqlite3
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROWS = [(1, "pen", 3), (2, "ink", 7), (3, "paper", 500)]


def _database():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER)")
    db.executemany("INSERT INTO items VALUES (?, ?, ?)", ROWS)
    return db


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, fmt, *args):  # quiet: sqlmap sends thousands
        pass

    def _answer(self, sql, args=()):
        db = _database()
        try:
            rows = db.execute(sql, args).fetchall()
            status, body = 200, json.dumps({"data": [list(r) for r in rows]})
        except (sqlite3.Error, sqlite3.Warning, ValueError, OverflowError) as e:
            # What a careless application does: the database's own message.
            status, body = 500, json.dumps({"error": "SQLite error: %s" % e})
        finally:
            db.close()
        raw = body.encode("utf-8", "replace")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        name = query.get("name", "")
        if url.path == "/items":
            return self._answer("SELECT id, name, qty FROM items WHERE name = '%s'" % name)
        if url.path.startswith("/items/"):
            segment = urllib.parse.unquote(url.path[len("/items/") :])
            return self._answer("SELECT id, name, qty FROM items WHERE name = '%s'" % segment)
        if url.path == "/safe":
            return self._answer("SELECT id, name, qty FROM items WHERE name = ?", (name,))
        self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(min(length, 1 << 20)).decode("utf-8"))
            name, qty = body["name"], body["qty"]
        except (ValueError, KeyError, TypeError):
            self.send_error(400)
            return
        if self.path != "/items":
            self.send_error(404)
            return
        self._answer("SELECT id, name, qty FROM items WHERE name = '%s' AND qty >= %s" % (name, qty))


class InjectableServer:
    """Runs Handler on 127.0.0.1 (a free port) in a thread; .url, .stop()."""

    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)
