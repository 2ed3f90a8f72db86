# cellfloor runtime image: the shaded cli jar on a Java 17 JRE, run as a non-root user.
#
# Build (from the repository root). The jar is built outside the image, with your Maven cache, and copied in:
#   ./mvnw -B -DskipTests package          # writes cli/target/cellfloor.jar
#   docker build -t cellfloor:0.1.0-SNAPSHOT .
#
# Run the streams app against an existing Kafka and Confluent-compatible schema registry:
#   docker run --rm -p 9464:9464 -p 8080:8080 -v cellfloor-state:/var/lib/cellfloor \
#     -e KAFKA_BOOTSTRAP_SERVERS=broker:9092 -e SCHEMA_REGISTRY_URL=http://registry:8081 \
#     cellfloor:0.1.0-SNAPSHOT
# The subcommand and its options are the CMD, e.g. `... cellfloor:0.1.0-SNAPSHOT streams --config /etc/cellfloor/streams.properties`.
# `demo` is not meant for this image: it needs the registry runner jar, which only ./cellfloor on a checkout has.
FROM eclipse-temurin:17-jre

# a fixed uid/gid (not the base image's uid 1000 user) so volumes and Kubernetes fsGroup can rely on it
RUN groupadd --system --gid 10001 cellfloor \
    && useradd --system --uid 10001 --gid cellfloor --home-dir /opt/cellfloor --no-create-home \
       --shell /usr/sbin/nologin cellfloor \
    && mkdir -p /opt/cellfloor /var/lib/cellfloor \
    && chown cellfloor:cellfloor /var/lib/cellfloor

WORKDIR /opt/cellfloor
COPY cli/target/cellfloor.jar /opt/cellfloor/cellfloor.jar

# KAFKA_STATE_DIR becomes state.dir (StreamsAppConfig.fromEnvironment): the RocksDB stores live on the volume, so a
# restarted container resumes from local state instead of restoring every store from its changelog topic.
# The JVM default of 25 % of the container's memory for heap is too little; RocksDB still needs room off-heap.
ENV KAFKA_STATE_DIR=/var/lib/cellfloor/streams \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50"
VOLUME ["/var/lib/cellfloor"]

# Prometheus metrics at /metrics
EXPOSE 9464 8080

USER 10001:10001
ENTRYPOINT ["java", "-jar", "/opt/cellfloor/cellfloor.jar"]
CMD ["streams"]
