# Helpers shared by the commands of scripts/ganeti-test-cluster (sourced after settings.sh).
# shellcheck shell=bash

say() { echo "ganeti-test-cluster: $*" >&2; }
die() { say "$*"; exit 1; }

require_root() { [ "$(id -u)" = 0 ] || die "must run as root"; }

now_ms() { date +%s%3N; }
elapsed_since() { local ms=$(($(now_ms) - $1)); printf '%d.%03d s' $((ms / 1000)) $((ms % 1000)); }

netns_exists() { [ -e "/run/netns/$GNT_NETNS" ]; }

# The marker records what `up` created and how the things it changed were before, for `down`.
is_up() { [ -f "$GNT_MARKER" ]; }
require_up() { is_up || die "not up (run: scripts/ganeti-test-cluster up)"; }
marker_set() { echo "$1=$2" >>"$GNT_MARKER"; }
marker_get() { sed -n "s/^$1=//p" "$GNT_MARKER" 2>/dev/null | tail -n 1; }

on_node() { "$helpers/on-node" "$@"; }

# rapi METHOD PATH [BODY]: one RAPI call from inside the namespace; prints the response body.
rapi() {
  local body=()
  [ "$#" -lt 3 ] || body=(-H 'Content-Type: application/json' --data "$3")
  ip netns exec "$GNT_NETNS" curl --silent --show-error --fail --insecure --max-time 30 \
    --user "$GNT_RAPI_USER:$GNT_RAPI_PASSWORD" --request "$1" "${body[@]}" "https://127.0.0.1:5080$2"
}

json_field() { /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# wait_job ID: waits until the job is final and fails unless it succeeded.
wait_job() {
  local status
  for _ in $(seq 300); do
    status="$(rapi GET "/2/jobs/$1" | json_field status)"
    case "$status" in
      success) return 0 ;;
      error | canceled) die "job $1 ended with $status: $(rapi GET "/2/jobs/$1")" ;;
    esac
    sleep 0.1
  done
  die "job $1 did not finish within 30 s"
}

rapi_url() {
  local port
  port="$(marker_get forward_port)"
  # Without the relay the RAPI is reachable only from inside the namespace (exec … or on-node).
  [ "${port:-0}" != 0 ] || port=5080
  echo "https://127.0.0.1:$port"
}

cluster_env() {
  require_up
  local fingerprint
  fingerprint="$(openssl x509 -in /var/lib/ganeti/rapi.pem -noout -fingerprint -sha256 | sed 's/.*=//; s/://g')"
  printf 'export CYCLADES_TEST_GANETI_URL=%q\n' "$(rapi_url)"
  printf 'export CYCLADES_TEST_GANETI_USER=%q\n' "$GNT_RAPI_USER"
  printf 'export CYCLADES_TEST_GANETI_PASSWORD=%q\n' "$GNT_RAPI_PASSWORD"
  printf 'export CYCLADES_TEST_GANETI_CERT_SHA256=%q\n' "$fingerprint"
  printf 'export CYCLADES_TEST_GANETI_NODE=%q\n' "$GNT_NODE_NAME"
  printf 'export CYCLADES_TEST_GANETI_NETWORK=%q\n' "$GNT_INSTANCE_NETWORK"
  printf 'export CYCLADES_TEST_GANETI_SUBNET=%q\n' "$GNT_INSTANCE_SUBNET"
  printf 'export CYCLADES_TEST_GANETI_SCRIPT=%q\n' "$(cd "$helpers/.." && pwd)/ganeti-test-cluster"
}

cluster_status() {
  require_root
  if ! is_up; then
    say "down"
    return 3
  fi
  if rapi GET /2/info >/dev/null; then
    say "up: RAPI at $(rapi_url), $(ip netns pids "$GNT_NETNS" | wc -l) processes in namespace $GNT_NETNS"
    return 0
  fi
  say "up, but the RAPI does not answer (scripts/ganeti-test-cluster down, then up, rebuilds it)"
  return 1
}
