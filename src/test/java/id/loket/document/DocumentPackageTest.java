package id.loket.document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The documents are rendered from plain records: no desktop, no database, no services. The
 * rule holds for the renderer's own package; {@code id.loket.document.service} is its caller,
 * which gathers the records from the database.
 */
class DocumentPackageTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.loket.document");

    @Test
    void documentsDoNotUseTheDesktopTheDatabaseOrServices() {
        noClasses().that().resideInAPackage("id.loket.document")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javax.swing..", "com.formdev..", "net.miginfocom..", "java.awt", "java.awt.image..",
                        "org.jooq..", "id.loket.db..", "..service..", "..repo..", "..ui..")
                .check(CLASSES);
    }
}
