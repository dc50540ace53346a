#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Count the providers of a checklist (shared/providers.md: the names of the rule files of the
leading scanners' catalogues) that keyhound's rules cover.

A checklist key is covered when a patterns/<file>.yml has the same lower-cased alphanumeric
name, or through ALIASES: another catalogue's name for a provider whose rules keyhound keeps
under its own name (`artifactory` is jfrog.yml, `sendinblue` is brevo.yml), each checked by
hand to cover the same credential. Keys that name a class of secret rather than a provider
(`pem`, `postgres`, `netrc`, `hashes`) are counted apart, against the class files.
Usage: patterns/coverage.py PROVIDERS_MD [patterns-dir] [--list]
"""
import os, re, sys

ALIASES = {
    '1password': 'onepassword', 'adafruitio': 'adafruit', 'artifactory': 'jfrog',
    'azuredevops': 'azure', 'azureopenai': 'azure', 'azurestorage': 'azure',
    'bitbucket': 'atlassian', 'jira': 'atlassian', 'bitlyaccesstoken': 'bitly',
    'calendlyapikey': 'calendly', 'checklyhq': 'checkly', 'close': 'closecrm', 'cratesio': 'crates',
    'd7network': 'd7networks', 'dockerhub': 'docker', 'fullstoryv2': 'fullstory',
    'google': 'gcp', 'googleoauth2': 'gcp', 'youtube': 'gcp', 'blogger': 'gcp',      # AIza keys, GOCSPX- secrets
    'hashicorp': 'terraform', 'vagrantcloud': 'terraform',                           # .atlasv1. tokens
    'hashicorpvault': 'vault', 'ipquality': 'ipqualityscore', 'lokalisetoken': 'lokalise',
    'mandrill': 'mailchimp', 'mailjetbasicauth': 'mailjet', 'maxmindlicensev2': 'maxmind',
    'microsoftteams': 'microsoft', 'microsoftteamswebhook': 'microsoft', 'teams': 'microsoft',
    'octopusdeploy': 'octopus', 'pagerdutyapikey': 'pagerduty', 'particleio': 'particle',
    'restpackhtmltopdfapi': 'restpack', 'restpackscreenshotapi': 'restpack', 'scalewaykey': 'scaleway',
    'sendinblue': 'brevo', 'sentrytoken': 'sentry', 'shodankey': 'shodan',
    'shutterstockoauth': 'shutterstock', 'smartsheets': 'smartsheet', 'sonar': 'sonarqube',
    'sonarcloud': 'sonarqube', 'squareup': 'square', 'supabasetoken': 'supabase',
    'telegrambottoken': 'telegram', 'terraformcloud': 'terraform', 'toggltrack': 'toggl',
    'transferwise': 'wise', 'twitchaccesstoken': 'twitch', 'twitterv1': 'twitter', 'twitterv2': 'twitter',
    'vultrapikey': 'vultr', 'weightsandbiases': 'wandb', 'zapierwebhook': 'zapier',
    'nvapi': 'nvidia', 'youneedabudget': 'ynab', 'boxcom': 'box', 'tatumio': 'tatum', 'cannyio': 'canny',
    'sportsmonk': 'sportmonks', 'teamworkcrm': 'teamwork', 'teamworkdesk': 'teamwork', 'teamworkspaces': 'teamwork',
    'checio': 'commercejs',
}
CLASSES = {
    'hashes': 'password-hashes', 'pem': 'private-keys', 'privatekey': 'private-keys', 'privkey': 'private-keys',
    'netrc': 'sensitive-files', 'credentials': 'credential-files', 'mongo': 'urls', 'mongodb': 'urls',
    'mysql': 'urls', 'postgres': 'urls', 'odbc': 'urls', 'rabbitmq': 'urls', 'ftp': 'urls', 'uri': 'urls',
    'curl': 'http', 'psexec': 'windows-commands', 'securestring': 'windows-commands',
}

def norm(s):
    return re.sub(r'[^a-z0-9]', '', s.lower())

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if not args:
        raise SystemExit(__doc__)
    folder = args[1] if len(args) > 1 else os.path.dirname(os.path.abspath(__file__))
    keys = []
    for line in open(args[0], encoding='utf-8'):
        m = re.match(r'\| (\S+) \| ([KNG]+) \|', line)
        if m:
            keys.append(m.group(1))
    stems = {norm(f[:-4]): f[:-4] for f in os.listdir(folder) if f.endswith('.yml')}
    same, alias, cls, missing = [], [], [], []
    for k in keys:
        n = norm(k)
        if n in CLASSES and norm(CLASSES[n]) in stems:
            cls.append(k)
        elif n in stems:
            same.append(k)
        elif n in ALIASES and norm(ALIASES[n]) in stems:
            alias.append(k)
        else:
            missing.append(k)
    print('%d keys: %d providers covered (%d by a file of the same name, %d through an alias), '
          '%d classes covered, %d not covered'
          % (len(keys), len(same) + len(alias), len(same), len(alias), len(cls), len(missing)))
    if '--list' in sys.argv:
        for k in missing:
            print('not covered', k)

if __name__ == '__main__':
    main()
