package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.service.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.dashboard.desktop.export.ChartExporter;
import org.rareearth.dashboard.desktop.export.Charts;
import org.rareearth.dashboard.desktop.export.ExportOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export-png}: the app's charts as PNG files, with or without a display. */
@Command(name = "export-png", mixinStandardHelpOptions = true,
        description = {"Writes charts as PNG files of exactly width×scale by height×scale pixels and prints each"
                + " path written.", "Works with no display (it renders on the headless platform)."})
final class ExportPngCommand extends Cli.StoreCommand {

    @Option(names = "--chart", required = true, paramLabel = "NAME",
            description = "dashboard, reactions, gap, timeline, pooled (the pooled event study of China's controls against US investment, over every security with daily prices) or all (the first four).")
    String chart;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--width", defaultValue = "1600", description = "Width in logical pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Height in logical pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", defaultValue = "2", description = "Pixels per logical pixel (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark",
            description = "Light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Override
    public Integer call() throws Exception {
        List<String> names = "all".equalsIgnoreCase(chart) ? Charts.NAMES : List.of(chart.toLowerCase());
        ExportOptions.Theme t;
        ExportOptions options;
        try {
            if (!Charts.known(chart)) {
                throw new IllegalArgumentException("unknown chart '" + chart + "' (known: "
                        + String.join(", ", Charts.NAMES) + ", " + String.join(", ", Charts.BY_NAME_ONLY) + ", all)");
            }
            t = ExportOptions.Theme.parse(theme);
            options = new ExportOptions(width, height, scale, t, null, null, null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(out);
        FxRuntime.start();
        List<Path> written = new ArrayList<>();
        try (Workspace s = open()) {
            for (String name : names) {
                var spec = FxRuntime.call(() -> Charts.view(name, s).exportSpec());
                ChartExporter.Pixels px = ChartExporter.renderSettled(spec, options);
                Path file = out.resolve(name + ".png").toAbsolutePath();
                px.writePng(file);
                written.add(file);
                out().println(file);
                out().flush();
            }
        }
        return 0;
    }
}
