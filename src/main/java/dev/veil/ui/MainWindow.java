package dev.veil.ui;

import dev.veil.ui.audit.AuditLogView;
import dev.veil.ui.connect.ConnectView;
import dev.veil.ui.drift.DriftView;
import dev.veil.ui.export.ExportView;
import dev.veil.ui.publish.PublishView;
import dev.veil.ui.review.ReviewView;
import dev.veil.ui.tables.TablesView;
import dev.veil.ui.state.Theme;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: menu bar, sidebar, the current page and the status bar. Pages are
 * built the first time they are shown and kept, so their state survives navigation.
 */
public final class MainWindow {
    private final MainViewModel vm;
    private final LayoutMemory layout;
    private final Runnable quit;
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final Function<Page, Node> pageFactory;
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();

    public MainWindow(MainViewModel vm, LayoutMemory layout, Runnable quit) {
        this.vm = vm;
        this.layout = layout;
        this.quit = quit;
        this.pageFactory = this::createPage;
        root.setTop(menuBar());
        root.setLeft(new Sidebar(vm).root());
        root.setCenter(content);
        root.setBottom(new StatusBar(vm).root());
        root.getStyleClass().add(Styles.ROOT);
        show(vm.pageProperty().get());
        vm.pageProperty().addListener((obs, old, now) -> show(now));
    }

    public Parent root() {
        return root;
    }

    public LayoutMemory layout() {
        return layout;
    }

    /** Esc cancels the running task when nothing focused wanted the key. */
    public void installKeys(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.tasks().busyProperty().get()) {
                vm.tasks().cancelCurrent();
                e.consume();
            }
        });
    }

    private void show(Page page) {
        Node node = pages.computeIfAbsent(page, pageFactory);
        content.getChildren().setAll(node);
    }

    private Node createPage(Page page) {
        return switch (page) {
            case CONNECT -> {
                vm.connectViewModel().loadProfiles();
                yield new ConnectView(vm.connectViewModel()).root();
            }
            case TABLES -> new TablesView(vm.tablesViewModel(), layout).root();
            case REVIEW -> new ReviewView(vm.reviewViewModel(), layout).root();
            case PUBLISH -> new PublishView(vm.publishViewModel(), layout).root();
            case EXPORT -> new ExportView(vm.exportViewModel(), layout).root();
            case DRIFT -> new DriftView(vm.driftViewModel(), layout).root();
            case AUDIT_LOG -> new AuditLogView(vm.auditLogViewModel()).root();
        };
    }

    private MenuBar menuBar() {
        MenuItem connect = item("_Connect…", Feather.LINK, () -> vm.pageProperty().set(Page.CONNECT));
        MenuItem demo = item("Open _demo", Feather.PLAY_CIRCLE, vm.connectViewModel()::openDemo);
        demo.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        demo.disableProperty().bind(vm.connectViewModel().connectingProperty());
        MenuItem exit = item("_Quit", Feather.POWER, quit);
        exit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu("_File", null, connect, demo, new SeparatorMenuItem(), exit);

        Menu view = new Menu("_View");
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            RadioMenuItem i = new RadioMenuItem(p.mnemonicTitle());
            i.setToggleGroup(group);
            i.setUserData(p);
            i.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(p.shortcut())),
                    KeyCombination.SHORTCUT_DOWN));
            i.setSelected(p == vm.pageProperty().get());
            i.setOnAction(e -> vm.pageProperty().set(p));
            view.getItems().add(i);
        }
        vm.pageProperty().addListener((obs, o, n) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == n).findFirst().ifPresent(group::selectToggle));
        CheckMenuItem dark = new CheckMenuItem("Dar_k theme");
        dark.setSelected(vm.themeProperty().get() == Theme.DARK);
        dark.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.setOnAction(e -> vm.themeProperty().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        vm.themeProperty().addListener((obs, o, n) -> dark.setSelected(n == Theme.DARK));
        view.getItems().addAll(new SeparatorMenuItem(), dark);

        MenuItem keys = item("_Keyboard shortcuts", Feather.COMMAND, this::showShortcuts);
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        Menu help = new Menu("_Help", null, keys);
        return new MenuBar(file, view, help);
    }

    private static MenuItem item(String text, Feather icon, Runnable action) {
        MenuItem i = new MenuItem(text, new FontIcon(icon));
        i.setOnAction(e -> action.run());
        return i;
    }

    private void showShortcuts() {
        // Keys and what they do in two aligned columns (tabs in an alert's text do not line up).
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Page p : Page.values()) {
            addShortcut(grid, row++, "Ctrl+" + p.shortcut(), p.title());
        }
        addShortcut(grid, row++, "Alt+underlined letter", "the control it marks");
        addShortcut(grid, row++, "Esc", "cancel the running task");
        addShortcut(grid, row++, "P / O / S", "on the Review page: public, owner-only, secret for the selected rows, "
                + "then the next row");
        addShortcut(grid, row++, "Ctrl+Z", "on the Review page: undo the last decision");
        addShortcut(grid, row++, "Ctrl+Shift+L", "light or dark theme");
        addShortcut(grid, row++, "Ctrl+Shift+D", "open the demo");
        addShortcut(grid, row++, "F1", "this list");
        addShortcut(grid, row, "Ctrl+Q", "quit");
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.getDialogPane().setContent(grid);
        a.initOwner(root.getScene().getWindow());
        a.setTitle("Veil");
        a.setHeaderText("Keyboard shortcuts");
        a.show();
    }

    private static void addShortcut(javafx.scene.layout.GridPane grid, int row, String keys, String what) {
        javafx.scene.control.Label k = new javafx.scene.control.Label(keys);
        k.getStyleClass().add(Styles.CODE);
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Label w = new javafx.scene.control.Label(what);
        w.setWrapText(true);
        w.setMaxWidth(420);
        grid.addRow(row, k, w);
    }
}
