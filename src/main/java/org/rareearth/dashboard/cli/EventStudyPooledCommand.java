package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.analytics.PooledEventStudy;
import org.rareearth.dashboard.analytics.timeline.EventFilter;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.PooledStudyService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code event-study-pooled}: CAAR and its tests over securities and events of the policy timeline. */
@Command(name = "event-study-pooled", mixinStandardHelpOptions = true,
        description = {"Pools market-model event studies over securities and events: AAR, CAAR, the cross-sectional"
                + " t, Patell, BMP and generalized sign tests (two-sided p-values). Returns are fractions.",
                "Events by code (--events) or by the timeline's filters (--actor, --category, --material, --from,"
                        + " --to). Each security's day 0 moves by its exchange's session offset as in event-study.",
                "Without --benchmark the model is mean-adjusted (alpha = mean return, beta = 0)."})
final class EventStudyPooledCommand extends Cli.StoreCommand {

    @Option(names = "--symbols", required = true, split = ",", paramLabel = "SYM",
            description = "The securities, separated by commas.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--events", split = ",", paramLabel = "CODE", description = "The events by code.")
    List<String> events = new ArrayList<>();

    @Option(names = "--actor", split = ",", paramLabel = "A", description = "china, united-states, allies, bilateral.")
    List<String> actors = new ArrayList<>();

    @Option(names = "--category", split = ",", paramLabel = "C", description = "export-control,"
            + " technology-export-ban, investment, alliance, trade-investigation, suspension.")
    List<String> categories = new ArrayList<>();

    @Option(names = "--material", split = ",", paramLabel = "M", description = "A material of the event.")
    List<String> materials = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only events still running on or after"
            + " this day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only events announced on or before this day.")
    LocalDate to;

    @Option(names = "--benchmark", paramLabel = "SYM|auto",
            description = "The benchmark for every security, or auto for each security's market index (default:"
                    + " none, mean-adjusted).")
    String benchmark;

    @Option(names = "--window", paramLabel = "FROM:TO", defaultValue = "-1:1",
            description = "Event window in trading days (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--estimation", paramLabel = "FROM:TO", defaultValue = "-250:-11",
            description = "Estimation window in trading days (default: ${DEFAULT-VALUE}).")
    String estimation;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PooledStudyService.Request request;
        try {
            if (!events.isEmpty() && (!actors.isEmpty() || !categories.isEmpty() || !materials.isEmpty()
                    || from != null || to != null)) {
                throw new IllegalArgumentException("choose events either by --events or by filters, not both");
            }
            Set<Actor> a = new LinkedHashSet<>();
            actors.forEach(x -> a.add(Actor.fromCode(x)));
            Set<Category> c = new LinkedHashSet<>();
            categories.forEach(x -> c.add(Category.fromCode(x)));
            EventFilter filter = new EventFilter(a, c, new LinkedHashSet<>(materials), "", from, to);
            request = new PooledStudyService.Request(symbols.stream().map(String::strip).toList(), events, filter,
                    benchmark == null ? null : benchmark.strip(), EventStudy.Window.parse(window),
                    EventStudy.Window.parse(estimation));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Workspace s = open()) {
            PooledEventStudy.Result r = s.pooledStudies().run(request);
            if (json) {
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)));
            } else {
                print(r);
            }
        }
        return 0;
    }

    /** A number, or null where it cannot be computed (JSON has no NaN). */
    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static ObjectNode toJson(PooledEventStudy.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("n", r.n());
        o.putArray("window").add(r.window().from()).add(r.window().to());
        o.putArray("estimation").add(r.estimation().from()).add(r.estimation().to());
        num(o, "caar", r.caar());
        ArrayNode aar = o.putArray("aar");
        for (PooledEventStudy.Day d : r.days()) {
            ObjectNode x = aar.addObject();
            x.put("offset", d.offset());
            num(x, "aar", d.aar());
            num(x, "caar", d.caar());
            num(x, "caarStdError", d.caarStdError());
        }
        ObjectNode tests = o.putObject("tests");
        test(tests, "crossSectionalT", r.crossSectionalT());
        test(tests, "patell", r.patell());
        test(tests, "bmp", r.bmp());
        test(tests, "sign", r.sign());
        ArrayNode studies = o.putArray("studies");
        for (PooledEventStudy.Study st : r.studies()) {
            ObjectNode x = studies.addObject();
            x.put("symbol", st.symbol());
            x.put("event", st.event());
            x.put("day0", st.day0().toString());
            num(x, "car", st.car());
            num(x, "scar", st.scar());
            x.put("estimationDays", st.estimationDays());
            x.put("model", st.model());
            x.put("benchmark", st.benchmark());
            num(x, "alpha", st.alpha());
            num(x, "beta", st.beta());
            num(x, "sigma", st.sigma());
        }
        ArrayNode excluded = o.putArray("excluded");
        for (PooledEventStudy.Excluded e : r.excluded()) {
            excluded.addObject().put("symbol", e.symbol()).put("event", e.event()).put("reason", e.reason());
        }
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }

    private static void test(ObjectNode tests, String name, PooledEventStudy.Test t) {
        ObjectNode x = tests.putObject(name);
        num(x, "stat", t.stat());
        num(x, "p", t.p());
    }

    private void print(PooledEventStudy.Result r) {
        out().printf(Locale.ROOT, "Pooled event study: N = %d, window %s, estimation %s%n", r.n(), r.window(),
                r.estimation());
        out().printf(Locale.ROOT, "CAAR = %s%n", pct(r.caar()));
        out().printf("%-18s  %10s  %10s%n", "test", "stat", "p (2-sided)");
        row("cross-sectional t", r.crossSectionalT());
        row("Patell Z", r.patell());
        row("BMP Z", r.bmp());
        row("generalized sign Z", r.sign());
        out().printf("%n%-10s  %-34s  %-10s  %9s  %8s  %5s  %s%n", "security", "event", "day 0", "CAR", "SCAR", "L",
                "model");
        for (PooledEventStudy.Study s : r.studies()) {
            out().printf(Locale.ROOT, "%-10s  %-34s  %-10s  %9s  %8.3f  %5d  %s%n", s.symbol(), s.event(), s.day0(),
                    pct(s.car()), s.scar(), s.estimationDays(), s.model().equals("market")
                            ? "market model, " + s.benchmark() : s.model());
        }
        r.excluded().forEach(e -> out().println("excluded: " + e.symbol() + " around " + e.event() + ": "
                + e.reason()));
        r.warnings().forEach(w -> out().println("warning: " + w));
    }

    private void row(String name, PooledEventStudy.Test t) {
        out().printf(Locale.ROOT, "%-18s  %10s  %10s%n", name, Double.isFinite(t.stat())
                ? String.format(Locale.ROOT, "%.3f", t.stat()) : "n/a", Double.isFinite(t.p())
                ? String.format(Locale.ROOT, "%.4f", t.p()) + " " + stars(t.p()) : "n/a");
    }

    static String stars(double p) {
        return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.10 ? "*" : "";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a";
    }
}
