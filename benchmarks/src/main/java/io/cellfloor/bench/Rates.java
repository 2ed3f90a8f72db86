package io.cellfloor.bench;

/**
 * What one app did with one pass of the throughput benchmark, in samples/s from its first processed sample: up to
 * its last processed sample, up to the commit that made that sample's outputs (and state) durable, and up to the
 * moment every output of the pass was current, which for cellfloor's full system is when the views app had read and
 * committed every cycle (for an app without views, the commit).
 */
record Rates(double processed, double committed, double current) {
}
