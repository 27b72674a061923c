package dev.dynamorm;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A role DynamORM assumes through STS before talking to DynamoDB (for cross-account access).
 *
 * @param roleArn the role's ARN
 * @param sessionName the role session name
 * @param externalId the external ID the role's trust policy requires, or null
 */
public record AssumeRole(String roleArn, String sessionName, @Nullable String externalId) {

    /**
     * Validates the role.
     *
     * @throws IllegalArgumentException if the ARN or session name is blank
     */
    public AssumeRole {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        if (!roleArn.startsWith("arn:")) {
            throw new IllegalArgumentException(
                    "role ARN must start with 'arn:', got '" + roleArn + "'");
        }
        if (sessionName.isBlank()) {
            throw new IllegalArgumentException("role session name must not be blank");
        }
    }

    /**
     * The external ID.
     *
     * @return the external ID, or empty
     */
    public Optional<String> externalIdValue() {
        return Optional.ofNullable(externalId);
    }
}
