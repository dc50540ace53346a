/* SPDX-License-Identifier: Apache-2.0 */
/* The HTTPS client behind net/net.h: libcurl easy handles sharing one connection, DNS and
 * TLS-session cache, paced per host, with the testing overrides of DESIGN "Network". */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/dl_curl.h"
#include "core/kh.h"
#include "net/net.h"

typedef struct {
	char *host;           /* lower case, no port */
	unsigned long long next_ms; /* no request before this (pacing and Retry-After) */
} host_slot;

typedef struct {
	char *host;           /* lower case */
	unsigned port;
	char *spec;           /* "host:port:addr:port" for CURLOPT_CONNECT_TO */
} connect_to;

struct kh_net {
	kh_net_opts opts;
	CURLSH *share;
	pthread_mutex_t share_locks[CURL_LOCK_DATA_LAST];
	pthread_mutex_t lock; /* hosts, requests */
	host_slot *hosts;
	size_t n_hosts;
	connect_to *overrides;
	size_t n_overrides;
	char *cainfo;
	char *user_agent;
	unsigned long long deadline_ms;
	unsigned long requests;
};

static unsigned long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000u + (unsigned long long)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned long long ms)
{
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

const char *kh_net_outcome_name(kh_net_outcome o)
{
	static const char *const names[] = {"ok", "connect-failed", "tls-failed", "timeout",
					    "rate-limited", "response-too-large", "request-refused",
					    "request-failed"};
	return (unsigned)o < sizeof(names) / sizeof(names[0]) ? names[o] : "request-failed";
}

bool kh_net_host_ok(const char *host, size_t len)
{
	size_t label = 0;
	bool alpha = false;
	if (len == 0 || len > 253 || host[0] == '.' || host[len - 1] == '.')
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)host[i];
		if (c == '.') {
			if (label == 0 || host[i - 1] == '-')
				return false;
			label = 0;
			continue;
		}
		if (!isalnum(c) && c != '-')
			return false;
		if (c == '-' && label == 0)
			return false;
		if (isalpha(c))
			alpha = true;
		if (++label > 63)
			return false;
	}
	return alpha; /* all digits and dots: an IP address, never a provider's host */
}

bool kh_net_host_match(const char *pattern, const char *host)
{
	if (!pattern || !host)
		return false;
	if (strncmp(pattern, "*.", 2) != 0)
		return strcasecmp(pattern, host) == 0;
	/* one label in place of the '*', as in a TLS certificate */
	const char *suffix = pattern + 1; /* ".atlassian.net" */
	size_t sl = strlen(suffix), hl = strlen(host);
	if (hl <= sl || strcasecmp(host + hl - sl, suffix) != 0)
		return false;
	return memchr(host, '.', hl - sl) == NULL;
}

/* ---- the testing overrides ---- */

static bool loopback(const char *addr)
{
	unsigned char b[16];
	if (inet_pton(AF_INET, addr, b) == 1)
		return b[0] == 127;
	if (inet_pton(AF_INET6, addr, b) == 1)
		return memcmp(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16) == 0;
	return false;
}

static bool parse_port(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0;
	if (n == 0 || n > 5)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return v > 0 && v < 65536;
}

/* "host:port:addr:port", addr 127.x.y.z or [::1] */
static int add_override(kh_net *n, const char *e, size_t len)
{
	const char *c1 = memchr(e, ':', len), *c2, *c3;
	unsigned port, tport;
	if (!c1 || !(c2 = memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - e))))
		goto bad;
	c3 = e + len;
	while (c3 > c2 + 1 && c3[-1] != ':')
		c3--;
	if (c3 <= c2 + 1 || !kh_net_host_ok(e, (size_t)(c1 - e)) ||
	    !parse_port(c1 + 1, (size_t)(c2 - c1 - 1), &port) ||
	    !parse_port(c3, (size_t)(e + len - c3), &tport))
		goto bad;
	char *addr = kh_strndup(c2 + 1, (size_t)(c3 - 1 - (c2 + 1)));
	size_t al = strlen(addr);
	bool ok = al > 2 && addr[0] == '[' && addr[al - 1] == ']'
			  ? (addr[al - 1] = 0, loopback(addr + 1))
			  : loopback(addr);
	free(addr);
	if (!ok)
		return kh_error(KEYHOUND_EINVAL,
				"KEYHOUND_CONNECT_TO: '%.*s' does not go to a loopback address "
				"(127.0.0.0/8 or [::1]; it is for tests only)",
				(int)len, e);
	n->overrides = kh_realloc(n->overrides, (n->n_overrides + 1) * sizeof(*n->overrides));
	connect_to *o = &n->overrides[n->n_overrides++];
	o->host = kh_strndup(e, (size_t)(c1 - e));
	for (char *p = o->host; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	o->port = port;
	o->spec = kh_strndup(e, len);
	return 0;
bad:
	return kh_error(KEYHOUND_EINVAL, "KEYHOUND_CONNECT_TO: '%.*s' is not host:port:127.0.0.1:port",
			(int)len, e);
}

