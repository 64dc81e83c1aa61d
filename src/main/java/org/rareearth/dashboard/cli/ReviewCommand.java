package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code review}: what in the store needs a look today. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Lists what needs a look: lapsed suspensions and end dates, price series and quotes older than"
                + " 30 days, records marked U, events without a source URL.",
                "Today is the machine's date, or --today / RARE_EARTH_TODAY."})
final class ReviewCommand extends Cli.StoreCommand {

    @Option(names = "--json", description = "Print JSON: {\"on\":…,\"items\":[{\"kind\":…,\"key\":…,\"reason\":…}]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalDate day = today();
        try (Workspace s = open()) {
            List<Review.Item> items = s.review(day);
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.put("on", day.toString());
                ArrayNode arr = root.putArray("items");
                for (Review.Item i : items) {
                    arr.addObject().put("kind", i.kind()).put("key", i.key()).put("reason", i.reason());
                }
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out().printf("%d item(s) to review on %s%n", items.size(), day);
                for (Review.Item i : items) {
                    out().printf("%-10s  %-40s  %s%n", i.kind(), i.key(), i.reason());
                }
            }
        }
        return 0;
    }
}
