"""pledgewatch: sourced records of human-rights cases and government pledges in Central Asia."""

import os as _os

# natasha's matrices are tiny: OpenBLAS threads only fight each other and the worker
# processes of `ingest --workers` (measured: 12 docs/s with them, 22 without). Set before
# numpy is first imported.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"
