package org.rareearth.dashboard.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.dataset.DatasetFiles;
import org.rareearth.dashboard.io.dataset.DatasetValidator;
import org.rareearth.dashboard.store.AssessmentRepository;
import org.rareearth.dashboard.store.Counts;
import org.rareearth.dashboard.store.DatasetStore;
import org.rareearth.dashboard.store.EventRepository;
import org.rareearth.dashboard.store.FloorRepository;
import org.rareearth.dashboard.store.StakeRepository;
import org.rareearth.dashboard.store.FxRateRepository;
import org.rareearth.dashboard.store.PriceBarRepository;
import org.rareearth.dashboard.store.ReactionRepository;
import org.rareearth.dashboard.store.SecurityRepository;
import org.rareearth.dashboard.store.Store;

/** The one place that opens the store and creates the services on it; the CLI and the desktop app share it. */
public final class Workspace implements AutoCloseable {
    public static final String SEED_RESOURCE = "/org/rareearth/dashboard/seed/dataset.json";

    private final Store store;
    public final SecurityRepository securities;
    public final PriceBarRepository priceBars;
    public final org.rareearth.dashboard.store.PriceFetchRepository priceFetches;
    public final EventRepository events;
    public final ReactionRepository reactions;
    public final AssessmentRepository assessments;
    public final FxRateRepository fxRates;
    public final FloorRepository floors;
    public final StakeRepository stakes;
    public final org.rareearth.dashboard.store.SupplyChainRepository supplyChain;
    public final DatasetStore datasets;
    private final org.rareearth.dashboard.store.EditLog editLog;
    private final StoreChanges changes;

    private Workspace(Store store) {
        this.store = store;
        this.securities = new SecurityRepository(store);
        this.priceBars = new PriceBarRepository(store);
        this.priceFetches = new org.rareearth.dashboard.store.PriceFetchRepository(store);
        this.events = new EventRepository(store);
        this.reactions = new ReactionRepository(store);
        this.assessments = new AssessmentRepository(store);
        this.fxRates = new FxRateRepository(store);
        this.floors = new FloorRepository(store);
        this.stakes = new StakeRepository(store);
        this.supplyChain = new org.rareearth.dashboard.store.SupplyChainRepository(store);
        this.editLog = editLog(store);
        this.datasets = new DatasetStore(store, editLog);
        this.changes = new StoreChanges(store);
    }

    /** Opens (creating and migrating as needed) the store; a new store is filled with the default dataset. */
    public static Workspace open(Path db) {
        createFilled(db, Workspace::defaultDataset);
        return over(Store.open(db));
    }

    /**
     * Opens a store file or a PostgreSQL database ({@link org.rareearth.dashboard.store.StoreLocation}); {@code env}
     * gives PGUSER and PGPASSWORD for a server that asks for them.
     */
    public static Workspace open(org.rareearth.dashboard.store.StoreLocation location, Map<String, String> env) {
        if (location instanceof org.rareearth.dashboard.store.StoreLocation.SqliteFile f) {
            createFilled(f.path(), Workspace::defaultDataset);
        }
        return over(Store.open(location, env));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Workspace.class);

    /**
     * Makes a store file that does not exist yet whole or not at all: the schema and the default dataset are
     * written to a file beside it, which takes the store's name only once it is complete and closed. A first start
     * that is closed, killed or cut off while the store is being filled so leaves no store behind, and the next
     * start makes it again; before, it left a store with the schema and no records, which no later start filled.
     * When another start makes the same store meanwhile, its store is kept. Does nothing when the file exists.
     */
    static void createFilled(Path db, java.util.function.Supplier<Dataset> seed) {
        Path file = db.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(file)) {
            return; // a store, or an empty file made for one (filled in place, as it is already named)
        }
        Path parent = file.getParent();
        Path temp = file.resolveSibling(file.getFileName() + ".creating-" + ProcessHandle.current().pid());
        try {
            deleteStoreFiles(temp);
            deleteLeftovers(file);
            try (Workspace w = new Workspace(Store.open(temp))) {
                w.datasets.write(seed.get(), false);
            } catch (org.rareearth.dashboard.store.StoreException e) {
                // The half-made file is the app's business: the message names the store the user asked for.
                throw new org.rareearth.dashboard.store.StoreException(
                        e.getMessage().replace(temp.toString(), file.toString()), e);
            }
            if (java.nio.file.Files.exists(Path.of(temp + "-wal"))
                    && java.nio.file.Files.size(Path.of(temp + "-wal")) > 0) {
                // The store's last writes are still in its log: the file alone is not the store. Leave it to the
                // plain way (created and filled in place).
                LOG.warn("Store {} was made in place: its new file kept a write-ahead log at close", file);
                return;
            }
            try {
                // A hard link fails when the name is taken, where a rename would replace another start's store.
                java.nio.file.Files.createLink(file, temp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                LOG.info("Store {} was made by another start meanwhile; keeping it", file);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                // A file system without hard links: a move, which does not replace a file that is there.
                try {
                    java.nio.file.Files.move(temp, file);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    LOG.info("Store {} was made by another start meanwhile; keeping it", file);
                }
            }
        } catch (IOException e) {
            throw new org.rareearth.dashboard.store.StoreException("Cannot create store " + file + " in "
                    + (parent == null ? file : parent) + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteStoreFiles(temp);
            } catch (IOException e) {
                LOG.warn("Could not remove {} after making store {}: {}", temp, file, e.getMessage());
            }
        }
    }

