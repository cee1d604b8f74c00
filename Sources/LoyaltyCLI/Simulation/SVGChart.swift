import Foundation

/// Small charts drawn as inline SVG in Swift for the HTML report: no scripts, no external
/// files; labelled axes, a legend, and a `<title>` tooltip on every bar and point.
enum SVGChart {
    struct Series {
        var name: String
        var color: String
        var values: [Double]
    }

    /// The report's two colours: the current rules muted, the proposed ones strong.
    static let oldColor = "#9aa5b8"
    static let newColor = "#2563eb"
    static let increaseColor = "#dc2626"
    static let decreaseColor = "#16a34a"
    static let inkColor = "#1f2937"
    static let gridColor = "#e5e7eb"
    static let mutedColor = "#6b7280"

    // MARK: - Line chart

    /// One line per series over `xLabels` (dates), y from zero.
    static func line(xLabels: [String], series: [Series], xAxis: String, yAxis: String, width: Double = 1000, height: Double = 380) -> String {
        let frame = Frame(width: width, height: height, left: 84, right: 24, top: 44, bottom: 64)
        let maximum = series.flatMap(\.values).max() ?? 0
        let ticks = niceTicks(lower: 0, upper: max(maximum, 1))
        let top = ticks.last ?? 1
        let count = xLabels.count
        func x(_ index: Int) -> Double {
            count <= 1 ? frame.left + frame.plotWidth / 2 : frame.left + frame.plotWidth * Double(index) / Double(count - 1)
        }
        func y(_ value: Double) -> Double { frame.bottomEdge - frame.plotHeight * value / top }
        var svg = open(frame, label: "\(yAxis) by \(xAxis)")
        svg += yGrid(ticks, frame: frame, y: y)
        // x labels: at most eight, evenly spread, always the first and the last.
        let labelCount = min(count, 8)
        let labelled = labelCount <= 1 ? Array(0..<count)
            : Array(Set((0..<labelCount).map { Int((Double($0) * Double(count - 1) / Double(labelCount - 1)).rounded()) })).sorted()
        for index in labelled {
            svg += "<line x1=\"\(f(x(index)))\" y1=\"\(f(frame.bottomEdge))\" x2=\"\(f(x(index)))\" y2=\"\(f(frame.bottomEdge + 5))\" stroke=\"\(mutedColor)\"/>"
            // The last label ends at its tick so it stays inside the chart.
            let anchor = index == count - 1 && count > 1 ? "end" : "middle"
            svg += text(xLabels[index], x: x(index), y: frame.bottomEdge + 20, anchor: anchor, size: 12, color: mutedColor)
        }
        svg += axes(frame)
        for item in series {
            let points = item.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"2.25\" stroke-linejoin=\"round\" points=\"\(points)\"/>"
            if count <= 60 {
                for (index, value) in item.values.enumerated() {
                    svg += "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(value)))\" r=\"2.5\" fill=\"\(item.color)\"><title>\(escape("\(item.name) \(xLabels[index]): \(grouped(value))"))</title></circle>"
                }
            }
        }
        svg += axisTitles(frame, x: xAxis, y: yAxis)
        svg += legend(series, x: frame.left, y: 22)
        return svg + "</svg>"
    }

    // MARK: - Grouped bars

