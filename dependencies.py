"""Checks that the Python packages the analysis needs are usable, and says how to get them.

Why: QGIS ships numpy, but shapely (with its 2.x vectorised API) and pandas are not in every QGIS
install (Debian 12 ships shapely 1.8, Windows standalone before 3.34 none). A missing package must give
the user a message with a command that works on *their* platform, never a traceback.

Packages are judged by what they can do, not by their version string: Debian's own shapely 2.2
reports ``__version__ == "0+unknown"``, yet offers everything the plugin calls. The install plan
prefers the distribution's package when it is recent enough (it links the same GEOS and numpy as
QGIS and needs no compiler), and otherwise a pip wheel that keeps the distribution's numpy.
``scripts/runtime_deps.py`` applies the same plan for ``make``. Nothing here imports the packages at
module level, nor anything of QGIS.
"""

import importlib
import platform
import sys
from pathlib import Path

#: The shapely 2.x vectorised functions the plugin calls (a shapely without one of them cannot work).
SHAPELY_API = (
    "STRtree", "area", "bounds", "box", "buffer", "contains_xy", "from_wkb", "from_wkt", "get_coordinates",
    "get_parts", "get_rings", "get_type_id", "intersection", "is_empty", "linestrings", "make_valid",
    "points", "polygons", "to_wkb", "union_all",
)
#: pip requirement when no distribution package fits: shapely 2.0.x wheels carry GEOS 3.11, the GEOS that
#: QGIS 3.22 loads into the same process on Debian 12 (2.1 wheels, GEOS 3.13, fail inside QGIS 3.22).
SHAPELY_PIP = "shapely>=2.0,<2.1"
PANDAS_PIP = "pandas>=1.3"
APT_PACKAGES = {"shapely": "python3-shapely", "pandas": "python3-pandas"}
#: Ubuntu releases by code name, for derivatives (Linux Mint, Pop!_OS…) that give only UBUNTU_CODENAME.
UBUNTU_RELEASES = {"focal": (20, 4), "jammy": (22, 4), "noble": (24, 4), "oracular": (24, 10),
                   "plucky": (25, 4), "questing": (25, 10)}
#: Debian releases whose python3-shapely has the 2.x API (trixie ships 2.1, sid 2.2).
DEBIAN_SHAPELY2_CODENAMES = {"trixie", "forky", "duke", "sid"}


def _shapely_problem(module):
    """Why this shapely cannot serve the plugin, or None when it can (checked by calling its 2.x API)."""
    absent = [name for name in SHAPELY_API if not hasattr(module, name)]
    if absent:
        version = getattr(module, "__version__", "?")
        return f"shapely {version} lacks the 2.x API ({', '.join(absent[:4])}…)"
    try:
        pts = module.points([[0.0, 0.0], [5.0, 5.0]])
        hits = module.STRtree(pts).query(module.box(-1, -1, 1, 1), predicate="intersects")
        if len(hits) != 1 or int(hits[0]) != 0:
            return "shapely STRtree.query does not answer as in 2.x"
    except Exception as exc:  # a broken binary wheel, a GEOS mismatch
        return f"shapely does not work: {exc}"
    return None


def _pandas_problem(module):
    if not all(hasattr(module, name) for name in ("DataFrame", "read_csv", "concat", "isna")):
        return f"pandas {getattr(module, '__version__', '?')} lacks DataFrame, read_csv or concat"
    return None


#: (import name, check returning a problem or None)
REQUIREMENTS = (("shapely", _shapely_problem), ("pandas", _pandas_problem))


def missing_requirements(modules=None):
    """The packages that cannot serve the plugin: a list of (import name, reason); only those of
    ``modules`` (import names) when given, so that an algorithm needing shapely alone does not pay for
    importing pandas."""
    missing = []
    for module_name, problem_of in REQUIREMENTS:
        if modules is not None and module_name not in modules:
            continue
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:  # ImportError, or a broken binary wheel
            missing.append((module_name, f"{module_name}: {exc}"))
            continue
        problem = problem_of(module)
        if problem:
            missing.append((module_name, problem))
    return missing


