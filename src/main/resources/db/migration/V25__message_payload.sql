-- Payloads move out of the message row into a table of their own: a message's row is rewritten at every state
-- change (three or more per delivery), its payload never is. With the payload inline each rewrite copied it
-- (PostgreSQL writes the whole new row version to its WAL; H2 rewrites every page the row shares, and a page holds
-- two or three filings' payloads). The payload is written once, read by delivery, the upload and compliance.

CREATE TABLE message_payload (
    message_id  VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES message (id),
    payload     BYTEA        NOT NULL
);

INSERT INTO message_payload (message_id, payload) SELECT id, payload FROM message;

ALTER TABLE message DROP COLUMN payload;
