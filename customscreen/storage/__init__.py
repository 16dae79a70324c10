"""Storage: the database file, its migrations, backups, who owns it, settings and users."""
