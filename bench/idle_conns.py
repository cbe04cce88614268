#!/usr/bin/python3
# bench/idle_conns.py: onrecord's resident memory with many idle keep-alive
# connections open (bench/run's "memory" scenario). Python 3 stdlib only.
#
#   idle_conns.py HOST PORT COUNT PID [--hold SECONDS]
#
# Raises RLIMIT_NOFILE, opens COUNT TCP connections to HOST:PORT one after
# another, sends "GET /healthz" (HTTP/1.1, keep-alive) on each and reads the
# whole answer, then leaves them all idle for --hold seconds (default 1)
# and reads VmRSS of process PID from /proc/PID/status (before the first
# connection and while all are held). Prints one JSON line:
#   {"connections": opened, "failed": n, "non_200": n, "rss_before_kib": ..,
#    "rss_idle_kib": .., "still_open": n, "open_seconds": ..}
# and exits 0 if every connection was opened and answered 200.
import json
import resource
import socket
import sys
import time

import procfs  # bench/procfs.py


def rss_kib(pid):
    kib = procfs.vm_kib(pid)
    if kib is None:
        raise RuntimeError("no VmRSS")
    return kib


def read_response(s):
    """Read one HTTP response (Content-Length bodies); return the status."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            raise ConnectionError("closed before the headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for h in lines[1:]:
        name, _, value = h.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = s.recv(4096)
        if not chunk:
            raise ConnectionError("closed mid-body")
        body += chunk
    return status


def main():
    args = sys.argv[1:]
    hold = 1.0
    if "--hold" in args:
        i = args.index("--hold")
        hold = float(args[i + 1])
        del args[i:i + 2]
    host, port, count, pid = args[0], int(args[1]), int(args[2]), int(args[3])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = count + 64
    if soft < want:
        new_hard = hard if hard == resource.RLIM_INFINITY or hard >= want else want
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, new_hard))
        except (ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    before = rss_kib(pid)
    req = f"GET /healthz HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    socks, failed, non200 = [], 0, 0
    t0 = time.monotonic()
    for _ in range(count):
        try:
            s = socket.create_connection((host, port), timeout=10)
            s.sendall(req)
            if read_response(s) != 200:
                non200 += 1
            socks.append(s)
        except OSError as e:
            failed += 1
            if failed == 1:
                print(f"idle_conns.py: connection {len(socks) + 1}: {e}", file=sys.stderr)
            if failed > 50:
                break
    opened_in = time.monotonic() - t0
    time.sleep(hold)
    idle = rss_kib(pid)
    # Are they still open (not closed by the server)? A closed one reads EOF.
    still = 0
    for s in socks:
        s.setblocking(False)
        try:
            still += 1 if s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) else 0
        except BlockingIOError:
            still += 1
        except OSError:
            pass
    for s in socks:
        s.close()
    print(json.dumps({"connections": len(socks), "failed": failed, "non_200": non200,
                      "still_open": still, "rss_before_kib": before, "rss_idle_kib": idle,
                      "open_seconds": round(opened_in, 2)}))
    sys.exit(0 if failed == 0 and non200 == 0 and len(socks) == count else 1)


if __name__ == "__main__":
    main()
