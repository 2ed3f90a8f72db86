package io.cellfloor.streams.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON values (maps, lists, numbers, strings) from Avro records, field names as in the .avsc: unions
 * without Avro's type wrappers, enums as their names, NaN and infinities as null, bytes left out (null).
 */
public final class AvroMaps {
    private AvroMaps() {
    }

    public static Map<String, Object> of(final IndexedRecord record) {
        if (record == null) {
            return null;
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        for (final Schema.Field f : record.getSchema().getFields()) {
            out.put(f.name(), value(record.get(f.pos())));
        }
        return out;
    }

    private static Object value(final Object v) {
        if (v instanceof IndexedRecord r) {
            return of(r);
        }
        if (v instanceof List<?> list) {
            final List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(value(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            final Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k.toString(), value(x)));
            return out;
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (v instanceof CharSequence || v instanceof Enum<?>) {
            return v.toString();
        }
        if (v instanceof ByteBuffer) {
            return null;
        }
        return v;
    }
}
