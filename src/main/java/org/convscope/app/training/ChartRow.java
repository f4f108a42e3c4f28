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
    static final double COLUMN_EM = 18;

    private final HBox row = new HBox(16);
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
        getChildren().addAll(chooser, row);
        widthProperty().addListener((o, a, b) -> updateNarrow());
        fontProperty().addListener((o, a, b) -> updateNarrow());
    }

    private javafx.beans.property.ObjectProperty<javafx.scene.text.Font> fontProperty() {
        return showFirst.fontProperty(); // the controls' font follows the theme (projector.css makes it larger)
    }

    private void updateNarrow() {
        double em = showFirst.getFont().getSize();
        narrow.set(getWidth() > 0 && getWidth() < 3 * COLUMN_EM * em + 2 * row.getSpacing());
    }

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
