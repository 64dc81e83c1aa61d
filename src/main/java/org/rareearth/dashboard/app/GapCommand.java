package org.rareearth.dashboard.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gap}: the floor against every China price of its commodity, on one USD/kg basis. */
@Command(name = "gap", mixinStandardHelpOptions = true,
        description = {"Compares the price floor with every China price quote of its commodity in USD/kg.",
                "Each quote is converted at the FX fixing of its date or the nearest earlier one (at most 10 days"
                        + " older); a quote with no such rate is an error naming its date."})
final class GapCommand extends Cli.StoreCommand {

    @Option(names = "--vat", paramLabel = "included|excluded", defaultValue = "excluded",
            converter = VatConverter.class,
            description = "Compare with China's 13%% VAT included or taken out (default: ${DEFAULT-VALUE}).")
    VatBasis vat;

    @Option(names = "--volume", paramLabel = "T", defaultValue = "0",
            description = "Tonnes a year the floor covers, for the top-up payment (default: ${DEFAULT-VALUE}).")
    double volume;

    @Option(names = "--program", paramLabel = "NAME",
            description = "The price floor to compare (default: the only or first one in the store).")
    String program;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "Start of the period for the yearly top-up (default: the floor's start).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
            description = "End of the period for the yearly top-up (default: the latest quote).")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    static final class VatConverter implements picocli.CommandLine.ITypeConverter<VatBasis> {
        @Override
        public VatBasis convert(String value) {
            try {
                return VatBasis.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--volume must be zero or more tonnes a year, not " + volume);
        }
        try (Services s = open()) {
            List<PriceFloor> floors = s.floors.all();
            PriceFloor floor = floors.stream().filter(f -> program == null || f.program().equals(program))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(program == null
                            ? "the store holds no price floor; add one first"
                            : "no price floor named '" + program + "' (known: "
                            + String.join(", ", floors.stream().map(PriceFloor::program).toList()) + ")"));
            GapReport r = GapReport.build(floor, s.assessments.all(), s.fxRates.all(), vat, volume, from, to);
            if (!r.skipped().isEmpty()) {
                throw new IllegalArgumentException("cannot convert " + r.skipped().size() + " quote(s) to USD: "
                        + String.join("; ", r.skipped()));
            }
            if (json) {
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)));
            } else {
                print(r, out());
            }
        }
        return 0;
    }

    static ObjectNode toJson(GapReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("floorUsdPerKg", GapAnalysis.floorUsdPerKg(r.floor()));
        root.put("vat", r.basis().code());
        root.put("basis", "USD/kg, " + r.basis().label());
        ObjectNode floor = root.putObject("floor");
        floor.put("program", r.floor().program());
        floor.put("commodity", r.floor().commodity());
        floor.put("start", r.floor().start().toString());
        floor.put("end", r.floor().end() == null ? null : r.floor().end().toString());
        floor.put("upsideShare", r.floor().upsideShare());
        floor.put("source", r.floor().source());
        root.put("volumeTonnesPerYear", r.volumeTonnes());
        ObjectNode period = root.putObject("period");
        period.put("from", r.periodFrom().toString());
        period.put("to", r.periodTo().toString());
        period.put("annualTopUpUsd", r.annualTopUpUsd());
        ArrayNode points = root.putArray("points");
        for (GapAnalysis.Point p : r.points()) {
            ObjectNode o = points.addObject();
            o.put("date", p.date().toString());
            o.put("source", p.quote().source());
            ObjectNode q = o.putObject("quote");
            q.put("low", p.quote().low());
            q.put("high", p.quote().high());
            q.put("currency", p.quote().currency());
            q.put("unit", p.quote().unit());
            q.put("vatIncluded", p.quote().vatIncluded());
            q.put("basis", p.quote().basis());
            if (p.fx() == null) {
                o.putNull("fxRate");
                o.putNull("fxDate");
                o.putNull("fxPair");
            } else {
                o.put("fxRate", p.fx().rate());
                o.put("fxDate", p.fx().date().toString());
                o.put("fxPair", p.fx().pair());
            }
            o.put("chinaUsdPerKg", p.chinaUsdPerKg());
            o.put("chinaLowUsdPerKg", p.lowUsdPerKg());
            o.put("chinaHighUsdPerKg", p.highUsdPerKg());
            o.put("gapUsdPerKg", p.gapUsdPerKg());
            o.put("ratio", p.ratio());
            o.put("floorInForce", p.floorInForce());
            o.put("topUpUsd", p.topUpUsd());
            o.put("upsideShareUsd", p.upsideShareUsd());
            o.put("arithmetic", p.arithmetic());
        }
        return root;
    }

    private static void print(GapReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %.2f USD/kg from %s. China prices in USD/kg, %s.%n", r.floor().program(),
                GapAnalysis.floorUsdPerKg(r.floor()), r.floor().start(), r.basis().label());
        out.printf(Locale.ROOT, "%-10s  %10s  %10s  %6s  %14s  %-22s  %s%n", "date", "China", "gap", "ratio",
                "top-up USD/yr", "FX used", "source");
        for (GapAnalysis.Point p : r.points()) {
            out.printf(Locale.ROOT, "%-10s  %10.2f  %10.2f  %5.2fx  %14s  %-22s  %s%n", p.date(), p.chinaUsdPerKg(),
                    p.gapUsdPerKg(), p.ratio(), p.floorInForce() ? String.format(Locale.ROOT, "%,.0f", p.topUpUsd())
                            : "not in force",
                    p.fx() == null ? "(USD quote)" : p.fx().pair() + " " + p.fx().rate() + " " + p.fx().date(),
                    p.quote().source());
        }
        out.printf(Locale.ROOT, "Volume %,.0f t/year: average top-up %,.0f USD/year over %s to %s.%n",
                r.volumeTonnes(), r.annualTopUpUsd(), r.periodFrom(), r.periodTo());
    }
}