    /// Vertical bars, one per series in each group; `groups` label the x axis, `captions`
    /// (optional, same count) a second line under them (e.g. the pack).
    static func groupedBars(groups: [String], captions: [String] = [], series: [Series], xAxis: String, yAxis: String,
                            width: Double = 1000, height: Double = 380) -> String {
        let frame = Frame(width: width, height: height, left: 84, right: 24, top: 44, bottom: captions.isEmpty ? 64 : 80)
        let maximum = series.flatMap(\.values).max() ?? 0
        let ticks = niceTicks(lower: 0, upper: max(maximum, 1))
        let top = ticks.last ?? 1
        func y(_ value: Double) -> Double { frame.bottomEdge - frame.plotHeight * value / top }
        var svg = open(frame, label: "\(yAxis) by \(xAxis)")
        svg += yGrid(ticks, frame: frame, y: y)
        let slot = frame.plotWidth / Double(max(groups.count, 1))
        let barWidth = min(48, slot * 0.72 / Double(max(series.count, 1)))
        for (group, name) in groups.enumerated() {
            let center = frame.left + slot * (Double(group) + 0.5)
            let start = center - barWidth * Double(series.count) / 2
            for (index, item) in series.enumerated() where group < item.values.count {
                let value = item.values[group]
                let x = start + barWidth * Double(index)
                svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(y(value)))\" width=\"\(f(barWidth - 2))\" height=\"\(f(frame.bottomEdge - y(value)))\" fill=\"\(item.color)\">"
                svg += "<title>\(escape("\(name), \(item.name): \(grouped(value))"))</title></rect>"
                if barWidth >= 22 {
                    svg += text(compact(value), x: x + barWidth / 2, y: y(value) - 4, anchor: "middle", size: 11, color: inkColor)
                }
            }
            svg += text(name, x: center, y: frame.bottomEdge + 20, anchor: "middle", size: 12, color: inkColor)
            if group < captions.count, group == 0 || captions[group] != captions[group - 1] {
                svg += text(captions[group], x: center, y: frame.bottomEdge + 36, anchor: "middle", size: 11, color: mutedColor)
            }
        }
        svg += axes(frame)
        svg += axisTitles(frame, x: xAxis, y: yAxis)
        svg += legend(series, x: frame.left, y: 22)
        return svg + "</svg>"
    }

    // MARK: - Diverging bars

    /// Horizontal bars around zero, one per label: increases red, decreases green.
    static func divergingBars(labels: [String], values: [Double], axis: String, width: Double = 1000) -> String {
        let rowHeight = 30.0
        let labelWidth = min(300, max(120, Double(labels.map { $0.count }.max() ?? 10) * 7.5 + 16))
        let height = 44 + rowHeight * Double(max(labels.count, 1)) + 56
        let frame = Frame(width: width, height: height, left: labelWidth, right: 90, top: 44, bottom: 56)
        let lowest = min(0, values.min() ?? 0)
        let highest = max(0, values.max() ?? 0)
        let ticks = niceTicks(lower: lowest, upper: highest > lowest ? highest : lowest + 1)
        let low = ticks.first ?? 0
        let high = ticks.last ?? 1
        func x(_ value: Double) -> Double { frame.left + frame.plotWidth * (value - low) / (high - low) }
        var svg = open(frame, label: axis)
        for tick in ticks {
            svg += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(frame.top))\" x2=\"\(f(x(tick)))\" y2=\"\(f(frame.bottomEdge))\" stroke=\"\(gridColor)\"/>"
            svg += text(compact(tick, signed: true), x: x(tick), y: frame.bottomEdge + 18, anchor: "middle", size: 12, color: mutedColor)
        }
        for (index, label) in labels.enumerated() where index < values.count {
            let value = values[index]
            let top = frame.top + rowHeight * Double(index)
            let from = x(min(0, value))
            let to = x(max(0, value))
            let color = value > 0 ? increaseColor : decreaseColor
            svg += text(label, x: frame.left - 10, y: top + rowHeight / 2 + 4, anchor: "end", size: 12, color: inkColor)
            svg += "<rect x=\"\(f(from))\" y=\"\(f(top + 6))\" width=\"\(f(max(to - from, value == 0 ? 0 : 1)))\" height=\"\(f(rowHeight - 12))\" fill=\"\(color)\" rx=\"2\">"
            svg += "<title>\(escape("\(label): \(grouped(value, signed: true))"))</title></rect>"
            let outside = value >= 0 ? to + 6 : from - 6
            svg += text(grouped(value, signed: true), x: outside, y: top + rowHeight / 2 + 4, anchor: value >= 0 ? "start" : "end", size: 12, color: inkColor)
        }
        svg += "<line x1=\"\(f(x(0)))\" y1=\"\(f(frame.top - 4))\" x2=\"\(f(x(0)))\" y2=\"\(f(frame.bottomEdge))\" stroke=\"\(inkColor)\" stroke-width=\"1.25\"/>"
        svg += text(axis, x: frame.left + frame.plotWidth / 2, y: height - 12, anchor: "middle", size: 13, color: inkColor)
        svg += legend([Series(name: "costs more", color: increaseColor, values: []), Series(name: "costs less", color: decreaseColor, values: [])],
                      x: frame.left, y: 22)
        return svg + "</svg>"
    }

    // MARK: - Pieces

    struct Frame {
        var width, height, left, right, top, bottom: Double
        var plotWidth: Double { width - left - right }
        var plotHeight: Double { height - top - bottom }
        var bottomEdge: Double { height - bottom }
    }

    static func open(_ frame: Frame, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(frame.width)) \(f(frame.height))\" width=\"100%\" role=\"img\" aria-label=\"\(escape(label))\" font-family=\"inherit\">"
    }

    static func yGrid(_ ticks: [Double], frame: Frame, y: (Double) -> Double) -> String {
        ticks.map { tick in
            "<line x1=\"\(f(frame.left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(frame.width - frame.right))\" y2=\"\(f(y(tick)))\" stroke=\"\(gridColor)\"/>"
                + text(compact(tick), x: frame.left - 8, y: y(tick) + 4, anchor: "end", size: 12, color: mutedColor)
        }.joined()
    }

    static func axes(_ frame: Frame) -> String {
        "<line x1=\"\(f(frame.left))\" y1=\"\(f(frame.bottomEdge))\" x2=\"\(f(frame.width - frame.right))\" y2=\"\(f(frame.bottomEdge))\" stroke=\"\(inkColor)\"/>"
            + "<line x1=\"\(f(frame.left))\" y1=\"\(f(frame.top))\" x2=\"\(f(frame.left))\" y2=\"\(f(frame.bottomEdge))\" stroke=\"\(inkColor)\"/>"
    }

    static func axisTitles(_ frame: Frame, x: String, y: String) -> String {
        let middle = frame.top + frame.plotHeight / 2
        return text(x, x: frame.left + frame.plotWidth / 2, y: frame.height - 10, anchor: "middle", size: 13, color: inkColor)
            + "<text x=\"18\" y=\"\(f(middle))\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(inkColor)\" transform=\"rotate(-90 18 \(f(middle)))\">\(escape(y))</text>"
    }

    static func legend(_ series: [Series], x: Double, y: Double) -> String {
        var svg = ""
        var left = x
        for item in series {
            svg += "<rect x=\"\(f(left))\" y=\"\(f(y - 10))\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(item.color)\"/>"
            svg += text(item.name, x: left + 20, y: y + 1, anchor: "start", size: 13, color: inkColor)
            left += 20 + Double(item.name.count) * 7.5 + 24
        }
        return svg
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String, size: Int, color: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(color)\">\(escape(content))</text>"
    }

    /// Round tick values covering `lower...upper`: steps of 1, 2 or 5 × 10^k, about `count` of them.
    static func niceTicks(lower: Double, upper: Double, count: Int = 5) -> [Double] {
        guard upper > lower else { return [lower, lower + 1] }
        let rough = (upper - lower) / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = floor(lower / step) * step
        let last = ceil(upper / step) * step
        return stride(from: first, through: last + step / 2, by: step).map { abs($0) < step / 1e6 ? 0 : $0 }
    }

    /// Axis numbers: `950`, `12k`, `1.5M`.
    static func compact(_ value: Double, signed: Bool = false) -> String {
        let sign = value < 0 ? "-" : signed && value > 0 ? "+" : ""
        let size = abs(value)
        let body: String
        switch size {
        case 1_000_000...: body = trimmed(size / 1_000_000) + "M"
        case 10_000...: body = trimmed(size / 1_000) + "k"
        default: body = size == size.rounded() ? grouped(size) : String(format: "%.2f", size)
        }
        return sign + body
    }

    private static func trimmed(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Whole numbers with separators, other numbers with two decimals (yuan).
    static func grouped(_ value: Double, signed: Bool = false) -> String {
        if value == value.rounded(), abs(value) < 9e15 {
            return signed ? ReportFormat.signed(Int64(value)) : ReportFormat.grouped(Int64(value))
        }
        let cents = Int64((value * 100).rounded())
        let text = ReportFormat.grouped(Int64(cents.magnitude / 100)) + String(format: ".%02d", Int(cents.magnitude % 100))
        return cents < 0 ? "-" + text : signed && cents > 0 ? "+" + text : text
    }

    /// Coordinates with at most one decimal.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
