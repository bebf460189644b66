# client/net/: Transport: the event loop and asynchronous HTTP (libcurl), with
# retries, priorities and the link state.
noinst_LIBRARIES += client/net/libmcnet.a
client_net_libmcnet_a_SOURCES = \
	client/net/http.c client/net/http.h client/net/http_int.h \
	client/net/http_retry.c client/net/http_xfer.c client/net/loop.c \
	client/net/loop.h
EXTRA_DIST += client/net/README.md client/net/local.mk
