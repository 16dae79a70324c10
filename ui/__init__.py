"""What the people see: PySide6 widgets over customscreen."""
