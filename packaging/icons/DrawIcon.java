import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws ConvScope's one source icon (1024x1024 PNG): a handwritten "7" as coarse grey pixels, as a network sees an
 * MNIST digit, with an orange 5x5 convolution kernel window over the corner of the stroke. Every other icon size and
 * format is scaled from this picture by make-icons.sh.
 *
 * Shapes are bold on purpose: at 16 px one grid cell of the digit is about one screen pixel and the kernel's frame
 * must still show as an orange square.
 *
 *   java packaging/icons/DrawIcon.java packaging/icons/convscope.png
 */
public final class DrawIcon {
    static final int SIZE = 1024;
    /** The digit is drawn on a GRID x GRID raster (like MNIST's 28x28, but coarse enough to survive 16 px). */
    static final int GRID = 12;

    public static void main(String[] args) throws Exception {
        var img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // Tile: rounded square, deep blue, slightly lighter at the top.
        double inset = 40, arc = 220;
        var tile = new RoundRectangle2D.Double(inset, inset, SIZE - 2 * inset, SIZE - 2 * inset, arc, arc);
        g.setPaint(new GradientPaint(0, (float) inset, new Color(0x2B3A67), 0, SIZE - (float) inset, new Color(0x141B33)));
        g.fill(tile);

        // The digit: rasterise a thick "7" onto GRID x GRID grey levels (area coverage), then paint the cells.
        float[][] cover = rasterSeven();
        double area = SIZE - 2 * 112;               // the pixel field, inside the tile with a margin
        double cell = area / GRID, x0 = 112, y0 = 112;
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                float v = cover[y][x];
                if (v <= 0.08f) continue;           // a faint edge would only be noise at 16 px
                int lum = (int) (70 + 185 * v);   // 0 coverage -> background, 1 -> near white
                g.setColor(new Color(lum, lum, Math.min(255, lum + 8), 255));
                double gap = cell * 0.08;          // a hairline between cells says "pixels"
                g.fill(new RoundRectangle2D.Double(x0 + x * cell + gap / 2, y0 + y * cell + gap / 2, cell - gap, cell - gap, cell * 0.18, cell * 0.18));
            }
        }

        // The kernel: a 5x5 window over the bend of the 7, orange frame, translucent fill, inner grid lines.
        int kx = 6, ky = 1;                        // top-left cell of the window
        double kxPix = x0 + kx * cell, kyPix = y0 + ky * cell, k = 5 * cell;
        g.setColor(new Color(255, 159, 28, 70));
        g.fill(new RoundRectangle2D.Double(kxPix, kyPix, k, k, cell * 0.5, cell * 0.5));
        g.setColor(new Color(255, 159, 28, 200));
        g.setStroke(new BasicStroke((float) (cell * 0.10)));
        for (int i = 1; i < 5; i++) {
            g.draw(new java.awt.geom.Line2D.Double(kxPix + i * cell, kyPix, kxPix + i * cell, kyPix + k));
            g.draw(new java.awt.geom.Line2D.Double(kxPix, kyPix + i * cell, kxPix + k, kyPix + i * cell));
        }
        g.setColor(new Color(0xFF9F1C));
        g.setStroke(new BasicStroke((float) (cell * 0.42), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new RoundRectangle2D.Double(kxPix, kyPix, k, k, cell * 0.5, cell * 0.5));
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "convscope.png"));
    }

    /** Coverage (0..1) of each cell of a GRID x GRID raster by a thick handwritten 7, by 8x8 supersampling. */
    static float[][] rasterSeven() {
        int ss = 8, n = GRID * ss;
        var hi = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = hi.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.1f * ss, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var seven = new Path2D.Double();             // in grid units: a slightly rising top bar, a curved down stroke
        seven.moveTo(2.2 * ss, 3.0 * ss);
        seven.curveTo(4.5 * ss, 2.4 * ss, 7.5 * ss, 2.2 * ss, 9.4 * ss, 2.4 * ss);
        seven.curveTo(7.6 * ss, 5.0 * ss, 6.0 * ss, 7.4 * ss, 5.0 * ss, 10.0 * ss);
        g.draw(seven);
        g.dispose();
        float[][] cover = new float[GRID][GRID];
        var r = hi.getRaster();
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) cover[y / ss][x / ss] += r.getSample(x, y, 0) / 255f / (ss * ss);
        return cover;
    }
}
