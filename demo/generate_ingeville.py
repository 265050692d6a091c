#!/usr/bin/env python3
"""Generate "Ingeville", the fictional demo territory: ``generate_ingeville.py [--out DIR] [--quiet]``.

A thin entry point kept so that ``scripts/run_demo.py``, the tests and the README keep one command;
the generator itself is the package ``ingeville_generator`` next to this file (one module per layer).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingeville_generator.generate import main

if __name__ == "__main__":
    raise SystemExit(main())
