#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Seed inputs for a libFuzzer target: seeds.py TARGET OUT (TARGET as in fuzz_TARGET.c).
Small, generated here (git, tarfile, zlib), never committed as binaries."""
import gzip, hashlib, io, json, os, struct, subprocess, sys, tarfile, tempfile, zipfile, zlib

target, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

def write(seeds):
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

def all_seeds():
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
    return seeds

def image_seeds():
    return {k: v for k, v in all_seeds().items() if not k.endswith(".git")}

def git_object_seeds():
    return {k: v for k, v in all_seeds().items() if k.endswith(".git")}


def git(repo, *args, **kw):
    env = dict(os.environ, GIT_AUTHOR_NAME="s", GIT_AUTHOR_EMAIL="s@s", GIT_COMMITTER_NAME="s",
               GIT_COMMITTER_EMAIL="s@s", GIT_AUTHOR_DATE="2020-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2020-01-01T00:00:00Z")
    return subprocess.run(["git", "-C", repo] + list(args), check=True, env=env,
                          capture_output=True, **kw).stdout

def small_repo(tmp):
    """A repository whose history has deltas (one file edited in steps)."""
    repo = os.path.join(tmp, "r")
    subprocess.run(["git", "init", "-q", repo], check=True)
    text = "".join("line %d of a file that changes a little\n" % i for i in range(60))
    for step in range(4):
        os.makedirs(os.path.join(repo, "src"), exist_ok=True)
        open(os.path.join(repo, "src", "app.conf"), "w").write(text + "token = tok_A1b2C3d4E5f6G7h8I9j0K%d\n" % step)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "step %d" % step)
    return repo

def pack_seeds():
    with tempfile.TemporaryDirectory() as tmp:
        repo = small_repo(tmp)
        git(repo, "repack", "-adfq", "--depth=10", "--window=10")
        d = os.path.join(repo, ".git", "objects", "pack")
        p = [f for f in os.listdir(d) if f.endswith(".pack")][0]
        pack = open(os.path.join(d, p), "rb").read()
        idx = open(os.path.join(d, p[:-5] + ".idx"), "rb").read()
        return {"history.bin": struct.pack("<I", len(idx)) + idx + pack,
                "idx-only.bin": struct.pack("<I", len(idx)) + idx}

def loose_seeds():
    obj = lambda t, b: zlib.compress(b"%s %d\0" % (t, len(b)) + b)
    return {"blob": obj(b"blob", b"token = tok_A1b2C3d4E5f6G7h8I9j0K1l2\n"),
            "tree": obj(b"tree", b"100644 a\0" + bytes(20)),
            "commit": obj(b"commit", b"tree " + b"0" * 40 + b"\nauthor a <a@a> 0 +0000\n\nm\n"),
            "short": obj(b"blob", b"x" * 100)[:-10]}

def index_seeds():
    seeds = {}
    with tempfile.TemporaryDirectory() as tmp:
        repo = small_repo(tmp)
        idx = os.path.join(repo, ".git", "index")
        git(repo, "write-tree")  # the cache-tree (TREE) extension
        seeds["v2-tree"] = open(idx, "rb").read()
        open(os.path.join(repo, "new.txt"), "w").write("n\n")
        git(repo, "add", "-N", "new.txt")  # intent-to-add: extended flags, version 3
        seeds["v3"] = open(idx, "rb").read()
        git(repo, "update-index", "--index-version", "4")
        seeds["v4"] = open(idx, "rb").read()
    return seeds

def rules_seeds():
    root = os.path.join(os.path.dirname(__file__), "..", "..", "patterns")
    names = sorted(f for f in os.listdir(root) if f.endswith(".yml"))
    seeds = {}
    for f in sorted(names, key=lambda f: os.path.getsize(os.path.join(root, f)))[:6]:
        seeds[f] = open(os.path.join(root, f), "rb").read()
    seeds["paths-only.yml"] = "rules:\n  - id: env-file\n    name: E\n    paths: ['**/.env']\n" \
        "    severity: medium\n    confidence: high\n    examples: [{path: a/.env, text: 'X=1'}]\n"
    return seeds

def rules_cache_seeds():
    def s(v):
        if v is None:
            return struct.pack("<I", 0xFFFFFFFF)
        v = v.encode()
        return struct.pack("<I", len(v)) + v
    def strs(v):
        return struct.pack("<I", len(v)) + b"".join(s(x) for x in v)
    rule = (s("tok") + s("Token") + s(r"\b(tok_[A-Za-z0-9]{24})\b") + s(None) + s("t.yml") + s(None)
            + struct.pack("<d", 3.0) + struct.pack("<III", 3, 3, 0) + strs([]) + strs(["https://x"])
            + strs(["tok_"]) + struct.pack("<I", 1) + s("tok_A1b2C3d4E5f6G7h8I9j0K1l2") + s(None)
            + struct.pack("<I", 0))
    head = b"KHRS0005" + struct.pack("<Q", 0x1234)
    return {"one": head + struct.pack("<I", 1) + rule, "two": head + struct.pack("<I", 2) + rule + rule,
            "empty": head + struct.pack("<I", 0)}

def config_seeds():
    return {"full.yml": "rules:\n  disable: [generic-password]\nallow:\n  paths: ['tests/fixtures/**', '**/*.snap']\n"
                        "  secrets: ['^sk_test_']\n  stopwords: [example, dummy]\n  rules:\n"
                        "    aws-access-key-id: {paths: ['docs/**']}\nbaseline: .keyhound-baseline.json\n"
                        "limits: {max_file_size: 50MB, max_archive_depth: 3, max_archive_entries: 100000,\n"
                        "         max_decompressed: 4GB, max_ratio: 100, max_decoded_depth: 2}\n",
            "wide.yml": "allow: {paths: ['**'], secrets: ['.*'], stopwords: ['o']}\n",
            "bad.yml": "allow: [\n"}

def baseline_seeds():
    return {"b.json": json.dumps({"version": "0.1.0", "fingerprints": ["ea7cc7825207b068270be1cafd15d2d1", "x"]}),
            "bad.json": '{"fingerprints": [1, {}]}'}

def migration_seeds():
    return {"gitleaksignore": "0123456789abcdef0123456789abcdef01234567:src/a.py:generic-api-key:3\n"
                              "src/b.env:aws-access-token:12\n# comment\n",
            "secrets.baseline": json.dumps({"version": "1.4.0", "results": {"src/a.py": [
                {"type": "Secret Keyword", "filename": "src/a.py", "hashed_secret": "a" * 40,
                 "is_verified": False, "line_number": 3}]}})}

def report_seeds():
    f = {"rule_id": "t", "rule_name": "T", "severity": "high", "confidence": "high", "secret": "tok_*****",
         "match": "tok_*****", "entropy": 4.5, "fingerprint": "ea7cc7825207b068270be1cafd15d2d1",
         "source": "git", "path": "src/a\u001b[2J.conf", "root_path": "src/a.conf", "line": 1, "column": 7,
         "end_line": 1, "end_column": 34, "commit": "0" * 40, "author": "a\rb", "email": "a@a",
         "message": "m\n", "repository": "r", "occurrences": 2}
    rep = {"version": "0.1.0", "rules_version": "x", "findings": [f, dict(f, source="image", layer="sha256:" + "a" * 64)],
           "summary": {"bytes": 10, "blobs": 1, "findings": 2, "skipped": {"binary": 1},
                       "errors": [{"location": "x", "reason": "y"}]}}
    return {"r.json": json.dumps(rep), "empty.json": json.dumps({"findings": [], "summary": {}})}

def decode_seeds():
    return {"b64": "dG9rX0ExYjJDM2Q0RTVmNkc3aDhJOWowSzFsMg==", "pct": "tok%5FA1b2%2FC3d4%3D%25%zz",
            "mixed": "a=dG9r%3D%3D&b=x"}

def transcode_seeds():
    # the first byte picks the layout: 0 as is, 1 UTF-16LE with a mark, 2 UTF-16BE without
    tok = "tok_A1b2C3d4E5f6G7h8I9j0K1l2"
    return {"json": "\x00" + '{"url": "https:\\/\\/ci:Qx7\\u0040pLm2@build.acme.dev\\/x", "k": "%s"}' % tok,
            "json-u": "\x00" + '{"k": "tok\\u005FA1b2C3d4E5f6G7h8I9j0K1l2", "q": "\\"\\\\"}',
            "utf16le": "\x01" + "$t = '%s'\r\n" % tok,
            "utf16be": "\x02" + "set TOKEN=%s\r\nhttps://ci:Qx7pLm2zz@build.acme.dev\r\n" % tok,
            "odd": "\x00\xff\xfe\x41"}

def pre_push_seeds():
    z = "0" * 40
    return {"one": "refs/heads/main %s refs/heads/main %s\n" % ("1" * 40, z),
            "delete": "(delete) %s refs/heads/old %s\n" % (z, "2" * 40),
            "many": "".join("refs/heads/b%d %s refs/heads/b%d %s\n" % (i, "%040x" % i, i, z) for i in range(5))}

def image_dir_seeds():
    seeds = image_seeds()
    with tempfile.TemporaryDirectory() as tmp:
        t = tarfile.open(fileobj=io.BytesIO(seeds["oci.tar"]))
        parts = []
        for m in t.getmembers():
            if m.isfile():
                parts.append(m.name.encode() + b"\0" + t.extractfile(m).read() + b"\0")
        blob = [p for p in parts if p.startswith(b"blobs/")][0].split(b"\0")[0]
        linked = parts + [b"@" + blob + b"\0/etc/passwd\0"]
        return {"oci": b"".join(parts), "linked-out": b"".join(linked),
                "fifo-like": b"index.json\0{\"manifests\":[{\"digest\":\"sha256:" + b"a" * 64 + b"\"}]}\0"
                             b"@blobs/sha256/" + b"a" * 64 + b"\0/dev/zero\0"}

def url_seeds():
    return {"https": "https://user:p%40ss@GitHub.com:443/acme/app.git/", "scp": "git@gitlab.com:group/sub/p.git",
            "ssh": "ssh://git@host:2222/a/b", "file": "file:///srv/git/x.git", "v6": "http://[::1]:8080/r",
            "climb": "https://h/a/../../etc", "ext": "ext::sh -c x",
            "fragment": "https://h/a/../.(./et#"}  # leaked its host once (fuzz_url)

def discover_seeds():
    gh = [{"full_name": "acme/app", "clone_url": "https://github.com/acme/app.git", "fork": False,
           "archived": True, "topics": ["keep"]}, {"full_name": "acme/skip-x", "clone_url": "u"}]
    gl = [{"path_with_namespace": "g/s/p", "http_url_to_repo": "https://gitlab.com/g/s/p.git",
           "forked_from_project": {"id": 1}, "tag_list": ["keep"]}]
    return {"gh.json": json.dumps(gh), "gl.json": json.dumps(gl),
            "link": '<https://api.github.com/orgs/a/repos?page=2>; rel="next", <https://x/y>; rel="last"'}

def gcp_key_seeds():
    with tempfile.TemporaryDirectory() as tmp:
        key = os.path.join(tmp, "k.pem")
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024",
                        "-out", key], check=True, capture_output=True)
        pem = open(key).read()
    sa = {"type": "service_account", "project_id": "p", "private_key_id": "ab" * 20,
          "private_key": pem, "client_email": "ci@p.iam.gserviceaccount.com",
          "token_uri": "https://oauth2.googleapis.com/token"}
    return {"sa.json": json.dumps(sa, indent=2),
            "escaped.json": json.dumps(dict(sa, private_key=pem.replace("\n", "\\n"))),
            "dup.json": '{"type":"service_account","type":"x"}'}

def verify_answer_seeds():
    return {"ok": b"\x00\x64X-OAuth-Scopes: repo, read:org\nContent-Type: application/json\n\n"
                  b'{"ok":true,"user":"u","team":{"name":"t"},"items":[{"id":1}],"scopes":["a","b"]}',
            "err": b"\x00\x64\n{\"ok\":false,\"error\":\"invalid_auth\"}",
            "hook": b"\x01\x2c\nno_text", "deep": b"\x00\x64\n" + b"[" * 3000 + b"]" * 3000,
            "secret": b"\x00\x64\n{\"ok\":true,\"user\":\"tok_secret\"}"}

def verify_template_seeds():
    return {"path": b"\x00/api/{{secret}}/{{raw(id)}}?q={{urlencode(site)}}",
            "basic": b"\x00Basic {{base64(id ':' secret)}} {{base64url(\"x\" secret)}}",
            "url": b"\x00{{urlhost(site)}}{{urlpath('https://u@h:1/p?q')}}",
            "bad": b"\x00{{ nope( }} {{'unterminated}} {{}} {{a b)}}",
            "spec": b'\x01{"hosts":["*.atlassian.net"],"host":"{{site}}","method":"GET","path":"/x",'
                    b'"headers":{"A":"{{secret}}"},"with":{"site":"r"},"live":[200,{"json":"a","equals":[1,true]}],'
                    b'"invalid":[{"status":401,"contains":"x"}],"identity":"{{json.a}}","secret_prefix":"x"}',
            "near": b'\x02JIRA_URL site=https://acme.atlassian.net/x ci@acme.example ATATT3x site=evil.example/.atlassian.net '
                    b'site=https://a@acme.atlassian.net:443/ site=acme.atlassian.net.evil.example',
            "near-spec": b'\x01{"hosts":["*.grafana.net"],"host":"{{stack}}","method":"GET","path":"/",'
                         b'"near":{"stack":"(?<stack>[a-z]+\\.grafana\\.net)"},"live":[200],"invalid":[401],'
                         b'"identity":"{{stack}}"}'}

def validate_seeds():
    # first byte picks the check (fuzz_validate.c: github, npm, grafana, bech32, sentry)
    import base64, binascii, string
    def b62(n, width):
        a = string.digits + string.ascii_uppercase + string.ascii_lowercase
        s = ""
        while n:
            n, r = divmod(n, 62)
            s = a[r] + s
        return s.rjust(width, "0")
    body = "Vq3Lr8TnW2cXk5YpJ7dHs4FbZ9mQa6"
    gh = "ghp_" + body + b62(binascii.crc32(body.encode()) & 0xffffffff, 6)
    key = "glsa_" + "Rt5Uw2Xy8Zb3Cd6Fg9Hj4Kl7Mn1Pq0Sv"
    glsa = key + "_" + (binascii.crc32(key.encode()) & 0xffffffff).to_bytes(4, "little").hex()
    cs = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    def polymod(values):
        chk = 1
        for v in values:
            top = chk >> 25
            chk = (chk & 0x1ffffff) << 5 ^ v
            for i, g in enumerate((0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3)):
                if top >> i & 1:
                    chk ^= g
        return chk
    hrp, data = "age-secret-key-", [(7 * i + 3) % 32 for i in range(52)]
    pm = polymod([ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data + [0] * 6) ^ 1
    age = (hrp + "1" + "".join(cs[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])).upper()
    payload = base64.b64encode(b'{"iat": 1800000000.5, "url": "https://sentry.io", "org": "acme"}').decode()
    sentry = "sntrys_" + payload + "_" + "Tz" * 21 + "Q"
    return {"github": b"\x00" + gh.encode(), "npm": b"\x01npm_" + gh[4:].encode(), "grafana": b"\x02" + glsa.encode(),
            "age": b"\x03" + age.encode(), "sentry": b"\x04" + sentry.encode(),
            "sentry-nopad": b"\x04" + sentry.replace("=_", "_").encode(), "empty-sep": b"\x03" + b"1",
            "crc-only": b"\x02_00000000"}

def span_seeds():
    # a pattern, a NUL, a text (fuzz_span.c)
    gp = (b"(?:(?i:passw(?:or)?d|pwd)|(?<=[_.-])(?i:pass))(?:[\"'\\]]?[ \\t]*(?::=|=>|={1,3}|:)|[\"'][ \\t]*,)"
          b"[ \\t]*[\"'`](?![A-Z][A-Z0-9]*(?:[\"'\\s;,]|$))([^\"'`\\s$%{<\\[\\\\(/][^\"'`\\s]{7,})[\"'`]")
    return {"generic": gp + b"\x00{\"a\": 1, \"db_password\": \"Zq8sLm2pXw3e\",\n pass = 'x'}",
            "config": b"(?m)(?:^[ \\t]*|[ \\t`(])[\\w.-]{0,40}(?i:token)[ \\t]*[:=][ \\t]*([^\\s\"']{7,})(?:[ \\t]*\\r?$|[ \\t]+#)"
                      b"\x00api_token: Rk4Wm9Zq2Lx7Tb5Nc8Vh3Jd6  # x\r\nTOKEN=abc\n",
            "classes": b"[[:^space:]\\x00-\\x09][^\\n\\d]+(?=\\s\\s|\\z)\\N*\\R?\x00ab cd\n\n  ef",
            "groups": b"(?:a(?:b\\s*)+|c{2,5}?){1,3}(?<name>x)(?#c)\\Qa.b\\E\x00cbb  bccccx",
            "bad": b"(a)\\1(?(1)x|y)(*CR)(?x) \\G\x00aa"}

gens = {"verify_answer": verify_answer_seeds, "verify_template": verify_template_seeds, "url": url_seeds, "discover": discover_seeds, "gcp_key": gcp_key_seeds, "image": image_seeds, "git_object": git_object_seeds, "pack": pack_seeds,
        "loose": loose_seeds, "index": index_seeds, "rules": rules_seeds,
        "rules_cache": rules_cache_seeds, "config": config_seeds, "baseline": baseline_seeds,
        "migration": migration_seeds, "report_merge": report_seeds, "decode": decode_seeds,
        "transcode": transcode_seeds,
        "pre_push": pre_push_seeds, "image_dir": image_dir_seeds, "validate": validate_seeds, "span": span_seeds}
write(gens[target]())
