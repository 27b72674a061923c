package dev.dynamorm.test.assertions;

import dev.dynamorm.Key;
import dev.dynamorm.streams.ChangeEvent;
import dev.dynamorm.streams.ChangeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on typed change events, in stream order: the changes a block of code made to a
 * table ({@link DynamoAssertions#assertThatChanges(dev.dynamorm.Table,
 * software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient,
 * org.assertj.core.api.ThrowableAssert.ThrowingCallable)}) or changes a consumer handled ({@link
 * DynamoAssertions#assertThatChanges(List)}).
 *
 * <pre>{@code
 * assertThatChanges(orders, streams, () -> checkout.pay("c1", "o1"))
 *         .hasKinds(ChangeKind.MODIFY)
 *         .hasKeys(Key.of("c1", "o1"))
 *         .hasNewImages(new Order("c1", "o1", "PAID", 500))
 *         .hasChangedFields(0, "status");
 * }</pre>
 *
 * <p>Failure messages list the changes by kind, key and sequence number, never their images, unless
 * an assertion is about the images.
 *
 * @param <T> the model type
 */
public final class ChangesAssert<T> extends AbstractAssert<ChangesAssert<T>, List<ChangeEvent<T>>> {

    ChangesAssert(List<ChangeEvent<T>> actual) {
        super(actual, ChangesAssert.class);
    }

    private void fail(String problem) {
        failWithMessage("%s", problem + "\nchanges:\n" + list(actual));
    }

    private static String list(List<? extends ChangeEvent<?>> changes) {
        if (changes.isEmpty()) {
            return "  (none)";
        }
        return changes.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
    }

    /**
     * Exactly this many changes were made.
     *
     * @param expected the count
     * @return this
     */
    public ChangesAssert<T> hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("expected " + expected + " changes but there were " + actual.size());
        }
        return this;
    }

    /**
     * No change was made.
     *
     * @return this
     */
    public ChangesAssert<T> isEmpty() {
        return hasSize(0);
    }

    /**
     * The changes are exactly of these kinds, in this order.
     *
     * @param kinds e.g. {@code INSERT, MODIFY}
     * @return this
     */
    public ChangesAssert<T> hasKinds(ChangeKind... kinds) {
        isNotNull();
        List<ChangeKind> got = actual.stream().map(ChangeEvent::kind).toList();
        if (!got.equals(Arrays.asList(kinds))) {
            fail("expected kinds " + Arrays.asList(kinds) + " but were " + got);
        }
        return this;
    }

    /**
     * The changes are of exactly these keys, in this order (one key per change).
     *
     * @param keys e.g. {@code Key.of("c1", "o1")}
     * @return this
     */
    public ChangesAssert<T> hasKeys(Key... keys) {
        isNotNull();
        List<Key> got = actual.stream().map(ChangeEvent::key).toList();
        if (!got.equals(Arrays.asList(keys))) {
            fail("expected keys " + Arrays.asList(keys) + " but were " + got);
        }
        return this;
    }

    /**
     * The new images of the changes that have one (inserts and modifications, on a stream that
     * records new images) are exactly these, in this order.
     *
     * @param images the expected models
     * @return this
     */
    @SafeVarargs
    public final ChangesAssert<T> hasNewImages(T... images) {
        List<T> expected = new ArrayList<>(images.length);
        for (T image : images) { // element by element: the varargs array never escapes
            expected.add(image);
        }
        return hasImages("new", ChangeEvent::newImage, expected);
    }

    /**
     * The old images of the changes that have one (modifications and removals, on a stream that
     * records old images) are exactly these, in this order.
     *
     * @param images the expected models
     * @return this
     */
    @SafeVarargs
    public final ChangesAssert<T> hasOldImages(T... images) {
        List<T> expected = new ArrayList<>(images.length);
        for (T image : images) { // element by element: the varargs array never escapes
            expected.add(image);
        }
        return hasImages("old", ChangeEvent::oldImage, expected);
    }

    private ChangesAssert<T> hasImages(
            String which, Function<ChangeEvent<T>, Optional<T>> image, List<T> images) {
        isNotNull();
        List<T> got = actual.stream().map(image).flatMap(Optional::stream).toList();
        if (!got.equals(images)) {
            fail("expected the " + which + " images\n  " + images + "\nbut were\n  " + got);
        }
        return this;
    }

    /**
     * The change at {@code index} changed exactly these fields (Java field names).
     *
     * @param index the change's position, from 0
     * @param fields the field names, in any order
     * @return this
     */
    public ChangesAssert<T> hasChangedFields(int index, String... fields) {
        ChangeEvent<T> c = at(index);
        Set<String> expected = Set.copyOf(Arrays.asList(fields));
        if (!c.changedFields().equals(expected)) {
            fail(
                    "expected change "
                            + index
                            + " to change fields "
                            + expected.stream().sorted().toList()
                            + " but it changed "
                            + c.changedFields().stream().sorted().toList());
        }
        return this;
    }

    /**
     * Every change is a removal made by time-to-live expiry.
     *
     * @return this
     */
    public ChangesAssert<T> areAllExpiriesByTtl() {
        isNotNull();
        List<ChangeEvent<T>> not = actual.stream().filter(c -> !c.expiredByTtl()).toList();
        if (!not.isEmpty()) {
            fail("expected only removals by TTL expiry, but these were not:\n" + list(not));
        }
        return this;
    }

    /**
     * Continues with the changes of one item only, in order.
     *
     * @param key the item's key
     * @return assertions on those changes
     */
    public ChangesAssert<T> forKey(Key key) {
        Objects.requireNonNull(key, "key");
        return filtered(c -> c.key().equals(key));
    }

    /**
     * Continues with the changes of one kind only, in order.
     *
     * @param kind the kind
     * @return assertions on those changes
     */
    public ChangesAssert<T> ofKind(ChangeKind kind) {
        Objects.requireNonNull(kind, "kind");
        return filtered(c -> c.kind() == kind);
    }

    private ChangesAssert<T> filtered(Predicate<ChangeEvent<T>> keep) {
        isNotNull();
        return new ChangesAssert<>(actual.stream().filter(keep).toList());
    }

    /**
     * The changes, for assertions this class does not offer.
     *
     * @return the changes in stream order
     */
    public List<ChangeEvent<T>> changes() {
        isNotNull();
        return actual;
    }

    private ChangeEvent<T> at(int index) {
        isNotNull();
        if (index < 0 || index >= actual.size()) {
            fail("expected a change at index " + index + " but there were " + actual.size());
        }
        return actual.get(index);
    }
}
