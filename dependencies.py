"""Checks that the Python packages the analysis needs are importable, and says how to get them.

Why: QGIS ships numpy, but shapely (2.x) and pandas are not in every QGIS install (Windows standalone
before 3.34, some Linux packages). A missing package must give the user a message with the command
that fixes it, never a traceback. Nothing here imports the packages at module level.
"""

import importlib
import platform
import sys

#: (import name, pip requirement, minimum version as a tuple)
REQUIREMENTS = (
    ("shapely", "shapely>=2.0,<2.1", (2, 0)),
    ("pandas", "pandas>=1.3", (1, 3)),
)


def _version_tuple(text):
    parts = []
    for piece in str(text).split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def missing_requirements():
    """The pip requirements that are not met: a list of (requirement, reason)."""
    missing = []
    for module, requirement, minimum in REQUIREMENTS:
        try:
            mod = importlib.import_module(module)
        except Exception as exc:  # ImportError, or a broken binary wheel
            missing.append((requirement, f"{module}: {exc}"))
            continue
        version = getattr(mod, "__version__", "0")
        if _version_tuple(version) < minimum:
            missing.append((requirement, f"{module} {version} < {'.'.join(map(str, minimum))}"))
    return missing


def install_command(requirements):
    """The command a user should run for this platform to install ``requirements``."""
    reqs = " ".join(f'"{r}"' for r in requirements)
    system = platform.system()
    if system == "Windows":
        return f"OSGeo4W Shell: python -m pip install {reqs}"
    if system == "Darwin":
        return f"{sys.executable} -m pip install {reqs}"
    pin = ""
    try:
        import numpy

        if _version_tuple(numpy.__version__) < (2, 0):
            pin = ' "numpy<2"'  # keep the distribution's numpy 1.x: its GDAL and scipy need it
    except Exception:
        pass
    # Debian 12, Ubuntu 23.04+ mark the system Python "externally managed" (PEP 668): a --user install
    # needs the flag, and leaves the distribution's own packages untouched.
    managed = ""
    try:
        import sysconfig
        from pathlib import Path

        if (Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists():
            managed = " --break-system-packages"
    except Exception:
        pass
    return f"python3 -m pip install --user{managed} {reqs}{pin}"
