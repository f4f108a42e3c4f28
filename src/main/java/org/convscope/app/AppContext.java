package org.convscope.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.convscope.engine.Network;

/**
 * State shared between views, on the FX thread only. Views talk to each other through these
 * properties (e.g. the browser sets {@link #currentImageProperty()} and the network view follows it),
 * never by calling each other.
 */
public final class AppContext {

    /** Dataset ids used as keys everywhere in the app. */
    public static final String MNIST = "mnist", FASHION_MNIST = "fashion-mnist";

    /**
     * The image the views work on: 28x28 values in 0..1 (white digit on black, as in MNIST), row-major.
     * @param dataset MNIST or FASHION_MNIST: which model should look at it
     * @param label   the true class if known, else -1
     * @param fixedSource where it came from, for display (e.g. a file name), as given
     * @param sourceText  the same in the language of the moment ("MNIST test #42", "your drawing"), or null
     * @param ref         where it came from, for a lesson step to name it again: "mnist/test/42"; null for anything
     *                    that is not an image of a bundled dataset (a drawing, a file)
     */
    public record InputImage(float[] pixels, String dataset, int label, String fixedSource,
                             java.util.function.Supplier<String> sourceText, String ref) {
        public InputImage(float[] pixels, String dataset, int label, String source) {
            this(pixels, dataset, label, source, (java.util.function.Supplier<String>) null, (String) null);
        }

        public InputImage(float[] pixels, String dataset, int label, String source, String ref) {
            this(pixels, dataset, label, source, (java.util.function.Supplier<String>) null, ref);
        }

        /** An image whose source is said again in the new language after a switch (e.g. I18n.get("browser.image", ...)). */
        public static InputImage localized(float[] pixels, String dataset, int label, java.util.function.Supplier<String> source) {
            return new InputImage(pixels, dataset, label, source.get(), source, null);
        }

        /** The same, for an image of a bundled dataset that a lesson can name again ("mnist/test/42"). */
        public static InputImage localized(float[] pixels, String dataset, int label, java.util.function.Supplier<String> source,
                                           String ref) {
            return new InputImage(pixels, dataset, label, source.get(), source, ref);
        }

        /** Where it came from, for display, in the current language when it was made with {@link #localized}. */
        public String source() { return sourceText != null ? sourceText.get() : fixedSource; }
    }

    /**
     * A trained network the views use for a dataset.
     * @param description what to show the user, e.g. "LeNet-5 (ReLU, max pooling), bundled"; null: named from its
     *                    architecture in the language of the moment ({@link ModelLibrary#describe})
     * @param testAccuracy accuracy on the test set in 0..1, or NaN if unknown
     */
    public record ActiveModel(Network network, String dataset, String description, double testAccuracy) {
        @Override public String description() {
            return description != null ? description : ModelLibrary.describe(network.spec());
        }
    }

    /** One feature map of one layer (for "open this map in the convolution view"). */
    public record FeatureMapRef(int layerIndex, int channel) {}

    private final ObjectProperty<InputImage> currentImage = new SimpleObjectProperty<>(this, "currentImage");
    private final ObservableMap<String, ActiveModel> models = FXCollections.observableHashMap();
    private final ObjectProperty<FeatureMapRef> selectedFeatureMap = new SimpleObjectProperty<>(this, "selectedFeatureMap");
    /** Id of the view to navigate to; the shell listens and switches. */
    private final StringProperty requestedView = new SimpleStringProperty(this, "requestedView");
    private final Services services;
    private final DatasetCache datasets;
    private final StatusLine status = new StatusLine();
    /**
     * Whether the measurements meant for developers (draw latency, fps, worst frame) are shown; off by default
     * ({@link Settings#diagnostics()} sets it at start and remembers changes). Views bind their measurement labels'
     * visibility to it and offer a "Developer measurements" item in a context menu; a shell key may toggle it.
     */
    private final javafx.beans.property.BooleanProperty diagnostics =
            new javafx.beans.property.SimpleBooleanProperty(this, "diagnostics", false);
    /**
     * The architecture the lesson is talking about, set by the "Parts of a CNN" diagram when it opens a view (set to
     * null and then to the spec, so that every click is heard). Views that can show it follow: the pooling view's
     * kind, the activation view's network, the parameter table's model. Null: each view's own choice.
     */
    private final ObjectProperty<org.convscope.engine.ModelSpec> architecture = new SimpleObjectProperty<>(this, "architecture");
    /** Ids of the views the app shows (filled by {@link Views#create}); "open in the X view" only when X is here. */
    private final ObservableSet<String> viewIds = FXCollections.observableSet();

    public AppContext(Services services) {
        this(services, new DatasetCache(services.background()));
    }

    /** For tests that bring their own (e.g. fake) dataset cache. */
    public AppContext(Services services, DatasetCache datasets) {
        this.services = services;
        this.datasets = datasets;
        ErrorLog.showOn(status); // failures of background work are shown in this context's status bar
    }

    public ObjectProperty<InputImage> currentImageProperty() { return currentImage; }
    /** The model per dataset id (MNIST / FASHION_MNIST); views observe this map. */
    public ObservableMap<String, ActiveModel> models() { return models; }
    public ObjectProperty<FeatureMapRef> selectedFeatureMapProperty() { return selectedFeatureMap; }
    public StringProperty requestedViewProperty() { return requestedView; }
    public Services services() { return services; }
    /** The bundled datasets, each loaded once and shared by all views (see {@link DatasetCache}). */
    public DatasetCache datasets() { return datasets; }
    /** The status bar's message line; any view may post to it. */
    public StatusLine status() { return status; }
    public ObjectProperty<org.convscope.engine.ModelSpec> architectureProperty() { return architecture; }

    /** Opens a view about this architecture (what the overview's diagram does). FX thread. */
    public void openAbout(org.convscope.engine.ModelSpec spec, String viewId) {
        architecture.set(null);
        architecture.set(spec);
        requestedView.set(viewId);
    }

    public javafx.beans.property.BooleanProperty diagnosticsProperty() { return diagnostics; }

    /** Starts from the saved setting (or -Dconvscope.diagnostics=true) and saves every change. */
    public void rememberDiagnostics(Settings settings) {
        diagnostics.set(settings.diagnostics());
        diagnostics.addListener((o, a, on) -> settings.setDiagnostics(on));
    }

    /** A context-menu item that switches the developers' measurements on and off (the same switch everywhere). */
    public javafx.scene.control.CheckMenuItem diagnosticsMenuItem() {
        var item = new javafx.scene.control.CheckMenuItem();
        item.textProperty().bind(I18n.bind("shell.diagnostics"));
        item.selectedProperty().bindBidirectional(diagnostics);
        return item;
    }

    /** Ids of the views that exist in this app (e.g. "kernel"), so a view can offer to open another only if it is there. */
    public ObservableSet<String> viewIds() { return viewIds; }
}
