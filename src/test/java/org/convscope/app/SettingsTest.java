package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private Settings settings;

    @BeforeEach
    void freshNode() {
        // surefire sets convscope.prefs.node=convscope-test: never the user's real settings
        assertEquals("convscope-test", System.getProperty(Settings.NODE_PROPERTY));
        settings = Settings.load();
        settings.clear();
    }

    @Test
    void remembersThemeLanguageViewAndWindow() {
        settings.setTheme(Theme.PROJECTOR);
        settings.setLocale(I18n.CHINESE);
        settings.setLastView("browser");
        settings.setWindow(new Settings.WindowBounds(10, 20, 1300, 800, true));
        settings.flush();

        Settings again = Settings.load();
        assertEquals(Theme.PROJECTOR, again.theme());
        assertEquals(I18n.CHINESE, again.locale());
        assertEquals("browser", again.lastView().orElseThrow());
        assertEquals(new Settings.WindowBounds(10, 20, 1300, 800, true), again.window().orElseThrow());
    }

    @Test
    void aDamagedValueFallsBackInsteadOfFailing() {
        Preferences.userRoot().node("convscope-test").put("theme", "NEON");
        assertEquals(Theme.LIGHT, settings.theme());
        assertTrue(settings.window().isEmpty(), "no window bounds saved yet");
    }

    @Test
    void englishIsRememberedEvenOnAChineseSystem() {
        settings.setLocale(I18n.ENGLISH);
        assertEquals(I18n.ENGLISH, settings.locale());
    }
}
