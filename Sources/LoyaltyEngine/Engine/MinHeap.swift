/// An element that knows whether it comes before another.
protocol HeapOrdered: Sendable {
    func precedes(_ other: Self) -> Bool
}

/// A binary min-heap (generic, so specialised per element type: no existentials).
struct MinHeap<Element: HeapOrdered>: Sendable {
    private(set) var elements: [Element] = []

    var first: Element? { elements.first }
    var count: Int { elements.count }

    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[child].precedes(elements[parent]) else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    /// Drops the elements matching `condition` (rare: a rollback that removed new members).
    mutating func removeAll(where condition: (Element) -> Bool) {
        let kept = elements.filter { !condition($0) }
        guard kept.count != elements.count else { return }
        elements = []
        for element in kept { push(element) }
    }

    mutating func popFirst() -> Element? {
        guard !elements.isEmpty else { return nil }
        let top = elements[0]
        let last = elements.removeLast()
        if !elements.isEmpty {
            elements[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < elements.count, elements[left].precedes(elements[smallest]) { smallest = left }
                if right < elements.count, elements[right].precedes(elements[smallest]) { smallest = right }
                if smallest == parent { break }
                elements.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
