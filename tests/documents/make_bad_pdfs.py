"""Write the three unreadable PDFs of tests/bad_inputs/ (run once; the files are committed).

    .venv/bin/python tests/documents/make_bad_pdfs.py tests/bad_inputs

- ``scanned.pdf``: a page that is only an image of text (what a scanner makes): no text layer.
- ``encrypted.pdf``: a page with a text layer, encrypted with a user password (pypdf).
- ``truncated.pdf``: the text page cut to 60 % of its bytes, as an interrupted download leaves it.
"""

import io
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from pypdf import PdfReader, PdfWriter  # noqa: E402

SENTENCE = "Exosomal miR-21 targets PTEN and promotes cisplatin resistance."


def text_page() -> bytes:
    figure = plt.figure(figsize=(8.27, 11.69))
    figure.text(0.1, 0.9, SENTENCE, fontsize=11)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf", metadata={"CreationDate": None})
    plt.close(figure)
    return buffer.getvalue()


def scanned_page() -> bytes:
    # Render the sentence to pixels, then place only the pixels on the page.
    drawn = plt.figure(figsize=(6, 1), dpi=100)
    drawn.text(0.02, 0.4, SENTENCE, fontsize=9)
    drawn.canvas.draw()
    pixels = np.asarray(drawn.canvas.buffer_rgba())[:, :, :3]
    plt.close(drawn)
    figure = plt.figure(figsize=(8.27, 11.69))
    axes = figure.add_axes([0.05, 0.8, 0.9, 0.15])
    axes.imshow(pixels)
    axes.axis("off")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf", metadata={"CreationDate": None})
    plt.close(figure)
    return buffer.getvalue()


def encrypted(data: bytes) -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="exocargo", owner_password="exocargo-owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def main(folder: Path) -> None:
    text = text_page()
    (folder / "scanned.pdf").write_bytes(scanned_page())
    (folder / "encrypted.pdf").write_bytes(encrypted(text))
    (folder / "truncated.pdf").write_bytes(text[: int(len(text) * 0.6)])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
