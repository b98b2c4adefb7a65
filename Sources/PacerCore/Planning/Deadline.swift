extension ContinuousClock.Instant {
    /// The instant `seconds` after this one, for any number: NaN and negative seconds give this
    /// instant, and anything beyond `PlanOptions.maximumTimeLimit` is cut to it (a conversion of
    /// 1e16 seconds to milliseconds would otherwise trap).
    func adding(seconds: Double) -> ContinuousClock.Instant {
        let bounded = seconds.isNaN ? 0 : Swift.min(Swift.max(seconds, 0), PlanOptions.maximumTimeLimit)
        return self + .milliseconds(Int64((bounded * 1000).rounded()))
    }

    /// The seconds from now until this instant (negative once it has passed).
    var secondsLeft: Double { ContinuousClock().now.duration(to: self).seconds }
}
