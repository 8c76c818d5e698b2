#!/usr/bin/env python3
# Copied unchanged (below this note) from ../shared/eval/score.py, the project's scorer, so that
# the golden corpus test runs on a clean clone without ../shared.
"""Scores plan extractions against gold annotations (see ../CONTRACT.md).

    score.py GOLD_DIR PRED_DIR [--verbose] [--json]

GOLD_DIR and PRED_DIR hold one <stem>.json per document.  A missing or unreadable
prediction counts as an empty one.  Prints precision / recall / F1 per field group,
and their macro average as the last line.  Standard library only.
"""
import argparse, json, re, sys, unicodedata
from difflib import SequenceMatcher
from pathlib import Path

# ---------------------------------------------------------------- normalisation
_TONE_MOVE = {}  # old-style "oà" -> "òa" etc. at the end of a syllable (not after q)
for base, marks in (("a", "àáảãạ"), ("e", "èéẻẽẹ")):
    for i, m in enumerate(marks):
        _TONE_MOVE["o" + m] = "òóỏõọ"[i] + base
for i, m in enumerate("ỳýỷỹỵ"):
    _TONE_MOVE["u" + m] = "ùúủũụ"[i] + "y"
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_TONE_MOVE) + r")(?![a-zà-ỹ])")

_ABBREV = [  # whole-word expansions, applied after lower-casing
    (r"ubnd", "ủy ban nhân dân"), (r"hđnd", "hội đồng nhân dân"), (r"mttqvn", "mặt trận tổ quốc việt nam"),
    (r"mttq", "mặt trận tổ quốc"), (r"uỷ", "ủy"), (r"tp", "thành phố"), (r"hđtđkt", "hội đồng thi đua khen thưởng"),
    (r"lđtbxh", "lao động thương binh và xã hội"), (r"tt&tt", "thông tin và truyền thông"), (r"tt", "thường trực"),
    (r"pct", "phó chủ tịch"), (r"ct", "chủ tịch"), (r"bcđ", "ban chỉ đạo"), (r"bcd", "ban chỉ đạo"),
]

