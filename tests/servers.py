"""Start the real Rasa server and action server on loopback, for the end-to-end
test and the benchmark: free ports, a private endpoints file and data folder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "shangmi.tar.gz"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


def launch_actions(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """The action server (rasa-sdk, this venv) on 127.0.0.1:``port``, not waited for.

    In a session of its own: when a Sanic worker does not come up in time, Sanic SIGKILLs the
    worker's whole process group, which would otherwise be the test run's."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "-p", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def launch_rasa(port: int, endpoints: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A Rasa server (its own venv) on 127.0.0.1:``port`` with the trained model, not waited for
    (in a session of its own, like the action server)."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [
                str(RASA),
                "run",
                "-m",
                str(MODEL),
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def launch_web(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """The web app (uvicorn, this venv) on 127.0.0.1:``port``, not waited for; ``env`` names the Rasa
    server (SHANGMI_RASA_URL), the data folder (SHANGMI_VAR) and the database (SHANGMI_DB_URL)."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "uvicorn"),
                "--factory",
                "app.web.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-access-log",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Servers:
    tmp: Path
    rasa_port: int
    actions_port: int
    env: dict[str, str]
    rasa: subprocess.Popen[bytes] | None = None
    actions: subprocess.Popen[bytes] | None = None

    def start_actions(self) -> None:
        self.actions = launch_actions(self.actions_port, self.env, self.tmp / "actions.log")
        wait_http(f"http://127.0.0.1:{self.actions_port}/health", self.actions)

    def start_rasa(self) -> None:
        self.rasa = launch_rasa(self.rasa_port, self.tmp / "endpoints.yml", self.env, self.tmp / "rasa.log")
        wait_http(f"http://127.0.0.1:{self.rasa_port}/", self.rasa)

    def stop(self, proc: subprocess.Popen[bytes] | None) -> None:
        stop(proc)

    def stop_all(self) -> None:
        stop(self.rasa)
        stop(self.actions)

    @classmethod
    def create(cls, tmp: Path) -> Servers:
        """Ports, an endpoints file and an environment of their own, all under ``tmp``."""
        actions_port, rasa_port = free_port(), free_port()
        (tmp / "endpoints.yml").write_text(
            yaml.safe_dump(
                {
                    "action_endpoint": {"url": f"http://127.0.0.1:{actions_port}/webhook"},
                    "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(tmp / "tracker.db")},
                }
            ),
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "SHANGMI_VAR": str(tmp / "var"),
            "SANIC_HOST": "127.0.0.1",
            "RASA_TELEMETRY_ENABLED": "false",
        }
        env.pop("SHANGMI_DB_URL", None)
        return cls(tmp, rasa_port, actions_port, env)

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        r = requests.post(
            f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=30,
        )
        r.raise_for_status()
        return list(r.json())
