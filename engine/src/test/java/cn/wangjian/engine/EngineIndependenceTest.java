package cn.wangjian.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is a plain Java library that everything else calls: no Spring, no JDBC, no framework I/O. */
class EngineIndependenceTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.wangjian.engine");

    @Test
    void engineHasNoSpringJdbcOrWebDependency() {
        noClasses().that().resideInAPackage("cn.wangjian.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "org.apache.flink..",
                        "java.net.http..", "javax.servlet..")
                .check(engine);
    }

    @Test
    void engineDoesNotDependOnTheOtherModules() {
        noClasses().that().resideInAPackage("cn.wangjian.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.wangjian.platform..", "cn.wangjian.stream..", "cn.wangjian.bench..")
                .check(engine);
    }
}
