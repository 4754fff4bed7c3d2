package org.opencg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of ARCHITECTURE.md: arrows point down only. ejb-core knows nothing of SIP, Faces or JAX-RS;
 * the SIP side and the web side never depend on each other. Each rule fails when its classes are missing,
 * so a rule cannot pass by checking nothing.
 */
class ArchitectureTest {

    private static final String[] SIP_TYPES = {"javax.sip..", "gov.nist..", "javax.servlet.sip.."};
    private static final String[] WEB_TYPES = {"jakarta.faces..", "org.primefaces..", "jakarta.ws.rs.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.opencg");
    }

    @Test
    void coreKnowsNoSipFacesOrJaxRs() {
        noClasses().that().resideInAPackage("org.opencg.core..")
                .should().dependOnClassesThat().resideInAnyPackage(SIP_TYPES)
                .orShould().dependOnClassesThat().resideInAnyPackage(WEB_TYPES)
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void coreKnowsNoModuleAboveIt() {
        noClasses().that().resideInAPackage("org.opencg.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencg.sip..", "org.opencg.web..")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void webDoesNotDependOnTheSipSide() {
        noClasses().that().resideInAPackage("org.opencg.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencg.sip..")
                .orShould().dependOnClassesThat().resideInAnyPackage(SIP_TYPES)
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void sipDoesNotDependOnTheWebSide() {
        noClasses().that().resideInAPackage("org.opencg.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencg.web..")
                .orShould().dependOnClassesThat().resideInAnyPackage(WEB_TYPES)
                .allowEmptyShould(false).check(classes);
    }
}
