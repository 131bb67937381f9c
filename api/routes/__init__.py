"""One router per resource under `/v1`, each depending only on the store protocol it needs."""
