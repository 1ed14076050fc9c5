package dev.veil.ui.review;

import dev.veil.model.DynamoType;
import dev.veil.ui.Styles;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.layout.VBox;

/** Two small charts for one attribute path: the mix of DynamoDB types seen and how often it is present. */
public final class AttributeCharts {
    private final PieChart types = chart("Type mix");
    private final PieChart presence = chart("Presence");
    private final VBox root = new VBox(4, types, presence);

    public AttributeCharts() {
        root.setMaxWidth(Double.MAX_VALUE);
    }

    public Node root() {
        return root;
    }

    /** Shows the counts per type and the fraction of sampled items that hold a value. */
    public void show(Map<DynamoType, Long> typeCounts, double presenceFraction) {
        types.setData(FXCollections.observableArrayList(typeCounts.entrySet().stream()
                .map(e -> new PieChart.Data(e.getKey().code() + " (" + e.getValue() + ")", e.getValue()))
                .toList()));
        long pct = Math.round(presenceFraction * 100);
        presence.setData(FXCollections.observableArrayList(
                new PieChart.Data("present " + pct + "%", presenceFraction),
                new PieChart.Data("absent " + (100 - pct) + "%", 1 - presenceFraction)));
        types.setAccessibleText("Type mix: " + typeCounts);
        presence.setAccessibleText("Present in " + pct + "% of sampled items");
    }

    public void clear() {
        types.getData().clear();
        presence.getData().clear();
    }

    private static PieChart chart(String title) {
        PieChart c = new PieChart();
        c.setTitle(title);
        c.setLegendVisible(false);
        c.setLabelsVisible(true);
        c.setAnimated(false);
        c.getStyleClass().add(Styles.CHART);
        return c;
    }
}
