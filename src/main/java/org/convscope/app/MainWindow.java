package org.convscope.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The app's one window: top bar (title, language, theme), navigation (one entry per {@link ConceptView}),
 * the selected view in the centre and a status bar (messages, data-loading progress).
 * <pre>
 * +-----------------------------------------------------------+
 * | ConvScope  subtitle            [English|简体中文] [☀|☾|▣] |  top-bar
 * +-----------+-----------------------------------------------+
 * | nav-xxx   |                                               |
 * | nav-yyy   |            selected view's node()             |  nav | content
 * +-----------+-----------------------------------------------+
 * | status message                   loading text [=====   ]  |  status-bar
 * +-----------------------------------------------------------+
 * </pre>
 * Node ids for tests: #nav-&lt;viewId&gt;, #lang-en, #lang-zh, #theme-light/dark/projector, #status-message,
 * #status-progress, #content.
 */
public final class MainWindow implements org.convscope.app.lesson.LessonHost {
    public static final double DEFAULT_WIDTH = 1440, DEFAULT_HEIGHT = 900, MIN_WIDTH = 1024, MIN_HEIGHT = 680;

    private final AppContext ctx;
    private final Settings settings;
    private final Map<String, ConceptView> views = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<ConceptView> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    /** The window's scene root: the window itself, and above it the presentation overlays (blank, help, spotlight). */
    private final StackPane stack = new StackPane();
    private final BorderPane centre = new BorderPane();
    private final org.controlsfx.control.HiddenSidesPane sides = new org.controlsfx.control.HiddenSidesPane();
    /** A banner over the view (ControlsFX): where to start on a first run, where to continue on the next. */
    private final org.controlsfx.control.NotificationPane notice = new org.controlsfx.control.NotificationPane();
    private final org.convscope.app.lesson.LessonDirector lessons;
    /** Made when the first lesson opens (not needed for the first frame: about a tenth of the window's making). */
    private org.convscope.app.lesson.LessonPanel lessonPanel;
    private final Presentation presentation;
    private Node topBar, navigation, statusBar;
    private LessonMenu lessonMenuModel;
    private Stage stage;
    private final ToggleGroup navGroup = new ToggleGroup();
    private Scene scene;

    public MainWindow(AppContext ctx, Settings settings, List<ConceptView> viewList) {
        this.ctx = ctx;
        this.settings = settings;
        for (ConceptView v : viewList) {
            if (views.putIfAbsent(v.id(), v) != null) throw new IllegalArgumentException("Two views share the id " + v.id());
        }
        root.getStyleClass().add("main-window");
        lessons = new org.convscope.app.lesson.LessonDirector(ctx, this, settings);
        topBar = topBar();
        navigation = navigation();
        statusBar = statusBar();
        root.setTop(topBar);
        root.setLeft(navigation);
        content.setId("content");
        content.getStyleClass().add("content");
        content.setMinSize(0, 0);
        centre.setCenter(content);
        // in presentation mode the navigation hides at the left edge and slides in when the pointer touches it
        notice.setContent(centre);
        notice.setId("notice");
        notice.setShowFromTop(true);
        // ControlsFX lays its bar over the content: a strip as tall as the bar (its height follows the slide in and
        // out, 0 when hidden) keeps the page's title from going under the lesson offer
        notice.skinProperty().addListener((o, a, skin) -> {
            if (notice.lookup(".notification-bar") instanceof javafx.scene.layout.Region bar && centre.getTop() == null) {
                javafx.scene.layout.Region room = new javafx.scene.layout.Region();
                room.setId("notice-room");
                room.minHeightProperty().bind(bar.heightProperty());
                room.prefHeightProperty().bind(bar.heightProperty());
                room.maxHeightProperty().bind(bar.heightProperty());
                centre.setTop(room);
            }
        });
        sides.setContent(notice);
        sides.setTriggerDistance(12);
        sides.setId("sides");
        root.setCenter(sides);
        root.setBottom(statusBar);
        lessons.progressProperty().addListener((o, a, p) -> centre.setBottom(p == null ? null : lessonPanel()));
        presentation = new Presentation(this, stack, root);
        stack.getChildren().add(root);
        stack.getStyleClass().add("window-stack");

        // Views ask for navigation through the context ("open in the convolution view"); reset so the same
        // request can be made again later.
        ctx.requestedViewProperty().addListener((obs, old, id) -> {
            if (id != null) {
                select(id);
                ctx.requestedViewProperty().set(null);
            }
        });
        I18n.onChange(root, () -> applyLanguageFont(I18n.locale()));
        applyLanguageFont(I18n.locale());

        String first = settings.lastView().filter(views::containsKey)
                .orElse(views.isEmpty() ? null : views.keySet().iterator().next());
        if (first != null) select(first);
    }

