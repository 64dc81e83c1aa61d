package org.rareearth.dashboard.desktop.prices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The import dialog speaks of its own controls, not of the command line's options. */
class DialogWordsTest {

    @Test
    void the_importers_option_names_become_the_dialogs_controls() {
        String cli = "/x/MP.csv: 1 bad row; nothing was imported (use --skip-bad-rows to import the good rows):\n"
                + "  line 3: the row has 3 cells where the header has 7";
        assertThat(PriceImportDialog.inDialogWords(cli))
                .contains("tick \u201cSkip bad rows\u201d to import the good rows").doesNotContain("--")
                .contains("line 3: the row has 3 cells");
        assertThat(PriceImportDialog.inDialogWords("/x/a.csv: unknown security 'ZZ'; add it in the Data view first,"
                + " or import with --create")).doesNotContain("--create").contains("create it");
        assertThat(PriceImportDialog.inDialogWords(null)).isEmpty();
    }
}
