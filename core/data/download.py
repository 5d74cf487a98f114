"""Downloading the public image datasets into a cache folder, resumably and checked against published checksums.

Only the standard library, so a download needs nothing the app lacks. Every
problem a user can meet (offline, a server error, a dropped connection, a
corrupt file) becomes a DownloadError saying what happened and what to do;
a dropped connection keeps its NAME.part so the next try resumes it.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import tarfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

Progress = Callable[[int, int | None], None]  # (bytes done, total bytes or None when the server does not say)
Cancel = Callable[[], bool]  # true to stop at the next chunk

CHUNK = 64 * 1024
TIMEOUT = 30.0  # seconds without a byte before giving up, per connection attempt and per read
OFFLINE_HINT = "You seem to be offline: download the files yourself and choose their folder."


class DownloadError(OSError):
    """A download failed; the message is for the user."""


class DownloadCancelled(Exception):
    """The user stopped a download; its .part stays so a later try resumes."""


@dataclass(frozen=True)
class Source:
    name: str
    mirrors: tuple[str, ...]  # base URLs tried in order, each ending in '/'
    files: dict[str, str]  # file name -> MD5 as published
    unpacks_to: str = ""  # for an archive: the folder it holds, which fetch_dataset returns
    page: str = field(default="", compare=False)  # where users can download the files by hand


# URLs and MD5s as in torchvision/datasets/mnist.py (MNIST, FashionMNIST: the sums the publishers list) and as
# published on https://www.cs.toronto.edu/~kriz/cifar.html for the binary version of CIFAR-10 (torchvision uses
# the pickled Python version, which Neurona never opens). yann.lecun.com now often refuses robots, so
# torchvision's S3 mirror of the same files comes first.
SOURCES: dict[str, Source] = {
    s.name: s
    for s in [
        Source(
            "mnist",
            ("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
            {
                "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
                "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
                "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
            },
            page="http://yann.lecun.com/exdb/mnist/",
        ),
        Source(
            "fashion_mnist",
            ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",),
            {
                "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
                "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
                "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
            },
            page="https://github.com/zalandoresearch/fashion-mnist",
        ),
        Source(
            "cifar10",
            ("https://www.cs.toronto.edu/~kriz/",),
            {
                "cifar-10-binary.tar.gz": "c32a1d4ab5d03f1284b67883e8d87530",
            },
            unpacks_to="cifar-10-batches-bin",
            page="https://www.cs.toronto.edu/~kriz/cifar.html",
        ),
    ]
}


def default_cache_dir() -> Path:
    """Where downloads go unless the user picks a folder: the platform's per-user cache."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "neurona" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "neurona"


def file_digest(path: Path, checksum: str) -> tuple[str, str]:
    """(algorithm name, hex digest of the file) for a checksum given as MD5 (32 hex digits) or SHA-256 (64)."""
    algorithm = {32: "md5", 64: "sha256"}.get(len(checksum))
    if algorithm is None:
        raise ValueError(f"checksum {checksum!r} is neither an MD5 nor a SHA-256 in hex")
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return algorithm.upper().replace("SHA256", "SHA-256"), h.hexdigest()


def _matches(path: Path, checksum: str | None) -> bool:
    return path.is_file() and (checksum is None or file_digest(path, checksum)[1] == checksum.lower())