    public Parent root() { return stack; }

    /**
     * Tells a person where to go next: on a first start "Start the lesson", later "Continue the lesson at step k"
     * (their place is remembered). Called once the window is on screen.
     */
    public void offerLesson() {
        var builtIn = org.convscope.app.lesson.BuiltInLessons.cnnBasics(viewKeys());
        String last = settings.get("lesson.last", "");
        int step;
        try { step = Integer.parseInt(settings.get("lesson." + builtIn.id() + ".step", "0")); }
        catch (NumberFormatException e) { step = 0; }
        boolean resume = last.equals(builtIn.id()) && step > 0 && step < builtIn.size();
        int k = step;
        notice.getActions().setAll(new org.controlsfx.control.action.Action(
                I18n.get(resume ? "lesson.offer.continue" : "lesson.offer.start"), e -> {
            notice.hide();
            lessonMenuModel.startBuiltIn();
        }));
        notice.setText(resume ? I18n.get("lesson.offer.resumeText", builtIn.title().in(I18n.locale()), k + 1, builtIn.size())
                : I18n.get("lesson.offer.firstText", builtIn.title().in(I18n.locale()), builtIn.size()));
        notice.setGraphic(new FontIcon(org.kordamp.ikonli.material2.Material2MZ.SCHOOL));
        notice.show();
        // the banner belongs to this moment: a lesson opened another way, or another language, takes it away
        lessons.progressProperty().addListener((o, a, p) -> { if (p != null) notice.hide(); });
        I18n.onChange(notice, () -> notice.hide());
    }

    /** The banner over the view (tests). */
    public org.controlsfx.control.NotificationPane notice() { return notice; }

    /** The guided lessons of this window (open, step, capture). */
    public org.convscope.app.lesson.LessonDirector lessons() { return lessons; }

    public org.convscope.app.lesson.LessonPanel lessonPanel() {
        if (lessonPanel == null) {
            lessonPanel = new org.convscope.app.lesson.LessonPanel(lessons);
            lessonPanel.setOnClose(lessons::close);
        }
        return lessonPanel;
    }

    /** The "Lessons" menu's actions (start the built-in lesson, open a file, add this view as a step). */
    LessonMenu lessonMenu() { return lessonMenuModel; }

    /** Presentation mode, the blank screen, the shortcut card and the spotlight. */
    public Presentation presentation() { return presentation; }

    /** The stage this window is on (null in tests that only build the scene). */
    Stage stage() { return stage; }

    /** Hides or shows the top bar, navigation and status bar (presentation mode). */
    void showChrome(boolean show) {
        root.setTop(show ? topBar : null);
        root.setLeft(null);
        sides.setLeft(null);
        if (show) root.setLeft(navigation); else sides.setLeft(navigation);
        root.setBottom(show ? statusBar : null);
    }

