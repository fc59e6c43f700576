#!/usr/bin/python3
"""Validates JSON reports against a JSON Schema (the draft its "$schema" names:
2020-12 for ours, draft 4 for the official SARIF 2.1.0 schema; 2020-12 when
it names none).

usage: validate_json.py [--expect-invalid] SCHEMA FILE...

Each FILE is one JSON document (a .sarif log is one too), or JSON Lines when its
name ends in .jsonl
(every non-empty line is one document). Prints "FILE: ok" or each error with
the JSON path where it occurs, and exits 1 if any file fails.

With --expect-invalid the sense is reversed: every FILE must contain at least
one document the schema rejects (used to prove the schema can fail). Files
that cannot be read or parsed always fail.

Uses the Debian python3-jsonschema package (4.10): run it with /usr/bin/python3.
"""

import json
import sys

import jsonschema
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def load_documents(name):
    """Returns [(label, document)] or raises ValueError/OSError."""
    with open(name, encoding="utf-8") as f:
        text = f.read()
    if not name.endswith(".jsonl"):
        return [(name, json.loads(text))]
    docs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                docs.append((f"{name}:{number}", json.loads(line)))
            except ValueError as e:
                raise ValueError(f"line {number}: {e}") from e
    if not docs:
        raise ValueError("no JSON lines")
    return docs


def explain(error):
    """The errors worth printing for one validation error.

    A oneOf failure says only "not valid under any of the given schemas";
    report instead the errors of the branch the document was meant to match:
    the one with the fewest errors at the branch's top level (a report fails
    the error-record branch at the top, with missing and unexpected keys).
    """
    if error.validator != "oneOf" or not error.context:
        return [error]
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    depth = len(error.absolute_path)

    def score(subs):
        top = sum(1 for s in subs if len(s.absolute_path) == depth)
        return (top, len(subs))

    chosen = min(branches.values(), key=score)
    return [e for sub in chosen for e in explain(sub)]


def errors_of(validator, document):
    errors = [e for error in validator.iter_errors(document) for e in explain(error)]
    # Sorted so that the output is the same run to run.
    return sorted(errors, key=lambda e: (json_path(e), e.message))


def main(argv):
    args = argv[1:]
    expect_invalid = False
    if args and args[0] == "--expect-invalid":
        expect_invalid = True
        args = args[1:]
    if len(args) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    schema_name, files = args[0], args[1:]
    try:
        with open(schema_name, encoding="utf-8") as f:
            schema = json.load(f)
        cls = validator_for(schema, default=Draft202012Validator)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print(f"{schema_name}: invalid schema: {e}", file=sys.stderr)
        return 2
    validator = cls(schema)

    failed = False
    for name in files:
        try:
            documents = load_documents(name)
        except (OSError, ValueError) as e:
            print(f"{name}: cannot read: {e}")
            failed = True
            continue
        rejected = 0
        for label, document in documents:
            errors = errors_of(validator, document)
            if errors:
                rejected += 1
            for error in errors:
                print(f"{label}: {json_path(error)}: {error.message}")
        if expect_invalid:
            if rejected:
                print(f"{name}: rejected as expected")
            else:
                print(f"{name}: expected to be invalid, but it validates")
                failed = True
        elif rejected:
            failed = True
        else:
            print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
