package org.rareearth.dashboard.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux package as a user gets it (run by failsafe after {@code src/installer/linux/build.sh} has built it at
 * package time). As root on a machine where the package is not installed yet (CI), it is installed with dpkg,
 * run from the PATH with no display, and removed again; otherwise it is unpacked with {@code dpkg-deb -x} and run
 * from there, which tests everything but the maintainer scripts.
 */
class InstallerIT {
    private static final String NAME = "rare-earth-dashboard";
    private static final Path INSTALLED = Path.of("/opt", NAME);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static Path deb;
    private static String version;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPackage() throws IOException {
        dir = Path.of(System.getProperty("installer.dir", "target/installer"));
        version = System.getProperty("project.version");
        assertThat(version).as("project.version from the build").isNotBlank();
        Path notBuilt = dir.resolve("NOT-BUILT.txt");
        if (Files.isRegularFile(notBuilt) && !Boolean.getBoolean("installer.required")) {
            Assumptions.abort("the installer was not built on this machine: "
                    + Files.readString(notBuilt).strip() + " (mvn -Pinstaller verify requires it)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + dir));
        }
    }

    @Test
    void packageNamesItselfAndCarriesTheLauncherItsEntryAndItsIcons() throws Exception {
        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Package")).out.strip()).isEqualTo(NAME);
        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Version")).out.strip()).isEqualTo(version + "-1");
        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Depends")).out)
                .contains("libc6", "libx11-6", "libasound2");

        Path root = unpack();
        Path app = root.resolve("opt").resolve(NAME);
        assertThat(app.resolve("bin").resolve(NAME)).isExecutable();
        assertThat(app.resolve("lib/runtime/lib/server/classes.jsa")).as("the runtime's own CDS archive").isRegularFile();
        assertThat(app.resolve("lib/app/libsqlitejdbc.so")).isRegularFile();
        assertThat(app.resolve("lib/app/libglass.so")).isRegularFile();
        assertThat(app.resolve("lib/app/make-class-archive")).isExecutable();
        assertThat(app.resolve("lib/app/" + NAME + ".jsa")).as("an archive made here would be tied to this folder")
                .doesNotExist();
        String launcher = Files.readString(app.resolve("bin").resolve(NAME));
        assertThat(launcher).startsWith("#!/bin/sh").contains("-XX:SharedArchiveFile=\"$app/" + NAME + ".jsa\"",
                "-Xshare:auto", "-Dorg.sqlite.lib.path=\"$app\"", "-Djpackage.app-version=" + version)
                .doesNotContain("@VERSION@");
        assertThat(app.resolve("lib/libapplauncher.so")).as("jpackage's own launcher is replaced").doesNotExist();
        String desktop = Files.readString(app.resolve("lib/app/" + NAME + ".desktop"));
        assertThat(desktop).contains("Name=Rare Earth Dashboard", "Exec=/opt/" + NAME + "/bin/" + NAME,
                "Icon=" + NAME, "Type=Application");
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            assertThat(app.resolve("lib/app/icons/" + NAME + "-" + size + ".png")).isRegularFile();
        }
    }

    @Test
    void installedLauncherAnswersWithoutADisplayAndUsesItsStartUpArchive() throws Exception {
        boolean install = isRoot() && !isInstalled();
        try {
            Path launcher;
            if (install) {
                run(List.of("dpkg", "-i", deb.toString()));
                launcher = Path.of("/usr/bin", NAME);
                assertThat(Files.isSymbolicLink(launcher)).as("postinst links the command into /usr/bin").isTrue();
                assertThat(Path.of("/usr/share/applications", NAME + ".desktop")).isRegularFile();
                assertThat(Path.of("/usr/share/icons/hicolor/256x256/apps", NAME + ".png")).isRegularFile();
                assertThat(INSTALLED.resolve("lib/app/" + NAME + ".jsa")).as("postinst makes the start-up archive")
                        .isRegularFile();
            } else {
                launcher = unpack().resolve("opt").resolve(NAME).resolve("bin").resolve(NAME);
            }
            assertThat(launch(launcher, null, "--version").out.strip()).isEqualTo("Rare Earth Dashboard " + version);

            Path classLog = tmp.resolve("classes.log");
            Path store = tmp.resolve("store.db");
            Result info = launch(launcher, "-Xlog:class+load=info:file=" + classLog, "info", "--json",
                    "--db", store.toString());
            JsonNode json = JSON.readTree(info.out);
            assertThat(json.path("db").asText()).isEqualTo(store.toString());
            assertThat(json.path("schemaVersion").asInt()).isPositive();
            JsonNode seed = JSON.readTree(Path.of("data", "dataset.json").toFile());
            assertThat(json.path("counts").path("events").asInt()).as("a new store holds the bundled dataset")
                    .isEqualTo(seed.path("events").size()).isPositive();
            // A team store from the installed runtime (its jlink'd modules carry what the PostgreSQL driver needs).
            org.rareearth.dashboard.testing.PostgresServer server =
                    org.rareearth.dashboard.testing.PostgresServer.shared();
            String team = server.url(server.newDatabase());
            JsonNode teamInfo = JSON.readTree(launch(launcher, null, "info", "--json", "--db", team).out);
            assertThat(teamInfo.path("db").asText()).isEqualTo(team);
            assertThat(teamInfo.path("counts").path("events").asInt()).isEqualTo(seed.path("events").size());
            if (install) {
                assertThat(Files.readString(classLog)).as("the launcher's classes come from the archive")
                        .containsPattern("org\\.rareearth\\.dashboard\\.cli\\.Launcher source: shared objects file");
            }
        } finally {
            if (install) {
                run(List.of("dpkg", "--purge", NAME), Map.of(), false);
            }
        }
        if (install) {
            assertThat(isInstalled()).isFalse();
            assertThat(INSTALLED).as("removal takes the archive postinst made too").doesNotExist();
            assertThat(Path.of("/usr/bin", NAME)).doesNotExist();
            assertThat(Path.of("/usr/share/applications", NAME + ".desktop")).doesNotExist();
        }
    }

