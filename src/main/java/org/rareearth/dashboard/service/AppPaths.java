package org.rareearth.dashboard.service;

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
     * The store to open: {@code --db} first, then {@code RARE_EARTH_DB}, then the default file. A value that is a
     * URL ({@code postgresql://host/db}, {@code jdbc:…}, any {@code scheme://}) is refused with a message rather
     * than taken as a file name, which would create a SQLite file in a folder named after the scheme.
     */
    public static Path resolveDb(Path option, Map<String, String> env) {
        if (option != null) {
            // A path has joined the URL's "//" into "/": put it back for the message.
            refuseUrl(option.toString().replaceFirst("^((?i:jdbc:)?[A-Za-z][A-Za-z0-9+.-]+):/(?!/)", "$1://"), "--db");
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            refuseUrl(fromEnv, DB_ENV);
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return home().resolve("dashboard.db");
    }

    /** A scheme of two letters or more then ":/" (a path joins "//" into "/"), or "jdbc:". */
    private static final java.util.regex.Pattern URL =
            java.util.regex.Pattern.compile("(?i)^(jdbc:)?([a-z][a-z0-9+.-]+):/.*|^jdbc:.*");

    private static void refuseUrl(String value, String where) {
        java.util.regex.Matcher m = URL.matcher(value);
        if (m.matches()) {
            String scheme = m.group(2) != null ? m.group(2) : "jdbc";
            throw new IllegalArgumentException(where + " " + value + " is a URL (" + scheme + "), not a store file."
                    + " This version opens SQLite store files only: give the path of a .db file.");
        }
    }
}
