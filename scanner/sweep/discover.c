/* SPDX-License-Identifier: Apache-2.0 */
/* The repositories of an organization, a user or a group, listed through the forge's API
 * (sweep --github-org, --github-user, --gitlab-group) with the shared HTTPS client
 * (net/net.h): GitHub's pages follow its Link header, GitLab's its X-Next-Page header;
 * rate limits wait for their reset when it is near, and fail clearly when it is not.
 * Tokens (GITHUB_TOKEN, GITLAB_TOKEN) are sent only to the API's own host, and given to
 * git for the clone through the mirror's one-shot askpass, never written anywhere. */
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net/net.h"
#include "sweep/sweep.h"

#define MAX_PAGES 2000          /* 200,000 repositories: a Link that loops ends here */
#define MAX_RATE_WAITS 3

/* ---- the listing parser (fuzzed: tests/fuzz/fuzz_discover.c) ---- */

static bool has_topic(const json_t *topics, const char *want)
{
	size_t i;
	json_t *t;
	json_array_foreach(topics, i, t)
		if (json_is_string(t) && !strcmp(json_string_value(t), want))
			return true;
	return false;
}

static bool excluded(const kh_discover_filter *f, const char *name)
{
	for (size_t i = 0; i < f->n_exclude; i++)
		if (fnmatch(f->exclude[i], name, 0) == 0)
			return true;
	return false;
}

int kh_discover_parse(int forge, const char *body, size_t len, const kh_discover_filter *f,
		      kh_discover_cb cb, void *payload, kh_discover_counts *n)
{
	json_error_t je;
	json_t *doc = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je), *it;
	size_t i;

	if (!doc || !json_is_array(doc)) {
		json_decref(doc);
		return kh_error(KEYHOUND_EINVAL, "the listing is not a JSON array%s%s",
				doc ? "" : ": ", doc ? "" : je.text);
	}
	json_array_foreach(doc, i, it) {
		const char *name, *url;
		bool fork, archived;
		const json_t *topics;
		if (!json_is_object(it))
			continue;
		if (forge == KH_FORGE_GITHUB) {
			name = json_string_value(json_object_get(it, "full_name"));
			url = json_string_value(json_object_get(it, "clone_url"));
			fork = json_is_true(json_object_get(it, "fork"));
			topics = json_object_get(it, "topics");
		} else {
			name = json_string_value(json_object_get(it, "path_with_namespace"));
			url = json_string_value(json_object_get(it, "http_url_to_repo"));
			fork = json_object_get(it, "forked_from_project") != NULL &&
			       !json_is_null(json_object_get(it, "forked_from_project"));
			topics = json_object_get(it, "topics");
			if (!json_is_array(topics))
				topics = json_object_get(it, "tag_list");
		}
		archived = json_is_true(json_object_get(it, "archived"));
		if (!name || !url) {
			n->malformed++;
			continue;
		}
		n->listed++;
		if (fork && !f->include_forks) {
			n->forks++;
			continue;
		}
		if (archived && f->exclude_archived) {
			n->archived++;
			continue;
		}
		if (f->topic && !has_topic(topics, f->topic)) {
			n->topic++;
			continue;
		}
		if (excluded(f, name)) {
			n->excluded++;
			continue;
		}
		cb(payload, name, url);
	}
	json_decref(doc);
	return 0;
}

