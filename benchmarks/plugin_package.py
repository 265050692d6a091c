"""The plugin importable as ``friches_tierslieux`` from a benchmark script.

Why: the repository root is the plugin folder, whose name need not be a Python identifier (a clone called
``ci-clone``). Like tests/conftest.py, a link named after the package is kept in ``.pytest_pkg`` inside the
checkout (never in a shared folder, where it could point to another checkout) and that folder is put on
``sys.path``.
"""

import contextlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG_DIR = ROOT / ".pytest_pkg"
PACKAGE = "friches_tierslieux"


def use_plugin_package() -> None:
    """Make ``import friches_tierslieux`` load this checkout."""
    PKG_DIR.mkdir(exist_ok=True)
    link = PKG_DIR / PACKAGE
    if not link.exists():
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            link.symlink_to(ROOT, target_is_directory=True)
    if str(PKG_DIR) not in sys.path:
        sys.path.insert(0, str(PKG_DIR))
