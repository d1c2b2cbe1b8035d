import Foundation

/// One result of a ``SphericalIndex`` query.
public struct IndexNeighbour: Hashable, Sendable {
    /// Position of the point in the array the index was built from.
    public let index: Int
    /// Great-circle distance in metres.
    public let distanceMetres: Double
}

/// An exact nearest-neighbour index over points on the sphere.
///
/// A kd-tree over the points' 3-D unit vectors: the straight-line (chord)
/// distance between unit vectors grows with the great-circle distance, so
/// ranking by chord is exact everywhere, including across the antimeridian
/// (Wallis-et-Futuna) and near the poles. Distances are converted to metres
/// only for the returned results. The tree is stored in flat arrays and built
/// once; queries allocate only their result array.
///
/// Ties (points at the same distance) are ordered by their position in the
/// input array.
public struct SphericalIndex: Sendable {
    /// Unit vectors in tree order: x, y, z of node `i` at `3i`, `3i+1`, `3i+2`.
    private let coordinates: [Double]
    /// Input position of node `i`.
    private let identifiers: [Int32]
    /// Split axis (0, 1, 2) of the node at the middle of each range.
    private let axes: [UInt8]

    /// Ranges at most this long are scanned linearly.
    static let bucketSize = 6

    /// Number of points.
    public var count: Int { identifiers.count }

    /// Bytes held by the index's arrays.
    public var memoryFootprint: Int {
        coordinates.capacity * MemoryLayout<Double>.stride + identifiers.capacity * MemoryLayout<Int32>.stride
            + axes.capacity * MemoryLayout<UInt8>.stride
    }

    /// Builds the index (O(n log n)).
    public init(points: [GeoPoint]) {
        var entries = [BuildEntry]()
        entries.reserveCapacity(points.count)
        for (offset, point) in points.enumerated() {
            let v = point.unitVector
            entries.append(BuildEntry(x: v.x, y: v.y, z: v.z, id: Int32(truncatingIfNeeded: offset)))
        }
        var axes = [UInt8](repeating: 0, count: points.count)
        entries.withUnsafeMutableBufferPointer { buffer in
            axes.withUnsafeMutableBufferPointer { axisBuffer in
                SphericalIndex.build(buffer, axisBuffer, 0, buffer.count)
            }
        }
        var coordinates = [Double](repeating: 0, count: points.count * 3)
        var identifiers = [Int32](repeating: 0, count: points.count)
        for (i, entry) in entries.enumerated() {
            coordinates[3 * i] = entry.x
            coordinates[3 * i + 1] = entry.y
            coordinates[3 * i + 2] = entry.z
            identifiers[i] = entry.id
        }
        self.coordinates = coordinates
        self.identifiers = identifiers
        self.axes = axes
    }

    // MARK: Queries

