package dev.veil.inference.suggest;

import dev.veil.inference.suggest.NameRule.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds rule phrases in a tokenised name and decides how each sits there. */
final class NameMatcher {

    private NameMatcher() {
    }

    /** The phrases found, longest first where they overlap, contextual before generic on the same words. */
    static List<Match> matches(List<Token> tokens, List<Token> ancestors, List<Token> table) {
        List<Match> found = new ArrayList<>();
        for (NameRule rule : NameRules.RULES) {
            for (List<String> phrase : rule.phrases()) {
                for (int start = 0; start + phrase.size() <= tokens.size(); start++) {
                    if (at(tokens, start, phrase)) {
                        match(rule, tokens, start, start + phrase.size(), ancestors, table).ifPresent(found::add);
                    }
                }
            }
        }
        return dedupe(found);
    }

    private static boolean at(List<Token> tokens, int start, List<String> phrase) {
        for (int i = 0; i < phrase.size(); i++) {
            if (!tokens.get(start + i).is(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Match> match(NameRule rule, List<Token> tokens, int start, int end, List<Token> ancestors,
                                         List<Token> table) {
        Optional<String> context = Optional.empty();
        if (!rule.context().isEmpty()) {
            context = context(rule.context(), tokens.subList(0, start), ancestors, table);
            if (context.isEmpty()) {
                return Optional.empty();
            }
        }
        String words = tokens.subList(start, end).stream().map(Token::raw).collect(Collectors.joining(" "));
        boolean isOrHas = start == 1 && (tokens.get(0).is("is") || tokens.get(0).is("has"));
        return Optional.of(new Match(rule, start, end, role(rule, tokens.subList(end, tokens.size())), words, context, isOrHas));
    }

    /** The nearest context: earlier words of the same name, else ancestor names, else the table name. */
    private static Optional<String> context(Set<String> wanted, List<Token> before, List<Token> ancestors, List<Token> table) {
        List<Token> level = !before.isEmpty() ? before : !ancestors.isEmpty() ? ancestors : table;
        for (int i = level.size() - 1; i >= 0; i--) {
            Token t = level.get(i);
            if (wanted.contains(t.folded()) || wanted.contains(t.lemma())) {
                return Optional.of(t.raw());
            }
        }
        return Optional.empty();
    }

    private static Match.Role role(NameRule rule, List<Token> tail) {
        boolean keepsMeaning = true;
        for (Token t : tail) {
            if (continues(rule, t)) {
                continue;
            }
            keepsMeaning = false;
            if (NameRules.META.contains(t.folded()) || NameRules.META.contains(t.lemma())) {
                return Match.Role.META;
            }
        }
        return keepsMeaning ? Match.Role.HEAD : Match.Role.MODIFIER;
    }

    private static boolean continues(NameRule rule, Token t) {
        if (t.isNumber() || NameRules.CONTINUATION.contains(t.folded())) {
            return true;
        }
        // the id of a role assignment is still authorization data
        return rule.form() == Form.FACT && NameRules.REFERENCE.contains(t.folded());
    }

    private static List<Match> dedupe(List<Match> found) {
        List<Match> out = new ArrayList<>();
        for (Match m : found) {
            boolean covered = found.stream().anyMatch(o -> o.covers(m));
            boolean generic = m.contextWord().isEmpty() && found.stream()
                    .anyMatch(o -> o.start() == m.start() && o.end() == m.end() && o.contextWord().isPresent());
            boolean duplicate = out.stream().anyMatch(o -> o.rule() == m.rule() && o.start() == m.start() && o.end() == m.end());
            if (!covered && !generic && !duplicate) {
                out.add(m);
            }
        }
        return out;
    }
}
