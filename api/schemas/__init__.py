"""Request and response models, one module per resource (`…Create`/`…Update` in, `…Public` out).

Request models forbid unknown fields. Responses are snake_case throughout; storage records
are mapped field by field, so their camelCase aliases never leak into the API.
"""
