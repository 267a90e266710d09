-- Telltale collector schema v1 (PostgreSQL). Times are ms since the epoch (UTC), booleans 0/1.
-- The SQLite twin is db/sqlite/V1__core.sql; keep the two in step.

-- Enrollment and identity ------------------------------------------------------------------------------
CREATE TABLE enrollment_tokens (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,         -- hex SHA-256 of the token text; the text is never stored
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  max_uses    INTEGER NOT NULL,
  uses        INTEGER NOT NULL DEFAULT 0,
  revoked_at  BIGINT
);

CREATE TABLE devices (
  id              TEXT PRIMARY KEY,         -- UUID, also the client certificate's subject CN
  enrolled_at     BIGINT NOT NULL,
  hostname        TEXT NOT NULL,
  hardware_serial TEXT NOT NULL,
  os_family       TEXT NOT NULL,
  agent_version   TEXT NOT NULL,
  token_id        TEXT NOT NULL,
  cert_serial     TEXT NOT NULL,            -- current certificate
  cert_expires_at BIGINT NOT NULL,
  revoked_at      BIGINT
);
CREATE INDEX devices_serial ON devices (hardware_serial);
CREATE INDEX devices_hostname ON devices (hostname);

CREATE TABLE certificates (
  serial      TEXT PRIMARY KEY,             -- hex
  device_id   TEXT NOT NULL,
  not_before  BIGINT NOT NULL,
  not_after   BIGINT NOT NULL,
  sha256      TEXT NOT NULL,
  issued_at   BIGINT NOT NULL
);
CREATE INDEX certificates_device ON certificates (device_id);

CREATE TABLE fleet_settings (
  name        TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);

