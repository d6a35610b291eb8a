-- One finding per subject, rule and field (issue 18 item 3, decision 0031): every span the rule matched in that
-- field is kept with the finding, as a JSON array of {start, end, matched, term, kind, severity, explanation}
-- sorted by start. start_offset .. end_offset, matched and term stay the first span's, for readers of one span.
--
-- Rows written before this migration keep spans NULL and are read as the one span of their offsets; they are not
-- merged or deleted (decisions, clues and notices refer to them by id). A rerun over unchanged content recognises
-- them (same owner, source, subject, rule, field and content hash) and adds no grouped duplicate; the partial index
-- below holds only those rows, so the check stays cheap and the index does not grow.
ALTER TABLE finding ADD COLUMN spans JSONB;
ALTER TABLE finding ADD CONSTRAINT finding_spans_array CHECK (spans IS NULL OR jsonb_typeof(spans) = 'array');

CREATE INDEX finding_one_span_rows_idx ON finding (source, subject, rule)
    WHERE spans IS NULL AND start_offset IS NOT NULL;
