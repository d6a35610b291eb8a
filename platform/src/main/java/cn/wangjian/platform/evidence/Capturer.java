package cn.wangjian.platform.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An officer's capture of a page as evidence (电子证据固定): fetched under the address policy, stored with its
 * headers, text and screenshot, chained. Every attempt is recorded with its outcome and reason.
 */
@Service
public class Capturer {

    /** The capture, or why there is none. */
    public record Result(Capture capture, String outcome, String reason) {
        public boolean captured() {
            return capture != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Evidence evidence;
    private final JdbcClient jdbc;
    private final AddressPolicy policy;
    private final PageFetcher fetcher = new PageFetcher(PageFetcher.Limits.DEFAULT);

    private final java.time.Clock clock;

    Capturer(Evidence evidence, JdbcClient jdbc,
             @Value("${wangjian.capture.allowed-hosts:}") Set<String> allowedHosts, java.time.Clock clock) {
        this.clock = clock;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.policy = new AddressPolicy(allowedHosts);
    }

    /** The policy with the administrator's allowed hosts and any more allowed for this capture. */
    public Result capture(String address, String actor, String agency, String region, Set<String> alsoAllowed) {
        Instant at = clock.instant();
        URI uri;
        try {
            uri = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            return attempt(address, actor, at, "REFUSED", "地址格式错误 (malformed address): " + e.getMessage(), null);
        }
        PageFetcher.Outcome outcome = fetcher.fetch(uri, policy.allowing(alsoAllowed));
        if (outcome instanceof PageFetcher.Refused r) {
            return attempt(address, actor, at, "REFUSED", r.reason(), null);
        }
        if (outcome instanceof PageFetcher.Failed f) {
            return attempt(address, actor, at, "FAILED", f.reason(), null);
        }
        PageFetcher.Page p = (PageFetcher.Page) outcome;
        Screenshots.Shot shot = p.html() == null ? new Screenshots.Shot(null, null) : Screenshots.render(p.html());
        String note = join(p.note(), shot.note(), p.finalUrl().equals(p.requested()) ? null : "重定向至 " + p.finalUrl());
        Capture c = evidence.record(new Evidence.NewCapture(Capture.Kind.WEB_PAGE, p.finalUrl().toString(), at,
                p.status(), headersJson(p), p.contentType(), p.body(), p.text(), shot.png(), note, actor, agency,
                region));
        return attempt(address, actor, at, "CAPTURED", note, c);
    }

    /** A crawled page, fixed as evidence, with its extracted text (null for binary content). */
    public interface CrawledPage {
        void accept(Capture capture, String text);
    }

    /**
     * Crawls from the seeds (same hosts only, robots.txt, per-host rate and concurrency of the settings) and fixes
     * every page as evidence (without a screenshot: a crawl is for finding, an officer's capture for showing);
     * every refused or failed address is recorded with its reason.
     */
    public Crawler.Result crawl(List<URI> seeds, Crawler.Settings settings, String actor, String agency, String region,
                                CrawledPage handler) {
        Crawler crawler = new Crawler(fetcher, policy, settings);
        return crawler.crawl(seeds, new Crawler.Sink() {
            @Override
            public void page(PageFetcher.Page p, int depth) {
                Capture c = evidence.record(new Evidence.NewCapture(Capture.Kind.WEB_PAGE, p.finalUrl().toString(),
                        clock.instant(), p.status(), headersJson(p), p.contentType(), p.body(), p.text(), null,
                        join(p.note(), "监测抓取，深度 " + depth), actor, agency, region));
                attempt(p.requested().toString(), actor, c.fetchedAt(), "CAPTURED", null, c);
                handler.accept(c, p.text());
            }

            @Override
            public void problem(URI url, String outcome, String reason) {
                attempt(url.toString(), actor, clock.instant(), outcome, reason, null);
            }
        });
    }

    private Result attempt(String url, String actor, Instant at, String outcome, String reason, Capture capture) {
        jdbc.sql("""
                INSERT INTO capture_attempt (url, attempted_at, attempted_by, outcome, reason, capture_seq)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(url.length() > 4000 ? url.substring(0, 4000) : url, Timestamp.from(at), actor, outcome, reason,
                        capture == null ? null : capture.seq()).update();
        return new Result(capture, outcome, reason);
    }

    private static String headersJson(PageFetcher.Page p) {
        try {
            return JSON.writeValueAsString(p.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String... notes) {
        StringBuilder b = new StringBuilder();
        for (String n : notes) {
            if (n != null) {
                b.append(b.isEmpty() ? "" : "；").append(n);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }
}
