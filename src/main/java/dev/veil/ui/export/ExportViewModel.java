package dev.veil.ui.export;

import dev.veil.app.ExportOptions;
import dev.veil.app.ExportedFile;
import dev.veil.app.VeilException;
import dev.veil.codegen.IamOptions;
import dev.veil.codegen.GeneratedFile;
import dev.veil.codegen.Language;
import dev.veil.ui.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export page: a service repository folder and languages (IAM policies too, with the table ARN
 * and principal variable they name), a preview of every generated file, writing them, and what
 * was written.
 */
public final class ExportViewModel {
    private final Session session;
    private final StringProperty folder = new SimpleStringProperty("");
    private final Map<Language, BooleanProperty> languages = new EnumMap<>(Language.class);
    private final StringProperty javaPackage = new SimpleStringProperty("");
    private final StringProperty tableArn = new SimpleStringProperty("");
    private final StringProperty iamPrincipal = new SimpleStringProperty("");
    private final ObservableList<GeneratedFile> files = FXCollections.observableArrayList();
    private final ObjectProperty<GeneratedFile> selected = new SimpleObjectProperty<>();
    private final ObservableList<ExportedFile> written = FXCollections.observableArrayList();
    private final StringBinding problem;
    private final StringProperty folderState = new SimpleStringProperty("");
    private final BooleanProperty folderMixed = new SimpleBooleanProperty();

    public ExportViewModel(Session session) {
        this.session = session;
        List<javafx.beans.Observable> deps = new ArrayList<>(List.of(folder, session.tableProperty(), tableArn,
                iamPrincipal));
        for (Language l : Language.values()) {
            // IAM policies belong in an infrastructure repository: asked for, not by default.
            BooleanProperty b = new SimpleBooleanProperty(l.isSanitizer());
            languages.put(l, b);
            deps.add(b);
        }
        problem = Bindings.createStringBinding(this::currentProblem, deps.toArray(javafx.beans.Observable[]::new));
        session.tableProperty().addListener((obs, o, n) -> {
            files.clear();
            written.clear();
            checkFolder();
        });
        folder.addListener((obs, o, n) -> checkFolder());
    }

    /**
     * Looks, in the background, whether the chosen folder holds a mixed set of the table's files
     * (an interrupted export), so the page says so before anything is written.
     */
    public void checkFolder() {
        Optional<Path> out = existingFolder();
        String table = session.tableProperty().get();
        if (out.isEmpty() || table.isBlank() || !session.isConnected()) {
            folderMixed.set(false);
            folderState.set("");
            return;
        }
        session.tasks().submit("Checking the export folder " + out.get(),
                (p, c) -> session.veil().exporting().mixedSetWarning(table, out.get()),
                warning -> showFolder(table, out.get(), warning),
                e -> showFolder(table, out.get(), Optional.empty()));
    }

    private void showFolder(String table, Path out, Optional<String> warning) {
        if (table.equals(session.tableProperty().get()) && existingFolder().filter(out::equals).isPresent()) {
            folderMixed.set(warning.isPresent());
            folderState.set(warning.orElse(""));
        }
    }

    // The folder as typed, when it exists: a half-typed path is not looked into.
    private Optional<Path> existingFolder() {
        String text = folder.get() == null ? "" : folder.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(text);
            return java.nio.file.Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private String currentProblem() {
        if (session.tableProperty().get().isBlank()) {
            return "Choose a table on the Tables page first.";
        }
        if (chosenLanguages().isEmpty()) {
            return "Choose at least one language.";
        }
        if (chosenLanguages().contains(Language.IAM)) {
            try {
                iamOptions();
            } catch (VeilException e) {
                return e.getMessage();
            }
        }
        return folder.get() == null || folder.get().isBlank() ? "Choose the service repository folder to write into." : "";
    }

    private List<Language> chosenLanguages() {
        return languages.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    private ExportOptions options() {
        String pkg = javaPackage.get() == null ? "" : javaPackage.get().strip();
        return new ExportOptions(chosenLanguages(), pkg.isEmpty() ? Optional.empty() : Optional.of(pkg),
                Optional.empty(), chosenLanguages().contains(Language.IAM) ? iamOptions() : IamOptions.defaults());
    }

    private IamOptions iamOptions() {
        return ExportOptions.iamOptions(optional(tableArn), optional(iamPrincipal));
    }

    private static Optional<String> optional(StringProperty p) {
        return p.get() == null || p.get().isBlank() ? Optional.empty() : Optional.of(p.get().strip());
    }

    /** Generates the files in memory and shows them, without writing. */
    public void preview() {
        String table = session.tableProperty().get();
        if (table.isBlank() || chosenLanguages().isEmpty() || problemIsInTheOptions()) {
            return;
        }
        ExportOptions options = options();
        session.tasks().submit("Generating sanitizers for " + table,
                (p, c) -> session.veil().exporting().preview(table, options), list -> {
                    files.setAll(list);
                    selected.set(list.isEmpty() ? null : list.get(0));
                });
    }

    /** True when the IAM settings are wrong; the problem line says how. */
    private boolean problemIsInTheOptions() {
        if (!chosenLanguages().contains(Language.IAM)) {
            return false;
        }
        try {
            iamOptions();
            return false;
        } catch (VeilException e) {
            return true;
        }
    }

    /** Writes the policy and generated files into the folder. */
    public void write() {
        if (!problem.get().isEmpty()) {
            return;
        }
        String table = session.tableProperty().get();
        Path out = Path.of(folder.get().strip());
        ExportOptions options = options();
        boolean wasMixed = folderMixed.get();
        session.tasks().submit("Exporting " + table + " to " + out, (p, c) -> {
            List<ExportedFile> done = session.veil().exporting().export(table, out, options);
            Optional<String> after = session.veil().exporting().mixedSetWarning(table, out);
            String note = after.orElseGet(() -> wasMixed ? session.veil().exporting().repairedNote(table, out) : "");
            return new Exported(done, after.isPresent(), note);
        }, result -> {
            written.setAll(result.files());
            folderMixed.set(result.mixed());
            folderState.set(result.note());
        });
    }

    private record Exported(List<ExportedFile> files, boolean mixed, String note) {
    }

    /**
     * What the page says of the folder: a mixed set (what, where, what to do), before or after an
     * export, or that an export repaired one; empty otherwise.
     */
    public StringProperty folderStateProperty() {
        return folderState;
    }

    /** True while the folder holds a mixed set. */
    public BooleanProperty folderMixedProperty() {
        return folderMixed;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public BooleanProperty languageProperty(Language l) {
        return languages.get(l);
    }

    public StringProperty javaPackageProperty() {
        return javaPackage;
    }

    /** The table ARN the IAM policies name; blank for any region and account. */
    public StringProperty tableArnProperty() {
        return tableArn;
    }

    /** The IAM policy variable holding an owner session's requester id; blank for the default. */
    public StringProperty iamPrincipalProperty() {
        return iamPrincipal;
    }

    public ObservableList<GeneratedFile> files() {
        return files;
    }

    public ObjectProperty<GeneratedFile> selectedProperty() {
        return selected;
    }

    public ObservableList<ExportedFile> written() {
        return written;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public Session session() {
        return session;
    }
}
