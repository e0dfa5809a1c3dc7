"""URLs are downloaded with newspaper4k from a server this test starts on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis.news.ingest import ItemError, iter_articles

PAGE = (Path(__file__).resolve().parents[2] / "data" / "raw" / "news" / "demo_2026-11").joinpath(
    "2025-11-10-precursor-export-licences.html"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        if self.path == "/story":
            body = PAGE.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/story.html")
            self.end_headers()
        elif self.path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body>")
            self.wfile.flush()
            time.sleep(3)
        else:
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><h1>Not found</h1></body></html>")


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_download_ok_redirect_and_failures(server, home):
    urls = [
        f"{server}/story",
        f"{server}/missing",
        f"{server}/stall",
        f"{server}/to-ftp",
        f"{server}/moved",
        "ftp://127.0.0.1/file.html",
    ]
    start = time.monotonic()
    got = list(iter_articles(urls, timeout=1.0))
    assert time.monotonic() - start < 10
    ok = [r for r in got if not isinstance(r, ItemError)]
    errors = {e.item.rsplit("/", 1)[-1]: e.reason for e in got if isinstance(e, ItemError)}
    assert len(ok) == 2
    assert ok[0]["published"] == date(2025, 11, 10)
    assert ok[0]["title"].startswith("China requires licences")
    assert ok[0]["raw_path"] is None and ok[0]["urls"] == [f"{server}/story"]
    assert ok[0]["article_id"] == ok[1]["article_id"]  # the redirect reached the same page
    assert "404" in errors["missing"]
    assert "stalled" in errors["stall"] or "timed out" in errors["stall"].lower()
    assert "non-http" in errors["to-ftp"]
    assert "scheme 'ftp'" in errors["file.html"]
