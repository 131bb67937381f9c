"""The store: one table of items and one bucket of documents, `local` or `aws`.

`protocols` is the contract, one protocol per concern; `factory.open_store` builds the
`Repository` that implements it over SQLite + files or DynamoDB + S3 (docs/data-layout.md).
"""
