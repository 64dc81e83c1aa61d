package org.rareearth.dashboard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Import of a long price file (securities × trading days of generated prices), through the app's own command line
 * in a child JVM, against the {@code sqlite3} command line's {@code .import} of the same rows into a table keyed by
 * security and date.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {}

    /** Writes a long CSV of generated prices: Symbol,Date,Close. */
    public static Path writeLongFile(Path file, int securities, int days) throws IOException {
        Random r = new Random(5);
        List<LocalDate> dates = new ArrayList<>(days);
        LocalDate d = LocalDate.of(2026, 11, 27);
        while (dates.size() < days) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
            d = d.minusDays(1);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Symbol,Date,Close\n");
            for (int s = 0; s < securities; s++) {
                String sym = String.format(Locale.ROOT, "SYN%02d", s);
                double p = 50;
                for (int i = dates.size() - 1; i >= 0; i--) {
                    p *= 1 + 0.02 * r.nextGaussian();
                    if (p < 1) {
                        p = 1;
                    }
                    w.write(sym);
                    w.write(',');
                    w.write(dates.get(i).toString());
                    w.write(',');
                    w.write(String.format(Locale.ROOT, "%.4f", p));
                    w.write('\n');
                }
            }
        }
        return file;
    }

    public static void run(Bench bench, Path work, int securities, int days) throws Exception {
        Path csv = writeLongFile(work.resolve("long-prices.csv"), securities, days);
        String label = label((long) securities * days);

        Path db = work.resolve("bench-import.db");
        deleteStore(db);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), bench.mainClass(),
                "--db", db.toString(), "import-prices", csv.toString(), "--create");
        // The store is created (and seeded) by a first, separate run, so the figure is the import alone.
        exec(List.of(java, "-cp", System.getProperty("java.class.path"), bench.mainClass(), "--db",
                db.toString(), "info"));
        double app = exec(cmd);
        double appPeak = lastPeakMiB;
        bench.add(new Bench.Figure("import-prices-" + label + "-rows", app, "ms",
                "whole command in a child JVM, " + securities + " securities × " + days + " days"));
        bench.add(new Bench.Figure("import-prices-" + label + "-rows-peak-memory", appPeak, "MiB",
                "peak resident memory of that command"));

        double base = sqlite3Import(work, csv);
        if (!Double.isNaN(base)) {
            bench.add(new Bench.Figure("baseline-sqlite3-import-" + label + "-rows", base, "ms",
                    "sqlite3 .import into a table keyed by (symbol, date)"));
            bench.add(new Bench.Figure("import-prices-vs-sqlite3", app / base, "x", "budget: at most 2"));
        } else {
            bench.add(new Bench.Figure("baseline-sqlite3-import-" + label + "-rows", Double.NaN, "ms",
                    "sqlite3 not installed: apt-get install sqlite3"));
        }
        deleteStore(db);
    }

    /** 1m for a million rows, else the number. */
    static String label(long rows) {
        return rows >= 1_000_000 && rows % 1_000_000 == 0 ? (rows / 1_000_000) + "m" : String.valueOf(rows);
    }

    /**
     * The baseline: {@code sqlite3}'s {@code .import} of {@code csv} into a WAL-mode table keyed by (symbol, date),
     * whole command, in milliseconds; NaN when {@code sqlite3} is not installed.
     */
    static double sqlite3Import(Path work, Path csv) throws IOException, InterruptedException {
        if (!onPath("sqlite3")) {
            return Double.NaN;
        }
        Path sqliteDb = work.resolve("bench-sqlite.db");
        deleteStore(sqliteDb);
        Path script = work.resolve("import.sql");
        Files.writeString(script, "PRAGMA journal_mode=WAL;\nCREATE TABLE price_bar (symbol TEXT NOT NULL,"
                + " date TEXT NOT NULL, close REAL, PRIMARY KEY (symbol, date)) WITHOUT ROWID;\n"
                + ".import --csv --skip 1 " + csv + " price_bar\n");
        double base = exec(List.of("sh", "-c", "sqlite3 " + sqliteDb + " < " + script));
        deleteStore(sqliteDb);
        return base;

    }

    /** Deletes a SQLite store and its WAL and shared-memory files, where there are any. */
    static void deleteStore(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The peak resident memory (MiB) of the last command run through {@link #exec}, or NaN when unknown. */
    static double lastPeakMiB = Double.NaN;

    /**
     * Runs a command to its end; returns the wall time in milliseconds. Where GNU time is installed the command
     * runs under it, and its peak resident memory is kept in {@link #lastPeakMiB}.
     */
    static double exec(List<String> cmd) throws IOException, InterruptedException {
        return exec(cmd, java.util.Map.of());
    }

    /** {@link #exec(List)} with these variables added to the command's environment. */
    static double exec(List<String> cmd, java.util.Map<String, String> env) throws IOException, InterruptedException {
        List<String> full = new java.util.ArrayList<>();
        Path rss = null;
        if (Files.isExecutable(Path.of("/usr/bin/time"))) {
            rss = Files.createTempFile("rss", ".txt");
            full.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(cmd);
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        lastPeakMiB = Double.NaN;
        if (rss != null) {
            try {
                List<String> lines = Files.readAllLines(rss);
                lastPeakMiB = Double.parseDouble(lines.get(lines.size() - 1).trim()) / 1024;
            } catch (RuntimeException ignored) {
                // no figure
            } finally {
                Files.deleteIfExists(rss);
            }
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", cmd));
        }
        return ms;
    }
}
