"""Solves a model (MPS) with OR-Tools CP-SAT (2 workers) for scripts/bench: prints one JSON line with the
solver, its status, objective (null without a solution), bound, the seconds spent reading and solving."""
import json
import sys
import time

import ortools
from ortools.linear_solver.python import model_builder

path, limit = sys.argv[1], float(sys.argv[2])
start = time.time()
model = model_builder.Model()
model.import_from_mps_file(path)
# GLPK writes the objective's constant as the objective row's RHS and reads it back so (glp_write_mps);
# HiGHS and OR-Tools read an RHS there as minus the constant, the usual MPS convention. Measured on the
# tiny school's counted model (constant 6,400): glpsol 488, both of these -12,312 = 488 - 2 x 6,400
# before the sign is turned back. (The reference model has no constant.)
model.objective_offset = -model.objective_offset
read = time.time() - start
solver = model_builder.Solver("sat")
solver.set_time_limit_in_seconds(limit)
solver.set_solver_specific_parameters("num_workers:2")
status = solver.solve(model)
found = status in (model_builder.SolveStatus.OPTIMAL, model_builder.SolveStatus.FEASIBLE)
try:  # CP-SAT may prove a bound before it finds a solution
    bound = float(solver.best_objective_bound)  # pandas' NA without one, which float() refuses
except (TypeError, ValueError):
    bound = None
print(json.dumps({"solver": f"CP-SAT {ortools.__version__}",
                  "status": "optimal" if status == model_builder.SolveStatus.OPTIMAL else
                            "time limit" if status == model_builder.SolveStatus.FEASIBLE else status.name.lower(),
                  "objective": solver.objective_value if found else None,
                  "bound": bound,
                  "read": round(read, 1), "solve": round(time.time() - start - read, 1)}))
