# Class 4, second round (issue 14: credential-store files are leaks whatever the password): client
# and server configuration files that store a password or token for a tool, each written from the
# tool's own document (REF) and not from any scanner's test files. As in gen_credfiles, about a
# third of the entries hold a dictionary-weak password (weak: true): still positives, reported at
# low confidence. Appended after the other generators: adding entries here changes no earlier one.
import base64
import json

REF = {
    "tugboat": "https://github.com/pearkes/tugboat#configuration",
    "robomongo": "https://github.com/Studio3T/robomongo/wiki/Robo-3T-configuration-file",
    "ventrilo": "http://liquidcode.org/pub/ventrilo_srv.htm",
    "jetbrains-webservers": "https://www.jetbrains.com/help/phpstorm/deployment-connection-tab.html",
    "remote-sync": "https://github.com/yongkangchen/remote-sync#usage",
    "sftp-deployment": "https://github.com/amoussard/sftp-deployment#example-of-configuration-file",
    "vscode-sftp": "https://github.com/liximomo/vscode-sftp/wiki/Config",
    "dbeaver-legacy": "https://github.com/dbeaver/dbeaver/wiki/Admin-Manage-Connections",
    "git-credentials": "https://git-scm.com/docs/git-credential-store#_storage_format",
    "npmrc-auth": "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    "shell-profile": "https://www.gnu.org/software/bash/manual/html_node/Bash-Startup-Files.html",
    "dotenv": "https://github.com/motdotla/dotenv#usage",
    "wordpress": "https://developer.wordpress.org/advanced-administration/wordpress/wp-config/#set-database-name",
    "phpbb": "https://www.phpbb.com/support/docs/en/3.3/kb/article/rebuilding-your-configphp-file/",
    "mongoid": "https://www.mongodb.com/docs/mongoid/current/reference/configuration/",
}

USERS = ["alice", "deploy", "ops", "build", "marta", "www-data", "backup", "ci"]


