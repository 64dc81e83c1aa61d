package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as the screens show them, without a toolkit. */
class FormatsTest {

    /** A stored number reads as it is typed into a form: no exponent, no trailing zeros. */
    @Test
    void a_number_shows_plainly_as_it_is_typed() {
        assertThat(Formats.number(4.0E8)).isEqualTo("400000000");
        assertThat(Formats.number(2000.0)).isEqualTo("2000");
        assertThat(Formats.number(15.5)).isEqualTo("15.5");
        assertThat(Formats.number(1.23456785E7)).isEqualTo("12345678.5");
        assertThat(Formats.number(1.0E-4)).isEqualTo("0.0001");
        assertThat(Formats.number(-0.25)).isEqualTo("-0.25");
        assertThat(Formats.number(0.0)).isEqualTo("0");
        assertThat(Formats.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void a_table_cell_shows_numbers_plainly_and_anything_else_as_text() {
        assertThat(Tables.text(4.0E8)).isEqualTo("400000000");
        assertThat(Tables.text(12L)).isEqualTo("12");
        assertThat(Tables.text("4.0E8")).isEqualTo("4.0E8");
    }
}
