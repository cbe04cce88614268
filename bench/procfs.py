#!/usr/bin/python3
# bench/procfs.py: a process's memory as /proc/PID/status reports it, for
# bench/export_rss.py, bench/idle_conns.py and bench/soak. Python 3 stdlib.
#
#   procfs.py sample PID INTERVAL CSV --seconds S
#       every INTERVAL seconds, for at most S seconds (or until PID is gone
#       or this process gets SIGTERM/SIGINT), appends one CSV line:
#       seconds,vmrss_kib,rssanon_kib,rssfile_kib,vmhwm_kib,threads,fds
#       (seconds since the first sample; the header goes first). A sample is
#       taken at 0 s and one last one when stopped by a signal.
import os
import signal
import sys
import time

FIELDS = ("VmRSS", "RssAnon", "RssFile", "VmHWM", "Threads")


def status(pid):
    """The numeric fields of /proc/PID/status (kB values in KiB), or {}."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                name, _, rest = line.partition(":")
                v = rest.split()
                if v and v[0].isdigit():
                    out[name] = int(v[0])
    except OSError:
        pass
    return out


def vm_kib(pid, field="VmRSS"):
    """One field of /proc/PID/status in KiB (VmRSS by default), or None."""
    return status(pid).get(field)


def fds(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1


def cmd_sample(args):
    pid, interval, csv_path = int(args[0]), float(args[1]), args[2]
    secs = float(args[args.index("--seconds") + 1])
    stop = [False]

    def on_signal(*_):
        stop[0] = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    t0 = time.monotonic()
    with open(csv_path, "w", buffering=1) as out:
        out.write("seconds,vmrss_kib,rssanon_kib,rssfile_kib,vmhwm_kib,threads,fds\n")
        n = 0
        while True:
            st = status(pid)
            if "VmRSS" not in st:
                break
            out.write("%.1f,%s,%d\n" % (time.monotonic() - t0,
                                         ",".join(str(st.get(f, -1)) for f in FIELDS), fds(pid)))
            if stop[0]:
                break
            n += 1
            # Sleep to the next tick (no drift), a little at a time so a
            # signal ends the wait quickly.
            nxt = t0 + n * interval
            if nxt - t0 > secs:
                break
            while not stop[0] and time.monotonic() < nxt:
                time.sleep(min(0.2, max(0.0, nxt - time.monotonic())))


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "sample":
        sys.exit("usage: procfs.py sample PID INTERVAL CSV --seconds S")
    cmd_sample(sys.argv[2:])
