/// SplitMix64: a small, fast random number generator whose sequence depends only on its seed, so a
/// generated school is the same on every machine and every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, uniformly.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// A roughly normal value (sum of twelve uniforms), mean `mean`, standard deviation `sd`.
    mutating func normal(mean: Double, sd: Double) -> Double {
        let sum = (0..<12).map { _ in Double.random(in: 0..<1, using: &self) }.reduce(0, +)
        return mean + (sum - 6) * sd
    }
}
