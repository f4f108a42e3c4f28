package org.convscope.app.kernel;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class VolumeViewTest {

    @Test
    void facingTheVolumeTheChannelsAreBehindEachOther() {
        double[] p = VolumeView.project(3, 4, 5, 0, 0);
        assertArrayEquals(new double[] {3, 4, 5}, p, 1e-12, "no turn: x right, y down, z (channels) away");
    }

    @Test
    void aQuarterTurnShowsTheChannelsSideBySide() {
        // yaw 90: the channel axis points to the right on the screen, a column of the map away from the viewer
        double[] z = VolumeView.project(0, 0, 1, 90, 0), x = VolumeView.project(1, 0, 0, 90, 0);
        assertEquals(1, z[0], 1e-12);
        assertEquals(0, z[2], 1e-12);
        assertEquals(0, x[0], 1e-12);
        assertEquals(-1, x[2], 1e-12);
        // pitch 90 from the front: rows go into the depth, channels come up the screen
        double[] y = VolumeView.project(0, 1, 0, 0, 90), c = VolumeView.project(0, 0, 1, 0, 90);
        assertEquals(0, y[1], 1e-12);
        assertEquals(1, y[2], 1e-12);
        assertEquals(-1, c[1], 1e-12);
    }

    @Test
    void turningKeepsLengths() {
        double[] p = VolumeView.project(2, -3, 6, 37, -21);
        assertEquals(7, Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]), 1e-9, "an orthographic turn is a rotation");
    }
}
