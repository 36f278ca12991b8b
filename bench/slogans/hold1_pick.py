# HOLD1's pick, by the rule and the gold directory of its day: see hold_pick.py (python3 bench/slogans/hold_pick.py 1).
import os, runpy, sys

sys.argv = [sys.argv[0], "1"]
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hold_pick.py"), run_name="__main__")
