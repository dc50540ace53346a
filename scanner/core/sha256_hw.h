/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 blocks with the CPU's SHA extensions, when it has them: image diff_ids hash
 * every uncompressed layer byte, which the portable code does at a fraction of the
 * speed of decompressing them. */
#ifndef KH_SHA256_HW_H
#define KH_SHA256_HW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The round constants (FIPS 180-4), shared with the portable code. */
extern const uint32_t kh_sha256_k[64];

/* Hash n 64-byte blocks into h; false (nothing done) when the CPU cannot. */
bool kh_sha256_blocks_hw(uint32_t h[8], const uint8_t *p, size_t n);

#endif
