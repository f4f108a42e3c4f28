package org.convscope.app.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convscope.app.I18n;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Save PNG" (the view's current frame) and "Save GIF" (the animation, recorded without blocking the window) with a
 * progress bar and a status line. Reusable by any view: give it the node to photograph and, for GIFs, a supplier of
 * the frames (null when there is nothing to record).
 *
 * <p>Node ids: PREFIX-export-png, PREFIX-export-gif, PREFIX-export-progress, PREFIX-export-status.
 */
public final class ExportPanel extends VBox {
    private final String baseName;
    private final Node photographed;
    private final Supplier<GifRecording.Frames> frames;
    private final Executor background;
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final BooleanProperty gifAvailable = new SimpleBooleanProperty(this, "gifAvailable", true);
    private BiFunction<String, String, Path> target = this::chooseFile;
    private GifRecording recording;
    /** Writing PNGs (one-off background work). */
    private final OneShot files;

    /**
     * @param prefix   id prefix, e.g. "kernel"
     * @param baseName suggested file name without extension, e.g. "convscope-kernel"
     */
    public ExportPanel(String prefix, String baseName, Node photographed, Supplier<GifRecording.Frames> frames, Executor background) {
        super(8);
        this.baseName = baseName;
        this.photographed = photographed;
        this.frames = frames;
        this.background = background;
        this.files = new OneShot(background, Platform::runLater);
        Button png = new Button(null, new FontIcon(Material2AL.IMAGE));
        png.setId(prefix + "-export-png");
        png.textProperty().bind(I18n.bind("export.png"));
        png.setOnAction(e -> exportPng());
        Button gif = new Button(null, new FontIcon(Material2AL.GIF));
        gif.setId(prefix + "-export-gif");
        gif.textProperty().bind(I18n.bind("export.gif"));
        gif.setOnAction(e -> exportGif());
        gif.disableProperty().bind(gifAvailable.not());
        gif.setVisible(frames != null);
        gif.setManaged(frames != null);
        progress.setId(prefix + "-export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.setManaged(false);
        status.setId(prefix + "-export-status");
        status.getStyleClass().add("concept-detail");
        status.setWrapText(true);
        png.setMinWidth(Region.USE_PREF_SIZE);
        gif.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(new FlowPane(8, 8, png, gif), progress, status);
    }

    /** Where files go: (extension "png"/"gif", suggested name) → path, or null to cancel. Tests replace the dialog. */
    public void setTarget(BiFunction<String, String, Path> target) { this.target = target; }

    /** Bind to "there is an animation to record". */
    public BooleanProperty gifAvailableProperty() { return gifAvailable; }

    /** The recording in progress or the last one (null before the first). */
    public GifRecording recording() { return recording; }

    public Label status() { return status; }

    public void exportPng() {
        Path file = target.apply("png", baseName + ".png");
        if (file == null) return;
        FrameSnapshot.savePng(photographed, file, files, f -> status.setText(I18n.get("export.saved", f.toString())),
                err -> status.setText(I18n.get("export.failed", rootMessage(err))));
    }

    public void exportGif() {
        if (frames == null || recording != null && !recording.result().isDone()) return;
        GifRecording.Frames fr = frames.get();
        if (fr == null) return;
        Path file = target.apply("gif", baseName + ".gif");
        if (file == null) return;
        progress.setVisible(true);
        progress.setManaged(true);
        status.setText(I18n.get("export.recording", fr.count()));
        recording = GifRecording.start(fr, file, background);
        progress.progressProperty().bind(recording.progressProperty());
        int n = fr.count();
        recording.result().whenComplete((f, err) -> Platform.runLater(() -> {
            if (err != null) org.convscope.app.ErrorLog.log("Recording a GIF to " + file + " failed", err);
            progress.progressProperty().unbind();
            progress.setVisible(false);
            progress.setManaged(false);
            status.setText(err == null ? I18n.get("export.savedGif", f.toString(), n) : I18n.get("export.failed", rootMessage(err)));
        }));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private Path chooseFile(String ext, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get("export." + ext));
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
        var f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return null;
        Path p = f.toPath();
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(p.getFileName() + "." + ext);
    }
}
