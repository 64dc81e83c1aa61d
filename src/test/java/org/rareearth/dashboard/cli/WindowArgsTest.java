package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.cli.Cli;
import org.rareearth.dashboard.cli.WindowArgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The desktop start reads its own plain options without the command-line library; whatever it accepts, the full
 * command line reads alike, and whatever else it leaves to the full command line.
 */
class WindowArgsTest {

    private static final List<String> TOKENS = List.of("--db", "x.db", "--db=y.db", "--exit-after-first-frame",
            "-x", "info", "--help", "@args.txt", "--", "--db=", "a b.db", "-V", "gap");

    /** Every sequence of up to four tokens. */
    private static List<String[]> sequences() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[0]);
        List<List<String>> layer = List.of(List.of());
        for (int n = 1; n <= 4; n++) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : layer) {
                for (String t : TOKENS) {
                    List<String> s = new ArrayList<>(prefix);
                    s.add(t);
                    next.add(s);
                    out.add(s.toArray(String[]::new));
                }
            }
            layer = next;
        }
        return out;
    }

    /** What the full command line reads, or empty when it refuses the arguments or finds a command. */
    private static Optional<WindowArgs> picocli(String[] args) {
        Cli root = new Cli();
        CommandLine cl = new CommandLine(root);
        Cli.COMMANDS.forEach(cl::addSubcommand);
        cl.addSubcommand(CommandLine.HelpCommand.class);
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            if (r.hasSubcommand() || r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                return Optional.empty();
            }
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        return Optional.of(new WindowArgs(root.storeOption.db,
                root.exitAfterFirstFrame));
    }

    @Test
    void every_start_read_without_the_library_is_read_alike_by_it() {
        int accepted = 0;
        for (String[] args : sequences()) {
            Optional<WindowArgs> quick = WindowArgs.read(args);
            if (quick.isPresent()) {
                accepted++;
                assertThat(picocli(args)).as(String.join(" ", args)).contains(quick.get());
                assertThat(Cli.opensWindow(args)).as(String.join(" ", args)).isTrue();
            }
        }
        assertThat(accepted).as("plain starts found among the sequences").isGreaterThan(10);
    }

    @Test
    void the_plain_forms() {
        assertThat(WindowArgs.read(new String[0])).contains(new WindowArgs(null, false));
        assertThat(WindowArgs.read(new String[] {"--db", "a.db", "--exit-after-first-frame"}))
                .contains(new WindowArgs("a.db", true));
        assertThat(WindowArgs.read(new String[] {"--exit-after-first-frame", "--db=b.db"}))
                .contains(new WindowArgs("b.db", true));
    }

    @Test
    void anything_else_goes_to_the_full_command_line() {
        for (String[] args : List.of(new String[] {"info"}, new String[] {"--db", "a.db", "gap"},
                new String[] {"--db", "a.db", "--db", "b.db"}, new String[] {"--db"}, new String[] {"--db="},
                new String[] {"--db", "-x"}, new String[] {"--db", "info"}, new String[] {"--help"},
                new String[] {"@args.txt"}, new String[] {"--exit-after-first-frame", "--exit-after-first-frame"},
                new String[] {"--dbx", "a.db"}, new String[] {"-V"})) {
            assertThat(WindowArgs.read(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
