package dev.veil.inference.suggest;

import dev.veil.inference.suggest.NameRule.Form;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an attribute's name says about it. The last name in the path is split into tokens and
 * matched against whole-token rules ({@link NameRules}); the position of a match decides
 * whether it counts: {@code password_hash} holds a password hash, {@code password_reset_required}
 * only says something about one. Ancestor names and the table name are context for generic
 * words ({@code billing.number}, {@code patient.name}). Booleans are flags, not values:
 * {@code email_verified} is not an e-mail address.
 */
public final class NameEvidence {

    private static final double FLAG_WEIGHT = 0.45;

    private NameEvidence() {
    }

    /** Evidence from the name of {@code path} alone. */
    public static List<Evidence> of(AttributePath path) {
        return of(path, Optional.empty(), List.of());
    }

    /**
     * Evidence from the name of {@code path}, read as an attribute of {@code type} in a table
     * whose name splits into {@code tableTokens}.
     */
    public static List<Evidence> of(AttributePath path, Optional<DynamoType> type, List<String> tableTokens) {
        List<Token> tokens = tokens(path.lastName());
        List<String> names = path.names();
        List<Token> ancestors = new ArrayList<>();
        for (String n : names.subList(0, names.size() - 1)) {
            ancestors.addAll(tokens(n));
        }
        List<Token> table = new ArrayList<>();
        for (String t : tableTokens) {
            table.addAll(tokens(t));
        }
        boolean flag = type.filter(t -> t == DynamoType.BOOL).isPresent();
        List<Match> matches = NameMatcher.matches(tokens, ancestors, table);
        boolean restrictiveHead = matches.stream().anyMatch(m -> m.role() == Match.Role.HEAD
                && m.rule().form() == Form.VALUE && m.rule().classification() != Classification.PUBLIC);
        List<Evidence> out = new ArrayList<>();
        for (Match m : matches) {
            if (counts(m, flag, restrictiveHead)) {
                out.add(evidence(m));
            }
        }
        if (flag && out.stream().noneMatch(e -> e.classification() != Classification.PUBLIC)) {
            out.clear();
            out.add(new Evidence(Classification.PUBLIC, FLAG_WEIGHT, flagReason(matches)));
        }
        return out;
    }

    private static boolean counts(Match m, boolean flag, boolean restrictiveHead) {
        NameRule rule = m.rule();
        return switch (rule.form()) {
            case VALUE -> !flag && m.role() == Match.Role.HEAD;
            // hiv_status and role_id still state the fact; admin_email is an e-mail address
            case FACT -> m.role() != Match.Role.MODIFIER || !restrictiveHead;
            case PREFIX -> m.start() == 0 || (m.start() == 1 && m.precededByIsOrHas());
        };
    }

    /** "a boolean flag", naming what it is about when a value word was set aside ({@code email_verified}). */
    private static String flagReason(List<Match> matches) {
        return matches.stream().filter(m -> m.rule().form() == Form.VALUE && m.rule().classification() != Classification.PUBLIC)
                .findFirst()
                .map(m -> "a boolean flag about `" + m.words() + "`, not the " + m.rule().kind() + " itself")
                .orElse("a boolean flag");
    }

    private static Evidence evidence(Match m) {
        NameRule rule = m.rule();
        StringBuilder reason = new StringBuilder();
        reason.append(rule.form() == Form.PREFIX ? "name prefix `" : m.words().contains(" ") ? "name tokens `" : "name token `");
        reason.append(m.words()).append('`');
        m.contextWord().ifPresent(c -> reason.append(" next to `").append(c).append('`'));
        reason.append(" (").append(rule.kind()).append(')');
        return new Evidence(rule.classification(), rule.weight(), reason.toString(), rule.identifier());
    }

    /** The tokens of one name, with compounds expanded. */
    static List<Token> tokens(String name) {
        List<Token> out = new ArrayList<>();
        for (String raw : NameTokens.split(name)) {
            String folded = NameTokens.fold(raw);
            List<String> parts = NameRules.COMPOUNDS.get(folded);
            if (parts == null) {
                out.add(Token.of(raw, folded));
            } else {
                parts.forEach(p -> out.add(Token.of(p, p)));
            }
        }
        return out;
    }
}
