# SPDX-License-Identifier: Apache-2.0
# The 4 MB transcode limit (scanner/decode/decode.c MAX_TRANSCODE): UTF-16 text and JSON
# escapes are undone for blobs up to 4 MB. Just under the limit the secret each hides is
# found; just over it the blob is still scanned as it is, nothing is decoded, and the
# summary counts a max-transcode skip.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"
write_rules

cd "$T" || exit 1
tok=tok_Q7b2C3d4E5f6G7h8I9j0K1l2
# name size: UTF-16LE text with a byte-order mark, the token at its end
utf16() {
	python3 - "$1" "$2" "$tok" <<'PY'
import sys
path, size, tok = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tail = ("\r\n$t = '%s'\r\n" % tok).encode("utf-16-le")
fill = size - 2 - len(tail)
line = "# padding text of a long PowerShell script\r\n".encode("utf-16-le")
body = (line * (fill // len(line) + 1))[:fill]
open(path, "wb").write(b"\xff\xfe" + body + tail)
PY
}
# a JSON document whose token is hidden by \u005F (its '_'), padded to size
json_esc() {
	python3 - "$1" "$2" "$tok" <<'PY'
import sys
path, size, tok = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tail = '"k": "%s"}\n' % tok.replace("_", "\\u005F")
head = '{"url": "https:\\/\\/acme.dev\\/", "pad": "'
fill = size - len(head) - len(tail) - 3
open(path, "w").write(head + "x" * fill + '", ' + tail)
PY
}
limit=$((4 * 1024 * 1024))
mkdir under over
utf16 under/a.ps1 $((limit - 64))
utf16 over/a.ps1 $((limit + 64))
json_esc under/b.json $((limit - 64))
json_esc over/b.json $((limit + 64))

run_kh scan under --rules "$T/rules" --no-default-rules --format json -o under.json --no-progress
check "under 4 MB: both hidden tokens are found" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = sorted((f["path"], f["decoded"]) for f in d["findings"])
assert got == [("under/a.ps1", "utf16"), ("under/b.json", "json-escape")], got
assert "max-transcode" not in d["summary"]["skipped"], d["summary"]' under.json
run_kh scan over --rules "$T/rules" --no-default-rules --format json -o over.json --no-progress
check "over 4 MB: nothing decoded, two max-transcode skips, exit 0" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [], d["findings"]
assert d["summary"]["skipped"].get("max-transcode") == 2, d["summary"]' over.json
check "over 4 MB: the exit code says nothing was found ($RC)" test "$RC" -eq 0
finish
