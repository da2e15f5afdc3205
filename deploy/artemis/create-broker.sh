#!/bin/sh
# Creates a standalone ActiveMQ Artemis broker instance for the SEDX gateway and puts the sedx.# address
# settings (sedx-address-settings.xml, next to this script) into its etc/broker.xml. See docs/delivery.md.
#
#   ARTEMIS_PASSWORD=… create-broker.sh <artemis-home> <instance-dir> <port> <user>
#
# Login required, no web console, one acceptor on ${ARTEMIS_HOST:-127.0.0.1}:<port>. Run it again at will: an
# existing instance is kept as it is (its journal holds undelivered filings; user, password and port are not
# changed), only the sedx.# address setting is replaced by the current snippet.
set -eu

if [ $# -ne 4 ]; then
  echo "usage: ARTEMIS_PASSWORD=... $0 <artemis-home> <instance-dir> <port> <user>" >&2
  exit 2
fi
home=$1 instance=$2 port=$3 user=$4
: "${ARTEMIS_PASSWORD:?must hold the password of the broker user}"
snippet=$(cd "$(dirname "$0")" && pwd)/sedx-address-settings.xml
broker_xml=$instance/etc/broker.xml

if [ ! -f "$broker_xml" ]; then
  # the password reaches the CLI through a picocli @-file (mode 600), never the command line ps shows
  args=$(mktemp)
  trap 'rm -f "$args"' EXIT
  printf '"--password=%s"\n' "$(printf '%s' "$ARTEMIS_PASSWORD" | sed 's/[\\"]/\\&/g')" >"$args"
  "$home/bin/artemis" create --silent --require-login --no-web --user "$user" "@$args" \
    --host "${ARTEMIS_HOST:-127.0.0.1}" --default-port "$port" \
    --no-amqp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor --no-stomp-acceptor "$instance"
fi

sed '/<address-setting match="sedx\.#">/,/<\/address-setting>/d' "$broker_xml" \
  | sed "/<address-settings>/r $snippet" >"$broker_xml.new"
mv "$broker_xml.new" "$broker_xml"
echo "sedx.# address settings in $broker_xml"
