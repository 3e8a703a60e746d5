"""Safe publication of a release folder: one lock per version, durable files, one-step swap.

- `VersionLock`: `<out>/.<version>.lock`, held with flock for the whole build and
  holding the builder's pid. A second build of the same version refuses at once and
  names the holder. The kernel drops a flock when its process dies, so a lock file
  left by a killed build is free: it is taken over and reported as stale.
- `publish`: every file and folder of the finished temporary folder is fsynced, then
  the folder is renamed into place. A new version uses RENAME_NOREPLACE, so a release
  that appeared meanwhile is never overwritten; `--force` uses RENAME_EXCHANGE, which
  swaps old and new in one step (Linux renameat2). Where the platform lacks it, the
  old release is first renamed to `.<version>.old`; `recover` (run under the lock
  before every build) puts it back if a kill struck between the two renames.
"""

import ctypes
import errno
import fcntl
import os
import shutil
from pathlib import Path
from types import TracebackType

from newsevents.errors import E, UserError

_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class VersionLock:
    """Exclusive right to build one version into one output folder."""

    def __init__(self, out_dir: Path, version: str, release_dir: Path) -> None:
        self.path = out_dir / f".{version}.lock"
        self.release_dir = release_dir
        self.stale_pid: str | None = None  # pid written by a killed build, if one was found
        self._fd: int | None = None

    def __enter__(self) -> "VersionLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_pid(fd)
                os.close(fd)
                raise UserError(
                    E.E010, path=self.release_dir, pid=holder or "unknown", lock=self.path
                ) from None
            # The holder before us may have unlinked the file between our open and our
            # flock: then we locked a file nobody else can see. Start again.
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        self.stale_pid = _read_pid(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        os.fsync(fd)
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            self.path.unlink(missing_ok=True)  # while still held: no one can take it midway
            os.close(self._fd)
            self._fd = None


def _read_pid(fd: int) -> str | None:
    text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    return text or None


def old_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def recover(target: Path) -> str | None:
    """Undo what a kill between the two renames of the fallback swap left behind.
    Returns what was done, for the user, or None."""
    old = old_name(target)
    if not old.exists():
        return None
    if target.exists():
        shutil.rmtree(old, ignore_errors=True)
        return f"removed {old}, left by an interrupted replace"
    old.rename(target)
    fsync_dir(target.parent)
    return f"restored {target} from {old}, hidden by an interrupted replace"


def publish(tmp: Path, target: Path, *, replace: bool) -> None:
    """Make the finished folder `tmp` the release `target`, durably and in one step."""
    fsync_tree(tmp)
    if not replace or not target.exists():
        try:
            _rename(tmp, target, _RENAME_NOREPLACE)
        except FileExistsError:
            raise UserError(E.E012, path=target) from None
        fsync_dir(target.parent)
        return
    try:
        _rename(tmp, target, _RENAME_EXCHANGE)
    except NotImplementedError:
        _two_step_replace(tmp, target)
    else:
        fsync_dir(target.parent)
        shutil.rmtree(tmp)  # now holds the previous release


def _two_step_replace(tmp: Path, target: Path) -> None:
    old = old_name(target)
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    tmp.rename(target)
    fsync_dir(target.parent)
    shutil.rmtree(old, ignore_errors=True)


def _rename(src: Path, dst: Path, flags: int) -> None:
    """renameat2(2) with `flags`; NotImplementedError where the platform lacks it.
    Without renameat2, RENAME_NOREPLACE is emulated by rename(2), which refuses to
    replace a non-empty folder."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), flags)
        if result == 0:
            return
        code = ctypes.get_errno()
        if code == errno.EEXIST or (code == errno.ENOTEMPTY and flags == _RENAME_NOREPLACE):
            raise FileExistsError(code, os.strerror(code), str(dst))
        if code not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(src), None, str(dst))
    if flags == _RENAME_EXCHANGE:
        raise NotImplementedError("renameat2 RENAME_EXCHANGE is not available")
    if dst.exists():
        raise FileExistsError(errno.EEXIST, "exists", str(dst))
    try:
        src.rename(dst)
    except OSError as err:
        if err.errno in (errno.EEXIST, errno.ENOTEMPTY):
            raise FileExistsError(err.errno, err.strerror, str(dst)) from err
        raise


def fsync_tree(folder: Path) -> None:
    """fsync every file, then every folder bottom-up, so the rename publishes data
    that is on disk, not only in the page cache."""
    for dirpath, _dirnames, filenames in os.walk(folder, topdown=False):
        for name in filenames:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(dirpath))


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