static int read_overrides(kh_net *n)
{
	const char *env = n->opts.connect_to, *ca = n->opts.cainfo;
	int error = 0;
	for (const char *p = env; p && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len && (error = add_override(n, p, len)) < 0)
			return error;
		p += len + (end ? 1 : 0);
	}
	for (size_t i = 0; i < n->n_overrides; i++)
		fprintf(stderr, "keyhound: KEYHOUND_CONNECT_TO: %s (a testing override)\n",
			n->overrides[i].spec);
	if (ca && *ca) {
		n->cainfo = kh_strdup(ca);
		fprintf(stderr, "keyhound: KEYHOUND_CAINFO: %s trusted for the overridden hosts only "
				"(a testing override)\n", ca);
	}
	n->opts.connect_to = n->opts.cainfo = NULL; /* borrowed: copied above */
	return 0;
}

static const connect_to *override_for(const kh_net *n, const char *host, unsigned port)
{
	for (size_t i = 0; i < n->n_overrides; i++)
		if (n->overrides[i].port == port && strcasecmp(n->overrides[i].host, host) == 0)
			return &n->overrides[i];
	return NULL;
}

/* ---- the client ---- */

static void share_lock(CURL *h, curl_lock_data data, curl_lock_access access, void *payload)
{
	kh_net *n = payload;
	pthread_mutex_lock(&n->share_locks[data]);
}

static void share_unlock(CURL *h, curl_lock_data data, void *payload)
{
	kh_net *n = payload;
	pthread_mutex_unlock(&n->share_locks[data]);
}

int kh_net_new(kh_net **out, const kh_net_opts *opts)
{
	kh_net_opts def = KH_NET_OPTS_INIT;
	kh_net *n = NULL;
	int error;
	*out = NULL;
	if (opts && opts->version != KH_NET_OPTS_VERSION)
		return kh_error(KEYHOUND_EINVAL, "kh_net_opts: unknown version %u", opts->version);
	if ((error = kh_dl_require(KH_DL_CURL)) < 0)
		return error;
	n = kh_calloc(1, sizeof(*n));
	n->opts = opts ? *opts : def;
	pthread_mutex_init(&n->lock, NULL);
	for (int i = 0; i < CURL_LOCK_DATA_LAST; i++)
		pthread_mutex_init(&n->share_locks[i], NULL);
	n->user_agent = n->opts.user_agent ? kh_strdup(n->opts.user_agent)
					   : kh_sprintf("keyhound/%s", KEYHOUND_VERSION);
	n->opts.user_agent = NULL;
	n->deadline_ms = now_ms() + (unsigned long long)(n->opts.budget_ms > 0 ? n->opts.budget_ms : 0);
	if ((error = read_overrides(n)) < 0)
		goto done;
	if (!(n->share = curl_share_init())) {
		error = kh_error(KEYHOUND_ENOMEM, "curl_share_init failed");
		goto done;
	}
	curl_share_setopt(n->share, CURLSHOPT_LOCKFUNC, share_lock);
	curl_share_setopt(n->share, CURLSHOPT_UNLOCKFUNC, share_unlock);
	curl_share_setopt(n->share, CURLSHOPT_USERDATA, n);
	curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
	*out = n;
	n = NULL;
done:
	kh_net_free(n);
	return error;
}

void kh_net_free(kh_net *n)
{
	if (!n)
		return;
	if (n->share)
		curl_share_cleanup(n->share);
	for (size_t i = 0; i < n->n_hosts; i++)
		free(n->hosts[i].host);
	free(n->hosts);
	for (size_t i = 0; i < n->n_overrides; i++) {
		free(n->overrides[i].host);
		free(n->overrides[i].spec);
	}
	free(n->overrides);
	free(n->cainfo);
	free(n->user_agent);
	pthread_mutex_destroy(&n->lock);
	for (int i = 0; i < CURL_LOCK_DATA_LAST; i++)
		pthread_mutex_destroy(&n->share_locks[i]);
	free(n);
}

