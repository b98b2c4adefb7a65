"""Solves a reference model (MPS) with OR-Tools CP-SAT for the benchmark; prints objective, bound and seconds."""
import sys
import time

from ortools.linear_solver.python import model_builder

path, limit = sys.argv[1], float(sys.argv[2])
model = model_builder.Model()
model.import_from_mps_file(path)
solver = model_builder.Solver("sat")
solver.set_time_limit_in_seconds(limit)
solver.set_solver_specific_parameters("num_workers:2")
start = time.time()
status = solver.solve(model)
seconds = time.time() - start
if status in (model_builder.SolveStatus.OPTIMAL, model_builder.SolveStatus.FEASIBLE):
    name = "optimal" if status == model_builder.SolveStatus.OPTIMAL else "time limit"
    print(f"CP-SAT: {name}, objective {solver.objective_value:.0f}, bound {solver.best_objective_bound:.0f}, {seconds:.1f} s")
else:
    print(f"CP-SAT: {status.name.lower()}, no solution, {seconds:.1f} s")
