/* SPDX-License-Identifier: Apache-2.0 */
/* Live verification's parts below the public keyhound_report_verify: reading a provider's
 * answer (answer.c, fuzzed), building a request from a rule's templates (request.c), and
 * the verdict cache (verdicts.c). */
#ifndef KH_VERIFY_H
#define KH_VERIFY_H

#include <stdint.h>
#include <time.h>

#include "net/net.h"
#include "rules/verify_spec.h"
#include "verify/sign.h"

typedef enum { KH_VERDICT_UNKNOWN = 0, KH_VERDICT_INVALID, KH_VERDICT_LIVE } kh_verdict_status;
const char *kh_verdict_name(kh_verdict_status s);

typedef struct {
	kh_verdict_status status;
	char *reason;         /* owned */
	char *identity;       /* owned, may be NULL */
	char *scopes;         /* owned, may be NULL */
	time_t checked_at;
	bool cached;
} kh_verdict;
void kh_verdict_clear(kh_verdict *v);

/* Limits on what an answer's identity and scopes may take from it. */
#define KH_VERIFY_MAX_FIELD 256

/* Read an HTTP answer with the rule's live/invalid lists and identity/scopes templates.
 * secret (may be NULL) is never copied into identity or scopes. Never fails: what it
 * cannot read is unknown. */
void kh_verify_read_answer(const kh_verify_spec *spec, long status, const kh_net_header *headers,
			   size_t n_headers, const char *body, size_t body_len, const char *secret,
			   kh_verdict *out);
/* The same, where identity and scopes may also name the request's near: values (a GCP
 * key's client_email): near holds only those, never the secret or a with: part. */
void kh_verify_read_answer_near(const kh_verify_spec *spec, long status, const kh_net_header *headers,
				size_t n_headers, const char *body, size_t body_len, const char *secret,
				const kh_verify_vars *near, kh_verdict *out);

/* Build the request from the rule's templates and vars (then the signer, if any). 0; or
 * an unknown verdict's reason ("host-not-allowed", "missing-part", "sign-failed",
 * "bad-template") in *reason (static) and a negative code. */
int kh_verify_build(const kh_verify_spec *spec, const kh_verify_vars *vars, time_t now,
		    kh_verify_request *out, const char **reason);

/* keyhound_report_verify below the engine: rules and their parsed verify blocks (one per
 * rule, NULL where a rule does not verify). */
struct kh_ruleset;
int kh_verify_report(keyhound_report *r, const struct kh_ruleset *rules, kh_verify_spec *const *specs,
		     const keyhound_verify_options *opts, unsigned long *requests);

/* ---- the cache: $XDG_CACHE_HOME/keyhound/verify.db ---- */
typedef struct kh_verify_cache kh_verify_cache;
/* Opens or creates it (mode 0600, a random HMAC key made on creation). */
int kh_verify_cache_open(kh_verify_cache **out, const char *path);
void kh_verify_cache_close(kh_verify_cache *c);
/* The cache's key for a check: HMAC-SHA256 under the cache's own key of what identifies it. */
void kh_verify_cache_key(const kh_verify_cache *c, const void *what, size_t len, uint8_t out[32]);
/* 0 and *out filled when a verdict younger than its lifetime is there; else KEYHOUND_ENOTFOUND. */
int kh_verify_cache_get(kh_verify_cache *c, const uint8_t key[32], time_t now, kh_verdict *out);
int kh_verify_cache_put(kh_verify_cache *c, const uint8_t key[32], const kh_verdict *v);
/* How long a verdict is kept: live 24 h, invalid 7 days, unknown 1 h. */
long kh_verify_cache_ttl(kh_verdict_status s);

#endif
