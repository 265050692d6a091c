"""Enable a plugin in a QGIS profile's settings, as the Plugin Manager would.

Usage: enable_plugin.py <profile dir> <plugin folder name>
Why: ``make install`` links the plugin into the profile; without this key QGIS (and qgis_process)
would list it but not load it. QSettings writes the ini in Qt's own format, which a plain ini
writer could mangle.
"""

import sys
from pathlib import Path

from qgis.PyQt.QtCore import QSettings


def main(profile_dir: str, plugin: str) -> None:
    ini = Path(profile_dir) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue(f"PythonPlugins/{plugin}", True)
    settings.sync()
    print(f"enabled {plugin} in {ini}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
