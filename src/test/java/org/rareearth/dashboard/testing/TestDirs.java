package org.rareearth.dashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            System.err.println("test folder " + dir + " not removed: " + e);
            return;
        }
        // Deepest first; a file that cannot go leaves its folders, not the rest of the tree.
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                System.err.println("test file " + p + " not removed: " + e);
            }
        }
    }
}
