# `scripts/ganeti-test-cluster down` (sourced after lib.sh). Safe to run when nothing is up.
# shellcheck shell=bash

cluster_down() {
  require_root
  local started
  started="$(now_ms)"
  if ! is_up && ! netns_exists && [ ! -f "$GNT_FORWARD_PID_FILE" ]; then
    say "nothing is up"
    return 0
  fi
  stop_rapi_relay
  stop_node_processes
  save_logs
  if is_up; then
    restore_machine
  else
    say "no record of what up changed: processes stopped, files left alone"
  fi
  say "down in $(elapsed_since "$started")"
}

stop_rapi_relay() {
  local pid
  pid="$(cat "$GNT_FORWARD_PID_FILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = socat ]; then
    kill "$pid"
    wait_until_gone "$pid"
  fi
  rm -f "$GNT_FORWARD_PID_FILE" "$GNT_RAPI_SOCKET"
}

# Every daemon (and whatever else ran "on the node") lives in the namespace: SIGTERM them all at
# once; daemon-util stop-all would take ~2 s per daemon.
stop_node_processes() {
  netns_exists || return 0
  local pids
  pids="$(ip netns pids "$GNT_NETNS")"
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    # shellcheck disable=SC2086
    wait_until_gone $pids || {
      # shellcheck disable=SC2086
      kill -KILL $(ip netns pids "$GNT_NETNS") 2>/dev/null || true
      sleep 0.2
    }
  fi
  ip netns delete "$GNT_NETNS"
}

# wait_until_gone PID...: up to 5 s; fails if some still run. Zombies count as gone: their
# parent (often PID 1) reaps them in its own time.
wait_until_gone() {
  local pid alive
  for _ in $(seq 50); do
    alive=0
    for pid in "$@"; do
      is_running "$pid" && alive=1
    done
    [ "$alive" = 1 ] || return 0
    sleep 0.1
  done
  return 1
}

is_running() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [ "${stat%% *}" != Z ]
}

save_logs() {
  [ -n "${GNT_SAVE_LOGS:-}" ] || return 0
  mkdir -p "$GNT_SAVE_LOGS"
  cp -a /var/log/ganeti/. "$GNT_SAVE_LOGS/" 2>/dev/null || true
  say "Ganeti logs saved in $GNT_SAVE_LOGS"
}

restore_machine() {
  find /var/lib/ganeti /var/log/ganeti -mindepth 1 -delete
  # ensure-dirs re-owned them to gnt-masterd
  chown "$(marker_get lib_dir_owner)" /var/lib/ganeti
  chmod "$(marker_get lib_dir_mode)" /var/lib/ganeti
  chown "$(marker_get log_dir_owner)" /var/log/ganeti
  chmod "$(marker_get log_dir_mode)" /var/log/ganeti
  rm -rf /run/ganeti "$GNT_FILE_STORAGE_PATHS" "/etc/netns/$GNT_NETNS" "$GNT_OS_DIR/noop" "$GNT_FILE_STORAGE_DIR"
  [ "$(marker_get created_os_dir)" != 1 ] || rm -rf "$GNT_OS_DIR"
  [ "$(marker_get created_srv_ganeti)" != 1 ] || rm -rf /srv/ganeti
  [ "$(marker_get created_etc_netns)" != 1 ] || rmdir /etc/netns 2>/dev/null || true
  if [ "$(marker_get created_run_netns)" = 1 ] && [ -z "$(ls -A /run/netns 2>/dev/null)" ]; then
    # `ip netns add` bind-mounted /run/netns onto itself
    while mountpoint -q /run/netns; do umount /run/netns; done
    rmdir /run/netns
  fi
  [ "$(marker_get generated_ssh_host_keys)" != 1 ] || rm -f /etc/ssh/ssh_host_*_key /etc/ssh/ssh_host_*_key.pub
  rm -f "$GNT_MARKER"
}
