/* Salted password hashes and the SHA-256 they are built on. The sandbox
 * stores its users' passwords this way (seed.c) and checks logins with it
 * (auth.c); the client keeps only such a hash of the clerk's password, in
 * memory, to unlock the idle lock (struct pw_verifier).
 *
 * pw_hash = hex(d_n), where
 *     d_1     = SHA-256(salt_hex || password)
 *     d_(k+1) = SHA-256(d_k)            (the 32 raw bytes of d_k)
 *     n       = PW_ITERATIONS
 * salt_hex is the salt as text (the sandbox's users.salt: its ASCII hex,
 * not the bytes it spells) and hex output is lower case. The iteration
 * only keeps a hash from being a plain SHA-256 lookup. */
#ifndef MOTCUA_PASSWORD_H
#define MOTCUA_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PW_ITERATIONS 4096
#define PW_SHA256_LEN 32
#define PW_SHA256_HEX (2 * PW_SHA256_LEN + 1)

/* Incremental SHA-256 (FIPS 180-4). */
struct pw_sha256 {
	uint32_t h[8];
	uint64_t len;		/* bytes hashed so far */
	uint8_t buf[64];
	size_t nbuf;
};

void pw_sha256_init(struct pw_sha256 *c);
void pw_sha256_update(struct pw_sha256 *c, const void *data, size_t n);
void pw_sha256_final(struct pw_sha256 *c, uint8_t out[PW_SHA256_LEN]);
/* One call: digest of n bytes, and its lower-case hex. */
void pw_sha256(const void *data, size_t n, uint8_t out[PW_SHA256_LEN]);
void pw_sha256_hex(const void *data, size_t n, char out[PW_SHA256_HEX]);

/* The stored form of password under salt_hex (both NUL-terminated). */
void pw_hash(const char *salt_hex, const char *password,
		       char out[PW_SHA256_HEX]);
/* Whether password matches pw_hash_hex under salt_hex; the comparison
 * takes the same time wherever the first difference is. */
bool pw_check(const char *salt_hex, const char *password,
			const char *pw_hash_hex);

/* What unlocks the screen: a random salt and the password's hash under
 * it, never the password once settled. */
struct pw_verifier {
	char salt[33];
	char hash[PW_SHA256_HEX];
	char *pending;			/* the password, until settled */
	bool set;
};

/* Keep a copy of password for pw_verifier_settle (the caller wipes its
 * own): the 4,096 rounds of hashing wait until the first screen is out.
 * v starts zeroed. */
void pw_verifier_set(struct pw_verifier *v, const char *password);
/* Hash the kept password under a fresh salt and wipe it; nothing to do if
 * none is kept. */
void pw_verifier_settle(struct pw_verifier *v);
/* Whether password is the one v was set from (settling first); false if
 * v is not set. */
bool pw_verifier_check(struct pw_verifier *v, const char *password);
/* Forget everything, the kept password wiped. */
void pw_verifier_clear(struct pw_verifier *v);

#endif
