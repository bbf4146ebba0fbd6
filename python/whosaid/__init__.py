"""whosaid: who said what (quotes, speakers) and what is claimed, in news articles.

>>> import whosaid
>>> a = whosaid.annotate("“We are ready,” said John Kirby.")
>>> q = a["quotes"][0]
>>> q["text"], [e["name"] for e in a["entities"] if e["id"] == q["speaker"]]
('We are ready', ['John Kirby'])

Offsets (`start`/`end`) are Python string indices (``"offsets": "chars"``): for every span,
``text[span["start"]:span["end"]] == span["text"]``. The Rust engine does the work and
releases the GIL; `annotate_many` runs on all cores.
"""

from typing import TYPE_CHECKING

from ._whosaid import FORMAT_VERSION, __version__, annotate, annotate_many

if TYPE_CHECKING:  # the TypedDicts of the contract exist in the stubs only (_whosaid.pyi)
    from ._whosaid import Annotations, Claim, Entity, Quote, SourceCount  # noqa: F401

__all__ = ["annotate", "annotate_many", "FORMAT_VERSION", "__version__"]
