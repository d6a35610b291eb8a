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

    /** audit.record(actor, ACTION, "kind", …): ACTION a literal, a literal + step, or a choice between literals. */
    private static final Pattern RECORD = Pattern.compile(
            "audit\\.record\\(\\s*[^,]+,\\s*([^,]*?),\\s*\"([a-z_-]+)\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"([a-z-]+\\.[a-z-]*)\"");

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
                    Matcher literal = LITERAL.matcher(m.group(1));
                    int literals = 0;
                    while (literal.find()) {
                        literals++;
                        // "case." + step: every case step is named, checked below
                        if (!literal.group(1).endsWith(".") && !names.namesAction(literal.group(1))) {
                            unnamed.add(f.getFileName() + ": " + literal.group(1));
                        }
                    }
                    if (literals == 0) {
                        unnamed.add(f.getFileName() + ": an action that is not written as a literal: " + m.group(1));
                    }
                    if (!names.namesEntity(m.group(2))) {
                        unnamed.add(f.getFileName() + ": " + m.group(2));
                    }
                }
            }
        }
        for (String step : cn.wangjian.platform.casework.CaseSteps.steps()) {
            if (!step.equals("open") && !step.equals("recount-deadline") && !names.namesAction("case." + step)) {
                unnamed.add("case." + step);
            }
        }
        assertThat(seen).isGreaterThan(70);
        assertThat(unnamed).isEmpty();
        assertThat(names.action("case.file")).isEqualTo("批准立案");
        assertThat(names.action("no.such-action")).isEqualTo("no.such-action");
    }
}
