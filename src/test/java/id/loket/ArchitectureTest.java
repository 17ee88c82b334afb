package id.loket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * Packages under {@code id.loket} that are not features: they may be used by every feature
     * ({@code common}, {@code db}: the generated jOOQ schema) or sit above all of them
     * ({@code app}: the composition root, which builds repositories and hands them to services;
     * {@code simulate}: the demo and test data generator, which fills every feature's tables).
     */
    static final Set<String> NOT_FEATURES = Set.of("common", "db", "app", "simulate");

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("id.loket.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresDoNotUseEachOthersRepositories() {
        List<String> violations = new ArrayList<>();
        for (String feature : features()) {
            violations.addAll(noClasses().that().resideInAPackage("id.loket." + feature + "..")
                    .should().dependOnClassesThat(repositoryOfAnotherFeatureThan(feature))
                    .because("a feature reads another feature's data through that feature's service")
                    .evaluate(classes).getFailureReport().getDetails());
        }
        assertThat(violations).as("classes using another feature's repository").isEmpty();
    }

    /**
     * One owner of {@code outbox_event}: the case file, whose steps write its events. Every
     * statement on the table is in {@code casefile.repo.OutboxRepository}; the push engine and
     * everyone else reach it through {@code casefile.service.Outbox}. Only the generated schema
     * names the table besides, and {@code db.DatabaseCopy}, which moves every table as it is.
     */
    @Test
    void onlyTheCaseFileRepositoryTouchesTheOutboxTable() {
        noClasses().that().resideOutsideOfPackages("id.loket.casefile.repo", "id.loket.db.jooq..")
                .and().doNotHaveFullyQualifiedName("id.loket.db.DatabaseCopy")
                .should().accessField("id.loket.db.jooq.Tables", "OUTBOX_EVENT")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("id.loket.db.jooq.tables.OutboxEvent")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("id.loket.db.jooq.tables.records.OutboxEventRecord")
                .because("the case file owns the outbox: other features use casefile.service.Outbox")
                .check(classes);
    }

    @Test
    void theFeatureListIsNotEmpty() {
        assertThat(features()).contains("appointment", "casefile", "receipt", "report", "sync");
    }

    /** Every top-level package under {@code id.loket} that is not listed in {@link #NOT_FEATURES}. */
    private static List<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : classes) {
            String p = c.getPackageName();
            if (!p.startsWith("id.loket.")) {
                continue;
            }
            String top = p.substring("id.loket.".length()).split("\\.")[0];
            if (!NOT_FEATURES.contains(top)) {
                features.add(top);
            }
        }
        return List.copyOf(features);
    }

    private static DescribedPredicate<JavaClass> repositoryOfAnotherFeatureThan(String feature) {
        return DescribedPredicate.describe("reside in the repo package of a feature other than " + feature,
                c -> c.getPackageName().matches("id\\.loket\\.[a-z]+\\.repo(\\..*)?")
                        && !c.getPackageName().startsWith("id.loket." + feature + "."));
    }
}
