package org.rareearth.dashboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering that holds today, kept by tests so that new code follows it: the core (domain, analytics, io,
 * store, service) knows nothing of JavaFX or of the desktop and command line, the domain and analytics know no
 * store, and only the store speaks SQL (two older classes are named exceptions, to move behind the store).
 */
class LayersTest {
    private static final String ROOT = "org.rareearth.dashboard";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void the_core_uses_no_javafx() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".analytics..", ROOT + ".io..",
                        ROOT + ".store..", ROOT + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the core is shared by the command line and the desktop, and is tested without a toolkit")
                .check(classes);
    }

    @Test
    void the_core_knows_nothing_of_the_desktop_or_the_command_line() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".analytics..", ROOT + ".io..",
                        ROOT + ".store..", ROOT + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", ROOT + ".app..", ROOT + ".bench..")
                .check(classes);
    }

    @Test
    void the_domain_and_the_analytics_know_no_store_and_no_files() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".analytics..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".io..",
                        ROOT + ".service..", "java.sql..")
                .check(classes);
    }

    @Test
    void only_the_store_speaks_sql() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
                // Known exceptions, older than this rule: the fast price import and a benchmark open JDBC
                // themselves; both are to move behind the store.
                .and().doNotHaveFullyQualifiedName(ROOT + ".app.PriceImport")
                .and().doNotHaveFullyQualifiedName(ROOT + ".ui.common.SeriesBenchmark")
                .and().resideOutsideOfPackage(ROOT + ".bench..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(classes);
    }

    @Test
    void only_the_quote_client_goes_on_the_network() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".io.quotes..")
                // Reads the SQLite library out of the app's own jar through a jar: URL: a local file, no network.
                .and().doNotHaveFullyQualifiedName(ROOT + ".app.NativeSqlite")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().callMethod(java.net.URL.class, "openConnection")
                .orShould().callMethod(java.net.URL.class, "openStream")
                .because("the app is offline but for a price download the user asked for")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".io.quotes..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .check(classes);
    }
}
