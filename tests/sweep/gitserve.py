#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Git remotes on the loopback address for the sweep tests (python3 stdlib only).

  gitserve.py http ROOT PORTFILE [USER:PASS]   git http-backend behind a small CGI server;
                                               with USER:PASS, basic auth on paths under
                                               /private/. A file ROOT/.fail-<name> makes
                                               requests for <name> answer 503.
  gitserve.py hang PORTFILE                    accepts connections and never answers

Each writes the port it listens on to PORTFILE and serves until killed."""
import base64
import http.server
import os
import socket
import subprocess
import sys


def serve_http(root, portfile, cred):
    backend = subprocess.check_output(["git", "--exec-path"], text=True).strip() + "/git-http-backend"

    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *a):
            pass

        def handle_one(self):
            path, _, query = self.path.partition("?")
            name = path.strip("/").split("/")[1] if path.startswith("/private/") else path.strip("/").split("/")[0]
            if os.path.exists(os.path.join(root, ".fail-" + name)):
                self.send_response(503)
                self.end_headers()
                return
            if cred and path.startswith("/private/"):
                want = "Basic " + base64.b64encode(cred.encode()).decode()
                if self.headers.get("Authorization") != want:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="test"')
                    self.end_headers()
                    return
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n) if n else b""
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "GIT_PROJECT_ROOT": root,
                "GIT_HTTP_EXPORT_ALL": "1",
                "PATH_INFO": path,
                "QUERY_STRING": query,
                "REQUEST_METHOD": self.command,
                "CONTENT_TYPE": self.headers.get("Content-Type", ""),
                "CONTENT_LENGTH": str(len(body)),
                "REMOTE_USER": "kh" if cred else "",
                "REMOTE_ADDR": "127.0.0.1",
                "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
                "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
            }
            out = subprocess.run([backend], input=body, env=env, capture_output=True).stdout
            head, _, rest = out.partition(b"\r\n\r\n")
            if not _:
                head, _, rest = out.partition(b"\n\n")
            status = 200
            headers = []
            for line in head.decode("latin-1").splitlines():
                k, _, v = line.partition(":")
                if k.lower() == "status":
                    status = int(v.strip().split()[0])
                elif k:
                    headers.append((k, v.strip()))
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(rest)))
            self.end_headers()
            self.wfile.write(rest)

        do_GET = do_POST = handle_one

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    srv.serve_forever()


def serve_hang(portfile):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(s.getsockname()[1]))
    os.rename(portfile + ".tmp", portfile)
    held = []
    while True:
        c, _ = s.accept()
        held.append(c)  # never answered, never closed


if __name__ == "__main__":
    if sys.argv[1] == "http":
        serve_http(os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        serve_hang(sys.argv[2])
