package org.convscope.app.params;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.app.AppContext;
import org.convscope.app.ConceptView;
import org.convscope.app.I18n;
import org.convscope.app.common.ConceptPage;
import org.convscope.app.common.ExportPanel;
import org.convscope.engine.Activation;
import org.convscope.engine.LayerSpec;
import org.convscope.engine.PoolKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Counting parameters (concepts.md section 6): for each model of the zoo a table of its layers with the output
 * shape, the formula filled in with the layer's own numbers and the count, and the total written as a sum.
 */
public final class ParameterCountView implements ConceptView {

    private ExportPanel export;

    private final ParameterCountViewModel model = new ParameterCountViewModel();
    private ConceptPage page;
    private final GridPane table = new GridPane();
    private final Label sum = new Label();
    private final GridPane compare = new GridPane();
    private final java.util.List<Region> bars = new java.util.ArrayList<>();
    /** The longest bar of the comparison takes this share of the comparison's width. */
    private static final double BAR_SHARE = 0.35;

    private final AppContext ctx;

    private final java.util.List<ToggleButton> modelButtons = new java.util.ArrayList<>();

    public ParameterCountView(AppContext ctx) {
        this.ctx = ctx;
        ctx.architectureProperty().addListener((o, a, spec) -> followArchitecture(spec));
        // made after the diagram opened it (views are made when first needed): what the diagram asked for holds too
        followArchitecture(ctx.architectureProperty().get());
    }

    /** Shows the model the "Parts of a CNN" diagram was talking about when it opened this view (null: nothing asked). */
    private void followArchitecture(org.convscope.engine.ModelSpec spec) {
        if (spec == null) return;
        for (int i = 0; i < model.tables().size(); i++) {
            if (model.tables().get(i).model().id().equals(spec.id())) {
                model.select(i);
                for (int b = 0; b < modelButtons.size(); b++) modelButtons.get(b).setSelected(b == i);
                refresh();
            }
        }
    }

    /** "Save PNG" of this view (tests point it at a folder). */
    public ExportPanel export() { return export; }

    @Override public String id() { return "params"; }
    @Override public String titleKey() { return "params.nav"; }
    @Override public Ikon icon() { return Material2AL.CALCULATE; }

    @Override
    public Node node() {
        if (page == null) build();
        return page;
    }

    public ParameterCountViewModel model() { return model; }

    private void build() {
        page = new ConceptPage("params.title", "params.explanation");
        page.setId("params-view");

        // every model of the zoo as a row: its name (a button that shows its table), its total as a bar, the number
        compare.getStyleClass().add("concept-card");
        compare.setHgap(16);
        compare.setVgap(6);
        compare.setId("params-compare");
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < model.tables().size(); i++) {
            ParameterTable t = model.tables().get(i);
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(I18n.bind("params.model." + t.model().id()));
            b.setId("params-model-" + t.model().id());
            b.setToggleGroup(group);
            b.setSelected(i == model.selectedIndex());
            modelButtons.add(b);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true); // a long model name takes two lines, the count beside it stays whole
            b.setMinHeight(Region.USE_PREF_SIZE);
            int index = i;
            b.setOnAction(e -> {
                if (!b.isSelected()) { b.setSelected(true); return; }
                model.select(index);
                refresh();
            });
            Region bar = new Region();
            bar.getStyleClass().add("concept-bar");
            double frac = (double) t.total() / model.largestTotal();
            bar.prefWidthProperty().bind(compare.widthProperty().multiply(BAR_SHARE * frac).add(3));
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            bars.add(bar);
            Label count = cell(ParameterTable.group(t.total()), "params-compare-" + t.model().id(), "concept-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            compare.addRow(i, b, bar, count);
        }

        table.getStyleClass().add("concept-card");
        table.setHgap(20);
        table.setVgap(2);
        table.setId("params-table");
        sum.getStyleClass().add("concept-number");
        sum.setId("params-sum");
        sum.setWrapText(true);
        // the table fits the width (layer names wrap, numbers stay whole); a short window scrolls it down
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        scroll.getStyleClass().add("edge-to-edge");
        Label total = ConceptPage.text("params.sum.caption", "concept-number");
        total.setWrapText(false);
        total.setMinWidth(Label.USE_PREF_SIZE);
        // the sum under its caption, wrapping at its "+" signs when the window is narrow
        sum.setMinHeight(Region.USE_PREF_SIZE);
        VBox sumRow = new VBox(4, total, sum);
        VBox content = new VBox(12, compare, scroll, sumRow);
        page.setContent(content);

