-- Fewer index entries written per filing (issue 11). Every index of a table is a B-tree of its own that each
-- commit touching the table rewrites from leaf to root; in H2 that serialisation is a quarter of the delivery path's
-- CPU. ix_message_unit (unit_uscc, type, received_at) is a prefix of ix_message_unit_kind (unit_uscc, type,
-- unit_kind, received_at), which serves every query the shorter one served (a unit's newest personnel filing; a
-- unit has a handful). V181 (DuplicateIndexes, Java) drops two more that duplicate H2's foreign-key indexes.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

DROP INDEX ix_message_unit;
