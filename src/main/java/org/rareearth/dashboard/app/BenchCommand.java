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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Bench bench = new Bench(spec.commandLine().getOut());
        TimelineBenchmark.run(bench, events);
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
}
