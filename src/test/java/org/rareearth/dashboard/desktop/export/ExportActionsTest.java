package org.rareearth.dashboard.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export commands on a view without a chart (the Data view): a message that names the views with one. */
class ExportActionsTest {

    @Test
    void a_view_without_a_chart_names_every_view_that_has_one() {
        List<String> errors = new ArrayList<>();
        ExportActions actions = new ExportActions(null, () -> null, () -> null, s -> { }, errors::add);
        actions.exportPng();
        actions.copyImage();
        actions.exportData();
        assertThat(errors).hasSize(3).allSatisfy(m -> assertThat(m).startsWith("This view has no chart to export")
                .contains("dashboard", "stock reactions", "price-support gap", "export-restriction timeline",
                        "supply chain"));
    }
}
