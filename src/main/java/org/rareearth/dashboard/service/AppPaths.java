package org.rareearth.dashboard.service;

import org.rareearth.dashboard.store.StoreLocation;

import java.nio.file.Path;
import java.util.Map;

/** Where the app keeps its files: the store, settings and logs. */
public final class AppPaths {
    public static final String DB_ENV = "RARE_EARTH_DB";
    /** System property that moves the app's home folder (tests use it to stay out of the user's home). */
    public static final String HOME_PROPERTY = "rare-earth-dashboard.home";

    private AppPaths() {}

    /** {@code ~/.rare-earth-dashboard}, or the folder named by the system property. */
    public static Path home() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".rare-earth-dashboard");
    }

    /** The user's choices about price downloads (whether allowed, the source, a Tiingo key). */
    public static Path downloadSettings() {
        return home().resolve("downloads.properties");
    }

    /**
     * The store to open: {@code --db} first, then {@code RARE_EARTH_DB}, then the default file. Each may be a store
     * file or a PostgreSQL URL ({@code postgresql://user@host:5432/dbname}); a URL of any other scheme is refused
     * with a message rather than taken as a file name, which would create a SQLite file in a folder named after the
     * scheme.
     */
    public static StoreLocation resolveStore(String option, Map<String, String> env) {
        if (option != null) {
            return StoreLocation.parse(option, "--db");
        }
        String fromEnv = env.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return StoreLocation.parse(fromEnv, DB_ENV);
        }
        return new StoreLocation.SqliteFile(home().resolve("dashboard.db"));
    }
}
