package dev.veil.ui.export;

import dev.veil.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Shows source text read-only, coloured by {@link SyntaxHighlighter}; the colours live in app.css. */
public final class CodeView {
    private final TextFlow flow = new TextFlow();
    private final ScrollPane root = new ScrollPane(flow);

    public CodeView() {
        flow.getStyleClass().add(Styles.CODE_VIEW);
        root.getStyleClass().add(Styles.CODE_SCROLL);
        root.setFitToWidth(false);
        root.setAccessibleText("Generated file preview");
    }

    public Node root() {
        return root;
    }

    /** Replaces the text shown, coloured for the language of {@code fileName}. */
    public void show(String fileName, String source) {
        flow.getChildren().setAll(SyntaxHighlighter.highlight(source, SyntaxHighlighter.Syntax.ofFile(fileName))
                .stream().map(CodeView::text).toList());
        root.setVvalue(0);
        root.setHvalue(0);
    }

    public void clear() {
        flow.getChildren().clear();
    }

    private static Text text(SyntaxHighlighter.Span span) {
        Text t = new Text(span.text());
        t.getStyleClass().addAll(Styles.CODE_TEXT, span.kind().styleClass());
        return t;
    }
}
