"""drafter: offline drafting of Chinese work summaries laid out to GB/T 9704-2012."""
from drafter.api import (  # noqa: F401  (the public library API)
    check, draft, extract, fix, init_fill, mine, parse_documents, parse_file, parse_text, phrases, skeletons,
)

__version__ = "0.1.0"
