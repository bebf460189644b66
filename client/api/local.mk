# client/api/: Any provincial API: profiles, request templates, JSON paths,
# date formats, field mappings and the adapter that turns replies into the
# model.
noinst_LIBRARIES += client/api/libmcapi.a
client_api_libmcapi_a_SOURCES = \
	client/api/adapter.c client/api/adapter.h client/api/api.c client/api/api.h \
	client/api/dates.c client/api/dates.h client/api/fields.c client/api/fields.h \
	client/api/fields_json.c client/api/fields_json.h client/api/intake.c \
	client/api/intake.h client/api/jpath.c client/api/jpath.h client/api/profile.c \
	client/api/profile.h client/api/profile_int.h client/api/profile_op.c \
	client/api/tmpl.c client/api/tmpl.h

# API profiles shipped for the sandbox's dialects (format: client/api/profiles/README.md).
profilesdir = $(pkgdatadir)/profiles
dist_profiles_DATA = client/api/profiles/sandbox-reference.json \
	client/api/profiles/sandbox-portal.json client/api/profiles/opencps.json
EXTRA_DIST += client/api/profiles/README.md
EXTRA_DIST += client/api/README.md client/api/local.mk
