package org.rareearth.dashboard.store;

import org.rareearth.dashboard.store.NativeSqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.testing.LauncherProcess;
import org.sqlite.util.LibraryLoaderUtil;

/** SQLite's native library is extracted once into the app's folder and the driver is pointed at that copy. */
class NativeSqliteTest {

    @TempDir
    Path home;

    private String savedPath;
    private String savedName;

    @BeforeEach
    void clearDriverProperties() {
        // The driver in this JVM is already loaded; the properties only matter to the method under test.
        savedPath = System.clearProperty(NativeSqlite.PATH_PROPERTY);
        savedName = System.clearProperty(NativeSqlite.NAME_PROPERTY);
    }

    @AfterEach
    void restoreDriverProperties() {
        restore(NativeSqlite.PATH_PROPERTY, savedPath);
        restore(NativeSqlite.NAME_PROPERTY, savedName);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static byte[] jarCopy() throws Exception {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    @Test
    void the_library_is_extracted_whole_once_and_the_driver_pointed_at_it() throws Exception {
        Optional<Path> lib = NativeSqlite.useKeptCopy(home);

        assertThat(lib).isPresent();
        assertThat(lib.get()).startsWith(home.resolve("native"));
        assertThat(Files.readAllBytes(lib.get())).isEqualTo(jarCopy());
        assertThat(System.getProperty(NativeSqlite.PATH_PROPERTY)).isEqualTo(lib.get().getParent().toString());
        assertThat(System.getProperty(NativeSqlite.NAME_PROPERTY)).isEqualTo(lib.get().getFileName().toString());
        try (var files = Files.list(lib.get().getParent())) {
            assertThat(files).as("no partial file left").containsExactly(lib.get());
        }

        // A second start finds the copy and leaves it as it is.
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lib.get(), old);
        System.clearProperty(NativeSqlite.PATH_PROPERTY);
        System.clearProperty(NativeSqlite.NAME_PROPERTY);
        assertThat(NativeSqlite.useKeptCopy(home)).contains(lib.get());
        assertThat(Files.getLastModifiedTime(lib.get())).isEqualTo(old);
    }

    @Test
    void a_copy_cut_short_is_replaced() throws Exception {
        Path lib = NativeSqlite.useKeptCopy(home).orElseThrow();
        Files.write(lib, new byte[] {1, 2, 3});
        System.clearProperty(NativeSqlite.PATH_PROPERTY);
        System.clearProperty(NativeSqlite.NAME_PROPERTY);

        NativeSqlite.useKeptCopy(home);

        assertThat(Files.readAllBytes(lib)).isEqualTo(jarCopy());
    }

    @Test
    void older_versions_of_this_platform_go_and_other_platforms_stay() throws Exception {
        Path probe = NativeSqlite.useKeptCopy(home).orElseThrow();
        String current = probe.getParent().getFileName().toString();
        String platform = current.substring(current.indexOf('-', "sqlite-jdbc-".length()) + 1);
        Files.delete(probe);
        Path older = Files.createDirectories(home.resolve("native/sqlite-jdbc-3.0.0.0-" + platform));
        Files.writeString(older.resolve("lib"), "old");
        Path otherPlatform = Files.createDirectories(home.resolve("native/sqlite-jdbc-3.0.0.0-Plan9-mips"));
        Files.writeString(otherPlatform.resolve("lib"), "theirs");
        System.clearProperty(NativeSqlite.PATH_PROPERTY);
        System.clearProperty(NativeSqlite.NAME_PROPERTY);

        NativeSqlite.useKeptCopy(home);

        assertThat(older).doesNotExist();
        assertThat(otherPlatform.resolve("lib")).hasContent("theirs");
    }

    @Test
    void a_library_path_the_user_set_is_left_alone() {
        System.setProperty(NativeSqlite.PATH_PROPERTY, "/opt/sqlite");

        assertThat(NativeSqlite.useKeptCopy(home)).isEmpty();
        assertThat(System.getProperty(NativeSqlite.PATH_PROPERTY)).isEqualTo("/opt/sqlite");
        assertThat(home.resolve("native")).doesNotExist();
    }

    @Test
    void an_unwritable_home_leaves_the_driver_to_extract_it_itself() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");

        assertThat(NativeSqlite.useKeptCopy(file)).isEmpty();
        assertThat(System.getProperty(NativeSqlite.PATH_PROPERTY)).isNull();
    }

    @Test
    void a_command_opens_its_store_with_the_kept_copy_alone() throws Exception {
        // The driver's own extraction would go to java.io.tmpdir; a folder that does not exist makes it fail, so
        // the command succeeds only if the driver loads the copy kept in the app's folder.
        LauncherProcess run = LauncherProcess.run(List.of("-Drare-earth-dashboard.home=" + home,
                "-Djava.io.tmpdir=" + home.resolve("no-such-folder")), "--db", home.resolve("x.db").toString(), "info",
                "--json");
        String output = run.output();
        assertThat(run.code()).as(output).isZero();
        assertThat(output).contains("\"schemaVersion\"");
        try (var kept = Files.list(home.resolve("native"))) {
            assertThat(kept).hasSize(1);
        }
    }

    @Test
    void with_no_native_library_the_driver_loaded_ahead_fails_quietly_and_the_store_names_what_is_missing()
            throws Exception {
        // The launcher loads the driver on a spare thread while it reads the command line (NativeSqlite.loadDriver);
        // that failure is left to the store's opening, which says it in one line naming the store asked for.
        Path db = home.resolve("x.db");
        LauncherProcess run = LauncherProcess.run(List.of("-Drare-earth-dashboard.home=" + home,
                "-D" + NativeSqlite.PATH_PROPERTY + "=" + home.resolve("nowhere"),
                "-D" + NativeSqlite.NAME_PROPERTY + "=missing.so"), "--db", db.toString(), "info", "--json");
        String output = run.output();
        assertThat(run.code()).as(output).isEqualTo(1);
        List<String> lines = run.lines();
        assertThat(lines).as("one line, no stack trace: " + output).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: Cannot open store " + db
                + ": SQLite's native library could not be loaded (");
        assertThat(output).contains("No native library found").contains(home.resolve("nowhere").toString())
                .doesNotContain(".creating-");
        assertThat(db).doesNotExist();
    }
}
