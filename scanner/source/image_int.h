/* SPDX-License-Identifier: Apache-2.0 */
/* State shared by the image reader's parts: image.c (inputs and the outer archive),
 * image_layer.c (one layer stream), image_meta.c (manifests, configs, attribution). */
#ifndef KH_SOURCE_IMAGE_INT_H
#define KH_SOURCE_IMAGE_INT_H

#include "core/blob.h"
#include "core/dl_archive.h"
#include "core/report.h"
#include "decode/archive.h"

#include "source/image.h"

/* A file deleted by a layer: `.wh.NAME` (path = dir/NAME) or `.wh..wh..opq` (every
 * lower file under path/, "" for the root). */
typedef struct {
	char *path;
	bool opaque;
} kh_whiteout;

typedef struct {
	char *key;              /* the member name in the archive / file in the folder */
	char *diff_id;          /* "sha256:..." of the uncompressed tar; NULL if unread */
	bool complete;          /* read to its end without error */
	kh_whiteout *wh;
	size_t n_wh, cap_wh;
	/* attribution, set by kh_image_resolve */
	long img;               /* first selected image that has it, -1 none */
	long index;
	bool selected;          /* some selected image has it */
	bool unselected;        /* some image not selected has it */
	char *platforms;        /* of every selected image that has it, joined by "," */
} kh_layer;

typedef struct {
	char *key;
	unsigned char *data;
	size_t len;
	bool used;              /* read as a manifest, index or config */
} kh_json_file;

typedef struct {
	char *name;             /* tag, or manifest digest */
	char *platform;         /* "os/arch[/variant]" or NULL */
	char *config_key;
	char **layer_keys;      /* resolved through symlinks */
	char **created_by;      /* aligned with layer_keys (NULL entries) */
	char **config_diff_ids; /* from the config's rootfs, aligned, may be NULL */
	size_t n_layers;
	bool selected;
	void *config;           /* json_t*, NULL when missing or malformed */
} kh_img;

typedef enum { KH_MODE_UNKNOWN = 0, KH_MODE_IMAGE, KH_MODE_ROOTFS } kh_image_mode;

struct kh_image {
	char *platform_filter;
	keyhound_limits limits;
	keyhound_report *report;
	kh_image_sink sink;
	char *input;            /* for messages */
	char *dir;              /* folder input */
	kh_image_mode mode;
	bool stopped;           /* the sink asked to stop */

	kh_layer *layers;
	size_t n_layers, cap_layers;
	kh_json_file *json;
	size_t n_json, cap_json;
	uint64_t json_bytes;
	char **link_from, **link_to; /* links in the outer archive */
	size_t n_links, cap_links;
	kh_img *imgs;
	size_t n_imgs, cap_imgs;
	char **visited;         /* index and manifest keys already read: each digest once */
	size_t n_visited;
	bool visits_capped;     /* KH_VISITS_MAX reached (reported once) */
};

/* image.c */
char *kh_image_norm(const char *name);                 /* strip "./" and "/" in front */
kh_layer *kh_image_layer_find(const kh_image *im, const char *key); /* follows links */
kh_layer *kh_image_layer_add(kh_image *im, const char *key);
const kh_json_file *kh_image_json_get(kh_image *im, const char *key); /* loads from dir */
int kh_image_emit(kh_image *im, const kh_origin *o, unsigned char *data, size_t len);
/* A file not read: the sink's (path rules), or only counted. */
void kh_image_skipped(kh_image *im, const kh_origin *o, kh_skip reason);
char *kh_image_resolve_link(const kh_image *im, const char *key); /* owned result */
bool kh_image_grow(unsigned char **data, size_t *cap, size_t need, size_t size);

/* image_layer.c: read one layer from an opened decompressor-less byte stream. */
typedef la_ssize_t (*kh_byte_read_fn)(void *ctx, const void **buf);
int kh_image_read_layer(kh_image *im, const char *key, kh_byte_read_fn read, void *ctx);
int kh_image_read_layer_file(kh_image *im, const char *key, const char *dir); /* dir/key */
int kh_image_open_member(const char *dir, const char *rel); /* no link below dir followed */

/* image_meta.c */
void kh_image_resolve(kh_image *im);      /* manifests and configs -> images */
void kh_image_finish(kh_image *im);       /* after the layers: missing parts, attribution, configs */
bool kh_image_has_manifest(kh_image *im);

#define KH_JSON_MAX (16u << 20)         /* one metadata file */
#define KH_JSON_TOTAL_MAX (256u << 20)  /* all of them */
#define KH_JSON_FILES_MAX 100000        /* metadata files kept */
#define KH_LAYERS_MAX 10000             /* layers in one archive or folder */
#define KH_LINKS_MAX 100000             /* links in the outer archive */
#define KH_VISITS_MAX 4096              /* manifests and indexes read from index.json */

#endif
