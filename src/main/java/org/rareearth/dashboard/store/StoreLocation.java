package org.rareearth.dashboard.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store lives: a SQLite file the analyst owns, or a database on a PostgreSQL server a team shares.
 * {@link #parse} takes what {@code --db}, {@code RARE_EARTH_DB} and File &gt; Open store take.
 */
public sealed interface StoreLocation {

    /** How the store is named to the user: the file, or {@code postgresql://user@host:port/db} (never a password). */
    String display();

    /** A short name for a window's title: the file's name, or "dbname on host". */
    String name();

    /** A SQLite store file. */
    record SqliteFile(Path path) implements StoreLocation {
        public SqliteFile {
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public String display() {
            return path.toString();
        }

        @Override
        public String name() {
            return path.getFileName().toString();
        }
    }

    /**
     * A database on a PostgreSQL server. The password is never part of it: it comes, when the server asks for one,
     * from {@code PGPASSWORD} or the password file ({@code ~/.pgpass}, or {@code PGPASSFILE}), the way PostgreSQL's
     * own tools take it; TLS and the other connection settings ({@code sslmode=…}) come in the URL's query.
     */
    record Postgres(String host, int port, String database, String user, Map<String, String> parameters)
            implements StoreLocation {
        public Postgres {
            // In the order given: the JDBC URL lists them so.
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        @Override
        public String display() {
            return "postgresql://" + (user == null ? "" : user + "@") + hostPart() + ":" + port + "/" + database;
        }

        @Override
        public String name() {
            return database + " on " + host;
        }

        private String hostPart() {
            return host.contains(":") ? "[" + host + "]" : host;
        }

        /** The JDBC URL: the server, the database and the connection settings, without user or password. */
        public String jdbcUrl() {
            StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(hostPart()).append(':').append(port)
                    .append('/').append(encode(database));
            String sep = "?";
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                sb.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
                sep = "&";
            }
            return sb.toString();
        }

        /**
         * The user and, when {@code PGPASSWORD} is set in {@code env}, the password, for the driver; with no
         * PGPASSWORD the driver looks in the password file itself. The user is the URL's, else {@code PGUSER}, else
         * the system user, as with psql.
         */
        public Properties connectionProperties(Map<String, String> env) {
            Properties p = new Properties();
            String u = user != null ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
            p.setProperty("user", u);
            String password = env.get("PGPASSWORD");
            if (password != null && !password.isEmpty()) {
                p.setProperty("password", password);
            }
            p.setProperty("ApplicationName", "Rare Earth Dashboard");
            return p;
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** Any "scheme:" then "/" (a path joins "//" into "/"), or "jdbc:". */
    Pattern URL = Pattern.compile("(?i)^(jdbc:)?([a-z][a-z0-9+.-]+):/.*|^jdbc:.*");
    /** The connection settings a URL may carry; others are refused by name rather than silently dropped. */
    java.util.Set<String> PARAMETERS = java.util.Set.of("sslmode", "sslrootcert", "sslcert", "sslkey",
            "connect_timeout", "connectTimeout", "socketTimeout", "options", "target_session_attrs",
            "targetServerType", "gssEncMode", "channelBinding", "sslfactory", "sslpassword");

    /**
     * A file path, or a PostgreSQL URL: {@code postgresql://[user@]host[:port][/dbname][?sslmode=…]}, also
     * {@code postgres://…} and {@code jdbc:postgresql://…} (where the user may be a {@code user=} parameter).
     * {@code where} names the source in messages ({@code --db}, {@code RARE_EARTH_DB}). A URL of any other scheme,
     * or one that carries a password, is refused with a message, never taken as a file name.
     */
    static StoreLocation parse(String value, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " is empty: give a store file or a postgresql:// URL");
        }
        String v = value.strip();
        Matcher m = URL.matcher(v);
        if (!m.matches()) {
            return new SqliteFile(Path.of(v));
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("postgresql://")) {
            rest = v.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = v.substring("postgres://".length());
        } else if (lower.startsWith("jdbc:postgresql://")) {
            rest = v.substring("jdbc:postgresql://".length());
        } else {
            String scheme = m.group(2) != null ? m.group(2) : "jdbc";
            throw new IllegalArgumentException(where + " " + v + " is a URL (" + scheme + "), not a store file."
                    + " A store is a SQLite file (give its path) or a PostgreSQL database"
                    + " (postgresql://user@host:5432/dbname).");
        }
        return postgres(v, rest, where);
    }

    private static Postgres postgres(String whole, String rest, String where) {
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " " + whole + " is not a PostgreSQL URL: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(where + " " + whole + " names no server: give"
                    + " postgresql://user@host:5432/dbname");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            if (info.contains(":")) {
                throw new IllegalArgumentException(where + " carries a password. Keep it out of the URL (it would be"
                        + " shown and remembered as the store's name): set PGPASSWORD or put it in ~/.pgpass.");
            }
            user = decode(info);
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.isEmpty() || path.equals("/") ? null : decode(path.substring(1));
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String val = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals("password")) {
                    throw new IllegalArgumentException(where + " carries a password. Keep it out of the URL: set"
                            + " PGPASSWORD or put it in ~/.pgpass.");
                } else if (key.equals("user")) {
                    user = val;
                } else if (key.equals("dbname")) {
                    database = val;
                } else if (PARAMETERS.contains(key)) {
                    parameters.put(key, val);
                } else {
                    throw new IllegalArgumentException(where + " " + whole + ": unknown connection setting '" + key
                            + "' (known: " + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ")");
                }
            }
        }
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException(where + " " + whole + " names no database: give"
                    + " postgresql://user@host:5432/dbname");
        }
        return new Postgres(host, port, database, user, parameters);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
