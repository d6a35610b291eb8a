-- Lookups by shop id across platforms (a complaint names the shop id, not always the platform).
CREATE INDEX shop_id_idx ON shop (shop_id);
