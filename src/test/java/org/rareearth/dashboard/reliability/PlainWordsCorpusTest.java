package org.rareearth.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.io.DataFileException;

/**
 * The hostile corpus ({@code corpus/}, its expectations in {@code expectations.tsv}, and every input the fuzzers
 * ever kept): each file is refused with a message in the user's words, naming the file and the line or JSON path,
 * with no Java names, library jargon or stack trace, and the store unchanged; or, where a real file looks like that,
 * read correctly. Prices in it are made up.
 */
class PlainWordsCorpusTest {
    private static final String BASE = "/org/rareearth/dashboard/reliability/";

    /** Words that only a programmer would understand. */
    private static final Pattern JARGON = Pattern.compile("(\\b(java|javax|com|org)\\.[a-z]|Exception|`|JsonToken"
            + "|Creator|deserializ|coerc|MismatchedInput|\\bat \\[Source|START_ARRAY|START_OBJECT|VALUE_STRING"
            + "|\\bclass\\b|\\bnull\\b instance|StreamReadConstraints|\\tat )");

    @TempDir
    Path dir;

    private Workspace s;
    private String before;

    @BeforeEach
    void open() throws Exception {
        s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("store.db"));
        before = snapshot();
    }

    @AfterEach
    void close() {
        s.close();
    }

    private String snapshot() throws IOException {
        Path out = dir.resolve("snapshot.json");
        s.exportDataset(out);
        return Files.readString(out);
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = PlainWordsCorpusTest.class.getResourceAsStream(BASE + "corpus/expectations.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t", -1);
                out.add(Arguments.of(p[0], p[1], p[2], p[3]));
            }
        }
        return out.stream();
    }

    private Path copy(String resource, String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = PlainWordsCorpusTest.class.getResourceAsStream(resource)) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    /** Imports the file; returns the refusal's message, or null when it was read. */
    private String importIt(Path f, String symbol) {
        try {
            if (symbol.equals("json")) {
                s.importDataset(f, false);
            } else {
                PriceImportService.Result r = PriceImportService.run(s.store(), f, PriceImportService.Options.of(
                        symbol.equals("-") ? null : symbol));
                lastRows = r.rows();
            }
            return null;
        } catch (DataFileException e) {
            return e.getMessage();
        }
    }

    private long lastRows;

    static void plainWords(String message, Path file) {
        assertThat(message).as("names the file").startsWith(file.toString());
        // A place in the file, or words about the whole file (empty, no rows, no dataset).
        assertThat(message).as("names a line, a JSON path or a byte").containsPattern(
                "line \\d+|\\$[.\\[:]|byte \\d+|: the file |no rows|holds no dataset|: no such file");
        assertThat(JARGON.matcher(message).find()).as("no Java names or library jargon in: " + message).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_hostile_file_is_refused_in_plain_words_or_read_as_a_real_file_would_be(String name, String symbol,
                                                                                    String outcome, String words)
            throws Exception {
        Path f = copy(BASE + "corpus/" + name, name);
        String message = importIt(f, symbol);
        if (outcome.startsWith("accepted:")) {
            assertThat(message).as(name + " is read").isNull();
            assertThat(lastRows).isEqualTo(Long.parseLong(outcome.substring("accepted:".length())));
            return;
        }
        assertThat(message).as(name + " is refused").isNotNull();
        plainWords(message, f);
        assertThat(message).contains(words);
        assertThat(snapshot()).as("the store is unchanged").isEqualTo(before);
    }

    @Test
    void the_inputs_the_fuzzers_kept_are_refused_in_plain_words_too() throws Exception {
        Path root;
        try {
            root = Path.of(PlainWordsCorpusTest.class.getResource(BASE + "ImporterFuzzTestInputs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                boolean json = p.toString().contains("datasetJson");
                Path f = dir.resolve("fuzz-" + (checked++) + (json ? ".json" : ".csv"));
                Files.copy(p, f);
                String message = importIt(f, json ? "json" : "MP");
                if (message != null) {
                    plainWords(message, f);
                }
            }
        }
        assertThat(checked).isPositive();
        // A kept input may be a file that reads; the store changes then, so it is not compared here.
    }

    @Test
    void a_200_megabyte_dataset_is_refused_without_reading_it_all_into_one_text() throws Exception {
        Path f = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(f)) {
            out.write("{\"events\":[{\"code\":\"huge\",\"title\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 200; i++) {
                out.write(block);
            }
            out.write("\"}]}".getBytes(StandardCharsets.UTF_8));
        }
        String message = importIt(f, "json");
        assertThat(message).isNotNull();
        plainWords(message, f);
        assertThat(message).contains("$.events[0].title");
        assertThat(snapshot()).isEqualTo(before);
    }
}
