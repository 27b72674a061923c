package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * PutItem and UpdateItem report the errors of their request validation stage (expressions,
 * expression parameters, attribute values, ReturnValues) in the envelope of DynamoDB's validation
 * framework, {@code 1 validation error detected: <message>}, as the service has answered since its
 * 2026-06 validation rollout (us-east-1, eu-west-2 and eu-central-1; see KNOWN-DIFFERENCES.md).
 * Errors found against the table or the stored item (key schema, number range, item size, a missing
 * attribute, a key attribute in an update) and the other operations keep the bare message.
 */
final class CountedValidation {
    private static final Pattern COUNTED = Pattern.compile("^\\d+ validation errors? detected: ");

    /** The request validation messages DynamoDB envelopes on PutItem and UpdateItem. */
    private static final Pattern ENVELOPED =
            Pattern.compile(
                    "^(Invalid (Update|Condition)Expression: "
                            + "|One or more parameter values were invalid: (An \\w+ set  may not be empty"
                            + "|Binary sets should not be empty|Input collection|Null attribute value types)"
                            + "|Input collection contains duplicates"
                            + "|ExpressionAttributeValues contains invalid value"
                            + "|ExpressionAttribute(Names|Values) can only be specified"
                            + "|Value provided in ExpressionAttribute(Names|Values) unused"
                            + "|ReturnValues can only be"
                            + "|Can not use both expression and non-expression parameters)");

    private CountedValidation() {}

    /** Runs a PutItem or UpdateItem, enveloping the request validation error it throws. */
    static <T> T run(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DynamoException e) {
            throw envelope(e);
        }
    }

    static DynamoException envelope(DynamoException e) {
        String message = e.getMessage();
        if (!e.type().equals("ValidationException")
                || message == null
                || COUNTED.matcher(message).find()
                || !ENVELOPED.matcher(message).find()) {
            return e;
        }
        return DynamoException.validation("1 validation error detected: " + message);
    }
}