    @Test
    void appImageStartsFromItsBuildTimeArchive() throws Exception {
        Path launcher = dir.resolve("app-image").resolve(NAME).resolve("bin").resolve(NAME);
        Path classLog = tmp.resolve("classes.log");
        assertThat(launch(launcher, "-Xlog:class+load=info:file=" + classLog, "--version").out.strip())
                .isEqualTo("Rare Earth Dashboard " + version);
        assertThat(Files.readString(classLog))
                .containsPattern("org\\.rareearth\\.dashboard\\.cli\\.Launcher source: shared objects file");
    }

    @Test
    void everyViewsFirstShowingFindsItsChartsTablesAndSkinsInTheArchive() throws Exception {
        // The archive's training run of the window shows every view (ViewTour); before, a first showing of a view
        // loaded its charts', tables' and skins' classes from the jar on the FX thread.
        Path launcher = dir.resolve("app-image").resolve(NAME).resolve("bin").resolve(NAME);
        Path classLog = tmp.resolve("views.log");
        Result r = launch(launcher, "-Xlog:class+load=info:file=" + classLog + " -Dglass.platform=Monocle"
                + " -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1600x1000-32"
                + " -Drare-earth-dashboard.exit-after-views", "--db", tmp.resolve("views.db").toString());
        assertThat(r.code).as(r.out + r.err).isZero();
        assertThat(r.out).contains("view-shown: Data; ").containsPattern("views-shown-ms: \\d+");
        String log = Files.readString(classLog);
        assertThat(log).contains("javafx.scene.chart.LineChart source: shared objects file",
                "javafx.scene.control.skin.TableViewSkin source: shared objects file");
        for (String view : List.of("reactions.ReactionsView", "gap.GapView", "timeline.TimelineView",
                "data.DataView", "supply.SupplyChainView")) {
            assertThat(log).contains("org.rareearth.dashboard.desktop." + view + " source: shared objects file");
        }
        // JavaFX's charts and skins, what a first showing loads most of; the app's own classes that only some runs
        // load (what a slower read or the check against the bundled dataset brings) are left out of this.
        assertThat(log.lines().filter(l -> l.matches(".*\\b(javafx\\.scene\\.chart|javafx\\.scene\\.control\\.skin)"
                        + "\\.[\\w$.]+ source: .*"))
                .filter(l -> !l.endsWith("source: shared objects file")))
                .as("classes of JavaFX's charts and skins loaded from elsewhere than the archive").isEmpty();
    }

    @Test
    void theArchiveHoldsALambdaClassForEveryCallSiteOfATrainedStart() throws Exception {
        // Logback's PatternLayout makes dozens of lambdas, several from the same method reference, which the
        // class lists name with the same line: the archive needs that line as often as one start used it, or the
        // second and later sites make their classes at run time.
        Path launcher = dir.resolve("app-image").resolve(NAME).resolve("bin").resolve(NAME);
        Path classLog = tmp.resolve("lambdas.log");
        launch(launcher, "-Xlog:class+load=info:file=" + classLog, "info", "--json", "--db",
                tmp.resolve("lambdas.db").toString());
        String log = Files.readString(classLog);
        assertThat(log).containsPattern("PatternLayout\\$\\$Lambda\\S* source: shared objects file");
        assertThat(log.lines().filter(l -> l.contains("PatternLayout$$Lambda"))
                .filter(l -> !l.endsWith("source: shared objects file")))
                .as("lambda classes of logback's PatternLayout made at run time").isEmpty();
    }

