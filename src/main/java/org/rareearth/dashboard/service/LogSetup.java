package org.rareearth.dashboard.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging set up in code (no XML to parse at start-up): warnings and errors to stderr, so command output on
 * stdout stays clean; with the system property {@value #LOG_FILE_PROPERTY} set (the desktop app sets it), also
 * everything from INFO up to that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    public static final String LOG_FILE_PROPERTY = "rare-earth-dashboard.log";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(ctx, "%d{HH:mm:ss} %-5level %logger{0} - %msg%n"));
        console.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent e) {
                // SQLite's driver logs its failure to load its native library with a stack trace; the store's
                // error names it in one line (Store.open), so the console leaves it to the log file.
                boolean driverLoader = e.getLoggerName().startsWith("org.sqlite.SQLiteJDBCLoader");
                return e.getLevel().isGreaterOrEqual(Level.WARN) && !driverLoader
                        ? ch.qos.logback.core.spi.FilterReply.NEUTRAL : ch.qos.logback.core.spi.FilterReply.DENY;
            }
        });
        console.start();
        root.addAppender(console);
        root.setLevel(Level.WARN);

        String file = System.getProperty(LOG_FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            FileAppender<ILoggingEvent> fa = new FileAppender<>();
            fa.setContext(ctx);
            fa.setName("file");
            fa.setFile(file);
            fa.setAppend(true);
            fa.setEncoder(encoder(ctx, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n"));
            fa.start();
            root.addAppender(fa);
            root.setLevel(Level.INFO);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Applies the set-up again (after {@value #LOG_FILE_PROPERTY} was set). */
    public static void reconfigure() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.reset();
            LogSetup setup = new LogSetup();
            setup.setContext(ctx);
            setup.configure(ctx);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
