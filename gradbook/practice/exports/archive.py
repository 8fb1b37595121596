"""A zip archive that is the same bytes for the same files: entries in the
order given, each stamped with the same date (1980-01-01, the earliest a zip
can hold) and the same permissions, deflated."""

import io
import zipfile

STAMP = (1980, 1, 1, 0, 0, 0)


def zipped(files: dict[str, bytes]) -> bytes:
    """The files, by path inside the archive, as a zip's bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=STAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return buffer.getvalue()