    @Test
    void aPriceImportRunsOnC1OnlyAndEveryOtherCommandKeepsC2() throws Exception {
        // The launcher adds -XX:TieredStopAtLevel=1 when the arguments name import-prices (BENCHMARKS.md): the
        // JVM's final flags say which it got, and the import itself must still work with it.
        Path launcher = dir.resolve("app-image").resolve(NAME).resolve("bin").resolve(NAME);
        Path csv = tmp.resolve("prices.csv");
        Files.writeString(csv, "Symbol,Date,Close\nTEST,2024-01-02,1.50\nTEST,2024-01-03,1.60\n");
        Path store = tmp.resolve("prices.db");
        Result imported = launch(launcher, "-XX:+PrintFlagsFinal", "--db", store.toString(), "import-prices",
                csv.toString(), "--create");
        assertThat(imported.out).containsPattern("TieredStopAtLevel\\s+= 1\\s")
                .contains("Imported " + csv).contains("2 rows, 2 new");
        Result info = launch(launcher, "-XX:+PrintFlagsFinal", "info", "--db", store.toString());
        assertThat(info.out).containsPattern("TieredStopAtLevel\\s+= 4\\s");
    }

    @Test
    void movedImageStartsWithoutItsStaleArchiveAndKeepsJsonOutputClean() throws Exception {
        // A copy of the image: its archive names the original jar, so the JVM must not use it, and whatever it
        // says about that goes to standard error, never into a command's output.
        Path copy = tmp.resolve("moved");
        run(List.of("cp", "-r", dir.resolve("app-image").resolve(NAME).toString(), copy.toString()));
        Path classLog = tmp.resolve("classes.log");
        Result info = launch(copy.resolve("bin").resolve(NAME), "-Xlog:class+load=info:file=" + classLog, "info",
                "--json", "--db", tmp.resolve("s.db").toString());
        assertThat(info.out.strip()).startsWith("{").endsWith("}");
        assertThat(JSON.readTree(info.out).path("counts").path("events").asInt()).isPositive();
        assertThat(Files.readString(classLog)).contains("org.rareearth.dashboard.cli.Launcher source: ")
                .doesNotContainPattern("org\\.rareearth\\.dashboard\\.cli\\.Launcher source: shared objects file");
    }

    @Test
    void aTrainingRunThatDoesNotEndLeavesNoArchiveAndTheAppStartsWithoutIt() throws Exception {
        // make-class-archive bounds each training run, so a run that hung cannot hold the package's install; the
        // limit is set to a second here, far under a training run's time.
        Path copy = tmp.resolve("bounded");
        run(List.of("cp", "-r", dir.resolve("app-image").resolve(NAME).toString(), copy.toString()));
        Path archive = copy.resolve("lib/app/" + NAME + ".jsa");
        assertThat(archive).as("the copied build-time archive, which the script replaces").isRegularFile();
        Result made = run(List.of(copy.resolve("lib/app/make-class-archive").toString()),
                Map.of("RARE_EARTH_DASHBOARD_TRAINING_LIMIT_S", "1"), false);
        assertThat(made.code).as(made.out + made.err).isNotZero();
        assertThat(made.err).contains("training run 1 did not end within 1 s");
        assertThat(archive).doesNotExist();
        assertThat(copy.resolve("lib/app/" + NAME + ".jsa.part")).doesNotExist();
        Result started = launch(copy.resolve("bin").resolve(NAME), null, "--version");
        assertThat(started.out.strip()).isEqualTo("Rare Earth Dashboard " + version);
    }

    private Path unpack() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("unpacked"));
        run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        return root;
    }

    /** Runs the launcher with no display, its home and the app's folder in the test's own folder. */
    private Result launch(Path launcher, String jvmLog, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        String options = "-Duser.home=" + tmp + " -Drare-earth-dashboard.home=" + tmp.resolve("app")
                + (jvmLog == null ? "" : " " + jvmLog);
        return run(cmd, Map.of("JAVA_TOOL_OPTIONS", options));
    }

    private static boolean isRoot() throws Exception {
        return run(List.of("id", "-u")).out.strip().equals("0");
    }

    private static boolean isInstalled() throws Exception {
        Result r = run(List.of("dpkg-query", "-W", "-f=${Status}", NAME), Map.of(), false);
        return r.code == 0 && r.out.contains("installed") && !r.out.contains("not-installed");
    }

    private record Result(int code, String out, String err) {}

    private static Result run(List<String> cmd) throws Exception {
        return run(cmd, Map.of());
    }

    private static Result run(List<String> cmd, Map<String, String> env) throws Exception {
        return run(cmd, env, true);
    }

    private static Result run(List<String> cmd, Map<String, String> env, boolean mustSucceed) throws Exception {
        Path out = Files.createTempFile("installer-it", ".out");
        Path err = Files.createTempFile("installer-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("no answer within 180 s: " + String.join(" ", cmd));
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            if (mustSucceed && r.code != 0) {
                fail(String.join(" ", cmd) + " exited " + r.code + "\n" + r.out + "\n" + r.err);
            }
            return r;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
