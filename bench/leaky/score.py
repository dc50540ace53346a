#!/usr/bin/env python3
"""Score a keyhound JSON report on a checkout of the public leaky-files benchmark
(github.com/Plazmaz/leaky-repo, the one other scanners publish "files found" on): files with a
risk found out of its 42 risk files (.leaky-meta/secrets.csv), risk lines found, each miss, and
each finding on a line that holds no risk. A held-out measure: no string of it enters keyhound's
rules or tests; the markers below are key names and line syntax only.

  keyhound scan CHECKOUT --format json > r.json; python3 bench/leaky/score.py r.json CHECKOUT
  (git mode: keyhound git CHECKOUT; a secret repeated in one file is then one finding)"""
import json, sys, os, collections
ROOT = sys.argv[2] if len(sys.argv) > 2 else "/tmp/leaky-repo"
# risk-line markers per file (a substring of each risk line; "*": the whole file is one risk),
# from secrets.csv's comments; the counts differ from the csv where it counts a line twice
RISK = {
 ".bash_profile": ["AWS_SECRET_ACCESS_KEY=nA", "RDS_PASSWORD", "HEROKU_API_KEY", "HOMEBREW_GITHUB", "SLACK_API_TOKEN", "MLAB_PASS"],
 ".bashrc": ["GMAIL_PASSWORD", "MAILCHIMP_API_KEY", "JEKYLL_GITHUB_TOKEN"],
 ".docker/.dockercfg": ["\"auth\""],
 ".docker/config.json": ["\"auth\""],
 ".mozilla/firefox/logins.json": ["encryptedUsername", "encryptedPassword"],
 ".ssh/id_rsa": ["*"],
 "cloud/.credentials": ["aws_secret_access_key"],
 "cloud/.s3cfg": ["secret_key ="],
 "cloud/.tugboat": ["api_key:"],
 "cloud/heroku.json": ["HEROKU_API_KEY"],
 "db/dump.sql": ["', '$2"],
 "db/mongoid.yml": ["mongodb://"],
 "etc/shadow": ["root:"],
 "filezilla/recentservers.xml": ["<Pass"],
 "filezilla/filezilla.xml": ["<Pass>"],
 "misc-keys/cert-key.pem": ["*"],
 "misc-keys/putty-example.ppk": ["*"],
 "proftpdpasswd": ["root:"],
 "web/ruby/config/master.key": ["*"],
 "web/ruby/secrets.yml": ["secret_key_base"],
 "web/var/www/.env": ["APP_KEY", "DB_PASSWORD", "REDIS_PASSWORD", "MAIL_PASSWORD"],
 ".npmrc": ["_auth =", "_authToken"],
 "web/var/www/public_html/wp-config.php": ["DB_PASSWORD", "_KEY',", "_SALT',"],
 "web/var/www/public_html/.htpasswd": ["*"],
 ".git-credentials": ["https://"],
 "db/robomongo.json": ["userPassword", "sshPassphrase", "sshUserPassword"],
 "web/js/salesforce.js": ["conn.login("],
 ".netrc": ["password"],
 "hub": ["oauth_token"],
 "config": ["IRC_PASS"],
 "db/.pgpass": ["localhost:5432"],
 "ventrilo_srv.ini": ["AdminPassword=", "\nPassword="],
 "web/var/www/public_html/config.php": ["$dbpasswd = "],
 "db/dbeaver-data-sources.xml": [" password=\""],
 ".esmtprc": ["password \""],
 "web/django/settings.py": ["SECRET_KEY ="],
 "deployment-config.json": ["\"password\""],
 ".ftpconfig": ["\"pass\"", "\"passphrase\""],
 ".remote-sync.json": ["\"password\""],
 ".vscode/sftp.json": ["\"password\""],
 "sftp-config.json": ["\"password\""],
 ".idea/WebServers.xml": ["password="],
}
def risk_lines(path, marks):
    text = open(os.path.join(ROOT, path), errors="replace").read()
    lines = text.split("\n")
    out = set()
    for i, l in enumerate(lines, 1):
        for m in marks:
            mm = m.lstrip("\n")
            if m == "*": out.add(1); continue
            if (m.startswith("\n") and l.startswith(mm)) or (not m.startswith("\n") and mm in l):
                out.add(i)
    return out, lines
def main():
    rep = json.load(open(sys.argv[1]))
    finds = collections.defaultdict(list)
    for f in rep["findings"]:
        p = f.get("root_path") or os.path.relpath(f["path"], ROOT)
        finds[p].append(f)
    files_found = 0; lines_found = 0; lines_total = 0; fa = []
    miss = []
    for path, marks in RISK.items():
        rl, lines = risk_lines(path, marks)
        fl = finds.get(path, [])
        got = set()
        for f in fl:
            span = set(range(f["line"], (f.get("end_line") or f["line"]) + 1))
            hit = span & rl
            if marks == ["*"]: hit = {1}
            if hit: got |= hit
            else: fa.append((path, f["line"], f["rule_id"], f["confidence"], lines[f["line"]-1][:70]))
        if got: files_found += 1
        lines_total += len(rl); lines_found += len(got)
        missed = sorted(rl - got)
        if missed: miss.append((path, missed, [lines[i-1].strip()[:60] for i in missed]))
        conf = collections.Counter(f["confidence"] for f in fl)
        print(f"{path:42s} risk lines {len(got)}/{len(rl)}  findings {len(fl)} {dict(conf)}")
    for p, fl in finds.items():
        if p not in RISK:
            for f in fl: fa.append((p, f["line"], f["rule_id"], f["confidence"], ""))
    print(f"\nFILES WITH A RISK FOUND: {files_found}/{len(RISK)}")
    print(f"RISK LINES FOUND: {lines_found}/{lines_total}")
    print(f"FINDINGS: {sum(len(v) for v in finds.values())}; on no risk line: {len(fa)}")
    print("\nMISSES:"); [print("  ", m) for m in miss]
    print("\nFINDINGS ON NO RISK LINE:"); [print("  ", x) for x in fa]
main()
