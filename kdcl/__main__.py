"""`python -m kdcl ...` (see kdcl.cli)."""

import sys

from kdcl.cli import main

sys.exit(main())
