-- V10 added employees.groups while V2 (review) added employees.groups_list for the same thing; the roster
-- lives in one place (RosterRepository, groups_list), so the duplicate column goes.
ALTER TABLE employees DROP COLUMN groups;
