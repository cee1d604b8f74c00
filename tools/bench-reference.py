#!/usr/bin/env python3
"""Independent reference implementation of the `bench` program (PROGRAMS.md section 8).

Written from PROGRAMS.md section 8 and SPEC.md sections 3, 4 and 6 alone, without looking at
the Swift engine, so that it can serve as a test oracle for `loyalty run --rules
rules/bench.rules`.  Standard library only; money is exact (decimal.Decimal built from the
JSON text, never a binary float).

Usage:  python3 tools/bench-reference.py < events.jsonl > decisions.jsonl 2> rejects.jsonl

stdout: one decision per line, exactly the projected fields of PROGRAMS section 8:
    {"event","member","kind":"points","rule","delta","balance"}
    {"event","member","kind":"tier","rule":"bench.tier","from","to"}
    {"event","member","kind":"expire","delta","balance"}
stderr: one line per rejected or duplicate input line, {"line":N,"code":...,"message":...},
    then a final summary line {"summary":{...}}.

See docs/BenchReference.md for the readings chosen where section 8 is not explicit.
"""
import bisect
import decimal
import heapq
import json
import math
import re
import sys
from decimal import Decimal

# Exact arithmetic: large enough that sums/products of input numbers never round in practice.
_ctx = decimal.getcontext()
_ctx.prec = 100000
_ctx.Emax = decimal.MAX_EMAX
_ctx.Emin = decimal.MIN_EMIN
_ctx.traps[decimal.Inexact] = False

PACK = "bench"
YEAR = 365 * 86400                  # lot lifetime and tier window, in seconds
LOCAL_OFFSET = 8 * 3600             # the pack's timezone, +08:00
LIMIT = 10 ** 15                    # amounts, prices, quantities must be < 10^15
EXCLUDED = frozenset(("tobacco", "gift-card"))
PROMO_CATEGORY = "winter-apparel"
TIERS = ("normal", "silver", "gold", "diamond")
FACTORS = (Decimal(1), Decimal("1.2"), Decimal("1.5"), Decimal(2))
THRESHOLDS = ((3, Decimal(10000)), (2, Decimal(5000)), (1, Decimal(1000)))
INTERACTION_POINTS = {"checkin": 5, "share": 10, "review": 15}
REFERRAL_POINTS = 50
KNOWN_TYPES = ("join", "purchase", "refund", "interaction", "recharge", "tick")

TS_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))\Z")


