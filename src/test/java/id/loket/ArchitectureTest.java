package id.loket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering: model, service and repo are free of the desktop; ui talks to services only; model is plain Java. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.loket");
    }

    @Test
    void importFindsTheLayers() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.endsWith(".model"))
                .anyMatch(p -> p.endsWith(".service"))
                .anyMatch(p -> p.endsWith(".repo"))
                .anyMatch(p -> p.endsWith(".ui"));
    }

    @Test
    void modelServiceAndRepoDoNotDependOnTheDesktop() {
        noClasses().that().resideInAnyPackage("..model..", "..service..", "..repo..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javax.swing..", "java.awt..", "com.formdev..", "net.miginfocom..")
                .check(classes);
    }

    /** A screen's presentation model (CounterModel, WalkInFormModel, ...) is tested without a display: no Swing or AWT in it. */
    @Test
    void presentationModelsDoNotDependOnSwing() {
        noClasses().that().areTopLevelClasses().and().resideInAPackage("..ui..").and().haveSimpleNameEndingWith("Model")
                .and().haveSimpleNameNotEndingWith("TableModel")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javax.swing..", "java.awt..", "com.formdev..", "net.miginfocom..")
                .check(classes);
    }

    @Test
    void uiDoesNotUseJooq() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(classes);
    }

    @Test
    void uiDoesNotUseTheDatabase() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("id.loket.db..")
                .check(classes);
    }

    @Test
    void uiDoesNotUseRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..repo..")
                .check(classes);
    }

    @Test
    void modelDoesNotUseJooq() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(classes);
    }

    @Test
    void modelDoesNotUseRepositories() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAPackage("..repo..")
                .check(classes);
    }
}
