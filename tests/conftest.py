"""Shared test configuration: hypothesis settings profiles.

Choose one with the ``HYPOTHESIS_PROFILE`` environment variable: ``dev`` (the default, quick
enough to run on every save) or ``ci`` (more examples, no deadline since shared CI machines
have noisy timings, and a reproduction blob printed with every failure).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
