"""A long galley's laid-out blocks, kept pickled until their page is drawn.

In: the block boxes WeasyPrint laid out in the galley (`pdf.measure_parts`), one galley part
at a time. Out: on each request, a fresh copy of one block's box, with its lines.

A laid-out line costs about 14 kB of Python objects (its boxes, their styles and their
numbers), and the pages are drawn only once every line is measured, so a long document
held every line of its galley alive at once: 405 MB for ten times the flagship. Pickled, a
block costs a few kilobytes; each page takes a fresh copy of its blocks when it is drawn
(and of those it gathers links or anchors from when it is made: `_gives_page_data`), and
lets go of it afterwards. A copy is exact (Python pickles floats
to the bit), so the pages are the ones the kept boxes gave, to the byte.

What every block shares is not copied but referred to: the fonts (`FontConfiguration`,
which holds Pango's font map), and the styles of the galley's boxes around the blocks,
which every block's style descends from.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterable, Iterator, Mapping

from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

Key = tuple[str, int, str]  # "cell" or "note", number, language


class PackedBoxes(Mapping[Key, boxes.BlockBox]):
    """Block boxes kept pickled; `packed[key]` unpickles a fresh copy of one."""

    def __init__(self, fonts: FontConfiguration) -> None:
        self._shared: list[object] = [fonts]
        self._shared_index: dict[int, int] = {id(fonts): 0}
        # Each block's pickle, with the shared objects it refers to (this galley's, or
        # those of the galley it was merged from).
        self._packed: dict[Key, tuple[bytes, list[object]]] = {}
        # The blocks a page gathers something from when it is made (`_gives_page_data`).
        self.marked: set[Key] = set()

    def share(self, around: Iterable[boxes.Box]) -> None:
        """Refer to the styles of the boxes `around` the blocks instead of copying them
        into every block."""
        for box in around:
            if id(box.style) not in self._shared_index:
                self._shared_index[id(box.style)] = len(self._shared)
                self._shared.append(box.style)

    def add(self, key: Key, box: boxes.BlockBox) -> None:
        self._packed[key] = (_pickled(box, self._shared_index), self._shared)
        if _gives_page_data(box):
            self.marked.add(key)

    def merge(self, other: PackedBoxes) -> None:
        """Take in the blocks of `other` (packed with the same fonts)."""
        self._packed.update(other._packed)
        self.marked |= other.marked

    def to_bytes(self) -> bytes:
        """These blocks as bytes, for another process forked from this one
        (`from_bytes`): everything but the fonts, which that process has as well."""
        shelves = {id(shared): shared[1:] for _, shared in self._packed.values()}
        packed = {key: (data, id(shared)) for key, (data, shared) in self._packed.items()}
        return _pickled((shelves, packed, self.marked), {id(self._shared[0]): 0})

    @classmethod
    def from_bytes(cls, data: bytes, fonts: FontConfiguration) -> PackedBoxes:
        """The blocks `to_bytes` gave in a process forked from this one, with its `fonts`."""
        shelves, packed, marked = _Unpickler(io.BytesIO(data), [fonts]).load()
        shared = {shelf: [fonts, *objects] for shelf, objects in shelves.items()}
        received = cls(fonts)
        received._packed = {key: (blob, shared[shelf]) for key, (blob, shelf) in packed.items()}
        received.marked = marked
        return received

    def __getitem__(self, key: Key) -> boxes.BlockBox:
        data, shared = self._packed[key]
        box: boxes.BlockBox = _Unpickler(io.BytesIO(data), shared).load()
        return box

    def __iter__(self) -> Iterator[Key]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _pickled(thing: object, shared_index: dict[int, int]) -> bytes:
    data = io.BytesIO()
    _Pickler(data, shared_index).dump(thing)
    return data.getvalue()


def _gives_page_data(block: boxes.BlockBox) -> bool:
    """Whether a page made with this block's lines gathers anything from them: a link, an
    anchor, a bookmark, a form field, or a transformed box (which moves those), as
    WeasyPrint's `gather_anchors` looks for them. A page need not copy the other blocks'
    lines until it is drawn: without them it gathers the same."""
    stack: list[boxes.Box] = list(block.children)
    while stack:
        box = stack.pop()
        style = box.style
        if (
            style["anchor"]
            or (box.link and not isinstance(box, (boxes.TextBox, boxes.LineBox)))
            or (box.bookmark_label and style["bookmark_level"] != "none")
            or style["transform"]
            or box.is_input()
            or box.is_form()
        ):
            return True
        stack.extend(getattr(box, "children", ()))
    return False


def _shared_object(index: int) -> object:
    """Stands in a pickle for a shared object (`PackedBoxes.share`): `_Unpickler` puts the
    object itself in its place."""
    raise RuntimeError("a packed box is unpickled by PackedBoxes only")


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, shared_index: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared_index = shared_index

    # Not `persistent_id`, which pickle asks of every object down to each number (packing
    # took 2.6 times as long): this is asked only of objects of other types than the
    # built-in ones, which is where the fonts and the styles are.
    def reducer_override(self, obj: object) -> object:
        index = self._shared_index.get(id(obj))
        if index is None:
            return NotImplemented
        return _shared_object, (index,)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: list[object]) -> None:
        super().__init__(file)
        self._shared = shared

    def find_class(self, module_name: str, name: str) -> object:
        if module_name == __name__ and name == _shared_object.__name__:
            return self._shared.__getitem__
        return super().find_class(module_name, name)