    /// The `count` points nearest to `point`, nearest first.
    /// - Parameters:
    ///   - point: where to search from.
    ///   - k: how many points at most.
    ///   - maxDistanceMetres: only points at most this far (inclusive).
    ///   - accept: only points whose input position passes this test.
    public func nearest(to point: GeoPoint, count k: Int, maxDistanceMetres: Double? = nil,
                        where accept: ((Int) -> Bool)? = nil) -> [IndexNeighbour] {
        guard k > 0, count > 0 else { return [] }
        let k = min(k, count)
        let v = point.unitVector
        let limit = maxDistanceMetres.map(SphericalIndex.squaredChord(forMetres:)) ?? .infinity
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { heapDistances in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: k) { heapIdentifiers in
                coordinates.withUnsafeBufferPointer { coordinates in
                    identifiers.withUnsafeBufferPointer { identifiers in
                        axes.withUnsafeBufferPointer { axes in
                            var search = KNearestSearch(
                                coordinates: coordinates, identifiers: identifiers, axes: axes,
                                qx: v.x, qy: v.y, qz: v.z, capacity: k, limit: limit,
                                heapDistances: heapDistances, heapIdentifiers: heapIdentifiers, accept: accept)
                            search.visit(0, identifiers.count)
                            return search.sortedResults()
                        }
                    }
                }
            }
        }
    }

    /// Every point within `radiusMetres` of `point` (inclusive), nearest first.
    public func within(radiusMetres: Double, of point: GeoPoint) -> [IndexNeighbour] {
        guard radiusMetres >= 0, count > 0 else { return [] }
        let v = point.unitVector
        let limit = SphericalIndex.squaredChord(forMetres: radiusMetres)
        var found: [(Double, Int32)] = []
        coordinates.withUnsafeBufferPointer { coordinates in
            identifiers.withUnsafeBufferPointer { identifiers in
                axes.withUnsafeBufferPointer { axes in
                    SphericalIndex.range(coordinates, identifiers, axes, v.x, v.y, v.z, limit, 0, identifiers.count, &found)
                }
            }
        }
        found.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return found.map { IndexNeighbour(index: Int($0.1), distanceMetres: SphericalIndex.metres(forSquaredChord: $0.0)) }
    }

    // MARK: Distance conversions

    /// Squared chord between unit vectors at great-circle distance `metres` (capped at the antipode).
    static func squaredChord(forMetres metres: Double) -> Double {
        let angle = min(.pi, max(0, metres) / GeoPoint.meanEarthRadiusMetres)
        let chord = 2 * sin(angle / 2)
        // A hair of slack so points exactly at the limit are kept despite rounding.
        return chord * chord * (1 + 1e-12) + 1e-18
    }

    /// Great-circle metres for a squared chord.
    @inline(__always)
    static func metres(forSquaredChord squared: Double) -> Double {
        2 * GeoPoint.meanEarthRadiusMetres * asin(min(1, squared.squareRoot() / 2))
    }

    // MARK: Build

    private struct BuildEntry {
        var x: Double
        var y: Double
        var z: Double
        var id: Int32

        @inline(__always) func value(_ axis: Int) -> Double {
            axis == 0 ? x : (axis == 1 ? y : z)
        }
    }

    private static func build(_ entries: UnsafeMutableBufferPointer<BuildEntry>, _ axes: UnsafeMutableBufferPointer<UInt8>,
                              _ low: Int, _ high: Int) {
        guard high - low > bucketSize else { return }
        var minX = Double.infinity, minY = Double.infinity, minZ = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity, maxZ = -Double.infinity
        // The widest axis, estimated from at most 256 evenly spaced points.
        let step = max(1, (high - low) / 256)
        for i in stride(from: low, to: high, by: step) {
            let e = entries[i]
            minX = Swift.min(minX, e.x); maxX = Swift.max(maxX, e.x)
            minY = Swift.min(minY, e.y); maxY = Swift.max(maxY, e.y)
            minZ = Swift.min(minZ, e.z); maxZ = Swift.max(maxZ, e.z)
        }
        let spreadX = maxX - minX, spreadY = maxY - minY, spreadZ = maxZ - minZ
        let axis = spreadX >= spreadY ? (spreadX >= spreadZ ? 0 : 2) : (spreadY >= spreadZ ? 1 : 2)
        let middle = (low + high) / 2
        select(entries, low, high - 1, middle, axis)
        axes[middle] = UInt8(axis)
        build(entries, axes, low, middle)
        build(entries, axes, middle + 1, high)
    }

    /// Rearranges `entries[low...high]` so the element at `k` is the one a sort
    /// along `axis` would put there, smaller ones before and larger ones after.
    private static func select(_ entries: UnsafeMutableBufferPointer<BuildEntry>, _ low: Int, _ high: Int, _ k: Int, _ axis: Int) {
        var low = low, high = high
        while high > low {
            // Median of three as pivot.
            let mid = low + (high - low) / 2
            let a = entries[low].value(axis), b = entries[mid].value(axis), c = entries[high].value(axis)
            let pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b))
            var i = low, j = high
            while i <= j {
                while entries[i].value(axis) < pivot { i += 1 }
                while entries[j].value(axis) > pivot { j -= 1 }
                if i <= j {
                    entries.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }

    private static func range(_ coordinates: UnsafeBufferPointer<Double>, _ identifiers: UnsafeBufferPointer<Int32>,
                              _ axes: UnsafeBufferPointer<UInt8>, _ qx: Double, _ qy: Double, _ qz: Double,
                              _ limit: Double, _ low: Int, _ high: Int, _ found: inout [(Double, Int32)]) {
        if high - low <= bucketSize {
            for i in low..<high {
                let dx = coordinates[3 * i] - qx, dy = coordinates[3 * i + 1] - qy, dz = coordinates[3 * i + 2] - qz
                let d = dx * dx + dy * dy + dz * dz
                if d <= limit { found.append((d, identifiers[i])) }
            }
            return
        }
        let middle = (low + high) / 2
        let dx = coordinates[3 * middle] - qx, dy = coordinates[3 * middle + 1] - qy, dz = coordinates[3 * middle + 2] - qz
        let d = dx * dx + dy * dy + dz * dz
        if d <= limit { found.append((d, identifiers[middle])) }
        let axis = Int(axes[middle])
        let q = axis == 0 ? qx : (axis == 1 ? qy : qz)
        let diff = q - coordinates[3 * middle + axis]
        if diff <= 0 || diff * diff <= limit { range(coordinates, identifiers, axes, qx, qy, qz, limit, low, middle, &found) }
        if diff >= 0 || diff * diff <= limit { range(coordinates, identifiers, axes, qx, qy, qz, limit, middle + 1, high, &found) }
    }
}

