package cn.wangjian.bench.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark corpus as the scan command's input, one {@code {"id","text"}} line per listing, for timing
 * the command on one and on two threads.
 * Run: {@code java -cp bench/target/benchmarks.jar cn.wangjian.bench.text.WriteCorpus 200 rare target/corpus.jsonl}
 */
public final class WriteCorpus {

    public static void main(String[] args) throws Exception {
        int megabytes = Integer.parseInt(args[0]);
        boolean rare = args[1].equals("rare") || args[1].startsWith("catalog");
        int catalogEvery = args[1].startsWith("catalog:") ? Integer.parseInt(args[1].substring(8)) : 0;
        Path out = Path.of(args[2]);
        TextCorpus corpus = TextCorpus.generate(20170501L, megabytes * 1_000_000L, 49_500, 3, rare, catalogEvery);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             JsonGenerator g = json.getFactory().createGenerator(w)) {
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            int id = 0;
            for (String listing : corpus.listings) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                g.writeStringField("text", listing);
                g.writeEndObject();
            }
            g.writeRaw('\n');
        }
        System.out.printf("%d listings, %.1f MB of text, written to %s%n", corpus.listings.size(), corpus.utf8Bytes / 1e6, out);
    }
}
