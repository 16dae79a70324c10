"""Where calls come from: caller-ID parsers and their transports. No Qt, no database."""
