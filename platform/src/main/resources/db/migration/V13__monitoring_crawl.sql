-- Monitoring tasks may crawl public pages from seed addresses; their findings are on pages.
ALTER TABLE monitoring_task ADD COLUMN seeds TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE monitoring_task ADD COLUMN crawl_rate REAL NOT NULL DEFAULT 2 CHECK (crawl_rate > 0 AND crawl_rate <= 10000);
ALTER TABLE monitoring_task ADD COLUMN crawl_max_pages INT NOT NULL DEFAULT 1000 CHECK (crawl_max_pages BETWEEN 1 AND 1000000);
ALTER TABLE monitoring_run ADD COLUMN pages_crawled BIGINT NOT NULL DEFAULT 0;
ALTER TABLE monitoring_run ADD COLUMN crawl_problems BIGINT NOT NULL DEFAULT 0;
ALTER TABLE finding DROP CONSTRAINT finding_source_check;
ALTER TABLE finding ADD CONSTRAINT finding_source_check CHECK (source IN ('LISTING', 'SHOP', 'WEBSITE', 'LICENCE', 'PAGE'));
