package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.StartupTrace;
import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.io.prices.PriceCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-prices}: daily prices from a CSV file, in any of the common download layouts. */
@Command(name = "import-prices", mixinStandardHelpOptions = true,
        description = {"Imports daily prices from a CSV file; the layout is recognised from the header.",
                "Strict by default: one bad row and nothing is written. Dates already stored are updated."})
final class ImportPricesCommand extends Cli.StoreCommand {

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--symbol", paramLabel = "SYM",
            description = "The security the prices are for (not needed for a file with a Symbol or Ticker column).")
    String symbol;

    @Option(names = "--skip-bad-rows", description = "Import the good rows and report every rejected one.")
    boolean skipBadRows;

    @Option(names = "--create", description = "Add securities the store does not know yet (name = symbol).")
    boolean create;

    @Option(names = "--exchange", paramLabel = "EX", description = "Exchange of securities added by --create.")
    String exchange;

    @Option(names = "--currency", paramLabel = "CCY", description = "Currency of securities added by --create"
            + " (default USD).")
    String currency;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StartupTrace.mark("import: command parsed");
        PriceImportService.Result r;
        try (Workspace s = open()) {
            StartupTrace.mark("import: store opened");
            r = PriceImportService.run(s.store(), file,
                    new PriceImportService.Options(symbol, skipBadRows, create, exchange, currency, null, true));
            StartupTrace.mark("import: committed");
        }
        StartupTrace.mark("import: store closed");
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            if (r.format().isLong()) {
                ArrayNode syms = o.putArray("symbols");
                r.symbols().forEach(syms::add);
            } else {
                o.put("symbol", symbol);
            }
            o.put("rows", r.rows());
            o.put("inserted", r.inserted());
            o.put("updated", r.updated());
            o.put("blank", r.blank());
            ArrayNode skipped = o.putArray("skipped");
            for (PriceCsv.Problem p : r.skipped()) {
                ObjectNode sk = skipped.addObject();
                sk.put("line", p.line());
                sk.put("column", p.column());
                sk.put("value", p.value());
                sk.put("reason", p.toString());
            }
            o.put("layout", r.format().layout());
            o.put("dateFormat", r.format().datePattern().replace("uuuu", "yyyy").replace("uu", "yy"));
            out().println(Json.MAPPER.writeValueAsString(o));
        } else {
            out().printf("Imported %s (%s, dates %s): %d rows, %d new, %d updated, %d without a price"
                            + " (holidays), %d rejected.%n", file, r.format().layout(),
                    r.format().datePattern().replace("uuuu", "yyyy"), r.rows(), r.inserted(), r.updated(),
                    r.blank(), r.skipped().size());
            r.skipped().forEach(p -> out().println("  rejected " + p));
        }
        return 0;
    }
}
