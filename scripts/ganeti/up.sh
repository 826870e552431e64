# `scripts/ganeti-test-cluster up` (sourced after lib.sh).
# shellcheck shell=bash

GNT_PACKAGES=(ganeti socat curl iproute2 openssl)

cluster_up() {
  require_root
  local started
  started="$(now_ms)"
  if is_up; then
    rapi GET /2/info >/dev/null 2>&1 || die "a broken cluster is up: run scripts/ganeti-test-cluster down first"
    say "already up: RAPI at $(rapi_url)"
    return 0
  fi
  install_missing_packages
  refuse_foreign_state
  up_finished=0
  trap '[ "$up_finished" = 1 ] || { say "up failed; undoing it"; cluster_down; }' EXIT
  record_original_state
  create_namespace
  write_node_files
  ensure_ssh_host_key
  init_cluster
  add_rapi_user
  wait_for_rapi
  tune_cluster
  create_instance_network
  start_rapi_relay
  up_finished=1
  say "up in $(elapsed_since "$started"): RAPI at $(rapi_url) (user $GNT_RAPI_USER)"
}

install_missing_packages() {
  local missing=() p
  for p in "${GNT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Without --no-install-recommends ganeti pulls in qemu-kvm, Xen, drbd-utils and debootstrap.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Never take over, nor later wipe, a Ganeti set-up this script did not make.
refuse_foreign_state() {
  local path
  netns_exists && die "network namespace $GNT_NETNS exists already (not made by this script?)"
  [ -z "$(ls -A /var/lib/ganeti 2>/dev/null)" ] || die "/var/lib/ganeti is not empty: a Ganeti cluster seems configured here"
  [ -z "$(ls -A /var/log/ganeti 2>/dev/null)" ] || die "/var/log/ganeti is not empty: move its logs away first"
  for path in "$GNT_FILE_STORAGE_PATHS" "$GNT_OS_DIR/noop" "$GNT_FILE_STORAGE_DIR" "/etc/netns/$GNT_NETNS" /run/ganeti; do
    [ ! -e "$path" ] || die "$path exists already"
  done
}

record_original_state() {
  : >"$GNT_MARKER"
  marker_set forward_port "$GNT_RAPI_FORWARD_PORT"
  marker_set lib_dir_owner "$(stat -c %u:%g /var/lib/ganeti)"
  marker_set lib_dir_mode "$(stat -c %a /var/lib/ganeti)"
  marker_set log_dir_owner "$(stat -c %u:%g /var/log/ganeti)"
  marker_set log_dir_mode "$(stat -c %a /var/log/ganeti)"
  marker_set created_run_netns "$([ -e /run/netns ] && echo 0 || echo 1)"
  marker_set created_etc_netns "$([ -e /etc/netns ] && echo 0 || echo 1)"
  marker_set created_srv_ganeti "$([ -e /srv/ganeti ] && echo 0 || echo 1)"
  marker_set created_os_dir "$([ -e "$GNT_OS_DIR" ] && echo 0 || echo 1)"
}

create_namespace() {
  ip netns add "$GNT_NETNS"
  ip -n "$GNT_NETNS" link set lo up
  # A bridge rather than a dummy device (not available on every kernel); it is also the master
  # netdev and the link of the instance NICs. There is no default route: nothing leaves.
  ip -n "$GNT_NETNS" link add "$GNT_BRIDGE" type bridge
  ip -n "$GNT_NETNS" addr add "$GNT_NODE_IP/$GNT_NODE_PREFIX_LENGTH" dev "$GNT_BRIDGE"
  ip -n "$GNT_NETNS" link set "$GNT_BRIDGE" up
  # Init pings the cluster IP and master-ip-setup fpings it; with no neighbour each waits ~3 s
  # for ARP. Unreachable fails them at once; Ganeti's own address takes precedence once added.
  ip -n "$GNT_NETNS" route add unreachable "$GNT_CLUSTER_IP/32"
}

write_node_files() {
  # `ip netns exec` bind-mounts these over /etc/hosts and /etc/resolv.conf, which stay untouched.
  mkdir -p "/etc/netns/$GNT_NETNS"
  cat >"/etc/netns/$GNT_NETNS/hosts" <<EOF
127.0.0.1 localhost
$GNT_NODE_IP $GNT_NODE_NAME ${GNT_NODE_NAME%%.*}
$GNT_CLUSTER_IP $GNT_CLUSTER_NAME ${GNT_CLUSTER_NAME%%.*}
EOF
  echo "nameserver 127.0.0.1" >"/etc/netns/$GNT_NETNS/resolv.conf"
  echo "$GNT_FILE_STORAGE_DIR" >"$GNT_FILE_STORAGE_PATHS"
  mkdir -p "$GNT_FILE_STORAGE_DIR" "$GNT_OS_DIR/noop"
  install -m 0644 "$helpers/noop-os/ganeti_api_version" "$helpers/noop-os/variants.list" \
    "$helpers/noop-os/parameters.list" "$GNT_OS_DIR/noop/"
  install -m 0755 "$helpers/noop-os/create" "$helpers/noop-os/export" "$helpers/noop-os/import" \
    "$helpers/noop-os/rename" "$helpers/noop-os/verify" "$GNT_OS_DIR/noop/"
}

# gnt-cluster init wants an SSH host public key even with --no-ssh-init (openssh-server makes one).
ensure_ssh_host_key() {
  compgen -G "/etc/ssh/ssh_host_*_key.pub" >/dev/null && return 0
  ssh-keygen -A >/dev/null
  marker_set generated_ssh_host_keys 1
}

init_cluster() {
  local log=/run/gnt-test-cluster-init.log
  if ! on_node gnt-cluster init \
    --enabled-hypervisors=fake \
    --enabled-disk-templates=diskless,file \
    --file-storage-dir="$GNT_FILE_STORAGE_DIR" \
    --master-netdev="$GNT_BRIDGE" \
    --nic-parameters="mode=bridged,link=$GNT_BRIDGE" \
    --ipolicy-vcpu-ratio=32 \
    --no-ssh-init --no-etc-hosts \
    "$GNT_CLUSTER_NAME" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  # The watcher would run from cron in the host namespace, where the node does not resolve.
  on_node gnt-cluster watcher pause 30d >/dev/null
}

add_rapi_user() {
  local users=/var/lib/ganeti/rapi/users
  echo "$GNT_RAPI_USER $GNT_RAPI_PASSWORD write" >"$users"
  chown gnt-rapi:gnt-masterd "$users"
  chmod 0640 "$users"
}

wait_for_rapi() {
  for _ in $(seq 100); do
    rapi GET /2/info >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "the RAPI did not answer within 10 s"
}

tune_cluster() {
  # Lets hail place instances on a single node (its N+1 check fails otherwise). Only RAPI can
  # store null here: the CLI stores True, which then breaks every allocation.
  wait_job "$(rapi PUT /2/modify '{"default_iallocator_params": {"no-capacity-checks": null}}')"
}

# A Ganeti network gives instance NICs their addresses; it is metadata only (nothing configures
# it anywhere), and NICs may use its pool or an explicit address inside it.
create_instance_network() {
  wait_job "$(rapi POST /2/networks "{\"network_name\": \"$GNT_INSTANCE_NETWORK\", \"network\": \"$GNT_INSTANCE_SUBNET\", \"gateway\": \"$GNT_INSTANCE_GATEWAY\"}")"
  wait_job "$(rapi PUT "/2/networks/$GNT_INSTANCE_NETWORK/connect" "{\"group_name\": \"default\", \"network_mode\": \"bridged\", \"network_link\": \"$GNT_BRIDGE\"}")"
}

# The RAPI listens on the namespace's 127.0.0.1:5080 only. Relay the host's 127.0.0.1:<port> to it
# through a Unix socket (the file system is shared): one socat inside the namespace, one outside.
start_rapi_relay() {
  [ "$GNT_RAPI_FORWARD_PORT" != 0 ] || return 0
  rm -f "$GNT_RAPI_SOCKET"
  setsid ip netns exec "$GNT_NETNS" socat "UNIX-LISTEN:$GNT_RAPI_SOCKET,mode=0600,fork" TCP4:127.0.0.1:5080 \
    </dev/null >/dev/null 2>&1 &
  setsid socat "TCP-LISTEN:$GNT_RAPI_FORWARD_PORT,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$GNT_RAPI_SOCKET" \
    </dev/null >/dev/null 2>&1 &
  echo "$!" >"$GNT_FORWARD_PID_FILE"
  for _ in $(seq 50); do
    curl --silent --fail --insecure --max-time 5 --user "$GNT_RAPI_USER:$GNT_RAPI_PASSWORD" \
      "https://127.0.0.1:$GNT_RAPI_FORWARD_PORT/version" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$GNT_FORWARD_PID_FILE")" 2>/dev/null || die "cannot listen on 127.0.0.1:$GNT_RAPI_FORWARD_PORT (in use? set GNT_RAPI_FORWARD_PORT)"
    sleep 0.1
  done
  die "the RAPI relay on 127.0.0.1:$GNT_RAPI_FORWARD_PORT does not answer"
}
