"""Study-guide logic shared by the MkDocs hooks and the command line (no MkDocs import here)."""
