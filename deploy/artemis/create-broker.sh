#!/bin/sh
# Creates a standalone ActiveMQ Artemis broker instance for the SEDX gateway and puts the sedx.# address
# settings (sedx-address-settings.xml, next to this script) into its etc/broker.xml. See docs/delivery.md.
#
#   ARTEMIS_PASSWORD=… create-broker.sh <artemis-home> <instance-dir> <port> <user>
#
# Login required, no web console, one acceptor on ${ARTEMIS_HOST:-127.0.0.1}:<port>. Run it again at will: an
# existing instance is kept as it is (its journal holds undelivered filings; user, password and port are not
# changed), only the sedx.# address setting (and, for a pair, the ha-policy) is replaced by the current snippet.
#
# A primary/backup pair with Artemis's own replication (docs/scale-out.md "Broker pair"): run it once on each
# machine, with
#   ARTEMIS_HA=primary|backup           the role of this broker (unset: a single broker, as above)
#   ARTEMIS_PEER=tcp://<host>:<port>    the other broker's acceptor (the cluster connection's static connector)
#   ARTEMIS_CLUSTER_PASSWORD=…          the same on both; the brokers authenticate each other with it
#   ARTEMIS_CLUSTER_USER                default sedx-cluster
# The ha-policy comes from sedx-ha-<role>.xml next to this script: quorum-voting replication, the primary checks
# for an active backup before it activates (check-for-active-server) and does not vote on replication loss, the
# backup does not fail back (allow-failback false): after a failover the old primary restarts as the backup.
set -eu

if [ $# -ne 4 ]; then
  echo "usage: ARTEMIS_PASSWORD=... $0 <artemis-home> <instance-dir> <port> <user>" >&2
  exit 2
fi
home=$1 instance=$2 port=$3 user=$4
: "${ARTEMIS_PASSWORD:?must hold the password of the broker user}"
here=$(cd "$(dirname "$0")" && pwd)
snippet=$here/sedx-address-settings.xml
broker_xml=$instance/etc/broker.xml
ha=${ARTEMIS_HA:-}
case "$ha" in
  '') ;;
  primary|backup)
    : "${ARTEMIS_PEER:?must name the other broker of the pair, tcp://<host>:<port>}"
    : "${ARTEMIS_CLUSTER_PASSWORD:?must hold the cluster password, the same on both brokers}" ;;
  *) echo "ARTEMIS_HA must be primary or backup, not $ha" >&2; exit 2 ;;
esac

# quotes a value for a picocli @-file
quoted() {
  printf '"%s"\n' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
}

if [ ! -f "$broker_xml" ]; then
  # the passwords reach the CLI through a picocli @-file (mode 600), never the command line ps shows
  args=$(mktemp)
  trap 'rm -f "$args"' EXIT
  quoted "--password=$ARTEMIS_PASSWORD" >"$args"
  set -- --user "$user" "@$args"
  if [ -n "$ha" ]; then
    quoted "--cluster-password=$ARTEMIS_CLUSTER_PASSWORD" >>"$args"
    set -- "$@" --replicated --clustered --cluster-user "${ARTEMIS_CLUSTER_USER:-sedx-cluster}" \
      --staticCluster "$ARTEMIS_PEER" --name "sedx-$ha"
    [ "$ha" = backup ] && set -- "$@" --backup
  fi
  "$home/bin/artemis" create --silent --require-login --no-web "$@" \
    --host "${ARTEMIS_HOST:-127.0.0.1}" --default-port "$port" \
    --no-amqp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor --no-stomp-acceptor "$instance"
fi

sed '/<address-setting match="sedx\.#">/,/<\/address-setting>/d' "$broker_xml" \
  | sed "/<address-settings>/r $snippet" >"$broker_xml.new"
mv "$broker_xml.new" "$broker_xml"
echo "sedx.# address settings in $broker_xml"
if [ -n "$ha" ]; then
  sed '/<ha-policy>/,/<\/ha-policy>/d' "$broker_xml" \
    | sed "/<\/cluster-connections>/r $here/sedx-ha-$ha.xml" >"$broker_xml.new"
  mv "$broker_xml.new" "$broker_xml"
  echo "$ha ha-policy in $broker_xml"
fi
