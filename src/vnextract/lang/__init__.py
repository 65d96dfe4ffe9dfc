"""Language data. Each language is a folder of data files read by ``vnextract.lang.<code>``."""
