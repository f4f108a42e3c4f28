package org.convscope.app.training;

import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;

/**
 * The row of live curves: the loss, then two more charts (the gradient size per layer and the accuracy) side by side
 * when there is room for all three; in a narrow window (a 1280 × 800 projector) the loss and one of the two, chosen
 * with two toggle buttons above the row (#show-first, #show-second), so that no chart is squeezed below what can be
 * read. Ids: the row's own, set by the pane.
 */
final class ChartRow extends VBox {
    /** Least width of one chart, in multiples of the font size (the projector's larger type needs wider charts). */
    static final double COLUMN_EM = 15;

    private final HBox row = new HBox(16);
    /** The second row of the two-by-two layout: two equal columns. */
    private final javafx.scene.layout.GridPane lower = new javafx.scene.layout.GridPane();
    private final Region loss;
    private Region side;
    private boolean twoByTwo;
    private final HBox chooser = new HBox(6);
    private final ToggleButton showFirst = new ToggleButton(), showSecond = new ToggleButton();
    private final ReadOnlyBooleanWrapper narrow = new ReadOnlyBooleanWrapper(false);
    private final Region first, second;

    /**
     * @param loss   always shown
     * @param first  shown beside the loss; in a narrow row while its button is selected
     * @param second shown beside the loss; in a narrow row while its button is selected (the default)
     */
    ChartRow(Region loss, Region first, String firstKey, Region second, String secondKey) {
        this.loss = loss;
        this.first = first;
        this.second = second;
        getStyleClass().add("chart-row");
        row.getChildren().addAll(loss, first, second);
        for (Region r : List.of(loss, first, second)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setMaxWidth(Double.MAX_VALUE);
        }
        VBox.setVgrow(row, Priority.ALWAYS);
        ToggleGroup group = new ToggleGroup();
        showFirst.setId("show-first");
        showSecond.setId("show-second");
        showFirst.textProperty().bind(I18n.bind(firstKey));
        showSecond.textProperty().bind(I18n.bind(secondKey));
        for (ToggleButton b : List.of(showFirst, showSecond)) {
            b.setToggleGroup(group);
        }
        showSecond.setSelected(true);
        // one of the two is always selected
        group.selectedToggleProperty().addListener((o, a, b) -> { if (b == null) a.setSelected(true); });
        chooser.getChildren().addAll(showFirst, showSecond);
        chooser.setAlignment(Pos.CENTER_RIGHT);
        chooser.visibleProperty().bind(narrow.getReadOnlyProperty());
        chooser.managedProperty().bind(chooser.visibleProperty());
        first.visibleProperty().bind(narrow.not().or(showFirst.selectedProperty()));
        second.visibleProperty().bind(narrow.not().or(showSecond.selectedProperty()));
        first.managedProperty().bind(first.visibleProperty());
        second.managedProperty().bind(second.visibleProperty());
        setSpacing(4);
        VBox.setVgrow(lower, Priority.ALWAYS);
        lower.setHgap(16);
        for (int i = 0; i < 2; i++) {
            var c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            lower.getColumnConstraints().add(c);
        }
        var r = new javafx.scene.layout.RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setFillHeight(true);
        lower.getRowConstraints().add(r);
        getChildren().addAll(chooser, row);
        widthProperty().addListener((o, a, b) -> updateNarrow());
        fontProperty().addListener((o, a, b) -> updateNarrow());
    }

    private javafx.beans.property.ObjectProperty<javafx.scene.text.Font> fontProperty() {
        return showFirst.fontProperty(); // the controls' font follows the theme (projector.css makes it larger)
    }

    private void updateNarrow() {
        double em = showFirst.getFont().getSize();
        // two by two: two charts a row always fit where the form has made way
        narrow.set(!twoByTwo && getWidth() > 0 && getWidth() < 3 * COLUMN_EM * em + 2 * row.getSpacing());
    }

    /**
     * Two charts a row (the loss and the second; the first and `side`, e.g. its caption, under them) at least
     * ROW_EM font sizes high each, or back to one row of three. A 1280 x 800 projector without the form: the
     * curves, their axes and legends get the height instead of a strip of 180 pixels.
     */
    void setTwoByTwo(boolean on, Region side) {
        if (on == twoByTwo) return;
        twoByTwo = on;
        if (on) {
            this.side = side;
            row.getChildren().setAll(loss, second);
            side.setMaxWidth(Double.MAX_VALUE);
            javafx.scene.layout.GridPane.setConstraints(first, 0, 0);
            javafx.scene.layout.GridPane.setConstraints(side, 1, 0, 1, 1, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            lower.getChildren().setAll(first, side);
            getChildren().setAll(chooser, row, lower);
            minHeightProperty().bind(showFirst.fontProperty().map(f -> 2 * ROW_EM * f.getSize() + getSpacing()));
        } else {
            lower.getChildren().clear();
            row.getChildren().setAll(loss, first, second);
            getChildren().setAll(chooser, row);
            minHeightProperty().unbind();
            setMinHeight(Region.USE_COMPUTED_SIZE);
        }
        updateNarrow();
    }

    /** Least height of a row of charts in the two-by-two layout, in font sizes. */
    static final double ROW_EM = 10.5;

    /** Whether the charts are two a row, two rows. */
    boolean twoByTwo() { return twoByTwo; }

    /** The row shows the loss and only one of the other two charts. */
    ReadOnlyBooleanProperty narrowProperty() { return narrow.getReadOnlyProperty(); }

    /** Whether the chart is on screen (in a narrow row, whether its button is selected). */
    BooleanBinding showing(Region chart) {
        if (chart != first && chart != second) throw new IllegalArgumentException("not one of the row's choosable charts");
        return Bindings.createBooleanBinding(chart::isVisible, chart.visibleProperty());
    }

    /** Picks the chart shown beside the loss in a narrow row. */
    void show(Node chart) {
        (chart == first ? showFirst : showSecond).setSelected(true);
    }

    @Override protected double computeMinWidth(double height) { return 0; }
}
