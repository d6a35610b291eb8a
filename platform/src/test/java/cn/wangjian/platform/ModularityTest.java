package cn.wangjian.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The business areas are modules: no cycles, and only each module's top-level package is its API. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(WangjianApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyAreaIsAModule() {
        org.assertj.core.api.Assertions.assertThat(modules.stream().map(m -> m.getName()))
                .contains("identity", "audit", "clue", "database", "web");
    }
}
