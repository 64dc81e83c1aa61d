package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.desktop.DesktopLauncher;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.StartupTrace;
import org.rareearth.dashboard.store.NativeSqlite;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the jar and of {@code mvn javafx:run}. It is not an {@code Application} subclass, so the
 * jar starts with JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        StartupTrace.mark("main");
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        java.util.Optional<WindowArgs> window = WindowArgs.read(args);
        if (window.isPresent()) {
            // The desktop app with only its own options: nothing for the command line to read but the day, which
            // RARE_EARTH_TODAY may pin. The toolkit, the longest to come up, starts first (on its own thread):
            // reading the day and the store's location takes 15-25 ms of a cold start.
            DesktopLauncher.prestart();
            try {
                org.rareearth.dashboard.service.AppClock.configure(null, System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                System.exit(2);
            }
            org.rareearth.dashboard.store.StoreLocation db;
            try {
                db = AppPaths.resolveStore(window.get().db(), System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                System.exit(2);
                return;
            }
            System.exit(DesktopLauncher.launch(db, err, window.get().exitAfterFirstFrame()));
        }
        if (Cli.opensWindow(args)) {
            // The toolkit starts while the command line is read (which loads the command classes and logging).
            DesktopLauncher.prestart();
        } else if (!Cli.asksForHelp(args)) {
            NativeSqlite.useKeptCopy(AppPaths.home());
            // Reading the command line takes picocli about 90 ms of reflection. Meanwhile a second thread starts
            // the logging and loads SQLite's driver and native library, which the command would do after it, and
            // for a price import runs its detection and parsing once on a sample in memory (their first run loads
            // and links their classes, on the import's path before its transaction otherwise).
            boolean sqlite = !namesPostgres(args, System.getenv());
            boolean importsPrices = java.util.Arrays.asList(args).contains("import-prices");
            Thread warmUp = new Thread(() -> {
                LoggerFactory.getILoggerFactory();
                if (sqlite) {
                    NativeSqlite.loadDriver();
                }
                if (importsPrices) {
                    try {
                        org.rareearth.dashboard.service.PriceImportService.warmUp();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(Launcher.class).debug("the import's warm-up failed", e);
                    }
                }
            }, "warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int code = Cli.run(args, out, err, System.getenv());
        // The desktop app returns once its window is closed; commands return when done.
        System.exit(code);
    }

    /**
     * True when the store the arguments name (the last {@code --db}, else {@code RARE_EARTH_DB}) is a PostgreSQL
     * database: the warm-up then leaves SQLite's driver and native library alone. A guess only; the command line
     * reads the arguments for real, and any value that does not parse counts as a file.
     */
    static boolean namesPostgres(String[] args, java.util.Map<String, String> env) {
        String db = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            } else if (args[i].equals(WindowArgs.DB) && i + 1 < args.length) {
                db = args[++i];
            } else if (args[i].startsWith(WindowArgs.DB + "=")) {
                db = args[i].substring(WindowArgs.DB.length() + 1);
            }
        }
        try {
            return AppPaths.resolveStore(db, env) instanceof org.rareearth.dashboard.store.StoreLocation.Postgres;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
