"""A static file server on a loopback port, in a thread: what a plain static host does, nothing more."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files below `directory`; a missing file gets the site's 404 page, as static hosts do."""

    not_found: str | None = None

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / self.not_found.lstrip("/") if self.not_found else None
        if code != 404 or page is None or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer:
    """`with SiteServer(folder) as server:` serves `folder` at `server.url` (no trailing slash)."""

    def __init__(self, directory: Path, not_found: str | None = None):
        handler = type("Handler", (QuietHandler,), {"not_found": not_found})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
