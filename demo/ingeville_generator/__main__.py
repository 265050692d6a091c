"""``python -m ingeville_generator [--out DIR] [--quiet]`` from the ``demo`` folder."""

from .generate import main

raise SystemExit(main())
