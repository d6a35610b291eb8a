package cn.wangjian.platform.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Fetches one page for evidence or the crawler: the {@link AddressPolicy} on every hop, redirects followed by hand
 * up to a bound (loops detected), time limits, a size cap, and the text extracted with the right charset (a GBK
 * page labelled UTF-8 is decoded as GB18030 and the mislabel noted). Scripts are never run: jsoup only parses.
 */
public final class PageFetcher {

    /** The limits of one fetch. */
    public record Limits(Duration connectTimeout, Duration timeout, int maxBytes, int maxRedirects) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 10 << 20, 5);
    }

    /** What a fetch ended with. */
    public sealed interface Outcome permits Page, Refused, Failed {
    }

    /** A fetched page: the final address, status, headers, bytes, and the text (null for binary content). */
    public record Page(URI requested, URI finalUrl, int status, Map<String, List<String>> headers, String contentType,
                       byte[] body, String html, String text, String note) implements Outcome {
    }

    /** Not fetched because the policy forbids the address. */
    public record Refused(URI url, String reason) implements Outcome {
    }

    /** Fetched but unusable, or the fetch failed. */
    public record Failed(URI url, String reason) implements Outcome {
    }

    static final String USER_AGENT = "wangjian-monitor/0.1 (market supervision; +https://www.samr.gov.cn)";
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9_\\-]+)");

    private final HttpClient client;
    private final Limits limits;

    public PageFetcher(Limits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout()).build();
    }

    public Outcome fetch(URI url, AddressPolicy policy) {
        Set<URI> seen = new HashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            String refusal = policy.refusal(current);
            if (refusal != null) {
                return new Refused(current, hop == 0 ? refusal : "重定向到 " + current + " 被拒绝：" + refusal);
            }
            if (!seen.add(current)) {
                return new Failed(url, "重定向循环 (redirect loop) 于 " + current);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(HttpRequest.newBuilder(current).timeout(limits.timeout())
                        .header("User-Agent", USER_AGENT).header("Accept", "text/html,*/*;q=0.8").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpTimeoutException e) {
                return new Failed(current, "超时 (timed out) " + limits.timeout().toSeconds() + " 秒");
            } catch (IOException e) {
                return new Failed(current, "连接失败 (connection failed): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(current, "已中断 (interrupted)");
            } catch (IllegalArgumentException e) {
                return new Failed(current, "地址无效 (invalid address): " + e.getMessage());
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                try (InputStream ignored = response.body()) {
                    // the redirect's own body is not evidence
                } catch (IOException ignored) {
                    // closing only
                }
                if (hop >= limits.maxRedirects()) {
                    return new Failed(url, "重定向超过 " + limits.maxRedirects() + " 次 (too many redirects)");
                }
                try {
                    current = current.resolve(response.headers().firstValue("Location").get().strip());
                } catch (IllegalArgumentException e) {
                    return new Failed(current, "重定向地址无效 (bad redirect): " + e.getMessage());
                }
                continue;
            }
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(limits.maxBytes() + 1);
            } catch (IOException e) {
                return new Failed(current, "读取失败 (read failed): " + e.getMessage());
            }
            if (body.length > limits.maxBytes()) {
                return new Failed(current, "页面超过 " + (limits.maxBytes() >> 20) + " MB 上限 (page too large)");
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return page(url, current, status, headers, contentType, body);
        }
    }

    static Page page(URI requested, URI finalUrl, int status, Map<String, List<String>> headers, String contentType,
                     byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean html = type.contains("html") || type.contains("xml") || (type.isEmpty() && looksLikeHtml(body));
        boolean text = html || type.startsWith("text/") || type.contains("json");
        if (!text || hasNul(body)) {
            return new Page(requested, finalUrl, status, headers, contentType, body, null, null,
                    "二进制内容，未提取文本 (binary content)");
        }
        String declared = charsetOf(HEADER_CHARSET, type);
        if (declared == null && html) {
            declared = charsetOf(META_CHARSET, new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1));
        }
        Charset cs;
        String note = null;
        try {
            cs = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            cs = StandardCharsets.UTF_8;
            note = "声明的字符集 " + declared + " 不受支持，按 UTF-8 解码 (unsupported charset)";
        }
        String decoded;
        try {
            decoded = cn.wangjian.engine.registry.TextEncoding.decode(body, cs);
        } catch (CharacterCodingException e) {
            Charset gb = cn.wangjian.engine.registry.TextEncoding.GB18030;
            try {
                decoded = cn.wangjian.engine.registry.TextEncoding.decode(body, gb);
                note = "声明为 " + cs.name() + " 但内容是 GB18030/GBK，已按 GB18030 解码 (mislabelled charset)";
            } catch (CharacterCodingException e2) {
                decoded = new String(body, cs);
                note = "内容不是有效的 " + cs.name() + "，无法识别的字节已替换 (undecodable bytes replaced)";
            }
        }
        String extracted = html ? Jsoup.parse(decoded, finalUrl.toString()).text() : decoded;
        return new Page(requested, finalUrl, status, headers, contentType, body, html ? decoded : null, extracted, note);
    }

    private static String charsetOf(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html");
    }

    private static boolean hasNul(byte[] body) {
        for (int i = 0, n = Math.min(body.length, 8192); i < n; i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
