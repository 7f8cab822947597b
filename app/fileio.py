"""Writing files the user asked for: whole or not at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.errors import UserError


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a full disk (or a crash) never leaves half a
    file and an existing file is replaced only by a complete new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        code = "disk_full" if error.errno == errno.ENOSPC else "file_unreadable"
        raise UserError(code, {"detail": error.strerror or str(error), "path": path}) from error
