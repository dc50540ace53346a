#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the release tests' inputs from examples/leaky-app into OUT: leaky.zip (the app
zipped) and leaky-image.tar (a docker save tarball whose layer holds the app)."""
import hashlib, io, json, os, sys, tarfile, zipfile

app = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "leaky-app")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

files = []
for d, _, names in os.walk(app):
    for n in sorted(names):
        p = os.path.join(d, n)
        files.append((os.path.relpath(p, app), open(p, "rb").read()))

with zipfile.ZipFile(os.path.join(out, "leaky.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in files:
        z.writestr("leaky-app/" + name, data)

def tar_bytes(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()

layer = tar_bytes([("app/" + n, d) for n, d in files])
diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux",
                     "config": {"Env": ["PATH=/usr/bin"], "Cmd": ["/bin/true"]},
                     "rootfs": {"type": "layers", "diff_ids": [diff_id]},
                     "history": [{"created_by": "COPY app /app"}]}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
layer_path = diff_id[7:] + "/layer.tar"   # as docker save names it
manifest = json.dumps([{"Config": config_name, "RepoTags": ["leaky:1"],
                        "Layers": [layer_path]}]).encode()
with open(os.path.join(out, "leaky-image.tar"), "wb") as f:
    f.write(tar_bytes([(config_name, config), (layer_path, layer),
                       ("manifest.json", manifest)]))
