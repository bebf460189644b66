-- motcua-sandbox database, schema version 1. One SQLite file (WAL) holds the
-- whole province system the sandbox plays: catalog, registers, users,
-- dossiers, and what the API needs to behave like a real one (sessions,
-- idempotency keys, change cursor, audit). Times are Unix seconds (UTC);
-- the civil time zone is always Asia/Ho_Chi_Minh (UTC+7, client/calendar.h).
-- Status and channel codes are the national portal's (client/model.h).

PRAGMA user_version = 1;

CREATE TABLE meta (                 -- seed, clock, change counter, ...
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Administrative units after 1 July 2025: 34 provinces, their communes.
CREATE TABLE units (
	code   TEXT PRIMARY KEY,        -- province 2 digits, commune 5 digits
	name   TEXT NOT NULL,           -- "Thành phố Hà Nội", "Phường Hoàn Kiếm"
	level  TEXT NOT NULL CHECK (level IN ('province', 'commune')),
	parent TEXT REFERENCES units(code)
);

-- The service centres of the sandbox (two communes).
CREATE TABLE agencies (
	id        TEXT PRIMARY KEY,     -- electronic agency id, e.g. 000.00.01.H22
	name      TEXT NOT NULL,
	unit_code TEXT NOT NULL REFERENCES units(code),
	code_prefix TEXT NOT NULL       -- dossier codes: <prefix>-YYMMDD-NNNN
);

CREATE TABLE users (
	id        INTEGER PRIMARY KEY,
	login     TEXT NOT NULL UNIQUE,
	full_name TEXT NOT NULL,
	role      TEXT NOT NULL CHECK (role IN ('reception', 'specialist', 'leader', 'records')),
	agency_id TEXT NOT NULL REFERENCES agencies(id),
	salt      TEXT NOT NULL,        -- hex
	pw_hash   TEXT NOT NULL,        -- hex SHA-256(salt || password), iterated
	api_key   TEXT NOT NULL UNIQUE  -- for the portal dialect
);

CREATE TABLE sessions (
	token      TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);

-- The procedure catalog (thủ tục hành chính) handled at commune level.
CREATE TABLE procedures (
	code          TEXT PRIMARY KEY, -- national code, e.g. 1.001193
	name          TEXT NOT NULL,
	field         TEXT NOT NULL,    -- lĩnh vực: "Hộ tịch", "Chứng thực", ...
	level         TEXT NOT NULL,    -- cấp thực hiện: "commune"
	minutes       INTEGER NOT NULL, -- processing time in working minutes (8 h a day); 0 = same day
	days_text     TEXT NOT NULL,    -- as the legal text says it: "03 ngày làm việc"
	cutoff_minute INTEGER,          -- 900 for a 15:00 cut-off, NULL for none
	fee           INTEGER NOT NULL, -- VND; 0 when free
	fee_note      TEXT,
	result        TEXT NOT NULL,    -- what the citizen receives
	joint         INTEGER NOT NULL DEFAULT 0  -- 1: a joint (liên thông) procedure
);

CREATE TABLE procedure_parts (      -- the procedures a joint one bundles
	procedure_code TEXT NOT NULL REFERENCES procedures(code),
	part_code      TEXT NOT NULL REFERENCES procedures(code),
	PRIMARY KEY (procedure_code, part_code)
);

CREATE TABLE procedure_components ( -- thành phần hồ sơ
	procedure_code TEXT NOT NULL REFERENCES procedures(code),
	seq            INTEGER NOT NULL,
	name           TEXT NOT NULL,
	copies         INTEGER NOT NULL DEFAULT 1,
	required       INTEGER NOT NULL DEFAULT 1,
	national_source TEXT,           -- 'population', 'enterprise', 'civil_status', ...
	                                -- when national data replaces the paper; else NULL
	PRIMARY KEY (procedure_code, seq)
);

CREATE TABLE procedure_fields (     -- the intake form
	procedure_code TEXT NOT NULL REFERENCES procedures(code),
	seq        INTEGER NOT NULL,
	key        TEXT NOT NULL,       -- stable: applicant.id_number, child.full_name, ...
	label      TEXT NOT NULL,       -- Vietnamese label
	type       TEXT NOT NULL CHECK (type IN ('text', 'id_number', 'tax_code', 'date',
	                                 'phone', 'email', 'number', 'select', 'address')),
	required   INTEGER NOT NULL DEFAULT 0,
	pattern    TEXT,                -- PCRE2, anchored by the client
	options    TEXT,                -- JSON array for 'select'
	lookup     TEXT CHECK (lookup IN ('citizen', 'enterprise')),
	                                -- this field triggers a lookup ...
	fill_from  TEXT,                -- ... or is filled from one: 'citizen:<key>' or
	                                -- 'enterprise:<key>', key as in the lookup reply;
	                                -- the lookup keyed by the nearest preceding
	                                -- field with that lookup kind and the same
	                                -- key prefix (applicant., child., ...)
	PRIMARY KEY (procedure_code, seq)
);

-- National registers (synthetic).
CREATE TABLE citizens (
	id_number        TEXT PRIMARY KEY,  -- 12 digits, real structure (client/ident.h)
	full_name        TEXT NOT NULL,
	other_name       TEXT,
	birth_date       TEXT NOT NULL,     -- YYYY-MM-DD
	sex              TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	birth_place      TEXT NOT NULL,
	birth_registration_place TEXT NOT NULL,
	home_town        TEXT NOT NULL,
	ethnicity        TEXT NOT NULL,
	religion         TEXT NOT NULL,
	nationality      TEXT NOT NULL,
	permanent_address TEXT NOT NULL,    -- under the 2025 units
	permanent_unit   TEXT REFERENCES units(code),
	temporary_address TEXT,
	current_address  TEXT NOT NULL,
	marital_status   TEXT NOT NULL,
	household_head_id TEXT,
	relation_to_head TEXT,
	father_name      TEXT,
	mother_name      TEXT,
	spouse_name      TEXT,
	phone            TEXT,
	email            TEXT
);

CREATE TABLE enterprises (
	tax_code        TEXT PRIMARY KEY,   -- 10 digits with check digit, or NNNNNNNNNN-NNN
	name            TEXT NOT NULL,
	short_name      TEXT,
	kind            TEXT NOT NULL,      -- "Công ty TNHH", "Hộ kinh doanh", ...
	address         TEXT NOT NULL,
	unit_code       TEXT REFERENCES units(code),
	representative  TEXT NOT NULL,
	representative_id TEXT,
	established     TEXT NOT NULL,      -- YYYY-MM-DD
	status          TEXT NOT NULL,      -- "active", "suspended", "dissolved"
	business_line   TEXT NOT NULL,
	capital         INTEGER,            -- VND
	phone           TEXT
);

-- Dossiers (hồ sơ).
CREATE TABLE dossiers (
	code            TEXT PRIMARY KEY,   -- <agency prefix>-YYMMDD-NNNN
	procedure_code  TEXT NOT NULL REFERENCES procedures(code),
	agency_id       TEXT NOT NULL REFERENCES agencies(id),
	applicant_name  TEXT NOT NULL,
	applicant_id    TEXT,               -- personal ID number or tax code
	applicant_phone TEXT,
	applicant_email TEXT,
	applicant_address TEXT,
	proxy_name      TEXT,               -- người được ủy quyền
	proxy_id        TEXT,
	channel         INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 3),
	status          INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
	step            TEXT NOT NULL,      -- reception, assignment, processing, signing, issue, return, done
	assignee_id     INTEGER REFERENCES users(id),
	fee             INTEGER NOT NULL DEFAULT 0,
	copies          INTEGER NOT NULL DEFAULT 1,  -- number of sets
	submitted_at    INTEGER NOT NULL,   -- filed (online) or handed in (desk)
	received_at     INTEGER,            -- accepted as complete; NULL while status 1
	due_at          INTEGER,            -- current appointment; NULL while status 1
	finished_at     INTEGER,            -- result ready at the desk (judges early/on time/late)
	returned_at     INTEGER,
	apology_used    INTEGER NOT NULL DEFAULT 0,
	form            TEXT NOT NULL DEFAULT '{}',  -- JSON object of form field values
	version         INTEGER NOT NULL DEFAULT 1,  -- bumped by every change (ETag, If-Match)
	change_seq      INTEGER NOT NULL,   -- value of meta 'change_seq' at the last change
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL
);
CREATE INDEX dossiers_change ON dossiers(change_seq);
CREATE INDEX dossiers_status_due ON dossiers(status, due_at);
CREATE INDEX dossiers_agency ON dossiers(agency_id, status);

