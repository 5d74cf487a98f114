"""Real dataset files: IDX and CIFAR-10 readers on tiny files in the real formats, and downloads from a local server.

Every download here talks to an HTTP server on 127.0.0.1 started by the test
itself; nothing reaches the internet.
"""

import gzip
import hashlib
import io
import socket
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from format_files import TYPES, cifar_folder, cifar_records, idx_bytes, images, mnist_folder, write

from core.data.download import DownloadCancelled, DownloadError, default_cache_dir, download_file, fetch_dataset
from core.data.files import (
    CIFAR10_CLASSES,
    DataFileError,
    load_cifar10_folder,
    load_idx_folder,
    read_cifar10_batch,
    read_idx,
)

# ---- IDX ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_idx_images_round_trip_exactly(tmp_path, gz):
    x = images()
    got = read_idx(write(tmp_path / ("a.gz" if gz else "a"), idx_bytes(x), gz))
    assert got.dtype == np.uint8 and got.shape == (5, 28, 28)
    np.testing.assert_array_equal(got, x)


@pytest.mark.parametrize("code", [0x09, 0x0B, 0x0C, 0x0D, 0x0E])
def test_idx_every_type_code_reads_big_endian_into_native_order(tmp_path, code):
    values = np.array([[-3, 0, 1], [2, 100, -120]]) if code != 0x0D else np.array([[-1.5, 0.25, 3e5]])
    got = read_idx(write(tmp_path / "v", idx_bytes(values, code)))
    assert got.dtype == np.dtype(TYPES[code]).newbyteorder("=") and got.dtype.isnative
    np.testing.assert_array_equal(got, values)


def test_idx_gzip_is_recognised_by_content_not_name(tmp_path):
    x = images(2)
    np.testing.assert_array_equal(read_idx(write(tmp_path / "train-images-idx3-ubyte", idx_bytes(x), gz=True)), x)


def test_idx_folder_loads_scaled_images_and_labels(tmp_path):
    x_tr, y_tr, x_te, y_te = mnist_folder(tmp_path / "m")
    a, b, c, d = load_idx_folder(tmp_path / "m")
    assert a.shape == (5, 1, 28, 28) and c.shape == (3, 1, 28, 28)
    assert a.dtype == c.dtype == np.float32 and b.dtype == d.dtype == np.int64
    np.testing.assert_array_equal(a[:, 0], x_tr.astype(np.float32) / 255)
    np.testing.assert_array_equal(c[:, 0], x_te.astype(np.float32) / 255)
    assert a.min() >= 0 and a.max() <= 1 and (a[:, 0] * 255).round().astype(int).tolist() == x_tr.tolist()
    assert b.tolist() == y_tr.tolist() and d.tolist() == y_te.tolist()


def test_idx_folder_accepts_plain_files_and_kaggle_names(tmp_path):
    mnist_folder(tmp_path, gz=False)
    (tmp_path / "t10k-images-idx3-ubyte").rename(tmp_path / "t10k-images.idx3-ubyte")
    assert load_idx_folder(tmp_path)[2].shape == (3, 1, 28, 28)


