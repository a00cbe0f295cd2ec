"""Tables 二/三/四, read label-anchored and template-driven, as a one-way pipeline:

``tokens`` → ``rows`` → ``headers`` → ``repairs`` (``pdf``, ``flatten``) → ``assemble``

- :mod:`.specs` (below every stage): the template's rows, columns and version words;
  :mod:`.numbers`: a cell's text → its value;
- :mod:`.tokens`: a table region cut into TEXT/NUM/EMPTY tokens, whatever the layout, with the
  purely lexical damage undone (a number glued to its label, page numbers, running headers);
- :mod:`.rows`: each run of numbers given to the template row whose label precedes it; labels
  compared with the template; tokens read as cells;
- :mod:`.headers`: column and caption headers compared with the template; table 三's variant;
- :mod:`.repairs.pdf`: damage from PDF text and converters undone where one reading fits
  (value rows without labels, a blank 总计, table 二's blocks out of order or in the other template);
  :mod:`.repairs.flatten`: flattened tables, digits of neighbouring cells run together;
- :mod:`.assemble`: the :class:`~gxlint.model.Table` of each kind.

Every module imports only from the ones before it (a test checks it).  The names here are the
table reader's public surface.
"""

from .assemble import parse_t2, parse_t3, parse_t4
from .numbers import MAX_DIGITS, TOO_LONG, read_number
from .specs import plain
from .tokens import EMPTY, NUM, TEXT, Token, tokenize

__all__ = [
    "parse_t2",
    "parse_t3",
    "parse_t4",
    "MAX_DIGITS",
    "TOO_LONG",
    "read_number",
    "plain",
    "EMPTY",
    "NUM",
    "TEXT",
    "Token",
    "tokenize",
]
