package cn.wangjian.platform.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a captured page with headless Debian Chromium into a PNG. It renders the stored HTML, not the live
 * address, so the picture shows the evidence that was hashed; a Content-Security-Policy put ahead of the page
 * forbids scripts and loads, and every network request goes to a dead proxy, so hostile pages neither run nor reach
 * internal addresses. (Chromium's own switch to disable scripts also breaks its headless screenshots.)
 */
final class Screenshots {

    /** The picture, or why there is none. */
    record Shot(byte[] png, String note) {
    }

    private static final long TIMEOUT_SECONDS = 45;

    static Shot render(String html) {
        Path chromium = chromium();
        if (chromium == null) {
            return new Shot(null, "未截图：本机未安装 chromium (no screenshot: chromium not installed)");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wangjian-shot-");
            Path page = dir.resolve("page.html");
            // a Content-Security-Policy ahead of the page: no script runs, nothing is loaded from anywhere
            Files.writeString(page, "<meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\""
                    + "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">" + html,
                    StandardCharsets.UTF_8);
            Path png = dir.resolve("shot.png");
            List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--no-first-run", "--hide-scrollbars", "--mute-audio",
                    "--proxy-server=http://127.0.0.1:9",
                    "--proxy-bypass-list=<-loopback>", "--user-data-dir=" + dir.resolve("profile"),
                    "--window-size=1280,1600", "--screenshot=" + png, page.toUri().toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("chromium.log").toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Shot(null, "未截图：chromium 超过 " + TIMEOUT_SECONDS + " 秒 (screenshot timed out)");
            }
            if (!Files.exists(png) || Files.size(png) == 0) {
                return new Shot(null, "未截图：chromium 退出码 " + p.exitValue() + " (screenshot failed)");
            }
            return new Shot(Files.readAllBytes(png), null);
        } catch (IOException e) {
            return new Shot(null, "未截图 (screenshot failed): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Shot(null, "未截图：已中断 (interrupted)");
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private static Path chromium() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
