package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The developers' measurements are off unless switched on: by the saved setting or -Dconvscope.diagnostics=true. */
class DiagnosticsSettingTest {
    private final Preferences node = Preferences.userRoot().node("convscope-test-diagnostics");

    @AfterEach
    void clean() throws Exception {
        System.clearProperty(Settings.DIAGNOSTICS_PROPERTY);
        new Settings(node).clear(); // waits for the settings writer first
        node.removeNode();
    }

    @Test
    void offByDefaultRememberedWhenSwitched() throws Exception {
        new Settings(node).clear();
        Settings s = new Settings(node);
        assertFalse(s.diagnostics(), "off by default");
        AppContext ctx = new AppContext(new Services());
        ctx.rememberDiagnostics(s);
        assertFalse(ctx.diagnosticsProperty().get());
        ctx.diagnosticsProperty().set(true); // the context menu's item does this
        assertTrue(new Settings(node).diagnostics(), "remembered for the next start");
        ctx.diagnosticsProperty().set(false);
        assertFalse(new Settings(node).diagnostics());
        ctx.services().close();
    }

    @Test
    void theSystemPropertySwitchesThemOn() throws Exception {
        new Settings(node).clear();
        System.setProperty(Settings.DIAGNOSTICS_PROPERTY, "true");
        assertTrue(new Settings(node).diagnostics());
        System.setProperty(Settings.DIAGNOSTICS_PROPERTY, "false");
        assertFalse(new Settings(node).diagnostics());
    }

    @Test
    void theMenuItemIsTheSameSwitch() {
        AppContext ctx = new AppContext(new Services());
        var item = ctx.diagnosticsMenuItem();
        assertFalse(item.isSelected());
        item.setSelected(true);
        assertTrue(ctx.diagnosticsProperty().get());
        ctx.services().close();
    }
}
