"""What the business knows and decides. No Qt."""
