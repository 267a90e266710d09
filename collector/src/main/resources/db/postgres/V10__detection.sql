-- Detection state (postgres). Times are ms since the epoch (UTC) on the collector clock (device observations
-- corrected by the measured clock offset). Every write is an idempotent merge (min/max of times, bitwise
-- OR of minute masks), so the state does not depend on report order or on a report processed twice.
-- Twin: db/sqlite/V10__detection.sql; keep the two in step.

-- What each report showed: one row per (device, signal, item), first and last seen.
CREATE TABLE detect_evidence (
  device_id   TEXT NOT NULL,
  signal      TEXT NOT NULL,                -- "group.field" of the signal model, e.g. kvm.usb_identity
  item_key    TEXT NOT NULL,
  summary     TEXT NOT NULL,                -- one line for the analyst
  detail_json TEXT NOT NULL,                -- JSON object of strings (ids, names, catalogue origin)
  first_seen  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL,
  PRIMARY KEY (device_id, signal, item_key)
);
CREATE INDEX detect_evidence_seen ON detect_evidence (device_id, last_seen);

-- Per device and UTC hour: minute bitmasks of input kinds and state flags (see HourBits).
CREATE TABLE detect_hours (
  device_id     TEXT NOT NULL,
  hour          BIGINT NOT NULL,            -- start of the hour
  local_mask    BIGINT NOT NULL,
  injected_mask BIGINT NOT NULL,
  external_mask BIGINT NOT NULL,
  jiggle_mask   BIGINT NOT NULL,
  flags         INTEGER NOT NULL,
  public_ips    TEXT NOT NULL,              -- comma-separated set
  PRIMARY KEY (device_id, hour)
);

-- First and last observation of each device (observed time, not arrival time: a replay has both equal).
CREATE TABLE detect_devices (
  device_id   TEXT PRIMARY KEY,
  first_seen  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL
);

-- Correlation: keys each device was seen with (index on the key), keys seen at a venue, and links.
CREATE TABLE detect_key_sightings (
  device_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,                -- public_ip | gateway_mac | bssid | edid | kvm_neighbor
  value       TEXT NOT NULL,
  first_seen  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL,
  PRIMARY KEY (device_id, kind, value)
);
CREATE INDEX detect_key_sightings_key ON detect_key_sightings (kind, value, last_seen);

CREATE TABLE detect_venues (
  kind        TEXT NOT NULL,
  value       TEXT NOT NULL,
  first_seen  BIGINT NOT NULL,
  PRIMARY KEY (kind, value)
);

CREATE TABLE detect_links (
  device_a    TEXT NOT NULL,                -- device_a < device_b
  device_b    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  value       TEXT NOT NULL,
  first_seen  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL,
  PRIMARY KEY (device_a, device_b, kind, value)
);
CREATE INDEX detect_links_a ON detect_links (device_a, last_seen);
CREATE INDEX detect_links_b ON detect_links (device_b, last_seen);

-- Verdicts: the latest per device, and every change of outcome.
CREATE TABLE detect_verdicts (
  device_id      TEXT PRIMARY KEY,
  flagged        INTEGER NOT NULL,          -- 0/1
  score          INTEGER NOT NULL,
  cluster_id     TEXT NOT NULL,             -- '' = none
  policy_version TEXT NOT NULL,             -- first 12 hex digits of the policy's SHA-256
  computed_at    BIGINT NOT NULL,
  verdict_json   TEXT NOT NULL              -- findings with their evidence
);
CREATE INDEX detect_verdicts_flagged ON detect_verdicts (flagged, score);

CREATE TABLE detect_verdict_history (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id      TEXT NOT NULL,
  flagged        INTEGER NOT NULL,
  score          INTEGER NOT NULL,
  policy_version TEXT NOT NULL,
  computed_at    BIGINT NOT NULL,
  verdict_json   TEXT NOT NULL
);
CREATE INDEX detect_verdict_history_device ON detect_verdict_history (device_id, computed_at);

-- Roster groups (for remote-tool allowlists per group), ';'-separated.
ALTER TABLE employees ADD COLUMN groups TEXT NOT NULL DEFAULT '';

-- Which policy text a version is (hex SHA-256 of the text), so re-applying the live text is recognised.
ALTER TABLE policy_versions ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
