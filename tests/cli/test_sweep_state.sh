#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The sweep state's schema: PRAGMA user_version and forward migrations. A state written by
# keyhound 0.1.0 (tests/sweep/state-v0.1.0.sql, its dump; tests/sweep/make-old-state.sh wrote
# it) opens, migrates and keeps what it knew: its alert is not reported again, a new one is.
. "$(dirname "$0")/lib.sh"
case $KH in /*) ;; *) KH="$PWD/$KH" ;; esac
cd "$T"
. "$SRC/tests/sweep/old-fleet.sh"
python3 -c "
import sqlite3, sys
db = sqlite3.connect('old.db')
db.executescript(open(sys.argv[1]).read())
db.commit()" "$SRC/tests/sweep/state-v0.1.0.sql"
check "the fixture is 0.1.0's: user_version 0, meta schema 1" python3 -c "
import sqlite3
db = sqlite3.connect('old.db')
raise SystemExit(db.execute('pragma user_version').fetchone()[0] != 0 or db.execute(\"select value from meta where key='schema'\").fetchone()[0] != '1')"

sw() { # sw OUT: a --new-only sweep of the fleet on old.db
	"$KH" sweep --no-default-rules --rules rules --state old.db --new-only -f json -o "$1" fleet 2>"$T/.err"
	RC=$?
}
count() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$1"; }

sw r1.json
check "0.1.0's state opens: exit 0 (its alert was delivered then, not again)" test "$RC" = 0
check "0.1.0's state: no finding reported again" test "$(count r1.json)" = 0
check "migrated: user_version 3, the mirrors and verdicts tables, the meta schema row gone" python3 -c "
import sqlite3
db = sqlite3.connect('old.db')
v = db.execute('pragma user_version').fetchone()[0]
t = {r[0] for r in db.execute(\"select name from sqlite_master where type='table'\")}
raise SystemExit(v != 3 or 'mirrors' not in t or 'verdicts' not in t or db.execute(\"select count(*) from meta where key='schema'\").fetchone()[0])"
check "migrated: what 0.1.0 recorded is kept (2 repositories, 1 reported finding)" python3 -c "
import sqlite3
db = sqlite3.connect('old.db')
raise SystemExit(db.execute('select count(*) from repos').fetchone()[0] != 2 or db.execute('select count(*) from reported').fetchone()[0] != 1)"
printf 'b = tok_Pp9Zq8Lm2Vx7Rt4Nw9Ky3H02\n' >fleet/alpha/two.py
git -C fleet/alpha add -A && git -C fleet/alpha commit -qm "second secret"
sw r2.json
check "after the migration a new secret is the only alert" \
	bash -c "test $RC = 1 && test \$(python3 -c \"import json; print([f['path'] for f in json.load(open('r2.json'))['findings']])\") = \"['two.py']\""
sw r3.json
check "and it is delivered once" test "$(count r3.json)" = 0

python3 -c "import sqlite3; db = sqlite3.connect('new.db'); db.execute('pragma user_version = 99'); db.commit()"
run_kh sweep --no-default-rules --rules rules --state new.db fleet
check "a state from a newer keyhound is refused with a reason (exit 2)" \
	bash -c "test $RC = 2 && grep -q 'newer' <<<'$ERR'"
check "a newer state is left as it was" python3 -c "
import sqlite3; raise SystemExit(sqlite3.connect('new.db').execute('pragma user_version').fetchone()[0] != 99)"

finish
