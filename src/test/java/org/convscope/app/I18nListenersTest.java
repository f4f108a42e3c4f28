package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Language listeners never keep their owner alive (issue 12): {@link I18n#onChange} and {@link I18n#listen} are held
 * weakly by the static locale property, and no code adds a plain listener to it (WindowLeakTest builds the real window;
 * this also covers code no window test reaches).
 */
class I18nListenersTest {

    static { ShellFx.headlessRobot(); }

    @BeforeAll
    static void toolkit() throws Exception { FxToolkit.registerPrimaryStage(); }

    /** On the FX thread: windows other tests left open in this JVM follow the switch too. */
    private static void switchTo(java.util.Locale l) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(l)).get();
    }

    @AfterEach
    void english() throws Exception { switchTo(I18n.ENGLISH); }

    @Test
    void aListenerRunsWhileItsOwnerLivesAndDoesNotKeepIt() throws Exception {
        var runs = new AtomicInteger();
        Pane owner = new Pane();
        I18n.onChange(owner, runs::incrementAndGet);
        System.gc(); // held by the owner, not collected
        switchTo(I18n.CHINESE);
        switchTo(I18n.ENGLISH);
        assertEquals(2, runs.get(), "runs on every switch while the owner lives");

        var ref = new WeakReference<>(owner);
        owner = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(ref.get() == null, "the locale property keeps the owner of a listener alive");
        switchTo(I18n.CHINESE);
        assertEquals(2, runs.get(), "a collected owner's listener no longer runs");
    }

    @Test
    void noCodeAddsAPlainListenerToTheLocale() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("I18n.java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).replaceAll("\\s+", "").contains("localeProperty().addListener(");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
            assertEquals(List.of(), offenders, "use I18n.onChange(node, action) instead: a plain listener keeps its window");
        }
    }
}
