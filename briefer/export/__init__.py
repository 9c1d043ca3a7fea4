"""A brief into .docx from templates/. Imports no Qt."""
