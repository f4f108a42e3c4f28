package org.convscope.app.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Building blocks for the side column of a {@link ConceptPage}: titled cards and "label: control" rows. */
public final class SideColumn {
    private SideColumn() {}

    /** A card with a heading (I18n key) above its content. */
    public static VBox card(String titleKey, Node content) {
        Label title = ConceptPage.text(titleKey, "concept-heading");
        VBox box = new VBox(8, title, content);
        box.getStyleClass().add("concept-card");
        return box;
    }

    /**
     * A label above a control that takes the column's whole width: for choices whose names are long (a combo box
     * beside its label would be squeezed to "po…" in a narrow column).
     */
    public static VBox stacked(String key, javafx.scene.layout.Region control) {
        Label l = ConceptPage.text(key, "concept-detail");
        l.setMinHeight(Label.USE_PREF_SIZE);
        control.setMaxWidth(Double.MAX_VALUE);
        control.setMinWidth(0);
        control.setPrefWidth(60); // the column's width, not the longest item's, decides
        return new VBox(4, l, control);
    }

    /** A row "label  control" (label from an I18n key). */
    public static HBox row(String key, Node control) {
        Label l = ConceptPage.text(key, "concept-detail");
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setWrapText(false);
        HBox h = new HBox(8, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** Shows or hides a node and takes it out of the layout while hidden. */
    public static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
