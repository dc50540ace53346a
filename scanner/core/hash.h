/* SPDX-License-Identifier: Apache-2.0 */
/* The one place for non-cryptographic hashes (SHA-256 is in kh.h): FNV-1a for names
 * and keys, and a 64-bit finaliser for table slots. Object ids need neither: their
 * bytes are already uniform (oidmap.h, kh_oid_hash). */
#ifndef KH_CORE_HASH_H
#define KH_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define KH_FNV_OFFSET 1469598103934665603ull
#define KH_FNV_PRIME 1099511628211ull

/* FNV-1a (64-bit) of n bytes, continuing from h (KH_FNV_OFFSET to start). Fixed: the
 * sweep's shard of a repository is this of its path. */
static inline uint64_t kh_fnv1a64(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * KH_FNV_PRIME;
	return h;
}

/* murmur3's 64-bit finaliser: every input bit moves every output bit (table slots). */
static inline uint64_t kh_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	return x ^ (x >> 33);
}

#endif
