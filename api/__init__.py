"""The HTTP API: the FastAPI app (`main.create_app`), routes per resource, auth, errors, the CLI.

Data flows one way: api -> agent -> (extraction, prompts, storage). `errors.STATUS_BY_CODE`
is where error codes become HTTP statuses; `deps` gives each route the store protocol it uses.
"""
