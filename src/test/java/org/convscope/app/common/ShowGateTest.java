package org.convscope.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hidden: nothing computed, the runner off; shown: computed once if something changed meanwhile. */
class ShowGateTest {
    @Test
    void aChangeWhileHiddenIsComputedOnceOnShow() {
        List<Boolean> active = new ArrayList<>();
        int[] computed = {0};
        ShowGate gate = new ShowGate(active::add, () -> computed[0]++);
        assertTrue(gate.admit(), "on screen until first hidden");
        gate.hide();
        assertFalse(gate.admit());
        assertFalse(gate.admit());
        gate.show();
        assertEquals(1, computed[0], "two changes while hidden: one computation on show");
        gate.hide();
        gate.show();
        assertEquals(1, computed[0], "nothing changed: nothing computed");
        assertEquals(List.of(false, true, false, true), active);
    }
}
