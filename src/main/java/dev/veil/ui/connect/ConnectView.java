package dev.veil.ui.connect;

import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import dev.veil.ui.state.RecentConnection;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Connect screen: builds the controls and binds them to a {@link ConnectViewModel}. */
public final class ConnectView {
    private final ConnectViewModel vm;
    private final ScrollPane root;

    public ConnectView(ConnectViewModel vm) {
        this.vm = vm;
        VBox page = new VBox(Views.header(Page.CONNECT), new FlowPane(16, 16, connectionCard(), demoCard()),
                recentCard());
        page.getStyleClass().add(Styles.PAGE);
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add(Styles.EDGE_TO_EDGE);
    }

    public Node root() {
        return root;
    }

    private VBox connectionCard() {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton aws = modeButton("AWS profile", ConnectViewModel.Mode.AWS, modes, Styles.LEFT_PILL);
        ToggleButton custom = modeButton("Custom endpoint", ConnectViewModel.Mode.ENDPOINT, modes, Styles.RIGHT_PILL);
        modes.selectToggle(vm.modeProperty().get() == ConnectViewModel.Mode.AWS ? aws : custom);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                modes.selectToggle(old); // one mode is always chosen
            } else {
                vm.modeProperty().set((ConnectViewModel.Mode) now.getUserData());
            }
        });
        vm.modeProperty().addListener((obs, old, now) -> modes.selectToggle(now == ConnectViewModel.Mode.AWS ? aws : custom));

        ComboBox<AwsProfile> profile = new ComboBox<>(vm.profiles());
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setPromptText("default credential chain");
        profile.setAccessibleText("AWS profile");
        profile.setMaxWidth(Double.MAX_VALUE);

        TextField endpoint = new TextField();
        endpoint.textProperty().bindBidirectional(vm.endpointProperty());
        endpoint.setPromptText("http://localhost:8000");
        endpoint.setAccessibleText("Endpoint URL");

        ComboBox<String> region = new ComboBox<>(vm.regions());
        region.setEditable(true);
        region.valueProperty().bindBidirectional(vm.regionProperty());
        region.setAccessibleText("Region");
        region.setMaxWidth(Double.MAX_VALUE);

        GridPane form = new GridPane();
        form.getStyleClass().add(Styles.FORM);
        Label profileLabel = Views.formLabel("Pr_ofile", profile);
        Label endpointLabel = Views.formLabel("_Endpoint URL", endpoint);
        form.addRow(0, profileLabel, profile);
        form.addRow(1, endpointLabel, endpoint);
        form.addRow(2, Views.formLabel("Re_gion", region), region);
        TextField workspace = placeField(vm.workspaceProperty(), vm.defaultWorkspaceProperty(), "Workspace");
        TextField policies = placeField(vm.policiesProperty(), vm.defaultPoliciesProperty(), "Policy store");
        workspace.setId("workspace-field");
        policies.setId("policies-field");
        form.addRow(3, Views.formLabel("_Workspace", workspace),
                withChooser(workspace, "Choose the workspace folder"));
        form.addRow(4, Views.formLabel("Po_licy store", policies),
                withChooser(policies, "Choose the policy store folder"));
        GridPane.setHgrow(profile, Priority.ALWAYS);
        GridPane.setHgrow(endpoint, Priority.ALWAYS);
        var isAws = vm.modeProperty().isEqualTo(ConnectViewModel.Mode.AWS);
        for (Node n : new Node[] {profileLabel, profile}) {
            n.visibleProperty().bind(isAws);
            n.managedProperty().bind(isAws);
        }
        for (Node n : new Node[] {endpointLabel, endpoint}) {
            n.visibleProperty().bind(isAws.not());
            n.managedProperty().bind(isAws.not());
        }

        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add(Styles.PROBLEM);
        problem.setWrapText(true);
        // No red text before the steward did anything: the problem shows once they touch the form.
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty().and(vm.touchedProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        Label placesNote = new Label();
        placesNote.textProperty().bind(vm.placesNoteProperty());
        placesNote.getStyleClass().add(Styles.HINT);
        placesNote.setWrapText(true);
        placesNote.visibleProperty().bind(vm.placesNoteProperty().isNotEmpty());
        placesNote.managedProperty().bind(placesNote.visibleProperty());

        Label hint = new Label();
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.modeProperty().get() == ConnectViewModel.Mode.AWS
                ? "Profiles and regions come from your AWS config files; credentials stay with the AWS SDK and are "
                        + "never stored by Veil."
                : "Any DynamoDB-compatible endpoint, such as a local DynamoDB for tests. The region is sent with "
                        + "each request; credentials come from the AWS SDK's default chain and are never stored by "
                        + "Veil (a local DynamoDB accepts any).", vm.modeProperty()));
        hint.getStyleClass().add(Styles.HINT);
        hint.setWrapText(true);

        Button connect = Views.button("Co_nnect", Feather.LOG_IN);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.disableProperty().bind(vm.canConnectProperty().not());
        connect.setOnAction(e -> vm.connect());
        connect.setId("connect-button");

        VBox card = card(Feather.CLOUD, "Connection", new HBox(aws, custom), form, placesNote, problem, hint, connect);
        card.setPrefWidth(480);
        return card;
    }

    // Empty means the start-up default, which the prompt shows so nothing is chosen silently.
    private static TextField placeField(StringProperty value,
                                        StringProperty defaultValue, String name) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(value);
        field.promptTextProperty().bind(Bindings.concat("default: ", defaultValue));
        field.setAccessibleText(name);
        field.setTooltip(new Tooltip(name + ": a folder"
                + (name.equals("Workspace") ? ", or a shared jdbc:postgresql:// URL" : "")
                + "; leave empty for the default. Remembered with this connection."));
        return field;
    }

    private static HBox withChooser(TextField field, String title) {
        Button choose = new Button("Choose…");
        choose.setAccessibleText(title);
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File chosen = chooser.showDialog(field.getScene() == null ? null : field.getScene().getWindow());
            if (chosen != null) {
                field.setText(chosen.getAbsolutePath());
            }
        });
        HBox row = new HBox(6, field, choose);
        HBox.setHgrow(field, Priority.ALWAYS);
        GridPane.setHgrow(row, Priority.ALWAYS);
        return row;
    }

    private ToggleButton modeButton(String text, ConnectViewModel.Mode mode, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton(text);
        b.setUserData(mode);
        b.setToggleGroup(group);
        b.getStyleClass().add(pill);
        b.setAccessibleText("Connect through " + text);
        return b;
    }

    private VBox demoCard() {
        Label text = new Label("A local DynamoDB seeded with demo tables: users with password hashes and API keys, "
                + "orders with nested line items. Nothing to configure, nothing leaves this machine.");
        text.setWrapText(true);
        Button demo = Views.button("Open de_mo", Feather.PLAY_CIRCLE);
        demo.getStyleClass().add(Styles.SUCCESS);
        demo.disableProperty().bind(vm.connectingProperty());
        demo.setOnAction(e -> vm.openDemo());
        demo.setId("demo-button");
        VBox card = card(Feather.PLAY, "Demo", text, demo);
        card.setPrefWidth(340);
        return card;
    }

    private VBox recentCard() {
        ListView<RecentConnection> list = new ListView<>(vm.recent());
        list.setPlaceholder(new Label("Connections you open appear here."));
        list.setCellFactory(v -> new RecentCell());
        list.setPrefHeight(180);
        list.setAccessibleText("Recent connections");
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                vm.connectRecent(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                vm.connectRecent(list.getSelectionModel().getSelectedItem());
            }
        });
        list.disableProperty().bind(vm.connectingProperty());
        Label hint = new Label("Double-click or press Enter to reconnect. Endpoint, profile, region, workspace and policy store are kept; never credentials.");
        hint.getStyleClass().add(Styles.HINT);
        Label title = Views.formLabel("Recent connect_ions", list);
        title.getStyleClass().setAll("label", Styles.CARD_TITLE);
        title.setGraphic(new FontIcon(Feather.CLOCK));
        VBox card = new VBox(title, list, hint);
        card.getStyleClass().add(Styles.CARD);
        card.setMaxWidth(836);
        return card;
    }

    private static VBox card(Feather icon, String title, Node... body) {
        Label t = new Label(title, new FontIcon(icon));
        t.getStyleClass().add(Styles.CARD_TITLE);
        VBox card = new VBox(t);
        card.getChildren().addAll(body);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    /** A recent connection as one line with an icon for its kind. */
    private static final class RecentCell extends ListCell<RecentConnection> {
        @Override
        protected void updateItem(RecentConnection item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(item.label());
                setGraphic(new FontIcon(item.endpoint().isPresent() ? Feather.SERVER : Feather.CLOUD));
            }
        }
    }

}
