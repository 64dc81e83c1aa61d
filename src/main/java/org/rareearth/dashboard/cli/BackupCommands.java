package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.Workspace;

import java.nio.file.Path;
import org.rareearth.dashboard.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backup} and {@code restore}: whole-store copies with SQLite's online backup. */
final class BackupCommands {
    private BackupCommands() {}

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Copies the whole store to FILE with SQLite's online backup (consistent while in use).",
                    "A PostgreSQL store is written as a dataset JSON (its server keeps its own backups)."})
    static final class Backup extends Cli.StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The backup file to write (replaced whole if it exists).")
        Path file;

        @Override
        public Integer call() {
            try (Workspace s = open()) {
                if (s.store().isPostgres()) {
                    // The server has its own backups (pg_dump); the app's copy is the whole record as a dataset.
                    s.exportDataset(file);
                    out().println("Backed up " + s.store().location().display() + " to "
                            + file.toAbsolutePath().normalize() + " as a dataset JSON (import-dataset --replace"
                            + " brings it back)");
                } else {
                    s.store().backupTo(file);
                    out().println("Backed up " + s.store().path() + " to " + file.toAbsolutePath().normalize());
                }
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replaces the store's content with a backup, after checking the backup is a whole store"
                    + " this version can read.", "The current content is kept in backups/ beside the store first."})
    static final class Restore extends Cli.StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The backup to restore.")
        Path file;

        @Override
        public Integer call() {
            org.rareearth.dashboard.store.StoreLocation where = parent.store(storeOption);
            if (where instanceof org.rareearth.dashboard.store.StoreLocation.Postgres pg) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "restore replaces a SQLite"
                        + " store file from its backup; " + pg.display() + " is a PostgreSQL database: bring back a"
                        + " dataset backup with import-dataset --replace FILE");
            }
            int version = Store.checkBackup(file);
            Path db = ((org.rareearth.dashboard.store.StoreLocation.SqliteFile) where).path();
            Path safety;
            try (Store store = Store.open(db)) {
                safety = store.restoreFrom(file);
            }
            // Reopening migrates a backup from an older schema and puts the store back in WAL mode.
            try (Workspace s = Workspace.open(db)) {
                out().printf("Restored %s from %s (schema %d, now %d). The previous content is in %s%n",
                        s.store().path(), file.toAbsolutePath().normalize(), version, s.store().schemaVersion(),
                        safety);
            }
            return 0;
        }
    }
}
