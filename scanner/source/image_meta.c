/* SPDX-License-Identifier: Apache-2.0 */
/* Image metadata: index.json (OCI, possibly an index of indexes) or manifest.json (docker
 * save) -> images with their platform, config and ordered layers; then which layer each
 * streamed blob was, what deleted its files later, and the config's own fields. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/blob.h"
#include "core/report.h"
#include "source/image_int.h"

#define INDEX_DEPTH_MAX 4

static json_t *load_json(kh_image *im, const char *key, bool report_missing, const char *who)
{
	const kh_json_file *f = kh_image_json_get(im, key);
	json_error_t err;
	json_t *root;
	if (!f) {
		if (report_missing)
			kh_report_error(im->report, who ? who : key, "%s named by the manifest is missing",
					key);
		return NULL;
	}
	((kh_json_file *)f)->used = true;
	root = json_loadb((const char *)f->data, f->len, 0, &err);
	if (!root)
		kh_report_error(im->report, key, "malformed JSON at line %d: %s", err.line, err.text);
	return root;
}

bool kh_image_has_manifest(kh_image *im)
{
	return kh_image_json_get(im, "index.json") || kh_image_json_get(im, "manifest.json");
}

static const char *str_at(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* "sha256:<hex>" -> "blobs/sha256/<hex>"; NULL for anything else. */
static char *digest_key(const char *digest)
{
	const char *colon = digest ? strchr(digest, ':') : NULL;
	if (!colon || colon == digest || !colon[1])
		return NULL;
	for (const char *p = digest; p < colon; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789+._-", *p))
			return NULL;
	for (const char *p = colon + 1; *p; p++)
		if (!strchr("0123456789abcdefABCDEF", *p))
			return NULL;
	return kh_sprintf("blobs/%.*s/%s", (int)(colon - digest), digest, colon + 1);
}

static char *platform_of(const json_t *o)
{
	const char *os = str_at(o, "os"), *arch = str_at(o, "architecture");
	const char *variant = str_at(o, "variant");
	if (!os || !arch)
		return NULL;
	return variant && *variant ? kh_sprintf("%s/%s/%s", os, arch, variant)
				   : kh_sprintf("%s/%s", os, arch);
}

/* "linux/arm64" picks linux/arm64 and linux/arm64/v8; "linux/arm/v7" only that. */
static bool platform_matches(const char *want, const char *have)
{
	if (!have)
		return false;
	if (strcmp(want, have) == 0)
		return true;
	size_t n = strlen(want);
	const char *slash = strchr(want, '/');
	return slash && !strchr(slash + 1, '/') && strncmp(want, have, n) == 0 && have[n] == '/';
}

static kh_img *img_add(kh_image *im, const char *config_key)
{
	for (size_t i = 0; i < im->n_imgs; i++)
		if (config_key && im->imgs[i].config_key && strcmp(im->imgs[i].config_key, config_key) == 0)
			return NULL; /* the same image under another name: scanned once */
	if (im->n_imgs == im->cap_imgs) {
		im->cap_imgs = im->cap_imgs ? 2 * im->cap_imgs : 4;
		im->imgs = kh_realloc(im->imgs, im->cap_imgs * sizeof(*im->imgs));
	}
	kh_img *g = &im->imgs[im->n_imgs++];
	memset(g, 0, sizeof(*g));
	g->config_key = kh_strdup(config_key);
	return g;
}

static void img_layers(kh_img *g, size_t n)
{
	g->layer_keys = kh_calloc(n ? n : 1, sizeof(char *));
	g->created_by = kh_calloc(n ? n : 1, sizeof(char *));
	g->config_diff_ids = kh_calloc(n ? n : 1, sizeof(char *));
	g->n_layers = n;
}

/* Read the config: platform when the manifest did not say, and for each layer the
 * history line that made it (history entries with empty_layer made none). */
static void img_config(kh_image *im, kh_img *g)
{
	json_t *c = g->config_key ? load_json(im, g->config_key, false, NULL) : NULL;
	if (!c)
		return;
	g->config = c;
	if (!g->platform)
		g->platform = platform_of(c);
	json_t *hist = json_object_get(c, "history");
	size_t i, k = 0;
	json_t *h;
	json_array_foreach(hist, i, h) {
		if (json_is_true(json_object_get(h, "empty_layer")))
			continue;
		if (k < g->n_layers && str_at(h, "created_by"))
			g->created_by[k] = kh_strdup(str_at(h, "created_by"));
		k++;
	}
	json_t *ids = json_object_get(json_object_get(c, "rootfs"), "diff_ids");
	json_array_foreach(ids, i, h)
		if (i < g->n_layers && json_string_value(h))
			g->config_diff_ids[i] = kh_strdup(json_string_value(h));
}

/* docker save's manifest.json: the tag of the image whose config is config_key. */
static char *docker_tag(kh_image *im, const char *config_key)
{
	json_t *m = kh_image_json_get(im, "manifest.json") ? load_json(im, "manifest.json", false, NULL) : NULL;
	char *tag = NULL;
	size_t i;
	json_t *e;
	json_array_foreach(m, i, e) {
		const char *cfg = str_at(e, "Config");
		char *k = cfg ? kh_image_norm(cfg) : NULL;
		if (k && strcmp(k, config_key) == 0 && json_string_value(json_array_get(json_object_get(e, "RepoTags"), 0)))
			tag = kh_strdup(json_string_value(json_array_get(json_object_get(e, "RepoTags"), 0)));
		free(k);
		if (tag)
			break;
	}
	json_decref(m);
	return tag;
}

static void oci_manifest(kh_image *im, const json_t *man, const char *digest, const char *name,
			 const json_t *platform)
{
	json_t *layers = json_object_get(man, "layers");
	char *config_key = digest_key(str_at(json_object_get(man, "config"), "digest"));
	kh_img *g;
	size_t i, n = 0;
	json_t *d;

	if (!config_key) {
		kh_report_error(im->report, digest, "image manifest has no valid config digest");
		return;
	}
	if (!(g = img_add(im, config_key))) {
		free(config_key);
		return;
	}
	free(config_key);
	img_layers(g, json_array_size(layers));
	json_array_foreach(layers, i, d) {
		const char *mt = str_at(d, "mediaType");
		char *key = digest_key(str_at(d, "digest"));
		if (!key) {
			kh_report_error(im->report, digest, "layer %zu has no valid digest", i);
			continue;
		}
		if (mt && !strstr(mt, "tar")) { /* attestations, artifacts: not a filesystem */
			free(key);
			continue;
		}
		g->layer_keys[n++] = key;
	}
	g->n_layers = n;
	char *tag = name ? NULL : docker_tag(im, g->config_key);
	g->name = kh_strdup(name ? name : tag ? tag : digest);
	free(tag);
	g->platform = platform ? platform_of(platform) : NULL;
	img_config(im, g);
}

/* An index may name a digest many times, itself included: each is read once (else N names
 * at depth D cost N^D), and the number read is bounded. false: already read, or too many. */
static bool first_visit(kh_image *im, const char *key)
{
	for (size_t i = 0; i < im->n_visited; i++)
		if (strcmp(im->visited[i], key) == 0)
			return false;
	if (im->n_visited >= KH_VISITS_MAX) {
		if (!im->visits_capped)
			kh_report_error(im->report, im->input, "more than %d manifests and indexes: "
					"the rest are not read", KH_VISITS_MAX);
		im->visits_capped = true;
		return false;
	}
	im->visited = kh_realloc(im->visited, (im->n_visited + 1) * sizeof(char *));
	im->visited[im->n_visited++] = kh_strdup(key);
	return true;
}

static void oci_index(kh_image *im, const char *key, const char *parent_name, int depth)
{
	json_t *idx = load_json(im, key, true, NULL);
	size_t i;
	json_t *d;
	if (!idx)
		return;
	if (depth > INDEX_DEPTH_MAX) {
		kh_report_error(im->report, key, "image indexes nested too deep");
		goto done;
	}
	json_array_foreach(json_object_get(idx, "manifests"), i, d) {
		const char *digest = str_at(d, "digest");
		json_t *ann = json_object_get(d, "annotations");
		const char *ref = str_at(ann, "vnd.docker.reference.type");
		if (ref && strcmp(ref, "attestation-manifest") == 0)
			continue;
		char *mkey = digest_key(digest);
		if (!mkey) {
			kh_report_error(im->report, key, "manifest %zu has no valid digest", i);
			continue;
		}
		const char *name = str_at(ann, "io.containerd.image.name");
		if (!name)
			name = parent_name;
		if (!kh_image_json_get(im, mkey)) {
			/* docker save of a multi-platform image keeps the whole index but only
			 * the platforms it has pulled: a platform not asked for is a note */
			char *plat = platform_of(json_object_get(d, "platform"));
			if (depth > 0 && plat && !(im->platform_filter && platform_matches(im->platform_filter, plat)))
				kh_report_note(im->report, "%s: platform %s is not in the archive",
					       name ? name : key, plat);
			else
				kh_report_error(im->report, name ? name : digest,
						"manifest %s named by %s is missing", digest, key);
			free(plat);
			free(mkey);
			continue;
		}
		if (!first_visit(im, mkey)) {
			free(mkey);
			continue;
		}
		json_t *man = load_json(im, mkey, false, NULL);
		if (man && json_object_get(man, "manifests")) {
			json_decref(man);
			oci_index(im, mkey, name ? name : str_at(ann, "org.opencontainers.image.ref.name"),
				  depth + 1);
		} else if (man) {
			/* a docker tag first, the OCI ref name ("latest") only as a last resort */
			const char *ref_name = str_at(ann, "org.opencontainers.image.ref.name");
			size_t n_before = im->n_imgs;
			oci_manifest(im, man, digest, name, json_object_get(d, "platform"));
			if (!name && ref_name && im->n_imgs > n_before) {
				kh_img *g = &im->imgs[im->n_imgs - 1];
				if (strcmp(g->name, digest) == 0) {
					free(g->name);
					g->name = kh_strdup(ref_name);
				}
			}
			json_decref(man);
		}
		free(mkey);
	}
done:
	json_decref(idx);
}

static void docker_manifest(kh_image *im)
{
	json_t *m = load_json(im, "manifest.json", false, NULL);
	size_t i, j;
	json_t *e, *l;
	if (!m)
		return;
	if (!json_is_array(m))
		kh_report_error(im->report, "manifest.json", "not a docker save manifest (not an array)");
	json_array_foreach(m, i, e) {
		const char *cfg = str_at(e, "Config");
		if (!cfg) {
			kh_report_error(im->report, "manifest.json", "entry %zu has no Config", i);
			continue;
		}
		char *config_key = kh_image_norm(cfg);
		kh_img *g = img_add(im, config_key);
		if (!g) {
			free(config_key);
			continue;
		}
		const char *tag = json_string_value(json_array_get(json_object_get(e, "RepoTags"), 0));
		if (tag) {
			g->name = kh_strdup(tag);
		} else { /* the image id: its config's digest */
			const char *base = strrchr(config_key, '/');
			base = base ? base + 1 : config_key;
			size_t n = strcspn(base, ".");
			g->name = kh_sprintf("sha256:%.*s", (int)n, base);
		}
		free(config_key);
		json_t *layers = json_object_get(e, "Layers");
		img_layers(g, json_array_size(layers));
		size_t n = 0;
		json_array_foreach(layers, j, l)
			if (json_string_value(l))
				g->layer_keys[n++] = kh_image_resolve_link(im, json_string_value(l));
		g->n_layers = n;
		img_config(im, g);
	}
	json_decref(m);
}

void kh_image_resolve(kh_image *im)
{
	if (kh_image_json_get(im, "index.json"))
		oci_index(im, "index.json", NULL, 0);
	else if (kh_image_json_get(im, "manifest.json"))
		docker_manifest(im);
	else
		kh_report_error(im->report, im->input,
				"no manifest.json or index.json: layers cannot be attributed to an image");
	bool any = false;
	for (size_t i = 0; i < im->n_imgs; i++) {
		kh_img *g = &im->imgs[i];
		g->selected = !im->platform_filter || platform_matches(im->platform_filter, g->platform);
		any |= g->selected;
	}
	if (im->platform_filter && !any) {
		kh_buf have = {0};
		for (size_t i = 0; i < im->n_imgs; i++)
			kh_buf_printf(&have, "%s%s", i ? ", " : "",
				      im->imgs[i].platform ? im->imgs[i].platform : "unknown");
		kh_report_error(im->report, im->input, "no image for platform %s (the archive has: %s)",
				im->platform_filter, have.len ? have.buf : "none");
		kh_buf_free(&have);
	}
}

/* ---- the config's fields ---- */

static void emit_field(kh_image *im, const kh_img *g, const char *field, const char *text)
{
	kh_origin o = KH_ORIGIN_INIT;
	size_t len = strlen(text);
	unsigned char *data = kh_malloc(len + 1);
	memcpy(data, text, len + 1);
	o.source = KEYHOUND_SOURCE_IMAGE;
	o.image = g->name;
	o.platform = g->platform;
	o.config_field = (char *)field;
	kh_image_emit(im, &o, data, len);
}

/* Cmd and Entrypoint: the words joined, so "--token X" keeps its context. */
static void emit_words(kh_image *im, const kh_img *g, const char *field, const json_t *v)
{
	if (json_is_string(v)) {
		emit_field(im, g, field, json_string_value(v));
		return;
	}
	kh_buf b = {0};
	size_t i;
	json_t *w;
	json_array_foreach(v, i, w)
		if (json_string_value(w))
			kh_buf_printf(&b, "%s%s", b.len ? " " : "", json_string_value(w));
	if (b.len)
		emit_field(im, g, field, b.buf);
	kh_buf_free(&b);
}

static void scan_config(kh_image *im, const kh_img *g)
{
	const json_t *c = json_object_get(g->config, "config");
	size_t i;
	json_t *v;
	const char *k;
	char *field;

	json_array_foreach(json_object_get(c, "Env"), i, v) {
		if (!json_string_value(v))
			continue;
		field = kh_sprintf("Env[%zu]", i);
		emit_field(im, g, field, json_string_value(v));
		free(field);
	}
	emit_words(im, g, "Entrypoint", json_object_get(c, "Entrypoint"));
	emit_words(im, g, "Cmd", json_object_get(c, "Cmd"));
	json_object_foreach((json_t *)json_object_get(c, "Labels"), k, v) {
		if (!json_string_value(v))
			continue;
		char *text = kh_sprintf("%s=%s", k, json_string_value(v));
		field = kh_sprintf("Labels.%s", k);
		emit_field(im, g, field, text);
		free(field);
		free(text);
	}
	json_array_foreach(json_object_get(g->config, "history"), i, v) {
		const char *line = str_at(v, "created_by");
		if (!line)
			continue;
		field = kh_sprintf("history[%zu].created_by", i);
		emit_field(im, g, field, line);
		free(field);
	}
}

static void append_platform(kh_layer *l, const char *p)
{
	if (!p)
		return;
	if (!l->platforms) {
		l->platforms = kh_strdup(p);
		return;
	}
	size_t n = strlen(p);
	for (const char *s = l->platforms; s; s = strchr(s, ',') ? strchr(s, ',') + 1 : NULL)
		if (strncmp(s, p, n) == 0 && (s[n] == ',' || s[n] == 0))
			return;
	char *joined = kh_sprintf("%s,%s", l->platforms, p);
	free(l->platforms);
	l->platforms = joined;
}

void kh_image_finish(kh_image *im)
{
	for (size_t i = 0; i < im->n_imgs; i++) {
		kh_img *g = &im->imgs[i];
		if (g->selected && !g->config && !kh_image_json_get(im, g->config_key))
			kh_report_error(im->report, g->name, "config %s named by the manifest is missing",
					g->config_key);
		for (size_t j = 0; j < g->n_layers; j++) {
			kh_layer *l = kh_image_layer_find(im, g->layer_keys[j]);
			if (!l) {
				if (g->selected)
					kh_report_error(im->report, g->name,
							"layer %zu (%s) named by the manifest is missing",
							j, g->layer_keys[j]);
				continue;
			}
			if (!g->selected) {
				l->unselected = true;
				continue;
			}
			if (l->img < 0) {
				l->img = (long)i;
				l->index = (long)j;
			}
			l->selected = true;
			append_platform(l, g->platform);
		}
	}
	for (size_t i = 0; i < im->n_imgs; i++)
		if (im->imgs[i].selected)
			kh_report_set_target(im->report, im->imgs[i].name);
	for (size_t i = 0; i < im->n_imgs && !im->stopped; i++)
		if (im->imgs[i].selected && im->imgs[i].config)
			scan_config(im, &im->imgs[i]);
}

/* ---- attribution ---- */

static bool covers(const kh_layer *l, const char *path)
{
	while (*path == '/')
		path++;
	size_t plen = strcspn(path, "!"); /* a file inside an archive goes with the archive */
	for (size_t i = 0; i < l->n_wh; i++) {
		const char *w = l->wh[i].path;
		size_t n = strlen(w);
		if (l->wh[i].opaque && n == 0)
			return true;
		if (!l->wh[i].opaque && n == plen && strncmp(path, w, n) == 0)
			return true;
		if (n < plen && strncmp(path, w, n) == 0 && path[n] == '/')
			return true;
	}
	return false;
}

int kh_image_attribute(const kh_image *im, const char *layer_key, const char *path,
		       kh_image_attr *out)
{
	const kh_layer *l = NULL;
	memset(out, 0, sizeof(*out));
	out->layer_index = -1;
	for (size_t i = 0; i < im->n_layers && !l; i++)
		if (layer_key && strcmp(im->layers[i].key, layer_key) == 0)
			l = &im->layers[i];
	if (!l)
		return -1;
	if (!l->selected && l->unselected)
		return 0;
	out->layer = l->diff_id;
	if (l->img < 0)
		return 1;
	const kh_img *g = &im->imgs[l->img];
	out->image = g->name;
	out->platform = l->platforms;
	out->layer_index = l->index;
	out->created_by = g->created_by[l->index];
	if (!out->layer)
		out->layer = g->config_diff_ids[l->index];
	for (size_t k = (size_t)l->index + 1; path && k < g->n_layers; k++) {
		const kh_layer *later = kh_image_layer_find(im, g->layer_keys[k]);
		if (later && covers(later, path)) {
			out->deleted_in_layer = later->diff_id ? later->diff_id
					       : g->config_diff_ids[k] ? g->config_diff_ids[k]
								      : later->key;
			break;
		}
	}
	return 1;
}
