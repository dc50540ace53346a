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
swiftype|private-{al:24}|APP_SEARCH_PRIVATE_KEY|https://www.elastic.co/guide/en/app-search/current/authentication.html
authress|sc_{al:22}.{al:4}.acc_{al:22}.MC4CAQAwBQYDK2VwBCIEI{b64u:44}|ACCESS_KEY|https://authress.io/knowledge-base/docs/authorization/service-clients/access-keys
tineswebhook|https://{low:7}-{low:5}-{dig:4}.tines.com/webhook/{hex:32}/{hex:32}|ALERT_WEBHOOK_URL|https://www.tines.com/docs/actions/types/webhook
teamworkdesk|tkn.v1_{b64u:64}|API_TOKEN|https://developer.teamwork.com/desk/docs/authentication
userflow|ak_{al:26}|API_KEY|https://userflow.com/docs/api#authentication
geoipifi|at_{an:29}|GEOLOCATION_KEY|https://geo.ipify.org/docs
besttime|pri_{hex:32}|PRIVATE_KEY|https://documentation.besttime.app/#api-keys
commercejs|sk_{dig:5}{hex:42}|SECRET_KEY|https://commercejs.com/docs/api/#authentication
dfuse|web_{hex:32}|API_KEY|https://docs.dfuse.io/platform/dfuse-cloud/authentication/
ecostruxureit|AK1{an:47}|API_KEY|https://ecostruxureit.com/api/
tickettailor|sk_{dig:4}_{dig:6}_{hex:32}|API_KEY|https://developers.tickettailor.com/docs/api/ticket-tailor-api
iexapis|sk_{hex:32}|TOKEN|https://iexcloud.io/docs/api-basics/authentication
stormglass|{uuid}-{uuid}|API_KEY|https://docs.stormglass.io/#/authentication
kontent|ew0K{b64:240}|MANAGEMENT_API_KEY|https://kontent.ai/learn/docs/apis/openapi/management-api-v2/#section/Authentication
collect2|{hex:64}|API_KEY|https://collect2.com/api-docs
column|live_{an:27}|API_KEY|https://column.com/docs/api/#authentication
raven|https://{hex:32}:{hex:32}@sentry.io/{dig:6}|DSN|https://docs.sentry.io/concepts/key-terms/dsn-explainer/
tly|{an:60}|API_TOKEN|https://t.ly/docs
aiven|{b64:372}|API_TOKEN|https://aiven.io/docs/platform/howto/create_authentication_token
alchemy|{b64u:32}|API_KEY|https://docs.alchemy.com/docs/alchemy-quickstart-guide
appsynergy|{hex:64}|API_KEY|https://www.appsynergy.com/docs/api/
asanaoauth|{hex:32}|OAUTH_CLIENT_SECRET|https://developers.asana.com/docs/oauth
autoklose|{an:32}|API_KEY|https://help.autoklose.com/api
avaza|{dig:6}-{hex:40}|API_KEY|https://api.avaza.com/
besnappy|{hex:64}|API_KEY|https://github.com/snappy/api-docs
bitbar|{an:32}|API_KEY|https://support.smartbear.com/bitbar/docs/en/api.html
bitcoinaverage|{an:43}|SECRET_KEY|https://apiv2.bitcoinaverage.com/
blitapp|{an:40}|API_KEY|https://blitapp.com/api/
bombbomb|{JWT}|ACCESS_TOKEN|https://developer.bombbomb.com/
boostnote|{hex:64}|ACCESS_TOKEN|https://intercom.help/boostnote-for-teams/en/articles/4590937-public-api-documentation
browshot|{an:28}|API_KEY|https://browshot.com/api/documentation
buddyns|{hex:40}|API_TOKEN|https://www.buddyns.com/support/api/v2/
bulbul|{hex:32}|API_KEY|https://bulbul.io/api
caflou|{JWT}|API_KEY|https://caflou.docs.apiary.io/
calorieninja|{b64:40}|API_KEY|https://calorieninjas.com/api
campayn|{hex:64}|API_KEY|https://github.com/campayn/api/
centralstationcrm|{an:30}|API_KEY|https://api.centralstationcrm.net/
chatbot|{hex:32}|ACCESS_TOKEN|https://www.chatbot.com/docs/authorization/
chatfule|{an:64}|BROADCAST_TOKEN|https://docs.chatfuel.com/en/articles/735122-json-api
cicero|{hex:40}|API_KEY|https://cicero.azavea.com/docs/
cliengo|{uuid}|API_KEY|https://developers.cliengo.com/
cloudimage|{an:32}|API_KEY|https://docs.cloudimage.io/go/cloudimage-documentation-v7/en/introduction
cloudplan|{hex:32}|API_KEY|https://www.cloudplan.net/api
cloudsight|{b64u:22}|API_KEY|https://cloudsight.docs.apiary.io/
cloverly|{an:40}|PRIVATE_KEY|https://docs.cloverly.com/
clustdoc|{an:60}|API_TOKEN|https://api.clustdoc.com/
codequiry|{hex:64}|API_KEY|https://codequiry.com/api
coinlib|{hex:16}|API_KEY|https://coinlib.io/apidocs
conversiontools|{JWT}|API_TOKEN|https://conversiontools.io/api-documentation
craftmypdf|{hex:32}|API_KEY|https://craftmypdf.com/docs/index.html
currencyscoop|{hex:32}|API_KEY|https://currencybeacon.com/api-documentation
dareboost|{an:60}|API_TOKEN|https://www.dareboost.com/en/documentation-api
databox|{hex:32}|PUSH_TOKEN|https://developers.databox.com/
diggernaut|{hex:40}|API_KEY|https://www.diggernaut.com/dev/api-intro.html
dynalist|{an:128}|SECRET_TOKEN|https://apidocs.dynalist.io/
eagleeyenetworks|{hex:32}|API_KEY|https://developer.eagleeyenetworks.com/docs/authentication
enigma|{an:64}|API_KEY|https://documentation.enigma.com/
envoyapikey|{hex:32}|API_KEY|https://developers.envoy.com/hub/docs/authentication
eraser|{an:20}|API_TOKEN|https://docs.eraser.io/reference/api-token
exchangeratesapi|{hex:32}|ACCESS_KEY|https://exchangeratesapi.io/documentation/
extractorapi|{hex:40}|API_KEY|https://extractorapi.com/api/
feedier|{an:40}|API_KEY|https://feedier.com/api/
fileio|{AU:8}.{AU:7}-{AU:7}-{AU:7}-{AU:7}|API_KEY|https://www.file.io/developers
findl|{uuid}|API_KEY|https://findl.com/api
flatio|{hex:128}|API_TOKEN|https://flat.io/developers/docs/api/authentication.html
flightapi|{hex:24}|API_KEY|https://docs.flightapi.io/
flightlabs|{JWT}|ACCESS_KEY|https://www.goflightlabs.com/documentation
formbucket|{JWT}|API_KEY|https://formbucket.com/docs
formcraft|{an:16}|API_KEY|https://formcraft-wp.com/help/
formio|{an:30}|API_KEY|https://help.form.io/developers/integrations/api-keys
fulcrum|{hex:80}|API_TOKEN|https://docs.fulcrumapp.com/docs/getting-started
fxmarket|{b64u:20}|API_KEY|https://fxmarketapi.com/documentation
getemail|{hex:20}|API_KEY|https://getemail.io/api
getgeoapi|{hex:40}|API_KEY|https://getgeoapi.com/documentation
goodday|{hex:32}|API_TOKEN|https://www.goodday.work/developers/api-v2
gyazo|{b64u:43}|ACCESS_TOKEN|https://gyazo.com/api/docs
hiveage|{an:20}|API_KEY|https://developers.hiveage.com/
holistic|{hex:64}|API_KEY|https://docs.holistic.dev/
html2pdf|{an:64}|API_KEY|https://html2pdf.app/documentation/
humanity|{hex:40}|ACCESS_TOKEN|https://platform.humanity.com/docs/authentication
hybiscus|{an:22}|API_KEY|https://hybiscus.dev/docs/api-keys
impala|{an:24}|API_KEY|https://docs.impala.travel/docs/booking-api/authentication
instabot|{JWT}|API_KEY|https://docs.instabot.io/
interseller|{hex:32}|API_KEY|https://interseller.readme.io/
ipapi|{hex:32}|ACCESS_KEY|https://ipapi.com/documentation
ipinfodb|{hex:64}|API_KEY|https://www.ipinfodb.com/api
juro|{hex:32}|API_KEY|https://api-docs.juro.com/#section/Authentication
karmacrm|{an:20}|API_KEY|https://www.karmacrm.com/api
kylas|{uuid}:{dig:4}|API_KEY|https://developers.kylas.io/docs/authentication
leadfeeder|{b64u:43}|API_TOKEN|https://docs.leadfeeder.com/api/
lendflow|{JWT}|API_TOKEN|https://docs.lendflow.com/
lexigram|{JWT}|API_KEY|https://docs.lexigram.io/
loadmill|{hex:40}|API_TOKEN|https://docs.loadmill.com/api-reference/api-tokens
magnetic|{uuid}|API_TOKEN|https://developer.magnetichq.com/
mavenlink|{hex:64}|OAUTH_TOKEN|https://developer.mavenlink.com/beginners-guide#authentication
metrilo|{hex:16}|API_TOKEN|https://www.metrilo.com/developers
mixmax|{uuid}|API_TOKEN|https://developer.mixmax.com/reference/getting-started-with-the-api
moderation|{hex:32}|API_KEY|https://moderationapi.com/docs
monkeylearn|{hex:40}|API_KEY|https://monkeylearn.com/api/v3/#authentication
moonclerk|{hex:32}|API_KEY|https://github.com/moonclerk/developer/blob/master/api-v1/README.md
nicereply|{hex:40}|API_KEY|https://nicereply.com/api
noticeable|{an:20}|API_KEY|https://noticeable.io/docs/api/authentication
nozbeteams|{an:16}_{an:64}|API_KEY|https://nozbe.help/api/
overloop|{dig:3}-{uuid}|API_KEY|https://apidoc.overloop.com/#authentication
owlbot|{hex:40}|TOKEN|https://owlbot.info/api
paralleldots|{an:43}|API_KEY|https://www.paralleldots.com/text-analysis-apis
paydirtapp|{hex:32}|API_KEY|https://paydirtapp.com/api
paymoapp|{an:40}|API_KEY|https://github.com/paymoapp/api/blob/master/sections/authentication.md
pepipost|{hex:32}|API_KEY|https://developers.netcorecloud.com/docs/email-api-authentication
planyo|{hex:62}|API_KEY|https://www.planyo.com/api.php
pollsapi|{AU:28}|API_KEY|https://docs.pollsapi.com/
postageapp|{an:32}|API_KEY|https://help.postageapp.com/kb/api/api-overview
powrbot|{an:40}|API_KEY|https://www.powrbot.com/api
prodpad|{hex:64}|API_KEY|https://app.prodpad.com/api/docs/
prospectcrm|{uuid}|API_KEY|https://www.prospect365.com/api
protocolsio|{hex:64}|ACCESS_TOKEN|https://apidoc.protocols.io/#authentication
proxycrawl|{b64u:22}|TOKEN|https://crawlbase.com/docs/crawling-api/
qualaroo|{b64:44}|API_SECRET|https://help.qualaroo.com/hc/en-us/articles/201969438-The-REST-Reporting-API
reachmail|{hex:32}|API_TOKEN|https://services.reachmail.net/
reallysimplesystems|{JWT}|API_KEY|https://www.reallysimplesystems.com/api/
requestfinance|{JWT}|API_KEY|https://docs.request.finance/faq
ritekit|{hex:44}|CLIENT_ID|https://documenter.getpostman.com/view/2010712/SzS7QS2c
salesblink|{an:40}|API_KEY|https://salesblink.io/api
salescookie|{hex:32}|API_KEY|https://salescookie.com/api
scraperbox|{AU:32}|API_KEY|https://scraperbox.com/docs
screenshotapi|{AU:7}-{AU:7}-{AU:7}-{AU:7}|TOKEN|https://docs.screenshotapi.net/
serphouse|{an:60}|API_TOKEN|https://docs.serphouse.com/
sherpadesk|{al:32}|API_KEY|https://github.com/sherpadesk/api/wiki
sigopt|{AU:48}|API_TOKEN|https://docs.sigopt.com/
simplesat|{hex:40}|API_KEY|https://docs.simplesat.io/
simplynoted|{JWT}|API_KEY|https://simplynoted.com/pages/api
simvoly|{hex:32}|API_KEY|https://simvoly.com/api
skrappio|{an:40}|API_KEY|https://skrapp.io/api
speechtextai|{hex:32}|API_KEY|https://speechtext.ai/api-docs
squarespace|{uuid}|API_KEY|https://developers.squarespace.com/commerce-apis/authentication-and-permissions
storecove|{b64u:43}|API_KEY|https://www.storecove.com/docs/#_authentication
stormboard|{hex:40}|API_KEY|https://api.stormboard.com/
storychief|{JWT}|API_KEY|https://developers.storychief.io/
stripo|{JWT}|API_KEY|https://api.stripo.email/reference/authentication
supernotesapi|{b64u:43}|API_KEY|https://supernotes.app/api
surveybot|{an:40}|API_KEY|https://surveybot.io/api
tallyfy|{JWT}|API_TOKEN|https://tallyfy.com/products/pro/integrations/open-api/
technicalanalysisapi|{AU:32}|API_KEY|https://technical-analysis-api.com/docs
tefter|{hex:64}|API_TOKEN|https://tefter.io/docs/api
teletype|{b64u:64}|API_TOKEN|https://teletype.atlassian.net/
timezoneapi|{hex:20}|TOKEN|https://timezoneapi.io/developers
tmetric|{HEX:64}|API_TOKEN|https://tmetric.com/help/data-integrations/how-to-use-tmetric-rest-api
travelpayouts|{hex:32}|TOKEN|https://support.travelpayouts.com/hc/en-us/articles/203956163
unplugg|{hex:64}|API_KEY|https://unplu.gg/test_api.html
upcdatabase|{HEX:32}|API_KEY|https://upcdatabase.org/api
uplead|{hex:32}|API_KEY|https://docs.uplead.com/#authentication
upwave|{hex:32}|API_TOKEN|https://upwave.io/api/
verimail|{HEX:32}|API_KEY|https://verimail.io/docs
versioneye|{hex:20}|API_KEY|https://github.com/versioneye/versioneye-api
viewneo|{JWT}|ACCESS_TOKEN|https://api.viewneo.com/
voicegain|{JWT}|JWT|https://www.voicegain.ai/api
voodoosms|{an:32}|API_KEY|https://www.voodoosms.com/portal/api
vpnapi|{hex:32}|KEY|https://vpnapi.io/api-documentation
vyte|{hex:32}|API_KEY|https://developer.vyte.in/
walkscore|{hex:32}|WSAPIKEY|https://www.walkscore.com/professional/api.php
webscraper|{an:60}|API_TOKEN|https://webscraper.io/documentation/web-scraper-cloud/api
webscraping|{an:32}|API_KEY|https://webscraping.ai/docs
worksnaps|{an:40}|API_TOKEN|https://www.worksnaps.com/api_docs/authentication.html
workstack|{an:60}|API_TOKEN|https://workstack.io/api
worldcoinindex|{an:35}|KEY|https://www.worldcoinindex.com/apiservice
worldweather|{hex:30}|KEY|https://www.worldweatheronline.com/weather-api/api/docs/
zenkitapi|{al:8}-{an:32}|API_KEY|https://base.zenkit.com/docs/api/overview/authentication
zenscrape|{uuid}|API_KEY|https://zenscrape.com/documentation/
zipcodeapi|{an:64}|API_KEY|https://www.zipcodeapi.com/API
zonkafeedback|{an:20}|AUTH_TOKEN|https://apidocs.zonkafeedback.com/
freemius|sk_{b64u:29}|SECRET_KEY|https://freemius.com/help/documentation/saas/saas-integration/
posthog|phx_{an:47}|PERSONAL_API_KEY|https://github.com/PostHog/posthog/blob/master/posthog/models/utils.py
posthog|phs_{an:47}|SECRET_API_KEY|https://github.com/PostHog/posthog/blob/master/posthog/models/utils.py
crates.io|cio_tp_{an:32}|TRUSTED_PUBLISHING_TOKEN|https://github.com/rust-lang/crates.io/blob/main/crates/crates_io_trustpub/src/access_token.rs
sourcegraph|sgph_{hex:16}_{hex:40}|ACCESS_TOKEN|https://github.com/sourcegraph/sourcegraph-public-snapshot/blob/main/internal/database/access_tokens.go
gitlab|_gitlab_session={hex:32}|SESSION_COOKIE|https://docs.gitlab.com/ee/api/admin/token.html
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
swiftype|search-{al:24}|APP_SEARCH_PUBLIC_KEY|public-id|https://www.elastic.co/guide/en/app-search/current/authentication.html
besttime|pub_{hex:32}|PUBLIC_KEY|public-id|https://documentation.besttime.app/#api-keys
commercejs|pk_{dig:5}{hex:42}|PUBLIC_KEY|public-id|https://commercejs.com/docs/api/#authentication
iexapis|pk_{hex:32}|PUBLISHABLE_TOKEN|public-id|https://iexcloud.io/docs/api-basics/authentication
tineswebhook|https://{low:8}.tines.com/webhook/{hex:32}|DOCS_URL|placeholder|https://www.tines.com/docs/actions/types/webhook
alchemy|<your-alchemy-api-key>|API_KEY|placeholder|https://docs.alchemy.com/docs/alchemy-quickstart-guide
squarespace|{uuid}|WEBSITE_ID|public-id|https://developers.squarespace.com/commerce-apis/authentication-and-permissions
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
