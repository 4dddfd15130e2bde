"""The DOCX package: a finished python-docx document in, reproducible bytes out (its core
properties from the source, every zip entry dated with the filing day)."""

from __future__ import annotations

import datetime
import io
import zipfile

from docx.document import Document

from drafter.document.plan import Metadata


def set_core_properties(
    document: Document, metadata: Metadata, doc_number: str, filed: datetime.date
) -> None:
    """Title, authors, language and keywords from the source; created and modified on the
    filing day; nothing from the template or the machine."""
    properties = document.core_properties
    properties.title = metadata.title[:255]  # python-docx refuses longer properties
    properties.author = "; ".join(metadata.authors)[:255]
    # The language of the left column, as the PDF's (and the HTML's) document language.
    properties.language = metadata.languages[0]
    properties.keywords = doc_number
    properties.subject = ""
    properties.comments = ""
    properties.category = ""
    properties.last_modified_by = ""
    properties.revision = 1
    stamp = datetime.datetime(filed.year, filed.month, filed.day)
    properties.created = properties.modified = stamp


def save(document: Document, filed: datetime.date) -> bytes:
    """The document's bytes, the same for the same document (zip entries dated `filed`)."""
    stream = io.BytesIO()
    document.save(stream)
    return _reproducible_zip(stream.getvalue(), filed)


def _reproducible_zip(data: bytes, day: datetime.date) -> bytes:
    """The same archive with every entry dated `day` (python-docx stamps them with the time
    of saving), so two builds of one source give identical bytes."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0  # the same on every platform
            fixed.external_attr = 0
            target.writestr(fixed, source.read(entry))
    return output.getvalue()
