/* SPDX-License-Identifier: Apache-2.0 */
/* A key given twice in one YAML mapping: libyaml keeps both pairs, and a reader that took the
 * first or the last would quietly disagree with a reader that took the other. The readers of
 * YAML (rule files, .keyhound.yml) refuse such a document, through this one check. */
#ifndef KH_YAML_KEYS_H
#define KH_YAML_KEYS_H

#include <yaml.h>

#include "core/kh.h"

/* 0 when no mapping of doc repeats a key; else code, with the error "file:line: 'key':
 * duplicate key (also on line N)" for the repeat that comes first in the file. Keys that are
 * not scalars are left to the reader. */
int kh_yaml_check_keys(yaml_document_t *doc, const char *file, int code);

#endif
