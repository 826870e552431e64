# Settings of the Ganeti test cluster (sourced by scripts/ganeti-test-cluster and its helpers).
# Every value can be overridden from the environment.
# shellcheck shell=bash

GNT_NETNS="${GNT_NETNS:-gnt}"
GNT_BRIDGE="${GNT_BRIDGE:-gnt-br0}"
GNT_NODE_NAME="${GNT_NODE_NAME:-node1.ganeti.test}"
GNT_NODE_IP="${GNT_NODE_IP:-198.51.100.10}"
GNT_NODE_PREFIX_LENGTH="${GNT_NODE_PREFIX_LENGTH:-24}"
GNT_CLUSTER_NAME="${GNT_CLUSTER_NAME:-cluster.ganeti.test}"
GNT_CLUSTER_IP="${GNT_CLUSTER_IP:-198.51.100.100}"

# Instance NICs get their addresses from this Ganeti network (pure metadata: nothing configures it).
GNT_INSTANCE_NETWORK="${GNT_INSTANCE_NETWORK:-snf-test-net}"
GNT_INSTANCE_SUBNET="${GNT_INSTANCE_SUBNET:-203.0.113.0/24}"
GNT_INSTANCE_GATEWAY="${GNT_INSTANCE_GATEWAY:-203.0.113.1}"

GNT_RAPI_USER="${GNT_RAPI_USER:-gnt-test}"
GNT_RAPI_PASSWORD="${GNT_RAPI_PASSWORD:-gnt-test-pass}"
# Port on the host's 127.0.0.1 relayed to the RAPI inside the namespace; 0 = no relay.
GNT_RAPI_FORWARD_PORT="${GNT_RAPI_FORWARD_PORT:-5080}"

GNT_FILE_STORAGE_DIR=/srv/ganeti/file-storage
GNT_OS_DIR=/srv/ganeti/os
GNT_FILE_STORAGE_PATHS=/etc/ganeti/file-storage-paths
GNT_MARKER=/run/gnt-test-cluster.env
GNT_FORWARD_PID_FILE=/run/gnt-test-rapi-forward.pid
GNT_RAPI_SOCKET=/run/gnt-test-rapi.sock
GNT_FAKE_HYPERVISOR_DIR=/var/run/ganeti/fake-hypervisor