CREATE TABLE dossier_components (
	dossier_code  TEXT NOT NULL REFERENCES dossiers(code),
	seq           INTEGER NOT NULL,
	name          TEXT NOT NULL,
	copies        INTEGER NOT NULL DEFAULT 1,
	from_national INTEGER NOT NULL DEFAULT 0,  -- satisfied by national data, no paper
	provided      INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (dossier_code, seq)
);

CREATE TABLE due_history (          -- every move of the appointment
	dossier_code TEXT NOT NULL REFERENCES dossiers(code),
	seq          INTEGER NOT NULL,
	old_due      INTEGER,
	new_due      INTEGER NOT NULL,
	reason       TEXT NOT NULL CHECK (reason IN ('supplement', 'apology')),
	at           INTEGER NOT NULL,
	PRIMARY KEY (dossier_code, seq)
);

CREATE TABLE dossier_log (          -- processing log / hand-over record
	dossier_code TEXT NOT NULL REFERENCES dossiers(code),
	seq          INTEGER NOT NULL,
	at           INTEGER NOT NULL,
	user_id      INTEGER REFERENCES users(id),  -- NULL: the applicant / online system
	role         TEXT,
	action       TEXT NOT NULL,         -- client/model.h action names, or 'submit'
	from_status  INTEGER,
	to_status    INTEGER NOT NULL,
	note         TEXT,
	PRIMARY KEY (dossier_code, seq)
);

CREATE TABLE idempotency (          -- replays of keyed requests
	key          TEXT NOT NULL,
	user_id      INTEGER NOT NULL,
	request_hash TEXT NOT NULL,         -- same key, other body: 422
	status       INTEGER NOT NULL,      -- HTTP status of the first reply
	response     TEXT NOT NULL,
	created_at   INTEGER NOT NULL,
	PRIMARY KEY (user_id, key)
);

CREATE TABLE audit (                -- every national-data lookup
	id           INTEGER PRIMARY KEY,
	at           INTEGER NOT NULL,
	user_id      INTEGER NOT NULL REFERENCES users(id),
	kind         TEXT NOT NULL CHECK (kind IN ('citizen', 'enterprise')),
	subject      TEXT NOT NULL,         -- the ID number or tax code asked for
	dossier_code TEXT,                  -- the dossier it was for, when given
	purpose      TEXT,
	found        INTEGER NOT NULL
);
