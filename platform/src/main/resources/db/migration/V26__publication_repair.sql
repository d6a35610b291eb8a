-- credit repair also ends a penalty's publication early (公示规定 Art. 14): an application is about a list entry or
-- about a publication
ALTER TABLE credit_repair ALTER COLUMN entry_id DROP NOT NULL;
ALTER TABLE credit_repair ADD COLUMN publication_id BIGINT REFERENCES publication (id);
ALTER TABLE credit_repair ADD CONSTRAINT credit_repair_subject CHECK ((entry_id IS NULL) <> (publication_id IS NULL));
