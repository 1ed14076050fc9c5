package dev.veil.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The navigation column: one toggle per {@link Page} with icon and mnemonic, and the theme toggle. */
final class Sidebar {
    private final VBox root = new VBox();

    Sidebar(MainViewModel vm) {
        Label brand = new Label("Veil", new FontIcon(Feather.SHIELD));
        brand.getStyleClass().add(Styles.BRAND);
        Label caption = new Label("DynamoDB exposure governance");
        caption.getStyleClass().add(Styles.BRAND_CAPTION);
        caption.setWrapText(true);
        root.getChildren().addAll(brand, caption);

        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(p.mnemonicTitle(), new FontIcon(icon(p)));
            b.setMnemonicParsing(true);
            b.setUserData(p);
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add(Styles.NAV_BUTTON);
            b.setTooltip(new Tooltip(p.description() + "  (Ctrl+" + p.shortcut() + ")"));
            b.setAccessibleText(p.title());
            // A mnemonic sends only an ActionEvent (no toggle), so the page follows the action.
            b.setOnAction(e -> vm.pageProperty().set(p));
            b.setId("nav-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (p == vm.pageProperty().get()) {
                b.setSelected(true);
            }
            root.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // a page is always shown
            } else {
                vm.pageProperty().set((Page) now.getUserData());
            }
        });
        vm.pageProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(spacer, themeButton(vm));
        root.getStyleClass().add(Styles.SIDEBAR);
    }

    Node root() {
        return root;
    }

    private static Button themeButton(MainViewModel vm) {
        Button b = new Button();
        b.getStyleClass().addAll(Styles.NAV_BUTTON, Styles.FLAT);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setId("theme-button");
        Runnable refresh = () -> {
            boolean dark = vm.themeProperty().get() == dev.veil.ui.state.Theme.DARK;
            b.setText(dark ? "Light theme" : "Dark theme");
            b.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
            b.setAccessibleText("Switch to the " + (dark ? "light" : "dark") + " theme");
            b.setTooltip(new Tooltip("Switch to the " + (dark ? "light" : "dark") + " theme  (Ctrl+Shift+L)"));
        };
        refresh.run();
        vm.themeProperty().addListener((obs, o, n) -> refresh.run());
        b.setOnAction(e -> vm.toggleTheme());
        return b;
    }

    /** The Feather icon of each page. */
    static Feather icon(Page p) {
        return switch (p) {
            case CONNECT -> Feather.LINK;
            case TABLES -> Feather.DATABASE;
            case REVIEW -> Feather.CHECK_SQUARE;
            case PUBLISH -> Feather.UPLOAD_CLOUD;
            case EXPORT -> Feather.PACKAGE;
            case DRIFT -> Feather.ACTIVITY;
            case AUDIT_LOG -> Feather.BOOK_OPEN;
        };
    }
}
