-- The slow sections of the device state (system, software, hardware, network, locale: replaced by FULL reports
-- only) move out of device_state into their own row. A heartbeat then updates a narrow device_state row
-- instead of rewriting tens of kilobytes of inventory JSON with it (SQLite rewrites a whole row on UPDATE,
-- overflow pages included). The SQLite twin is db/sqlite/V3__device_sections.sql.
CREATE TABLE device_sections (
  device_id     TEXT PRIMARY KEY,
  system_json   TEXT,
  software_json TEXT,
  hardware_json TEXT,
  network_json  TEXT,
  locale_json   TEXT
);

INSERT INTO device_sections (device_id, system_json, software_json, hardware_json, network_json, locale_json)
  SELECT device_id, system_json, software_json, hardware_json, network_json, locale_json FROM device_state;

ALTER TABLE device_state DROP COLUMN system_json;
ALTER TABLE device_state DROP COLUMN software_json;
ALTER TABLE device_state DROP COLUMN hardware_json;
ALTER TABLE device_state DROP COLUMN network_json;
ALTER TABLE device_state DROP COLUMN locale_json;
