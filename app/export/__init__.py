"""Output: PDF forms (pdf/) and Excel tables (excel/). No Qt here."""
