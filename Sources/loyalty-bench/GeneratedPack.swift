/// A realistic pack of about 200 lines for the load benchmark: the benchmark program's
/// header (params, lets, a tier ladder), then rules of the kinds merchants write, varied
/// so no two are alike.
enum GeneratedPack {
    static func text(lines target: Int = 200) -> String {
        var lines = [
            "# Generated for loyalty-bench: parse, check and compile time of a 200-line pack.",
            "pack generated \"Generated benchmark pack\"",
            "timezone \"+08:00\"",
            "allow negative balance",
            "",
            "param factor   = {\"normal\": 1, \"silver\": 1.2, \"gold\": 1.5, \"diamond\": 2}",
            "param excluded = [\"tobacco\", \"gift-card\"]",
            "param lifetime = days(365)",
            "",
            "let eligible = event.items.filter(i, !(i.category in excluded))",
            "let base_points = floor(eligible.map(i, i.price * i.qty).sum() * factor[member.tier])",
            "",
            "tiers normal < silver < gold < diamond",
            "  silver  when member.spend(days(365)) >= 1000",
            "  gold    when member.spend(days(365)) >= 5000",
            "  diamond when member.spend(days(365)) >= 10000",
            "  upgrade immediately",
            "  downgrade never",
            "",
            "rule base on purchase",
            "  award base_points points expiring in lifetime",
            "  reason \"1 point per yuan\"",
        ]
        var index = 0
        while lines.count < target {
            index += 1
            lines.append("")
            lines.append(contentsOf: rule(index))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `index`th generated rule, cycling through five shapes.
    private static func rule(_ index: Int) -> [String] {
        switch index % 5 {
        case 0:
            return [
                "rule category-\(index) on purchase when event.amount >= \(index * 10)",
                "  award floor(event.items.filter(i, i.category == \"cat-\(index)\").map(i, i.price * i.qty).sum() * \(index % 3 + 1)) points",
                "  expiring in days(\(90 + index))",
                "  reason \"category promotion \(index)\"",
            ]
        case 1:
            return [
                "rule weekday-\(index) on purchase when event.at.getDayOfWeek() == \(index % 7) && event.amount > \(index).50",
                "  award round(event.amount * 0.\(index % 9 + 1)) points expiring in lifetime",
            ]
        case 2:
            return [
                "rule action-\(index) on interaction when event.action == \"act-\(index)\"",
                "  once per day",
                "  award \(index % 20 + 1) points expiring in lifetime",
            ]
        case 3:
            return [
                "rule store-\(index) on purchase when has(event.store) && event.store.startsWith(\"S-\(index)\")",
                "  && event.items.exists(i, i.qty > \(index % 4) && !(i.category in excluded))",
                "  award max(1, floor(event.amount / \(index % 5 + 2).0)) points",
                "  cap \(index * 100) points per month",
            ]
        default:
            return [
                "rule tiered-\(index) on purchase when member.tier in [\"gold\", \"diamond\"] && event.at.getHours() >= \(index % 24)",
                "  award ceil(base_points * 0.\(index % 9 + 1)) points expiring in days(\(180 + index))",
            ]
        }
    }
}