    /** The half-made files of starts that were stopped while making {@code file} (their process is gone). */
    private static void deleteLeftovers(Path file) throws IOException {
        Path parent = file.getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            return;
        }
        String prefix = file.getFileName() + ".creating-";
        try (java.nio.file.DirectoryStream<Path> s = java.nio.file.Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : s) {
                String pid = p.getFileName().toString().substring(prefix.length()).replaceAll("-(wal|shm|journal)$",
                        "");
                boolean running = pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid))
                        .map(ProcessHandle::isAlive).orElse(false);
                if (!running) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deleteStoreFiles(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            java.nio.file.Files.deleteIfExists(Path.of(db + suffix));
        }
    }

    private static Workspace over(Store store) {
        try {
            Workspace s = new Workspace(store);
            if (store.wasCreated()) {
                s.datasets.fill(defaultDataset());
            }
            return s;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The sourced 2025 dataset shipped inside the app (the same file as {@code data/dataset.json}). */
    public static Dataset defaultDataset() {
        try (InputStream in = Workspace.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default dataset is missing from the build: " + SEED_RESOURCE);
            }
            Dataset d = DatasetFiles.read(in, "default dataset");
            DatasetValidator.check(d, "default dataset", Set.of(), Set.of());
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The edit log's writer on {@code store}: records kept as their dataset JSON, times from the system clock. */
    static org.rareearth.dashboard.store.EditLog editLog(Store store) {
        return new org.rareearth.dashboard.store.EditLog(store, RecordEditor::json, java.time.Clock.systemUTC());
    }

    /** The edit log of this store (record edits and imports enter their changes in it). */
    public org.rareearth.dashboard.store.EditLog editLog() {
        return editLog;
    }

    /**
     * Imports a dataset file, all or nothing: it is parsed and checked in full (against what the store holds,
     * unless {@code replace}) before one transaction writes it. Returns the number of new records. Every record it
     * adds, changes or removes is entered in the edit log as coming through this import.
     */
    public Counts importDataset(Path file, boolean replace) {
        Dataset d = DatasetFiles.read(file);
        Set<String> symbols = replace ? Set.of() : datasets.symbols();
        Set<String> events = replace ? Set.of() : datasets.eventCodes();
        DatasetValidator.check(d, file.toString(), symbols, events, replace ? Set.of() : datasets.floorPrograms());
        return datasets.write(d, replace, "dataset import " + file.getFileName() + (replace ? ", replacing the store"
                : ""));
    }

    /**
     * Imports a dataset file keeping every record the store holds: only records whose keys are new are added (in one
     * transaction, after the whole file is checked); the plan lists each existing record that differs from the file.
     */
    public org.rareearth.dashboard.domain.DatasetDiff.Plan importDatasetKeepingExisting(Path file) {
        Dataset d = DatasetFiles.read(file);
        DatasetValidator.check(d, file.toString(), datasets.symbols(), datasets.eventCodes(), datasets.floorPrograms());
        return datasets.writeNew(d, "dataset import " + file.getFileName() + ", keeping existing records");
    }

    /** The records the bundled dataset holds and this store lacks (for a store made by an older version). */
    public org.rareearth.dashboard.domain.DatasetDiff.Plan bundledRecordsMissing() {
        return datasets.planNew(defaultDataset());
    }

    /** Adds these bundled records (chosen from {@link #bundledRecordsMissing}), keeping every stored record. */
    public org.rareearth.dashboard.domain.DatasetDiff.Plan addBundled(java.util.List<?> chosen) {
        Dataset d = Dataset.ofAll(chosen);
        DatasetValidator.check(d, "the records chosen", datasets.symbols(), datasets.eventCodes(),
                datasets.floorPrograms());
        return datasets.writeNew(d, "records added from the bundled dataset");
    }

    public void exportDataset(Path file) {
        try {
            DatasetFiles.write(datasets.snapshot(), file);
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be written (" + e.getMessage() + ")");
        }
    }

    /** Supply-chain capacity and the time lag over this store (the command line and the desktop share it). */
    public SupplyChainService supplyChain() {
        return new SupplyChainService(supplyChain, events);
    }

    /** Pooled event studies over this store (the command line and the desktop share it). */
    public org.rareearth.dashboard.service.PooledStudyService pooledStudies() {
        return new org.rareearth.dashboard.service.PooledStudyService(securities, priceBars, events);
    }

    /** The export-restriction timeline over this store (the command line and the desktop share it). */
    public TimelineService timeline() {
        return new TimelineService(events);
    }

    /** The price-support gap over this store (the command line and the desktop share it). */
    public GapService gaps() {
        return new GapService(floors, assessments, fxRates, events);
    }

    /** Single-security event studies over this store (the command line and the desktop share it). */
    public EventStudyService eventStudies() {
        return new EventStudyService(securities, priceBars, events);
    }

    /** Downloads of daily prices into this store through {@code client}. */
    public org.rareearth.dashboard.service.PriceFeedService priceFeeds(
            org.rareearth.dashboard.io.quotes.QuoteClient client) {
        return new org.rareearth.dashboard.service.PriceFeedService(securities, priceBars, priceFetches, client,
                java.time.Clock.systemUTC());
    }

    /** What needs a look on {@code day} (see {@link org.rareearth.dashboard.service.Review}). */
    public java.util.List<org.rareearth.dashboard.service.Review.Item> review(java.time.LocalDate day) {
        return org.rareearth.dashboard.service.Review.items(datasets.records(), priceBars.lastDates(), day);
    }

    /** Every committed write to this store, for screens to follow. */
    public StoreChanges changes() {
        return changes;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
