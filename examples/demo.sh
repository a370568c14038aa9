#!/usr/bin/env bash
# The main job on the built-in simulator: check the example spec, then plan, apply and plan
# again against a freshly installed simulated cluster (EMS, 2 SN pairs, 512 diskless nodes).
# Run from the repository root after `./mvnw -B -DskipTests package`.
set -euo pipefail
hasnctl() { bin/hasnctl "$@"; }
# The example's TEAL node reads its DB2 password from here (teal.password: env:XCATDB_PASSWORD).
export XCATDB_PASSWORD="${XCATDB_PASSWORD:-try-it}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/cluster.yaml "$work/cluster.yaml"
target="sim:$work/cluster.json"

echo "== hasnctl validate"
hasnctl validate "$work/cluster.yaml"
echo "== hasnctl plan (a fresh cluster: nothing of HASN configured yet)"
hasnctl plan "$work/cluster.yaml" --target "$target" --no-color | sed -n '1,24p;/^Plan:/p'
echo "== hasnctl apply"
hasnctl apply "$work/cluster.yaml" --target "$target" --auto-approve --no-color | tail -n 4
echo "== hasnctl plan, again"
hasnctl plan "$work/cluster.yaml" --target "$target" --detailed-exitcode
