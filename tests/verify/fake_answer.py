#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The status a fake provider (tests/verify/providers/NAME.py) answers to one request, for
the signer unit tests: fake_answer.py NAME < {"method", "host", "path", "headers": [[n, v]],
"body"}. Prints the status and the first 200 bytes of the answer."""
import importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fake", os.path.join(here, "providers", sys.argv[1] + ".py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
r = json.load(sys.stdin)
headers = {k.lower(): v for k, v in r["headers"]}
headers["host"] = r["host"]
status, _, body = m.handle(r["method"], r["path"], headers, r.get("body", "").encode("latin-1"))
print(status, body[:200])
