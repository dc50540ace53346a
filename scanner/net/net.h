/* SPDX-License-Identifier: Apache-2.0 */
/* The one HTTPS client (libcurl, loaded on first use): live verification and the sweep's
 * API listings. HTTPS only, TLS verified, no redirect followed, per-host pacing,
 * Retry-After honoured within a total budget, proxies from the standard variables.
 * Nothing here logs a URL, a header value or a body: callers put secrets in them. */
#ifndef KH_NET_H
#define KH_NET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct kh_net kh_net; /* thread-safe: one per command, shared by workers */

typedef struct {
	unsigned version;
	long connect_timeout_ms;  /* per connection */
	long request_timeout_ms;  /* per request, never past the budget */
	long budget_ms;           /* all requests and Retry-After waits together (--verify-timeout) */
	long host_interval_ms;    /* at least this long between two requests to one host */
	unsigned max_retries;     /* 429/503 answers retried after their Retry-After */
	size_t max_body;          /* a longer answer is KH_NET_TOO_LARGE */
	const char *user_agent;   /* NULL: "keyhound/<version>" */
	/* testing overrides, which the program reads from KEYHOUND_CONNECT_TO and KEYHOUND_CAINFO
	 * (NULL: none): "host:port:127.0.0.1:port,..." (loopback targets only), and a CA file
	 * trusted for the overridden hosts only */
	const char *connect_to, *cainfo;
} kh_net_opts;
#define KH_NET_OPTS_VERSION 1
#define KH_NET_OPTS_INIT {KH_NET_OPTS_VERSION, 5000, 10000, 60000, 100, 2, 1u << 20, NULL, NULL, NULL}

/* Limits on what an answer may hold besides its body. */
#define KH_NET_MAX_HEADERS 128
#define KH_NET_MAX_HEADER_BYTES (64u << 10)

typedef struct {
	const char *name, *value;
} kh_net_header;

typedef struct {
	const char *method;           /* GET, POST, HEAD, PUT, DELETE, PATCH */
	const char *host;             /* a DNS name, optionally ":port" */
	const char *path;             /* from '/', query included, already percent-encoded */
	const kh_net_header *headers; /* names are tokens; values without CR, LF or NUL */
	size_t n_headers;
	const void *body;             /* may be NULL */
	size_t body_len;
} kh_net_request;

/* How a request ended. Only KH_NET_OK has an answer (whatever its status, 3xx included:
 * redirects are never followed). */
typedef enum {
	KH_NET_OK = 0,
	KH_NET_CONNECT,      /* DNS, TCP or proxy failure */
	KH_NET_TLS,          /* handshake or certificate verification failed */
	KH_NET_TIMEOUT,      /* a timeout, or the budget was spent */
	KH_NET_RATE_LIMITED, /* 429/503 again after the retries, or a Retry-After past the budget */
	KH_NET_TOO_LARGE,    /* body over max_body or headers over their limits */
	KH_NET_REFUSED,      /* the request itself is not allowed (bad host, path or header) */
	KH_NET_FAILED        /* anything else libcurl reports */
} kh_net_outcome;
/* a stable kebab-case name: "connect-failed", "tls-failed", "timeout", ... */
const char *kh_net_outcome_name(kh_net_outcome o);

typedef struct {
	kh_net_outcome outcome;
	long status;                  /* HTTP status when outcome is KH_NET_OK */
	kh_net_header *headers;       /* owned; names as sent, values trimmed */
	size_t n_headers;
	char *body;                   /* owned, NUL-terminated (body_len excludes the NUL) */
	size_t body_len;
	unsigned attempts;            /* requests sent (retries included) */
	char error[320];              /* what went wrong, never the URL or a header */
} kh_net_response;

/* Takes opts' testing overrides (announced on stderr when set; a malformed or non-loopback
 * entry is KEYHOUND_EINVAL). Loads libcurl. */
int kh_net_new(kh_net **out, const kh_net_opts *opts);
void kh_net_free(kh_net *n);

/* One request, paced per host, retried on 429/503 within the budget. Returns 0 with
 * out->outcome set (0 does not mean the request succeeded), or KEYHOUND_EINVAL for a
 * request that is refused before anything is sent (outcome KH_NET_REFUSED). */
int kh_net_send(kh_net *n, const kh_net_request *req, kh_net_response *out);
void kh_net_response_clear(kh_net_response *r);
/* The first header of that name (case-insensitive), or NULL; borrowed from r. */
const char *kh_net_response_header(const kh_net_response *r, const char *name);

/* Requests sent so far (each retry counts), for the summary and the tests. */
unsigned long kh_net_requests(const kh_net *n);

/* Is host (without a port) a DNS name keyhound will connect to: letters, digits,
 * '-' and '.', labels of 1-63, at most 253 in all, not an IP address. */
bool kh_net_host_ok(const char *host, size_t len);
/* Is host matched by pattern: equal (case-insensitive), or "*.suffix" matching a name
 * of exactly one more label ("acme.atlassian.net", not "a.b.atlassian.net"). */
bool kh_net_host_match(const char *pattern, const char *host);

#endif
