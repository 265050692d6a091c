"""Runtime packages are judged by what they can do, and the suggested install works on each platform.

Debian's own shapely 2.2 says ``__version__ == "0+unknown"``: it must be accepted because it offers the
2.x API. The install plan follows what each distribution ships (python3-shapely is 1.8 on Debian 12 and
Ubuntu 22.04, 2.x from Debian 13 and Ubuntu 24.04) and never lets pip replace the system numpy.
"""

import types

import numpy
import pytest
import shapely
from friches_tierslieux import dependencies

DEBIAN_12 = {"ID": "debian", "VERSION_ID": "12", "VERSION_CODENAME": "bookworm"}
DEBIAN_13 = {"ID": "debian", "VERSION_ID": "13", "VERSION_CODENAME": "trixie"}
DEBIAN_SID = {"ID": "debian", "VERSION_CODENAME": "forky"}  # unstable and testing have no VERSION_ID
UBUNTU_2204 = {"ID": "ubuntu", "ID_LIKE": "debian", "VERSION_ID": "22.04", "UBUNTU_CODENAME": "jammy"}
UBUNTU_2404 = {"ID": "ubuntu", "ID_LIKE": "debian", "VERSION_ID": "24.04", "UBUNTU_CODENAME": "noble"}
MINT_22 = {"ID": "linuxmint", "ID_LIKE": "ubuntu debian", "VERSION_ID": "22", "UBUNTU_CODENAME": "noble"}
MINT_21 = {"ID": "linuxmint", "ID_LIKE": "ubuntu debian", "VERSION_ID": "21.3", "UBUNTU_CODENAME": "jammy"}
FEDORA = {"ID": "fedora", "VERSION_ID": "41"}


def _shapely_like(version, drop=()):
    """A module offering the real shapely's functions under another version string."""
    fake = types.ModuleType("shapely")
    for name in dependencies.SHAPELY_API:
        if name not in drop:
            setattr(fake, name, getattr(shapely, name))
    fake.__version__ = version
    return fake


def test_the_installed_shapely_and_pandas_serve():
    assert dependencies.missing_requirements() == []


def test_a_shapely_with_the_api_is_accepted_whatever_its_version_says():
    assert dependencies._shapely_problem(_shapely_like("0+unknown")) is None
    assert dependencies._shapely_problem(_shapely_like("")) is None


def test_a_shapely_without_the_vectorised_api_is_refused_by_name():
    problem = dependencies._shapely_problem(_shapely_like("1.8.5", drop=("from_wkb", "get_parts")))
    assert "from_wkb" in problem and "1.8.5" in problem


def test_a_broken_shapely_is_refused_with_the_reason():
    fake = _shapely_like("2.0.7")

    def broken(*_args, **_kwargs):
        raise OSError("libgeos_c.so.1: cannot open shared object file")

    fake.points = broken
    assert "libgeos_c" in dependencies._shapely_problem(fake)


@pytest.mark.parametrize(
    ("release", "has_shapely2"),
    [(DEBIAN_12, False), (DEBIAN_13, True), (DEBIAN_SID, True), (UBUNTU_2204, False), (UBUNTU_2404, True),
     (MINT_22, True), (MINT_21, False), (FEDORA, False)],
)
def test_distribution_shapely_by_release(release, has_shapely2):
    assert dependencies.distribution_has_shapely2(release) is has_shapely2


def test_debian_12_gets_a_wheel_that_keeps_the_system_numpy():
    plan = dict(dependencies.install_plan(["shapely", "pandas"], "Linux", DEBIAN_12))
    assert plan["apt"] == ["python3-pandas"]
    assert dependencies.SHAPELY_PIP in plan["pip"]
    assert f"numpy=={numpy.__version__}" in plan["pip"]
    command = dependencies.install_command(["shapely"], "Linux", DEBIAN_12)
    assert command.startswith("python3 -m pip install --user")
    assert '"shapely>=2.0,<2.1"' in command and f'"numpy=={numpy.__version__}"' in command


@pytest.mark.parametrize("release", [DEBIAN_13, DEBIAN_SID, UBUNTU_2404, MINT_22])
def test_recent_distributions_use_their_own_packages(release):
    command = dependencies.install_command(["shapely", "pandas"], "Linux", release)
    assert command == "sudo apt install python3-shapely python3-pandas"


def test_windows_uses_the_osgeo4w_shell():
    command = dependencies.install_command(["shapely", "pandas"], "Windows", {})
    assert command.startswith("OSGeo4W Shell: python -m pip install")
    assert "shapely" in command and "pandas" in command and "numpy" not in command


def test_os_release_is_read(tmp_path):
    path = tmp_path / "os-release"
    path.write_text('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_ID="13"\n# comment\n')
    assert dependencies.os_release(str(path)) == {
        "PRETTY_NAME": "Debian GNU/Linux 13 (trixie)", "ID": "debian", "VERSION_ID": "13"}
    assert dependencies.os_release(str(tmp_path / "absent")) == {}
