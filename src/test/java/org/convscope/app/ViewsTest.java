package org.convscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The navigation's registry: each line of {@link Views#create} declares what the view says of itself (id, title,
 * icon, lesson settings), and views are made only when needed, so that the first frame waits for one view only.
 */
@ExtendWith(ApplicationExtension.class)
class ViewsTest {
    static { ShellFx.headlessRobot(); }

    private final Services services = new Services();

    @Start
    void start(Stage stage) {}

    @AfterEach
    void close() { services.close(); }

    @Test
    void everyLineDeclaresWhatItsViewSaysOfItself() throws Exception {
        List<String> problems = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            var views = Views.create(new AppContext(services));
            var ids = new HashSet<String>();
            for (ConceptView v : views) {
                var lazy = assertInstanceOf(LazyView.class, v);
                assertFalse(lazy.made(), v.id() + " made before it was needed");
                assertTrue(ids.add(v.id()), "two views share the id " + v.id());
                var declaredKeys = v.stateKeys();
                ConceptView real = lazy.view();
                assertNotSame(v, real);
                assertSame(real, LazyView.unwrap(v), "made once");
                if (!real.id().equals(v.id())) problems.add(v.id() + ": the view's id is " + real.id());
                if (!real.titleKey().equals(v.titleKey())) problems.add(v.id() + ": title key " + real.titleKey() + " declared " + v.titleKey());
                if (!real.icon().equals(v.icon())) problems.add(v.id() + ": icon " + real.icon() + " declared " + v.icon());
                if (!real.stateKeys().equals(declaredKeys)) problems.add(v.id() + ": lesson settings " + real.stateKeys() + " declared " + declaredKeys);
            }
        }).get();
        assertEquals(List.of(), problems, "Views.create must declare what each view says of itself");
    }

    @Test
    void theWindowMakesOnlyTheViewItShowsThenTheOthersWhenIdle() throws Exception {
        var made = WaitForAsyncUtils.asyncFx(() -> {
            var ctx = new AppContext(services);
            var views = Views.create(ctx);
            var settings = Settings.load();
            settings.clear();
            var window = new MainWindow(ctx, settings, views);
            List<String> first = new ArrayList<>();
            for (ConceptView v : views) if (((LazyView) v).made()) first.add(v.id());
            assertEquals("overview", window.current().id());
            window.makeViewsWhenIdle();
            return new Object[] {first, views};
        }).get();
        assertEquals(List.of("overview"), made[0], "only the first view is made with the window");
        @SuppressWarnings("unchecked") var views = (List<ConceptView>) made[1];
        ShellFx.await("every view made when idle", 30, () -> views.stream().allMatch(v -> ((LazyView) v).made()));
    }
}
