/**
 * Small file-system helpers the agent's durable parts share (atomic replace, directory fsync). Depends on nothing
 * else in ingest, so the spool and the checkpoint packages can both use it without importing each other.
 */
package io.cellfloor.ingest.io;
