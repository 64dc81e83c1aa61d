package org.rareearth.dashboard.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's export commands, without a toolkit: what they say on a view without a chart, and when they ask. */
class ExportActionsTest {

    @Test
    void a_view_without_a_chart_names_every_view_that_has_one() {
        List<String> errors = new ArrayList<>();
        ExportActions actions = new ExportActions(null, () -> null, () -> null, s -> { }, errors::add,
                (export, failed) -> export.run());
        actions.exportPng();
        actions.copyImage();
        actions.exportData();
        assertThat(errors).hasSize(3).allSatisfy(m -> assertThat(m).startsWith("This view has no chart to export")
                .contains("dashboard", "stock reactions", "price-support gap", "export-restriction timeline",
                        "supply chain"));
    }

    /**
     * An export asked for while the view in front is still reading waits for the read: the view's figures are asked
     * for only then (a view asked before its read reads the store itself, on the FX thread).
     */
    @Test
    void an_export_asks_the_view_for_its_figures_only_once_the_view_has_read() {
        int[] asked = {0};
        Exportable view = () -> {
            asked[0]++;
            throw new IllegalStateException("asked for its figures");
        };
        List<Runnable> waiting = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ExportActions actions = new ExportActions(null, () -> view, () -> null, s -> { }, errors::add,
                (export, failed) -> waiting.add(export));
        actions.exportPng();
        actions.copyImage();
        actions.exportData();
        assertThat(waiting).hasSize(3);
        assertThat(asked[0]).as("figures asked for before the read").isZero();
        assertThat(errors).isEmpty();
        for (Runnable export : waiting) {
            try {
                export.run();
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("asked for its figures");
            }
        }
        assertThat(asked[0]).as("figures asked for once read").isEqualTo(3);
    }

    /**
     * A view whose read failed exports nothing: its chart would show no records, as if the store had none. The user
     * is told why, in the read's own words.
     */
    @Test
    void a_view_whose_read_failed_exports_nothing_and_says_why() {
        int[] asked = {0};
        Exportable view = () -> {
            asked[0]++;
            throw new IllegalStateException("asked for its figures");
        };
        List<String> errors = new ArrayList<>();
        ExportActions actions = new ExportActions(null, () -> view, () -> null, s -> { }, errors::add,
                (export, failed) -> failed.accept("The dashboard could not be read from the store: disk I/O error"));
        actions.exportPng();
        actions.copyImage();
        actions.exportData();
        assertThat(asked[0]).as("figures asked for").isZero();
        assertThat(errors).hasSize(3).allSatisfy(m -> assertThat(m).isEqualTo(
                "Nothing was exported. The dashboard could not be read from the store: disk I/O error"));
    }
}
