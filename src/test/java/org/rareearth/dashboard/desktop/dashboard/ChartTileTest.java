package org.rareearth.dashboard.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart tile looks as the TilesFX custom tile it stands in for: the same frame, title and place for the chart, in
 * both themes, pixel for pixel (the two drawn side by side on the headless platform, each holding a plain block of
 * colour as its chart).
 */
@ExtendWith(FxThreadLookups.class)
class ChartTileTest {
    private static final String TITLE = "China NdPr oxide vs the floor, USD/kg (VAT out), to 18 Feb 2026";
    private VBox root;

    @Start
    void start(Stage stage) {
        root = new VBox(8);
        stage.setScene(new Scene(root, 1300, 440));
        stage.show();
    }

    @AfterEach
    void lightAgain() {
        Theme.currentProperty().set(Theme.LIGHT);
    }

    @ParameterizedTest(name = "{0}, {1}x{2}")
    @CsvSource({"LIGHT, 300, 190", "DARK, 300, 190", "LIGHT, 612, 190", "DARK, 432, 210"})
    void draws_as_the_tilesfx_custom_tile(Theme theme, double width, double height, FxRobot robot) throws Exception {
        Tile[] tilesfx = new Tile[1];
        ChartTile[] ours = new ChartTile[1];
        robot.interact(() -> {
            Theme.currentProperty().set(theme);
            tilesfx[0] = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).prefSize(width, height).title(TITLE)
                    .graphic(block()).build();
            theme.style(tilesfx[0]);
            ours[0] = new ChartTile(TITLE, block());
            for (Region r : new Region[] {tilesfx[0], ours[0]}) {
                r.setMinSize(width, height);
                r.setMaxSize(width, height);
            }
            ours[0].setPrefSize(width, height);
            root.getChildren().setAll(tilesfx[0], ours[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Image a = WaitForAsyncUtils.asyncFx(() -> tilesfx[0].snapshot(null, null)).get();
        Image b = WaitForAsyncUtils.asyncFx(() -> ours[0].snapshot(null, null)).get();

        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        int differing = 0;
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                Color ca = pa.getColor(x, y);
                Color cb = pb.getColor(x, y);
                if (Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                        + Math.abs(ca.getBlue() - cb.getBlue()) + Math.abs(ca.getOpacity() - cb.getOpacity()) > 0.05) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels that differ from the TilesFX tile, of " + (int) (a.getWidth() * a.getHeight()))
                .isZero();
        assertThat(ours[0].getTitle()).isEqualTo(TITLE);
    }

    /** A chart's stand-in: a block of one colour that fills the place it is given. */
    private static Region block() {
        Region r = new Region();
        r.setBackground(new Background(new BackgroundFill(Color.web("#2f7fbf"), null, null)));
        return r;
    }
}
