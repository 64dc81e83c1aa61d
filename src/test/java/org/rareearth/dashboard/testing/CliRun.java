package org.rareearth.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.rareearth.dashboard.cli.Cli;
import org.rareearth.dashboard.io.Json;

/** Runs the command line in the test's JVM and keeps what it printed. */
public record CliRun(int code, String out, String err) {

    public static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** The JSON it printed; fails naming stderr when the command did not succeed. */
    public JsonNode json() {
        if (code != 0) {
            throw new AssertionError("exit " + code + ": " + err);
        }
        try {
            return Json.MAPPER.readTree(out);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }
}