def os_release(path="/etc/os-release"):
    """The fields of /etc/os-release (empty when absent, as on Windows and macOS)."""
    fields = {}
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("=")
            if sep:
                fields[key.strip()] = value.strip().strip('"')
    except OSError:
        pass
    return fields


def _release_tuple(text):
    parts = []
    for piece in str(text).split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple([*parts, 0, 0][:2])


def distribution_has_shapely2(release=None):
    """True when the Linux distribution's python3-shapely offers the 2.x API (Debian 13+, Ubuntu 24.04+)."""
    release = os_release() if release is None else release
    ids = {release.get("ID", "")} | set(release.get("ID_LIKE", "").split())
    if "ubuntu" in ids:
        if release.get("ID") == "ubuntu" and release.get("VERSION_ID"):
            version = _release_tuple(release["VERSION_ID"])
        else:
            version = UBUNTU_RELEASES.get(release.get("UBUNTU_CODENAME", ""), (0, 0))
        return version >= (24, 4)
    if "debian" in ids:
        if release.get("ID") == "debian" and release.get("VERSION_ID"):
            return _release_tuple(release["VERSION_ID"]) >= (13, 0)
        # testing and unstable have no VERSION_ID; derivatives say which Debian they follow
        codename = release.get("DEBIAN_CODENAME") or release.get("VERSION_CODENAME", "")
        return codename in DEBIAN_SHAPELY2_CODENAMES or release.get("ID") == "debian"
    return False


def system_numpy_version():
    try:
        import numpy

        return str(numpy.__version__)
    except Exception:
        return ""


def install_plan(modules, system=None, release=None):
    """How to install ``modules`` (import names) here: a list of ("apt" | "pip", [packages or requirements]).

    Debian and Ubuntu: the distribution's packages when they are recent enough, else pip wheels with
    numpy pinned to the installed version (pip must never replace the numpy that QGIS, GDAL and scipy
    were built with, nor compile one).
    """
    system = system or platform.system()
    release = os_release() if release is None and system == "Linux" else (release or {})
    apt, pip = [], []
    debian_like = bool({"debian", "ubuntu"} & ({release.get("ID", "")} | set(release.get("ID_LIKE", "").split())))
    for module in modules:
        if module == "pandas" and debian_like:
            apt.append(APT_PACKAGES["pandas"])
        elif module == "shapely" and debian_like and distribution_has_shapely2(release):
            apt.append(APT_PACKAGES["shapely"])
        else:
            pip.append(SHAPELY_PIP if module == "shapely" else PANDAS_PIP)
    plan = []
    if apt:
        plan.append(("apt", apt))
    if pip:
        numpy_version = system_numpy_version()
        if numpy_version and system == "Linux":
            pip.append(f"numpy=={numpy_version}")
        plan.append(("pip", pip))
    return plan


def install_command(modules, system=None, release=None):
    """The command(s) a user should run on this platform to install ``modules`` (import names)."""
    system = system or platform.system()
    commands = []
    for kind, items in install_plan(modules, system, release):
        if kind == "apt":
            commands.append("sudo apt install " + " ".join(items))
            continue
        reqs = " ".join(f'"{r}"' for r in items)
        if system == "Windows":
            commands.append(f"OSGeo4W Shell: python -m pip install {reqs}")
        elif system == "Darwin":
            commands.append(f"{sys.executable} -m pip install {reqs}")
        else:
            commands.append(f"python3 -m pip install --user{_externally_managed_flag()} {reqs}")
    return " && ".join(commands)


def _externally_managed_flag():
    """Debian 12+ and Ubuntu 23.04+ mark the system Python "externally managed" (PEP 668): a --user
    install needs the flag, and leaves the distribution's own packages untouched."""
    try:
        import sysconfig

        if (Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists():
            return " --break-system-packages"
    except Exception:
        pass
    return ""
