package org.rareearth.dashboard.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.rareearth.dashboard.store.Store;
import org.rareearth.dashboard.store.StoreException;

/** What the app offers when a store cannot be opened: find the latest backup and put it in place. */
public final class StoreRecovery {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private StoreRecovery() {}

    /** The newest backup of this store in the {@code backups/} folder beside it, if any. */
    public static Optional<Path> latestBackup(Path db) {
        Path dir = db.toAbsolutePath().getParent().resolve("backups");
        String stem = db.getFileName().toString().replaceFirst("\\.db$", "");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(stem + "-")
                            && p.getFileName().toString().endsWith(".db"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves the unusable store aside (renamed, never overwritten: {@code NAME.unusable-TIME}), copies the checked
     * backup into its place and returns where the old file went.
     */
    public static Path restoreLatest(Path db) {
        Path backup = latestBackup(db).orElseThrow(() -> new StoreException("No backup of " + db.getFileName()
                + " was found in " + db.toAbsolutePath().getParent().resolve("backups") + "."));
        Store.checkBackup(backup);
        Path abs = db.toAbsolutePath();
        Path aside = abs.resolveSibling(abs.getFileName() + ".unusable-" + LocalDateTime.now().format(STAMP));
        try {
            if (Files.exists(abs)) {
                Files.move(abs, aside);
            }
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = Path.of(abs + suffix);
                if (Files.exists(side)) {
                    Files.move(side, Path.of(aside + suffix));
                }
            }
            Files.copy(backup, abs, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new StoreException("The backup could not be put in place: " + e.getMessage(), e);
        }
        return aside;
    }
}
