#!/usr/bin/env bash
# Builds Jifen and walks through a day at a fruit shop with the `jifen` terminal CLI, on a fresh
# data directory: enrol a member, sell, offset with points, redeem, refund, verify the ledger.
# (The cashier window and HQ server come with later work; this is what runs today.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JIFEN_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" "$build" >/dev/null
jifen="$build/bin/jifen"
export JIFEN_DATA_DIR="${JIFEN_DEMO_DIR:-$(mktemp -d /tmp/jifen-demo.XXXXXX)}"

step() { printf '\n\033[1m$ jifen %s\033[0m\n' "$*"; "$jifen" "$@" || true; }

echo "Demo terminal data: $JIFEN_DATA_DIR"
step init --store FRUIT-01 --terminal T1 --merchant-category fruit
step operator add --name 王店长 --role manager --pin 2468
step member add --phone 13800138000 --name 张三
step sale --ref S-0001 --phone 13800138000 --amount 268.50
step sale --ref S-0001 --phone 13800138000 --amount 268.50
step sale --ref S-0002 --phone 13800138000 --amount 58.00 --offset-points 200
step sale --ref S-0003 --amount 12.00
step catalog list
step redeem --ref R-0001 --phone 13800138000 --reward FRUIT-WASH
step redeem --ref R-0002 --phone 13800138000 --reward CINEMA-TICKET
step refund --ref F-0001 --of S-0001 --amount 68.50
step member show --phone 13800138000
step --json member show --phone 13800138000
step sale --ref S-0004 --phone 1380013800 --amount 10
step sale --ref S-0005 --phone 13800138000 --amount 1.234
step verify
step journal --after 5
