"""``python -m disclosure_model`` runs the command line."""

import sys

from disclosure_model.cli import main

if __name__ == "__main__":
    sys.exit(main())
