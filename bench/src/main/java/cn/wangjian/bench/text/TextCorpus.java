package cn.wangjian.bench.text;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's corpus and patterns, deterministic for a seed. Words come from HanLP's synonym dictionary
 * (about 72,000 Chinese words of 2–4 characters), split in two disjoint halves: 50,000 patterns and the
 * vocabulary of the listings. Listings look like shop listings (a bracketed tag, product words, numbers, specs,
 * punctuation, 60–400 characters); one listing in {@code 1/injectEvery} carries a pattern, a third of those
 * written with an evasion (inserted space or symbol, full width, traditional characters). Accidental matches
 * across word boundaries happen as in real text and are counted, not avoided.
 */
public final class TextCorpus {

    public final List<String> listings;
    public final List<String> patterns;
    public final long utf8Bytes;
    public final long chars;

    private TextCorpus(List<String> listings, List<String> patterns) {
        this.listings = listings;
        this.patterns = patterns;
        long bytes = 0;
        long c = 0;
        for (String l : listings) {
            bytes += l.getBytes(StandardCharsets.UTF_8).length;
            c += l.length();
        }
        this.utf8Bytes = bytes;
        this.chars = c;
    }

    public static TextCorpus generate(long seed, long targetBytes, int patternCount, int injectEvery) {
        return generate(seed, targetBytes, patternCount, injectEvery, false);
    }

    /**
     * @param rarePatterns when true the patterns are 3–4 character strings that are not words (so that they
     *                     occur only where injected, as brand names or coined terms do); when false they are
     *                     dictionary words, which also occur inside the listings' own words (about one hit in
     *                     ten characters)
     */
    public static TextCorpus generate(long seed, long targetBytes, int patternCount, int injectEvery,
                                      boolean rarePatterns) {
        return generate(seed, targetBytes, patternCount, injectEvery, rarePatterns, 0);
    }

    /**
     * @param catalogEveryBytes when above 0, a term of the built-in catalog (an ad-law word) is written about once
     *                          every so many UTF-8 bytes as well, the density of real ad text (issue 17)
     */
    public static TextCorpus generate(long seed, long targetBytes, int patternCount, int injectEvery,
                                      boolean rarePatterns, int catalogEveryBytes) {
        List<String> catalogTerms = new ArrayList<>();
        if (catalogEveryBytes > 0) {
            for (var r : cn.wangjian.engine.text.RuleCatalog.builtIn().rules()) {
                if (r.kind() == cn.wangjian.engine.text.RuleKind.TERMS) {
                    r.terms().stream().filter(t -> t.codePoints().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF))
                            .forEach(catalogTerms::add);
                }
            }
        }
        // about 3 bytes a character, about 3 characters a word (with spacing): one term every so many words
        int catalogEveryWords = catalogEveryBytes > 0 ? Math.max(1, catalogEveryBytes / 10) : 0;
        List<String> dictionary = words();
        SplittableRandom random = new SplittableRandom(seed);
        Collections.shuffle(dictionary, new java.util.Random(seed));
        List<String> patterns;
        List<String> vocabulary;
        if (rarePatterns) {
            vocabulary = dictionary;
            java.util.Set<String> known = new java.util.HashSet<>(dictionary);
            String chars = String.join("", dictionary.subList(0, 3000));
            java.util.Set<String> made = new LinkedHashSet<>();
            while (made.size() < patternCount) {
                int len = 3 + random.nextInt(2);
                StringBuilder p = new StringBuilder(len);
                for (int k = 0; k < len; k++) {
                    p.append(chars.charAt(random.nextInt(chars.length())));
                }
                if (!known.contains(p.toString())) {
                    made.add(p.toString());
                }
            }
            patterns = new ArrayList<>(made);
        } else {
            patterns = new ArrayList<>(dictionary.subList(0, Math.min(patternCount, dictionary.size() - 5000)));
            vocabulary = dictionary.subList(patterns.size(), dictionary.size());
        }
        String[] tags = {"【新品】", "【热卖】", "【包邮】", "【限时】", "【清仓】", "【官方】", ""};
        String[] punct = {"，", "。", "！", " ", "、", "；", " | ", "~", "…"};
        String[] units = {"件", "克", "毫升", "厘米", "寸", "瓶", "盒", "包", "只", "双"};
        List<String> listings = new ArrayList<>();
        long bytes = 0;
        while (bytes < targetBytes) {
            StringBuilder sb = new StringBuilder(256);
            sb.append(tags[random.nextInt(tags.length)]);
            int words = 20 + random.nextInt(100);
            int injectAt = random.nextInt(injectEvery) == 0 ? random.nextInt(words) : -1;
            for (int w = 0; w < words; w++) {
                if (w == injectAt) {
                    sb.append(evade(patterns.get(random.nextInt(patterns.size())), random));
                } else if (catalogEveryWords > 0 && random.nextInt(catalogEveryWords) == 0) {
                    sb.append(catalogTerms.get(random.nextInt(catalogTerms.size())));
                } else {
                    sb.append(vocabulary.get(random.nextInt(vocabulary.size())));
                }
                int r = random.nextInt(10);
                if (r == 0) {
                    sb.append(1 + random.nextInt(999)).append(units[random.nextInt(units.length)]);
                } else if (r < 3) {
                    sb.append(punct[random.nextInt(punct.length)]);
                }
            }
            String listing = sb.toString();
            listings.add(listing);
            bytes += listing.getBytes(StandardCharsets.UTF_8).length;
        }
        return new TextCorpus(listings, patterns);
    }

    private static String evade(String pattern, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> String.join(" ", pattern.split(""));
            case 1 -> String.join("*", pattern.split(""));
            case 2 -> HanLP.convertToTraditionalChinese(pattern);
            default -> pattern;
        };
    }

    private static List<String> words() {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        try (var in = HanLP.class.getResourceAsStream("/data/dictionary/synonym/CoreSynonym.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split(" ");
                for (int i = 1; i < parts.length; i++) {
                    String t = parts[i];
                    if (t.length() >= 2 && t.length() <= 4 && t.chars().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                        words.add(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(words);
    }
}
