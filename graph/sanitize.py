"""Text that leaves amurkg for XML or a terminal: characters XML 1.0 forbids are replaced, control
characters a terminal would obey are shown escaped. Data files (Turtle, CSV to a file) stay faithful."""

from __future__ import annotations

import re

# XML 1.0 allows TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up; everything else is refused by parsers.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# C0 controls but TAB, LF and CR of a CRLF line end, DEL, and the C1 controls (U+009B is an 8-bit CSI
# for many terminals).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
REPLACEMENT = "\ufffd"


def xml_safe(text: str) -> str:
    """The text with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, text)


def xml_unsafe_count(text: str) -> int:
    """How many characters of the text XML 1.0 cannot hold."""
    return len(_NOT_XML.findall(text))


def terminal_safe(text: str) -> str:
    """The text with control characters (ESC, NUL, CR, BEL, C1, …) written as visible \\xNN escapes,
    so printing it cannot move the cursor, recolour or retitle the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
