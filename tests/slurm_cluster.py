"""A throw-away single-node SLURM cluster on localhost, for the cluster test.

:func:`start_cluster` installs Debian ``slurm-wlm`` and ``munge`` when they are
missing, writes every configuration, key, socket, state and log file into one
folder, starts ``munged``, ``slurmctld`` and ``slurmd`` as child processes in
the foreground, and waits until ``sinfo`` shows the node idle. Nothing is read
from or written to ``/etc/slurm`` or ``/etc/munge``; client commands find the
cluster through ``SLURM_CONF``, which :meth:`SlurmCluster.environment` sets.

There is no accounting database (no ``slurmdbd``), so ``sacct`` does not work;
see ``srun_wrapper`` and README.md, "Running on a cluster", for what that means
for the Snakemake SLURM executor. :meth:`SlurmCluster.stop` ends exactly the
daemons started here, by process id.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PACKAGES = ("slurm-wlm", "munge")
DAEMON_BINARIES = ("munged", "slurmctld", "slurmd", "sinfo", "sbatch", "srun", "squeue")
APT_TIMEOUT = 900
START_TIMEOUT = 60
COMMAND_TIMEOUT = 30
NODE_NAME = "localhost"
PARTITION = "debug"


class ClusterError(RuntimeError):
    """The local SLURM could not be installed or started; the message says why and where to look."""


def _run(cmd: list[str], *, timeout: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)


def ensure_installed() -> None:
    """Install slurm-wlm and munge with apt-get when any daemon or client is missing."""
    if all(shutil.which(binary) for binary in DAEMON_BINARIES):
        return
    if os.geteuid() != 0:
        raise ClusterError(
            f"{', '.join(PACKAGES)} are not installed and installing them needs root: "
            f"run `apt-get install {' '.join(PACKAGES)}` or deselect with `pytest -m 'not slurm'`."
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES]
    result = _run(install, timeout=APT_TIMEOUT, env=env)
    if result.returncode != 0:
        # A fresh machine may have no package lists yet.
        update = _run(["apt-get", "update"], timeout=APT_TIMEOUT, env=env)
        result = _run(install, timeout=APT_TIMEOUT, env=env)
        if result.returncode != 0:
            raise ClusterError(f"apt-get install failed:\n{update.stderr[-2000:]}\n{result.stderr[-3000:]}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def node_hardware() -> tuple[int, int]:
    """CPUs and RealMemory (MiB) of this machine as slurmd itself detects them."""
    result = _run(["slurmd", "-C"], timeout=COMMAND_TIMEOUT)
    cpus = re.search(r"\bCPUs=(\d+)", result.stdout)
    memory = re.search(r"\bRealMemory=(\d+)", result.stdout)
    if result.returncode != 0 or not cpus or not memory:
        raise ClusterError(f"`slurmd -C` did not report CPUs and RealMemory:\n{result.stdout}{result.stderr}")
    return int(cpus.group(1)), int(memory.group(1))


def slurm_conf(root: Path, *, cpus: int, memory_mb: int, ctld_port: int, slurmd_port: int) -> str:
    """A minimal slurm.conf: one node, one partition, no cgroups, no accounting."""
    return "\n".join(
        [
            "ClusterName=exocargo-test",
            f"SlurmctldHost={socket.gethostname()}(127.0.0.1)",
            f"SlurmctldPort={ctld_port}",
            f"SlurmdPort={slurmd_port}",
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            f"AuthInfo=socket={root / 'munge' / 'munge.socket'}",
            f"StateSaveLocation={root / 'state'}",
            f"SlurmdSpoolDir={root / 'spool'}",
            f"SlurmctldPidFile={root / 'slurmctld.pid'}",
            f"SlurmdPidFile={root / 'slurmd.pid'}",
            f"SlurmctldLogFile={root / 'log' / 'slurmctld.log'}",
            f"SlurmdLogFile={root / 'log' / 'slurmd.log'}",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core_Memory",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "MpiDefault=none",
            "ReturnToService=2",
            # squeue must still list finished jobs when Snakemake polls for their state.
            "MinJobAge=600",
            "SchedulerType=sched/backfill",
            "SlurmctldTimeout=30",
            "SlurmdTimeout=30",
            f"NodeName={NODE_NAME} NodeAddr=127.0.0.1 CPUs={cpus} RealMemory={memory_mb} State=UNKNOWN",
            f"PartitionName={PARTITION} Nodes={NODE_NAME} Default=YES MaxTime=INFINITE State=UP",
            "",
        ]
    )


def srun_wrapper(conf: Path) -> str:
    """An ``srun`` that finds this cluster's slurm.conf.

    Inside each job, snakemake-executor-plugin-slurm-jobstep 0.6.1 calls
    ``srun`` with every ``SLURM_*`` variable removed except the job's identity,
    so ``SLURM_CONF`` is gone and srun would look for /etc/slurm/slurm.conf.
    On a real cluster that is where the configuration lives; here it is not.
    """
    return f'#!/bin/sh\nSLURM_CONF="{conf}" exec {shutil.which("srun")} "$@"\n'


@dataclass
class SlurmCluster:
    """A running local cluster; use :meth:`environment` for client commands and Snakemake."""

    root: Path
    conf: Path
    bin_dir: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def environment(self) -> dict[str, str]:
        """os.environ plus SLURM_CONF and the srun wrapper first on PATH."""
        return {**os.environ, "SLURM_CONF": str(self.conf), "PATH": f"{self.bin_dir}:{os.environ['PATH']}"}

    def command(self, *cmd: str, timeout: float = COMMAND_TIMEOUT) -> subprocess.CompletedProcess:
        return _run(list(cmd), timeout=timeout, env=self.environment())

    def node_state(self) -> str:
        result = self.command("sinfo", "--noheader", "--Node", "--format=%T")
        return result.stdout.strip() if result.returncode == 0 else f"sinfo failed: {result.stderr.strip()}"

    def logs(self) -> str:
        """The tail of every daemon log, for failure messages."""
        parts = []
        for path in sorted((self.root / "log").glob("*.log")):
            parts.append(f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}")
        return "\n".join(parts)

    def _start(self, name: str, cmd: list[str]) -> None:
        log = open(self.root / "log" / f"{name}.out", "w")
        self.processes[name] = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=self.environment(), start_new_session=True
        )
        log.close()

    def _wait_for(self, what: str, ready, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise ClusterError(
                        f"{name} exited with {process.returncode} while waiting for {what}.\n{self.logs()}"
                    )
            if ready():
                return
            time.sleep(0.5)
        raise ClusterError(f"timed out after {timeout:.0f} s waiting for {what}.\n{self.logs()}")

    def stop(self) -> None:
        """Cancel leftover jobs, then stop slurmd, slurmctld and munged (in that order) by pid."""
        if "slurmctld" in self.processes and self.processes["slurmctld"].poll() is None:
            self.command("scancel", "--full", f"--partition={PARTITION}")
        for name in ("slurmd", "slurmctld", "munged"):
            process = self.processes.get(name)
            if process is None or process.poll() is not None:
                continue
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


def start_cluster(root: Path) -> SlurmCluster:
    """Install if needed, configure under ``root`` and start a one-node cluster.

    On any failure the daemons already started are stopped before the error is raised.
    """
    ensure_installed()
    for folder in ("munge", "state", "spool", "log", "bin"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    # munged refuses keys and sockets in folders that others can write to.
    (root / "munge").chmod(0o700)
    key = root / "munge" / "munge.key"
    key.write_bytes(os.urandom(1024))
    key.chmod(0o400)
    cpus, memory_mb = node_hardware()
    conf = root / "slurm.conf"
    conf.write_text(slurm_conf(root, cpus=cpus, memory_mb=memory_mb, ctld_port=_free_port(), slurmd_port=_free_port()))
    wrapper = root / "bin" / "srun"
    wrapper.write_text(srun_wrapper(conf))
    wrapper.chmod(0o755)
    cluster = SlurmCluster(root=root, conf=conf, bin_dir=root / "bin")
    munge = root / "munge"
    try:
        cluster._start(
            "munged",
            [
                "munged",
                "--foreground",
                "--force",
                f"--key-file={key}",
                f"--socket={munge / 'munge.socket'}",
                f"--pid-file={munge / 'munged.pid'}",
                f"--seed-file={munge / 'munged.seed'}",
                f"--log-file={root / 'log' / 'munged.log'}",
            ],
        )
        cluster._wait_for("the munge socket", (munge / "munge.socket").exists)
        cluster._start("slurmctld", ["slurmctld", "-D", "-i", "-f", str(conf)])
        cluster._wait_for("slurmctld", lambda: cluster.command("scontrol", "ping").stdout.count("UP") > 0)
        cluster._start("slurmd", ["slurmd", "-D", "-f", str(conf), "-N", NODE_NAME])
        cluster._wait_for("the node to be idle", lambda: cluster.node_state() == "idle")
    except BaseException:
        cluster.stop()
        raise
    return cluster
