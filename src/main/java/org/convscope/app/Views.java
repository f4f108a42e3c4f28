package org.convscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The navigation, in lesson order (concepts.md). Each feature adds its one line here: the view's id, title key,
 * icon and lesson settings (what the navigation and a lesson need before the view exists), and how to make it.
 * The views themselves are made when first needed ({@link LazyView}); {@code ViewsTest} checks each line against the
 * view it makes.
 */
public final class Views {
    private Views() {}

    public static List<ConceptView> create(AppContext ctx) {
        List<ConceptView> views = new ArrayList<>();
        // first in the lesson: the parts of a CNN
        add(views, "overview", "overview.nav", Material2AL.ACCOUNT_TREE, Set.of("model"),
                () -> new org.convscope.app.overview.OverviewView(ctx));
        add(views, "browser", "browser.title", Material2OutlinedAL.COLLECTIONS, Set.of("dataset", "split"),
                () -> new org.convscope.app.browser.DatasetBrowserView(ctx));
        add(views, "draw", "draw.nav", Material2AL.GESTURE, Set.of("dataset"),
                () -> new org.convscope.app.draw.DrawView(ctx));
        // our handwriting: collect, test, train
        add(views, "collect", "collect.nav", Material2AL.COLLECTIONS, Set.of("class", "tab"),
                () -> new org.convscope.app.collect.CollectView(ctx));
        add(views, "network", "network.nav", Material2AL.DEVICE_HUB, Set.of("dx", "dy", "degrees", "unit"),
                () -> new org.convscope.app.network.NetworkView(ctx));
        add(views, "kernel", "kernel.nav", Material2AL.GRID_ON,
                Set.of("source", "layer", "channel", "preset", "padding", "stride", "position"),
                () -> new org.convscope.app.kernel.KernelView(ctx));
        add(views, "activation", "activation.nav", Material2MZ.SHOW_CHART, Set.of("source", "layer", "curve", "unnormalised"),
                () -> new org.convscope.app.activation.ActivationView(ctx));
        add(views, "pooling", "pooling.nav", Material2AL.FILTER_CENTER_FOCUS, Set.of("layer", "channel", "kind", "position"),
                () -> new org.convscope.app.pooling.PoolingView(ctx));
        add(views, "sharing", "sharing.nav", Material2MZ.SHARE, Set.of(),
                () -> new org.convscope.app.sharing.WeightSharingView(ctx));
        add(views, "params", "params.nav", Material2AL.CALCULATE, Set.of(),
                () -> new org.convscope.app.params.ParameterCountView(ctx));
        add(views, "flatten", "flatten.nav", Material2AL.LINEAR_SCALE, Set.of(),
                () -> new org.convscope.app.flatten.FlattenView(ctx));
        // concept 5: the dense layers and softmax
        add(views, "classifier", "classifier.nav", Material2AL.FUNCTIONS, Set.of("layer", "unit"),
                () -> new org.convscope.app.classifier.ClassifierView(ctx));
        // how it learns: the gradient, layer by layer
        add(views, "backprop", "backprop.nav", Material2MZ.TRENDING_DOWN, Set.of("model", "step", "kernel"),
                () -> new org.convscope.app.backprop.BackpropView(ctx));
        // what it looks at: saliency and occlusion
        add(views, "saliency", "saliency.nav", Material2MZ.VISIBILITY, Set.of("class", "versus", "method"),
                () -> new org.convscope.app.saliency.SaliencyView(ctx));
        add(views, "training", "training.nav", Material2MZ.SHOW_CHART, Set.of("tab", "recipe"),
                () -> new org.convscope.app.training.TrainingView(ctx));
        for (ConceptView v : views) ctx.viewIds().add(v.id()); // keep last: views may offer to open each other
        return views;
    }

    private static void add(List<ConceptView> views, String id, String titleKey, Ikon icon, Set<String> stateKeys,
                            Supplier<? extends ConceptView> factory) {
        views.add(new LazyView(id, titleKey, icon, stateKeys, factory));
    }
}
