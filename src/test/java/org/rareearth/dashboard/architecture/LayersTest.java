package org.rareearth.dashboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's shape, kept by tests so that new code follows it: cli -> desktop -> service -> {store, io, analytics}
 * -> domain, with bench beside cli. No cycles between the top-level packages; no JavaFX below the desktop; the
 * core (domain, analytics, io, store, service) knows nothing of the desktop, the command line or the benchmarks;
 * the domain and analytics know no store and no files; only the store speaks SQL (the fast price import is the one
 * named exception, to move behind the store); only the quote client goes on the network.
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
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".desktop..", ROOT + ".cli..", ROOT + ".bench..")
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
                // Known exception, older than this rule: the fast price import writes through JDBC itself (its
                // parser thread feeds the store's writer); it is to move behind the store. Benchmarks may measure
                // SQL directly.
                .and().doNotHaveFullyQualifiedName(ROOT + ".service.PriceImportService")
                .and().resideOutsideOfPackage(ROOT + ".bench..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(classes);
    }

    @Test
    void only_the_quote_client_goes_on_the_network() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".io.quotes..")
                // Reads the SQLite library out of the app's own jar through a jar: URL: a local file, no network.
                .and().doNotHaveFullyQualifiedName(ROOT + ".store.NativeSqlite")
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

    @Test
    void the_top_level_packages_have_no_cycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_desktop_knows_nothing_of_the_command_line_or_the_benchmarks() {
        noClasses().that().resideInAPackage(ROOT + ".desktop..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", ROOT + ".bench..")
                .check(classes);
    }

    @Test
    void javafx_only_in_the_desktop_and_the_benchmarks_that_measure_it() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".desktop..", ROOT + ".bench..")
                // The launcher starts the toolkit only through desktop classes; the command line itself needs none.
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }
}
