"""Solves a model (MPS) with HiGHS for scripts/bench: prints one JSON line with the solver, its status,
objective (null without a solution), bound (null without one), the seconds spent reading and solving."""
import json
import math
import sys
import time

import highspy

path, limit = sys.argv[1], float(sys.argv[2])
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", limit)
h.setOptionValue("threads", 2)
start = time.time()
h.readModel(path)
# GLPK writes the objective's constant as the objective row's RHS and reads it back so (glp_write_mps);
# HiGHS and OR-Tools read an RHS there as minus the constant, the usual MPS convention. Measured on the
# tiny school's counted model (constant 6,400): glpsol 488, both of these -12,312 = 488 - 2 x 6,400
# before the sign is turned back. (The reference model has no constant.)
h.changeObjectiveOffset(-h.getObjectiveOffset()[1])
read = time.time() - start
h.run()
info = h.getInfo()
status = h.modelStatusToString(h.getModelStatus())


def finite(value):
    return value if math.isfinite(value) else None


objective = finite(info.objective_function_value) if info.primal_solution_status == 2 else None
bound = finite(info.mip_dual_bound)
if status == "Optimal" and bound is None:
    bound = objective  # a model without integer columns: the LP optimum is its own bound
print(json.dumps({"solver": f"HiGHS {h.version()}", "status": status.lower(), "objective": objective, "bound": bound,
                  "read": round(read, 1), "solve": round(time.time() - start - read, 1)}))
