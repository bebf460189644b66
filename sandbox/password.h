/* Passwords of the sandbox's users, and the SHA-256 they are built on.
 * Shared by the seed generator (which stores them) and the server (which
 * checks logins), so both compute the same thing.
 *
 * pw_hash = hex(d_n), where
 *     d_1     = SHA-256(salt_hex || password)
 *     d_(k+1) = SHA-256(d_k)            (the 32 raw bytes of d_k)
 *     n       = SBX_PASSWORD_ITERATIONS
 * salt_hex is the salt as stored in users.salt (its ASCII hex text, not
 * the bytes it spells) and hex output is lower case. This is a training
 * server with public passwords; the iteration only keeps the stored
 * hashes from being a plain SHA-256 lookup. */
#ifndef MOTCUA_SBX_PASSWORD_H
#define MOTCUA_SBX_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SBX_PASSWORD_ITERATIONS 4096
#define SBX_SHA256_LEN 32
#define SBX_SHA256_HEX (2 * SBX_SHA256_LEN + 1)

/* Incremental SHA-256 (FIPS 180-4). */
struct sbx_sha256 {
	uint32_t h[8];
	uint64_t len;		/* bytes hashed so far */
	uint8_t buf[64];
	size_t nbuf;
};

void sbx_sha256_init(struct sbx_sha256 *c);
void sbx_sha256_update(struct sbx_sha256 *c, const void *data, size_t n);
void sbx_sha256_final(struct sbx_sha256 *c, uint8_t out[SBX_SHA256_LEN]);
/* One call: digest of n bytes, and its lower-case hex. */
void sbx_sha256(const void *data, size_t n, uint8_t out[SBX_SHA256_LEN]);
void sbx_sha256_hex(const void *data, size_t n, char out[SBX_SHA256_HEX]);

/* The stored form of password under salt_hex (both NUL-terminated). */
void sbx_password_hash(const char *salt_hex, const char *password,
		       char out[SBX_SHA256_HEX]);
/* Whether password matches pw_hash_hex under salt_hex; the comparison
 * takes the same time wherever the first difference is. */
bool sbx_password_check(const char *salt_hex, const char *password,
			const char *pw_hash_hex);

#endif
