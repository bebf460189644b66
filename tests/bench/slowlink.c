/* slowlink: a slow, lossy link between two network namespaces, made of two
 * TUN devices and this program forwarding IP packets between them.
 *
 *   slowlink [--delay-ms MS] [--rate-kbit N] [--loss PCT] [--seed N]
 *            [--queue-bytes N] [--dev NAME] NETNS-A NETNS-B
 *
 * NETNS-A and NETNS-B are names under /var/run/netns, each holding a
 * persistent TUN device NAME (default mcsl0, "ip tuntap add mode tun");
 * tests/bench/slowlink.sh makes them. Each direction is a bottleneck of its
 * own: a packet waits for the link to be free (drop-tail beyond
 * --queue-bytes), takes len*8/rate to be sent, may be lost on the line
 * with probability PCT/100, and arrives --delay-ms later. The rate is
 * applied here only: the script puts no tc qdisc on the devices. Packets
 * are delayed one by one, so TCP sees the real round trip and real losses.
 * Losses come from splitmix64, one stream per direction, so with --seed
 * the N-th packet of a direction always meets the same fate.
 * SIGINT or SIGTERM ends it with one line on stderr per direction's
 * packets: forwarded, lost (on the line), dropped (queue full, or the far
 * device refused it) and still in flight. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define RING 4096 /* packets in flight per direction, queued or on the line */

struct pkt {
	int64_t due; /* when it arrives at the far end, ns */
	size_t len;
	unsigned char *data;
};

struct dir {
	const char *name; /* "A->B" */
	int in, out;      /* read from in, write to out */
	uint64_t rng;
	int64_t free_at;  /* when the line has sent all it was given, ns */
	struct pkt q[RING];
	size_t head, count;
	uint64_t fwd, fwd_bytes, lost, dropped;
};

static int64_t delay_ns, rate_kbit, queue_bytes = 65536;
static double loss;
static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Open the TUN device `dev` of namespace `ns`: a TUN fd belongs to the
 * namespace its opener was in, so enter it first. */
static int open_tun(const char *ns, const char *dev)
{
	char path[300];
	struct ifreq ifr = { .ifr_flags = IFF_TUN | IFF_NO_PI };
	int nsfd, fd;

	snprintf(path, sizeof path, "/var/run/netns/%s", ns);
	nsfd = open(path, O_RDONLY | O_CLOEXEC);
	if (nsfd < 0 || setns(nsfd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "slowlink: cannot enter network namespace %s: %s\n", ns, strerror(errno));
		return -1;
	}
	close(nsfd);
	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", dev);
	if (fd < 0 || ioctl(fd, TUNSETIFF, &ifr) < 0) {
		fprintf(stderr, "slowlink: cannot attach to TUN device %s in namespace %s: %s\n",
			dev, ns, strerror(errno));
		return -1;
	}
	return fd;
}

/* One packet read from d->in: lost, dropped at the queue, or scheduled. */
static void take(struct dir *d, const unsigned char *buf, size_t len, int64_t now)
{
	int64_t start = d->free_at > now ? d->free_at : now;
	struct pkt *p;

	if (rate_kbit > 0) {
		/* bytes still waiting for the line, as a tbf would hold them */
		int64_t backlog = (start - now) * rate_kbit / 8000000;

		if (backlog + (int64_t)len > queue_bytes) {
			d->dropped++;
			return;
		}
		start += (int64_t)len * 8000000 / rate_kbit;
	}
	if (d->count == RING) {
		d->dropped++;
		return;
	}
	/* lost on the line, after the queue: it used its share of the rate */
	d->free_at = start;
	if ((double)(splitmix64(&d->rng) >> 11) * 0x1.0p-53 < loss) {
		d->lost++;
		return;
	}
	p = &d->q[(d->head + d->count) % RING];
	p->data = malloc(len);
	if (!p->data) {
		d->dropped++;
		return;
	}
	memcpy(p->data, buf, len);
	p->len = len;
	/* the delay is constant, so arrivals stay in order: a FIFO is enough */
	p->due = start + delay_ns;
	d->count++;
}

static void read_all(struct dir *d)
{
	static unsigned char buf[65536];
	ssize_t n;

	/* a burst is read at once, but not forever if the sender keeps up */
	for (int i = 0; i < 64 && (n = read(d->in, buf, sizeof buf)) > 0; i++)
		take(d, buf, (size_t)n, now_ns());
}

static void deliver_due(struct dir *d, int64_t now)
{
	while (d->count && d->q[d->head].due <= now) {
		struct pkt *p = &d->q[d->head];

		if (write(d->out, p->data, p->len) == (ssize_t)p->len) {
			d->fwd++;
			d->fwd_bytes += p->len;
		} else {
			d->dropped++;
		}
		free(p->data);
		d->head = (d->head + 1) % RING;
		d->count--;
	}
}

