-- The highest report sequence detection recorded per device: after a restart or a dropped hand-off,
-- detection re-reads the device's stored reports after it (reports are recorded in sequence order).
ALTER TABLE detect_devices ADD COLUMN processed_sequence BIGINT NOT NULL DEFAULT 0;