def _open(url: str, start: int, timeout: float) -> http.client.HTTPResponse:
    host = urlsplit(url).netloc
    headers = {"User-Agent": "Neurona"}
    if start:
        headers["Range"] = f"bytes={start}-"
    try:  # a fresh opener so proxy settings are read now, not when the app started
        return urllib.request.build_opener().open(urllib.request.Request(url, headers=headers), timeout=timeout)
    except urllib.error.HTTPError as e:
        e.close()
        if e.code == 416 and start:
            raise  # the .part already holds the whole file (or more): the caller decides
        raise DownloadError(f"{host} answered {e.code} {e.reason} for {url}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
        reason = getattr(e, "reason", None) or e
        raise DownloadError(f"could not reach {host}: {reason}. {OFFLINE_HINT}") from None


def _prepare_folder(folder: Path) -> None:
    """Make the cache folder, or say plainly why it cannot be one (a file in the way, no permission)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".neurona-write-test-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except FileExistsError:
        raise DownloadError(f"the cache folder {folder} cannot be made: a file is in the way") from None
    except OSError as e:
        raise DownloadError(f"cannot write into the cache folder {folder}: {e.strerror or e}") from None


def download_file(
    url: str,
    dest: str | Path,
    checksum: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    timeout: float = TIMEOUT,
) -> Path:
    """Download url to dest through dest.part, resuming a .part left by an earlier try, then check its checksum."""
    dest = Path(dest)
    _prepare_folder(dest.parent)
    part = dest.with_name(dest.name + ".part")
    host = urlsplit(url).netloc
    start = part.stat().st_size if part.is_file() else 0
    try:
        response = _open(url, start, timeout)
    except urllib.error.HTTPError:  # 416: nothing left to send from byte `start` on
        if not _matches(part, checksum):
            part.unlink()
            return download_file(url, dest, checksum, progress, cancel, timeout)
        response = None
    if response is not None:
        with response:
            _receive(response, part, start, host, dest.name, progress, cancel)
    if checksum is not None:
        algorithm, actual = file_digest(part, checksum)
        if actual != checksum.lower():
            part.unlink()
            raise DownloadError(
                f"{dest.name} from {host} is corrupt: its {algorithm} is {actual} but should be "
                f"{checksum.lower()}. The broken download was deleted; try again."
            )
    part.replace(dest)
    return dest


def _receive(
    response, part: Path, start: int, host: str, name: str, progress: Progress | None, cancel: Cancel | None
) -> None:
    """Write the response body to part: appended after `start` bytes on a 206, from scratch otherwise."""
    if response.status != 206 or not response.headers.get("Content-Range", "").startswith(f"bytes {start}-"):
        start = 0  # the server ignored the Range request: it sends the whole file again
    length = response.headers.get("Content-Length")
    total = start + int(length) if length and length.isdigit() else None
    done = start
    with open(part, "ab" if start else "wb") as out:
        if progress:
            progress(done, total)
        while True:
            if cancel and cancel():
                raise DownloadCancelled(f"the download of {name} was cancelled")
            try:
                chunk = response.read(CHUNK)
            except (OSError, http.client.HTTPException) as e:
                raise DownloadError(_broken(name, host, done, total, e)) from None
            if not chunk:
                break
            try:
                out.write(chunk)
            except OSError as e:
                raise DownloadError(
                    f"cannot write {part} after {done:,} bytes ({e.strerror or e}): free some space and "
                    "try again; the download resumes where it stopped"
                ) from None
            done += len(chunk)
            if progress:
                progress(done, total)
    if total is not None and done < total:
        raise DownloadError(_broken(name, host, done, total, "the server closed the connection"))


def _broken(name: str, host: str, done: int, total: int | None, why: object) -> str:
    of = f" of {total:,}" if total is not None else ""
    return (
        f"the connection to {host} broke after {done:,}{of} bytes of {name} ({why}). "
        f"Try again: the download resumes where it stopped."
    )


def _unpack(archive: Path, folder: Path, inner: str) -> None:
    """Extract archive's `inner` folder into folder, refusing members that would land outside it."""
    if not hasattr(tarfile, "data_filter"):
        raise DownloadError("unpacking archives safely needs Python 3.11.4 or newer")
    staging = folder / ".unpacking"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with tarfile.open(archive, "r:*") as tar:
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, OSError) as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise DownloadError(f"{archive.name} could not be unpacked ({e}): delete it and download it again") from None
    if not (staging / inner).is_dir():
        shutil.rmtree(staging, ignore_errors=True)
        raise DownloadError(f"{archive.name} does not hold the folder {inner}: it is not the expected archive")
    shutil.rmtree(folder / inner, ignore_errors=True)
    (staging / inner).replace(folder / inner)
    shutil.rmtree(staging, ignore_errors=True)


def fetch_dataset(
    name: str,
    cache_dir: str | Path,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    base_url: str | None = None,
    checksums: dict[str, str] | None = None,
    timeout: float = TIMEOUT,
) -> Path:
    """Download what is missing of a dataset into cache_dir/name and return the folder to load from.

    Files already there with the right checksum are not fetched again; progress
    is reported per file. `base_url` replaces the mirrors and `checksums`
    overrides the table (tests point both at a local server).
    """
    key = name.lower().replace("-", "_")
    if key not in SOURCES:
        raise ValueError(f"unknown downloadable dataset '{name}' (known: {', '.join(SOURCES)})")
    source = SOURCES[key]
    folder = Path(cache_dir) / source.name
    if source.unpacks_to and (folder / source.unpacks_to).is_dir():
        return folder / source.unpacks_to  # unpacked earlier (moved in as a whole); the archive was deleted
    _prepare_folder(folder)
    sums = {**source.files, **(checksums or {})}
    mirrors = (base_url.rstrip("/") + "/",) if base_url else source.mirrors
    for file in source.files:
        dest = folder / file
        if _matches(dest, sums[file]):
            continue
        dest.unlink(missing_ok=True)
        errors: list[str] = []
        for mirror in mirrors:
            try:
                download_file(mirror + file, dest, sums[file], progress, cancel, timeout)
                break
            except DownloadError as e:
                errors.append(str(e))
        else:
            hint = f" The files are listed on {source.page}" if source.page and not base_url else ""
            earlier = [e.replace(" " + OFFLINE_HINT, "") + "\n" for e in errors[:-1]]  # say it once, at the end
            raise DownloadError("".join(earlier) + errors[-1] + hint)
        if source.unpacks_to:
            _unpack(dest, folder, source.unpacks_to)
            dest.unlink()
    return folder / source.unpacks_to if source.unpacks_to else folder
