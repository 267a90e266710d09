-- The remote-access families of the sessions open during each hour (comma-separated set), so that sessions
-- through a tool the allowlist approves do not count as remote-session hours. The allowlist lives in the
-- policy and can change, so it is applied when signals are computed, not here. Hours stored before this
-- column have '' and keep counting as they did.
ALTER TABLE detect_hours ADD COLUMN session_families TEXT NOT NULL DEFAULT '';
