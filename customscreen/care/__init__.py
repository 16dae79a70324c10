"""Care: keeping the installation healthy: doctor, line checks, daily chores,
privacy, passwords and starting with the session."""