/// State of one k-nearest query: a bounded max-heap of (squared chord, id).
private struct KNearestSearch {
    let coordinates: UnsafeBufferPointer<Double>
    let identifiers: UnsafeBufferPointer<Int32>
    let axes: UnsafeBufferPointer<UInt8>
    let qx: Double, qy: Double, qz: Double
    let capacity: Int
    let limit: Double
    let heapDistances: UnsafeMutableBufferPointer<Double>
    let heapIdentifiers: UnsafeMutableBufferPointer<Int32>
    let accept: ((Int) -> Bool)?
    var size = 0

    init(coordinates: UnsafeBufferPointer<Double>, identifiers: UnsafeBufferPointer<Int32>, axes: UnsafeBufferPointer<UInt8>,
         qx: Double, qy: Double, qz: Double, capacity: Int, limit: Double,
         heapDistances: UnsafeMutableBufferPointer<Double>, heapIdentifiers: UnsafeMutableBufferPointer<Int32>,
         accept: ((Int) -> Bool)?) {
        self.coordinates = coordinates
        self.identifiers = identifiers
        self.axes = axes
        self.qx = qx
        self.qy = qy
        self.qz = qz
        self.capacity = capacity
        self.limit = limit
        self.heapDistances = heapDistances
        self.heapIdentifiers = heapIdentifiers
        self.accept = accept
    }

    /// Squared chord a candidate must beat (or equal, for the id tie-break).
    @inline(__always) var bound: Double { size == capacity ? heapDistances[0] : limit }

    mutating func visit(_ low: Int, _ high: Int) {
        if high - low <= SphericalIndex.bucketSize {
            for i in low..<high { consider(i) }
            return
        }
        let middle = (low + high) / 2
        consider(middle)
        let axis = Int(axes[middle])
        let q = axis == 0 ? qx : (axis == 1 ? qy : qz)
        let diff = q - coordinates[3 * middle + axis]
        if diff < 0 {
            visit(low, middle)
            if diff * diff <= bound { visit(middle + 1, high) }
        } else {
            visit(middle + 1, high)
            if diff * diff <= bound { visit(low, middle) }
        }
    }

    @inline(__always) mutating func consider(_ i: Int) {
        let dx = coordinates[3 * i] - qx, dy = coordinates[3 * i + 1] - qy, dz = coordinates[3 * i + 2] - qz
        let d = dx * dx + dy * dy + dz * dz
        if size == capacity {
            let top = heapDistances[0]
            guard d < top || (d == top && identifiers[i] < heapIdentifiers[0]) else { return }
        } else if d > limit {
            return
        }
        let id = identifiers[i]
        if let accept, !accept(Int(id)) { return }
        if size < capacity {
            push(d, id)
        } else {
            replaceTop(d, id)
        }
    }

    @inline(__always) func greater(_ a: Int, _ b: Int) -> Bool {
        heapDistances[a] > heapDistances[b] || (heapDistances[a] == heapDistances[b] && heapIdentifiers[a] > heapIdentifiers[b])
    }

    mutating func push(_ d: Double, _ id: Int32) {
        var child = size
        heapDistances[child] = d
        heapIdentifiers[child] = id
        size += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard greater(child, parent) else { break }
            heapDistances.swapAt(child, parent)
            heapIdentifiers.swapAt(child, parent)
            child = parent
        }
    }

    mutating func replaceTop(_ d: Double, _ id: Int32) {
        heapDistances[0] = d
        heapIdentifiers[0] = id
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < size else { break }
            var largest = left
            if left + 1 < size, greater(left + 1, left) { largest = left + 1 }
            guard greater(largest, parent) else { break }
            heapDistances.swapAt(largest, parent)
            heapIdentifiers.swapAt(largest, parent)
            parent = largest
        }
    }

    /// Empties the heap into an ascending array (heap sort: the largest goes last).
    mutating func sortedResults() -> [IndexNeighbour] {
        let total = size
        while size > 1 {
            let lastD = heapDistances[size - 1], lastId = heapIdentifiers[size - 1]
            heapDistances[size - 1] = heapDistances[0]
            heapIdentifiers[size - 1] = heapIdentifiers[0]
            size -= 1
            replaceTop(lastD, lastId)
        }
        return [IndexNeighbour](unsafeUninitializedCapacity: total) { buffer, initialized in
            for i in 0..<total {
                buffer.initializeElement(at: i, to: IndexNeighbour(
                    index: Int(heapIdentifiers[i]), distanceMetres: SphericalIndex.metres(forSquaredChord: heapDistances[i])))
            }
            initialized = total
        }
    }
}
