package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VeilCommandLineTest {

    @Test
    void everySubcommandIsListedUnderTheNameItsAnnotationGives() {
        CommandLine all = VeilCommandLine.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of());
        assertThat(all.getSubcommands()).isNotEmpty();
        all.getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandSpec().userObject().getClass()
                .getAnnotation(CommandLine.Command.class).name()).as(name).isEqualTo(name));
    }

    @Test
    void theGlobalOptionsAreTheRootsInheritedOptions() {
        CommandLine all = VeilCommandLine.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of());
        Set<String> inherited = new HashSet<>();
        all.getCommandSpec().options().stream().filter(o -> o.scopeType() == CommandLine.ScopeType.INHERIT)
                .forEach(o -> inherited.addAll(List.of(o.names())));
        assertThat(VeilCommandLine.GLOBAL_OPTIONS).containsExactlyInAnyOrderElementsOf(inherited);
    }

    @Test
    void aCommandLineBuildsOnlyTheSubcommandsItNames() {
        assertThat(VeilCommandLine.named(new String[] {"sample", "users", "--from-export", "dir"})).containsExactly("sample");
        assertThat(VeilCommandLine.named(new String[] {"--workspace", "tables", "drift", "--all"}))
                .containsExactly("tables", "drift");
    }

    @Test
    void theConsoleHelpAndTheHelpCommandSeeEverySubcommand() {
        Collection<String> all = VeilCommandLine.named(new String[] {"--help"});
        assertThat(VeilCommandLine.named(new String[0])).containsExactlyElementsOf(all);
        assertThat(VeilCommandLine.named(new String[] {"help", "sample"})).containsExactlyElementsOf(all);
        assertThat(VeilCommandLine.named(new String[] {"--help", "sample"})).containsExactlyElementsOf(all);
        assertThat(VeilCommandLine.named(new String[] {"-hq", "sample"})).containsExactlyElementsOf(all);
        assertThat(VeilCommandLine.named(new String[] {"--quiet", "--workspace=w", "sample"})).containsExactly("sample");
        assertThat(all).contains("tables", "sample", "policy", "drift", "demo", "help");
    }

    /** What the jar prints and returns for these arguments is what the full command tree would. */
    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "sample --help", "policy show --help", "sampel users",
        "tables --bogus", "help sample", "--workspace sample tables --help", "entity app_data rename --help",
        "--help sample", "--version tables", "-V", "--bogus sample users", "sampel drift", "-q --workspace",
        "drift --all --fail-on nonsense", "sample", "export --help"})
    void theSubcommandsBuiltAnswerAsTheWholeTreeDoes(String line) {
        String[] args = line.split(" ");
        assertThat(run(args, VeilCommandLine.named(args))).isEqualTo(run(args, VeilCommandLine.named(new String[0])));
    }

    private static String run(String[] args, Collection<String> subcommands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VeilCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), subcommands)
                .execute(args);
        return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
