package org.rareearth.dashboard.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;
import org.rareearth.dashboard.app.Services;

/** The JavaFX application: one main window on the services the launcher opened. */
public final class DashboardApp extends Application {
    private static volatile Services services;

    /** Hands the opened store to the application before {@code Application.launch}. */
    public static void use(Services s) {
        services = s;
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(Objects.requireNonNull(services, "no store was opened"), stage);
        window.show();
    }
}