        // the current frame as PNG (for slides and handouts)
        export = new ExportPanel("params", "convscope-params", page, null, ctx.services().background());
        page.side().getChildren().addAll(
                ConceptPage.text("params.formula.conv", "concept-formula"),
                ConceptPage.text("params.formula.dense", "concept-formula"),
                ConceptPage.text("params.formula.none", "concept-formula"),
                ConceptPage.text("params.compare", "concept-detail"), export);
        I18n.onChange(page, () -> refresh());
        refresh();
    }

    private void refresh() {
        if (page == null) return;
        ParameterTable t = model.selected();
        for (int i = 0; i < bars.size(); i++) {
            bars.get(i).getStyleClass().remove("selected");
            if (i == model.selectedIndex()) bars.get(i).getStyleClass().add("selected");
        }
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        // three columns: the layer with its formula under it, the output shape, the count (fits a 1280 px projector)
        Label layerHead = ConceptPage.text("params.col.layer", "concept-caption"), formulaHead = ConceptPage.text("params.col.formula", "concept-caption");
        table.add(new VBox(layerHead, formulaHead), 0, 0);
        table.add(ConceptPage.text("params.col.output", "concept-caption"), 1, 0);
        table.add(ConceptPage.text("params.col.count", "concept-caption"), 2, 0);
        int row = 1;
        for (ParameterTable.Row r : t.rows()) {
            // the layers that learn stand out; the ones without parameters are smaller (and keep the table short)
            String style = r.count() > 0 ? "concept-formula" : "concept-caption";
            String nameStyle = r.count() > 0 ? "concept-detail" : "concept-caption";
            Label name = cell(layerName(r.layer()), "params-layer-" + r.index(), nameStyle);
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            Label formula = cell(r.formula(), "params-formula-" + r.index(), style);
            formula.setWrapText(true);
            formula.setMinHeight(Region.USE_PREF_SIZE);
            VBox layerCell = new VBox(name);
            if (r.count() > 0) layerCell.getChildren().add(formula); // "0" formulas of the layers that learn nothing: the count says it
            table.add(layerCell, 0, row);
            table.add(whole(cell(r.output().toString(), "params-shape-" + r.index(), style)), 1, row);
            table.add(whole(cell(ParameterTable.group(r.count()), "params-count-" + r.index(), r.count() > 0 ? "concept-count" : "concept-caption")), 2, row);
            row++;
        }
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        ColumnConstraints names = new ColumnConstraints();
        names.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        table.getColumnConstraints().addAll(names, new ColumnConstraints(), right);
        table.setAlignment(Pos.TOP_LEFT);
        sum.setText(t.sum());
    }

    /** A number or shape is never shortened: the columns of words give way instead. */
    private static Label whole(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label cell(String text, String id, String style) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add(style);
        return l;
    }

    /** "Convolution 5×5, 6 channels, padding 2", "Sigmoid", "Average pooling 2×2, stride 2", "Fully connected → 120". */
    public static String layerName(LayerSpec l) {
        return switch (l) {
            case LayerSpec.Conv c -> c.padding() > 0
                    ? I18n.get("params.layer.convPadded", c.kernel(), c.outChannels(), c.padding())
                    : I18n.get("params.layer.conv", c.kernel(), c.outChannels());
            case LayerSpec.Act a -> I18n.get("params.layer.act", activationName(a.fn()));
            case LayerSpec.Pool p -> I18n.get(p.pool() == PoolKind.MAX ? "params.layer.maxPool" : "params.layer.avgPool", p.window(), p.stride());
            case LayerSpec.Flatten f -> I18n.get("params.layer.flatten");
            case LayerSpec.Dense d -> I18n.get("params.layer.dense", d.outputs());
        };
    }

    public static String activationName(Activation a) {
        return switch (a) {
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case RELU -> "ReLU";
        };
    }
}
