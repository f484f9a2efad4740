#!/usr/bin/env python3
"""Opens N idle event streams on a running Accords and reports what they cost (issue 12, item 3).

    bench/idle-streams.py BASE_URL TOKEN PID [N] [DATABASE]

BASE_URL is the service (http://127.0.0.1:18190), TOKEN a reader's bearer token, PID the
service's process id (for its RSS), DATABASE the database name whose backends are counted
(psql as the postgres user). Prints the service's RSS and database connections before, with the
N streams open (after 20 s idle, heartbeats included), and after one change has reached them all.
"""
import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

base, token, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
count = int(sys.argv[4]) if len(sys.argv) > 4 else 200
database = sys.argv[5] if len(sys.argv) > 5 else None
url = urllib.parse.urlparse(base)


def rss_mib():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024


def connections():
    if not database:
        return "-"
    sql = f"select count(*) from pg_stat_activity where datname = '{database}'"
    out = subprocess.run(["su", "postgres", "-c", f'psql -tAc "{sql}"'], capture_output=True, text=True)
    return out.stdout.strip()


def request(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req) as answer:
        return json.loads(answer.read() or b"null")


print(f"before: RSS {rss_mib()} MiB, database connections {connections()}")
streams = []
for _ in range(count):
    s = socket.create_connection((url.hostname, url.port))
    s.sendall((f"GET /v1/events/stream HTTP/1.1\r\nHost: {url.hostname}\r\nAccept: text/event-stream\r\n"
               f"Authorization: Bearer {token}\r\n\r\n").encode())
    streams.append(s)
for s in streams:
    s.settimeout(10)
    head = s.recv(4096)
    assert head.startswith(b"HTTP/1.1 200"), head[:200]
time.sleep(20)
print(f"{count} idle streams open 20 s: RSS {rss_mib()} MiB, database connections {connections()}")

agreement = request("POST", "/v1/agreements", {
    "title": "Idle streams probe", "parties": [{"code": "US", "name": "United States"}, {"code": "UA", "name": "Ukraine"}]})
started = time.time()
reached = 0
for s in streams:
    buffer = b""
    while agreement["id"].encode() not in buffer:
        buffer += s.recv(65536)
    reached += 1
print(f"one change reached {reached} of {count} streams within {1000 * (time.time() - started):.0f} ms "
      f"(read one stream after another); RSS {rss_mib()} MiB, database connections {connections()}")
for s in streams:
    s.close()
time.sleep(3)
print(f"after closing them: RSS {rss_mib()} MiB, database connections {connections()}")
