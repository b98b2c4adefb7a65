"""Solves a reference model (MPS) with HiGHS for the benchmark; prints objective, bound and seconds."""
import sys
import time

import highspy

path, limit = sys.argv[1], float(sys.argv[2])
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", limit)
h.setOptionValue("threads", 2)
h.readModel(path)
start = time.time()
h.run()
info = h.getInfo()
status = h.modelStatusToString(h.getModelStatus())
objective = info.objective_function_value if info.primal_solution_status == 2 else float("nan")
print(f"HiGHS: {status}, objective {objective:.0f}, bound {info.mip_dual_bound:.0f}, {time.time() - start:.1f} s")