/* A non-negative number for option `opt`, or exit with a sentence. */
static double number(const char *opt, const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || !(v >= 0)) {
		fprintf(stderr, "slowlink: --%s wants a non-negative number, not \"%s\"\n", opt, s);
		exit(2);
	}
	return v;
}

static void usage(void)
{
	fprintf(stderr, "usage: slowlink [--delay-ms MS] [--rate-kbit N] [--loss PCT] [--seed N]"
		" [--queue-bytes N] [--dev NAME] NETNS-A NETNS-B\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "delay-ms", required_argument, NULL, 'd' },
		{ "rate-kbit", required_argument, NULL, 'r' },
		{ "loss", required_argument, NULL, 'l' },
		{ "seed", required_argument, NULL, 's' },
		{ "queue-bytes", required_argument, NULL, 'q' },
		{ "dev", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	static struct dir ab, ba;
	struct dir *dirs[2] = { &ab, &ba };
	const char *dev = "mcsl0";
	uint64_t seed = 1;
	char name_ab[300], name_ba[300];
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block, unblocked;
	int self, opt, fa, fb;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': delay_ns = (int64_t)(number("delay-ms", optarg) * 1e6); break;
		case 'r': rate_kbit = (int64_t)number("rate-kbit", optarg); break;
		case 'l': loss = number("loss", optarg) / 100; break;
		case 's': seed = (uint64_t)number("seed", optarg); break;
		case 'q': queue_bytes = (int64_t)number("queue-bytes", optarg); break;
		case 'D': dev = optarg; break;
		default: usage(); return 2;
		}
	}
	if (loss > 1 || queue_bytes <= 0) {
		fprintf(stderr, "slowlink: --loss is at most 100 and --queue-bytes at least 1\n");
		return 2;
	}
	if (argc - optind != 2) {
		usage();
		return 2;
	}
	/* back to our own namespace afterwards, so that "ip netns pids" of
	 * the link's namespaces lists only what runs there */
	self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (self < 0) {
		fprintf(stderr, "slowlink: cannot open /proc/self/ns/net: %s\n", strerror(errno));
		return 1;
	}
	fa = open_tun(argv[optind], dev);
	fb = fa < 0 ? -1 : open_tun(argv[optind + 1], dev);
	if (fb < 0)
		return 1;
	if (setns(self, CLONE_NEWNET) < 0) {
		fprintf(stderr, "slowlink: cannot return to its own network namespace: %s\n",
			strerror(errno));
		return 1;
	}
	close(self);
	snprintf(name_ab, sizeof name_ab, "%s->%s", argv[optind], argv[optind + 1]);
	snprintf(name_ba, sizeof name_ba, "%s->%s", argv[optind + 1], argv[optind]);
	ab = (struct dir){ .name = name_ab, .in = fa, .out = fb, .rng = seed * 2 };
	ba = (struct dir){ .name = name_ba, .in = fb, .out = fa, .rng = seed * 2 + 1 };

	/* signals are let in only while waiting in ppoll, so none is missed
	 * between checking `stop` and going to sleep */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &unblocked);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	while (!stop) {
		struct pollfd pfd[2] = { { .fd = fa, .events = POLLIN }, { .fd = fb, .events = POLLIN } };
		int64_t now = now_ns(), next = -1;
		struct timespec ts;

		for (int i = 0; i < 2; i++) {
			deliver_due(dirs[i], now);
			if (dirs[i]->count && (next < 0 || dirs[i]->q[dirs[i]->head].due < next))
				next = dirs[i]->q[dirs[i]->head].due;
		}
		if (next >= 0) {
			ts.tv_sec = (next - now) / 1000000000;
			ts.tv_nsec = (next - now) % 1000000000;
		}
		if (ppoll(pfd, 2, next >= 0 ? &ts : NULL, &unblocked) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "slowlink: poll failed: %s\n", strerror(errno));
			return 1;
		}
		for (int i = 0; i < 2; i++)
			if (pfd[i].revents & POLLIN)
				read_all(dirs[i]);
			else if (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))
				stop = 1; /* the device is gone: its namespace was deleted */
	}
	for (int i = 0; i < 2; i++) {
		struct dir *d = dirs[i];

		fprintf(stderr, "%s%s %" PRIu64 " packets %" PRIu64 " bytes forwarded, %" PRIu64
			" lost, %" PRIu64 " dropped, %zu in flight",
			i ? "; " : "slowlink: ", d->name, d->fwd, d->fwd_bytes, d->lost, d->dropped,
			d->count);
		while (d->count) {
			free(d->q[d->head].data);
			d->head = (d->head + 1) % RING;
			d->count--;
		}
	}
	fputc('\n', stderr);
	return 0;
}
