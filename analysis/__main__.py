"""`python -m analysis` is the same as the `precursor` command."""

from analysis.cli import main

raise SystemExit(main())
