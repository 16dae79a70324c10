"""``python -m app``: the ``customscreen`` command."""

from app.cli import main

raise SystemExit(main())
