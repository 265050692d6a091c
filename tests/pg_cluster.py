"""A throw-away PostgreSQL + PostGIS cluster for the team-inventory tests.

Why here and not a system service: the tests must never depend on (or damage) a server of the machine.
``initdb`` makes a cluster in a temporary folder, the server listens on 127.0.0.1 on a free port (and a
socket in that folder), with password authentication (scram-sha-256) so that the tests go through the
same credential paths as a real team server. When the tests run as root, the server runs as the
unprivileged user ``nobody`` (PostgreSQL refuses to run as root). ``stop()`` stops it and removes the
folder.

Any failure raises :class:`ClusterError` with the reason and the server's log tail: the fixture turns it
into a test failure, never a skip.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"
UNPRIVILEGED_USER = "nobody"


class ClusterError(RuntimeError):
    pass


def postgres_bindir() -> Path:
    """The folder of initdb / pg_ctl of the newest PostgreSQL installed (Debian keeps them out of PATH)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise ClusterError(
        "PostgreSQL is not installed (no initdb): run `make postgis-packages` (Debian packages postgresql, "
        "postgis, postgresql-postgis, python3-psycopg2)."
    )


def postgis_available(bindir: Path) -> bool:
    version = bindir.parts[-2]
    return bool(glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgCluster:
    """One temporary cluster. ``password`` is the superuser's; :meth:`dsn` gives libpq strings."""

    def __init__(self):
        self.bindir = postgres_bindir()
        if not postgis_available(self.bindir):
            raise ClusterError(
                f"PostGIS is not installed for PostgreSQL {self.bindir.parts[-2]}: run `make postgis-packages`."
            )
        self.folder = Path(tempfile.mkdtemp(prefix="friches_pg_"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.password = secrets.token_hex(12)
        self.port = None
        self._as_user = None
        if os.geteuid() == 0:
            entry = pwd.getpwnam(UNPRIVILEGED_USER)
            self._as_user = (entry.pw_uid, entry.pw_gid)
            os.chown(self.folder, *self._as_user)
        self.started = False

    # -- processes ----------------------------------------------------------------------------------------
    def _run(self, args, check=True, timeout=120):
        kwargs = {}
        if self._as_user is not None:
            kwargs.update(user=self._as_user[0], group=self._as_user[1], extra_groups=[])
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "HOME": str(self.folder)}
        done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=str(self.folder), **kwargs)
        if check and done.returncode != 0:
            raise ClusterError(f"{Path(str(args[0])).name} failed ({done.returncode}): {done.stderr.strip()}"
                               f"{self._log_tail()}")
        return done

    def _log_tail(self):
        try:
            return "\nserver log:\n" + self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def start(self):
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if self._as_user is not None:
            os.chown(pwfile, *self._as_user)
        self._run([self.bindir / "initdb", "-D", self.data, "-U", SUPERUSER, "-A", "scram-sha-256",
                   "--pwfile", pwfile, "-E", "UTF8", "--locale=C.UTF-8"])
        pwfile.unlink()
        for attempt in range(5):
            self.port = free_port()
            options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder} "
                       "-c fsync=off -c full_page_writes=off -c max_connections=40")
            done = self._run([self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w",
                              "-t", "60", "start"], check=False)
            if done.returncode == 0:
                self.started = True
                return self
            if "could not bind" not in self._log_tail() or attempt == 4:
                raise ClusterError(f"pg_ctl start failed: {done.stderr.strip()}{self._log_tail()}")
            time.sleep(0.2)
        return self

    def stop(self):
        if self.started:
            self._run([self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"], check=False)
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- connections -----------------------------------------------------------------------------------
    def dsn(self, dbname="postgres", user=SUPERUSER, password=None):
        password = self.password if password is None and user == SUPERUSER else password
        parts = [f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"]
        if password:
            parts.append(f"password={password}")
        return " ".join(parts)

    def connect(self, dbname="postgres", user=SUPERUSER, password=None, autocommit=True):
        import psycopg2

        conn = psycopg2.connect(self.dsn(dbname, user, password))
        conn.autocommit = autocommit
        return conn

    def create_database(self, name, roles=()):
        """A database with PostGIS; ``roles`` [(name, password)] get login and the right to create in it."""
        admin = self.connect()  # autocommit: CREATE DATABASE cannot run in a transaction (no `with`, which opens one)
        cur = admin.cursor()
        cur.execute(f'CREATE DATABASE "{name}"')
        for role, password in roles:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE ROLE "{role}" LOGIN PASSWORD %s', (password,))
        admin.close()
        conn = self.connect(name)
        cur = conn.cursor()
        cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        for role, _password in roles:
            cur.execute(f'GRANT ALL ON DATABASE "{name}" TO "{role}"')
            cur.execute(f'GRANT ALL ON SCHEMA public TO "{role}"')
        conn.close()
        return name
