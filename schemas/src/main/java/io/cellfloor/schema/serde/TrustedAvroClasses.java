package io.cellfloor.schema.serde;

import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 loads a generated class named by a schema only if a global predicate trusts it, and by default it
 * trusts none of ours: reading a SpecificRecord fails with "Forbidden io.cellfloor.avro...". Generated
 * classes (records, enums, fixed) are exactly what a specific reader is meant to load, so they are trusted in
 * addition to whatever was trusted before; arbitrary classes named in a schema still are not.
 */
public final class TrustedAvroClasses {
    private static final ClassSecurityPredicate GENERATED = type -> SpecificRecord.class.isAssignableFrom(type)
            || SpecificFixed.class.isAssignableFrom(type)
            || (type.isEnum() && GenericEnumSymbol.class.isAssignableFrom(type));

    private static boolean installed;

    private TrustedAvroClasses() {
    }

    public static synchronized void install() {
        if (!installed) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                    GENERATED));
            installed = true;
        }
    }
}
