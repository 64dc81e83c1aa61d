package org.rareearth.dashboard.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.dashboard.bench.Bench;
import org.rareearth.dashboard.io.AtomicFiles;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.ui.timeline.TimelineBenchmark;
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
            description = "Run only these groups: startup, timeline, import, event-study, export.")
    java.util.Set<String> only = new java.util.HashSet<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Bench bench = new Bench(spec.commandLine().getOut());
        if (wanted("event-study")) {
            org.rareearth.dashboard.bench.EventStudyBenchmark.run(bench, 50, 20);
        }
        if (wanted("import") && importDays > 0) {
            Path work = java.nio.file.Files.createTempDirectory("rare-earth-bench");
            try {
                org.rareearth.dashboard.bench.ImportBenchmark.run(bench, work, importSecurities, importDays);
            } finally {
                try (var files = java.nio.file.Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        if (wanted("startup")) {
            Path work = java.nio.file.Files.createTempDirectory("rare-earth-bench-startup");
            try {
                org.rareearth.dashboard.bench.StartupBenchmark.run(bench, work, 5);
            } finally {
                try (var files = java.nio.file.Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        if (wanted("timeline")) {
            TimelineBenchmark.run(bench, events);
        }
        if (wanted("export")) {
            Path work = java.nio.file.Files.createTempDirectory("rare-earth-bench-export");
            try {
                org.rareearth.dashboard.ui.export.ExportBenchmark.run(bench, work);
            } finally {
                try (var files = java.nio.file.Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
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

    private boolean wanted(String group) {
        return only.isEmpty() || only.contains(group);
    }
}
