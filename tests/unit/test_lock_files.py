"""The lock files of ``requirements/`` agree with ``pyproject.toml`` and with each other.

``python3 tasks.py lock`` writes them; this test catches a dependency added to
``pyproject.toml`` without re-locking, a set whose runtime pins drifted from the runtime lock
(``tasks.py`` relies on every set containing the runtime set), and a pin without hashes.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"
PLATFORMS = ("linux", "windows")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\;]+)")


def read_lock(name: str, platform: str) -> dict[str, tuple[str, int]]:
    """Package → (version, number of hashes) of one lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = ""
    for line in (REQUIREMENTS / f"{name}-{platform}.txt").read_text("utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match[1])
            assert current not in pins, f"{current} pinned twice in {name}-{platform}"
            pins[current] = (match[2], 0)
        elif line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
        elif line.strip() and not line.lstrip().startswith("#"):
            pytest.fail(f"{name}-{platform}: a line that is neither a pin nor a hash: {line!r}")
    return pins


def names(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(text).name) for text in requirements}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_set_holds_the_runtime_pins_and_its_own_extras(platform: str) -> None:
    runtime = read_lock("runtime", platform)
    extras = PYPROJECT["project"]["optional-dependencies"]
    wanted = {
        "runtime": names(PYPROJECT["project"]["dependencies"])
        | names(PYPROJECT["build-system"]["requires"]),
        "dev": names(extras["dev"] + extras["postgres"]),
        "build": names(extras["packaging"] + extras["postgres"]),
    }
    for name, required in wanted.items():
        pins = read_lock(name, platform)
        assert required <= pins.keys(), f"{name}-{platform} lacks {required - pins.keys()}"
        assert all(hashes for _, hashes in pins.values()), f"{name}-{platform}: pin w/o hash"
        drift = {
            package: (version, pins.get(package, ("missing", 0))[0])
            for package, (version, _) in runtime.items()
            if pins.get(package, ("missing", 0))[0] != version
        }
        assert not drift, f"{name}-{platform} differs from runtime-{platform}: {drift}"


def test_windows_uses_the_linux_versions() -> None:
    linux = read_lock("runtime", "linux")
    windows = read_lock("runtime", "windows")
    differ = {
        package: (version, windows[package][0])
        for package, (version, _) in linux.items()
        if package in windows and windows[package][0] != version
    }
    assert not differ


def test_the_build_backend_input_is_the_build_system_of_pyproject() -> None:
    text = (REQUIREMENTS / "build-backend.in").read_text("utf-8")
    listed = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert listed == PYPROJECT["build-system"]["requires"]


def test_a_set_is_reinstalled_for_a_new_lock_or_new_metadata_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("komisja_tasks", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    lock = tmp_path / "runtime-linux.txt"
    lock.write_text("a==1 --hash=sha256:00\n", encoding="utf-8")
    pyproject = tmp_path / "pyproject.toml"
    metadata = '[project]\nname = "k"\nversion = "1"\n[build-system]\nrequires = ["s"]\n'
    pyproject.write_text(metadata + "[tool.mypy]\nstrict = true\n", encoding="utf-8")
    first = tasks._fingerprint(lock)
    pyproject.write_text(metadata + "[tool.mypy]\nstrict = false\n", encoding="utf-8")
    assert tasks._fingerprint(lock) == first
    pyproject.write_text(metadata.replace('"1"', '"2"'), encoding="utf-8")
    assert tasks._fingerprint(lock) != first
    pyproject.write_text(metadata, encoding="utf-8")
    lock.write_text("a==2 --hash=sha256:01\n", encoding="utf-8")
    assert tasks._fingerprint(lock) != first
    assert tasks._covers("dev", "runtime") and tasks._covers("build", "build")
    assert not tasks._covers("runtime", "dev") and not tasks._covers("build", "dev")
