#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "password.h"
#include "xalloc.h"

static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
	return x >> n | x << (32 - n);
}

static void compress(uint32_t h[8], const uint8_t p[64])
{
	uint32_t w[64], a, b, c, d, e, f, g, hh, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^
			      w[i - 15] >> 3;
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^
			      w[i - 2] >> 10;

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0], b = h[1], c = h[2], d = h[3];
	e = h[4], f = h[5], g = h[6], hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
		     ((e & f) ^ (~e & g)) + k256[i] + w[i];
		t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
		     ((a & b) ^ (a & c) ^ (b & c));
		hh = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d;
	h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

void pw_sha256_init(struct pw_sha256 *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(c->h, iv, sizeof iv);
	c->len = 0;
	c->nbuf = 0;
}

void pw_sha256_update(struct pw_sha256 *c, const void *data, size_t n)
{
	const uint8_t *p = data;

	c->len += n;
	if (c->nbuf) {
		size_t take = 64 - c->nbuf < n ? 64 - c->nbuf : n;

		memcpy(c->buf + c->nbuf, p, take);
		c->nbuf += take;
		p += take;
		n -= take;
		if (c->nbuf < 64)
			return;
		compress(c->h, c->buf);
		c->nbuf = 0;
	}
	for (; n >= 64; p += 64, n -= 64)
		compress(c->h, p);
	memcpy(c->buf, p, n);
	c->nbuf = n;
}

void pw_sha256_final(struct pw_sha256 *c, uint8_t out[PW_SHA256_LEN])
{
	uint64_t bits = c->len * 8;
	int i;

	c->buf[c->nbuf++] = 0x80;
	if (c->nbuf > 56) {
		memset(c->buf + c->nbuf, 0, 64 - c->nbuf);
		compress(c->h, c->buf);
		c->nbuf = 0;
	}
	memset(c->buf + c->nbuf, 0, 56 - c->nbuf);
	for (i = 0; i < 8; i++)
		c->buf[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
	compress(c->h, c->buf);
	for (i = 0; i < 8; i++) {
		out[4 * i] = (uint8_t)(c->h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(c->h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(c->h[i] >> 8);
		out[4 * i + 3] = (uint8_t)c->h[i];
	}
}

void pw_sha256(const void *data, size_t n, uint8_t out[PW_SHA256_LEN])
{
	struct pw_sha256 c;

	pw_sha256_init(&c);
	pw_sha256_update(&c, data, n);
	pw_sha256_final(&c, out);
}

static void to_hex(const uint8_t d[PW_SHA256_LEN], char out[PW_SHA256_HEX])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < PW_SHA256_LEN; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * PW_SHA256_LEN] = '\0';
}

void pw_sha256_hex(const void *data, size_t n, char out[PW_SHA256_HEX])
{
	uint8_t d[PW_SHA256_LEN];

	pw_sha256(data, n, d);
	to_hex(d, out);
}

void pw_hash(const char *salt_hex, const char *password,
		       char out[PW_SHA256_HEX])
{
	struct pw_sha256 c;
	uint8_t d[PW_SHA256_LEN];

	pw_sha256_init(&c);
	pw_sha256_update(&c, salt_hex, strlen(salt_hex));
	pw_sha256_update(&c, password, strlen(password));
	pw_sha256_final(&c, d);
	for (int i = 1; i < PW_ITERATIONS; i++)
		pw_sha256(d, sizeof d, d);
	to_hex(d, out);
}

bool pw_check(const char *salt_hex, const char *password,
			const char *pw_hash_hex)
{
	char got[PW_SHA256_HEX];
	unsigned diff = 0;
	size_t i;

	if (!salt_hex || !password || !pw_hash_hex ||
	    strlen(pw_hash_hex) != PW_SHA256_HEX - 1)
		return false;
	pw_hash(salt_hex, password, got);
	for (i = 0; i < PW_SHA256_HEX - 1; i++)
		diff |= (unsigned)(got[i] ^ pw_hash_hex[i]);
	return diff == 0;
}

static void forget_pending(struct pw_verifier *v)
{
	if (v->pending) {
		explicit_bzero(v->pending, strlen(v->pending));
		free(v->pending);
		v->pending = NULL;
	}
}

void pw_verifier_set(struct pw_verifier *v, const char *password)
{
	size_t n = strlen(password) + 1;

	pw_verifier_clear(v);
	v->pending = xmalloc(n);
	memcpy(v->pending, password, n);
	v->set = true;
}

void pw_verifier_settle(struct pw_verifier *v)
{
	uint8_t raw[16];
	struct timespec ts;

	if (!v->pending)
		return;
	/* a salt that differs per run is all it needs to be: getrandom, and
	 * the time and pid mixed in should it fail */
	if (getrandom(raw, sizeof raw, GRND_NONBLOCK) != (ssize_t)sizeof raw) {
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf((char *)raw, sizeof raw, "%lx%lx", (long)ts.tv_nsec ^ (long)getpid(), (long)ts.tv_sec);
	}
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(v->salt + 2 * i, 3, "%02x", raw[i]);
	pw_hash(v->salt, v->pending, v->hash);
	forget_pending(v);
}

bool pw_verifier_check(struct pw_verifier *v, const char *password)
{
	pw_verifier_settle(v);
	return v->set && pw_check(v->salt, password, v->hash);
}

void pw_verifier_clear(struct pw_verifier *v)
{
	forget_pending(v);
	memset(v, 0, sizeof *v);
}
