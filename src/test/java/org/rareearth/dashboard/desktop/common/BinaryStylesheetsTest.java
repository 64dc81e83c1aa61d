package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The build compiles the app's stylesheets to JavaFX's binary form ({@link BinaryStylesheets}); JavaFX loads those
 * in place of the CSS. They must say exactly what the CSS says, and be what a scene asking for the CSS gets.
 */
class BinaryStylesheetsTest {

    @Test
    void each_binary_stylesheet_says_what_its_css_says() throws IOException {
        for (String sheet : BinaryStylesheets.SHEETS) {
            URL css = resource(sheet);
            URL bss = resource(BinaryStylesheets.binaryName(sheet));
            List<String> parsed = rules(new CssParser().parse(css));
            List<String> binary = rules(Stylesheet.loadBinary(bss));
            assertThat(parsed).as(sheet).isNotEmpty();
            assertThat(binary).as(BinaryStylesheets.binaryName(sheet) + " against " + sheet).isEqualTo(parsed);
        }
    }

    @Test
    void a_scene_asking_for_the_css_gets_the_binary_form() {
        for (String sheet : BinaryStylesheets.SHEETS) {
            Stylesheet loaded = com.sun.javafx.css.StyleManager.loadStylesheet(resource(sheet).toExternalForm());
            assertThat(loaded).as(sheet).isNotNull();
            assertThat(loaded.getUrl()).endsWith(BinaryStylesheets.binaryName(sheet));
        }
    }

    @Test
    void the_binary_name_sits_beside_the_css() {
        assertThat(BinaryStylesheets.binaryName("org/x/app.css")).isEqualTo("org/x/app.bss");
    }

    private static URL resource(String path) {
        URL url = BinaryStylesheetsTest.class.getResource("/" + path);
        assertThat(url).as(path + " on the class path").isNotNull();
        return url;
    }

    /** Each rule as its selectors and declarations (a rule read from binary decodes them only when asked). */
    private static List<String> rules(Stylesheet s) {
        return s.getRules().stream().map(BinaryStylesheetsTest::text).toList();
    }

    private static String text(Rule r) {
        StringBuilder b = new StringBuilder(r.getSelectors().toString()).append(" {");
        for (javafx.css.Declaration d : r.getDeclarations()) {
            b.append(' ').append(d.getProperty()).append(": ").append(d.getParsedValue())
                    .append(d.isImportant() ? " !important" : "").append(';');
        }
        return b.append(" }").toString();
    }
}
