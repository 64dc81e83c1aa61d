package org.rareearth.dashboard.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.dataset.DatasetFiles;
import org.rareearth.dashboard.io.dataset.DatasetValidator;

/**
 * Coverage-guided fuzzing of both importers (Jazzer). Any input must end in an import or a DataFileException
 * naming the place; anything else thrown is a bug. Without JAZZER_FUZZ the tests replay the kept corpus in
 * {@code ImporterFuzzTestInputs/} as regression tests; CI also runs a short fuzzing session of each.
 *
 * <p>A session is bounded by the number of inputs tried, not by time, so a slower machine tries as many (it takes
 * longer) and a test's outcome does not depend on the machine's speed: about 20 seconds each on two cores. The
 * duration is only a backstop.
 */
class ImporterFuzzTest {
    private static Workspace services;
    private static Path work;

    private static synchronized Workspace services() {
        if (services == null) {
            try {
                work = Files.createTempDirectory("red-fuzz");
                services = org.rareearth.dashboard.testing.TestStores.open(work.resolve("fuzz.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return services;
    }

    @org.junit.jupiter.api.AfterAll
    static synchronized void closeStore() {
        if (services != null) {
            services.close();
            services = null;
            org.rareearth.dashboard.testing.TestDirs.deleteTree(work);
        }
    }

    @FuzzTest(maxExecutions = 20_000, maxDuration = "5m")
    void priceCsv(byte[] input) throws IOException {
        Workspace s = services();
        Path f = work.resolve("input.csv");
        Files.write(f, input);
        try {
            PriceImportService.run(s.store(), f, new PriceImportService.Options("MP", input.length % 2 == 0, false, null, null,
                    null));
        } catch (DataFileException expected) {
            if (!expected.getMessage().startsWith(f.toString())) {
                throw new AssertionError("a refusal must name the file: " + expected.getMessage());
            }
        }
    }

    @FuzzTest(maxExecutions = 300_000, maxDuration = "5m")
    void datasetJson(byte[] input) throws IOException {
        try {
            Dataset d = DatasetFiles.read(new ByteArrayInputStream(input), "input.json");
            DatasetValidator.check(d, "input.json", Set.of("MP"), Set.of());
        } catch (DataFileException expected) {
            if (!expected.getMessage().startsWith("input.json")) {
                throw new AssertionError("a refusal must name the file: " + expected.getMessage());
            }
        }
    }
}
