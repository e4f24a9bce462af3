"""A private PostgreSQL server for tests: initdb + pg_ctl in a temporary directory, on a free port
of 127.0.0.1 (its unix socket in that directory, nothing else listening), password authentication,
stopped and removed at the end (by a watchdog shell too, should the test process be killed before
its teardown). PostgreSQL refuses to run as root, so as root the server runs as
the ``postgres`` system user (``runuser -u postgres --``) in a directory owned by that user.

Fixtures (made available to every test module by tests/conftest.py):

- ``pg_server``: one server for the whole test session (started on first use);
- ``pg_url``: a fresh, empty database on it, as a SQLAlchemy URL (``postgresql+psycopg://…``);
- ``db_url``: parametrized — an SQLite file, then a PostgreSQL database — for tests that must hold
  on both engines.

The binaries are taken from ``$SHANGMI_PG_BIN`` or the newest ``/usr/lib/postgresql/*/bin``
(``scripts/test-deps.sh`` installs them on a clean Debian machine).
"""

from __future__ import annotations

import glob
import os
import secrets
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from servers import free_port

SYSTEM_USER = "postgres"  # who runs the server when the tests run as root


def pg_bin() -> Path:
    """The directory holding initdb and pg_ctl (the newest major version installed)."""
    env = os.environ.get("SHANGMI_PG_BIN")
    if env:
        return Path(env)
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")]
    if found:
        return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    raise FileNotFoundError("PostgreSQL is not installed (run scripts/test-deps.sh, or set SHANGMI_PG_BIN)")


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--", *cmd] if os.geteuid() == 0 else cmd


@dataclass
class PostgresServer:
    root: Path  # the temporary directory: data/, the socket, the log
    port: int
    password: str
    bin: Path
    user: str = "postgres"
    databases: list[str] = field(default_factory=list)
    watchdog: subprocess.Popen[bytes] | None = None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres", driver: str = "psycopg") -> str:
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        return f"{scheme}://{self.user}:{self.password}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 120) -> None:
        out = self.root / "pg_ctl.out"
        with open(out, "ab") as fh:
            proc = subprocess.run(
                _as_server_user([str(self.bin / args[0]), *args[1:]]),
                stdin=subprocess.DEVNULL,
                stdout=fh,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
        if proc.returncode != 0:
            tail = out.read_text(errors="replace")[-2000:]
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({proc.returncode}):\n{tail}\n{log}")

    def init(self) -> None:
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(pwfile, SYSTEM_USER, SYSTEM_USER)
        pwfile.chmod(0o600)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        pwfile.unlink()

    def start(self) -> None:
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.root}",
                "-c max_connections=200",
                # a throw-away cluster: durability is not what these tests are about
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start")

    def watch(self) -> None:
        """Should this test process be killed before its teardown, stop the server and remove its
        directory anyway (a shell polling for this process; ended by :meth:`remove`)."""
        halt = _as_server_user([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
            f"{shlex.join(halt)} >/dev/null 2>&1; rm -rf {shlex.quote(str(self.root))}"
        )
        self.watchdog = subprocess.Popen(
            ["sh", "-c", script],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop", timeout=60)
            except (RuntimeError, subprocess.TimeoutExpired):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; its name."""
        import psycopg
        from psycopg import sql

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(driver=""), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.databases.append(name)
        return name

    @classmethod
    def launch(cls, attempts: int = 3) -> PostgresServer:
        """initdb and start, on a free port (another one if the port was taken meanwhile)."""
        bin_dir = pg_bin()
        root = Path(tempfile.mkdtemp(prefix="shangmi-pg-"))
        if os.geteuid() == 0:
            shutil.chown(root, SYSTEM_USER, SYSTEM_USER)
        server = cls(root=root, port=free_port(), password=secrets.token_urlsafe(18), bin=bin_dir)
        try:
            server.init()
            for attempt in range(attempts):
                try:
                    server.start()
                    server.watch()
                    return server
                except RuntimeError:
                    if attempt == attempts - 1:
                        raise
                    server.port = free_port()
                    time.sleep(0.5)
        except BaseException:
            server.remove()
            raise
        raise AssertionError("unreachable")

    def remove(self) -> None:
        if self.watchdog is not None:
            self.watchdog.terminate()
            self.watchdog.wait(10)
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer.launch()
    except FileNotFoundError as exc:
        pytest.fail(f"{exc} — `make test-deps` installs PostgreSQL and redis-server")
    yield server
    server.remove()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    return pg_server.url(pg_server.create_database())


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on an SQLite file and on a PostgreSQL database (each fresh and empty)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shangmi.db'}"
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.url(server.create_database())
