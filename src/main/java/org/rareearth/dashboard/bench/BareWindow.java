package org.rareearth.dashboard.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.FirstFrame;

/** The start-up baseline: a bare JavaFX window with one label, timed to its first painted frame. */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Rare Earth Dashboard")), 1280, 800);
        stage.setScene(scene);
        stage.show();
        FirstFrame.exitAfterFirstFrame(scene);
    }

    /** Not an Application subclass entry point, so it starts with JavaFX on the class path like the app. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
