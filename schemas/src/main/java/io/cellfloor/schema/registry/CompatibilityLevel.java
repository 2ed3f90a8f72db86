package io.cellfloor.schema.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Confluent's compatibility rules, decided with Avro's own {@link SchemaCompatibility}. Used by
 * {@link InMemorySchemaRegistryClient} to reject what a real registry would reject.
 *
 * <p>BACKWARD: the new schema can read data written with the latest one (consumers upgrade first); FORWARD: the
 * latest can read data written with the new one; FULL: both. The {@code _TRANSITIVE} variants check every earlier
 * version, not only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(final boolean newReadsOld, final boolean oldReadsNew, final boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /**
     * Whether {@code candidate} may follow {@code existing} (oldest first) under this rule; an empty subject accepts
     * anything.
     */
    public boolean accepts(final Schema candidate, final List<Schema> existing) {
        if (existing.isEmpty()) {
            return true;
        }
        final List<Schema> checked = transitive ? existing : List.of(existing.get(existing.size() - 1));
        return checked.stream().allMatch(old ->
            (!newReadsOld || canRead(candidate, old)) && (!oldReadsNew || canRead(old, candidate)));
    }

    private static boolean canRead(final Schema reader, final Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
            == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
