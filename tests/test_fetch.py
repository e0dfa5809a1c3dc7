"""`precursor fetch` against a real HTTP server on 127.0.0.1 serving real files and misbehaving."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis.errors import DataError
from analysis.fetch import Limits, download, looks_like_html

FILES = {
    "IMPCH.csv": "census_trade/fred_2026-03/IMPCH.csv",
    "cdc_api.csv": "cdc_vsrr/datasciencelink_2026-06_api_T40.4/"
    "cdc_api_provisional_overdose_counts.csv",
    "nationwide-drugs-fy23-fy26-dec.csv": "cbp_seizures/ntimbs_2026-01/"
    "nationwide-drugs-fy23-fy26-dec.csv",
}
HTML = (
    b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Oops</body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    shared: Path
    hits: Counter

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, ctype: str = "text/csv", length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        parts = self.path.strip("/").split("/")
        kind, name = parts[0], parts[-1]
        body = (self.shared / FILES[name]).read_bytes() if name in FILES else b""
        if kind == "ok":
            self._send(body)
        elif kind == "flaky":  # HTTP 500 once, then the file
            if self.hits[self.path] == 1:
                self.send_error(500, "Internal Server Error")
            else:
                self._send(body)
        elif kind == "always500":
            self.send_error(503, "Service Unavailable")
        elif kind == "notfound":
            self.send_error(404, "Not Found")
        elif kind == "stall":  # headers and a first block, then silence
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:100])
            self.wfile.flush()
            time.sleep(2.5)
        elif kind == "truncated":  # announces the full length, sends half, closes
            self._send(body[: len(body) // 2], length=len(body))
            self.close_connection = True
        elif kind == "html":
            self._send(HTML, ctype="text/html; charset=utf-8")
        elif kind == "htmlascsv":
            self._send(HTML, ctype="text/csv")
        elif kind == "huge":  # an honest Content-Length over the cap
            self._send(body, length=10_000_000_000)
        elif kind == "chunked":  # no Content-Length: the cap must stop the stream
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            for _ in range(64):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        elif kind == "wrongfile":  # a real file, but not the one the loader reads
            self._send((self.shared / FILES["IMPCH.csv"]).read_bytes())
        else:
            self.send_error(400)


@pytest.fixture
def server(shared_data: Path) -> Iterator[tuple[str, Counter]]:
    hits: Counter = Counter()
    handler = type("H", (_Handler,), {"shared": shared_data, "hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def home(make_project) -> Path:
    return make_project(sources=[])


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


FAST = ("--allow-http", "--timeout", "1", "--retries", "2", "--no-progress")


def test_fetch_fred_writes_file_and_sidecar(server, home, run_cli, shared_data):
    base, _ = server
    code, _, err = run_cli("fetch", "fred", "IMPCH", "--url", f"{base}/ok/IMPCH.csv", *FAST,
                           "--vintage", "2026-03-01")  # fmt: skip
    assert code == 0, err
    target = home / "data/raw/trade/2026-03-01/IMPCH.csv"
    assert target.read_bytes() == (shared_data / FILES["IMPCH.csv"]).read_bytes()
    side = json.loads((target.parent / "IMPCH.csv.meta.json").read_text())
    assert side["vintage"] == "2026-03-01" and side["url"].endswith("/ok/IMPCH.csv")
    assert "FRED" in side["publisher"] and "IMPCH" in side["citation"]
    from analysis.sources import trade

    frame = trade.load(target)
    assert frame["vintage"].unique().to_list()[0].isoformat() == "2026-03-01"
    # nothing but the file, its sidecar and their folders
    assert _files(home / "data/raw") == [
        "trade", "trade/2026-03-01", "trade/2026-03-01/IMPCH.csv",
        "trade/2026-03-01/IMPCH.csv.meta.json",
    ]  # fmt: skip


def test_fetch_cdc_vsrr_api_and_cbp(server, home, run_cli):
    base, _ = server
    code, _, err = run_cli("fetch", "cdc-vsrr-api", "--url", f"{base}/ok/cdc_api.csv", *FAST)
    assert code == 0, err
    assert len(list((home / "data/raw/cdc_vsrr").glob("*/xkb8-kh2a_api.csv"))) == 1
    url = f"{base}/ok/nationwide-drugs-fy23-fy26-dec.csv"
    code, _, err = run_cli("fetch", "cbp-seizures", "--url", url, *FAST)
    assert code == 0, err
    assert list((home / "data/raw/cbp_seizures").glob("*/nationwide-drugs-fy23-fy26-dec.csv"))


def test_retries_after_http_500(server, home, run_cli):
    base, hits = server
    code, _, err = run_cli("fetch", "fred", "IMPCH", "--url", f"{base}/flaky/IMPCH.csv", *FAST)
    assert code == 0, err
    assert hits["/flaky/IMPCH.csv"] == 2
    assert "retry 1/1" in err and "HTTP 500" in err


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("always500/IMPCH.csv", "download failed after 2 attempt(s): HTTP 503"),
        ("notfound/IMPCH.csv", "HTTP 404"),
        ("stall/IMPCH.csv", "stalled: no data for 1s"),
        ("truncated/IMPCH.csv", "body cut off at"),
        ("html/IMPCH.csv", "HTML page instead of the data file"),
        ("htmlascsv/IMPCH.csv", "HTML page instead of the data file"),
        ("huge/IMPCH.csv", "larger than the size cap"),
        ("chunked/IMPCH.csv", "larger than the size cap (stopped mid-body)"),
    ],
)
def test_misbehaving_server_gives_one_line_error_and_leaves_nothing(
    server, home, run_cli, path, message
):
    base, _ = server
    before = _files(home)
    code, _, err = run_cli("fetch", "fred", "IMPCH", "--url", f"{base}/{path}", *FAST,
                           "--max-bytes", "1000000")  # fmt: skip
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: ") and message in last, err
    assert f"{base}/{path}" in last
    assert _files(home) == before


def test_file_that_does_not_parse_is_rejected(server, home, run_cli):
    base, _ = server
    before = _files(home)
    code, _, err = run_cli("fetch", "cbp-seizures", "--url", f"{base}/wrongfile/x.csv", *FAST)
    assert code == 1
    assert "does not read as cbp_seizures" in err and "unknown column layout" in err
    assert _files(home) == before


def test_plain_http_refused_without_flag(server, home, run_cli):
    base, hits = server
    code, _, err = run_cli("fetch", "fred", "IMPCH", "--url", f"{base}/ok/IMPCH.csv")
    assert code == 1 and "refusing to download over plain http" in err and "--allow-http" in err
    assert sum(hits.values()) == 0
    assert not (home / "data/raw/trade").exists()


def test_existing_vintage_is_immutable(server, home, run_cli):
    base, _ = server
    args = ("fetch", "fred", "IMPCH", *FAST, "--vintage", "2026-03-01")
    assert run_cli(*args, "--url", f"{base}/ok/IMPCH.csv")[0] == 0
    assert run_cli(*args, "--url", f"{base}/ok/IMPCH.csv")[0] == 0  # identical: kept, no error
    target = home / "data/raw/trade/2026-03-01/IMPCH.csv"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes().replace(b"293.1", b"293.2"))
    code, _, err = run_cli(*args, "--url", f"{base}/ok/IMPCH.csv")
    assert code == 1 and "already exists in this vintage" in err


def test_unknown_fred_series_is_rejected_by_the_loader(server, home, run_cli):
    base, _ = server
    code, _, err = run_cli("fetch", "fred", "IMPCH", "--url", f"{base}/ok/cdc_api.csv", *FAST)
    assert code == 1 and "does not read as trade" in err


def test_download_helper_direct(server, tmp_path):
    base, _ = server
    target = tmp_path / "x.csv"
    ctype = download(f"{base}/ok/IMPCH.csv", target, allow_http=True, progress=False)
    assert ctype == "text/csv" and target.stat().st_size > 10_000
    assert not looks_like_html(target, ctype)
    with pytest.raises(DataError, match="unsupported URL scheme"):
        download("ftp://127.0.0.1/x", target, limits=Limits(retries=1))


@pytest.fixture
def https_server(shared_data, tmp_path) -> Iterator[tuple[str, Path]]:
    """The same handler behind TLS with a self-signed certificate for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl absent: cannot make a self-signed certificate for the https test")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    handler = type("H", (_Handler,), {"shared": shared_data, "hits": Counter()})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", cert
    httpd.shutdown()
    httpd.server_close()


def test_https_with_untrusted_then_trusted_certificate(https_server, home, run_cli, monkeypatch):
    base, cert = https_server
    args = ("fetch", "fred", "IMPCH", "--url", f"{base}/ok/IMPCH.csv", "--timeout", "2",
            "--no-progress")  # fmt: skip
    before = _files(home)
    code, _, err = run_cli(*args)
    assert code == 1 and "TLS certificate is not trusted" in err and "retry" not in err
    assert _files(home) == before
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    code, _, err = run_cli(*args)
    assert code == 0, err
    assert list((home / "data/raw/trade").glob("*/IMPCH.csv"))
