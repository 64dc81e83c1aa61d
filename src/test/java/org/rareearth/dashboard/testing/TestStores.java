package org.rareearth.dashboard.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.StoreLocation;

/**
 * The store a test works on, on the back end the run asks for: a SQLite file by default, or, with the system
 * property {@value #BACKEND} set to {@code postgresql}, a new database on the tests' PostgreSQL server in place of
 * each file (the same file always maps to the same database, so a test that reopens its store finds it again).
 * Tests that open their store through here run on both back ends; the build runs them a second time on PostgreSQL.
 */
public final class TestStores {
    public static final String BACKEND = "rare-earth-dashboard.test-backend";
    private static final Map<Path, StoreLocation> DATABASES = new ConcurrentHashMap<>();

    private TestStores() {}

    /** True when this run puts the tests' stores on PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(BACKEND));
    }

    /** Where the store for {@code file} is in this run. */
    public static StoreLocation location(Path file) {
        if (!onPostgres()) {
            return new StoreLocation.SqliteFile(file);
        }
        return DATABASES.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            PostgresServer server = PostgresServer.shared();
            return StoreLocation.parse(server.url(server.newDatabase()), "test store");
        });
    }

    /** The {@code --db} value for {@code file} in this run: the file itself, or its database's URL. */
    public static String db(Path file) {
        StoreLocation where = location(file);
        return where instanceof StoreLocation.SqliteFile f ? f.path().toString() : where.display();
    }

    /** {@code args} with the value after each {@code --db} given as {@link #db} gives it. */
    public static String[] args(String... args) {
        String[] out = args.clone();
        for (int i = 0; i + 1 < out.length; i++) {
            if (out[i].equals("--db") && !out[i + 1].contains("://")) {
                out[i + 1] = db(Path.of(out[i + 1]));
            }
        }
        return out;
    }

    /**
     * A new store on the back end named, for the tests that run on both in one run: {@code "sqlite"} gives
     * {@code file}, {@code "postgresql"} a new database on the tests' server.
     */
    public static StoreLocation fresh(String backEnd, Path file) {
        if (backEnd.equals("postgresql")) {
            PostgresServer server = PostgresServer.shared();
            return StoreLocation.parse(server.url(server.newDatabase()), "--db");
        }
        return new StoreLocation.SqliteFile(file);
    }

    /** Who the edit log names as the writer on that back end: the tests' superuser role, or the system user. */
    public static String writer(String backEnd) {
        return backEnd.equals("postgresql") ? PostgresServer.SUPERUSER : System.getProperty("user.name");
    }

    /** Opens (creating with the default dataset if new) the store for {@code file} in this run. */
    public static Workspace open(Path file) {
        return Workspace.open(location(file), Map.of());
    }
}