def gen(c, g):
    """g is generate.py's module: R, pos, neg, WEAK, strong_pw."""
    R, pos, neg, WEAK, strong_pw = g.R, g.pos, g.neg, g.WEAK, g.strong_pw

    def pw(r, i, json_safe=False, xml_safe=False, quote="'"):
        p = r.choice(WEAK) if i % 3 == 0 else strong_pw(r)
        if json_safe:
            p = p.replace("\\", "x").replace('"', "x")
        if xml_safe:
            p = p.replace("&", "x").replace("<", "x").replace('"', "x")
        return p.replace(quote, "x")

    def add(kind, i, path, text, secret, cls=4, **kw):
        eid = "c4b-%s-%d" % (kind, i)
        c.add("pos/credfiles2/%s/%d/%s" % (kind, i, path), text,
              [pos(eid, cls, kind, secret, REF[kind], **kw)])

    # Tugboat (DigitalOcean CLI): `tugboat authorize` writes ~/.tugboat, YAML; API v1 wrote a
    # client key and an API key, later versions an API v2 access token
    for i in range(6):
        r = R("c4b-tugboat-%d" % i)
        if i % 2:
            key = r.s("hex", 64)
            auth = "authentication:\n  access_token: %s\n" % key
        else:
            key = r.s("hex", 32)
            auth = "authentication:\n  client_key: %s\n  api_key: %s\n" % (r.s("hex", 32), key)
        text = ("---\n%sssh:\n  ssh_user: %s\n  ssh_key_path: ~/.ssh/id_rsa\n  ssh_port: '22'\n"
                "defaults:\n  region: %s\n  image: ubuntu-22-04-x64\n  size: s-1vcpu-1gb\n") % (
                    auth, r.choice(USERS), r.choice(["nyc3", "ams3", "fra1", "sgp1"]))
        add("tugboat", i, ".tugboat", text, key)

    # Robo 3T / Robomongo: robo3t.json (robomongo.json before 1.1) holds each connection's
    # credentials and SSH tunnel password or key passphrase in clear text
    for i in range(6):
        r = R("c4b-robomongo-%d" % i)
        p = pw(r, i, json_safe=True)
        field = ["userPassword", "sshUserPassword", "sshPassphrase"][i % 3]
        conn = {"connectionName": r.choice(["prod", "reporting", "staging replica"]),
                "serverHost": "mongo%d.internal" % i, "serverPort": 27017,
                "credentials": [{"databaseName": "admin", "enabled": True, "userName": r.choice(USERS),
                                 "userPassword": p if field == "userPassword" else ""}],
                "ssh": {"enabled": field != "userPassword", "host": "bastion.internal", "port": 22,
                        "userName": r.choice(USERS), "method": "password" if field == "sshUserPassword" else "publickey",
                        "privateKeyFile": "" if field == "sshUserPassword" else "~/.ssh/id_ed25519",
                        "userPassword": p if field == "sshUserPassword" else "",
                        "passphrase": p if field == "sshPassphrase" else ""}}
        if field != "userPassword":
            # the flat 1.x layout names the SSH fields sshUserPassword / sshPassphrase
            conn.pop("ssh")
            conn.update({"sshHost": "bastion.internal", "sshPort": 22, "sshUserName": r.choice(USERS),
                         "sshAuthMethod": 1 if field == "sshUserPassword" else 2, field: p})
        doc = {"autoExec": True, "batchSize": 50, "connections": [conn], "version": "1.0"}
        fname = ".3T/robo-3t/1.4.4/robo3t.json" if i % 2 else ".config/robomongo/1.0/robomongo.json"
        add("robomongo", i, fname, json.dumps(doc, indent=4) + "\n", p, weak=p in WEAK)

    # Ventrilo server: ventrilo_srv.ini, [Server] section, AdminPassword= and Password= (the
    # server's logon password)
    for i in range(6):
        r = R("c4b-ventrilo-%d" % i)
        p = pw(r, i)
        admin = i % 2 == 0
        text = ("[Server]\nName=%s\nPhonetic=\nComment=\nAuth=1\nDuplicates=1\n"
                "AdminPassword=%s\nPassword=%s\nSendBuffer=0\nRecvBuffer=0\nDiag=0\nLogonTimeout=5\n"
                "CloseStd=1\nTimeStamp=0\nPingRate=10\n") % (
                    r.choice(["Guild Hall", "Raid Night", "LAN"]), p if admin else strong_pw(r).replace("'", "x"),
                    p if not admin else "")
        add("ventrilo", i, "ventrilo_srv.ini", text, p, weak=p in WEAK)

    # JetBrains deployment servers: .idea/webServers.xml, <fileTransfer ... password="...">, the
    # password scrambled (reversible) when it is not kept in the OS keychain
    for i in range(6):
        r = R("c4b-jetbrains-webservers-%d" % i)
        scr = r.s("hex", 2 * r.randrange(10, 24))
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="WebServers">\n'
                '    <option name="servers">\n      <webServer id="%s" name="%s" url="https://www.shop%d.net">\n'
                '        <fileTransfer host="ftp.shop%d.net" port="21" password="%s" username="%s">\n'
                '          <advancedOptions>\n            <advancedOptions dataProtectionLevel="Private" passiveMode="true" />\n'
                '          </advancedOptions>\n        </fileTransfer>\n      </webServer>\n    </option>\n  </component>\n</project>\n') % (
                    r.uuid(), r.choice(["production", "stage"]), i, i, scr, r.choice(USERS))
        add("jetbrains-webservers", i, ".idea/%s" % ("webServers.xml" if i % 2 else "WebServers.xml"), text, scr)

    # Atom remote-sync: .remote-sync.json, password or the SSH key's passphrase
    for i in range(6):
        r = R("c4b-remote-sync-%d" % i)
        p = pw(r, i, json_safe=True)
        doc = {"transport": "scp" if i % 2 else "ftp", "hostname": "10.0.%d.%d" % (i, 20 + i), "port": 22 if i % 2 else 21,
               "username": r.choice(USERS), "target": "/var/www/site%d" % i, "ignore": [".remote-sync.json", ".git/**"],
               "uploadOnSave": True}
        if i % 4 == 3:
            doc.update({"keyfile": "/home/dev/.ssh/deploy.pem", "passphrase": p})
        else:
            doc["password"] = p
        add("remote-sync", i, ".remote-sync.json", json.dumps(doc, indent=2) + "\n", p, weak=p in WEAK)

    # Atom SFTP-Deployment: deployment-config.json in the project root
    for i in range(6):
        r = R("c4b-sftp-deployment-%d" % i)
        p = pw(r, i, json_safe=True)
        text = ('{\n    "type": "%s",\n    "host": "www%d.acme-hosting.net",\n    "username": "%s",\n    "password": "%s",\n'
                '    "port": "%s",\n    "remotePath": "/home/%s/public_html"\n}\n') % (
                    "sftp" if i % 2 else "ftp", i, r.choice(USERS), p, "22" if i % 2 else "21", r.choice(USERS))
        add("sftp-deployment", i, "deployment-config.json", text, p, weak=p in WEAK)

    # VS Code SFTP (liximomo): .vscode/sftp.json, password or passphrase
    for i in range(6):
        r = R("c4b-vscode-sftp-%d" % i)
        p = pw(r, i, json_safe=True)
        key = "passphrase" if i % 4 == 3 else "password"
        doc = {"name": "prod", "host": "sftp.acme%d.io" % i, "protocol": "sftp", "port": 22, "username": r.choice(USERS),
               key: p, "remotePath": "/srv/app", "uploadOnSave": False}
        if key == "passphrase":
            doc["privateKeyPath"] = "~/.ssh/id_rsa"
        add("vscode-sftp", i, ".vscode/sftp.json", json.dumps(doc, indent=4) + "\n", p, weak=p in WEAK)

    # DBeaver before 6.1.3: .dbeaver-data-sources.xml, <connection ... user= password=>
    for i in range(6):
        r = R("c4b-dbeaver-legacy-%d" % i)
        p = pw(r, i, xml_safe=True)
        drv = r.choice([("postgresql", "postgres-jdbc", "jdbc:postgresql://db%d.internal:5432/app", "5432"),
                        ("mysql", "mysql8", "jdbc:mysql://db%d.internal:3306/app", "3306"),
                        ("oracle", "oracle_thin", "jdbc:oracle:thin:@//db%d.internal:1521/orcl", "1521")])
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<data-sources>\n'
                '\t<data-source id="%s-%s" provider="%s" driver="%s" name="%s" save-password="true" read-only="false">\n'
                '\t\t<connection host="db%d.internal" port="%s" server="" database="app" url="%s" user="%s" password="%s" type="prod"/>\n'
                '\t</data-source>\n</data-sources>\n') % (drv[1], r.s("hex", 11), drv[0], drv[1], r.choice(["prod", "billing"]),
                                                         i, drv[3], drv[2] % i, r.choice(USERS), p)
        path = ".metadata/.plugins/org.jkiss.dbeaver.core/.dbeaver-data-sources.xml" if i % 2 else "General/.dbeaver-data-sources.xml"
        add("dbeaver-legacy", i, path, text, p, weak=p in WEAK)

    # .git-credentials written by hand: a user name that is an e-mail address, and a password
    # holding '@' or '#' that was not percent-encoded (git would write %40, %23)
    for i in range(6):
        r = R("c4b-git-credentials-%d" % i)
        base = strong_pw(r, 14).replace("@", "x").replace("/", "x").replace("?", "x").replace("%", "x")
        p = base[:5] + ("@" if i % 2 else "#") + base[5:] + ("#" if i % 3 == 0 else "")
        user = "%s@acme%d.com" % (r.choice(USERS), i) if i % 2 == 0 else r.choice(USERS)
        text = "https://%s:%s@%s\n" % (user, p, r.choice(["github.com", "gitlab.com", "git.acme.net"]))
        add("git-credentials", i, ".git-credentials", text, p)

    # .npmrc _auth: base64 of username:password (legacy registry auth)
    for i in range(6):
        r = R("c4b-npmrc-auth-%d" % i)
        p = pw(r, i).replace(":", "x")
        auth = base64.b64encode(("%s:%s" % (r.choice(USERS), p)).encode()).decode()
        scope = "//npm.acme%d.io/:" % i if i % 2 else ""
        text = "registry=https://npm.acme%d.io/\nalways-auth=true\n%s_auth = %s\nemail=dev@acme%d.io\n" % (i, scope, auth, i)
        add("npmrc-auth", i, ".npmrc", text, auth, alt=[p], weak=p in WEAK)

    # shell start-up files exporting credentials: whatever the value, a password or token
    # exported from ~/.bashrc, ~/.bash_profile, ~/.profile or ~/.zshrc is the user's own
    names = [("DB_PASSWORD", "pw"), ("MLAB_PASS", "pw"), ("SMTP_PASSWORD", "pw"), ("DEPLOY_TOKEN", "an"),
             ("REGISTRY_API_KEY", "hex"), ("RDS_PASSWORD", "pw"), ("OPS_SECRET_ACCESS_KEY", "b64"), ("MAIL_PASS", "pw")]
    files = [".bashrc", ".bash_profile", ".profile", ".zshrc"]
    for i in range(12):
        r = R("c4b-shell-profile-%d" % i)
        name, kind = names[i % len(names)]
        if kind == "pw":
            v = pw(r, i).replace('"', "x").replace("$", "x").replace("`", "x").replace("\\", "x")
        elif kind == "an":
            v = r.s("an", 32)
        elif kind == "hex":
            v = r.s("hex", 40)
        else:
            v = r.s("b64", 40)
        q = ['"', "'", ""][i % 3]
        if not q:
            v = v.replace("'", "x").replace("#", "h").replace("!", "x").replace("&", "x").replace("*", "x").replace("?", "x").replace(";", "x")
        text = ("# ~/%s\nexport PATH=\"$HOME/.local/bin:$PATH\"\nexport EDITOR=vim\nalias ll='ls -alF'\n"
                "export %s=%s%s%s\n") % (files[i % 4], name, q, v, q)
        add("shell-profile", i, "home/u%d/%s" % (i, files[i % 4]), text, v, weak=v in WEAK)

    # .env password slots holding weak passwords: the deployed value, however guessable
    for i in range(6):
        r = R("c4b-dotenv-%d" % i)
        p = r.choice(WEAK) if i % 2 == 0 else r.choice(WEAK).capitalize() + r.choice(["!", "1!", "2024", "#1"])
        p = p.replace("#", "1")
        name = ["DB_PASSWORD", "REDIS_PASSWORD", "MAIL_PASSWORD", "POSTGRES_PASSWORD", "RABBITMQ_DEFAULT_PASS", "MYSQL_ROOT_PASSWORD"][i]
        text = "APP_ENV=production\nAPP_DEBUG=false\nDB_HOST=db\nDB_USERNAME=app\n%s=%s\nCACHE_DRIVER=redis\n" % (name, p)
        add("dotenv", i, "srv/app%d/.env" % i, text, p, weak=True)

    # wp-config.php with a weak database password (class 6: a framework's secret)
    for i in range(4):
        r = R("c4b-wordpress-%d" % i)
        p = r.choice(WEAK)
        text = ("<?php\n/* MySQL settings */\ndefine( 'DB_NAME', 'wp%d' );\ndefine( 'DB_USER', '%s' );\n"
                "define( 'DB_PASSWORD', '%s' );\ndefine( 'DB_HOST', 'localhost' );\n$table_prefix = 'wp_';\n") % (i, r.choice(USERS), p)
        add("wordpress", i, "var/www/site%d/wp-config.php" % i, text, p, cls=6, weak=True)

    # phpBB config.php: $dbpasswd (class 6)
    for i in range(6):
        r = R("c4b-phpbb-%d" % i)
        p = pw(r, i)
        text = ("<?php\n// phpBB 3.3.x auto-generated configuration file\n// Do not change anything in this file!\n"
                "$dbms = 'phpbb\\\\db\\\\driver\\\\mysqli';\n$dbhost = 'localhost';\n$dbport = '';\n$dbname = 'forum%d';\n"
                "$dbuser = '%s';\n$dbpasswd = '%s';\n$table_prefix = 'phpbb_';\n$phpbb_adm_relative_path = 'adm/';\n"
                "$acm_type = 'phpbb\\\\cache\\\\driver\\\\file';\n\n@define('PHPBB_INSTALLED', true);\n") % (i, r.choice(USERS), p)
        add("phpbb", i, "forum%d/config.php" % i, text, p, cls=6, weak=p in WEAK)

    # Mongoid: config/mongoid.yml, a client's uri with credentials, or user/password options
    for i in range(6):
        r = R("c4b-mongoid-%d" % i)
        p = pw(r, i).replace("@", "x").replace("/", "x").replace(":", "x").replace("?", "x").replace("%", "x").replace("#", "h").replace("'", "x").replace('"', "x")
        if i % 2:
            client = "      uri: mongodb://%s:%s@mongo%d.acme.net:27017/shop\n" % (r.choice(USERS), p, i)
        else:
            client = ("      database: shop\n      hosts:\n        - mongo%d.acme.net:27017\n      options:\n"
                      "        user: %s\n        password: '%s'\n        auth_source: admin\n") % (i, r.choice(USERS), p)
        text = "production:\n  clients:\n    default:\n%s  options:\n    raise_not_found_error: false\n" % client
        add("mongoid", i, "app%d/config/mongoid.yml" % i, text, p, cls=6, weak=p in WEAK)

    # negatives: templates of these files keep placeholders quiet, and shell start-up files that
    # read a secret from elsewhere hold none
    tmpl = [
        ("remote-sync", ".remote-sync.json.example", '{\n  "transport": "ftp",\n  "hostname": "ftp.acme.net",\n  "username": "deploy",\n  "password": "your_password_here"\n}\n', "your_password_here"),
        ("sftp-deployment", "deployment-config.json.dist", '{\n    "type": "sftp",\n    "host": "example.com",\n    "username": "username",\n    "password": "<password>",\n    "remotePath": "/var/www"\n}\n', "<password>"),
        ("ventrilo", "ventrilo_srv.ini.sample", "[Server]\nName=Server 1\nAdminPassword=changeme\nPassword=\n", "changeme"),
        ("tugboat", ".tugboat.example", "---\nauthentication:\n  access_token: YOUR_DIGITALOCEAN_TOKEN\n", "YOUR_DIGITALOCEAN_TOKEN"),
        ("phpbb", "config.php.dist", "<?php\n$dbhost = 'localhost';\n$dbuser = 'phpbb';\n$dbpasswd = '${DB_PASSWORD}';\n", "${DB_PASSWORD}"),
    ]
    for i, (prov, fname, text, v) in enumerate(tmpl):
        c.add("neg/credfiles2/template%d/%s" % (i, fname), text,
              [neg("n-c4b-template-%d" % i, "template", 4, prov, v, REF[prov])])
    refs = [
        'export DB_PASSWORD="$(pass show db/prod)"',
        "export GITHUB_TOKEN=$(gh auth token)",
        'export NPM_TOKEN="${NPM_TOKEN:-}"',
        "export AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY_PROD",
        'export VAULT_TOKEN="$(cat ~/.vault-token)"',
        "export SMTP_PASSWORD=`security find-generic-password -s smtp -w`",
        "export PASSWORD_STORE_DIR=~/.password-store",
        "export HISTCONTROL=ignoredups:ignorespace",
    ]
    for i, line in enumerate(refs):
        v = line.split("=", 1)[1]
        c.add("neg/credfiles2/home/n%d/%s" % (i, [".bashrc", ".zshrc", ".profile", ".bash_profile"][i % 4]),
              "# ~/.bashrc\nexport EDITOR=vim\n%s\nalias la='ls -A'\n" % line,
              [neg("n-c4b-shell-%d" % i, "reference", 4, "shell-profile", v, REF["shell-profile"])])
