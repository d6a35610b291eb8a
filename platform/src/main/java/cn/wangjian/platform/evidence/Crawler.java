package cn.wangjian.platform.evidence;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A polite crawler of public pages: stays on the seeds' hosts, honours robots.txt (fetched once per host), keeps to
 * a per-host request rate (or the site's Crawl-delay when slower) and a per-host concurrency, fetches every address
 * once (fragments dropped), and bounds pages and depth. Each fetch goes through the {@link PageFetcher} and its
 * {@link AddressPolicy}; every page and every problem is handed to the caller, nothing is dropped silently.
 */
public final class Crawler {

    /** How far and how fast. */
    public record Settings(int maxPages, int maxDepth, double perHostRate, int perHostConcurrency, int threads) {
        public Settings {
            if (maxPages < 1 || maxDepth < 0 || perHostRate <= 0 || perHostConcurrency < 1 || threads < 1) {
                throw new IllegalArgumentException("crawl settings out of range");
            }
        }
    }

    /** Where the crawl's pages and problems go. */
    public interface Sink {
        void page(PageFetcher.Page page, int depth);

        void problem(URI url, String outcome, String reason);
    }

    /** What a crawl did. */
    public record Result(int fetched, int refused, int failed, int disallowedByRobots, int notFollowed) {
    }

    private final PageFetcher fetcher;
    private final AddressPolicy policy;
    private final Settings settings;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public Crawler(PageFetcher fetcher, AddressPolicy policy, Settings settings) {
        this.fetcher = fetcher;
        this.policy = policy;
        this.settings = settings;
    }

    /** A host's robots rules, its rate gate and its concurrency. */
    private static final class Host {
        final RobotsTxt robots;
        final long intervalNanos;
        final Semaphore slots;
        long nextAt;

        Host(RobotsTxt robots, long intervalNanos, int concurrency) {
            this.robots = robots;
            this.intervalNanos = intervalNanos;
            this.slots = new Semaphore(concurrency, true);
        }

        /** Waits until this host may be asked again. */
        void pace() throws InterruptedException {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long at = Math.max(now, nextAt);
                nextAt = at + intervalNanos;
                wait = at - now;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    public Result crawl(List<URI> seeds, Sink sink) {
        Set<String> scopeHosts = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger budget = new AtomicInteger(settings.maxPages());
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger robotsDenied = new AtomicInteger();
        AtomicInteger notFollowed = new AtomicInteger();
        AtomicLong pending = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "crawler");
            t.setDaemon(true);
            return t;
        });
        Object done = new Object();
        try {
            class Visit implements Runnable {
                final URI url;
                final int depth;

                Visit(URI url, int depth) {
                    this.url = url;
                    this.depth = depth;
                }

                @Override
                public void run() {
                    try {
                        visit(url, depth);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        sink.problem(url, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        if (pending.decrementAndGet() == 0) {
                            synchronized (done) {
                                done.notifyAll();
                            }
                        }
                    }
                }

                void submit(URI next, int nextDepth) {
                    String key = normalise(next);
                    if (key == null) {
                        notFollowed.incrementAndGet();
                        return;
                    }
                    URI u = URI.create(key);
                    if (!scopeHosts.contains(hostKey(u)) || nextDepth > settings.maxDepth()) {
                        notFollowed.incrementAndGet();
                        return;
                    }
                    if (!seen.add(key)) {
                        return;
                    }
                    if (budget.decrementAndGet() < 0) {
                        notFollowed.incrementAndGet();
                        return;
                    }
                    pending.incrementAndGet();
                    pool.execute(new Visit(u, nextDepth));
                }

                private void visit(URI u, int d) throws InterruptedException {
                    String refusal = policy.refusal(u);
                    if (refusal != null) {
                        refused.incrementAndGet();
                        sink.problem(u, "REFUSED", refusal);
                        return;
                    }
                    Host host = host(u);
                    String pathAndQuery = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                    if (!host.robots.allows(pathAndQuery)) {
                        robotsDenied.incrementAndGet();
                        sink.problem(u, "REFUSED", "robots.txt 不允许抓取 (disallowed by robots.txt)");
                        return;
                    }
                    host.slots.acquire();
                    PageFetcher.Outcome outcome;
                    try {
                        host.pace();
                        outcome = fetcher.fetch(u, policy);
                    } finally {
                        host.slots.release();
                    }
                    if (outcome instanceof PageFetcher.Refused r) {
                        refused.incrementAndGet();
                        sink.problem(u, "REFUSED", r.reason());
                        return;
                    }
                    if (outcome instanceof PageFetcher.Failed f) {
                        failed.incrementAndGet();
                        sink.problem(u, "FAILED", f.reason());
                        return;
                    }
                    PageFetcher.Page page = (PageFetcher.Page) outcome;
                    fetched.incrementAndGet();
                    sink.page(page, d);
                    if (page.html() != null && d < settings.maxDepth()) {
                        Document doc = Jsoup.parse(page.html(), page.finalUrl().toString());
                        for (Element a : doc.select("a[href]")) {
                            String href = a.absUrl("href");
                            if (!href.isEmpty()) {
                                try {
                                    submit(URI.create(href), d + 1);
                                } catch (IllegalArgumentException e) {
                                    notFollowed.incrementAndGet();
                                }
                            }
                        }
                    }
                }
            }
            Visit root = new Visit(null, 0);
            for (URI seed : seeds) {
                String key = normalise(seed);
                if (key != null) {
                    scopeHosts.add(hostKey(URI.create(key)));
                }
            }
            pending.incrementAndGet();          // held while the seeds are submitted
            for (URI seed : seeds) {
                root.submit(seed, 0);
            }
            if (pending.decrementAndGet() > 0) {
                synchronized (done) {
                    while (pending.get() > 0) {
                        done.wait(1000);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return new Result(fetched.get(), refused.get(), failed.get(), robotsDenied.get(), notFollowed.get());
    }

    private Host host(URI u) {
        return hosts.computeIfAbsent(hostKey(u), k -> {
            RobotsTxt robots = RobotsTxt.ALLOW_ALL;
            URI robotsUrl = u.resolve("/robots.txt");
            if (policy.refusal(robotsUrl) == null) {
                PageFetcher.Outcome o = fetcher.fetch(robotsUrl, policy);
                if (o instanceof PageFetcher.Page p && p.status() == 200) {
                    robots = RobotsTxt.parse(new String(p.body(), StandardCharsets.UTF_8), PageFetcher.USER_AGENT);
                }
            }
            double rate = settings.perHostRate();
            if (robots.crawlDelaySeconds() > 0) {
                rate = Math.min(rate, 1 / robots.crawlDelaySeconds());
            }
            return new Host(robots, (long) (1_000_000_000L / rate), settings.perHostConcurrency());
        });
    }

    private static String hostKey(URI u) {
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + u.getPort();
    }

    /** The address without its fragment, or null when it is not an http(s) address with a host. */
    static String normalise(URI u) {
        if (u == null || u.getScheme() == null || u.getHost() == null) {
            return null;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        try {
            return new URI(scheme, u.getRawAuthority() == null ? null : u.getRawAuthority().toLowerCase(Locale.ROOT),
                    null, null, null).toString() + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static List<URI> parseSeeds(String text) {
        List<URI> out = new ArrayList<>();
        for (String s : text.split("[\\s,，]+")) {
            if (!s.isBlank()) {
                out.add(URI.create(s.strip()));
            }
        }
        return out;
    }
}
