"""``customscreen bench``: speed at ten years of history, measured not guessed."""
