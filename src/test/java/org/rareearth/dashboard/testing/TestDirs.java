package org.rareearth.dashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary folders tests make themselves (window homes, the watchdog's large store, the tests'
 * PostgreSQL cluster), so a developer's runs do not pile them up. Unlike JUnit's {@code @TempDir}, whose cleanup
 * fails the test when a file cannot be removed, this is best effort.
 */
public final class TestDirs {
    private TestDirs() {}

    /**
     * Deletes {@code dir} and everything in it, once its store is closed. Best effort: a file a window still writes
     * as it closes (its settings) may keep the folder, which is left in the temporary folder rather than failing
     * the test that used it.
     */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("test folder " + dir + " not removed: " + e);
        }
    }
}
