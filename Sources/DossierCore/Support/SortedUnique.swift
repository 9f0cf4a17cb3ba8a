extension Sequence where Element: Comparable {
    /// The elements in ascending order, each once: a sort and one pass, without building a set.
    func sortedUnique() -> [Element] {
        var items = sorted()
        guard var last = items.first else { return items }
        var count = 1
        for i in items.indices.dropFirst() where items[i] != last {
            last = items[i]
            items[count] = last
            count += 1
        }
        items.removeLast(items.count - count)
        return items
    }
}
