package dev.veil.ui.export;

import dev.veil.app.ExportedFile;
import dev.veil.codegen.GeneratedFile;
import dev.veil.codegen.IamOptions;
import dev.veil.codegen.Language;
import dev.veil.ui.LayoutMemory;
import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;

/** The Export page: folder and languages, a highlighted preview of each file, and what was written. */
public final class ExportView {
    private final ExportViewModel vm;
    private final CodeView code = new CodeView();
    private final VBox root;

    public ExportView(ExportViewModel vm, LayoutMemory layout) {
        this.vm = vm;
        SplitPane split = new SplitPane(filesPane(), code.root());
        split.setDividerPositions(0.3);
        layout.remember("export", split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(Views.header(Page.EXPORT), form(), split);
        root.getStyleClass().add(Styles.PAGE);
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n == null) {
                code.clear();
            } else {
                code.show(n.relativePath(), n.content());
            }
        });
    }

    public Node root() {
        return root;
    }

    private Node form() {
        TextField folder = new TextField();
        folder.setPromptText("service repository folder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        folder.setPrefColumnCount(28);
        folder.setId("export-folder");
        Button browse = Views.button("_Browse…", Feather.FOLDER);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Service repository folder");
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                vm.folderProperty().set(dir.getAbsolutePath());
            }
        });
        HBox langs = new HBox(12);
        for (Language l : Language.values()) {
            CheckBox b = new CheckBox(l.label());
            b.selectedProperty().bindBidirectional(vm.languageProperty(l));
            langs.getChildren().add(b);
        }
        TextField pkg = new TextField();
        pkg.setPromptText("Java package (optional)");
        pkg.textProperty().bindBidirectional(vm.javaPackageProperty());
        TextField arn = new TextField();
        arn.setPromptText("table ARN (default: any region and account)");
        arn.setPrefColumnCount(30);
        arn.setId("export-table-arn");
        arn.textProperty().bindBidirectional(vm.tableArnProperty());
        TextField principal = new TextField();
        principal.setPromptText(IamOptions.DEFAULT_PRINCIPAL);
        principal.setPrefColumnCount(24);
        principal.setId("export-iam-principal");
        principal.textProperty().bindBidirectional(vm.iamPrincipalProperty());
        HBox iam = new HBox(8, new Label("IAM"), arn, principal);
        iam.getStyleClass().add(Styles.TOOLBAR);
        iam.visibleProperty().bind(vm.languageProperty(Language.IAM));
        iam.managedProperty().bind(iam.visibleProperty());
        Button preview = Views.button("Pre_view", Feather.EYE);
        preview.setOnAction(e -> vm.preview());
        preview.setId("export-preview");
        Button write = Views.button("_Write files", Feather.SAVE);
        write.getStyleClass().add(Styles.ACCENT);
        write.disableProperty().bind(vm.problemProperty().isNotEmpty());
        write.setOnAction(e -> vm.write());
        write.setId("export-write");
        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add(Styles.HINT);
        HBox row1 = new HBox(Views.formLabel("_Folder", folder), folder, browse);
        row1.getStyleClass().add(Styles.TOOLBAR);
        HBox row2 = new HBox(langs, pkg, preview, write, problem);
        row2.getStyleClass().add(Styles.TOOLBAR);
        // A mixed folder (an interrupted export) must be seen before anyone commits it.
        Label folderState = new Label();
        folderState.setId("export-folder-state");
        folderState.setWrapText(true);
        folderState.textProperty().bind(vm.folderStateProperty());
        folderState.visibleProperty().bind(vm.folderStateProperty().isNotEmpty());
        folderState.managedProperty().bind(folderState.visibleProperty());
        vm.folderMixedProperty().addListener((obs, o, mixed) -> {
            folderState.getStyleClass().removeAll(Styles.PROBLEM, Styles.HINT);
            folderState.getStyleClass().add(mixed ? Styles.PROBLEM : Styles.HINT);
        });
        folderState.getStyleClass().add(Styles.HINT);
        return new VBox(8, row1, row2, iam, folderState);
    }

    /** A written file relative to the chosen folder, which the steward knows already. */
    private String shown(java.nio.file.Path p) {
        try {
            return java.nio.file.Path.of(vm.folderProperty().get().strip()).toAbsolutePath().normalize().relativize(p).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    private Node filesPane() {
        ListView<GeneratedFile> files = new ListView<>(vm.files());
        files.setId("export-files");
        files.setPlaceholder(new Label("Preview to see the generated files."));
        files.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(GeneratedFile f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.relativePath());
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.selectedProperty().set(n);
            }
        });
        vm.selectedProperty().addListener((obs, o, n) -> files.getSelectionModel().select(n));
        ListView<ExportedFile> written = new ListView<>(vm.written());
        written.setId("export-written");
        written.setPrefHeight(150);
        written.setPlaceholder(new Label("Nothing written yet."));
        written.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExportedFile f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.status().label() + "  " + shown(f.path()));
            }
        });
        Label writtenTitle = new Label();
        writtenTitle.textProperty().bind(Bindings.size(vm.written()).asString("Written (%d)"));
        VBox.setVgrow(files, Priority.ALWAYS);
        VBox box = new VBox(6, new Label("Generated files"), files, writtenTitle, written);
        box.getStyleClass().add(Styles.DETAIL_PANE);
        return box;
    }
}
