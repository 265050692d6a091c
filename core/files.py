"""Files written whole or not at all: a temporary name in the same folder, renamed when complete.

Why: a planner's atlas, export or GeoPackage must never be left half written under its final name when
QGIS crashes, the machine stops or the user cancels; and a file must never replace one of the user's
files before it is complete. Writing to a sibling temporary name and renaming it (``os.replace``, atomic
on one file system) gives exactly "the old file or the new one". Pure Python: the processing modules,
the panels and the tests share it.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import Iterator, List, Union

#: Marker in temporary names: ``<name>~part-<8 hex>.<ext>``.
PART = "~part-"
#: Files a shapefile is made of besides the .shp (the .qml/.qmd styles of the user are not among them).
SHAPEFILE_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml", ".qpj")

PathLike = Union[str, Path]


def temporary_sibling(path: PathLike) -> Path:
    """A fresh name next to ``path`` with the same extension and no other dot (GDAL and QGIS choose the
    format from what follows the first dot): ``/d/out.v2.gpkg`` → ``/d/out_v2~part-1a2b3c4d.gpkg``."""
    path = Path(path)
    suffix = path.suffix
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return path.with_name(f"{stem.replace('.', '_')}{PART}{uuid.uuid4().hex[:8]}{suffix}")


def is_temporary(path: PathLike) -> bool:
    return PART in Path(path).name


def _family(path: Path) -> List[Path]:
    """``path`` and, for a shapefile, the sidecar files that exist beside it."""
    out = [path]
    if path.suffix.lower() == ".shp":
        base = path.with_suffix("")
        for ext in SHAPEFILE_SIDECARS:
            for candidate in (Path(str(base) + ext), Path(str(base) + ext.upper())):
                if candidate.exists() and candidate not in out:
                    out.append(candidate)
    return out


def remove(path: PathLike) -> None:
    """Remove ``path`` (and a shapefile's sidecars) when they exist."""
    for member in _family(Path(path)):
        with contextlib.suppress(FileNotFoundError):
            member.unlink()


def commit(temporary: PathLike, final: PathLike) -> None:
    """Rename the complete ``temporary`` file (with its sidecars) to ``final``, replacing it."""
    temporary, final = Path(temporary), Path(final)
    members = _family(temporary)
    if final.suffix.lower() == ".shp":
        # sidecars of an older shapefile that the new one does not have would not match it
        new_exts = {str(m)[len(str(temporary.with_suffix(""))):].lower() for m in members}
        for old in _family(final)[1:]:
            if str(old)[len(str(final.with_suffix(""))):].lower() not in new_exts:
                old.unlink()
    for member in members[1:]:
        ext = str(member)[len(str(temporary.with_suffix(""))):]
        os.replace(member, str(final.with_suffix("")) + ext)
    os.replace(temporary, final)


@contextlib.contextmanager
def atomic_path(final: PathLike) -> Iterator[Path]:
    """``with atomic_path(p) as tmp:`` write ``tmp``; on success it becomes ``p``, on any error (or a
    cancel raised as an exception) it is removed and ``p`` is left as it was."""
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_sibling(final)
    try:
        yield temporary
    except BaseException:
        remove(temporary)
        raise
    commit(temporary, final)


def temporary_folder(folder: PathLike) -> Path:
    """A fresh empty folder beside ``folder`` (created, with ``folder``'s parent) to write files into
    before :func:`move_files` puts them in ``folder``."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_sibling(folder)
    temporary.mkdir()
    return temporary


def move_files(temporary: PathLike, folder: PathLike) -> None:
    """Move the complete files of ``temporary`` into ``folder`` (replacing files of the same name, which
    the caller's naming makes its own), then remove ``temporary``."""
    temporary, folder = Path(temporary), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for item in sorted(temporary.iterdir()):
            os.replace(item, folder / item.name)
    finally:
        remove_folder(temporary)


@contextlib.contextmanager
def atomic_folder_files(folder: PathLike) -> Iterator[Path]:
    """``with atomic_folder_files(d) as tmp_dir:`` write files into ``tmp_dir``; on success they are moved
    into ``d``, on error ``tmp_dir`` is removed and ``d`` is left as it was."""
    temporary = temporary_folder(folder)
    try:
        yield temporary
    except BaseException:
        remove_folder(temporary)
        raise
    move_files(temporary, folder)


def remove_folder(folder: PathLike) -> None:
    """Remove a temporary folder and the files in it."""
    folder = Path(folder)
    if not folder.exists():
        return
    for item in folder.iterdir():
        with contextlib.suppress(OSError):
            item.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def leftovers(folder: PathLike) -> List[Path]:
    """Temporary files left in ``folder`` (by a crash): what a test or a cleanup looks for."""
    folder = Path(folder)
    return sorted(p for p in folder.iterdir() if is_temporary(p)) if folder.exists() else []