    /**
     * Makes the views not made yet ({@link LazyView}), one per pulse so that the window keeps answering: called once
     * the first frame is on screen, so that every view exists (and follows the shared state) before a person gets
     * to it, as when they were all made at startup.
     */
    public void makeViewsWhenIdle() {
        java.util.Deque<LazyView> left = new java.util.ArrayDeque<>();
        for (ConceptView v : views.values()) if (v instanceof LazyView l && !l.made()) left.add(l);
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            LazyView l = left.poll();
            if (l == null) return;
            try {
                l.view();
            } catch (RuntimeException e) {
                // the view reports its own problem when it is opened; startup goes on with the others
                System.getLogger("convscope").log(System.Logger.Level.WARNING, "view " + l.id() + " could not be made", e);
            }
            javafx.application.Platform.runLater(next[0]);
        };
        javafx.application.Platform.runLater(next[0]);
    }

    /** The views in navigation order. */
    public List<ConceptView> views() { return List.copyOf(views.values()); }

    @Override public Optional<ConceptView> view(String id) { return Optional.ofNullable(views.get(id)); }

    @Override public ConceptView current() { return selected.get(); }

    @Override public Map<String, java.util.Set<String>> viewKeys() {
        Map<String, java.util.Set<String>> m = new LinkedHashMap<>();
        for (ConceptView v : views.values()) m.put(v.id(), v.stateKeys());
        return m;
    }

    /** The shortcut that opens the i-th view (0-based): Ctrl+1..9, Ctrl+0, then Ctrl+Shift+1..9. */
    public static KeyCombination viewShortcut(int i) {
        if (i < 9) return new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN);
        if (i == 9) return new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
        if (i < 19) return new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i - 9)), KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN);
        return null;
    }

    public ReadOnlyObjectProperty<ConceptView> selectedProperty() { return selected.getReadOnlyProperty(); }

    /** Shows the view with this id (unknown ids are ignored with a status message). FX thread. */
    @Override public void select(String id) {
        ConceptView next = views.get(id);
        if (next == null) {
            ctx.status().show(StatusLine.Kind.ERROR, "shell.unknownView", id);
            return;
        }
        ConceptView prev = selected.get();
        if (prev == next) return;
        if (prev != null) prev.onHide();
        Node node = next.node();
        content.getChildren().setAll(node);
        selected.set(next);
        navButtons.get(id).setSelected(true);
        settings.setLastView(id);
        next.onShow();
    }

    /** A scene of this window with the remembered theme applied. */
    public Scene createScene(double width, double height) {
        if (scene != null) throw new IllegalStateException("The window already has a scene");
        scene = new Scene(stack, width, height);
        List<String> ids = List.copyOf(views.keySet());
        for (int i = 0; i < ids.size(); i++) {
            KeyCombination k = viewShortcut(i);
            if (k == null) break;
            String id = ids.get(i);
            scene.getAccelerators().put(k, () -> select(id));
        }
        presentation.install(scene);
        setTheme(settings.theme());
        return scene;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() { return theme.getReadOnlyProperty(); }

    public void setTheme(Theme t) {
        theme.set(t);
        if (scene != null) t.apply(scene);
        settings.setTheme(t);
    }

    public void setLanguage(Locale l) {
        I18n.setLocale(l);
        settings.setLocale(l);
    }

    /**
     * Puts the window on the stage at its remembered bounds (if they still fit on a screen), binds the title and
     * saves the bounds when the window closes.
     */
    public void attach(Stage stage) {
        this.stage = stage;
        var saved = settings.window().filter(b -> !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = saved.map(Settings.WindowBounds::width).orElse(Math.min(DEFAULT_WIDTH, screen.getWidth()));
        double h = saved.map(Settings.WindowBounds::height).orElse(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        stage.setScene(createScene(w, h));
        saved.ifPresentOrElse(b -> {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setMaximized(b.maximized());
        }, stage::centerOnScreen);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        // "ConvScope — Convolution": the task bar and window list say which room is open (and a script that
        // measures startup from outside sees the window answer Ctrl+2 by its title changing: scripts/startup.sh)
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ConceptView v = selected.get();
            String app = I18n.get("app.title");
            return v == null ? app : app + " \u2014 " + I18n.get(v.titleKey());
        }, selected, I18n.localeProperty()));
        stage.setOnHidden(e -> saveBounds(stage));
    }

    /** Remembers the stage's bounds; a maximised window keeps the bounds it had before (JavaFX reports those). */
    public void saveBounds(Stage stage) {
        if (stage.isIconified()) return;
        settings.setWindow(new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
        settings.flush();
    }

    private Node topBar() {
        var icon = new FontIcon(Material2OutlinedAL.BLUR_ON);
        icon.getStyleClass().add("app-icon");
        var title = new Label();
        title.textProperty().bind(I18n.bind("app.title"));
        title.getStyleClass().add("app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var subtitle = new Label();
        subtitle.textProperty().bind(I18n.bind("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        subtitle.setMinWidth(0); // in a narrow window the subtitle gives way, the title and the switches do not
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var languageGroup = new ToggleGroup();
        var en = segment("lang-en", "lang.en", new FontIcon(Material2OutlinedMZ.TRANSLATE), languageGroup, Styles.LEFT_PILL);
        var zh = segment("lang-zh", "lang.zh", null, languageGroup, Styles.RIGHT_PILL);
        (I18n.locale().getLanguage().equals("zh") ? zh : en).setSelected(true);
        en.setOnAction(e -> { en.setSelected(true); setLanguage(I18n.ENGLISH); });
        zh.setOnAction(e -> { zh.setSelected(true); setLanguage(I18n.CHINESE); });
        I18n.onChange(en, () -> (I18n.locale().getLanguage().equals("zh") ? zh : en).setSelected(true));

        var themeGroup = new ToggleGroup();
        var themeBox = new HBox();
        themeBox.getStyleClass().add("segmented");
        Theme[] themes = Theme.values();
        for (int i = 0; i < themes.length; i++) {
            Theme t = themes[i];
            String pill = i == 0 ? Styles.LEFT_PILL : i == themes.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL;
            var b = segment("theme-" + t.name().toLowerCase(Locale.ROOT), t.titleKey(), new FontIcon(t.icon()), themeGroup, pill);
            b.setOnAction(e -> { b.setSelected(true); setTheme(t); });
            theme.addListener((obs, o, now) -> b.setSelected(now == t));
            b.setSelected(settings.theme() == t);
            themeBox.getChildren().add(b);
        }

        var languageBox = new HBox(en, zh);
        languageBox.getStyleClass().add("segmented");
        languageBox.setMinWidth(Region.USE_PREF_SIZE);
        themeBox.setMinWidth(Region.USE_PREF_SIZE);
        var titles = new HBox(icon, title, subtitle);
        titles.setMinWidth(0);
        titles.setAlignment(Pos.CENTER_LEFT);
        titles.getStyleClass().add("titles");
        lessonMenuModel = new LessonMenu(this, ctx);
        var lessonMenu = lessonMenuModel.button();
        var present = new javafx.scene.control.Button(null, new FontIcon(Material2OutlinedMZ.SLIDESHOW));
        present.setId("present");
        present.getStyleClass().addAll(Styles.BUTTON_ICON);
        present.setOnAction(e -> presentation.togglePresenting());
        var presentTip = new javafx.scene.control.Tooltip();
        presentTip.textProperty().bind(I18n.bind("present.tip"));
        present.setTooltip(presentTip);
        var help = new javafx.scene.control.Button(null, new FontIcon(Material2OutlinedAL.HELP_OUTLINE));
        help.setId("shortcuts");
        help.getStyleClass().addAll(Styles.BUTTON_ICON);
        help.setOnAction(e -> presentation.toggleShortcutCard());
        var helpTip = new javafx.scene.control.Tooltip();
        helpTip.textProperty().bind(I18n.bind("keys.tip"));
        help.setTooltip(helpTip);
        for (var n : new Region[] {lessonMenu, present, help}) n.setMinWidth(Region.USE_PREF_SIZE);
        var bar = new HBox(titles, spacer, lessonMenu, present, help, languageBox, themeBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static ToggleButton segment(String id, String key, Node graphic, ToggleGroup group, String pill) {
        var b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        if (graphic != null) b.setGraphic(graphic);
        b.setToggleGroup(group);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.getStyleClass().add(pill);
        b.setFocusTraversable(true);
        return b;
    }

    private Node navigation() {
        var box = new VBox();
        box.getStyleClass().add("nav");
        int index = 0;
        for (ConceptView v : views.values()) {
            var icon = new FontIcon(v.icon());
            var b = new ToggleButton();
            // never focused: Space and the arrows belong to the view and the lesson, not to the navigation
            b.setFocusTraversable(false);
            KeyCombination shortcut = viewShortcut(index++);
            var tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> I18n.get(v.titleKey())
                    + (shortcut == null ? "" : "  (" + shortcut.getDisplayText() + ")"), I18n.localeProperty()));
            b.setTooltip(tip);
            b.setId("nav-" + v.id());
            b.textProperty().bind(I18n.bind(v.titleKey()));
            b.setGraphic(icon);
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setWrapText(true); // long lesson titles take two lines rather than being cut
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                b.setSelected(true); // a toggle in a group may not be un-selected by clicking it again
                select(v.id());
            });
            navButtons.put(v.id(), b);
            box.getChildren().add(b);
        }
        var scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("nav-scroll", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        // rows closer together where the normal ones would not all fit (the projector theme at 800 px and less)
        Runnable fit = () -> denseNavigation(scroll, box);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> fit.run());
        box.layoutBoundsProperty().addListener((o, a, b) -> fit.run());
        return scroll;
    }

    /** Normal and dense padding of a navigation row and spacing of the rows, in em (as in convscope.css). */
    static final double NAV_PAD = 0.65, NAV_PAD_DENSE = 0.25, NAV_GAP = 0.25, NAV_GAP_DENSE = 0.05, NAV_EDGE = 0.8, NAV_EDGE_DENSE = 0.4;

    /**
     * Puts the navigation in its dense form (style class "dense": smaller padding) when its rows at the normal
     * padding would be taller than the room, so that every view stays in sight without scrolling. The decision is
     * made on the normal height (the current height plus what the dense form saved), so it does not flip back and
     * forth.
     */
    private static void denseNavigation(ScrollPane scroll, VBox box) {
        if (box.getChildren().isEmpty() || scroll.getViewportBounds() == null) return;
        double room = scroll.getViewportBounds().getHeight();
        if (room <= 0) return;
        boolean dense = scroll.getStyleClass().contains("dense");
        int rows = box.getChildren().size();
        double buttonEm = ((javafx.scene.control.Labeled) box.getChildren().getFirst()).getFont().getSize(), rootEm = buttonEm / 1.1;
        double normal = box.prefHeight(box.getWidth() > 0 ? box.getWidth() : -1);
        if (dense) normal += rows * 2 * (NAV_PAD - NAV_PAD_DENSE) * buttonEm + (rows - 1) * (NAV_GAP - NAV_GAP_DENSE) * rootEm
                + 2 * (NAV_EDGE - NAV_EDGE_DENSE) * rootEm;
        boolean want = normal > room + 0.5;
        if (want != dense) {
            if (want) scroll.getStyleClass().add("dense"); else scroll.getStyleClass().remove("dense");
        }
    }

    private Node statusBar() {
        var message = new Label();
        message.setId("status-message");
        message.textProperty().bind(ctx.status().messageProperty());
        message.getStyleClass().add("status-message");
        ctx.status().kindProperty().addListener((obs, o, k) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (k == StatusLine.Kind.ERROR) message.getStyleClass().add(Styles.DANGER);
            if (k == StatusLine.Kind.SUCCESS) message.getStyleClass().add(Styles.SUCCESS);
        });
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var activity = new Label();
        activity.setId("status-activity");
        activity.textProperty().bind(ctx.datasets().activityProperty());
        var progress = new ProgressBar();
        progress.setId("status-progress");
        progress.progressProperty().bind(ctx.datasets().progressProperty());
        progress.visibleProperty().bind(ctx.datasets().activityProperty().isNotEmpty());
        progress.managedProperty().bind(progress.visibleProperty());
        var bar = new HBox(message, spacer, activity, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private double presentationFontPx;

    /** Presentation mode's type size in px (0: the theme's own), so that everything in em grows with the room. */
    void setPresentationFontSize(double px) {
        presentationFontPx = px;
        applyLanguageFont(I18n.locale());
    }

    private void applyLanguageFont(Locale l) {
        String style = l.getLanguage().equals("zh") ? CjkFont.rootStyle() : "";
        if (presentationFontPx > 0) style += String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", presentationFontPx);
        root.setStyle(style);
    }
}
