#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A fake provider server for the verification tests: HTTPS on 127.0.0.1 with a test CA made
at start-up, answering under the providers' real host names, which keyhound reaches through
KEYHOUND_CONNECT_TO and KEYHOUND_CAINFO (so the code path is the real one).

THE CONTRACT (handler modules: tests/verify/providers/*.py, one per provider)
  HOSTS = ["api.github.com", ...]   host names this module answers; "*.atlassian.net" allowed
                                    (it goes into the certificate as a wildcard SAN)
  TEST_HOSTS = ["acme.atlassian.net"]  optional: concrete names under a wildcard, so the
                                    server lists them in connect_to (libcurl's CONNECT_TO
                                    takes exact names)
  def handle(method, path, headers, body):
      method   "GET", "POST", ...
      path     the request target as sent: path and query ("/user?x=1")
      headers  dict, names lower-cased ("authorization"), values as sent
      body     bytes (b"" when none)
      returns  (status: int, headers: dict of str -> str, body: bytes)
  A handler may sleep (the server is threaded) to test timeouts. Each answer should cite the
  provider's API document it copies (a comment with the URL). Modules whose name starts with
  "_" are the framework's own test hosts.

RUNNING IT (tests/verify/lib.sh does this: start_fakeprov / stop_fakeprov)
  fakeprov.py DIR [--providers DIR2]
  DIR/ca.pem          the test CA (KEYHOUND_CAINFO)
  DIR/connect_to      the KEYHOUND_CONNECT_TO value: every host as host:443:127.0.0.1:PORT
  DIR/requests.jsonl  one JSON object per request, in arrival order:
                      {"method", "host" (Host header, port removed), "path", "sni",
                       "headers": [[name, value], ...] (as sent, in order), "body" (text,
                       bytes decoded as latin-1), "time" (seconds, float, monotonic)}
  DIR/ready           written when the server listens (the tests wait for it)
  SIGTERM stops it. A host no module answers gets 421 and is logged all the same.
"""
import importlib.util
import json
import os
import signal
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))


def load_modules(folder):
    mods = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        spec = importlib.util.spec_from_file_location("fakeprov_" + name[:-3], os.path.join(folder, name))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mods.append(mod)
    return mods


def host_matches(pattern, host):
    pattern, host = pattern.lower(), host.lower()
    if pattern.startswith("*."):
        head = host[: -len(pattern) + 1]
        return host.endswith(pattern[1:]) and head != "" and "." not in head
    return pattern == host


def make_certs(folder, hosts):
    """a CA and one server certificate with every host as a SAN (openssl, at test time)"""
    ca_key, ca = os.path.join(folder, "ca.key"), os.path.join(folder, "ca.pem")
    key, csr, crt = (os.path.join(folder, n) for n in ("server.key", "server.csr", "server.pem"))
    ext = os.path.join(folder, "san.ext")
    run = lambda *a: subprocess.run(a, check=True, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca,
        "-days", "2", "-subj", "/CN=keyhound test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
        "-subj", "/CN=keyhound fake provider")
    with open(ext, "w") as f:
        f.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=" +
                ",".join("DNS:" + h for h in hosts) + "\n")
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
        "-out", crt, "-days", "2", "-extfile", ext)
    return crt, key


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fakeprov"

    def log_message(self, *args):
        pass

    def _any(self):
        host = (self.headers.get("Host") or "").split(":", 1)[0].lower()
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n > 0 else b""
        entry = {"method": self.command, "host": host, "path": self.path,
                 "sni": getattr(self.connection, "kh_sni", None),
                 "headers": [[k, v] for k, v in self.headers.items()],
                 "body": body.decode("latin-1"), "time": time.monotonic()}
        with self.server.log_lock:
            self.server.log.write(json.dumps(entry) + "\n")
            self.server.log.flush()
        mod = next((m for m in self.server.mods if any(host_matches(h, host) for h in m.HOSTS)), None)
        if mod is None:
            status, headers, out = 421, {"Content-Type": "text/plain"}, b"no fake provider for this host\n"
        else:
            try:
                status, headers, out = mod.handle(self.command, self.path,
                                                  {k.lower(): v for k, v in self.headers.items()}, body)
            except Exception as e:  # a broken handler is a 500 the test will see
                status, headers, out = 500, {"Content-Type": "text/plain"}, repr(e).encode()
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "content-length" not in {k.lower() for k in headers}:
            self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(out)

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (ssl.SSLError, ConnectionError):  # the client hung up (a size limit, a timeout)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _any


def main():
    folder = sys.argv[1]
    providers = os.path.join(HERE, "providers")
    if "--providers" in sys.argv:
        providers = sys.argv[sys.argv.index("--providers") + 1]
    os.makedirs(folder, exist_ok=True)
    mods = load_modules(providers)
    hosts = sorted({h for m in mods for h in m.HOSTS})
    crt, key = make_certs(folder, hosts)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(crt, key)

    def sni(sock, name, _ctx):
        sock.kh_sni = name  # noqa: the SSLSocket keeps it for the log
    ctx.sni_callback = sni

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    srv.mods, srv.log, srv.log_lock = mods, open(os.path.join(folder, "requests.jsonl"), "a"), threading.Lock()
    port = srv.server_address[1]
    concrete = sorted({h for m in mods for h in list(m.HOSTS) + list(getattr(m, "TEST_HOSTS", []))
                       if not h.startswith("*.")})
    with open(os.path.join(folder, "connect_to"), "w") as f:
        f.write(",".join("%s:443:127.0.0.1:%d" % (h, port) for h in concrete))
    with open(os.path.join(folder, "port"), "w") as f:
        f.write(str(port))
    signal.signal(signal.SIGTERM, lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with open(os.path.join(folder, "ready"), "w") as f:
        f.write("ready\n")
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
