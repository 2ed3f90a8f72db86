package io.cellfloor.bench.suite;

/** Where in a cycle a dendrite contact is injected: plating, stripping, or the rest after stripping. */
enum Half {
    PLATE,
    STRIP,
    REST_AFTER_STRIP
}
