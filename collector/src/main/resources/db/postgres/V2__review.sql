-- Telltale collector schema v2 (PostgreSQL): console and API users, API tokens, console sessions, roster
-- groups, and an append-only audit log. The SQLite twin is db/sqlite/V2__review.sql.

CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  role          TEXT NOT NULL,               -- viewer | analyst | admin
  password_hash TEXT NOT NULL,               -- PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash"
  created_at    BIGINT NOT NULL,
  disabled_at   BIGINT,                      -- NULL = active
  failed_logins INTEGER NOT NULL DEFAULT 0,  -- consecutive failures since the last success
  locked_until  BIGINT                       -- NULL = not locked
);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,             -- public id, shown in lists and used to revoke
  token_hash   TEXT NOT NULL UNIQUE,         -- hex SHA-256 of the secret; the secret is never stored
  name         TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  role         TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT,                       -- NULL = no expiry
  revoked_at   BIGINT,
  last_used_at BIGINT
);

CREATE TABLE console_sessions (
  id_hash     TEXT PRIMARY KEY,              -- hex SHA-256 of the cookie value
  username    TEXT NOT NULL,
  csrf_token  TEXT NOT NULL,                 -- synchronizer token for state-changing requests
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (username);

ALTER TABLE employees ADD COLUMN groups_list TEXT NOT NULL DEFAULT '';  -- ';'-separated roster groups

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
