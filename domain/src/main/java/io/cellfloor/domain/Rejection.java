package io.cellfloor.domain;

/**
 * Samples of a batch that were not taken, and why (the first reason when there were several): the caller turns it
 * into a dead letter instead of failing.
 */
public record Rejection(String reason, int samples) {
}
