package org.convscope.app.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns feature maps, kernels and images (row-major float arrays) into JavaFX images, one image pixel per value. */
public final class MapImages {
    private MapImages() {}

    /**
     * Renders values[offset .. offset + h*w) as an h x w image. Scale it up in an ImageView with smooth=false
     * so each value stays a crisp square.
     */
    public static WritableImage render(float[] values, int offset, int h, int w, ColorMap map, float scale) {
        WritableImage img = new WritableImage(w, h);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = map.argb(values[offset + i], scale);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    /** Renders with the map's natural scale (see {@link ColorMap#scaleOf}). */
    public static WritableImage render(float[] values, int offset, int h, int w, ColorMap map) {
        return render(values, offset, h, w, map, map.scaleOf(values, offset, h * w));
    }
}