class Reject(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def day_of_month(days):
    """Day of month of the civil date `days` days after 1970-01-01."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    return doy - (153 * mp + 2) // 5 + 1


def month_length(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def parse_timestamp(s):
    """RFC 3339 date-time -> seconds since the epoch (int, or exact Decimal with a fraction)."""
    mt = TS_RE.match(s)
    if mt is None:
        raise Reject("bad-timestamp", f"`at` is not an RFC 3339 timestamp: {s!r}")
    y, mo, d, h, mi, se = (int(mt.group(i)) for i in range(1, 7))
    if not (1 <= mo <= 12 and 1 <= d <= month_length(y, mo) and h <= 23 and mi <= 59 and se <= 59):
        raise Reject("bad-timestamp", f"`at` is out of range: {s!r}")
    off = 0
    if mt.group(9):
        oh, om = int(mt.group(10)), int(mt.group(11))
        if oh > 23 or om > 59:
            raise Reject("bad-timestamp", f"`at` has a bad offset: {s!r}")
        off = (oh * 3600 + om * 60) * (1 if mt.group(9) == "+" else -1)
    t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off
    frac = mt.group(7)
    if frac and frac.strip(".0"):
        return Decimal(t) + Decimal("0" + frac)
    return t


def local_day(t):
    """Local (+08:00) calendar day number of instant t."""
    return math.floor((t + LOCAL_OFFSET) / 86400) if isinstance(t, Decimal) else (t + LOCAL_OFFSET) // 86400


SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def encodable(v):
    """False when a string (key or value) anywhere in v holds an unpaired surrogate."""
    try:
        if isinstance(v, str):
            v.encode("utf-8")
        elif isinstance(v, dict):
            return all(encodable(k) and encodable(x) for k, x in v.items())
        elif isinstance(v, list):
            return all(encodable(x) for x in v)
    except UnicodeEncodeError:
        return False
    return True


def _reject_constant(name):
    raise ValueError(f"not JSON: {name}")


def _parse_int(s):
    return int(s) if len(s) < 200 else Decimal(s)


def is_number(v):
    return (isinstance(v, int) and not isinstance(v, bool)) or isinstance(v, Decimal)


def check_string(s, field):
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        raise Reject("invalid-utf8", f"`{field}` contains an unpaired surrogate")
    return s


def need_string(obj, field):
    if field not in obj:
        raise Reject("missing-field", f"missing `{field}`")
    v = obj[field]
    if not isinstance(v, str):
        raise Reject("wrong-type", f"`{field}` must be a string")
    return check_string(v, field)


def opt_string(obj, field):
    v = obj.get(field)
    if v is None:
        return None
    if not isinstance(v, str):
        raise Reject("wrong-type", f"`{field}` must be a string")
    return check_string(v, field)


def check_amount(v, field):
    if not is_number(v):
        raise Reject("wrong-type", f"`{field}` must be a number")
    if isinstance(v, Decimal) and not v.is_finite():
        raise Reject("bad-amount", f"`{field}` is not finite")
    if v < 0 or v >= LIMIT:
        raise Reject("bad-amount", f"`{field}` must be >= 0 and < 10^15")
    return Decimal(v)


def need_amount(obj, field):
    if field not in obj or obj[field] is None:
        raise Reject("missing-field", f"missing `{field}`")
    return check_amount(obj[field], field)


def opt_whole(obj, field):
    """An optional count of things (points, likes): a whole number, >= 0 and < 10^15."""
    v = obj.get(field)
    if v is None:
        return None
    v = check_amount(v, field)
    if v != v.to_integral_value():
        raise Reject("wrong-type", f"`{field}` must be a whole number")
    return v


DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")


def valid_date(s):
    mt = DATE_RE.match(s)
    if mt is None:
        return False
    y, m, d = (int(g) for g in mt.groups())
    return 1 <= m <= 12 and 1 <= d <= month_length(y, m)


def parse_items(obj, required):
    if "items" not in obj or obj["items"] is None:
        if required:
            raise Reject("missing-field", "missing `items`")
        return []
    items = obj["items"]
    if not isinstance(items, list):
        raise Reject("wrong-type", "`items` must be an array")
    out = []
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            raise Reject("wrong-type", f"`items[{i}]` must be an object")
        need_string(it, "sku")
        cat = need_string(it, "category")
        qty = need_amount(it, "qty")
        price = need_amount(it, "price")
        out.append((cat, qty, price))
    return out


class Lot:
    __slots__ = ("member", "left", "seq")

    def __init__(self, member, left, seq):
        self.member = member
        self.left = left
        self.seq = seq


class Window:
    """A member's purchases sorted by `at`, with the net spend of those after a cutoff."""
    __slots__ = ("entries", "lo", "total", "cutoff")

    def __init__(self):
        self.entries = []       # [at, net] lists, sorted by at (stable)
        self.lo = 0             # first index with at > cutoff
        self.total = Decimal(0)
        self.cutoff = None      # None: minus infinity

    def add(self, entry):
        at = entry[0]
        es = self.entries
        if not es or es[-1][0] <= at:
            es.append(entry)
        else:
            bisect.insort_right(es, entry, key=lambda e: e[0])
        if self.cutoff is None or at > self.cutoff:
            self.total += entry[1]
        else:
            self.lo += 1

    def in_window(self, entry):
        return self.cutoff is None or entry[0] > self.cutoff

    def sum_after(self, cutoff):
        es = self.entries
        self.cutoff = cutoff
        lo = self.lo
        total = self.total
        while lo < len(es) and es[lo][0] <= cutoff:
            total -= es[lo][1]
            lo += 1
        while lo > 0 and es[lo - 1][0] > cutoff:
            lo -= 1
            total += es[lo][1]
        self.lo = lo
        self.total = total
        return total


class Purchase:
    __slots__ = ("member", "amount", "earned", "refunded", "entry")

    def __init__(self, member, amount, earned, entry):
        self.member = member
        self.amount = amount
        self.earned = earned
        self.refunded = Decimal(0)
        self.entry = entry


class Bench:
    def __init__(self, out):
        self.out = out
        self.seen = set()
        self.known = set()              # members named as `member` by an accepted event
        self.balance = {}               # member -> int
        self.tier = {}                  # member -> tier index
        self.lots = {}                  # member -> [Lot] in creation order
        self.heap = []                  # (expires_at, seq, Lot)
        self.seq = 0
        self.purchases = {}             # purchase id -> Purchase
        self.windows = {}               # member -> Window
        self.checkin_days = set()       # (member, local day)
        self.clock = None
        self.counts = {"accepted": 0, "rejected": 0, "duplicate": 0, "decisions": 0}
        self.dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    # --- output -------------------------------------------------------------------------
    def emit(self, d):
        self.out.append(self.dumps(d))
        self.counts["decisions"] += 1

    def points(self, event, member, rule, delta, balance):
        self.emit({"event": event, "member": member, "kind": "points", "rule": f"{PACK}.{rule}",
                   "delta": delta, "balance": balance})

    # --- ledger -------------------------------------------------------------------------
    def award(self, event, member, rule, pts, at):
        if pts == 0:
            return 0
        self.seq += 1
        lot = Lot(member, pts, self.seq)
        self.lots.setdefault(member, []).append(lot)
        heapq.heappush(self.heap, (at + YEAR, self.seq, lot))
        bal = self.balance.get(member, 0) + pts
        self.balance[member] = bal
        self.points(event, member, rule, pts, bal)
        return pts

    def expire_due(self, event, at):
        heap = self.heap
        while heap and heap[0][0] <= at:
            _, _, lot = heapq.heappop(heap)
            if lot.left > 0:
                n = lot.left
                lot.left = 0
                bal = self.balance[lot.member] - n
                self.balance[lot.member] = bal
                self.emit({"event": event, "member": lot.member, "kind": "expire",
                           "delta": -n, "balance": bal})

    def clawback(self, event, member, n):
        lots = self.lots.get(member, [])
        need = n
        i = len(lots) - 1
        while need > 0 and i >= 0:
            lot = lots[i]
            take = min(lot.left, need)
            lot.left -= take
            need -= take
            i -= 1
        while lots and lots[-1].left == 0:
            lots.pop()
        bal = self.balance.get(member, 0) - n
        self.balance[member] = bal
        self.points(event, member, "refund", -n, bal)

    # --- events -------------------------------------------------------------------------
    def validate(self, obj):
        """Everything that can reject a line; returns the parsed event or raises Reject."""
        if not isinstance(obj, dict):
            raise Reject("not-an-event", "a line must be a JSON object")
        eid = need_string(obj, "id")
        etype = need_string(obj, "type")
        if "at" not in obj:
            raise Reject("missing-field", "missing `at`")
        if not isinstance(obj["at"], str):
            raise Reject("wrong-type", "`at` must be a string")
        at = parse_timestamp(obj["at"])
        member = None if etype == "tick" else need_string(obj, "member")
        ev = {"id": eid, "type": etype, "member": member, "at": at}
        if etype == "join":
            ev["referrer"] = opt_string(obj, "referrer")
            birthday = opt_string(obj, "birthday")
            if birthday is not None and not valid_date(birthday):
                raise Reject("wrong-type", f"`birthday` is not a YYYY-MM-DD date: {birthday!r}")
            opt_string(obj, "channel")
        elif etype == "purchase":
            need_string(obj, "store")
            ev["amount"] = need_amount(obj, "amount")
            ev["items"] = parse_items(obj, True)
            opt_whole(obj, "redeem_points")
            coupons = obj.get("coupons")
            if coupons is not None and not (isinstance(coupons, list)
                                            and all(isinstance(c, str) for c in coupons)):
                raise Reject("wrong-type", "`coupons` must be a list of strings")
        elif etype == "refund":
            ev["original"] = need_string(obj, "original")
            ev["amount"] = need_amount(obj, "amount")
            parse_items(obj, False)
        elif etype == "interaction":
            ev["action"] = need_string(obj, "action")
            opt_whole(obj, "count")
        elif etype == "recharge":
            need_amount(obj, "amount")
        if eid in self.seen:
            raise Reject("duplicate", f"event {eid} was already processed")
        if etype == "refund":
            p = self.purchases.get(ev["original"])
            if p is None:
                raise Reject("unknown-original", f"refund of unknown purchase {ev['original']!r}")
            ev["purchase"] = p
        return ev

    def apply(self, ev):
        eid, etype, member, at = ev["id"], ev["type"], ev["member"], ev["at"]
        self.seen.add(eid)
        if self.clock is None or at > self.clock:
            self.clock = at
        self.expire_due(eid, at)
        if etype == "purchase":
            self.purchase(ev)
        elif etype == "refund":
            self.refund(ev)
        elif etype == "interaction":
            pts = INTERACTION_POINTS.get(ev["action"], 0)
            if ev["action"] == "checkin":
                key = (member, local_day(at))
                if key in self.checkin_days:
                    pts = 0
                else:
                    self.checkin_days.add(key)
            self.award(eid, member, ev["action"], pts, at)
        elif etype == "join":
            ref = ev["referrer"]
            if ref is not None and ref != member and ref in self.known:
                self.award(eid, ref, "referral", REFERRAL_POINTS, at)
        if member is not None:
            self.known.add(member)

    def purchase(self, ev):
        eid, member, at = ev["id"], ev["member"], ev["at"]
        tier = self.tier.get(member, 0)
        eligible = Decimal(0)
        promo = Decimal(0)
        for cat, qty, price in ev["items"]:
            if cat not in EXCLUDED:
                eligible += price * qty
            if cat == PROMO_CATEGORY:
                promo += price * qty
        base = int(math.floor(eligible * FACTORS[tier]))
        earned = self.award(eid, member, "base", base, at)
        earned += self.award(eid, member, "promo-triple", int(math.floor(promo)) * 2, at)
        if day_of_month(local_day(at)) == 18:
            earned += self.award(eid, member, "member-day", base, at)
        entry = [at, ev["amount"]]
        self.purchases[eid] = Purchase(member, ev["amount"], earned, entry)
        win = self.windows.get(member)
        if win is None:
            win = self.windows[member] = Window()
        win.add(entry)
        spend = win.sum_after(at - YEAR)
        qualified = 0
        for idx, threshold in THRESHOLDS:
            if spend >= threshold:
                qualified = idx
                break
        if qualified > tier:
            self.tier[member] = qualified
            self.emit({"event": eid, "member": member, "kind": "tier", "rule": f"{PACK}.tier",
                       "from": TIERS[tier], "to": TIERS[qualified]})

    def refund(self, ev):
        p = ev["purchase"]
        r = min(ev["amount"], p.amount - p.refunded)
        if r <= 0:
            return
        p.refunded += r
        p.entry[1] -= r
        win = self.windows[p.member]
        if win.in_window(p.entry):
            win.total -= r
        n = int((p.earned * r) // p.amount)     # floor(E x R / A), exact (all >= 0)
        if n > 0:
            self.clawback(ev["id"], p.member, n)


def main():
    out_lines = []
    bench = Bench(out_lines)
    stdout = sys.stdout
    stderr = sys.stderr
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for n, raw in enumerate(sys.stdin.buffer, 1):
        raw = raw[:-1] if raw.endswith(b"\n") else raw
        try:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise Reject("invalid-utf8", "the line is not valid UTF-8")
            if not text.strip():
                continue            # blank lines are ignored
            try:
                obj = json.loads(text, parse_float=Decimal, parse_int=_parse_int,
                                 parse_constant=_reject_constant)
            except RecursionError:
                raise Reject("too-deep", "JSON nesting is too deep")
            except ValueError as e:
                raise Reject("invalid-json", str(e))
            if SURROGATE_ESCAPE.search(text) and not encodable(obj):
                raise Reject("invalid-utf8", "a string has an unpaired surrogate escape")
            ev = bench.validate(obj)
        except Reject as r:
            key = "duplicate" if r.code == "duplicate" else "rejected"
            bench.counts[key] += 1
            stderr.write(dumps({"line": n, "code": r.code, "message": r.message}) + "\n")
            continue
        bench.counts["accepted"] += 1
        bench.apply(ev)
        if len(out_lines) >= 4096:
            stdout.write("\n".join(out_lines) + "\n")
            out_lines.clear()
    if out_lines:
        stdout.write("\n".join(out_lines) + "\n")
    stdout.flush()
    stderr.write(dumps({"summary": bench.counts}) + "\n")


if __name__ == "__main__":
    main()
