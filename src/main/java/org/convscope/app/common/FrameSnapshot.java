package org.convscope.app.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import javax.imageio.ImageIO;

/**
 * "Save this view as a picture": any node's current frame as a PNG. The snapshot is taken on the FX thread (one
 * render of the node); encoding and writing the file happen in the background, so a large view does not freeze the
 * window. Transparent parts get the theme's background (the nearest ancestor region's fill), so a dark theme
 * exports dark.
 */
public final class FrameSnapshot {
    private FrameSnapshot() {}

    /** Snapshot of node with the theme background behind it. FX thread. */
    public static WritableImage take(Node node) {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("snapshots are taken on the FX thread");
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(backgroundOf(node));
        return node.snapshot(params, null);
    }

    /**
     * Saves node's current frame as PNG: the snapshot now (call on the FX thread), encoding and writing as one-off
     * background work; onSaved gets the file, onFailed the error (logged first), both on the FX thread.
     */
    public static void savePng(Node node, Path file, OneShot files, java.util.function.Consumer<Path> onSaved,
                               java.util.function.Consumer<? super Throwable> onFailed) {
        WritableImage image = take(node);
        files.run("Saving a PNG to " + file, () -> {
            writePng(SwingFXUtils.fromFXImage(image, null), file);
            return file;
        }, onSaved, onFailed);
    }

    /** Writes a PNG (creating parent folders); any thread. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("this Java runtime has no PNG writer");
    }

    /** The fill of the nearest region (node or an ancestor) that paints a background; white if none does. */
    public static Paint backgroundOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                Background b = r.getBackground();
                if (b != null && !b.getFills().isEmpty()) {
                    var fill = b.getFills().getFirst();
                    if (fill.getInsets().equals(Insets.EMPTY) && fill.getFill() instanceof Color c && c.getOpacity() > 0.99) return c;
                }
            }
            if (n.getParent() == null && n.getScene() != null && n.getScene().getFill() instanceof Color c) return c;
        }
        return Color.WHITE;
    }
}
