package org.rareearth.dashboard.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rareearth.dashboard.store.StoreLocation;

/**
 * The long-file import into a PostgreSQL store, through the app's own command line in a child JVM, against
 * {@code psql}'s {@code \copy} of the same rows into a table keyed by security and date, on the same server. The
 * server is the user's ({@code bench --postgres URL}): the benchmark makes two databases of its own on it
 * ({@code CREATE DATABASE}, so the role needs CREATEDB) and drops them when done; the URL's own database is only
 * connected to.
 */
public final class PostgresImportBenchmark {
    private PostgresImportBenchmark() {}

    public static void run(Bench bench, Path work, String url, int securities, int days) throws Exception {
        StoreLocation.Postgres server = (StoreLocation.Postgres) StoreLocation.parse(url, "--postgres");
        if (!ImportBenchmark.onPath("psql")) {
            bench.add(new Bench.Figure("baseline-psql-copy", Double.NaN, "ms",
                    "psql not installed: apt-get install postgresql-client"));
            return;
        }
        Path csv = ImportBenchmark.writeLongFile(work.resolve("long-prices-pg.csv"), securities, days);
        String label = ImportBenchmark.label((long) securities * days);
        String suffix = Long.toString(ProcessHandle.current().pid());
        String appDb = "red_bench_app_" + suffix;
        String psqlDb = "red_bench_psql_" + suffix;
        Map<String, String> env = System.getenv();
        try {
            psql(server, server.database(), "CREATE DATABASE " + appDb);
            psql(server, server.database(), "CREATE DATABASE " + psqlDb);
            String appUrl = with(server, appDb).display();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The store is created (and seeded) by a first, separate run, so the figure is the import alone.
            ImportBenchmark.exec(List.of(java, "-cp", System.getProperty("java.class.path"), bench.mainClass(),
                    "--db", appUrl, "info"));
            double app = ImportBenchmark.exec(List.of(java, "-cp", System.getProperty("java.class.path"),
                    bench.mainClass(), "--db", appUrl, "import-prices", csv.toString(), "--create"));
            bench.add(new Bench.Figure("import-prices-" + label + "-rows-postgresql", app, "ms",
                    "whole command in a child JVM into a PostgreSQL store, " + securities + " securities × " + days
                            + " days"));
            psql(server, psqlDb, "CREATE TABLE price_bar (symbol TEXT NOT NULL, date TEXT NOT NULL, close DOUBLE"
                    + " PRECISION, PRIMARY KEY (symbol, date))");
            double base = ImportBenchmark.exec(psqlCommand(server, psqlDb, "\\copy price_bar FROM '" + csv
                    + "' WITH (FORMAT csv, HEADER true)"), psqlEnv(server, env));
            bench.add(new Bench.Figure("baseline-psql-copy-" + label + "-rows", base, "ms",
                    "psql \\copy into a table keyed by (symbol, date) on the same server"));
            bench.add(new Bench.Figure("import-prices-postgresql-vs-psql-copy", app / base, "x",
                    "recorded, no budget yet"));
        } finally {
            psql(server, server.database(), "DROP DATABASE IF EXISTS " + appDb);
            psql(server, server.database(), "DROP DATABASE IF EXISTS " + psqlDb);
        }
    }

    private static StoreLocation.Postgres with(StoreLocation.Postgres s, String database) {
        return new StoreLocation.Postgres(s.host(), s.port(), database, s.user(), s.parameters());
    }

    private static List<String> psqlCommand(StoreLocation.Postgres s, String database, String sql) {
        return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s.host(), "-p",
                Integer.toString(s.port()), "-d", database, "-c", sql);
    }

    /** psql takes the user from PGUSER (the URL's, if it names one) and the password as psql does. */
    private static Map<String, String> psqlEnv(StoreLocation.Postgres s, Map<String, String> env) {
        return s.user() == null ? Map.of() : Map.of("PGUSER", s.user());
    }

    private static void psql(StoreLocation.Postgres s, String database, String sql) throws Exception {
        ImportBenchmark.exec(psqlCommand(s, database, sql), psqlEnv(s, System.getenv()));
    }
}
