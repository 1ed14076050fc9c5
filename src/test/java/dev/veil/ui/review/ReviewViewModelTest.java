package dev.veil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.ReviewRow;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import dev.veil.ui.Session;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import dev.veil.testing.ProfileBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewViewModelTest {
    private final BackgroundTasks tasks = new BackgroundTasks(new UiQueue());
    private final ReviewViewModel vm = new ReviewViewModel(new Session(tasks));

    @AfterEach
    void close() {
        tasks.close();
    }

    private static ReviewRow row(String path, Optional<Classification> decided, Optional<Classification> suggested,
                                 String note) {
        AttributePath p = AttributePath.parse(path);
        return new ReviewRow(p, Optional.of(profile(p)),
                suggested.map(c -> new Suggestion(c, 0.9, List.of("name token `" + p.lastName() + "`"))),
                decided.map(c -> new Decision("users", p, c, "ana", Instant.EPOCH, note, DecisionSource.MANUAL)), false);
    }

    private static AttributeProfile profile(AttributePath p) {
        return ProfileBuilder.attribute(p).type(DynamoType.N, 4).numbers("1234", "9876").distinct(4)
                .examples(List.of("9999")).scanned(4).build();
    }

    private final List<ReviewRow> rows = List.of(
            row("user_id", Optional.of(Classification.PUBLIC), Optional.of(Classification.PUBLIC), ""),
            row("pin", Optional.of(Classification.PUBLIC), Optional.of(Classification.SECRET), "legacy field"),
            row("address.city", Optional.empty(), Optional.of(Classification.OWNER_ONLY), ""));

    private List<String> shown() {
        return rows.stream().filter(vm.filterProperty().get()).map(r -> r.path().toString()).toList();
    }

    @Test
    void textFiltersPathsNotesAndReasons() {
        vm.filterTextProperty().set("LEGACY");
        assertThat(shown()).containsExactly("pin");
        vm.filterTextProperty().set("city");
        assertThat(shown()).containsExactly("address.city");
    }

    @Test
    void unreviewedAndDisagreementFiltersKeepOnlyThoseRows() {
        vm.unreviewedOnlyProperty().set(true);
        assertThat(shown()).containsExactly("address.city");
        vm.unreviewedOnlyProperty().set(false);
        vm.disagreementOnlyProperty().set(true);
        assertThat(shown()).containsExactly("pin");
    }

    @Test
    void theClassFilterMatchesDecisions() {
        vm.classFilterProperty().set(ReviewViewModel.ClassFilter.PUBLIC);
        assertThat(shown()).containsExactly("user_id", "pin");
        vm.classFilterProperty().set(ReviewViewModel.ClassFilter.UNDECIDED);
        assertThat(shown()).containsExactly("address.city");
    }

    @Test
    void pOAndSStandForTheThreeClasses() {
        assertThat(ReviewViewModel.classForKey("p")).contains(Classification.PUBLIC);
        assertThat(ReviewViewModel.classForKey("O")).contains(Classification.OWNER_ONLY);
        assertThat(ReviewViewModel.classForKey("s")).contains(Classification.SECRET);
        assertThat(ReviewViewModel.classForKey("x")).isEmpty();
    }

    @Test
    void theDetailsOfASecretLookingPathHoldNoRawValue() {
        ReviewRow pin = rows.get(1);
        assertThat(String.join("\n", vm.details(pin))).doesNotContain("1234", "9876")
                .contains("Examples hidden");
        assertThat(vm.examples(pin)).isEmpty();
        assertThat(String.join("\n", vm.details(rows.get(0)))).contains("from 1234 to 9876");
    }

    @Test
    void taggingWithoutATableOrSelectionDoesNothing() {
        vm.tagSelection(Classification.SECRET);
        assertThat(tasks.busyProperty().get()).isFalse();
    }
}
