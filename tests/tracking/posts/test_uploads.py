"""The upload checks on their own: names, text sniffing across chunks, stopping early."""

import io

import pytest

from api.core.errors import PayloadTooLarge, UnsupportedMediaType
from api.tracking.posts import uploads
from api.tracking.posts.uploads import IncomingFile, clean_file_name, store_upload


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("\x00evil\r\nname.txt", "evilname.txt"),
        ("rep\u202eort.txt", "report.txt"),  # a right-to-left override would disguise the extension
        ("..", "evidence"),
        (None, "evidence"),
        ("a/b\\c.pdf", "c.pdf"),
        ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
        ("y" * 300, "y" * 255),
    ],
)
def test_clean_file_name(sent, kept):
    assert clean_file_name(sent) == kept


class CountingStream(io.RawIOBase):
    """An endless stream that counts what was read from it."""

    def __init__(self) -> None:
        self.served = 0

    def read(self, size: int = -1) -> bytes:
        size = 65536 if size < 0 else size
        self.served += size
        return b"a" * size


def test_a_large_upload_stops_being_read_past_the_limit(tmp_path):
    stream = CountingStream()
    with pytest.raises(PayloadTooLarge):
        store_upload(IncomingFile("big.txt", stream), tmp_path, max_bytes=100_000)
    assert stream.served <= 100_000 + uploads.CHUNK_BYTES
    assert list(tmp_path.iterdir()) == []


def test_markup_split_across_chunks_is_still_found(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "CHUNK_BYTES", 7)
    content = b"Harmless first line.\nthen <scr" + b"ipt>alert(1)</script>\n"
    with pytest.raises(UnsupportedMediaType):
        store_upload(IncomingFile("a.txt", io.BytesIO(content)), tmp_path, max_bytes=10_000)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        "Napredek: č, š, ž — and a multi-byte character split across chunks: 漢字.\n".encode(),
        b"\xef\xbb\xbfa,b\r\n1,2\r\n",
        b"x < y and y > z: comparisons are not markup\n",
    ],
)
def test_utf8_text_in_small_chunks_is_text(tmp_path, monkeypatch, content):
    monkeypatch.setattr(uploads, "CHUNK_BYTES", 3)
    stored = store_upload(IncomingFile("a.txt", io.BytesIO(content)), tmp_path, max_bytes=10_000)
    assert stored.content_type == "text/plain" and stored.path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == [stored.stored_name]


@pytest.mark.parametrize("content", [b"abc\x1bdef", "C1 control \u0085 here".encode(), b"\xff\xfeU\x00T\x00F\x00"])
def test_control_characters_and_other_encodings_are_not_text(tmp_path, content):
    with pytest.raises(UnsupportedMediaType):
        store_upload(IncomingFile("a.txt", io.BytesIO(content)), tmp_path, max_bytes=10_000)
