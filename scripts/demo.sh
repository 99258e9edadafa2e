#!/usr/bin/env bash
# Builds Jifen and walks through a day at a fruit shop: HQ on its embedded SQLite, a terminal
# enrolled with it, members, sales (by amount and by scanned items, with promotions and green
# points), points offset, redemptions, a refund, a household transfer, a donation, a statement,
# the day report, and a sync that brings HQ up to date. (The cashier window comes later; this
# is the headless CLI that runs today.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JIFEN_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" "$build" >/dev/null
jifen="$build/bin/jifen"
hq="$build/bin/jifen-hq"
demo="${JIFEN_DEMO_DIR:-$(mktemp -d /tmp/jifen-demo.XXXXXX)}"
export JIFEN_DATA_DIR="$demo/terminal"

step() { printf '\n\033[1m$ jifen %s\033[0m\n' "$*"; "$jifen" "$@" || true; }
hqstep() { printf '\n\033[1m$ jifen-hq %s\033[0m\n' "$*"; "$hq" --db "$demo/hq.db" "$@" || true; }

echo "Demo data: $demo"
"$hq" --db "$demo/hq.db" serve --listen 127.0.0.1:0 >"$demo/hq.log" 2>&1 &
hq_pid=$!
trap 'kill $hq_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q listening "$demo/hq.log" 2>/dev/null && break; sleep 0.1; done
url="http://$(grep -o '127.0.0.1:[0-9]*' "$demo/hq.log" | head -n 1)"
echo "HQ: $(cat "$demo/hq.log")"
code=$("$hq" --db "$demo/hq.db" --json terminal add --store FRUIT-01 --terminal T1 | sed 's/.*"code":"\([^"]*\)".*/\1/')

step init --store FRUIT-01 --terminal T1 --merchant-category fruit
step enroll --hq "$url" --code "$code"
step operator add --name 王店长 --role manager --pin 2468
step operator add --name 小李 --role cashier --pin 1357
step member add --phone 13800138000 --name 张三
step member add --phone 13900139000 --name 李四
step sale --ref S-0001 --phone 13800138000 --amount 1268.50 --cashier 小李
step sale --ref S-0001 --phone 13800138000 --amount 1268.50 --cashier 小李
step sale --ref S-0002 --phone 13800138000 --item 6901000000011:2 --item 6901000000028:1 --item 6901000000042:1 --cashier 小李 --tender wechat
step sale --ref S-0003 --phone 13800138000 --amount 58.00 --offset-points 200
step sale --ref S-0004 --amount 12.00
step catalog list
step redeem --ref R-0001 --phone 13800138000 --reward FRUIT-WASH
step redeem --ref R-0002 --phone 13800138000 --reward CINEMA-TICKET
step refund --ref F-0001 --of S-0001 --amount 268.50
step household create --phone 13800138000
step household add --phone 13800138000 --member 13900139000
step transfer --ref T-0001 --from 13800138000 --to 13900139000 --points 50 --pin 2468
step redeem --ref R-0003 --phone 13800138000 --reward CAT-SCRATCHER
step return-reward --ref RR-0001 --of R-0003
step donate --ref D-0001 --phone 13800138000 --charity STRAY-ANIMALS --points 20
step green --ref G-0001 --phone 13900139000 --action training --pin 2468
step member show --phone 13800138000
step --json member show --phone 13800138000
step sale --ref S-0005 --phone 1380013800 --amount 10
step sale --ref S-0006 --phone 13800138000 --amount 1.234
step statement --phone 13800138000 --month "$(TZ=Asia/Shanghai date +%Y-%m)"
step report day
step verify
step status
step sync
step status
hqstep member show --phone 13800138000
hqstep terminal list
hqstep verify
