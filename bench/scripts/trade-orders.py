#!/usr/bin/env python3
"""Writes a platform's orders for the scale run of issue 14: N orders of `--buyers` buyers over `--shops` shops and
`--days` days before --today (skewed shop popularity), plus `--rings` planted rings of 12-30 accounts buying at 1-3
shops on 3-5 consecutive days. Buyers are SHA-256 hashes with a salt, as platforms report them. Also writes the
shops file. Deterministic for a seed. The rings are planted by this script: a run over them shows throughput and
the plumbing, not detection quality.

  bench/scripts/trade-orders.py --orders 10000000 --out /tmp/scale [--platform scale-mall] [--today 2026-11-30]
"""
import argparse, datetime, hashlib, os, random

p = argparse.ArgumentParser()
p.add_argument("--orders", type=int, required=True)
p.add_argument("--out", required=True)
p.add_argument("--platform", default="scale-mall")
p.add_argument("--shops", type=int, default=20000)
p.add_argument("--buyers", type=int, default=1000000)
p.add_argument("--days", type=int, default=60)
p.add_argument("--rings", type=int, default=20)
p.add_argument("--today", default="2026-11-30")
p.add_argument("--seed", type=int, default=14)
a = p.parse_args()
rnd = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)
today = datetime.date.fromisoformat(a.today)
first = today - datetime.timedelta(days=a.days)
tz = datetime.timezone(datetime.timedelta(hours=8))
salt = b"scale-salt:"
def h(s): return hashlib.sha256(salt + s.encode()).hexdigest()
buyer_hash = {}
def buyer(i):
    v = buyer_hash.get(i)
    if v is None:
        v = buyer_hash[i] = h("u%d" % i)
    return v

with open(os.path.join(a.out, "platforms.csv"), "w") as f:
    f.write("code,name\n%s,规模测试商城\n" % a.platform)
with open(os.path.join(a.out, "shops.csv"), "w") as f:
    f.write("platform,shop_id,shop_name\n")
    for s in range(a.shops):
        f.write("%s,S%06d,规模店铺%d\n" % (a.platform, s, s))
rings = []
for r in range(a.rings):
    accounts = [h("ring-%d-%d" % (r, k)) for k in range(rnd.randint(12, 30))]
    shops = ["S%06d" % rnd.randrange(a.shops // 10, a.shops) for _ in range(rnd.randint(1, 3))]
    days = rnd.randint(3, 5)
    start = rnd.randrange(0, a.days - days)
    rings.append((accounts, shops, start, days))
ring_orders = sum(len(x[0]) * len(x[1]) * x[3] for x in rings)
n = 0
with open(os.path.join(a.out, "orders.csv"), "w") as f, open(os.path.join(a.out, "truth.csv"), "w") as t:
    f.write("order_id,buyer,shop_id,ordered_at,amount\n")
    t.write("order_id\n")
    for accounts, shops, start, days in rings:
        for acc in accounts:
            for s in shops:
                for d in range(start, start + days):
                    at = datetime.datetime.combine(first + datetime.timedelta(days=d), datetime.time(rnd.randrange(24), rnd.randrange(60)), tz)
                    oid = "R%09d" % n
                    f.write("%s,%s,%s,%s,%d.%02d\n" % (oid, acc, s, at.isoformat(), rnd.randrange(10, 300), rnd.randrange(100)))
                    t.write(oid + "\n")
                    n += 1
    for i in range(max(0, a.orders - ring_orders)):
        u = rnd.random()
        s = "S%06d" % int(u * u * a.shops)
        at = datetime.datetime.combine(first + datetime.timedelta(days=rnd.randrange(a.days)), datetime.time(rnd.randrange(24), rnd.randrange(60)), tz)
        f.write("O%09d,%s,%s,%s,%d.%02d\n" % (i, buyer(rnd.randrange(a.buyers)), s, at.isoformat(), rnd.randrange(5, 3000), rnd.randrange(100)))
print("orders %d (ring orders %d in %d rings) in %s" % (max(a.orders, ring_orders), ring_orders, a.rings, a.out))
