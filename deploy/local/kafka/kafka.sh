#!/usr/bin/env bash
# A real Apache Kafka broker in KRaft mode (one combined broker + controller), without Docker:
# jars resolved by Maven from Maven Central into a cache outside git, storage formatted once,
# started with the machine's Java 17+. Every subcommand is safe to run twice.
#
#   kafka.sh start    start a broker unless one already answers on 127.0.0.1:$KAFKA_PORT
#   kafka.sh stop     stop the broker this script started (never someone else's)
#   kafka.sh status   exit 0 when our broker runs, 1 when nothing answers, 3 when another broker answers
#   kafka.sh ensure   resolve the jars and format the storage, nothing else
#
# start, stop and ensure take a lock (<cache>/.lock), so two of them run one after the other.
#
# Environment: KAFKA_CACHE_DIR (default <repo>/.kafka-cache), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
# KAFKA_HEAP_OPTS (-Xmx512m -Xms256m), KAFKA_START_TIMEOUT seconds (90).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
cache="${KAFKA_CACHE_DIR:-$repo/.kafka-cache}"
libs="$cache/libs-$version"
data="$cache/data"
logs="$cache/logs"
pidfile="$cache/kafka.pid"
cluster_id_file="$cache/cluster.id"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
heap="${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"
timeout="${KAFKA_START_TIMEOUT:-90}"

say() { echo "kafka: $*"; }

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# start, stop and ensure one at a time: a second caller waits, then sees the first one's broker.
lock() {
  command -v flock >/dev/null || return 0
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock -w 600 9 || { say "another kafka.sh has held $cache/.lock for 10 minutes"; exit 1; }
}

need_java() {
  command -v java >/dev/null || { say "Java 17+ is needed to run the broker"; exit 1; }
  local major
  major="$(java -version 2>&1 | head -n 1 | sed -E 's/.*version "([0-9]+).*/\1/')"
  [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 17 )) || { say "Kafka $version needs Java 17+, found: $(java -version 2>&1 | head -n 1)"; exit 1; }
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

our_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && grep -q 'kafka.Kafka' "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

resolve_jars() {
  [[ -f "$libs/.complete" ]] && return 0
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to fetch the broker's jars"; exit 1; }
  local began rc
  began="$(now)"
  say "resolving Apache Kafka $version and its dependencies from Maven Central into $libs (first run only)…"
  rm -rf "$libs.tmp"
  # Maven keeps what it downloads in ~/.m2, so another clone on this machine only copies.
  set +e
  mvn -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$libs.tmp" 2>&1 \
    | grep -E --line-buffered 'Downloaded from|BUILD|ERROR' | sed -u 's/^/kafka: maven: /'
  rc="${PIPESTATUS[0]}"
  set -e
  if [[ "$rc" != 0 || ! -f "$libs.tmp/kafka_2.13-$version.jar" ]]; then
    say "Maven could not resolve the broker's jars (exit $rc); nothing was cached"
    rm -rf "$libs.tmp"
    exit 1
  fi
  rm -rf "$libs" && mv "$libs.tmp" "$libs"
  touch "$libs/.complete"
  say "$(find "$libs" -name '*.jar' | wc -l) jars, $(du -sh "$libs" | cut -f1) in the cache ($(since "$began") s)"
}

write_config() {
  mkdir -p "$data" "$logs"
  cat > "$cache/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=3
# One broker: internal topics must not ask for more replicas than exist, or consumer groups never form.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
}

format_storage() {
  [[ -f "$data/meta.properties" ]] && return 0
  local cluster_id
  if [[ -s "$cluster_id_file" ]]; then
    cluster_id="$(cat "$cluster_id_file")"
  else
    cluster_id="$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)" || true
    [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || { say "StorageTool random-uuid gave no cluster id: '$cluster_id'"; exit 1; }
    echo "$cluster_id" >"$cluster_id_file"
  fi
  say "formatting KRaft storage in $data (cluster $cluster_id)"
  java -cp "$libs/*" -Dlog4j2.configurationFile="$here/log4j2.yaml" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$cache/server.properties" --standalone >"$logs/format.log" 2>&1 \
    || { cat "$logs/format.log"; exit 1; }
}

ensure() {
  mkdir -p "$cache"
  need_java
  resolve_jars
  write_config
  format_storage
}

start() {
  if our_pid >/dev/null; then say "already running on 127.0.0.1:$port (pid $(our_pid))"; return 0; fi
  if port_open "$port"; then say "already running on 127.0.0.1:$port (not started by this script)"; return 0; fi
  ensure
  local began log
  began="$(now)"
  log="$logs/broker.log"
  # The previous run's log stays as broker.log.1.
  if [[ -s "$log" ]]; then mv -f "$log" "$log.1"; fi
  : >"$log"
  # setsid: the broker keeps running when the shell that started it ends; `stop` ends it by pid.
  # 9>&-: the broker must not inherit (and so hold) the lock.
  # shellcheck disable=SC2086
  setsid nohup java $heap -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/log4j2.yaml" -Dkafka.logs.dir="$logs" \
    -cp "$libs/*" kafka.Kafka "$cache/server.properties" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
  say "starting Apache Kafka $version (pid $!) on 127.0.0.1:$port…"
  # The broker accepts connections before it serves requests: ready = the start-up line is logged
  # (KafkaRaftServer writes it once the broker is unfenced) and the port answers.
  while awk -v a="$began" -v b="$EPOCHREALTIME" -v t="$timeout" 'BEGIN { exit !(b - a < t) }'; do
    if grep -q 'Kafka Server started' "$log" && port_open "$port"; then
      say "ready on 127.0.0.1:$port in $(since "$began") s"
      return 0
    fi
    if ! our_pid >/dev/null; then say "the broker exited after $(since "$began") s"; break; fi
    sleep 0.5
  done
  our_pid >/dev/null && say "the broker was not ready after $timeout s"
  if grep -qE '^\[[^]]*\] (ERROR|FATAL) ' "$log"; then
    say "first errors in $log:"
    grep -m 5 -E '^\[[^]]*\] (ERROR|FATAL) ' "$log" || true
  fi
  say "last lines of $log:"
  tail -n 40 "$log" || true
  stop >/dev/null || true
  exit 1
}

stop() {
  local pid
  if ! pid="$(our_pid)"; then rm -f "$pidfile"; say "not running (nothing to stop)"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "still running after 30 s; killing"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
  say "stopped"
}

status() {
  if our_pid >/dev/null; then say "running on 127.0.0.1:$port (pid $(our_pid))"; return 0; fi
  if port_open "$port"; then say "a broker not started by this script answers on 127.0.0.1:$port"; return 3; fi
  say "not running"
  return 1
}

case "${1:-}" in
  start) lock; start ;;
  stop) lock; stop ;;
  status) status ;;
  ensure) lock; ensure ;;
  *) echo "usage: $0 start|stop|status|ensure" >&2; exit 2 ;;
esac
