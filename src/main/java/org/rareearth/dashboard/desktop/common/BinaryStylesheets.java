package org.rareearth.dashboard.desktop.common;

import java.io.File;
import java.io.IOException;

/**
 * Compiles the app's stylesheets to JavaFX's binary form at build time (the pom runs this after compiling). When a
 * scene asks for {@code app.css}, JavaFX loads {@code app.bss} beside it if there is one, as it does for its own
 * Modena: reading the binary form skips parsing the CSS text, which in a cold start is about 10 ms of the FX thread
 * before the first frame (BENCHMARKS.md). The {@code .css} files stay the source; {@code BinaryStylesheetsTest}
 * checks that each {@code .bss} on the class path says what its {@code .css} says.
 */
public final class BinaryStylesheets {
    /** The stylesheets compiled, relative to the class-path root. */
    public static final String[] SHEETS = {"org/rareearth/dashboard/desktop/app.css",
            "org/rareearth/dashboard/desktop/dark.css"};

    private BinaryStylesheets() {}

    /** {@code args[0]}: the class-path root (target/classes) holding the stylesheets; each gets its .bss there. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BinaryStylesheets CLASSES_DIRECTORY");
        }
        for (String sheet : SHEETS) {
            File css = new File(args[0], sheet);
            if (!css.isFile()) {
                throw new IOException("no stylesheet " + css);
            }
            javafx.css.Stylesheet.convertToBinary(css, new File(args[0], binaryName(sheet)));
        }
    }

    /** {@code x.css} → {@code x.bss}, the name JavaFX looks for beside a stylesheet. */
    public static String binaryName(String sheet) {
        return sheet.substring(0, sheet.length() - ".css".length()) + ".bss";
    }
}
