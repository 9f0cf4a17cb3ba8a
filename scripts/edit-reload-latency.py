#!/usr/bin/env python3
"""Measures the preview's loop: from a saved edit to the reloaded page in hand.

    edit-reload-latency.py DOSSIER CONTENT_COPY BRIEF [--edits N] [--templates DIR] [--title] [--pause SECONDS]

Starts `DOSSIER serve --port 0` on CONTENT_COPY (a copy: the script edits it), listens to the reload
events as a browser would, then N times: rewrites BRIEF (a path relative to CONTENT_COPY) with a new
marker in its body, waits for a reload event and fetches the brief's page, until the page shows the marker
(a save caught half-written may cost one more reload, which is counted). Prints each edit's time and the median, 90th percentile and worst.
"""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request


def main():
    args = sys.argv[1:]
    edits = 20
    title = "--title" in args
    if title:
        args.remove("--title")
    templates = "templates"
    pause = 0.3
    if "--pause" in args:
        i = args.index("--pause")
        pause = float(args[i + 1])
        del args[i:i + 2]
    if "--edits" in args:
        i = args.index("--edits")
        edits = int(args[i + 1])
        del args[i:i + 2]
    if "--templates" in args:
        i = args.index("--templates")
        templates = args[i + 1]
        del args[i:i + 2]
    dossier, content, brief = args
    kind, name = brief.split("/")
    page = ("" if kind == "pages" else kind + "/") + name[:-3] + "/"
    server = subprocess.Popen([dossier, "serve", "--content", content, "--templates", templates, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        url = None
        for line in server.stdout:
            print(line.rstrip())
            m = re.search(r"(http://[^ ]+)", line)
            if m:
                url = m.group(1)
                break
        host, port = re.match(r"http://([^:]+):(\d+)/", url).groups()
        events = socket.create_connection((host, int(port)))
        events.sendall(b"GET /__dossier/events HTTP/1.1\r\nHost: x\r\n\r\n")
        events.settimeout(60)
        received = b""
        while b": connected" not in received:
            received += events.recv(4096)
        path = os.path.join(content, brief)
        original = open(path, encoding="utf-8").read()
        times = []
        for n in range(edits):
            time.sleep(pause)
            marker = f"Edit marker {n} {time.time()}"
            received = b""
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                if title:
                    f.write(re.sub(r"^title: .*$", "title: " + marker, original, count=1, flags=re.M))
                else:
                    f.write(original + "\n" + marker + "\n")
            reloads = 0
            while True:
                while received.count(b"event: reload") <= reloads:
                    received += events.recv(4096)
                reloads += 1
                body = urllib.request.urlopen(url + page).read().decode()
                if marker in body and "dossier-overlay" not in body:
                    break
            elapsed = time.perf_counter() - start
            times.append(elapsed * 1000)
            print(f"edit {n + 1}: {elapsed * 1000:.0f} ms" + (f" ({reloads} reloads)" if reloads > 1 else ""))
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        times.sort()
        print(f"median {times[len(times) // 2]:.0f} ms, p90 {times[int(len(times) * 0.9) - 1]:.0f} ms, "
              f"worst {times[-1]:.0f} ms over {len(times)} edits")
    finally:
        server.terminate()
        server.wait()
        for line in server.stdout:
            print("server: " + line.rstrip())


if __name__ == "__main__":
    main()
