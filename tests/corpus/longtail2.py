# Class 9, second round (issue 14, the long tail of providers): formats of providers that had no
# rule of their own, each written from the provider's document (the URL), in the same table
# form as formats.py (provider | template | variable stem | document), so generate.py spreads
# them over the same file kinds. Appended after formats.TABLE: adding rows here changes no
# earlier entry.
TABLE = r"""
adobe|p8e-{b64u:32}|OAUTH_CLIENT_SECRET|https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/developing/extensibility/app-builder/server-to-server-auth
lob|test_{hex:35}|TEST_API_KEY|https://help.lob.com/account-management/api-keys
lob|live_{hex:35}|SECRET_API_KEY|https://help.lob.com/account-management/api-keys
confluent|cflt{b64:60}|CLOUD_API_SECRET|https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html
confluent|{b64:64}|CLUSTER_API_SECRET|https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html
dependency_track|odt_{an:32}|APIKEY|https://docs.dependencytrack.org/integrations/rest-api/
pubnub|sec-c-{b64:48}|SECRET_KEY|https://www.pubnub.com/docs/general/portal/keysets
sidekiq|{hex:8}:{hex:8}|PRO_CREDENTIALS|https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ
settlemint|sm_pat_{an:24}|ACCESS_TOKEN|https://console.settlemint.com/documentation/docs/using-platform/personal-access-tokens/
settlemint|sm_aat_{an:32}|APPLICATION_ACCESS_TOKEN|https://console.settlemint.com/documentation/docs/using-platform/application-access-tokens/
intra42|s-s4t2ud-{hex:64}|CLIENT_SECRET|https://api.intra.42.fr/apidoc/guides/getting_started
coveralls|{an:32}|REPO_TOKEN|https://docs.coveralls.io/api-introduction
looker|{an:24}|CLIENT_SECRET|https://cloud.google.com/looker/docs/api-auth
sauce|{uuid}|ACCESS_KEY|https://docs.saucelabs.com/basics/acct-team-mgmt/managing-user-info/
nasa|{an:40}|API_KEY|https://api.nasa.gov/
yelp|{b64u:128}|FUSION_API_KEY|https://docs.developer.yelp.com/docs/fusion-authentication
disqus|{an:64}|API_SECRET|https://disqus.com/api/docs/auth/
truenas|{dig:1}-{an:64}|API_KEY|https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/
linkedin|{an:16}|CLIENT_SECRET|https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow
finnhub|{al:20}|TOKEN|https://finnhub.io/docs/api/authentication
thingsboard|{an:20}|DEVICE_TOKEN|https://thingsboard.io/docs/reference/http-api/
gitalk|{hex:40}|CLIENT_SECRET|https://github.com/gitalk/gitalk#options
privateai|{hex:32}|API_KEY|https://docs.private-ai.com/
bittrex|{hex:32}|API_KEY|https://bittrex.github.io/api/v3
mailjetsms|{hex:32}|TOKEN|https://dev.mailjet.com/sms/guides/
azuresearchquery|{an:52}|ADMIN_KEY|https://learn.microsoft.com/en-us/azure/search/search-security-api-keys
scrutinizerci|{hex:64}|ACCESS_TOKEN|https://scrutinizer-ci.com/docs/api/
stitchdata|{hex:64}|IMPORT_API_TOKEN|https://www.stitchdata.com/docs/developers/import-api/
linenotify|{an:43}|ACCESS_TOKEN|https://notify-bot.line.me/doc/en/
signupgenius|{an:32}|USER_KEY|https://www.signupgenius.com/cms/API-documentation
privacy|{uuid}|API_KEY|https://privacy.com/developer/docs
web3storage|{JWT}|API_TOKEN|https://web3.storage/docs/how-tos/generate-api-token/
"""

# Near misses of the same providers that must stay quiet: public identifiers that share the
# secret's prefix or sit under the provider's name, values of the wrong length, placeholders.
#   provider | template | variable stem | kind | document
NEGATIVES = r"""
lob|live_pub_{hex:31}|PUBLISHABLE_KEY|public-id|https://help.lob.com/account-management/api-keys
pubnub|pub-c-{uuid}|PUBLISH_KEY|public-id|https://www.pubnub.com/docs/general/portal/keysets
pubnub|sub-c-{uuid}|SUBSCRIBE_KEY|public-id|https://www.pubnub.com/docs/general/portal/keysets
confluent|{AU:16}|API_KEY_ID|public-id|https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html
intra42|u-s4t2ud-{hex:64}|CLIENT_UID|public-id|https://api.intra.42.fr/apidoc/guides/getting_started
linkedin|{al:14}|CLIENT_ID|public-id|https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow
adobe|{hex:32}|CLIENT_ID|public-id|https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims
dependency_track|{uuid}|PROJECT_UUID|public-id|https://docs.dependencytrack.org/integrations/rest-api/
nasa|DEMO_KEY|API_KEY|documented-example|https://api.nasa.gov/
adobe|p8e-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|CLIENT_SECRET|placeholder|https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/developing/extensibility/app-builder/server-to-server-auth
sauce|your-sauce-access-key|ACCESS_KEY|placeholder|https://docs.saucelabs.com/basics/acct-team-mgmt/managing-user-info/
looker|<your-client-secret>|CLIENT_SECRET|placeholder|https://cloud.google.com/looker/docs/api-auth
"""


def gen_negatives(c, g):
    """g: the generate module (R, fill, neg, ident, CONTEXTS)."""
    rows = [l.split("|") for l in NEGATIVES.strip().splitlines() if l and not l.startswith("#")]
    for n, (prov, tmpl, var, kind, url) in enumerate(rows):
        for j in range(2):
            eid = "n-tail2-%s-%d-%d" % (prov.replace(".", "-"), n, j)
            r = g.R(eid)
            value = g.fill(tmpl, r)
            P = "%s_%s" % (g.ident(prov), var)
            cname, ctx = g.CONTEXTS[(n * 5 + j * 7) % len(g.CONTEXTS)]
            if cname == "curl":
                cname, ctx = g.CONTEXTS[0]
            fname, text = ctx(P, value, r)
            c.add("neg/tail2/%s/%d-%d/%s" % (prov, n, j, fname), text,
                  [g.neg(eid, kind, 9, prov, value, url, context=cname)])
