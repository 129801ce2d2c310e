#!/bin/bash
# Starts Kafka in the apache/kafka image for docker-compose.yml: SASL/SCRAM-SHA-256, the KRaft
# StandardAuthorizer, and ACLs that let the call center's user (KAFKA_USERNAME) read and write only
# its own topics (prefixes callcenter. and opentok.) in its own consumer groups. The same rules as
# ./run's broker (launcher/.../SecuredKafka.java). Passwords come from the environment
# (KAFKA_ADMIN_PASSWORD, KAFKA_PASSWORD) and are written only to owner-only files in this container.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}" "${KAFKA_PASSWORD:?KAFKA_PASSWORD is required}"
user="${KAFKA_USERNAME:-callcenter}"
bin="${KAFKA_HOME:-/opt/kafka}/bin"
dir=/tmp/callcenter-kafka
umask 077
mkdir -p "$dir"
rm -f "$dir/ready"

cp "$(dirname "$0")/server.properties" "$dir/server.properties"
cat >> "$dir/server.properties" <<PROPERTIES
listener.name.broker.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD" user_admin="$KAFKA_ADMIN_PASSWORD";
PROPERTIES
cat > "$dir/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-256
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

# SCRAM credentials live in KRaft's metadata: they are written when the storage is formatted, before
# the first start (a restarted container keeps its storage, and its credentials, and skips this).
# --add-scram is the only way Kafka offers; it runs for a moment inside this container.
logs="$(sed -n 's/^log\.dirs=//p' "$dir/server.properties")"
if [ ! -f "$logs/meta.properties" ]; then
	"$bin/kafka-storage.sh" format -t "$("$bin/kafka-storage.sh" random-uuid)" -c "$dir/server.properties" \
		--add-scram "SCRAM-SHA-256=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
		--add-scram "SCRAM-SHA-256=[name=$user,password=$KAFKA_PASSWORD]"
fi

"$bin/kafka-server-start.sh" "$dir/server.properties" &
broker=$!
trap 'kill -TERM "$broker"' TERM INT

until "$bin/kafka-broker-api-versions.sh" --bootstrap-server localhost:9092 --command-config "$dir/admin.properties" \
	> /dev/null 2>&1; do
	kill -0 "$broker" || exit 1
	sleep 2
done

# read, write and create (each implies describe) the call center's topics and their -dlt dead
# letters; read its consumer groups (queue-service-<namespace>, token-service, gateway-<uuid>, and
# stats-service's Kafka Streams application, whose internal topics are callcenter.stats-...).
# No cluster permission: an idempotent producer needs only write on a topic (Kafka 3.0+, KIP-679).
acl() {
	"$bin/kafka-acls.sh" --bootstrap-server localhost:9092 --command-config "$dir/admin.properties" \
		--add --allow-principal "User:$user" --resource-pattern-type prefixed "$@" > /dev/null
}
acl --topic callcenter. --topic opentok. --operation Read --operation Write --operation Create
acl --group queue-service --group token-service --group gateway- --group callcenter.stats --operation Read
touch "$dir/ready"
echo "[callcenter] Kafka is up with SASL/SCRAM and the call center's ACLs"

wait "$broker" || wait "$broker"
