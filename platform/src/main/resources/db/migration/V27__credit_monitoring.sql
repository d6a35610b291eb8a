-- 信用重点监管: a daily monitoring task over the shops of subjects on a credit list (key-supervision measure)
ALTER TABLE monitoring_task DROP CONSTRAINT monitoring_task_kind_check;
ALTER TABLE monitoring_task ADD CONSTRAINT monitoring_task_kind_check
    CHECK (kind IN ('DAILY', 'SPECIAL', 'KEY', 'CREDIT'));