CREATE TABLE agent_config_versions (
  version     BIGINT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

-- Telemetry --------------------------------------------------------------------------------------------
CREATE TABLE reports (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id   TEXT NOT NULL,
  sequence    BIGINT NOT NULL,
  kind        TEXT NOT NULL,                -- FULL | HEARTBEAT
  observed_at BIGINT NOT NULL,              -- device clock
  received_at BIGINT NOT NULL,              -- collector clock; retention goes by this
  public_ip   TEXT NOT NULL,
  payload     TEXT NOT NULL,                -- JSON of the DeviceReport record
  UNIQUE (device_id, sequence)
);
CREATE INDEX reports_received ON reports (received_at);
CREATE INDEX reports_device_received ON reports (device_id, received_at);

CREATE TABLE device_state (
  device_id       TEXT PRIMARY KEY,
  first_seen      BIGINT NOT NULL,
  last_seen       BIGINT NOT NULL,
  last_sequence   BIGINT NOT NULL,
  last_public_ip  TEXT NOT NULL,
  last_full_at    BIGINT,
  agent_version   TEXT NOT NULL,
  clock_offset_ms BIGINT NOT NULL,
  hostname        TEXT NOT NULL,
  hardware_serial TEXT NOT NULL,
  system_json     TEXT,
  software_json   TEXT,
  hardware_json   TEXT,
  network_json    TEXT,
  locale_json     TEXT,
  power_json      TEXT,
  sessions_json   TEXT,
  timing_json     TEXT
);

CREATE TABLE device_inventory (
  device_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  item_key    TEXT NOT NULL,
  first_seen  BIGINT NOT NULL,
  PRIMARY KEY (device_id, kind, item_key)
);
CREATE INDEX device_inventory_item ON device_inventory (kind, item_key);

CREATE TABLE device_changes (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id   TEXT NOT NULL,
  at          BIGINT NOT NULL,              -- observed_at corrected by the clock offset
  kind        TEXT NOT NULL,
  item_key    TEXT NOT NULL,
  appeared    INTEGER NOT NULL,             -- 1 appeared, 0 disappeared
  initial     INTEGER NOT NULL,             -- 1 when part of the first inventory of that kind
  sequence    BIGINT NOT NULL
);
CREATE INDEX device_changes_device ON device_changes (device_id, at);
CREATE INDEX device_changes_item ON device_changes (kind, item_key, at);

CREATE TABLE activity_minutes (
  device_id             TEXT NOT NULL,
  minute                BIGINT NOT NULL,    -- minutes since the epoch, corrected by the clock offset
  local_events          INTEGER NOT NULL,
  injected_events       INTEGER NOT NULL,
  external_events       INTEGER NOT NULL,
  jiggle_period_seconds INTEGER NOT NULL,
  external_source       TEXT NOT NULL,
  received_at           BIGINT NOT NULL,
  PRIMARY KEY (device_id, minute)
);
CREATE INDEX activity_minutes_received ON activity_minutes (received_at);

CREATE TABLE activity_hours (
  device_id       TEXT NOT NULL,
  hour            BIGINT NOT NULL,          -- hours since the epoch
  local_events    BIGINT NOT NULL,
  injected_events BIGINT NOT NULL,
  external_events BIGINT NOT NULL,
  jiggle_minutes  INTEGER NOT NULL,
  active_minutes  INTEGER NOT NULL,
  PRIMARY KEY (device_id, hour)
);

CREATE TABLE network_sightings (
  device_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,                -- SightingKind
  value       TEXT NOT NULL,
  first_seen  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL,
  PRIMARY KEY (device_id, kind, value)
);
CREATE INDEX network_sightings_key ON network_sightings (kind, value, last_seen);

-- Roster -----------------------------------------------------------------------------------------------
CREATE TABLE employees (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT NOT NULL,
  country     TEXT NOT NULL,                -- ISO 3166-1 alpha-2, '' = unknown
  region      TEXT NOT NULL,
  timezone    TEXT NOT NULL,                -- IANA id, '' = unknown
  updated_at  BIGINT NOT NULL
);

CREATE TABLE employee_devices (
  match_kind  TEXT NOT NULL,                -- 'serial' | 'hostname'
  match_value TEXT NOT NULL,
  employee_id TEXT NOT NULL,
  PRIMARY KEY (match_kind, match_value)
);
CREATE INDEX employee_devices_employee ON employee_devices (employee_id);

-- Detection and review ---------------------------------------------------------------------------------
CREATE TABLE policy_versions (
  version     BIGINT PRIMARY KEY,
  name        TEXT NOT NULL,
  source      TEXT NOT NULL,                -- the policy text as uploaded
  created_at  BIGINT NOT NULL,
  created_by  TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE verdicts (
  device_id      TEXT PRIMARY KEY,          -- current verdict per device
  level          TEXT NOT NULL,             -- e.g. CLEAN | SUSPICIOUS | FARM
  score          DOUBLE PRECISION NOT NULL,
  policy_version BIGINT NOT NULL,
  evidence_json  TEXT NOT NULL,
  decided_at     BIGINT NOT NULL
);

CREATE TABLE verdict_history (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id      TEXT NOT NULL,
  level          TEXT NOT NULL,
  score          DOUBLE PRECISION NOT NULL,
  policy_version BIGINT NOT NULL,
  evidence_json  TEXT NOT NULL,
  decided_at     BIGINT NOT NULL
);
CREATE INDEX verdict_history_device ON verdict_history (device_id, decided_at);

CREATE TABLE triage (
  device_id   TEXT PRIMARY KEY,
  state       TEXT NOT NULL,                -- e.g. NEW | INVESTIGATING | CONFIRMED | DISMISSED
  assignee    TEXT NOT NULL DEFAULT '',
  updated_at  BIGINT NOT NULL,
  updated_by  TEXT NOT NULL
);

CREATE TABLE triage_notes (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id   TEXT NOT NULL,
  author      TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);
CREATE INDEX triage_notes_device ON triage_notes (device_id, created_at);

CREATE TABLE detection_cursors (
  name        TEXT PRIMARY KEY,
  position    BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- Append-only from the application: no UPDATE or DELETE is ever issued on it.
CREATE TABLE audit_log (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          BIGINT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  detail_json TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
