package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Locale;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code event-study}: abnormal returns of one security around a date, from its stored daily prices. */
@Command(name = "event-study", mixinStandardHelpOptions = true,
        description = {"Market-model event study on stored daily prices. Returns are fractions (0.5062, not 50.62).",
                "Day 0 is the first trading day on or after --date, moved by --offset trading days."})
final class EventStudyCommand extends Cli.StoreCommand {

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "The security.")
    String symbol;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The event date.")
    LocalDate date;

    @Option(names = "--benchmark", paramLabel = "SYM",
            description = "Benchmark for the market model; without it, returns are raw.")
    String benchmark;

    @Option(names = "--window", paramLabel = "FROM:TO", defaultValue = "-1:1",
            description = "Event window in trading days (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--estimation", paramLabel = "FROM:TO", defaultValue = "-250:-11",
            description = "Estimation window in trading days (default: ${DEFAULT-VALUE}).")
    String estimation;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "Trading days from the first session on or after the date to day 0, such as 1 for an"
                    + " exchange that learns of the event the next session (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        EventStudy.Window w;
        EventStudy.Window e;
        try {
            w = EventStudy.Window.parse(window);
            e = EventStudy.Window.parse(estimation);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        try (Workspace s = open()) {
            EventStudy.Result r = s.eventStudies().run(symbol, benchmark, date, offset, w, e);
            if (json) {
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)));
            } else {
                print(r);
            }
        }
        return 0;
    }

    static ObjectNode toJson(EventStudy.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("symbol", r.symbol());
        o.put("benchmark", r.benchmark());
        o.put("model", r.raw() ? "raw" : "market");
        o.put("eventDate", r.eventDate().toString());
        o.put("day0", r.day0().toString());
        o.put("offset", r.dayOffset());
        o.put("alpha", r.alpha());
        o.put("beta", r.beta());
        o.put("sigma", r.sigma());
        o.put("estimationDays", r.estimationDays());
        ArrayNode win = o.putArray("window");
        win.add(r.window().from());
        win.add(r.window().to());
        ArrayNode est = o.putArray("estimation");
        est.add(r.estimation().from());
        est.add(r.estimation().to());
        ArrayNode ars = o.putArray("abnormalReturns");
        for (EventStudy.Day d : r.days()) {
            ObjectNode a = ars.addObject();
            a.put("offset", d.offset());
            a.put("date", d.date().toString());
            a.put("return", d.ret());
            a.put("benchmarkReturn", d.benchmarkReturn());
            a.put("ar", d.ar());
            a.put("car", d.car());
        }
        o.put("car", r.car());
        o.put("tStat", r.tStat());
        o.put("significance", EventStudy.stars(r.tStat()));
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }

    private void print(EventStudy.Result r) {
        out().printf(Locale.ROOT, "%s around %s (day 0 = %s%s), %s%n", r.symbol(), r.eventDate(), r.day0(),
                r.dayOffset() == 0 ? "" : ", offset " + r.dayOffset(),
                r.raw() ? "raw returns (no benchmark)" : "market model against " + r.benchmark());
        if (!r.raw()) {
            out().printf(Locale.ROOT, "alpha %.6f  beta %.4f  ", r.alpha(), r.beta());
        }
        out().printf(Locale.ROOT, "sigma %.6f over %d estimation days %s%n", r.sigma(), r.estimationDays(),
                r.estimation());
        out().printf("%6s  %-10s  %10s  %10s  %10s%n", "day", "date", "return", "AR", "CAR");
        for (EventStudy.Day d : r.days()) {
            out().printf(Locale.ROOT, "%6d  %-10s  %9.2f%%  %9.2f%%  %9.2f%%%n", d.offset(), d.date(), d.ret() * 100,
                    d.ar() * 100, d.car() * 100);
        }
        out().printf(Locale.ROOT, "CAR[%s] = %.2f%%, t = %.2f %s%n", r.window(), r.car() * 100, r.tStat(),
                EventStudy.stars(r.tStat()));
        r.warnings().forEach(wn -> out().println("warning: " + wn));
    }
}