unsigned long kh_net_requests(const kh_net *n)
{
	unsigned long v;
	pthread_mutex_lock((pthread_mutex_t *)&n->lock);
	v = n->requests;
	pthread_mutex_unlock((pthread_mutex_t *)&n->lock);
	return v;
}

static host_slot *slot_for(kh_net *n, const char *host)
{
	for (size_t i = 0; i < n->n_hosts; i++)
		if (strcasecmp(n->hosts[i].host, host) == 0)
			return &n->hosts[i];
	n->hosts = kh_realloc(n->hosts, (n->n_hosts + 1) * sizeof(*n->hosts));
	n->hosts[n->n_hosts] = (host_slot){kh_strdup(host), 0};
	return &n->hosts[n->n_hosts++];
}

/* Wait for this host's turn (pacing, or a Retry-After another request was given). */
static void pace(kh_net *n, const char *host)
{
	unsigned long long now = now_ms(), at;
	pthread_mutex_lock(&n->lock);
	host_slot *s = slot_for(n, host);
	at = s->next_ms > now ? s->next_ms : now;
	s->next_ms = at + (unsigned long long)(n->opts.host_interval_ms > 0 ? n->opts.host_interval_ms : 0);
	n->requests++;
	pthread_mutex_unlock(&n->lock);
	if (at > now)
		sleep_ms(at - now);
}

static void hold_host(kh_net *n, const char *host, unsigned long long until)
{
	pthread_mutex_lock(&n->lock);
	host_slot *s = slot_for(n, host);
	if (s->next_ms < until)
		s->next_ms = until;
	pthread_mutex_unlock(&n->lock);
}

/* ---- one transfer ---- */

typedef struct {
	kh_net_response *r;
	kh_buf body;
	size_t max_body, header_bytes;
	bool too_large;
} transfer;

static size_t on_body(char *data, size_t size, size_t nmemb, void *payload)
{
	transfer *t = payload;
	size_t len = size * nmemb;
	if (len > t->max_body || t->body.len > t->max_body - len) {
		t->too_large = true;
		return 0; /* aborts the transfer: CURLE_WRITE_ERROR */
	}
	kh_buf_put(&t->body, data, len);
	return len;
}

static void clear_headers(kh_net_response *r)
{
	for (size_t i = 0; i < r->n_headers; i++) {
		free((char *)r->headers[i].name);
		free((char *)r->headers[i].value);
	}
	free(r->headers);
	r->headers = NULL;
	r->n_headers = 0;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *payload)
{
	transfer *t = payload;
	size_t len = size * nmemb;
	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0) { /* a new answer (100 Continue, a proxy's) */
		clear_headers(t->r);
		t->header_bytes = 0;
		return len;
	}
	if (len > KH_NET_MAX_HEADER_BYTES || t->header_bytes > KH_NET_MAX_HEADER_BYTES - len ||
	    t->r->n_headers >= KH_NET_MAX_HEADERS) {
		t->too_large = true;
		return 0;
	}
	t->header_bytes += len;
	const char *colon = memchr(data, ':', len);
	if (!colon || colon == data)
		return len; /* the blank line that ends them, or a folded line */
	const char *v = colon + 1, *end = data + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	kh_net_response *r = t->r;
	r->headers = kh_realloc(r->headers, (r->n_headers + 1) * sizeof(*r->headers));
	r->headers[r->n_headers].name = kh_strndup(data, (size_t)(colon - data));
	r->headers[r->n_headers].value = kh_strndup(v, (size_t)(end - v));
	r->n_headers++;
	return len;
}

static bool token_char(unsigned char c)
{
	return isalnum(c) || strchr("!#$%&'*+-.^_`|~", c);
}

static bool header_ok(const kh_net_header *h)
{
	size_t nl = h->name ? strlen(h->name) : 0;
	if (nl == 0 || nl > 128 || !h->value || strlen(h->value) > 16384)
		return false;
	for (size_t i = 0; i < nl; i++)
		if (!token_char((unsigned char)h->name[i]))
			return false;
	for (const char *v = h->value; *v; v++)
		if (*v == '\r' || *v == '\n')
			return false;
	return true;
}

