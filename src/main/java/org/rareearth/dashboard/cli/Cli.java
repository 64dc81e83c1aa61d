package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.desktop.DesktopLauncher;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.StartupTrace;
import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.store.Counts;
import org.rareearth.dashboard.store.Store;
import org.rareearth.dashboard.store.StoreException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The command line. With no subcommand it opens the desktop app. Exit codes: 0 ok, 1 failure, 2 usage. */
@Command(name = "rare-earth-dashboard", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Rare Earth Dashboard: stock reactions, the NdPr price-support gap and the export-restriction"
                + " timeline, from a local SQLite store.", "", "With no command, opens the desktop app."})
public final class Cli implements Callable<Integer> {

    /** The commands, registered in {@link #commandLine}. */
    static final List<Class<?>> COMMANDS = List.of(Info.class, ExportDataset.class, ImportDataset.class,
            ImportPricesCommand.class, FetchPricesCommand.class, EventStudyCommand.class, EventStudyPooledCommand.class, GapCommand.class, TimelineCommand.class,
            CapacityCommand.class, ExportPngCommand.class, ReviewCommand.class, BackupCommands.Backup.class, BackupCommands.Restore.class, CopyStoreCommand.class, BenchCommand.class);

    @Mixin
    StoreOption storeOption;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--exit-after-first-frame",
            description = "Open the window, print first-frame-ms (time from JVM start to the first painted frame)"
                    + " and exit; for start-up benchmarks.")
    boolean exitAfterFirstFrame;

    private Map<String, String> env = System.getenv();

    /** Opens the desktop app on the chosen store. */
    @Override
    public Integer call() {
        return DesktopLauncher.launch(store(null), spec.commandLine().getErr(), exitAfterFirstFrame);
    }

    /**
     * Sets the app's clock from {@code --today} (the command's, else the root's) or {@code RARE_EARTH_TODAY}; a
     * value that is not a date is a usage error naming the option or the variable.
     */
    void configureToday(StoreOption sub) {
        String chosen = sub != null && sub.today != null ? sub.today : storeOption.today;
        try {
            AppClock.configure(chosen, env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The store a command works on: a file or a PostgreSQL database. */
    org.rareearth.dashboard.store.StoreLocation store(StoreOption sub) {
        String chosen = sub != null && sub.db != null ? sub.db : storeOption.db;
        return AppPaths.resolveStore(chosen, env);
    }

    /** The environment the command line was given (PGUSER and PGPASSWORD for a PostgreSQL store). */
    Map<String, String> env() {
        return env;
    }

    /** {@code --db PATH}, accepted before or after the command name. */
    public static final class StoreOption {
        @Option(names = "--db", paramLabel = "PATH|URL",
                description = "Store file, or a PostgreSQL database as postgresql://user@host:5432/dbname (password"
                        + " from PGPASSWORD or ~/.pgpass; default: $RARE_EARTH_DB, else"
                        + " ~/.rare-earth-dashboard/dashboard.db).")
        String db;

        @Option(names = "--today", paramLabel = "YYYY-MM-DD",
                description = "Take this day as today: statuses, tiles, the timeline's today line, days-since figures"
                        + " and footnotes (default: $RARE_EARTH_TODAY, else the machine's date).")
        String today;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Rare Earth Dashboard " + (v == null ? "(development build)" : v)};
        }
    }

    /** Base of the subcommands that work on the store. */
    abstract static class StoreCommand implements Callable<Integer> {
        @ParentCommand
        Cli parent;

        @Mixin
        StoreOption storeOption;

        @Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Workspace open() {
            return Workspace.open(parent.store(storeOption), parent.env());
        }

        /** Today as this command sees it ({@code --today}, {@code RARE_EARTH_TODAY} or the machine's date). */
        java.time.LocalDate today() {
            return AppClock.today();
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Shows the store's path, schema version and record counts.")
    static final class Info extends StoreCommand {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Workspace s = open()) {
                Counts c = s.datasets.counts();
                if (json) {
                    ObjectNode root = Json.MAPPER.createObjectNode();
                    root.put("schemaVersion", s.store().schemaVersion());
                    root.put("db", s.store().location().display());
                    putCounts(root, c);
                    out().println(Json.MAPPER.writeValueAsString(root));
                } else {
                    out().printf("Store:          %s%n", s.store().location().display());
                    out().printf("Schema version: %d (this app writes %d)%n", s.store().schemaVersion(),
                            Store.latestSchemaVersion());
                    out().printf("Securities:     %d%nPrice bars:     %d%nEvents:         %d%nReactions:      %d%n"
                                    + "Assessments:    %d%nFX rates:       %d%nPrice floors:   %d%nStakes:         %d%n"
                                    + "Capacity projects: %d%nStage shares:   %d%nQuotas:         %d%n",
                            c.securities(), c.priceBars(), c.events(), c.reactions(), c.assessments(), c.fxRates(),
                            c.floors(), c.stakes(), c.capacityProjects(), c.stageShares(), c.quotas());
                }
            }
            return 0;
        }
    }

    /** The store's counts under {@code "counts"}, with the keys of {@code info --json}. */
    static void putCounts(ObjectNode root, Counts c) {
        ObjectNode counts = root.putObject("counts");
        counts.put("securities", c.securities());
        counts.put("priceBars", c.priceBars());
        counts.put("events", c.events());
        counts.put("reactions", c.reactions());
        counts.put("assessments", c.assessments());
        counts.put("fxRates", c.fxRates());
        counts.put("floors", c.floors());
        counts.put("stakes", c.stakes());
        counts.put("capacityProjects", c.capacityProjects());
        counts.put("stageShares", c.stageShares());
        counts.put("quotas", c.quotas());
    }

    @Command(name = "export-dataset", mixinStandardHelpOptions = true,
            description = "Writes the whole store as a dataset JSON file (the format of data/dataset.json).")
    static final class ExportDataset extends StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The JSON file to write (replaced whole, never half-written).")
        Path file;

        @Override
        public Integer call() {
            try (Workspace s = open()) {
                s.exportDataset(file);
                out().println("Wrote " + file.toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "import-dataset", mixinStandardHelpOptions = true,
            description = {"Reads a dataset JSON file into the store, all or nothing.",
                    "Records are added or updated by their keys; with --replace the store is emptied first."})
    static final class ImportDataset extends StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The dataset JSON file to read.")
        Path file;

        @Option(names = "--replace", description = "Empty the store before importing (in the same transaction).")
        boolean replace;

        @Option(names = "--keep-existing", description = "Add only the records whose keys are new; leave every"
                + " record the store holds as it is and list each one that differs from the file.")
        boolean keepExisting;

        @Override
        public Integer call() {
            if (replace && keepExisting) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--replace and --keep-existing cannot be used together");
            }
            if (keepExisting) {
                try (Workspace s = open()) {
                    var plan = s.importDatasetKeepingExisting(file);
                    out().printf("Imported %s keeping existing records: %d new record(s) added, %d unchanged, %d"
                                    + " kept as stored though the file differs.%n", file, plan.added(),
                            plan.unchanged(), plan.differences().size());
                    for (var d : plan.differences()) {
                        out().println("  kept: " + d);
                    }
                }
                return 0;
            }
            try (Workspace s = open()) {
                Counts added = s.importDataset(file, replace);
                Counts now = s.datasets.counts();
                out().printf("Imported %s: %d securities, %d events, %d reactions, %d assessments, %d FX rates,"
                                + " %d floors, %d stakes, %d capacity projects, %d stage shares, %d quotas, %d price bars new; the"
                                + " store now holds %d events.%n",
                        file, added.securities(), added.events(), added.reactions(), added.assessments(),
                        added.fxRates(), added.floors(), added.stakes(), added.capacityProjects(),
                        added.stageShares(), added.quotas(), added.priceBars(), now.events());
            }
            return 0;
        }
    }

    /** Runs the command line with the given streams and environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        // Opening the window needs only the root's options: the commands' models are built when one is named
        // (or when the arguments do not parse, so that the message and the usage list every command).
        // A named command is read with only its own model (building all fifteen cost 100-200 ms of reflection on
        // every start); anything that does not parse is read again by the full command line, so
        // mistakes and help get the same messages and usage as before.
        boolean window = opensWindow(args);
        Class<?> named = window || asksForHelp(args) ? null : namedCommand(args);
        CommandLine cl = commandLine(out, err, env, window ? List.of() : named != null ? List.of(named) : COMMANDS);
        if (window || named != null) {
            cl.setParameterExceptionHandler((ex, a) -> commandLine(out, err, env, COMMANDS).execute(args));
        }
        StartupTrace.mark("command line built");
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The root with these commands (all of them come with the help command). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env,
                                   List<Class<?>> commands) {
        Cli root = new Cli();
        root.env = env;
        CommandLine cl = new CommandLine(root);
        commands.forEach(cl::addSubcommand);
        if (commands.size() == COMMANDS.size()) {
            cl.addSubcommand(CommandLine.HelpCommand.class);
        }
        cl.setOut(out);
        cl.setErr(err);
        // The day is set before any command runs, from the command's --today, the root's, or RARE_EARTH_TODAY.
        cl.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            // Every command that mixes in the store options (--db, --today) takes its own --today.
            CommandLine.Model.CommandSpec mixin = last.commandSpec().mixins().get("storeOption");
            root.configureToday(mixin != null && mixin.userObject() instanceof StoreOption so && last != parsed
                    ? so : null);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + userMessage(e));
            LoggerFactory.getLogger(Cli.class).debug("command failed", e);
            return 1;
        });
        return cl;
    }

    /** True when the arguments ask for help or the version (which open no store). */
    static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (WindowArgs.HELP.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The command the first command name among {@code args} names, or null when none does. */
    static Class<?> namedCommand(String[] args) {
        for (String a : args) {
            int i = WindowArgs.COMMAND_NAMES.indexOf(a);
            if (i >= 0) {
                return COMMANDS.get(i);
            }
        }
        return null;
    }

    /** True when the arguments name no command and ask for no help or version: the desktop app will start. */
    static boolean opensWindow(String[] args) {
        for (String a : args) {
            if (WindowArgs.NOT_A_WINDOW.contains(a)) {
                return false;
            }
        }
        return true;
    }

    static String userMessage(Exception e) {
        if (e instanceof StoreException || e instanceof DataFileException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
