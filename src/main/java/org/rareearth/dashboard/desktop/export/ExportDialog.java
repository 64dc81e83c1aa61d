package org.rareearth.dashboard.desktop.export;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * "Export PNG…": size (the current size, 1600×900, 1920×1080 or custom), scale, title, subtitle, the source
 * footnote and the theme. It remembers the last folder and choices.
 */
public final class ExportDialog extends Dialog<ExportOptions> {
    static final List<String> SIZES = List.of("Current size", "1600 × 900", "1920 × 1080", "Custom");

    private final ExportSettings settings = new ExportSettings(AppPaths.home().resolve("export.properties"));
    private final ChoiceBox<String> size = new ChoiceBox<>(FXCollections.observableArrayList(SIZES));
    private final Spinner<Integer> width = new Spinner<>(200, 8000, 1600, 10);
    private final Spinner<Integer> height = new Spinner<>(150, 8000, 900, 10);
    private final ChoiceBox<String> scale = new ChoiceBox<>(FXCollections.observableArrayList("1×", "2×", "3×"));
    private final TextField title = new TextField();
    private final TextField subtitle = new TextField();
    private final TextArea footnote = new TextArea();
    private final ToggleGroup theme = new ToggleGroup();

    public ExportDialog(Window owner, ExportSpec spec, double currentWidth, double currentHeight) {
        initOwner(owner);
        setTitle("Export PNG");
        setHeaderText("Export \"" + spec.title() + "\"");
        org.rareearth.dashboard.desktop.common.Theme.dress(this);
        size.setId("export-size");
        Tips.set(size, "Size of the picture in logical pixels");
        Tips.set(width, "Width in logical pixels (Custom size)");
        Tips.set(height, "Height in logical pixels (Custom size)");
        width.setEditable(true);
        height.setEditable(true);
        width.setId("export-width");
        height.setId("export-height");
        size.valueProperty().addListener((o, a, b) -> {
            boolean custom = "Custom".equals(b);
            width.setDisable(!custom);
            height.setDisable(!custom);
            int[] wh = switch (b) {
                case "1600 × 900" -> new int[] {1600, 900};
                case "1920 × 1080" -> new int[] {1920, 1080};
                case "Current size" -> new int[] {(int) Math.max(200, currentWidth), (int) Math.max(150, currentHeight)};
                default -> null;
            };
            if (wh != null) {
                width.getValueFactory().setValue(wh[0]);
                height.getValueFactory().setValue(wh[1]);
            }
        });
        size.setValue(settings.get("size", "1600 × 900"));
        if ("Custom".equals(size.getValue())) {
            width.getValueFactory().setValue(Integer.parseInt(settings.get("width", "1600")));
            height.getValueFactory().setValue(Integer.parseInt(settings.get("height", "900")));
        }
        scale.setId("export-scale");
        Tips.set(scale, "Pixels per logical pixel: 2× for sharp slides and print");
        scale.setValue(settings.get("scale", "2×"));
        title.setText(spec.title());
        title.setId("export-title");
        Tips.set(title, "The title printed above the chart");
        subtitle.setText(spec.subtitle());
        subtitle.setId("export-subtitle");
        Tips.set(subtitle, "A line under the title (empty: none)");
        footnote.setText(spec.footnote(12));
        footnote.setWrapText(true);
        footnote.setPrefRowCount(3);
        footnote.setId("export-footnote");
        Tips.set(footnote, "The sources, printed under the chart");
        RadioButton light = new RadioButton("Light");
        RadioButton dark = new RadioButton("Dark");
        Tips.set(light, "Dark text on white");
        Tips.set(dark, "Light text on a dark background");
        light.setUserData(ExportOptions.Theme.LIGHT);
        dark.setUserData(ExportOptions.Theme.DARK);
        light.setToggleGroup(theme);
        dark.setToggleGroup(theme);
        (settings.get("theme", "LIGHT").equals("DARK") ? dark : light).setSelected(true);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(8));
        g.addRow(0, new Label("Size:"), new HBox(8, size, width, new Label("×"), height));
        g.addRow(1, new Label("Scale:"), new HBox(8, scale, new Label("(PNG density: 96 dpi × scale)")));
        g.addRow(2, new Label("Title:"), title);
        g.addRow(3, new Label("Subtitle:"), subtitle);
        g.addRow(4, new Label("Footnote:"), footnote);
        g.addRow(5, new Label("Theme:"), new HBox(12, light, dark));
        title.setPrefColumnCount(50);
        getDialogPane().setContent(g);
        ButtonType save = new ButtonType("Choose file and export…", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Tips.set(getDialogPane().lookupButton(save), "Pick where to save the PNG, then write it");
        Tips.set(getDialogPane().lookupButton(ButtonType.CANCEL), "Close without exporting (Esc)");
        setResultConverter(b -> b == save ? options() : null);
    }

    /** The options as the dialog shows them; also remembers them. */
    public ExportOptions options() {
        double s = Double.parseDouble(scale.getValue().replace("×", ""));
        ExportOptions.Theme t = (ExportOptions.Theme) theme.getSelectedToggle().getUserData();
        settings.put("size", size.getValue());
        settings.put("width", String.valueOf(width.getValue()));
        settings.put("height", String.valueOf(height.getValue()));
        settings.put("scale", scale.getValue());
        settings.put("theme", t.name());
        settings.save();
        return new ExportOptions(width.getValue(), height.getValue(), s, t, title.getText(), subtitle.getText(),
                footnote.getText());
    }

    /** The last folder exported to (the user's home at first). */
    public static Path lastFolder() {
        return Path.of(new ExportSettings(AppPaths.home().resolve("export.properties"))
                .get("folder", System.getProperty("user.home")));
    }

    public static void rememberFolder(Path folder) {
        ExportSettings s = new ExportSettings(AppPaths.home().resolve("export.properties"));
        s.put("folder", folder.toAbsolutePath().toString());
        s.save();
    }
}
