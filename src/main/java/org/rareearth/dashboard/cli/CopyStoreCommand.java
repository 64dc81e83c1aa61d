package org.rareearth.dashboard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.StoreCopy;
import org.rareearth.dashboard.store.Counts;
import org.rareearth.dashboard.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code copy-store FROM TO}: a whole store copied between a SQLite file and a PostgreSQL database. */
@Command(name = "copy-store", mixinStandardHelpOptions = true,
        description = {"Copies a whole store, all or nothing: a SQLite file to a PostgreSQL database to start a team"
                + " store, or a PostgreSQL store to a file to take a copy along.",
                "FROM and TO are store files or postgresql://user@host:5432/dbname URLs (password from PGPASSWORD or"
                        + " ~/.pgpass). TO may be new or empty; with --replace, what it holds is replaced.",
                "Progress goes to stderr."})
final class CopyStoreCommand implements Callable<Integer> {
    @ParentCommand
    Cli parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The store to copy.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The store to write.")
    String to;

    @Option(names = "--replace", description = "Replace what TO holds (in the same transaction as the copy).")
    boolean replace;

    @Option(names = "--json", description = "Print JSON: {\"from\":…,\"to\":…,\"counts\":{…}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StoreLocation source = StoreLocation.parse(from, "FROM");
        StoreLocation target = StoreLocation.parse(to, "TO");
        var err = spec.commandLine().getErr();
        int[] shown = {-1};
        Counts c = StoreCopy.copy(source, target, replace, parent.env(), f -> {
            int tenth = (int) Math.floor(f * 10);
            if (tenth > shown[0]) {
                shown[0] = tenth;
                err.printf("copy-store: %d%% of the daily prices written%n", tenth * 10);
                err.flush();
            }
        });
        var out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("from", source.display());
            root.put("to", target.display());
            Cli.putCounts(root, c);
            out.println(Json.MAPPER.writeValueAsString(root));
        } else {
            out.printf("Copied %s to %s: %d records, %d of them daily prices%n", source.display(),
                    target.display(), StoreCopy.total(c), c.priceBars());
        }
        return 0;
    }
}