def norm(s):
    """Lower-cased, NFC, one tone style, abbreviations expanded, punctuation dropped."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).lower()
    s = _TONE_RE.sub(lambda m: _TONE_MOVE[m.group(1)], s)
    s = re.sub(r"[“”\"'‘’«»()\[\]*_:;,.!?/–—-]", " ", s)
    for short, full in _ABBREV:
        s = re.sub(rf"(?<![\wà-ỹđ]){re.escape(short)}(?![\wà-ỹđ])", full, s)
    return " ".join(s.split())

def names(v):
    """A gold name field may be one string or a list of accepted strings."""
    if v is None:
        return []
    return [v] if isinstance(v, str) else [x for x in v if x]

def name_match(gold, pred, soft=True):
    """Pred matches if it equals an accepted gold name, or (soft) nearly so / contains it."""
    p = norm(pred if isinstance(pred, str) else (names(pred) or [""])[0])
    if not p:
        return not names(gold)
    for g in map(norm, names(gold)):
        if g == p:
            return True
        if not soft or (" phó " in f" {g} ") != (" phó " in f" {p} "):  # chủ tịch is not phó chủ tịch
            continue
        short, long_ = sorted((g, p), key=len)
        if SequenceMatcher(None, g, p).ratio() >= 0.88 or (len(short) >= 8 and long_.startswith(short + " ")):
            return True
    return False

def code(v):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", str(v))).upper().replace("Đ", "Đ") if v not in (None, "") else None

def date(v):
    return str(v).strip() if v not in (None, "") else None

# ---------------------------------------------------------------- matching
class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
    def add(self, tp, fp, fn):
        self.tp += tp; self.fp += fp; self.fn += fn
    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

def match_lists(gold, pred, same):
    """Greedy one-to-one matching; returns (pairs, unmatched gold, unmatched pred)."""
    left = list(pred)
    pairs, missed = [], []
    for g in gold:
        for i, p in enumerate(left):
            if same(g, p):
                pairs.append((g, p)); del left[i]; break
        else:
            missed.append(g)
    return pairs, missed, left

def flat_sections(sections, parent=None, depth=1, out=None):
    out = [] if out is None else out
    for s in sections or []:
        out.append((depth, parent, str(s.get("label", "")).strip().rstrip(".)"), s.get("title")))
        if depth < 2:
            flat_sections(s.get("children"), str(s.get("label", "")).strip().rstrip(".)"), depth + 1, out)
    return out

def score_doc(gold, pred, tallies, notes):
    def field(group, ok, what):
        tallies.setdefault(group, Tally()).add(int(ok), int(not ok), int(not ok))
        if not ok:
            notes.append(f"{group}: {what}")

    gd, pd = gold.get("document") or {}, pred.get("document") or {}
    for k in ("doc_type", "number", "symbol"):
        field("document", code(gd.get(k)) == code(pd.get(k)), f"{k} gold={gd.get(k)!r} pred={pd.get(k)!r}")
    for k in ("issued",):
        field("document", date(gd.get(k)) == date(pd.get(k)), f"{k} gold={gd.get(k)!r} pred={pd.get(k)!r}")
    field("document", name_match(gd.get("place"), pd.get("place"), soft=False), f"place gold={gd.get('place')!r} pred={pd.get('place')!r}")
    field("document", name_match(gd.get("issuer"), pd.get("issuer")), f"issuer gold={gd.get('issuer')!r} pred={pd.get('issuer')!r}")
    field("document", SequenceMatcher(None, norm(gd.get("title")), norm(pd.get("title"))).ratio() >= 0.9,
          f"title gold={gd.get('title')!r} pred={pd.get('title')!r}")

    gm, pm = gold.get("movement") or {}, pred.get("movement") or {}
    accepted = [gm.get("name")] + list(gm.get("name_alternatives") or [])
    field("movement", any(SequenceMatcher(None, norm(a), norm(pm.get("name"))).ratio() >= 0.9 for a in accepted if a) or (not gm.get("name") and not pm.get("name")),
          f"name gold={gm.get('name')!r} pred={pm.get('name')!r}")
    gp, pp = gm.get("period") or {}, pm.get("period") or {}
    for k in ("start", "end"):
        field("movement", date(gp.get(k)) == date(pp.get(k)), f"period.{k} gold={gp.get(k)!r} pred={pp.get(k)!r}")

    def ref_key(r):
        return (r.get("relation"), code(r.get("doc_type")), code(r.get("number")), code(r.get("symbol")), date(r.get("issued")))
    pairs, missed, extra = match_lists(gold.get("references") or [], pred.get("references") or [], lambda g, p: ref_key(g) == ref_key(p))
    tallies.setdefault("references", Tally()).add(len(pairs), len(extra), len(missed))
    notes += [f"references: missed {ref_key(g)}" for g in missed] + [f"references: extra {ref_key(p)}" for p in extra]
    for g, p in pairs:
        if names(g.get("issuer")):  # an issuer the text does not name is not scored
            field("reference_issuer", name_match(g.get("issuer"), p.get("issuer")), f"issuer of {ref_key(g)} gold={g.get('issuer')!r} pred={p.get('issuer')!r}")

    gs, ps = flat_sections(gold.get("sections")), flat_sections(pred.get("sections"))
    for depth, group in ((1, "sections"), (2, "subsections")):
        g1 = [s for s in gs if s[0] == depth]
        p1 = [s for s in ps if s[0] == depth]
        if depth == 1:
            same = lambda g, p: g[2] == p[2] and SequenceMatcher(None, norm(g[3]), norm(p[3])).ratio() >= 0.9
        else:
            same = lambda g, p: g[1] == p[1] and g[2] == p[2]
        pairs, missed, extra = match_lists(g1, p1, same)
        tallies.setdefault(group, Tally()).add(len(pairs), len(extra), len(missed))
        notes += [f"{group}: missed {g[1:]}" for g in missed] + [f"{group}: extra {p[1:]}" for p in extra]

    dkey = lambda d: (date(d.get("due")), (d.get("recurrence") or None))
    pairs, missed, extra = match_lists(gold.get("deadlines") or [], pred.get("deadlines") or [], lambda g, p: dkey(g) == dkey(p))
    tallies.setdefault("deadlines", Tally()).add(len(pairs), len(extra), len(missed))
    notes += [f"deadlines: missed {dkey(g)} {g.get('text', '')[:70]!r}" for g in missed] + [f"deadlines: extra {dkey(p)} {str(p.get('text', ''))[:70]!r}" for p in extra]
    for g, p in pairs:
        if g.get("responsible"):
            got = names(p.get("responsible"))
            ok = all(any(name_match(r, x) for x in got) for r in names(g.get("responsible")))
            field("deadline_responsible", ok, f"responsible of {dkey(g)} gold={g.get('responsible')!r} pred={got!r}")

    akey = lambda a: norm(a.get("form"))
    pairs, missed, extra = match_lists(gold.get("awards") or [], pred.get("awards") or [],
        lambda g, p: akey(g) == akey(p) and (name_match(g.get("authority"), p.get("authority")) if names(g.get("authority")) else not names(p.get("authority"))))
    tallies.setdefault("awards", Tally()).add(len(pairs), len(extra), len(missed))
    notes += [f"awards: missed {g.get('form')} / {g.get('authority')}" for g in missed] + [f"awards: extra {p.get('form')} / {p.get('authority')}" for p in extra]

    pairs, missed, extra = match_lists(gold.get("assignments") or [], pred.get("assignments") or [], lambda g, p: name_match(g.get("body"), p.get("body")))
    tallies.setdefault("assignments", Tally()).add(len(pairs), len(extra), len(missed))
    notes += [f"assignments: missed {g.get('body')}" for g in missed] + [f"assignments: extra {p.get('body')}" for p in extra]
    for g, p in pairs:
        field("assignment_role", g.get("role") == p.get("role"), f"role of {names(g.get('body'))[:1]} gold={g.get('role')} pred={p.get('role')}")

    pairs, missed, extra = match_lists(gold.get("criteria") or [], pred.get("criteria") or [],
        lambda g, p: (not names(g.get("target")) and not p.get("target"))
        or any(SequenceMatcher(None, norm(a), norm((names(p.get("target")) or [""])[0])).ratio() >= 0.85 for a in names(g.get("target"))))
    tallies.setdefault("criteria", Tally()).add(len(pairs), len(extra), len(missed))
    notes += [f"criteria: missed target {g.get('target')!r}" for g in missed] + [f"criteria: extra target {p.get('target')!r}" for p in extra]

    pairs, missed, extra = match_lists(gold.get("recipients") or [], pred.get("recipients") or [], lambda g, p: name_match(g.get("name"), p.get("name"), soft=False) or SequenceMatcher(None, norm(g.get("name")), norm(p.get("name"))).ratio() >= 0.9)
    tallies.setdefault("recipients", Tally()).add(len(pairs), len(extra), len(missed))
    notes += [f"recipients: missed {g.get('name')!r}" for g in missed] + [f"recipients: extra {p.get('name')!r}" for p in extra]

    gsig, psig = gold.get("signer") or {}, pred.get("signer") or {}
    field("signer", norm(gsig.get("name")) == norm(psig.get("name")), f"name gold={gsig.get('name')!r} pred={psig.get('name')!r}")
    field("signer", norm(gsig.get("title")) == norm(psig.get("title")), f"title gold={gsig.get('title')!r} pred={psig.get('title')!r}")

GROUPS = ["document", "movement", "references", "reference_issuer", "sections", "subsections", "deadlines",
          "deadline_responsible", "assignments", "assignment_role", "criteria", "awards", "recipients", "signer"]

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("pred_dir", type=Path)
    ap.add_argument("--verbose", action="store_true", help="list every miss and extra per document")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    a = ap.parse_args(argv)
    tallies, report = {}, {}
    for gf in sorted(a.gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pf = a.pred_dir / gf.name
        try:
            pred = json.loads(pf.read_text(encoding="utf-8"))
            if not isinstance(pred, dict):
                raise ValueError("not an object")
        except Exception as e:
            pred = {}
            report[gf.stem] = [f"no usable prediction: {e}"]
        notes = report.setdefault(gf.stem, [])
        score_doc(gold, pred, tallies, notes)
    rows = {g: tallies[g].prf() for g in GROUPS if g in tallies}
    macro = sum(f for _, _, f in rows.values()) / len(rows) if rows else 0.0
    if a.json:
        print(json.dumps({"groups": {g: dict(zip(("p", "r", "f1"), v)) for g, v in rows.items()}, "macro_f1": macro, "misses": report}, ensure_ascii=False, indent=1))
        return 0
    if a.verbose:
        for stem, notes in report.items():
            for n in notes:
                print(f"{stem}  {n}")
        print()
    print(f"{'group':22} {'P':>6} {'R':>6} {'F1':>6}   (tp/fp/fn)")
    for g, (p, r, f) in rows.items():
        t = tallies[g]
        print(f"{g:22} {p:6.3f} {r:6.3f} {f:6.3f}   ({t.tp}/{t.fp}/{t.fn})")
    print(f"macro F1 over {len(rows)} groups: {macro:.3f}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
