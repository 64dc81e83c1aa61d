package org.rareearth.dashboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started by them: the machine's own server binaries (Debian's
 * {@code postgresql} package, which {@code .ci/run} installs when it is missing; or the folder named by
 * {@code RARE_EARTH_PG_BIN}), a new cluster in a temporary folder, on a free loopback port, trust authentication for
 * its superuser {@code red}. One server per test JVM, stopped when the JVM ends; each test takes a database of its
 * own with {@link #newDatabase()}. The server refuses to run as root, so as root it runs as the {@code postgres}
 * user the package creates.
 */
public final class PostgresServer {
    public static final String SUPERUSER = "red";

    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    private final AtomicInteger databases = new AtomicInteger();

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stopAndRemove, "postgres-stop"));
        }
        return shared;
    }

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The folder holding initdb and pg_ctl. */
    static Path binaries() {
        String named = System.getenv("RARE_EARTH_PG_BIN");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> parseVersion(v.getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + debian, e);
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and"
                + " RARE_EARTH_PG_BIN): install Debian's postgresql package (.ci/run does) or name the folder holding"
                + " initdb and pg_ctl in RARE_EARTH_PG_BIN");
    }

    private static int parseVersion(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A server of its own (a test that stops and starts it); stop it when done. */
    public static PostgresServer startNew() {
        PostgresServer s = start();
        Runtime.getRuntime().addShutdownHook(new Thread(s::stopAndRemove, "postgres-stop"));
        return s;
    }

    private static PostgresServer start() {
        try {
            Path bin = binaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("red-postgres");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", SUPERUSER, "-E", "UTF8", "--no-sync", "--locale=C"));
            // The port was free when asked for; a test JVM beside this one may take it before the server binds it
            // (each runs a server of its own), so a start that fails is tried again on another port.
            for (int attempt = 1; ; attempt++) {
                try {
                    server.startAgain();
                    return server;
                } catch (IllegalStateException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    server = new PostgresServer(bin, dir, freePort(), root);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = dir.resolve("command.log");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    /** Starts the server (again, after {@link #stop}) on its port, waiting until it accepts connections. */
    public synchronized void startAgain() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir
                            // No fsync (a machine crash is not what the tests are about), but every commit
                            // is in the WAL before it returns: a test stops the server at once and counts rows.
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                            + " -c max_connections=200", "start"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** A URL of the form the app takes: {@code postgresql://red@127.0.0.1:PORT/NAME}. */
    public String url(String database) {
        return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database;
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection to a database. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    /** A new, empty database of its own for one test; its name. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Runs SQL as the superuser on a database (roles, grants, a server-side look at the rows). */
    public void execute(String database, String... sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Makes {@code role} (a new login role) log in with {@code password} over loopback, where every other role is
     * trusted: a line before the others in pg_hba.conf, then a reload.
     */
    public synchronized void requirePassword(String role, String password) {
        execute("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        Path hba = dir.resolve("data/pg_hba.conf");
        try {
            String was = Files.readString(hba);
            Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + was);
        } catch (IOException e) {
            throw new IllegalStateException("cannot change " + hba + ": " + e.getMessage(), e);
        }
        execute("postgres", "SELECT pg_reload_conf()");
    }

    /** At the JVM's end: stops the server and removes its cluster. */
    private void stopAndRemove() {
        stop();
        TestDirs.deleteTree(dir);
    }

    /** Stops the server at once (the tests of the server going away), or at the JVM's end. */
    public synchronized void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException e) {
            // Already stopped.
        }
    }
}
