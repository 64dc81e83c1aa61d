package org.rareearth.dashboard.desktop.reactions;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;

/** A line chart of cumulative returns by trading day, with day 0 and the zero line marked. */
final class EventWindowChart extends LineChart<Number, Number> {
    private final Line dayZero = new Line();
    private final Line zero = new Line();

    EventWindowChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        dayZero.getStyleClass().add("day-zero");
        zero.getStyleClass().add("zero-line");
        dayZero.setManaged(false);
        zero.setManaged(false);
        getPlotChildren().addAll(zero, dayZero);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double px = x.getDisplayPosition(0);
        dayZero.setStartX(px);
        dayZero.setEndX(px);
        dayZero.setStartY(0);
        dayZero.setEndY(y.getHeight());
        double py = y.getDisplayPosition(0);
        zero.setStartX(0);
        zero.setEndX(x.getWidth());
        zero.setStartY(py);
        zero.setEndY(py);
        zero.setVisible(py >= 0 && py <= y.getHeight());
        dayZero.toFront();
    }
}
