package org.convscope.app.overview;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.app.params.ParameterCountView;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The parts of a CNN (concepts.md section 1): LeNet-5 drawn as its blocks (input, two convolution blocks of
 * convolution → activation → pooling, flattening, fully connected layers) with every layer's output shape from
 * {@link ModelSpec#shapes()}. Each layer is a button that opens the concept view explaining it.
 */
public final class OverviewView implements ConceptView {

    private ExportPanel export;

    private final AppContext ctx;
    private final List<ModelSpec> models = ModelZoo.all().stream()
            .filter(m -> m.layers().stream().anyMatch(l -> l instanceof LayerSpec.Conv)).toList();
    private int selected;
    private ConceptPage page;
    private final ToggleGroup group = new ToggleGroup();
    /**
     * The blocks left to right, each with the arrow that leads into it, wrapped into as many rows as the window's
     * width needs (two or three rows at 1440 × 900, and at 1920 × 1080 in the projector theme).
     */
    private final javafx.scene.layout.FlowPane diagram = new javafx.scene.layout.FlowPane(10, 14);
    private final Label total = new Label();

    public OverviewView(AppContext ctx) { this.ctx = ctx; }

    /** "Save PNG" of this view (tests point it at a folder). */
    public ExportPanel export() { return export; }

    @Override public String id() { return "overview"; }
    @Override public String titleKey() { return "overview.nav"; }
    @Override public Ikon icon() { return Material2AL.ACCOUNT_TREE; }

    @Override
    public Node node() {
        if (page == null) build();
        return page;
    }

    @Override public java.util.Set<String> stateKeys() { return java.util.Set.of("model"); }

    @Override public java.util.Map<String, String> captureState() { return java.util.Map.of("model", models.get(selected).id()); }

    /** "model": the id of the diagram's network (lenet5-modern, lenet5-classic). */
    @Override public void applyState(java.util.Map<String, String> state) {
        String id = org.convscope.app.ViewState.oneOf(state, "model", models.stream().map(ModelSpec::id).toList());
        if (id == null) return;
        node();
        selected = models.indexOf(models.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow());
        for (var t : group.getToggles()) t.setSelected(Integer.valueOf(selected).equals(t.getUserData()));
        refresh();
    }

    private void build() {
        page = new ConceptPage("overview.title", "overview.explanation");
        page.setId("overview-view");
        javafx.scene.layout.FlowPane chooser = new javafx.scene.layout.FlowPane(8, 8);
        for (int i = 0; i < models.size(); i++) {
            ModelSpec m = models.get(i);
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(I18n.bind("params.model." + m.id()));
            b.setId("overview-model-" + m.id());
            b.setToggleGroup(group);
            b.setUserData(i);
            b.setSelected(i == selected);
            int index = i;
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                selected = index;
                refresh();
            });
            chooser.getChildren().add(b);
        }
        diagram.setId("overview-diagram");
        diagram.setAlignment(Pos.TOP_LEFT);
        diagram.setRowValignment(javafx.geometry.VPos.CENTER);
        total.getStyleClass().add("concept-number");
        total.setId("overview-total");
        // the diagram wraps to the width of the page; a window too short for it scrolls down
        VBox scrolled = new VBox(16, diagram, total);
        scrolled.setMinWidth(0);
        diagram.setMinWidth(0);
        total.setWrapText(true);
        total.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(scrolled);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        VBox content = new VBox(16, chooser, scroll);
        page.setContent(content);
        // the current frame as PNG (for slides and handouts)
        export = new ExportPanel("overview", "convscope-overview", page, null, ctx.services().background());
        page.side().getChildren().addAll(ConceptPage.text("overview.hint", "concept-detail"), export);
        I18n.onChange(page, () -> refresh());
        refresh();
    }

    private void refresh() {
        CnnBlocks blocks = CnnBlocks.of(models.get(selected));
        diagram.getChildren().clear();
        int convBlock = 0;
        for (int bi = 0; bi < blocks.blocks().size(); bi++) {
            CnnBlocks.Block b = blocks.blocks().get(bi);
            if (b.kind() == CnnBlocks.BlockKind.CONV_BLOCK) convBlock++;
            // the arrow stays with the block it leads into when the diagram wraps
            javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(10);
            line.setAlignment(Pos.CENTER_LEFT);
            if (bi > 0) {
                Label arrow = new Label("\u2192");
                arrow.getStyleClass().add("overview-arrow");
                line.getChildren().add(arrow);
            }
            String heading = switch (b.kind()) {
                case INPUT -> I18n.get("overview.block.input");
                case CONV_BLOCK -> I18n.get("overview.block.conv", convBlock);
                case FLATTEN -> I18n.get("overview.block.flatten");
                case DENSE -> I18n.get("overview.block.dense");
            };
            Label head = new Label(heading);
            head.getStyleClass().add("concept-heading");
            head.setWrapText(true);
            VBox box = new VBox(head);
            box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.getStyleClass().addAll("overview-block", switch (b.kind()) {
                case CONV_BLOCK -> "conv";
                case DENSE -> "dense";
                default -> "plain";
            });
            box.setId("overview-block-" + bi);
            // blocks with several layers are wider, so that long layer names fit in two lines (widths in the CSS)
            box.getStyleClass().add(b.parts().size() > 1 ? "wide" : "narrow");
            if (b.kind() == CnnBlocks.BlockKind.DENSE) {
                // the classifier's layers side by side: one row under the feature extractor
                javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 8); // wraps in a narrow window
                for (CnnBlocks.Part p : b.parts()) {
                    Node part = partButton(p);
                    part.getStyleClass().add("in-row");
                    row.getChildren().add(part);
                }
                box.getChildren().add(row);
                box.getStyleClass().remove("wide");
            } else {
                for (CnnBlocks.Part p : b.parts()) box.getChildren().add(partButton(p));
            }
            line.getChildren().add(box);
            diagram.getChildren().add(line);
        }
        total.setText(I18n.get("overview.total", String.format(Locale.US, "%,d", blocks.parameters())));
    }

    /**
     * One layer: a short name, its output shape and its parameters (the full description in the tooltip);
     * clicking opens the view that explains it.
     */
    private Node partButton(CnnBlocks.Part p) {
        String name = switch (p.layer()) {
            case null -> I18n.get("overview.part.input");
            case LayerSpec.Conv c -> I18n.get("overview.part.conv", c.kernel());
            case LayerSpec.Act a -> ParameterCountView.activationName(a.fn());
            case LayerSpec.Pool pool -> I18n.get(pool.pool() == org.convscope.engine.PoolKind.MAX ? "overview.part.maxPool" : "overview.part.avgPool");
            case LayerSpec.Flatten f -> I18n.get("overview.part.flatten");
            case LayerSpec.Dense d -> I18n.get("overview.part.dense");
        };
        String params = p.layer() == null ? ""
                : "\n" + (p.parameters() == 0 ? I18n.get("overview.part.noParams")
                        : I18n.get("overview.part.params", String.format(Locale.US, "%,d", p.parameters())));
        Button b = new Button(name + "\n\u2192 " + p.output() + params);
        b.setId("overview-part-" + (p.layerIndex() < 0 ? "input" : String.valueOf(p.layerIndex())));
        b.getStyleClass().add("overview-part");
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> open(p.view()));
        // only views that exist in this app can be opened
        b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !ctx.viewIds().contains(p.view()), ctx.viewIds()));
        String full = p.layer() == null ? name : ParameterCountView.layerName(p.layer());
        b.setTooltip(new javafx.scene.control.Tooltip(full + "\n" + I18n.get("overview.part.open")));
        return b;
    }

    /** Asks the shell to show a view (the shell clears the request after switching). */
    private void open(String view) {
        ctx.openAbout(models.get(selected), view); // the view shows the model this diagram shows
    }
}
