package dev.veil.ui;

import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.review.ReviewViewModel;
import dev.veil.ui.state.Theme;
import dev.veil.ui.tables.TablesViewModel;
import javafx.scene.control.TreeTableView;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the console on the demo at 1280×800, samples, reviews, publishes and audits, visits every
 * screen and writes a PNG of each to {@code docs/screenshots/}. With a second folder it then shows
 * every page again at 1280×800 dark, 1600×1000 and 2560×1440 in both themes and writes those
 * there ({@code <page>-<size>-<theme>.png}), for checking layouts by eye. Run it under a real
 * display large enough, for example Xvfb:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * xvfb-run -a -s "-screen 0 2560x1440x24" java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.veil.ui.ScreenshotTour docs/screenshots target/screenshots
 * </pre>
 */
public final class ScreenshotTour {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    /** The other window sizes and themes every page is checked at, after the tour at 1280×800. */
    private static final List<String> CHECKS = List.of("1280x800-dark", "1600x1000-light", "1600x1000-dark",
            "2560x1440-light", "2560x1440-dark");

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path workspace = Files.createTempDirectory("veil-tour");
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.empty(), Optional.empty(), workspace,
                workspace.resolve("policies"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        ConsoleApp.Console console = onFx(() -> {
            Stage stage = new Stage();
            ConsoleApp.Console c = ConsoleApp.Console.open(stage, settings, ConsoleLauncher.opener(), () -> { });
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return c;
        });
        settle();
        MainViewModel vm = console.viewModel();
        shoot(console, out.resolve("connect.png"));
        onFx(() -> {
            vm.connect(new ConnectionRequest.Demo());
            return null;
        });
        waitFor(() -> vm.connectionProperty().get().isPresent(), 300);
        TablesViewModel tables = vm.tablesViewModel();
        onFx(() -> {
            tables.tables().stream().filter(t -> t.name().equals("users")).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
            tables.itemsProperty().set(2000);
            tables.sample();
            return null;
        });
        waitFor(() -> tables.sampleProgressProperty().get().done() > 0, 120);
        shoot(console, out.resolve("sample-progress.png"));
        waitFor(() -> !tables.samplingProperty().get() && !tables.lastSampleProperty().get().isEmpty(), 300);
        waitFor(() -> !vm.tasks().busyProperty().get(), 120);
        settle();
        shoot(console, out.resolve("tables.png"));

        ReviewViewModel review = vm.reviewViewModel();
        onFx(() -> {
            vm.pageProperty().set(Page.REVIEW);
            return null;
        });
        waitFor(() -> !review.rows().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        onFx(() -> {
            review.minConfidenceProperty().set(0.9);
            review.acceptSuggestions();
            return null;
        });
        waitFor(() -> !vm.tasks().busyProperty().get(), 120);
        settle();
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeTableView<Object> tree = (TreeTableView<Object>) console.stage().getScene().lookup("#review-tree");
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                Object v = tree.getTreeItem(i).getValue();
                if (v.toString().contains("password")) {
                    tree.getSelectionModel().clearAndSelect(i);
                    tree.scrollTo(Math.max(0, i - 3));
                    break;
                }
            }
            return null;
        });
        settle();
        shoot(console, out.resolve("review.png"));

        onFx(() -> {
            vm.pageProperty().set(Page.PUBLISH);
            return null;
        });
        waitFor(() -> vm.publishViewModel().previewProperty().get().isPresent()
                && !vm.tasks().busyProperty().get(), 120);
        settle();
        shoot(console, out.resolve("publish-preview.png"));
        onFx(() -> {
            vm.publishViewModel().publish();
            return null;
        });
        waitFor(() -> !vm.publishViewModel().history().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        settle();
        shoot(console, out.resolve("publish.png"));

        Path repo = Files.createDirectories(workspace.resolve("service-repo"));
        onFx(() -> {
            vm.pageProperty().set(Page.EXPORT);
            vm.exportViewModel().folderProperty().set(repo.toString());
            vm.exportViewModel().preview();
            return null;
        });
        waitFor(() -> !vm.exportViewModel().files().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        onFx(() -> {
            vm.exportViewModel().files().stream().filter(f -> f.relativePath().endsWith(".py")).findFirst()
                    .ifPresent(vm.exportViewModel().selectedProperty()::set);
            vm.exportViewModel().write();
            return null;
        });
        waitFor(() -> !vm.exportViewModel().written().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        settle();
        shoot(console, out.resolve("export.png"));

        onFx(() -> {
            vm.pageProperty().set(Page.DRIFT);
            vm.driftViewModel().run();
            return null;
        });
        waitFor(() -> vm.driftViewModel().reportProperty().get().isPresent() && !vm.tasks().busyProperty().get(), 600);
        settle();
        shoot(console, out.resolve("drift.png"));

        onFx(() -> {
            vm.pageProperty().set(Page.AUDIT_LOG);
            return null;
        });
        waitFor(() -> !vm.auditLogViewModel().entries().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        settle();
        shoot(console, out.resolve("audit-log.png"));

        // The single-table design: its Review page groups the attributes by entity.
        onFx(() -> {
            vm.pageProperty().set(Page.TABLES);
            tables.tables().stream().filter(t -> t.name().equals("app_data")).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
            tables.itemsProperty().set(1000);
            tables.sample();
            return null;
        });
        waitFor(() -> !tables.samplingProperty().get() && !vm.tasks().busyProperty().get(), 300);
        onFx(() -> {
            vm.pageProperty().set(Page.REVIEW);
            return null;
        });
        waitFor(() -> !review.groups().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeTableView<Object> tree = (TreeTableView<Object>) console.stage().getScene().lookup("#review-tree");
            tree.getSelectionModel().clearAndSelect(0);
            tree.scrollTo(0);
            return null;
        });
        settle();
        shoot(console, out.resolve("review-entities.png"));

        // A steward renames an entity Veil found; the Audit log lists the correction under the decisions.
        var editing = vm.session().veil().entityEditing();
        String found = editing.list("app_data").entities().stream().map(e -> e.name())
                .filter(n -> n.equals("USER")).findFirst()
                .orElseGet(() -> editing.list("app_data").entities().get(0).name());
        editing.rename("app_data", found, "ACCOUNT", "ana", "the service calls them accounts");
        onFx(() -> {
            vm.pageProperty().set(Page.AUDIT_LOG);
            vm.auditLogViewModel().load();
            return null;
        });
        waitFor(() -> !vm.auditLogViewModel().corrections().isEmpty() && !vm.tasks().busyProperty().get(), 120);
        settle();
        shoot(console, out.resolve("audit-log-corrections.png"));

        if (args.length > 1) {
            Path all = Files.createDirectories(Path.of(args[1]));
            for (String check : CHECKS) {
                String[] parts = check.split("[x-]");
                onFx(() -> {
                    vm.themeProperty().set(parts[2].equals("dark") ? Theme.DARK : Theme.LIGHT);
                    console.stage().setWidth(Double.parseDouble(parts[0]));
                    console.stage().setHeight(Double.parseDouble(parts[1]));
                    return null;
                });
                for (Page page : Page.values()) {
                    onFx(() -> {
                        vm.pageProperty().set(page);
                        return null;
                    });
                    settle();
                    shoot(console, all.resolve(page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                            + "-" + check + ".png"));
                }
            }
            onFx(() -> {
                console.stage().setWidth(WIDTH);
                console.stage().setHeight(HEIGHT);
                vm.themeProperty().set(Theme.LIGHT);
                return null;
            });
        }
        onFx(() -> {
            vm.themeProperty().set(Theme.DARK);
            vm.pageProperty().set(Page.REVIEW);
            return null;
        });
        settle();
        shoot(console, out.resolve("review-dark.png"));
        onFx(() -> {
            vm.pageProperty().set(Page.TABLES);
            return null;
        });
        settle();
        shoot(console, out.resolve("tables-dark.png"));
        onFx(() -> {
            console.close();
            console.stage().close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(ConsoleApp.Console console, Path file) throws Exception {
        WritableImage image = onFx(() -> console.stage().getScene().snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("could not write screenshot " + file + ": " + e.getMessage(), e);
        }
        System.err.println("wrote " + file);
    }

    /** Waits until {@code condition}, checked on the FX thread, holds. */
    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tour waited " + seconds + " s for the console; see the window");
            }
            Thread.sleep(200);
        }
    }

    /** Lets layout, CSS and background tasks catch up before a snapshot. */
    private static void settle() throws Exception {
        Thread.sleep(700);
        onFx(() -> null);
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
