"""Type stubs for the extension module (src/python.rs). The dicts follow the JSON contract,
version 2 (src/types.rs), with ``"offsets": "chars"``."""

from typing import Iterable, List, Literal, Optional, TypedDict

FORMAT_VERSION: int
__version__: str

class Span(TypedDict):
    start: int
    end: int

class Phrase(TypedDict):
    start: int
    end: int
    text: str

class Entity(TypedDict):
    id: str
    name: str
    kind: Literal["person", "organization"]
    title: Optional[str]
    mentions: List[Span]

class Quote(TypedDict):
    id: str
    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect"]
    speaker: Optional[str]
    source: Optional[Phrase]
    cue: Optional[Phrase]
    confidence: float

class Claim(TypedDict):
    id: str
    start: int
    end: int
    text: str
    kind: Literal["quantity", "comparison", "causal", "prediction", "accusation", "statement"]
    score: float
    signals: List[str]
    quote: Optional[str]

class SourceCount(TypedDict):
    kind: Literal["person", "organization", "unnamed", "unattributed"]
    entity: Optional[str]
    name: Optional[str]
    quotes: int

class Annotations(TypedDict):
    version: int
    offsets: Literal["chars"]
    entities: List[Entity]
    quotes: List[Quote]
    claims: List[Claim]
    sources: List[SourceCount]

def annotate(text: str) -> Annotations:
    """Quotes, speakers, entities and claims of one article; offsets index ``text``.

    Raises TypeError when ``text`` is not a ``str``. Releases the GIL while it works."""

def annotate_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Annotations]:
    """``annotate`` over many articles on ``threads`` threads (default: all cores), without
    the GIL; results in input order."""
