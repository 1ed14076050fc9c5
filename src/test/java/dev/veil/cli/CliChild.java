package dev.veil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process running {@code veil} commands one after another, each exactly as the jar
 * would run it (its own command line, its own workspace connection), for the multi-process tests.
 * Arguments: the number of rounds, then the commands of a round separated by {@code ;;}, where
 * {@code {i}} stands for the round. Prints {@code exit N} per command and each command's stdout;
 * a failing command's stderr goes to stderr.
 */
public final class CliChild {
    private CliChild() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        List<List<String>> commands = new ArrayList<>();
        commands.add(new ArrayList<>());
        for (int a = 1; a < args.length; a++) {
            if (args[a].equals(";;")) {
                commands.add(new ArrayList<>());
            } else {
                commands.get(commands.size() - 1).add(args[a]);
            }
        }
        int failed = 0;
        for (int i = 0; i < rounds; i++) {
            for (List<String> command : commands) {
                String round = String.valueOf(i);
                String[] line = command.stream().map(s -> s.replace("{i}", round)).toArray(String[]::new);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = VeilCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true), System.getenv())
                        .execute(line);
                System.out.print(out);
                System.out.println("exit " + code);
                System.out.flush();
                if (code != 0) {
                    failed++;
                    System.err.println(String.join(" ", line) + " exited with " + code + ":\n" + err);
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
