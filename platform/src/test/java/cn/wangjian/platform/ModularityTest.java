package cn.wangjian.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The business areas are modules: no cycles, only each module's top-level package is its API, and each module uses
 * only the modules its {@code package-info.java} declares ({@code @ApplicationModule(allowedDependencies)}).
 */
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

    @Test
    void everyModuleDeclaresTheModulesItUses() {
        modules.stream().forEach(m -> {
            String name = m.getBasePackage().getName() + ".package-info";
            try {
                org.assertj.core.api.Assertions.assertThat(Class.forName(name)
                        .getAnnotation(org.springframework.modulith.ApplicationModule.class))
                        .as(name + " declares @ApplicationModule(allowedDependencies)").isNotNull();
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " is missing: declare the module's allowed dependencies", e);
            }
        });
    }
}
