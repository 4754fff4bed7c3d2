package org.opencg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of ARCHITECTURE.md: arrows point down only. ejb-core knows nothing of SIP, Faces or JAX-RS;
 * the SIP side and the web side never depend on each other. Each rule fails when its classes are missing,
 * so a rule cannot pass by checking nothing.
 */
@AnalyzeClasses(packages = "org.opencg", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] SIP_TYPES = {"javax.sip..", "gov.nist..", "javax.servlet.sip.."};
    private static final String[] WEB_TYPES = {"jakarta.faces..", "org.primefaces..", "jakarta.ws.rs.."};

    @ArchTest
    static final ArchRule coreKnowsNoSip = noClasses().that().resideInAPackage("org.opencg.core..")
            .should().dependOnClassesThat().resideInAnyPackage(SIP_TYPES)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreKnowsNoFacesOrJaxRs = noClasses().that().resideInAPackage("org.opencg.core..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB_TYPES)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule coreKnowsNoModuleAboveIt = noClasses().that().resideInAPackage("org.opencg.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opencg.sip..", "org.opencg.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule webDoesNotDependOnSip = noClasses().that().resideInAPackage("org.opencg.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opencg.sip..")
            .orShould().dependOnClassesThat().resideInAnyPackage(SIP_TYPES)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule sipDoesNotDependOnWeb = noClasses().that().resideInAPackage("org.opencg.sip..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opencg.web..")
            .orShould().dependOnClassesThat().resideInAnyPackage(WEB_TYPES)
            .allowEmptyShould(false);
}
