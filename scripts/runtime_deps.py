"""Give a Python interpreter the runtime packages of the plugin (shapely 2.x API, pandas), the way the
plugin itself tells users to (dependencies.install_plan): the distribution's packages when they fit,
else pip wheels that keep the distribution's numpy. Never compiles anything.

Usage (from the Makefile):
  runtime_deps.py --apt                the apt packages this machine's system Python still needs
  runtime_deps.py --numpy-constraint   a pip constraint pinning numpy to the installed version
  runtime_deps.py --venv               pip-install into the running (virtual environment's) Python what
                                       is missing and not coming from apt
  runtime_deps.py --user               the same for a user's QGIS: apt (with sudo) then pip --user
"""

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dependencies():
    """The plugin's dependencies.py, loaded by path (the plugin package itself needs QGIS)."""
    spec = importlib.util.spec_from_file_location("friches_dependencies", ROOT / "dependencies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--apt", action="store_true")
    group.add_argument("--numpy-constraint", action="store_true")
    group.add_argument("--venv", action="store_true")
    group.add_argument("--user", action="store_true")
    args = parser.parse_args(argv)
    deps = _dependencies()
    missing = [name for name, _why in deps.missing_requirements()]
    plan = dict(deps.install_plan(missing))

    if args.numpy_constraint:
        version = deps.system_numpy_version()
        print(f"numpy=={version}" if version else "")
        return 0
    if args.apt:
        print(" ".join(plan.get("apt", [])))
        return 0
    if args.venv:
        if plan.get("pip"):
            print(">>> pip install " + " ".join(plan["pip"]), flush=True)
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *plan["pip"]], check=True)
        still = deps.missing_requirements()
        for _name, why in still:
            print(f"!!! {why}", file=sys.stderr)
        return 1 if still else 0
    # --user: what `make install` does for the QGIS of this user
    if plan.get("apt"):
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "install", "-y", *plan["apt"]], check=True)
    if plan.get("pip"):
        flags = ["--user"]
        if deps._externally_managed_flag():
            flags.append("--break-system-packages")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *flags, *plan["pip"]], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
