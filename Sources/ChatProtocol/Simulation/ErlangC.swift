import Foundation

/// The Erlang C queueing formulas (M/M/c): the reference the stationary simulation is checked against.
public enum ErlangC {
    /// The probability that an arrival waits, with `servers` servers and `load` = arrival rate × mean
    /// handling time (in Erlangs). 1 when the system is overloaded (`load ≥ servers`).
    public static func probabilityOfWaiting(servers: Int, load: Double) -> Double {
        guard servers > 0, load > 0 else { return 0 }
        guard load < Double(servers) else { return 1 }
        // Erlang B by the stable recurrence, then C from B.
        var b = 1.0
        for k in 1...servers {
            b = load * b / (Double(k) + load * b)
        }
        let rho = load / Double(servers)
        return b / (1 - rho + rho * b)
    }

    /// The share of arrivals taken within `seconds`: `1 − C · exp(−(c·μ − λ)·t)`.
    ///
    /// - Parameters:
    ///   - servers: simultaneous conversations the team can run.
    ///   - arrivalsPerHour: λ.
    ///   - meanHandleSeconds: 1/μ.
    ///   - seconds: the wait to measure against (e.g. 120 s).
    public static func serviceLevel(servers: Int, arrivalsPerHour: Double, meanHandleSeconds: Double, within seconds: Double) -> Double {
        let lambda = arrivalsPerHour / 3_600
        let load = lambda * meanHandleSeconds
        guard load < Double(servers) else { return 0 }
        let waiting = probabilityOfWaiting(servers: servers, load: load)
        let rate = Double(servers) / meanHandleSeconds - lambda
        return 1 - waiting * exp(-rate * seconds)
    }
}
