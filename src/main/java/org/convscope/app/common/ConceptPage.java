package org.convscope.app.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convscope.app.I18n;

/**
 * The common page of a concept view: a large title on top, the picture in the middle, and on the right a column
 * with the two-sentence explanation followed by the view's numbers and controls. Text follows the language switch.
 * Styles come from concept-page.css (sizes in em, so a projector theme that enlarges the root font enlarges all).
 */
public class ConceptPage extends BorderPane {

    private final VBox side = new VBox();
    private final Label title = new Label();
    private final Label explanation = new Label();

    /** @param explanationArgs numbers the explanation mentions (computed by the view, never typed into the text) */
    public ConceptPage(String titleKey, String explanationKey, Object... explanationArgs) {
        getStylesheets().add(ConceptPage.class.getResource("concept-page.css").toExternalForm());
        getStyleClass().add("concept-page");
        title.textProperty().bind(I18n.bind(titleKey));
        title.getStyleClass().add("concept-title");
        title.setId("concept-title");
        explanation.textProperty().bind(I18n.bind(explanationKey, explanationArgs));
        explanation.getStyleClass().add("concept-explanation");
        explanation.setWrapText(true);
        explanation.setId("concept-explanation");
        explanation.setMinHeight(Label.USE_PREF_SIZE);
        setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        side.getStyleClass().add("concept-side");
        side.getChildren().add(explanation);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("concept-side-scroll", "edge-to-edge");
        // the side column takes 30 % of the page whatever the font size, so the picture keeps most of the width
        scroll.prefWidthProperty().bind(widthProperty().multiply(0.3));
        scroll.minWidthProperty().bind(widthProperty().multiply(0.22));
        setRight(scroll);
        BorderPane.setMargin(scroll, new Insets(0, 0, 0, 16));
    }

    /** The right-hand column below the explanation: add numbers and controls here. */
    public VBox side() { return side; }

    public void setContent(Node content) {
        setCenter(content);
        VBox.setVgrow(content, Priority.ALWAYS);
    }

    /**
     * The content in a vertical scroll pane (with the given id), for a page whose content can be taller than the
     * window: it fills the page while it fits and scrolls when its minimum height does not. Without one, a page taller
     * than the window was centred in it and lost its top, title included, and its bottom (weight sharing and the
     * classifier at 1280x800; the classroom tour checks every view for that now).
     */
    public ScrollPane setScrollingContent(Node content, String id) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("concept-content-scroll", "edge-to-edge");
        setContent(scroll);
        return scroll;
    }

    /** A caption with a big number under it, for the side column; the number label gets the given id. */
    public static VBox numberCard(String captionKey, Label number, String id) {
        Label caption = new Label();
        caption.textProperty().bind(I18n.bind(captionKey));
        caption.getStyleClass().add("concept-caption");
        caption.setWrapText(true);
        number.getStyleClass().add("concept-number");
        number.setId(id);
        number.setWrapText(true);
        VBox card = new VBox(2, caption, number);
        card.getStyleClass().add("concept-card");
        return card;
    }

    /** A label bound to an I18n key with a style class. */
    public static Label text(String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }
}
