-- provisional deadlines (暂定): counted through a year without calendar data, recomputed when it is stored
ALTER TABLE case_file ADD COLUMN due_provisional BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE assistance_request ADD COLUMN due_provisional BOOLEAN NOT NULL DEFAULT FALSE;
-- the working days asked for, so a provisional deadline can be counted again (null for requests made before)
ALTER TABLE assistance_request ADD COLUMN working_days INT;
