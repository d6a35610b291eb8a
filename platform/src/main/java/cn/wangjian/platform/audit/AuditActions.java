package cn.wangjian.platform.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The names of audit actions and of the kinds of record they touch, from {@code actions.properties}; an action
 * without a name is shown by its code, and {@code AuditActionsTest} fails until it is named.
 */
@Component
public class AuditActions {

    private final Properties names = new Properties();

    AuditActions() {
        try (var in = AuditActions.class.getResourceAsStream("actions.properties")) {
            if (in == null) {
                throw new IllegalStateException("审计操作名称文件缺失 (actions.properties missing)");
            }
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The action's name, e.g. 批准立案 for {@code case.file}; the code itself when unnamed. */
    public String action(String code) {
        return names.getProperty("action." + code, code);
    }

    /** The record kind's name, e.g. 案件 for {@code case}. */
    public String entity(String code) {
        return names.getProperty("entity." + code, code);
    }

    boolean namesAction(String code) {
        return names.containsKey("action." + code);
    }

    boolean namesEntity(String code) {
        return names.containsKey("entity." + code);
    }
}