def test_idx_folder_names_what_is_missing(tmp_path):
    mnist_folder(tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(
        DataFileError,
        match=r"lacks t10k-labels-idx1-ubyte: looked for train-images-idx3-ubyte, "
        r"train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte",
    ):
        load_idx_folder(tmp_path)


def test_idx_folder_refuses_counts_that_differ(tmp_path):
    mnist_folder(tmp_path)
    write(tmp_path / "train-labels-idx1-ubyte.gz", idx_bytes(np.zeros(4, np.uint8)), gz=True)
    with pytest.raises(
        DataFileError, match="train-images-idx3-ubyte.gz holds 5 images but train-labels-idx1-ubyte.gz holds 4 labels"
    ):
        load_idx_folder(tmp_path)


def test_idx_folder_refuses_labels_in_place_of_images(tmp_path):
    mnist_folder(tmp_path)
    write(tmp_path / "t10k-images-idx3-ubyte.gz", idx_bytes(np.zeros(3, np.uint8)), gz=True)
    with pytest.raises(DataFileError, match=r"t10k-images-idx3-ubyte.gz should hold images .* shape \(3,\)"):
        load_idx_folder(tmp_path)


GOOD = idx_bytes(images())  # 16-byte header + 3,920 bytes


@pytest.mark.parametrize(
    "data, gz, message",
    [
        (GOOD[:1016], False, "f is truncated: it holds 1,000 of the 3,920 bytes its header promises"),
        (GOOD[:1016], True, "f is truncated: it holds 1,000 of the 3,920 bytes its header promises"),
        (GOOD + b"\0\0\0", False, "f is corrupt: it holds 3 bytes more than the 3,920 its header promises"),
        (b"<!DOCTYPE html><html>", False, "f is not an IDX file: it should start with two zero bytes, not 3c 21"),
        (b"\0\0\x0a\x01\0\0\0\x01x", False, "f has the unknown IDX type code 0x0A"),
        (
            b"\0\0\x08\x03\x7f\xff\xff\xff\x7f\xff\xff\xff\0\0\0\x09",
            False,
            "f has a corrupt header: its dimensions 2,147,483,647 × 2,147,483,647 × 9 would need",
        ),
        (b"\0\0\x08\x03\0\0\0\x05", False, "f is truncated: its header declares 3 dimensions but the file ends first"),
        (b"\0\0\x08\x00", False, "its header declares no dimensions"),
        (b"\0\0", False, "f is too short to be an IDX file: it holds only 2 bytes"),
        (b"", False, "f is too short to be an IDX file: it holds only 0 bytes"),
    ],
)
def test_idx_corrupt_files_say_what_is_wrong(tmp_path, data, gz, message):
    with pytest.raises(DataFileError, match=message):
        read_idx(write(tmp_path / "f", data, gz))


def test_idx_broken_gzip_stream(tmp_path):
    packed = gzip.compress(GOOD)
    with pytest.raises(DataFileError, match="f.gz is a broken gzip file .*download it again"):
        read_idx(write(tmp_path / "f.gz", packed[: len(packed) // 2]))
    corrupt = packed[:20] + bytes(b ^ 0xFF for b in packed[20:40]) + packed[40:]
    with pytest.raises(DataFileError, match="g.gz (is a broken gzip file|has a corrupt header)"):
        read_idx(write(tmp_path / "g.gz", corrupt))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DataFileError, match="does not exist"):
        read_idx(tmp_path / "nothing")
    with pytest.raises(DataFileError, match="is not a folder"):
        load_idx_folder(tmp_path / "nothing")


# ---- CIFAR-10 -------------------------------------------------------------------------------------------------------


def test_cifar_batch_keeps_channel_order_rows_and_labels(tmp_path):
    data, pixels = cifar_records([3, 9, 0, 7])
    raw = bytearray(data)
    raw[3 * 3073 + 1 + 5 * 32 + 7] = 200  # the red value at row 5, column 7 of the fourth image
    raw[3 * 3073 + 1 + 2 * 1024 + 31 * 32] = 17  # the blue value at row 31, column 0
    x, y = read_cifar10_batch(write(tmp_path / "data_batch_1.bin", bytes(raw)))
    assert x.shape == (4, 3, 32, 32) and x.dtype == np.float32 and y.dtype == np.int64
    assert y.tolist() == [3, 9, 0, 7] and CIFAR10_CLASSES[y[0]] == "cat"
    assert (x[0, 0] == 1).all() and (x[0, 1] == 0).all() and (x[0, 2] == 0).all()
    assert (x[1, 1] == 1).all() and (x[1, 0] == 0).all() and (x[1, 2] == 0).all()
    np.testing.assert_array_equal(x[2], pixels[2].astype(np.float32) / 255)
    assert x[3, 0, 5, 7] == np.float32(200) / 255 and x[3, 2, 31, 0] == np.float32(17) / 255


@pytest.mark.parametrize(
    "data, message",
    [
        (
            b"\0" * (3073 * 2 + 1000),
            "is not a CIFAR-10 binary batch: its size, 7,146 bytes, is not a multiple of 3,073",
        ),
        (b"", "its size, 0 bytes"),
        (cifar_records([1, 2, 12])[0], "is not a CIFAR-10 batch: image 3 has the label 12"),
    ],
)
def test_cifar_corrupt_batches(tmp_path, data, message):
    with pytest.raises(DataFileError, match=message):
        read_cifar10_batch(write(tmp_path / "b.bin", data))


@pytest.mark.parametrize("inner", ["", "cifar-10-batches-bin"])
def test_cifar_folder_directly_or_in_the_archive_subfolder(tmp_path, inner):
    cifar_folder(tmp_path / inner)
    x_tr, y_tr, x_te, y_te = load_cifar10_folder(tmp_path)
    assert x_tr.shape == (10, 3, 32, 32) and x_te.shape == (3, 3, 32, 32)
    assert y_tr.tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5] and y_te.tolist() == [0, 1, 2]
    np.testing.assert_array_equal(x_tr[2:4], read_cifar10_batch(tmp_path / inner / "data_batch_2.bin")[0])


def test_cifar_folder_with_some_training_batches(tmp_path):
    cifar_folder(tmp_path, batches=(2, 4))
    assert load_cifar10_folder(tmp_path)[1].tolist() == [2, 2, 4, 4]


@pytest.mark.parametrize(
    "batches, test, message",
    [
        ((1, 2), False, "has training batches but no test_batch.bin"),
        ((), True, "has test_batch.bin but no training batch: it needs at least one of data_batch_1.bin"),
        (
            (),
            False,
            "holds no CIFAR-10 batches: looked for data_batch_1.bin … data_batch_5.bin and test_batch.bin "
            "there and in its cifar-10-batches-bin subfolder",
        ),
    ],
)
def test_cifar_folder_says_what_is_missing(tmp_path, batches, test, message):
    cifar_folder(tmp_path, batches, test)
    with pytest.raises(DataFileError, match=message):
        load_cifar10_folder(tmp_path)


def test_cifar_python_version_is_refused_without_unpickling(tmp_path):
    (tmp_path / "cifar-10-batches-py").mkdir()
    write(tmp_path / "cifar-10-batches-py" / "data_batch_1", b"\x80\x04 a pickle")
    with pytest.raises(DataFileError, match="Python .pickle. version .* download the binary version"):
        load_cifar10_folder(tmp_path)


# ---- downloads from a local server -------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    """Serves server.files, honours Range with 206 unless told not to, and can cut a file off halfway once."""

    def do_GET(self):
        srv = self.server
        name, wanted = self.path.lstrip("/"), self.headers.get("Range")
        srv.requests.append((name, wanted))
        if name not in srv.files:
            self.send_error(404)
            return
        body, start = srv.files[name], 0
        if wanted and srv.honour_range:
            start = int(wanted.removeprefix("bytes=").split("-")[0])
            if start >= len(body):
                self.send_error(416)
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if name in srv.cut_once:
            srv.cut_once.discard(name)
            self.wfile.write(body[start : len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body[start:])

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Even with a proxy configured, requests to the local server go straight to 127.0.0.1."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "*")


@pytest.fixture
def server(request):
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.files, srv.requests, srv.cut_once, srv.honour_range = {}, [], set(), True
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}/"
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    def stop():
        srv.shutdown()
        srv.server_close()
        thread.join(5)

    request.addfinalizer(stop)
    return srv


BLOB = np.random.default_rng(3).integers(0, 256, 300_000, dtype=np.uint8).tobytes()  # several 64 KiB chunks
MD5 = hashlib.md5(BLOB).hexdigest()


def test_download_whole_file_with_checksum_and_progress(server, tmp_path):
    server.files["blob"] = BLOB
    calls = []
    dest = download_file(
        server.url + "blob", tmp_path / "blob", MD5, progress=lambda d, t: calls.append((d, t)), timeout=5
    )
    assert dest.read_bytes() == BLOB and not (tmp_path / "blob.part").exists()
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(calls) > 3 and calls[-1] == (len(BLOB), len(BLOB))
    assert all(t == len(BLOB) for _, t in calls)
    assert server.requests == [("blob", None)]


def test_a_disk_filling_up_mid_download_is_explained_and_keeps_the_part(server, tmpfs):
    server.files["blob"] = BLOB
    disk = tmpfs("small", "size=128k")
    with pytest.raises(DownloadError, match=r"cannot write .*blob.part after .* free some space and try again"):
        download_file(server.url + "blob", disk / "blob", MD5, timeout=5)
    assert 0 < (disk / "blob.part").stat().st_size < len(BLOB)  # kept, so a retry resumes


def test_download_accepts_sha256(server, tmp_path):
    server.files["blob"] = BLOB
    download_file(server.url + "blob", tmp_path / "blob", hashlib.sha256(BLOB).hexdigest(), timeout=5)
    assert (tmp_path / "blob").read_bytes() == BLOB


def test_download_checksum_mismatch_deletes_the_part(server, tmp_path):
    server.files["blob"] = BLOB
    with pytest.raises(
        DownloadError,
        match=f"blob from 127.0.0.1:\\d+ is corrupt: its MD5 is {MD5} but should be "
        f"0{{32}}. The broken download was deleted",
    ):
        download_file(server.url + "blob", tmp_path / "blob", "0" * 32, timeout=5)
    assert list(tmp_path.iterdir()) == []


def test_download_resumes_a_partial_file(server, tmp_path):
    server.files["blob"] = BLOB
    half = len(BLOB) // 2
    (tmp_path / "blob.part").write_bytes(BLOB[:half])
    calls = []
    download_file(server.url + "blob", tmp_path / "blob", MD5, progress=lambda d, t: calls.append(d), timeout=5)
    assert server.requests == [("blob", f"bytes={half}-")]
    assert (tmp_path / "blob").read_bytes() == BLOB
    assert calls[0] == half and calls[-1] == len(BLOB)


def test_download_starts_over_when_the_server_ignores_range(server, tmp_path):
    server.files["blob"], server.honour_range = BLOB, False
    (tmp_path / "blob.part").write_bytes(BLOB[:1000])
    download_file(server.url + "blob", tmp_path / "blob", MD5, timeout=5)
    assert server.requests == [("blob", "bytes=1000-")] and (tmp_path / "blob").read_bytes() == BLOB


def test_download_with_a_complete_part_finishes_on_416(server, tmp_path):
    server.files["blob"] = BLOB
    (tmp_path / "blob.part").write_bytes(BLOB)
    download_file(server.url + "blob", tmp_path / "blob", MD5, timeout=5)
    assert (tmp_path / "blob").read_bytes() == BLOB and len(server.requests) == 1


def test_interrupted_download_keeps_the_part_and_a_retry_completes_it(server, tmp_path):
    server.files["blob"], server.cut_once = BLOB, {"blob"}
    with pytest.raises(
        DownloadError,
        match=r"the connection to 127.0.0.1:\d+ broke after 150,000 of 300,000 bytes "
        r"of blob .*the download resumes where it stopped",
    ):
        download_file(server.url + "blob", tmp_path / "blob", MD5, timeout=5)
    assert (tmp_path / "blob.part").read_bytes() == BLOB[:150_000] and not (tmp_path / "blob").exists()
    download_file(server.url + "blob", tmp_path / "blob", MD5, timeout=5)
    assert (tmp_path / "blob").read_bytes() == BLOB
    assert server.requests == [("blob", None), ("blob", "bytes=150000-")]


def test_cancel_stops_between_chunks_and_keeps_the_part(server, tmp_path):
    server.files["blob"] = BLOB
    calls = []
    with pytest.raises(DownloadCancelled):
        download_file(
            server.url + "blob",
            tmp_path / "blob",
            MD5,
            progress=lambda d, t: calls.append(d),
            cancel=lambda: len(calls) >= 2,
            timeout=5,
        )
    assert calls == [0, 65536] and (tmp_path / "blob.part").stat().st_size == 65536
    assert not (tmp_path / "blob").exists()


def test_unreachable_host_says_offline(tmp_path):
    with socket.socket() as s:  # a port that was free a moment ago: nobody listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(
        DownloadError,
        match=f"could not reach 127.0.0.1:{port}: .*You seem to be offline: "
        "download the files yourself and choose their folder.",
    ):
        download_file(f"http://127.0.0.1:{port}/x", tmp_path / "x", timeout=5)
    assert list(tmp_path.iterdir()) == []


def test_server_error_status(server, tmp_path):
    with pytest.raises(DownloadError, match=r"127.0.0.1:\d+ answered 404 Not Found for http://127.0.0.1:\d+/gone"):
        download_file(server.url + "gone", tmp_path / "gone", timeout=5)


def test_fetch_mnist_end_to_end_then_skips_what_is_there(server, tmp_path):
    x_tr, y_tr, x_te, y_te = mnist_folder(tmp_path / "src")
    sums = {}
    for f in (tmp_path / "src").iterdir():
        server.files[f.name] = f.read_bytes()
        sums[f.name] = hashlib.md5(f.read_bytes()).hexdigest()
    calls = []
    folder = fetch_dataset(
        "mnist",
        tmp_path / "cache",
        progress=lambda d, t: calls.append((d, t)),
        base_url=server.url,
        checksums=sums,
        timeout=5,
    )
    assert folder == tmp_path / "cache" / "mnist" and len(server.requests) == 4 and calls
    a, b, c, d = load_idx_folder(folder)
    np.testing.assert_array_equal(a[:, 0], x_tr / np.float32(255))
    assert b.tolist() == y_tr.tolist() and d.tolist() == y_te.tolist() and c.shape == (3, 1, 28, 28)
    (folder / "t10k-labels-idx1-ubyte.gz").write_bytes(b"damaged")  # a wrong checksum is fetched again
    fetch_dataset("mnist", tmp_path / "cache", base_url=server.url, checksums=sums, timeout=5)
    assert [n for n, _ in server.requests[4:]] == ["t10k-labels-idx1-ubyte.gz"]
    assert load_idx_folder(folder)[3].tolist() == y_te.tolist()


def test_fetch_with_the_published_checksums_rejects_other_files(server, tmp_path):
    mnist_folder(tmp_path / "src")
    for f in (tmp_path / "src").iterdir():
        server.files[f.name] = f.read_bytes()
    with pytest.raises(DownloadError, match="train-images-idx3-ubyte.gz .* should be f68b3c2dcbeaaa9fbdd348bbdeb94873"):
        fetch_dataset("mnist", tmp_path / "cache", base_url=server.url, timeout=5)


def tarball(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_fetch_cifar10_unpacks_the_binary_archive(server, tmp_path):
    cifar_folder(tmp_path / "src", batches=(1, 3))
    archive = tarball({f"cifar-10-batches-bin/{f.name}": f.read_bytes() for f in (tmp_path / "src").iterdir()})
    server.files["cifar-10-binary.tar.gz"] = archive
    sums = {"cifar-10-binary.tar.gz": hashlib.md5(archive).hexdigest()}
    folder = fetch_dataset("cifar10", tmp_path / "cache", base_url=server.url, checksums=sums, timeout=5)
    assert folder == tmp_path / "cache" / "cifar10" / "cifar-10-batches-bin"
    assert sorted(p.name for p in (tmp_path / "cache" / "cifar10").iterdir()) == ["cifar-10-batches-bin"]
    assert load_cifar10_folder(folder)[1].tolist() == [1, 1, 3, 3]
    assert fetch_dataset("cifar10", tmp_path / "cache", base_url=server.url, checksums=sums) == folder
    assert len(server.requests) == 1


def test_fetch_refuses_an_archive_that_escapes_its_folder(server, tmp_path):
    archive = tarball({"cifar-10-batches-bin/test_batch.bin": b"x", "../../escaped.txt": b"gotcha"})
    server.files["cifar-10-binary.tar.gz"] = archive
    sums = {"cifar-10-binary.tar.gz": hashlib.md5(archive).hexdigest()}
    with pytest.raises(DownloadError, match="cifar-10-binary.tar.gz could not be unpacked"):
        fetch_dataset("cifar10", tmp_path / "cache", base_url=server.url, checksums=sums, timeout=5)
    assert not list(tmp_path.rglob("escaped.txt")) and not (tmp_path / "cache" / "cifar10" / ".unpacking").exists()


def test_fetch_unknown_name(tmp_path):
    with pytest.raises(ValueError, match="unknown downloadable dataset 'imagenet'"):
        fetch_dataset("imagenet", tmp_path)


def test_default_cache_dir_respects_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "neurona"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "neurona"