/* The URL of rel="next" in a Link header, or NULL. */
char *kh_discover_link_next(const char *link)
{
	const char *p = link;

	while (p && *p) {
		const char *lt = strchr(p, '<'), *gt = lt ? strchr(lt, '>') : NULL, *end;
		if (!lt || !gt)
			return NULL;
		end = strchr(gt, ',');
		/* the parameters of this link, up to the next one */
		size_t plen = end ? (size_t)(end - gt) : strlen(gt);
		char *params = kh_strndup(gt, plen);
		bool next = strstr(params, "rel=\"next\"") || strstr(params, "rel=next");
		free(params);
		if (next)
			return kh_strndup(lt + 1, (size_t)(gt - lt - 1));
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

/* ---- the requests ---- */

typedef struct {
	kh_net *net;
	char *host;                 /* the API's host[:port] */
	char *prefix;               /* its path prefix ("/api/v3", "" for api.github.com) */
	const char *token;
	int forge;
} api;

/* https://host[:port]/prefix -> host and prefix; NULL host when it is not https. */
static int api_base(api *a, const char *url, const char *def)
{
	const char *u = url ? url : def, *h, *slash;

	if (strncmp(u, "https://", 8))
		return kh_error(KEYHOUND_EINVAL, "--api-url %s: only https:// is spoken", u);
	h = u + 8;
	slash = strchr(h, '/');
	a->host = slash ? kh_strndup(h, (size_t)(slash - h)) : kh_strdup(h);
	a->prefix = kh_strdup(slash ? slash : "");
	while (*a->prefix && a->prefix[strlen(a->prefix) - 1] == '/')
		a->prefix[strlen(a->prefix) - 1] = 0;
	if (!*a->host || strchr(a->host, '@') || strchr(a->prefix, '?') || strchr(a->prefix, '#'))
		return kh_error(KEYHOUND_EINVAL, "--api-url %s: not https://host[:port]/path", u);
	return 0;
}

/* percent-encoded for a path segment (GitLab's "group/subgroup" is one) */
static char *pct_segment(const char *s)
{
	kh_buf b = { 0 };
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~')
			kh_buf_putc(&b, (char)c);
		else
			kh_buf_printf(&b, "%%%02X", c);
	}
	kh_buf_put(&b, "", 0);
	return kh_buf_detach(&b);
}

/* How long to wait for a rate limit's reset, or -1 when this answer is not one. */
static long rate_wait(const kh_net_response *r)
{
	const char *rem = kh_net_response_header(r, "x-ratelimit-remaining");
	const char *reset = kh_net_response_header(r, "x-ratelimit-reset");
	const char *after = kh_net_response_header(r, "retry-after");

	if (r->status != 403 && r->status != 429)
		return -1;
	if (after && *after >= '0' && *after <= '9')
		return atol(after);
	if (rem && !strcmp(rem, "0") && reset) {
		long w = atol(reset) - (long)time(NULL);
		return w < 1 ? 1 : w;
	}
	if (!reset)
		reset = kh_net_response_header(r, "ratelimit-reset"); /* GitLab */
	if (reset && r->status == 429) {
		long w = atol(reset) - (long)time(NULL);
		return w < 1 ? 1 : w;
	}
	return -1;
}

/* GET one page; 0 with the answer (2xx), else an error that says what went wrong. */
static int get_page(api *a, const kh_discover_opts *o, const char *path, kh_net_response *r, const char *what)
{
	kh_net_header h[4];
	size_t nh = 0;
	char *auth = NULL;
	int error = 0;

	if (a->forge == KH_FORGE_GITHUB) {
		h[nh++] = (kh_net_header){ "Accept", "application/vnd.github+json" };
		h[nh++] = (kh_net_header){ "X-GitHub-Api-Version", "2022-11-28" };
		if (a->token)
			h[nh++] = (kh_net_header){ "Authorization", auth = kh_sprintf("Bearer %s", a->token) };
	} else if (a->token) {
		h[nh++] = (kh_net_header){ "PRIVATE-TOKEN", a->token };
	}
	for (unsigned waits = 0;; waits++) {
		kh_net_request rq = { "GET", a->host, path, h, nh, NULL, 0 };
		long w;
		memset(r, 0, sizeof(*r));
		if (kh_net_send(a->net, &rq, r) < 0 || r->outcome != KH_NET_OK) {
			error = kh_error(KEYHOUND_EIO, "%s: %s: %s", what, kh_net_outcome_name(r->outcome),
					 r->error);
			break;
		}
		if (r->status >= 200 && r->status < 300)
			break;
		if ((w = rate_wait(r)) >= 0) {
			if (waits >= MAX_RATE_WAITS || (unsigned long)w > o->max_rate_wait) {
				error = kh_error(KEYHOUND_EIO, "%s: rate limited; the limit resets in %ld s, "
						 "longer than keyhound waits (%lu s)%s", what, w,
						 (unsigned long)o->max_rate_wait,
						 a->token ? "" : a->forge == KH_FORGE_GITHUB ?
						 ": a GITHUB_TOKEN raises the limit" : ": a GITLAB_TOKEN raises the limit");
				break;
			}
			kh_net_response_clear(r);
			sleep((unsigned)w);
			continue;
		}
		error = kh_error(KEYHOUND_EIO, "%s: HTTP %ld%s", what, r->status,
				 r->status == 401 ? ": the token is missing or wrong" :
				 r->status == 403 ? ": the token may not list this" :
				 r->status == 404 ? ": no such organization, user or group (or not visible with this token)" : "");
		break;
	}
	if (auth) {
		memset(auth, 0, strlen(auth));
		free(auth);
	}
	if (error)
		kh_net_response_clear(r);
	return error;
}

/* The path of a next-page URL, when it is on the API's own host (the token goes nowhere
 * else); NULL otherwise. */
static char *same_host_path(const api *a, const char *url)
{
	size_t hl = strlen(a->host);
	if (strncmp(url, "https://", 8) || strncasecmp(url + 8, a->host, hl) || url[8 + hl] != '/')
		return NULL;
	return kh_strdup(url + 8 + hl);
}

int kh_discover(const kh_discover_opts *o, kh_discover_cb cb, void *payload, kh_discover_counts *n,
		char **where)
{
	api a = { .forge = o->forge };
	kh_net_opts no = KH_NET_OPTS_INIT;
	char *path = NULL, *enc = NULL;
	unsigned long page = 1;
	int error;

	memset(n, 0, sizeof(*n));
	*where = NULL;
	a.token = o->token && *o->token ? o->token : NULL;
	if ((error = api_base(&a, o->api_url, o->forge == KH_FORGE_GITHUB ? "https://api.github.com" :
						  "https://gitlab.com/api/v4")) < 0)
		goto done;
	if (o->forge == KH_FORGE_GITLAB && o->api_url && !strstr(a.prefix, "/api/v4")) {
		/* --api-url https://gitlab.example.com means its API at /api/v4 */
		char *p = kh_sprintf("%s/api/v4", a.prefix);
		free(a.prefix);
		a.prefix = p;
	}
	no.request_timeout_ms = 60000;
	no.budget_ms = 30L * 60 * 1000;
	no.max_body = 64u << 20;
	no.host_interval_ms = 50;
	no.connect_to = o->connect_to;
	no.cainfo = o->cainfo;
	if ((error = kh_net_new(&a.net, &no)) < 0)
		goto done;
	enc = pct_segment(o->name);
	if (o->forge == KH_FORGE_GITHUB)
		path = kh_sprintf("%s/%s/%s/repos?per_page=100&type=%s", a.prefix, o->user ? "users" : "orgs",
				  enc, o->user ? "owner" : "all");
	else
		path = kh_sprintf("%s/groups/%s/projects?include_subgroups=true&per_page=100&page=1"
				  "&order_by=id&sort=asc", a.prefix, enc);
	*where = kh_sprintf("%s %s", o->forge == KH_FORGE_GITHUB ? (o->user ? "--github-user" : "--github-org") :
				     "--gitlab-group", o->name);
	while (path) {
		kh_net_response r;
		char *what = kh_sprintf("listing %s (page %lu)", o->name, page), *next = NULL;
		error = get_page(&a, o, path, &r, what);
		free(what);
		if (error < 0)
			break;
		n->pages++;
		error = kh_discover_parse(o->forge, r.body, r.body_len, &o->filter, cb, payload, n);
		if (error < 0) {
			error = kh_error(KEYHOUND_EIO, "listing %s (page %lu): %s", o->name, page,
					 keyhound_last_error());
			kh_net_response_clear(&r);
			break;
		}
		free(path);
		path = NULL;
		if (o->forge == KH_FORGE_GITHUB) {
			const char *link = kh_net_response_header(&r, "link");
			char *url = link ? kh_discover_link_next(link) : NULL;
			if (url && !(next = same_host_path(&a, url)))
				error = kh_error(KEYHOUND_EIO, "listing %s: the next page is on another host: not followed",
						 o->name);
			free(url);
		} else {
			const char *np = kh_net_response_header(&r, "x-next-page");
			if (np && *np) {
				char *e;
				unsigned long p = strtoul(np, &e, 10);
				if (*e || p <= page)
					error = kh_error(KEYHOUND_EIO, "listing %s: X-Next-Page '%.20s' after page %lu",
							 o->name, np, page);
				else
					next = kh_sprintf("%s/groups/%s/projects?include_subgroups=true&per_page=100"
							  "&page=%lu&order_by=id&sort=asc", a.prefix, enc, p);
			}
		}
		kh_net_response_clear(&r);
		if (error < 0) {
			free(next);
			break;
		}
		path = next;
		if (++page > MAX_PAGES && path) {
			error = kh_error(KEYHOUND_EIO, "listing %s: more than %d pages", o->name, MAX_PAGES);
			break;
		}
	}
	n->requests = kh_net_requests(a.net);
done:
	free(path);
	free(enc);
	free(a.host);
	free(a.prefix);
	kh_net_free(a.net);
	return error;
}
