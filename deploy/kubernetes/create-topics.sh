#!/usr/bin/env bash
# Creates every topic cellfloor reads or writes, as the code defines them: TopicPlan (streams-app) for the nine
# versioned topics in io.cellfloor.schema.Topics, and the alert sink's undeliverable topic (AlertSinkSettings).
# Run once per cluster, before the apps start: the Kubernetes Job cellfloor-topics and the compose service `topics`
# run this file. Safe to rerun: existing topics are left alone, but a samples / cell-tests partition mismatch (they
# are co-partitioned by channel id) stops it with an error. DeployManifestsTest checks the `create` lines below
# against TopicPlan, so keep one topic per line.
#
# Environment: BOOTSTRAP_SERVERS (required), PARTITIONS (12), REPLICATION_FACTOR (3), MIN_INSYNC_REPLICAS (2, or 1
# with one replica), COMMAND_CONFIG (a client properties file for SASL/TLS, used when it exists), KAFKA_BIN.
set -euo pipefail
: "${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS to the Kafka bootstrap address}"
PARTITIONS="${PARTITIONS:-12}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"
if (( REPLICATION_FACTOR > 1 )); then default_isr=2; else default_isr=1; fi
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-$default_isr}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
client=()
if [[ -n "${COMMAND_CONFIG:-}" && -f "$COMMAND_CONFIG" ]]; then
  client=(--command-config "$COMMAND_CONFIG")
fi

topics() {
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" "${client[@]}" "$@"
}

# create <topic> <partitions> <cleanup.policy>
# Topics deleted by time are stamped by the broker on arrival (LogAppendTime): the payload keeps the sample times,
# and a backfilled old file then stays for the topic's retention instead of being deleted at the next check.
create() {
  local stamp=()
  if [[ "$3" == delete ]]; then stamp=(--config "message.timestamp.type=LogAppendTime"); fi
  topics --create --if-not-exists --topic "$1" --partitions "$2" --replication-factor "$REPLICATION_FACTOR" \
    --config "cleanup.policy=$3" --config "min.insync.replicas=$MIN_INSYNC_REPLICAS" "${stamp[@]}"
}

partition_count() {
  topics --describe --topic "$1" | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -n 1
}

create cellfloor.samples.v1 "$PARTITIONS" delete
create cellfloor.cell-tests.v1 "$PARTITIONS" compact
create cellfloor.cycles.v1 "$PARTITIONS" delete
create cellfloor.breakdown-events.v1 "$PARTITIONS" delete
create cellfloor.stage-changes.v1 "$PARTITIONS" delete
create cellfloor.channel-status.v1 "$PARTITIONS" compact
create cellfloor.alerts.v1 "$PARTITIONS" delete
create cellfloor.cohorts.v1 "$PARTITIONS" compact
create cellfloor.dead-letter.v1 1 delete
create cellfloor.alerts-undeliverable.v1 1 delete

samples="$(partition_count cellfloor.samples.v1)"
cell_tests="$(partition_count cellfloor.cell-tests.v1)"
if [[ "$samples" != "$cell_tests" ]]; then
  echo "create-topics: cellfloor.samples.v1 has $samples partitions but cellfloor.cell-tests.v1 has $cell_tests;" \
    "they are joined by channel id and need the same count (recreate cell tests, it is compacted and small)" >&2
  exit 1
fi
topics --describe --topic 'cellfloor\..*'
