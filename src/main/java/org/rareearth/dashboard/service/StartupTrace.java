package org.rareearth.dashboard.service;

import java.lang.management.ManagementFactory;

/**
 * Start-up milestones, printed to standard error as {@code startup NAME: N ms} (since the JVM started) when the
 * system property {@code rare-earth-dashboard.trace-startup} is set. Costs nothing otherwise.
 */
public final class StartupTrace {
    private static final boolean ON = System.getProperty("rare-earth-dashboard.trace-startup") != null;

    private StartupTrace() {}

    public static void mark(String name) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("startup " + name + ": " + ms + " ms");
        }
    }
}
