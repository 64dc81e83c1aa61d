package org.rareearth.dashboard.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.dashboard.bench.Bench;
import org.rareearth.dashboard.io.AtomicFiles;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.bench.TimelineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: measures the app's hot paths beside a baseline in the same run; see BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the benchmarks and prints each figure as 'name: value unit'.",
                "Every figure has a baseline measured in the same run. Works without a display."})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000",
            description = "Generated events for the timeline figures (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--import-securities", paramLabel = "N", defaultValue = "40",
            description = "Securities in the generated long price file (default: ${DEFAULT-VALUE}).")
    int importSecurities;

    @Option(names = "--import-days", paramLabel = "N", defaultValue = "25000",
            description = "Trading days per security in that file (default: ${DEFAULT-VALUE}; 0 skips the import"
                    + " figures).")
    int importDays;

    @Option(names = "--only", paramLabel = "GROUP", split = ",",
            description = "Run only these groups: startup, series, timeline, views, import, event-study, export; installed"
                    + " (with --launcher); postgresql (with --postgres); growth (not in the default run) measures"
                    + " three sizes ten times apart.")
    java.util.Set<String> only = new java.util.HashSet<>();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Starts of each kind behind the start-up and installed figures, taking turns; each figure is"
                    + " their median (default: ${DEFAULT-VALUE}; more give steadier ratios on a busy machine).")
    int runs;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "An installed launcher (/usr/bin/rare-earth-dashboard): adds the 'installed' figures, its"
                    + " start-up against a bare window on its own runtime and its import against sqlite3.")
    Path launcher;

    @Option(names = "--postgres", paramLabel = "URL",
            description = "A PostgreSQL server (postgresql://user@host:5432/dbname; the role needs CREATEDB): adds the"
                    + " 'postgresql' figures, the import into a PostgreSQL store against psql \\copy of the same"
                    + " rows. The benchmark makes two databases of its own there and drops them.")
    String postgres;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Accepted like every command's (--today pins the day; the benchmarks use their own generated stores). */
    @picocli.CommandLine.Mixin
    Cli.StoreOption storeOption;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--runs must be at least 1 (got " + runs + ")");
        }
        Bench bench = new Bench(spec.commandLine().getOut(), Launcher.class.getName());
        if (wanted("event-study")) {
            org.rareearth.dashboard.bench.EventStudyBenchmark.run(bench, 50, 20);
        }
        if (wanted("import") && importDays > 0) {
            inTempDir("rare-earth-bench", work -> org.rareearth.dashboard.bench.ImportBenchmark.run(bench, work,
                    importSecurities, importDays));
        }
        if (wanted("startup")) {
            inTempDir("rare-earth-bench-startup",
                    work -> org.rareearth.dashboard.bench.StartupBenchmark.run(bench, work, runs));
        }
        if (postgres != null && (only.isEmpty() || only.contains("postgresql")) && importDays > 0) {
            inTempDir("rare-earth-bench-postgresql", work -> org.rareearth.dashboard.bench.PostgresImportBenchmark
                    .run(bench, work, postgres, importSecurities, importDays));
        }
        if (launcher != null && (only.isEmpty() || only.contains("installed"))) {
            inTempDir("rare-earth-bench-installed", work -> org.rareearth.dashboard.bench.InstalledBenchmark.run(
                    bench, work, launcher, runs, importSecurities, importDays));
        }
        if (only.contains("growth")) {
            // How the figures grow with rows, events and studies: three sizes, ten times apart.
            for (int[] size : new int[][] {{4, 2_500}, {40, 2_500}, {40, 25_000}}) {
                inTempDir("rare-earth-bench-growth", work -> org.rareearth.dashboard.bench.ImportBenchmark.run(bench,
                        work, size[0], size[1]));
            }
            for (int n : new int[] {100, 1_000, 10_000}) {
                TimelineBenchmark.run(bench, n);
            }
            for (int securities : new int[] {5, 50, 500}) {
                org.rareearth.dashboard.bench.EventStudyBenchmark.run(bench, securities, 20);
            }
        }
        if (wanted("series")) {
            inTempDir("rare-earth-bench-series",
                    work -> org.rareearth.dashboard.bench.SeriesBenchmark.run(bench, work));
        }
        if (wanted("timeline")) {
            TimelineBenchmark.run(bench, events);
        }
        if (wanted("views")) {
            inTempDir("rare-earth-bench-views",
                    work -> org.rareearth.dashboard.bench.ViewSwitchBenchmark.run(bench, work));
        }
        if (wanted("export")) {
            inTempDir("rare-earth-bench-export",
                    work -> org.rareearth.dashboard.bench.ExportBenchmark.run(bench, work));
        }
        if (json != null) {
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("java", System.getProperty("java.version"));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            AtomicFiles.write(json, Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(bench.toJson(machine)));
        }
        return 0;
    }

    @FunctionalInterface
    private interface Work {
        void run(Path dir) throws Exception;
    }

    /** Runs {@code work} in a fresh temporary folder and removes the folder afterwards. */
    private static void inTempDir(String prefix, Work work) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(prefix);
        try {
            work.run(dir);
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private boolean wanted(String group) {
        return only.isEmpty() || only.contains(group);
    }
}
