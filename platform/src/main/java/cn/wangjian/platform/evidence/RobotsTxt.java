package cn.wangjian.platform.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a robots.txt (RFC 9309) for one user agent: the group naming the agent, else the {@code *} group;
 * the longest matching Allow or Disallow path wins (Allow on a tie); {@code *} and a final {@code $} in paths are
 * honoured; Crawl-delay is kept. A missing or unreadable file allows everything.
 */
public final class RobotsTxt {

    private record Rule(String path, boolean allow) {
    }

    private final List<Rule> rules;
    private final double crawlDelaySeconds;

    private RobotsTxt(List<Rule> rules, double crawlDelaySeconds) {
        this.rules = rules;
        this.crawlDelaySeconds = crawlDelaySeconds;
    }

    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), 0);

    public static RobotsTxt parse(String text, String agent) {
        String me = agent.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        double myDelay = -1;
        double starDelay = -1;
        boolean mineFound = false;
        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    groupAgents.clear();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            boolean forMe = groupAgents.stream().anyMatch(a -> !a.equals("*") && me.contains(a));
            boolean forStar = groupAgents.contains("*");
            if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue;                        // "Disallow:" with nothing allows everything
                }
                Rule r = new Rule(value, key.equals("allow"));
                if (forMe) {
                    mine.add(r);
                    mineFound = true;
                }
                if (forStar) {
                    star.add(r);
                }
            } else if (key.equals("crawl-delay")) {
                inRules = true;
                try {
                    double d = Double.parseDouble(value);
                    if (forMe) {
                        myDelay = d;
                        mineFound = true;
                    }
                    if (forStar) {
                        starDelay = d;
                    }
                } catch (NumberFormatException ignored) {
                    // an unreadable delay is ignored
                }
            }
        }
        return mineFound ? new RobotsTxt(mine, Math.max(0, myDelay)) : new RobotsTxt(star, Math.max(0, starDelay));
    }

    /** Whether a path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        int best = -1;
        boolean allowed = true;
        for (Rule r : rules) {
            if (matches(r.path(), path)) {
                int length = r.path().length();
                if (length > best || (length == best && r.allow())) {
                    best = length;
                    allowed = r.allow();
                }
            }
        }
        return allowed;
    }

    public double crawlDelaySeconds() {
        return crawlDelaySeconds;
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return matchFrom(p, 0, path, 0, anchored);
    }

    private static boolean matchFrom(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (matchFrom(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
