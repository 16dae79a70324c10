"""The program: the command line, the desk's start-up, the demo and the bench.

The only package that names both ``ui`` and ``customscreen``; the business never
imports the window, so a headless ``listen`` never loads Qt.
"""
