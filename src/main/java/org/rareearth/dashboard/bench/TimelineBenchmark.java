package org.rareearth.dashboard.bench;

import org.rareearth.dashboard.desktop.timeline.*;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.bench.Bench;
import org.rareearth.dashboard.bench.Synthetic;
import org.rareearth.dashboard.domain.PolicyEvent;

/**
 * Timeline figures for generated events: layout and drawing on the FX thread, a zoom step, the same with the
 * frame rendered (a snapshot), and a baseline of one bar and one label per event on a bare canvas.
 */
public final class TimelineBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private TimelineBenchmark() {}

    public static void run(Bench bench, int events) {
        FxRuntime.start();
        List<PolicyEvent> data = Synthetic.events(events, 7);
        TimelineCanvas canvas = FxRuntime.call(() -> {
            TimelineCanvas c = new TimelineCanvas();
            c.setToday(TODAY);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(c), 1600, 900));
            stage.show();
            return c;
        });
        bench.timeSelf("timeline-layout-draw-" + events, 5, 21, () -> Bench.onFx(() -> canvas.setEvents(data, true)));
        double[] factor = {1.25};
        bench.timeSelf("timeline-zoom-step-" + events, 10, 41, () -> Bench.onFx(() -> {
            canvas.zoom(factor[0], 800);
            factor[0] = 1 / factor[0];
        }));
        bench.timeSelf("timeline-layout-only-" + events, 10, 41, () -> {
            long t0 = System.nanoTime();
            TimelineLayout.compute(data, 16000, 0.3, TODAY, t -> t.length() * 6.5);
            return (System.nanoTime() - t0) / 1e6;
        });
        bench.timeSelf("timeline-layout-draw-render-" + events, 3, 11, () -> Bench.onFx(() -> {
            canvas.setEvents(data, true);
            canvas.snapshot(null, null);
        }));
        bench.timeSelf("timeline-zoom-step-render-" + events, 5, 21, () -> Bench.onFx(() -> {
            canvas.zoom(factor[0], 800);
            factor[0] = 1 / factor[0];
            canvas.snapshot(null, null);
        }));
        Canvas bare = FxRuntime.call(() -> new Canvas(1600, 900));
        bench.timeSelf("baseline-canvas-bars-labels-" + events, 5, 21, () -> Bench.onFx(() -> drawBare(bare, data)));
        bench.timeSelf("baseline-canvas-bars-labels-render-" + events, 5, 21, () -> Bench.onFx(() -> {
            drawBare(bare, data);
            bare.snapshot(null, null);
        }));
        FxRuntime.call(() -> {
            canvas.getScene().getWindow().hide();
            return null;
        });
    }

    private static void drawBare(Canvas bare, List<PolicyEvent> data) {
        GraphicsContext g = bare.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, 1600, 900);
        for (PolicyEvent e : data) {
            double x = e.announced().toEpochDay() % 1500;
            double y = (e.code().hashCode() & 0x3ff) % 880;
            g.setFill(Color.STEELBLUE);
            g.fillRect(x, y, 60, 8);
            g.setFill(Color.BLACK);
            g.fillText(e.title(), x, y);
        }
    }
}
