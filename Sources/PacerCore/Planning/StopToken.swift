import GLPK

/// A flag another thread (a signal handler, a web request) sets to stop a run: the search ends
/// with its best plan. It is GLPK's own, named here so that front ends need only PacerCore.
public typealias StopToken = GLPK.StopToken
