"""core/files.py: files written whole or not at all (issue 12, point 5), without QGIS."""

import os

import pytest
from friches_tierslieux.core import files


def test_temporary_sibling_keeps_the_extension_and_the_folder(tmp_path):
    final = tmp_path / "résultats.v2.gpkg"
    first, second = files.temporary_sibling(final), files.temporary_sibling(final)
    assert first != second and first.parent == tmp_path
    assert first.suffix == ".gpkg" and first.name.count(".") == 1  # GDAL reads the format after the first dot
    assert files.is_temporary(first) and not files.is_temporary(final)


def test_atomic_path_replaces_only_when_complete(tmp_path):
    final = tmp_path / "export.csv"
    final.write_text("previous\n", encoding="utf-8")
    with files.atomic_path(final) as partial:
        partial.write_text("new\n", encoding="utf-8")
        assert final.read_text(encoding="utf-8") == "previous\n"  # nothing changes while writing
    assert final.read_text(encoding="utf-8") == "new\n"
    assert files.leftovers(tmp_path) == []


def test_atomic_path_error_leaves_the_previous_file(tmp_path):
    final = tmp_path / "export.csv"
    final.write_text("previous\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), files.atomic_path(final) as partial:
        partial.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt  # a cancel or a crash of the writer
    assert final.read_text(encoding="utf-8") == "previous\n"
    assert sorted(os.listdir(tmp_path)) == ["export.csv"]


def test_shapefile_committed_with_its_sidecars(tmp_path):
    final = tmp_path / "sites.shp"
    for ext, text in ((".shp", "old"), (".shx", "old"), (".dbf", "old"), (".qix", "old index"),
                      (".qml", "user style")):
        final.with_suffix(ext).write_text(text)
    folder = tmp_path / "sites~part-0000"
    folder.mkdir()
    partial = folder / "sites.shp"
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        partial.with_suffix(ext).write_text("new")
    files.commit(partial, final)
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == ["sites.cpg", "sites.dbf", "sites.prj", "sites.qml", "sites.shp", "sites.shx"]
    assert all((tmp_path / n).read_text() == "new" for n in names if n != "sites.qml")
    assert (tmp_path / "sites.qml").read_text() == "user style"  # the user's style is never touched


def test_folder_of_files(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "fiche_001.png").write_text("old page")
    (pages / "notes.txt").write_text("the user's own file")
    with files.atomic_folder_files(pages) as partial:
        (partial / "fiche_001.png").write_text("new page")
        (partial / "fiche_002.png").write_text("new page")
        assert (pages / "fiche_001.png").read_text() == "old page"
    assert sorted(p.name for p in pages.iterdir()) == ["fiche_001.png", "fiche_002.png", "notes.txt"]
    assert (pages / "fiche_001.png").read_text() == "new page"
    with pytest.raises(RuntimeError), files.atomic_folder_files(pages) as partial:
        (partial / "fiche_001.png").write_text("half")
        raise RuntimeError
    assert (pages / "fiche_001.png").read_text() == "new page"
    assert files.leftovers(tmp_path) == []
