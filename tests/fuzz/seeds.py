#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write seed inputs for the fuzz targets: small images in each layout, nested archives, and
git objects (a tree, a commit, a tag)."""
import gzip, hashlib, io, json, os, sys, tarfile, zipfile

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def tar_bytes(files, mode="w"):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode=mode, format=tarfile.PAX_FORMAT) as t:
        for name, data in files:
            if data is None:
                ti = tarfile.TarInfo(name); ti.type = tarfile.SYMTYPE; ti.linkname = "../x"
                t.addfile(ti); continue
            ti = tarfile.TarInfo(name); ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
    return b.getvalue()

def zip_bytes(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
    return b.getvalue()

jar = zip_bytes([("BOOT-INF/classes/application.properties", b"password=x\n")])
l0 = tar_bytes([("etc/os-release", b"ID=seed\n"), ("app/.env", b"TOKEN=abc\n"), ("app/app.jar", jar)])
l1 = gzip.compress(tar_bytes([("app/.wh..env", b""), ("opt/.wh..wh..opq", b""),
                              ("b.tgz", gzip.compress(tar_bytes([("in.txt", b"x")])))]))
diff = lambda b: "sha256:" + hashlib.sha256(b).hexdigest()
cfg = json.dumps({"os": "linux", "architecture": "amd64",
                  "config": {"Env": ["A=1"], "Cmd": ["run"], "Labels": {"k": "v"}},
                  "rootfs": {"type": "layers", "diff_ids": [diff(l0), diff(gzip.decompress(l1))]},
                  "history": [{"created_by": "ADD /"}, {"created_by": "ENV X", "empty_layer": True},
                              {"created_by": "RUN rm"}]}).encode()
h = lambda b: hashlib.sha256(b).hexdigest()

docker = tar_bytes([("a" * 64 + "/layer.tar", l0), ("b" * 64 + "/layer.tar", gzip.decompress(l1)),
                    (h(cfg) + ".json", cfg),
                    ("manifest.json", json.dumps([{"Config": h(cfg) + ".json", "RepoTags": ["s:1"],
                      "Layers": ["a" * 64 + "/layer.tar", "b" * 64 + "/layer.tar"]}]).encode())])
man = json.dumps({"schemaVersion": 2, "config": {"digest": "sha256:" + h(cfg)},
                  "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "sha256:" + h(l0)},
                             {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + h(l1)}]}).encode()
idx = json.dumps({"schemaVersion": 2, "manifests": [{"digest": "sha256:" + h(man),
                  "platform": {"os": "linux", "architecture": "amd64"},
                  "annotations": {"org.opencontainers.image.ref.name": "1"}}]}).encode()
oci = tar_bytes([("blobs/sha256/" + h(l0), l0), ("blobs/sha256/" + h(l1), l1),
                 ("blobs/sha256/" + h(cfg), cfg), ("blobs/sha256/" + h(man), man),
                 ("index.json", idx), ("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')])
skopeo = tar_bytes([(h(l0) + ".tar", l0), ("c" * 64 + "/layer.tar", None), (h(cfg) + ".json", cfg),
                    ("manifest.json", json.dumps([{"Config": h(cfg) + ".json", "Layers": [h(l0) + ".tar"]}]).encode())])
seeds = {"docker.tar": docker, "oci.tar": oci, "oci.tar.gz": gzip.compress(oci), "skopeo.tar": skopeo,
         "rootfs.tar": l0, "app.jar": jar, "script.jar": b"#!/bin/sh\nexit 0\n" + jar,
         "b.tgz": gzip.compress(l0), "one.gz": gzip.compress(b"plain text\n"),
         "tree.git": b"100644 a.txt\0" + bytes(range(20)) + b"40000 dir\0" + bytes(range(1, 21)),
         "commit.git": b"tree " + b"ab" * 20 + b"\nparent " + b"cd" * 20 +
                       b"\nauthor A U Thor <a@example.com> 1500000000 -0130\n\nsubject\n\nbody\n",
         "tag.git": b"object " + b"ef" * 20 + b"\ntype commit\ntag v1\n\nmessage\n"}
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
