"""The measures behind ``customscreen bench``, without the desk.

``synthetic`` builds the office of ten years, ``measures`` and ``rings`` time
what people notice, ``timing`` turns runs into medians and percentiles. The
desk's own measures are in ``ui.benchmark``; ``app.bench`` runs both.
"""