static bool path_ok(const char *p)
{
	if (!p || p[0] != '/' || strlen(p) > 8192)
		return false;
	for (; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || *p == '#' || *p == '\\')
			return false;
	return true;
}

static bool method_ok(const char *m)
{
	static const char *const ok[] = {"GET", "POST", "HEAD", "PUT", "DELETE", "PATCH"};
	for (size_t i = 0; m && i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(m, ok[i]) == 0)
			return true;
	return false;
}

/* host[:port] into a lower-case name and a port */
static bool split_host(const char *in, char *host, size_t cap, unsigned *port)
{
	const char *colon = in ? strchr(in, ':') : NULL;
	size_t hl = colon ? (size_t)(colon - in) : (in ? strlen(in) : 0);
	*port = 443;
	if (hl == 0 || hl >= cap || !kh_net_host_ok(in, hl))
		return false;
	if (colon && !parse_port(colon + 1, strlen(colon + 1), port))
		return false;
	for (size_t i = 0; i < hl; i++)
		host[i] = (char)tolower((unsigned char)in[i]);
	host[hl] = 0;
	return true;
}

static kh_net_outcome outcome_of(CURLcode rc, const transfer *t)
{
	switch (rc) {
	case CURLE_OK:
		return KH_NET_OK;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
		return KH_NET_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return KH_NET_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
		return KH_NET_TLS;
	case CURLE_WRITE_ERROR:
		return t->too_large ? KH_NET_TOO_LARGE : KH_NET_FAILED;
	default:
		return t->too_large ? KH_NET_TOO_LARGE : KH_NET_FAILED;
	}
}

static struct curl_slist *header_list(const kh_net_request *req)
{
	struct curl_slist *list = NULL, *next;
	/* no 100-continue round trip; curl's own Accept stays unless the caller sets one */
	list = curl_slist_append(list, "Expect:");
	for (size_t i = 0; list && i < req->n_headers; i++) {
		/* an empty value: "Name;" is how curl sends a header with no value */
		char *line = *req->headers[i].value
				     ? kh_sprintf("%s: %s", req->headers[i].name, req->headers[i].value)
				     : kh_sprintf("%s;", req->headers[i].name);
		next = curl_slist_append(list, line);
		explicit_bzero(line, strlen(line)); /* it may hold a secret */
		free(line);
		if (!next) {
			curl_slist_free_all(list);
			return NULL;
		}
		list = next;
	}
	return list;
}

static void set_method(CURL *h, const kh_net_request *req)
{
	if (strcmp(req->method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else if (strcmp(req->method, "GET") != 0)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req->method);
	if (req->body || strcmp(req->method, "POST") == 0) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, req->body ? (const char *)req->body : "");
	}
}

/* HTTPS only, whatever the libcurl: the _STR option first (7.85), then the bitmask */
static void https_only(CURL *h)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	if (curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https") != CURLE_OK)
		curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)CURLPROTO_HTTPS);
	if (curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https") != CURLE_OK)
		curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, (long)CURLPROTO_HTTPS);
#pragma GCC diagnostic pop
}

static void transfer_once(kh_net *n, const kh_net_request *req, const char *host, unsigned port,
			  long timeout_ms, kh_net_response *out)
{
	transfer t = {.r = out, .max_body = n->opts.max_body};
	struct curl_slist *headers = header_list(req), *connect = NULL;
	const connect_to *o = override_for(n, host, port);
	char *url = port == 443 ? kh_sprintf("https://%s%s", host, req->path)
				: kh_sprintf("https://%s:%u%s", host, port, req->path);
	CURL *h = curl_easy_init();
	CURLcode rc;
	if (!h || !headers) {
		out->outcome = KH_NET_FAILED;
		snprintf(out->error, sizeof(out->error), "libcurl could not start a request");
		goto done;
	}
	curl_easy_setopt(h, CURLOPT_URL, url);
	https_only(h);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, n->opts.connect_timeout_ms);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(h, CURLOPT_USERAGENT, n->user_agent);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_SHARE, n->share);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
	set_method(h, req);
	if (o) {
		connect = curl_slist_append(NULL, o->spec);
		curl_easy_setopt(h, CURLOPT_CONNECT_TO, connect);
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
		if (n->cainfo)
			curl_easy_setopt(h, CURLOPT_CAINFO, n->cainfo);
	}
	rc = curl_easy_perform(h);
	out->attempts++;
	out->outcome = outcome_of(rc, &t);
	if (rc == CURLE_OK) {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->status);
		out->body_len = t.body.len;
		kh_buf_putc(&t.body, 0);
		out->body = kh_buf_detach(&t.body);
	} else {
		/* curl_easy_strerror names the kind of failure, never the URL */
		snprintf(out->error, sizeof(out->error), "%s: %s", host,
			 t.too_large ? "the answer is over its size limit" : curl_easy_strerror(rc));
	}
