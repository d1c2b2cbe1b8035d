import Testing
@testable import StationDirectory

@Suite struct SphericalIndexTests {
    /// Latitude/longitude boxes the random queries are drawn from.
    static let regions: [(name: String, lat: ClosedRange<Double>, lon: ClosedRange<Double>)] = [
        ("metropole", 41.3...51.1, -5.2...9.6),
        ("guadeloupe", 15.8...16.6, -61.9...(-61.0)),
        ("martinique", 14.3...14.9, -61.3...(-60.8)),
        ("guyane", 2.1...5.8, -54.6...(-51.6)),
        ("reunion", -21.4...(-20.8), 55.2...55.9),
        ("mayotte", -13.0...(-12.6), 45.0...45.3),
        ("saint-pierre-et-miquelon", 46.7...47.2, -56.5...(-56.1)),
        ("saint-barthelemy", 17.85...17.97, -62.9...(-62.78)),
        ("saint-martin", 18.0...18.13, -63.15...(-62.97)),
        ("wallis-et-futuna", -14.4...(-13.1), -178.3...(-176.0)),
        ("polynesie", -27.7...(-7.8), -154.7...(-134.4)),
        ("nouvelle-caledonie", -22.8...(-19.5), 163.5...168.2),
        ("antimeridian east", -60...60, 179.0...180.0),
        ("antimeridian west", -60...60, -180.0...(-179.0)),
        ("north pole", 85...90, -180...180),
        ("south pole", -90...(-85), -180...180),
        ("anywhere", -90...90, -180...180),
    ]

    /// Checks that the index's answer matches brute force: same ids in the same
    /// order (except inside groups of equal distances), distances within 0.1 m.
    private func expectSameAnswer(_ found: [IndexNeighbour], _ expected: [(index: Int, distance: Double)],
                                  _ context: String) {
        #expect(found.count == expected.count, "\(context): count")
        for rank in 0..<min(found.count, expected.count) {
            #expect(abs(found[rank].distanceMetres - expected[rank].distance) <= 0.1,
                    "\(context) rank \(rank + 1): \(found[rank].distanceMetres) vs \(expected[rank].distance)")
            let tiedBefore = rank > 0 && abs(expected[rank].distance - expected[rank - 1].distance) < 1e-6
            let tiedAfter = rank + 1 < expected.count && abs(expected[rank + 1].distance - expected[rank].distance) < 1e-6
            if !tiedBefore && !tiedAfter {
                #expect(found[rank].index == expected[rank].index, "\(context) rank \(rank + 1)")
            }
        }
    }

    @Test func matchesBruteForceOnTheRealStations() throws {
        let finder = try Bundled.finder()
        let points = finder.stations.map(\.location)
        let index = SphericalIndex(points: points)
        var generator = SeededGenerator(seed: 20_260_325)
        var queries = 0
        for region in SphericalIndexTests.regions {
            for _ in 0..<180 {
                let query = try GeoPoint(latitude: Double.random(in: region.lat, using: &generator),
                                         longitude: Double.random(in: region.lon, using: &generator))
                let k = [1, 5, 10][Int.random(in: 0..<3, using: &generator)]
                expectSameAnswer(index.nearest(to: query, count: k), bruteForceNearest(points, to: query, count: k),
                                 "\(region.name) \(query)")
                queries += 1
            }
        }
        #expect(queries > 3000)
    }

    @Test func matchesBruteForceOnSyntheticPointsWithDuplicates() throws {
        var generator = SeededGenerator(seed: 7)
        var points: [GeoPoint] = []
        for _ in 0..<3000 {
            let region = SphericalIndexTests.regions[Int.random(in: 0..<SphericalIndexTests.regions.count, using: &generator)]
            points.append(try GeoPoint(latitude: Double.random(in: region.lat, using: &generator),
                                       longitude: Double.random(in: region.lon, using: &generator)))
        }
        // Exact duplicates: ties must come back in input order.
        for i in stride(from: 0, to: 300, by: 3) { points.append(points[i]) }
        let index = SphericalIndex(points: points)
        for _ in 0..<1000 {
            let base = points[Int.random(in: 0..<points.count, using: &generator)]
            let query = try GeoPoint(latitude: min(90, max(-90, base.latitude + Double.random(in: -0.5...0.5, using: &generator))),
                                     longitude: min(180, max(-180, base.longitude + Double.random(in: -0.5...0.5, using: &generator))))
            expectSameAnswer(index.nearest(to: query, count: 8), bruteForceNearest(points, to: query, count: 8), "\(query)")
        }
        // A duplicated point queried exactly: both copies at 0 m, lower position first.
        let exact = index.nearest(to: points[0], count: 2)
        #expect(exact.map(\.index) == [0, 3000])
        #expect(exact.allSatisfy { $0.distanceMetres < 1e-6 })
    }

    @Test func withinMatchesBruteForce() throws {
        let finder = try Bundled.finder()
        let points = finder.stations.map(\.location)
        let index = SphericalIndex(points: points)
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<200 {
            let region = SphericalIndexTests.regions[Int.random(in: 0..<12, using: &generator)]
            let query = try GeoPoint(latitude: Double.random(in: region.lat, using: &generator),
                                     longitude: Double.random(in: region.lon, using: &generator))
            let radius = Double.random(in: 1_000...60_000, using: &generator)
            let expected = points.enumerated().filter { query.distance(to: $0.element) <= radius - 0.01 }.map(\.offset)
            let found = index.within(radiusMetres: radius, of: query)
            #expect(Set(expected).isSubset(of: Set(found.map(\.index))))
            #expect(found.allSatisfy { $0.distanceMetres <= radius + 0.01 })
            #expect(found.map(\.distanceMetres) == found.map(\.distanceMetres).sorted())
        }
    }

    @Test func maxDistanceAndPredicateAreExact() throws {
        let finder = try Bundled.finder()
        let points = finder.stations.map(\.location)
        let index = SphericalIndex(points: points)
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let near = index.nearest(to: bordeaux, count: 50, maxDistanceMetres: 4_000)
        #expect(near.count == 3, "Bordeaux, Talence and Le Bouscat are within 4 km")
        let even = index.nearest(to: bordeaux, count: 5) { $0 % 2 == 0 }
        let expected = bruteForceNearest(points, to: bordeaux, count: points.count).filter { $0.index % 2 == 0 }.prefix(5)
        #expect(even.map(\.index) == expected.map(\.index))
    }

    @Test func edgeCases() throws {
        let empty = SphericalIndex(points: [])
        let origin = try GeoPoint(latitude: 0, longitude: 0)
        #expect(empty.nearest(to: origin, count: 3).isEmpty)
        let one = SphericalIndex(points: [try GeoPoint(latitude: 0, longitude: 180)])
        let result = one.nearest(to: try GeoPoint(latitude: 0, longitude: -180), count: 5)
        #expect(result.count == 1)
        #expect(result[0].distanceMetres < 0.01, "180° and -180° are the same meridian")
        #expect(one.nearest(to: origin, count: 0).isEmpty)
        let antipode = one.nearest(to: origin, count: 1)
        #expect(abs(antipode[0].distanceMetres - .pi * GeoPoint.meanEarthRadiusMetres) < 0.1)
    }
}
