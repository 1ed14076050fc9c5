package dev.veil.codegen;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the IAM policies: the table's ARN (by default any region and account) and the
 * IAM policy variable that holds the requester id of an owner role's session.
 *
 * @param tableArn  the table's ARN; empty for {@code arn:aws:dynamodb:*:*:table/<table>}
 * @param principal a policy variable such as {@code ${aws:PrincipalTag/veil_user_id}}
 */
public record IamOptions(Optional<String> tableArn, String principal) {

    /** The variable used when none is given: a session tag the service sets per requester. */
    public static final String DEFAULT_PRINCIPAL = "${aws:PrincipalTag/veil_user_id}";

    private static final Pattern TABLE_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:dynamodb:([a-z]{2}(-[a-z]+)+-\\d|\\*):(\\d{12}|\\*):table/[A-Za-z0-9_.-]{3,255}");

    /**
     * The global keys IAM resolves per session ({@code aws:username}, {@code aws:userid},
     * {@code aws:PrincipalTag/KEY} …) and web-identity or SAML keys
     * ({@code cognito-identity.amazonaws.com:sub}, {@code www.amazon.com:user_id}, {@code saml:sub}).
     */
    private static final Pattern POLICY_VARIABLE = Pattern.compile(
            "\\$\\{(aws:[A-Za-z]+(/[A-Za-z0-9_.:/=+@-]{1,128})?"
                    + "|saml:[A-Za-z0-9_.:/-]+"
                    + "|[a-z0-9-]+(\\.[a-z0-9-]+)+:[A-Za-z0-9_]+)}");

    public IamOptions {
        Objects.requireNonNull(tableArn, "tableArn");
        Objects.requireNonNull(principal, "principal");
        tableArn.ifPresent(arn -> {
            if (!TABLE_ARN.matcher(arn).matches()) {
                throw new IllegalArgumentException("'" + arn + "' is not a DynamoDB table ARN; write one like "
                        + "arn:aws:dynamodb:eu-west-1:123456789012:table/users (region and account may be *; "
                        + "no /index/ or /stream/ part)");
            }
        });
        if (!POLICY_VARIABLE.matcher(principal).matches()) {
            throw new IllegalArgumentException("'" + principal + "' is not an IAM policy variable; write one like "
                    + DEFAULT_PRINCIPAL + ", ${aws:userid} or ${cognito-identity.amazonaws.com:sub}");
        }
    }

    /** Any region and account, the default principal variable. */
    public static IamOptions defaults() {
        return new IamOptions(Optional.empty(), DEFAULT_PRINCIPAL);
    }

    /** The ARN the documents name for {@code table}. */
    String arnOf(String table) {
        return tableArn.orElse("arn:aws:dynamodb:*:*:table/" + table);
    }
}
