/// `loyalty help packs`: the pack language on one screen, for merchants who know what they
/// want and need the words (docs/Packs.md has the whole story).
enum PackCheatSheet {
    static let text = #"""
    The pack language — one file per program, rules/NAME.rules (full guide: docs/Packs.md)

    declarations (start in column 1; # starts a comment)
      pack supermarket "Supermarket points card"     required, first
      timezone "+08:00"                              or "Asia/Shanghai"; default UTC
      allow negative balance                         refunds may take balances below 0
      param factor = {"normal": 1, "gold": 1.5}      fixed; change per run: --set PACK.factor=2
      let spend = floor(event.amount)                computed per event
      var visits = 0                                 per member: read member.visits
      account growth "成长值"                        another balance beside points

    tiers (indented lines under the ladder)
      tiers normal < silver < gold
        silver when member.spend(days(365)) >= 1000
        upgrade immediately                          or: upgrade at review
        downgrade at review                          or: downgrade never (the default)
        review quarterly                             daily | monthly | quarterly | yearly

    rules (run in file order; clauses indented under the rule)
      rule base on purchase when event.amount > 0
        award floor(event.amount) points expiring in days(365)
        reason "消费积分"
    hooks: purchase join refund interaction recharge CUSTOM_TYPE | daily monthly quarterly
           yearly birthday | inactive days(90) | tier_change

    clauses
      award N ACCOUNT [to ID] [expiring in DURATION | on TIME | never] [reason "…"]
      deduct N ACCOUNT [from ID]              redeem N points worth 0.01 each [up to CAP]
      grant "coupon:200-50" [times N] [worth V] [expiring …] [to ID]
      raise tier to "gold" [expiring in days(450)]      set tier "silver"
      set visits = member.visits + 1          let x = …        when CONDITION
      once [per day|week|month|quarter|year|event.ref]  cap 500 points per day   stop

    reading
      event.amount  event.items.map(i, i.price * i.qty).sum()  has(event.referrer)
      member.tier  member.points  member.spend(days(365))  member.spend("month")
      member.purchases(days(30))  member.actions(days(30), "checkin")  is_member(ID)
      floor(x) round(x) ceil(x)  days(n)  event.at.getDate()  string(x)  int(x)

    next: loyalty check · loyalty fmt · loyalty explain CODE
    """#
}
