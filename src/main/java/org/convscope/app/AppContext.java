package org.convscope.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State shared between views, on the FX thread only. Views talk to each other through these
 * properties (e.g. the browser sets {@link #currentImageProperty()} and the network view follows it),
 * never by calling each other.
 */
public final class AppContext {

    /** The image the views work on: 28x28 values in 0..1, row-major, with where it came from. */
    public record InputImage(float[] pixels, String dataset, int label, String source) {}

    private final ObjectProperty<InputImage> currentImage = new SimpleObjectProperty<>(this, "currentImage");
    /** Id of the view to navigate to; the shell listens and switches. */
    private final StringProperty requestedView = new SimpleStringProperty(this, "requestedView");
    private final Services services;

    public AppContext(Services services) { this.services = services; }

    public ObjectProperty<InputImage> currentImageProperty() { return currentImage; }
    public StringProperty requestedViewProperty() { return requestedView; }
    public Services services() { return services; }
}
