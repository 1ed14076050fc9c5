package dev.veil.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders the page views share, so every page looks and reads alike. */
public final class Views {

    private Views() {
    }

    /** A page title and a line saying what the page is for. */
    public static VBox header(Page page) {
        Label title = new Label(page.title());
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label subtitle = new Label(page.description());
        subtitle.getStyleClass().add(Styles.PAGE_SUBTITLE);
        subtitle.setWrapText(true);
        VBox box = new VBox(title, subtitle);
        box.getStyleClass().add(Styles.PAGE_HEADER);
        return box;
    }

    /** A centred icon, headline and hint for a page with nothing to show yet. */
    public static VBox emptyState(Ikon icon, String headline, String hint, Node... actions) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add(Styles.EMPTY_STATE_ICON);
        Label title = new Label(headline);
        title.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(hint);
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setTextAlignment(TextAlignment.CENTER);
        VBox box = new VBox(graphic, title, text);
        box.getChildren().addAll(actions);
        box.getStyleClass().add(Styles.EMPTY_STATE);
        return box;
    }

    /** A button with an icon; its text doubles as the accessible text. */
    public static Button button(String mnemonicText, Ikon icon) {
        Button b = new Button(mnemonicText, new FontIcon(icon));
        b.setMnemonicParsing(true);
        b.setAccessibleText(mnemonicText.replace("_", ""));
        return b;
    }

    /** An icon-only button, with a tooltip and accessible text since it shows no words. */
    public static Button iconButton(Ikon icon, String description) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(description));
        b.setAccessibleText(description);
        return b;
    }

    /**
     * A message or reason as prose: the Markdown code spans the command line and reports use
     * (`password`) become quotes, so the console never shows raw backticks.
     */
    public static String prose(String text) {
        return text == null ? "" : text.replaceAll("`([^`]*)`", "\u201c$1\u201d");
    }

    /** A label that wraps at {@code width} minus {@code inset}, for the graphic of a list or table cell. */
    public static Label wrappingLabel(javafx.beans.value.ObservableDoubleValue width, double inset) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.prefWidthProperty().bind(javafx.beans.binding.Bindings.subtract(width, inset));
        label.maxWidthProperty().bind(javafx.beans.binding.Bindings.subtract(width, inset));
        return label;
    }

    /** A label in a form, tied to its field for mnemonics and screen readers. */
    public static Label formLabel(String mnemonicText, Node field) {
        Label l = new Label(mnemonicText);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.getStyleClass().add(Styles.FORM_LABEL);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
