#!/usr/bin/env python3
"""Builds the real-case suites from the collected data (published enforcement cases and lawful listings).

Input: cases.jsonl and lawful.jsonl as collected (one JSON object a line, with their source URLs; see NOTES.md).
Output: dev.jsonl and heldout.jsonl in the engine's suite format, one case a line:
  {"id", "text", "category", "family", "accept", "source"}
The split is made once, by the SHA-256 of the source URL (every case of one publication falls on the same side),
about 60 % development and 40 % held out. Tune only on dev.jsonl; report both. Run again only to rebuild the same
split from the same input (it is deterministic); never to re-draw it.
"""
import hashlib
import json
import sys
from pathlib import Path

# the product category a case names → the engine's product category
CATEGORY = {"普通食品": "food", "保健食品": "health_food", "药品": "drug", "医疗器械": "medical_device",
            "医疗服务": "general", "化妆品": "cosmetics", "教育培训": "education", "金融投资": "investment",
            "房地产": "real_estate", "其他": "general", None: "general", "": "general"}

# the finding categories that count as catching a family (empty: any finding above hint counts)
ACCEPT = {
    "absolute_terms": ["absolute_term"],
    "food_medical_claim": ["medical_claim"],
    "cosmetics_claim": ["medical_claim", "cosmetics_efficacy"],
    "pandemic": ["medical_claim", "health_food_claim", "medical_ad"],
    "health_food": ["health_food_claim", "medical_claim"],
    "drug_ad": ["medical_ad", "medical_claim"],
    "medical_device": ["medical_ad", "medical_claim"],
    "medical_service": ["medical_ad", "medical_claim"],
    "education_guarantee": ["education_promise"],
    "finance_guarantee": ["investment_promise"],
    "real_estate": ["real_estate_promise", "superstition", "absolute_term"],
    "superstition": ["superstition"],
    "vulgar": ["vulgar"],
    "endorsement_ranking": ["unsourced_claim", "absolute_term", "state_symbol", "medical_ad"],
}


ENGINE = {"general", "food", "health_food", "cosmetics", "drug", "medical_device", "education", "investment",
          "real_estate", "seed", "agrochemical", "apparel", "electronics", "agricultural_product"}


def category(value):
    if value in ENGINE:
        return value
    return CATEGORY.get(value, "general")


def record(row):
    if isinstance(row, dict):
        return row
    raise ValueError("not a JSON object: %r" % (row,))


def side(url, text):
    key = (url or text).encode("utf-8")
    return "dev" if int(hashlib.sha256(key).hexdigest(), 16) % 10 < 6 else "heldout"


def main(data_dir, out_dir):
    data = Path(data_dir)
    out = {"dev": [], "heldout": []}
    for row in map(json.loads, (data / "cases.jsonl").read_text(encoding="utf-8").splitlines()):
        r = record(row)
        out[side(r.get("source_url"), r["text"])].append({
            "id": r["id"], "text": r["text"], "category": category(r.get("category")),
            "family": r["family"], "accept": ACCEPT.get(r["family"], []), "source": r.get("source_url")})
    for row in map(json.loads, (data / "lawful.jsonl").read_text(encoding="utf-8").splitlines()):
        r = record(row)
        out[side(r.get("source_url"), r["text"])].append({
            "id": r["id"], "text": r["text"], "category": category(r.get("category")),
            "family": "lawful", "kind": r.get("kind"), "accept": [], "source": r.get("source_url"),
            "written": bool(r.get("written"))})
    for name, rows in out.items():
        with open(Path(out_dir) / (name + ".jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(rows), "cases", sum(1 for r in rows if r["family"] == "lawful"), "lawful")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/issue17", sys.argv[2] if len(sys.argv) > 2 else str(Path(__file__).parent))
