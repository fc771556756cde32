#!/usr/bin/env bash
# Load test of the per-project query: a year of results for 1,000 projects, 200 concurrent
# clients. Needs the built service (mvn -B -q install -DskipTests), wrk (apt-get install wrk)
# and the PostgreSQL server on 127.0.0.1:5432 (user postgres, trust auth). Prints wrk's
# figures; docs/performance.md records them.
set -euo pipefail
cd "$(dirname "$0")/../../.."

DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-200}"
DATA_DIR="$(mktemp -d /tmp/carbon-load-XXXX)"
# The built service to load; another build can be compared by pointing APP at its quarkus-app.
APP="${APP:-src/target/quarkus-app}"
DB=carbon_load

psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" postgres
psql -q -h 127.0.0.1 -U postgres -c "create database $DB" postgres

CARBON_DATA_DIR="$DATA_DIR" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_LOG_LEVEL=WARN \
  java ${SERVICE_JAVA_OPTS:--Xmx1g} -jar "$APP/quarkus-run.jar" > "$DATA_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf http://127.0.0.1:8080/q/health/ready > /dev/null && break
  sleep 1
done

psql -q -h 127.0.0.1 -U postgres -f src/test/load/seed-year.sql "$DB"
TOKEN=$(CARBON_DATA_DIR="$DATA_DIR" java -jar "$APP/quarkus-run.jar" token --role analyst)
export TOKEN

# Warm up the JIT and the connection pool, then measure.
wrk -t2 -c"$CONNECTIONS" -d10s -s src/test/load/project-emissions.lua http://127.0.0.1:8080 > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s src/test/load/project-emissions.lua http://127.0.0.1:8080