done:
	kh_buf_free(&t.body);
	if (h)
		curl_easy_cleanup(h);
	curl_slist_free_all(headers);
	curl_slist_free_all(connect);
	explicit_bzero(url, strlen(url)); /* the path may hold a secret (a bot token) */
	free(url);
}

/* Retry-After: delay-seconds or an HTTP-date (RFC 9110 10.2.3); -1 when absent or bad */
static long long retry_after_ms(const kh_net_response *r)
{
	const char *v = kh_net_response_header(r, "Retry-After");
	struct tm tm;
	if (!v || !*v)
		return -1;
	if (isdigit((unsigned char)*v)) {
		char *end;
		unsigned long long s = strtoull(v, &end, 10);
		return *end || s > 86400ull * 7 ? -1 : (long long)s * 1000;
	}
	memset(&tm, 0, sizeof(tm));
	const char *end = strptime(v, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	if (!end || *end)
		return -1;
	long long delta = (long long)timegm(&tm) - (long long)time(NULL);
	return delta < 0 ? 0 : delta * 1000;
}

static int refuse(kh_net_response *out, const char *why)
{
	out->outcome = KH_NET_REFUSED;
	snprintf(out->error, sizeof(out->error), "%s", why);
	return kh_error(KEYHOUND_EINVAL, "%s", why);
}

int kh_net_send(kh_net *n, const kh_net_request *req, kh_net_response *out)
{
	char host[256];
	unsigned port;
	memset(out, 0, sizeof(*out));
	if (!method_ok(req->method))
		return refuse(out, "not an allowed HTTP method");
	if (!split_host(req->host, host, sizeof(host), &port))
		return refuse(out, "not a host name keyhound connects to");
	if (!path_ok(req->path))
		return refuse(out, "not a request path (it must start with '/', printable ASCII)");
	for (size_t i = 0; i < req->n_headers; i++)
		if (!header_ok(&req->headers[i]))
			return refuse(out, "a header name or value that cannot be sent");
	/* testing mode: only the hosts the overrides name are reached, so a test's made-up
	 * credential never goes to a real provider the fake server does not stand in for */
	if (n->n_overrides && !override_for(n, host, port))
		return refuse(out, "not among KEYHOUND_CONNECT_TO's hosts (testing mode reaches no other)");
	for (unsigned attempt = 0;; attempt++) {
		unsigned long long now = now_ms();
		if (now >= n->deadline_ms) {
			out->outcome = KH_NET_TIMEOUT;
			snprintf(out->error, sizeof(out->error), "%s: the time budget is spent", host);
			return 0;
		}
		pace(n, host);
		now = now_ms();
		long left = now >= n->deadline_ms ? 1 : (long)(n->deadline_ms - now);
		transfer_once(n, req, host, port,
			      left < n->opts.request_timeout_ms ? left : n->opts.request_timeout_ms, out);
		if (out->outcome != KH_NET_OK || (out->status != 429 && out->status != 503))
			return 0;
		long long wait = retry_after_ms(out);
		if (wait < 0 && out->status == 503)
			return 0; /* down, not rate limiting: the caller says unknown */
		if (wait < 0)
			wait = 1000ll << (attempt < 4 ? attempt : 4);
		now = now_ms();
		if (attempt >= n->opts.max_retries || now + (unsigned long long)wait > n->deadline_ms) {
			out->outcome = KH_NET_RATE_LIMITED;
			snprintf(out->error, sizeof(out->error), "%s: rate limited (HTTP %ld)", host,
				 out->status);
			return 0;
		}
		hold_host(n, host, now + (unsigned long long)wait);
		unsigned attempts = out->attempts;
		kh_net_response_clear(out);
		out->attempts = attempts;
	}
}

void kh_net_response_clear(kh_net_response *r)
{
	if (!r)
		return;
	clear_headers(r);
	free(r->body);
	memset(r, 0, sizeof(*r));
}

const char *kh_net_response_header(const kh_net_response *r, const char *name)
{
	for (size_t i = 0; i < r->n_headers; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}
