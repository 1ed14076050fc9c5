package dev.veil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What of a profile may be shown or stored is decided in one place, {@code app.Disclosure}. These
 * rules forbid the ways the decision used to be copied into the faces: a {@code looksSecret}
 * helper beside the output code, a comparison with a class ({@code == SECRET}) right where a
 * number range or an example is read, and a face asking the credential detectors itself.
 */
class DisclosureRuleTest {

    private static final String OUTSIDE_THE_RULE = "dev.veil.app..";
    private static JavaClasses classes;

    @BeforeAll
    static void importVeil() {
        classes = ArchitectureTest.veilClasses();
    }

    @Test
    void noMethodOutsideTheApplicationIsNamedForADisclosureDecision() {
        methods().that().areDeclaredInClassesThat().resideOutsideOfPackage(OUTSIDE_THE_RULE)
                .should().haveNameNotMatching("(?i)(looks|is|seems)(secret|restricted|sensitive).*"
                        + "|(withhold|hide|mask)(s)?(examples|range|raw|values).*"
                        + "|(may|can|safeTo)(show|display|print|store|disclose).*")
                .because("what may be shown or stored is decided by app.Disclosure")
                .check(classes);
    }

    @Test
    void onlyTheApplicationAndInferenceAskTheCredentialDetectors() {
        noClasses().that().resideOutsideOfPackages(OUTSIDE_THE_RULE, "dev.veil.inference..")
                .should().dependOnClassesThat().resideInAPackage("dev.veil.inference.detect..")
                .because("\"looks secret\" is the detectors' verdict read by app.Disclosure alone")
                .check(classes);
    }

    @Test
    void noCodeOutsideTheApplicationChecksAClassWhereItReadsRawValues() {
        ArchRuleDefinition.codeUnits().that().areDeclaredInClassesThat()
                .resideOutsideOfPackages(OUTSIDE_THE_RULE, "dev.veil.inference..", "dev.veil.model..")
                .should(notDecideOnAClassWhileReadingRawValues())
                .check(classes);
    }

    private static ArchCondition<JavaCodeUnit> notDecideOnAClassWhileReadingRawValues() {
        return new ArchCondition<>("not compare a classification where a number range or an example is read") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean raw = ArchitectureTest.calls(unit.getMethodCallsFromSelf(), AttributeProfile.class, Set.of("numberRange", "maskedExamples"));
                // Showing a suggestion's label is fine; comparing it with a class is a decision.
                boolean decides = readsConstantOf(unit, Classification.class);
                if (raw && decides) {
                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " decides what to show "
                            + "from a classification: pass the profile through app.Disclosure instead"));
                }
            }
        };
    }

    private static boolean readsConstantOf(JavaCodeUnit unit, Class<?> type) {
        for (JavaFieldAccess access : unit.getFieldAccesses()) {
            if (access.getTargetOwner().isEquivalentTo(type)) {
                return true;
            }
        }
        return false;
    }
}
