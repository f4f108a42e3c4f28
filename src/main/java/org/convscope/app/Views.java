package org.convscope.app;

import java.util.ArrayList;
import java.util.List;

/** The navigation, in lesson order (concepts.md). Each feature adds its one line here. */
public final class Views {
    private Views() {}

    public static List<ConceptView> create(AppContext ctx) {
        List<ConceptView> views = new ArrayList<>();
        views.add(new org.convscope.app.overview.OverviewView(ctx)); // first in the lesson: the parts of a CNN
        views.add(new org.convscope.app.browser.DatasetBrowserView(ctx));
        views.add(new org.convscope.app.draw.DrawView(ctx));
        views.add(new org.convscope.app.collect.CollectView(ctx)); // our handwriting: collect, test, train
        views.add(new org.convscope.app.network.NetworkView(ctx));
        views.add(new org.convscope.app.kernel.KernelView(ctx));
        views.add(new org.convscope.app.activation.ActivationView(ctx));
        views.add(new org.convscope.app.pooling.PoolingView(ctx));
        views.add(new org.convscope.app.sharing.WeightSharingView(ctx));
        views.add(new org.convscope.app.params.ParameterCountView(ctx));
        views.add(new org.convscope.app.flatten.FlattenView(ctx));
        views.add(new org.convscope.app.classifier.ClassifierView(ctx)); // concept 5: the dense layers and softmax
        views.add(new org.convscope.app.backprop.BackpropView(ctx)); // how it learns: the gradient, layer by layer
        views.add(new org.convscope.app.saliency.SaliencyView(ctx)); // what it looks at: saliency and occlusion
        views.add(new org.convscope.app.training.TrainingView(ctx));
        for (ConceptView v : views) ctx.viewIds().add(v.id()); // keep last: views may offer to open each other
        return views;
    }
}
