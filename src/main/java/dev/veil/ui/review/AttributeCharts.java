package dev.veil.ui.review;

import dev.veil.model.DynamoType;
import dev.veil.ui.Styles;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The mix of DynamoDB types seen at one path and how often it is present, as labelled bars: one
 * row per type, each with its own label beside it, so labels never overlap; a single type is a
 * sentence, not a one-slice pie.
 */
public final class AttributeCharts {
    private final VBox root = new VBox(6);

    public AttributeCharts() {
        root.setMaxWidth(Double.MAX_VALUE);
        root.getStyleClass().add(Styles.CHART);
    }

    public Node root() {
        return root;
    }

    /** Shows the counts per type and the fraction of sampled items that hold a value. */
    public void show(Map<DynamoType, Long> typeCounts, double presenceFraction) {
        root.getChildren().clear();
        long total = typeCounts.values().stream().mapToLong(Long::longValue).sum();
        Label title = new Label("Type mix");
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        root.getChildren().add(title);
        if (typeCounts.size() == 1) {
            Map.Entry<DynamoType, Long> only = typeCounts.entrySet().iterator().next();
            Label sentence = new Label(String.format("Every value seen is %s (%,d)", only.getKey().code(),
                    only.getValue()));
            sentence.setWrapText(true);
            root.getChildren().add(sentence);
        } else {
            GridPane bars = new GridPane();
            bars.setHgap(8);
            bars.setVgap(4);
            int row = 0;
            for (Map.Entry<DynamoType, Long> e : typeCounts.entrySet()) {
                double fraction = total == 0 ? 0 : e.getValue() / (double) total;
                addBar(bars, row++, String.format("%s %,d (%.0f%%)", e.getKey().code(), e.getValue(), fraction * 100),
                        fraction);
            }
            root.getChildren().add(bars);
        }
        Label presenceTitle = new Label("Presence");
        presenceTitle.getStyleClass().add(Styles.DETAIL_TITLE);
        GridPane presence = new GridPane();
        presence.setHgap(8);
        addBar(presence, 0, String.format("present %.0f%%", presenceFraction * 100), presenceFraction);
        root.getChildren().addAll(presenceTitle, presence);
        root.setAccessibleText("Type mix: " + typeCounts + "; present in " + Math.round(presenceFraction * 100)
                + "% of sampled items");
    }

    private static void addBar(GridPane grid, int row, String text, double fraction) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar(fraction);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(text);
        GridPane.setHgrow(bar, Priority.ALWAYS);
        GridPane.setValignment(label, javafx.geometry.VPos.CENTER);
        grid.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row, label, bar);
    }

    public void clear() {
        root.getChildren().clear();
    }
}
