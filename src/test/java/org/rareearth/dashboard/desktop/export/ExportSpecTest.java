package org.rareearth.dashboard.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source footnote of an exported chart: each source named once, however the records cite it. */
class ExportSpecTest {
    private static ExportSpec citing(String... sources) {
        return new ExportSpec("x", "Title", "Subtitle", null, Arrays.asList(sources), List.of(), List.of());
    }

    @Test
    void a_source_cited_alone_and_beside_another_is_named_once() {
        // Two records' sources as the dataset holds them (the dashboard's reaction tiles cite these).
        assertThat(citing("Reuters; The West Australian", "The West Australian", "Benzinga data via news copies",
                "Reuters").footnote(12))
                .isEqualTo("Sources: Reuters; The West Australian; Benzinga data via news copies.");
    }

    @Test
    void more_than_the_most_named_are_counted_and_blank_ones_left_out() {
        assertThat(citing("A; B", " ", null, "C;", "D").footnote(2)).isEqualTo("Sources: A; B; and 2 more.");
        assertThat(citing().footnote(12)).isEqualTo("Source: Rare Earth Dashboard store");
        assertThat(citing(" ", ";").footnote(12)).isEqualTo("Source: Rare Earth Dashboard store");
    }
}
