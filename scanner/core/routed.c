/* SPDX-License-Identifier: Apache-2.0 */
/* The libraries that take an allocator use the library's (core/util.c), so their
 * allocations fail as ours do: the reserve covers them, the entry point under way returns
 * KEYHOUND_ENOMEM, and the tests' failure hook reaches them. Hyperscan's and jansson's
 * allocators are process-wide (jansson's only when the program has not set its own, and
 * both are malloc and free underneath, as their defaults); PCRE2's are per context, ours.
 * libgit2, SQLite and libcurl are given ours when they are loaded (core/dl.c); libyaml and
 * libarchive take none. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <jansson.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>

#include "core/kh.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pcre2_general_context *general;
static pcre2_compile_context *compile;

static void *pcre2_alloc(PCRE2_SIZE n, void *payload)
{
	return kh_alloc_routed(n);
}

static void pcre2_free(void *p, void *payload)
{
	free(p);
}

static void route(void)
{
	json_malloc_t jm = NULL;
	json_free_t jf = NULL;
	hs_set_allocator(kh_alloc_routed, free);
	json_get_alloc_funcs(&jm, &jf);
	if (jm == malloc && jf == free)
		json_set_alloc_funcs(kh_alloc_routed, free);
	general = pcre2_general_context_create(pcre2_alloc, pcre2_free, NULL);
	compile = general ? pcre2_compile_context_create(general) : NULL;
}

void kh_route_allocators(void)
{
	pthread_once(&once, route);
}

void *kh_pcre2_general(void)
{
	kh_route_allocators();
	return general;
}

void *kh_pcre2_compile_context(void)
{
	kh_route_allocators();
	return compile;
}
