package org.rareearth.dashboard.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library, extracted once, in the app's folder. Left to itself, the SQLite driver copies
 * the library out of the jar into the temporary folder on every start and reads it back to check the copy
 * (about 0.2 s of a start on a two-core machine). With a copy kept per driver version and platform, a start
 * only checks the copy's size and points the driver at it through its documented {@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name} properties.
 *
 * <p>Anything unexpected (no library for this platform, a read-only folder) leaves the driver to its own
 * extraction, which is what it did before; a library path the user set is never overridden.
 */
public final class NativeSqlite {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String PREFIX = "sqlite-jdbc-";

    private NativeSqlite() {}

    /**
     * Points the driver at a kept copy under {@code home/native}, extracting it first if it is missing or not
     * the jar's size. Returns the library used, or empty when the driver is left to extract it itself.
     */
    public static Optional<Path> useKeptCopy(Path home) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return Optional.empty();
        }
        try {
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();
            String name = LibraryLoaderUtil.getNativeLibName();
            URL resource = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
            if (resource == null) {
                return Optional.empty();
            }
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            String platform = folder.replaceFirst("^/org/sqlite/native/", "").replace('/', '-');
            Path dir = home.resolve("native").resolve(PREFIX + SQLiteJDBCLoader.getVersion() + "-" + platform);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib) || size < 0 || Files.size(lib) != size) {
                try (InputStream in = connection.getInputStream()) {
                    extract(in, dir, lib);
                }
                removeOtherVersions(dir, platform);
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
            return Optional.of(lib);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(NativeSqlite.class)
                    .debug("SQLite's native library is left to the driver to extract", e);
            return Optional.empty();
        }
    }

    /**
     * Loads the SQLite driver's classes and its native library by opening and closing an in-memory database, so a
     * store opened after it does not wait for them. Any failure is left for that store's own open to report.
     */
    public static void loadDriver() {
        try (java.sql.Connection c = Store.sqlite("jdbc:sqlite::memory:", new java.util.Properties())) {
            c.getAutoCommit();
        } catch (java.sql.SQLException | RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(NativeSqlite.class).debug("SQLite's driver was not loaded ahead", e);
        }
    }

    /** Written beside its final name and moved into place, so a copy is either whole or absent. */
    private static void extract(InputStream in, Path dir, Path lib) throws IOException {
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, lib.getFileName().toString(), ".part");
        try {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Copies kept for other driver versions of this platform are no longer used once the app has moved on (a
     * home folder shared by machines of other platforms keeps theirs).
     */
    private static void removeOtherVersions(Path current, String platform) {
        try (Stream<Path> kept = Files.list(current.getParent())) {
            kept.filter(p -> !p.equals(current) && p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith("-" + platform))
                    .forEach(NativeSqlite::removeQuietly);
        } catch (IOException e) {
            LoggerFactory.getLogger(NativeSqlite.class).debug("old SQLite libraries were not removed", e);
        }
    }

    private static void removeQuietly(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LoggerFactory.getLogger(NativeSqlite.class).debug("could not remove {}", dir, e);
        }
    }
}
