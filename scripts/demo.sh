#!/usr/bin/env bash
# Builds Jifen and runs a fruit shop against a local HQ on its embedded SQLite: HQ gets a
# published rule set (version 2) and this month's green allowance for the terminal; the terminal
# is initialised, enrolled, given operators and members, rings up a few sales and syncs. Then:
#   - with a display ($DISPLAY or $WAYLAND_DISPLAY): opens the cashier app jifen-pos on that
#     terminal, connected to HQ (HQ stops when the window closes);
#   - without one: says so and walks the headless CLI through the rest of a day (offset,
#     redemptions, a refund, a household transfer, a donation, a statement, the day report, sync).
# Idempotent: each run uses a fresh directory unless JIFEN_DEMO_DIR names one, and every step
# carries a reference, so running it again over the same directory changes nothing twice.
# JIFEN_DEMO_HEADLESS=1 forces the CLI walk-through even with a display.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JIFEN_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" "$build" >/dev/null
jifen="$build/bin/jifen"
hq="$build/bin/jifen-hq"
pos="$build/bin/jifen-pos"
demo="${JIFEN_DEMO_DIR:-$(mktemp -d /tmp/jifen-demo.XXXXXX)}"
mkdir -p "$demo"
export JIFEN_DATA_DIR="$demo/terminal"

step() { printf '\n\033[1m$ jifen %s\033[0m\n' "$*"; "$jifen" "$@" || true; }
hqstep() { printf '\n\033[1m$ jifen-hq %s\033[0m\n' "$*"; "$hq" --db "$demo/hq.db" "$@" || true; }

echo "Demo data: $demo"
# The same port on every run over one directory: the enrolled terminal keeps HQ's address.
listen="127.0.0.1:$(cat "$demo/hq.port" 2>/dev/null || echo 0)"
"$hq" --db "$demo/hq.db" serve --listen "$listen" >"$demo/hq.log" 2>&1 &
hq_pid=$!
trap 'kill $hq_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q listening "$demo/hq.log" 2>/dev/null && break; sleep 0.1; done
url="http://$(grep -o '127.0.0.1:[0-9]*' "$demo/hq.log" | head -n 1)"
echo "${url##*:}" >"$demo/hq.port"
echo "HQ: $(cat "$demo/hq.log")"

# HQ's demo data: the program's rule set v2 (the default, renamed for the season), the merchant
# and its budget, and this month's allowance for T1. Publishing the same version again is refused, harmlessly.
sed -e 's/"version": 1,/"version": 2,/' -e 's/"name": "[^"]*"/"name": "冬季规则 demo winter rules"/' \
    "$root/resources/rules/default.json" >"$demo/rules-v2.json"
hqstep rules publish --file "$demo/rules-v2.json"
month="$(TZ=Asia/Shanghai date +%Y-%m)"
if [ ! -f "$demo/terminal/jifen.db" ]; then
    code=$("$hq" --db "$demo/hq.db" --json terminal add --store FRUIT-01 --terminal T1 | sed 's/.*"code":"\([^"]*\)".*/\1/')
fi
# The merchant, its store and this month's budget: HQ splits the budget into terminal allowances.
hqstep merchant add --merchant M-FRUIT --name 红米水果 --category fruit
hqstep store add --store FRUIT-01 --merchant M-FRUIT --name 一号店
hqstep budget set --merchant M-FRUIT --month "$month" --points 100000
hqstep allowance set --terminal T1 --month "$month" --points 20000

step init --store FRUIT-01 --terminal T1 --merchant-category fruit
[ -n "${code:-}" ] && step enroll --hq "$url" --code "$code"
step operator add --name 王店长 --role manager --pin 2468
step operator add --name 小李 --role cashier --pin 1357
step member add --phone 13800138000 --name 张三
step member add --phone 13900139000 --name 李四
step member add --phone 13700137000 --name 王五 --kind person
step sale --ref S-0001 --phone 13800138000 --amount 1268.50 --cashier 小李
step sale --ref S-0002 --phone 13800138000 --item 6901000000011:2 --item 6901000000028:1 --item 6901000000042:1 --cashier 小李 --tender wechat
step sale --ref S-0003 --phone 13900139000 --amount 326.00 --cashier 小李 --tender alipay
step sync
step status

if [ -z "${JIFEN_DEMO_HEADLESS:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    printf '\n\033[1m$ jifen-pos --data-dir %s --cashier 小李\033[0m\n' "$JIFEN_DATA_DIR"
    echo "The cashier window is open (manager PIN 2468, members 13800138000 and 13900139000); HQ runs until it closes."
    "$pos" --data-dir "$JIFEN_DATA_DIR" --cashier 小李 --store-name 鲜果铺
    exit 0
fi
echo
echo "No display (neither DISPLAY nor WAYLAND_DISPLAY is set): the cashier window jifen-pos needs one."
echo "Running the headless CLI demo instead. On a machine with a screen, run this script again there."

step sale --ref S-0001 --phone 13800138000 --amount 1268.50 --cashier 小李  # the same ref again: recorded once
step sale --ref S-0013 --phone 13800138000 --amount 58.00 --offset-points 200
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
