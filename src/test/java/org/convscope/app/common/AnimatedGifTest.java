package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifTest {

    @TempDir Path dir;

    /** A 200x120 picture in four colours with a 10x10 window at (x, y), like a kernel sweeping over an image. */
    private static BufferedImage frame(int x, int y) {
        BufferedImage im = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < 120; j++)
            for (int i = 0; i < 200; i++) im.setRGB(i, j, (i / 20 + j / 20) % 2 == 0 ? 0x202020 : 0xE0E0E0);
        for (int j = y; j < y + 10; j++)
            for (int i = x; i < x + 10; i++) im.setRGB(i, j, (i == x || j == y || i == x + 9 || j == y + 9) ? 0x1E64C8 : 0xF0A020);
        return im;
    }

    @Test
    void framesAfterTheFirstHoldOnlyWhatChangedAndPlayBackExactly() throws Exception {
        Path file = dir.resolve("sweep.gif");
        int[][] positions = {{0, 0}, {5, 0}, {5, 0}, {150, 90}, {40, 60}};
        try (AnimatedGif gif = AnimatedGif.create(file, true)) {
            for (int[] p : positions) gif.add(frame(p[0], p[1]), 100);
            assertEquals(positions.length, gif.frames());
        }
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(positions.length, reader.getNumImages(true));
            BufferedImage screen = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
            int[][] expectedBoxes = {{0, 0, 200, 120}, {0, 0, 15, 10}, {0, 0, 1, 1}, {5, 0, 155, 100}, {40, 60, 120, 40}};
            for (int f = 0; f < positions.length; f++) {
                BufferedImage part = reader.read(f);
                var d = (IIOMetadataNode) ((IIOMetadataNode) reader.getImageMetadata(f).getAsTree("javax_imageio_gif_image_1.0"))
                        .getElementsByTagName("ImageDescriptor").item(0);
                int x = Integer.parseInt(d.getAttribute("imageLeftPosition")), y = Integer.parseInt(d.getAttribute("imageTopPosition"));
                assertArrayEquals(expectedBoxes[f], new int[] {x, y, part.getWidth(), part.getHeight()}, "frame " + f);
                screen.getGraphics().drawImage(part, x, y, null);
                BufferedImage want = frame(positions[f][0], positions[f][1]);
                for (int j = 0; j < 120; j++)
                    for (int i = 0; i < 200; i++)
                        assertEquals(want.getRGB(i, j), screen.getRGB(i, j), "frame " + f + " pixel " + i + "," + j);
            }
        } finally {
            reader.dispose();
        }
        assertTrue(Files.size(file) < 200 * 120, "the four later frames are small: " + Files.size(file) + " bytes");
    }

    @Test
    void aFrameOfAnotherSizeIsRefused() throws Exception {
        try (AnimatedGif gif = AnimatedGif.create(dir.resolve("a.gif"), false)) {
            gif.add(frame(0, 0), 50);
            var e = assertThrows(IllegalArgumentException.class, () -> gif.add(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), 50));
            assertTrue(e.getMessage().contains("10x10"), e.getMessage());
        }
    }
}
