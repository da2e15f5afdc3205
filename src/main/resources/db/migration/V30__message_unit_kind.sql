-- A unit is (USCC, unit kind): one firm may be a production unit and a use unit at once, with a personnel filing
-- for each (issue 13). unit_kind is the kind of the unit a message is about: unit.unitKind of a personnel filing,
-- the resolved kind of a safety record; null for other types and for safety records whose kind was unknown.
-- V31 (UnitKindBackfill, Java) fills it in for the personnel filings stored before this column existed.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE message ADD COLUMN unit_kind VARCHAR(16);

CREATE INDEX ix_message_unit_kind ON message (unit_uscc, type, unit_kind, received_at);
