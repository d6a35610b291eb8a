package cn.wangjian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action the code records, and every kind of record it touches, has a name on the audit page. */
class AuditActionsTest {

    private static final Pattern RECORD = Pattern.compile(
            "audit\\.record\\(\\s*[^,]+,\\s*\"([a-z.-]+)\"\\s*(\\+\\s*\\w+\\s*)?,\\s*\"([a-z_-]+)\"", Pattern.DOTALL);

    @Test
    void every_recorded_action_and_kind_has_a_name() throws Exception {
        AuditActions names = new AuditActions();
        List<String> unnamed = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RECORD.matcher(Files.readString(f));
                while (m.find()) {
                    seen++;
                    // "case." + step: the steps are named one by one, checked on the case steps' own list
                    if (m.group(2) == null && !names.namesAction(m.group(1))) {
                        unnamed.add(f.getFileName() + ": " + m.group(1));
                    }
                    if (!names.namesEntity(m.group(3))) {
                        unnamed.add(f.getFileName() + ": " + m.group(3));
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(70);
        assertThat(unnamed).isEmpty();
        assertThat(names.action("case.file")).isEqualTo("批准立案");
        assertThat(names.action("no.such-action")).isEqualTo("no.such-action");
    }
}
