-- Platforms report ad copy and shop pages (shop terms, notices) as well as product listings; all are scanned alike.
ALTER TABLE listing ADD COLUMN kind TEXT NOT NULL DEFAULT 'LISTING' CHECK (kind IN ('LISTING', 'AD', 'SHOP_PAGE'));
