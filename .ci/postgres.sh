#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL server for the store's tests, and creates the test
# database and role. Prints nothing on success but the JDBC URL. Idempotent: safe to run twice.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -p $port" && break
  sleep 1
done
su postgres -c "psql -q -p $port -tc \"SELECT 1 FROM pg_roles WHERE rolname='sedx'\" | grep -q 1 || psql -q -p $port -c \"CREATE ROLE sedx LOGIN PASSWORD 'sedx-test-only'\"" >&2
su postgres -c "psql -q -p $port -tc \"SELECT 1 FROM pg_database WHERE datname='sedx_test'\" | grep -q 1 || createdb -p $port -O sedx sedx_test" >&2
echo "jdbc:postgresql://127.0.0.1:$port/sedx_test"
