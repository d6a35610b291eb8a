-- Listing checks (issue 17): findings of the engine's ListingChecks (seven-day return, brand dictionary and price,
-- geographical indications) are recorded with their own detector.
ALTER TABLE finding DROP CONSTRAINT finding_detector_check;
ALTER TABLE finding ADD CONSTRAINT finding_detector_check
    CHECK (detector IN ('TEXT', 'PRICE', 'REGISTRY', 'LISTING'));
