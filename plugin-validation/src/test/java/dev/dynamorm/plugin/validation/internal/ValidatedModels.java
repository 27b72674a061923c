package dev.dynamorm.plugin.validation.internal;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The models of the per-backend validation suite. */
final class ValidatedModels {

    private ValidatedModels() {}

    /** A nested value whose constraint is reported with its path ({@code address.city}). */
    public record Address(@NotBlank String city) {}

    /** A member of a team: constrained fields of several kinds, one nested. */
    @DynamoTable("members")
    public record Member(
            @PartitionKey String team,
            @SortKey String id,
            @NotBlank String name,
            @Email String email,
            @Min(0) int age,
            @Size(max = 2) List<String> tags,
            @Valid Address address) {}
}
