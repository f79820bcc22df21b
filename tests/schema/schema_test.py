#!/usr/bin/env python3
"""Tier 3 (needs Debian's python3-jsonschema): the JSON Schema of the story format.

Checks that assets/stories/epilogue-story.schema.json is a valid JSON Schema 2020-12; that every bundled
and example story validates against it (and passes `epilogue --validate`); and that shapes the loader
rejects (an unknown field, a wrong type, a missing field, a malformed date) are rejected by the schema too,
so that an editor checking a story with the schema flags what the program would.

Usage: schema_test.py SCHEMA EPILOGUE_BINARY STORY_OR_DIRECTORY...
Prints "N passed, 0 failed" or what went wrong; exit status 0 or 1.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("FAIL: python3-jsonschema is missing (apt-get install python3-jsonschema; scripts/test.sh installs it)")
    sys.exit(1)

failures = []
passed = 0


def check(condition, message):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)


def epilogue_validates(binary, story):
    """Runs `epilogue --validate` on a story (a path, or a JSON value written to a temporary file)."""
    environment = dict(os.environ)
    preload = environment.get("EPILOGUE_SANITIZER_PRELOAD")
    if preload:  # under the sanitizers: for Epilogue's program only (tests/CMakeLists.txt)
        environment["LD_PRELOAD"] = preload
    with tempfile.TemporaryDirectory() as work:
        path = story
        if not isinstance(story, str):
            path = os.path.join(work, "story.json")
            with open(path, "w", encoding="utf-8") as out:
                json.dump(story, out, ensure_ascii=False)
        result = subprocess.run([binary, "--validate", path], capture_output=True, text=True, env=environment)
    return result.returncode, result.stdout + result.stderr


def story_files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for name in sorted(os.listdir(argument)):
                if name.endswith(".json") and not name.endswith(".schema.json"):
                    yield os.path.join(argument, name)
        else:
            yield argument


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    schema_path, binary, places = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as source:
        schema = json.load(source)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        check(True, "")
    except jsonschema.exceptions.SchemaError as error:
        failures.append(f"the schema is not valid JSON Schema 2020-12: {error.message}")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    # Every bundled and example story: valid for the schema and for the program.
    stories = list(story_files(places))
    check(len(stories) >= 4, f"expected the bundled and example stories, found {stories}")
    dated = None
    for path in stories:
        with open(path, encoding="utf-8") as source:
            story = json.load(source)
        problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(story)]
        check(not problems, f"{path}: the schema rejects it: {problems[:3]}")
        status, said = epilogue_validates(binary, path)
        check(status == 0, f"{path}: epilogue --validate rejects it: {said.strip()}")
        if os.path.dirname(path) == os.path.dirname(os.path.abspath(schema_path)):
            check(story.get("$schema") == "./epilogue-story.schema.json",
                  f"{path}: a bundled story names the schema in \"$schema\"")
        if any(isinstance(event.get("time"), str) for event in story.get("events", [])):
            dated = story

    # Shapes the loader rejects: each change to a valid story must be rejected by both.
    base = {
        "format": "epilogue-story/1",
        "title": "Two lives",
        "source": {"title": "An article"},
        "eras": [{"name": "Then", "start": 0, "end": 10}],
        "lanes": [{"id": "dream", "title": "What if", "kind": "dream", "forks_from": "meet", "rejoins_at": "end"},
                  {"id": "real", "title": "What happened"}],
        "events": [{"id": "meet", "lane": "real", "time": 1, "title": "They meet",
                    "quotes": [{"speaker": "She", "words": "Hello"}],
                    "commentary": [{"text": "It begins.", "attribution": "the article"}]},
                   {"id": "kiss", "lane": "dream", "time": 3, "title": "They kiss"},
                   {"id": "end", "lane": "real", "time": 8, "title": "The end"}],
        "pairs": [["meet", "kiss"]],
    }
    status, said = epilogue_validates(binary, base)
    check(status == 0, f"the base story of the shape checks does not load: {said}")
    check(validator.is_valid(base), "the schema rejects the base story of the shape checks")

    def change(description, edit, story=base):
        broken = copy.deepcopy(story)
        edit(broken)
        status, said = epilogue_validates(binary, broken)
        check(status == 1, f"{description}: epilogue --validate accepts it (status {status}): {said.strip()}")
        check(not validator.is_valid(broken), f"{description}: the loader rejects it ({said.strip()}), the schema does not")

    # Unknown fields, at every level.
    change("an unknown field in the story", lambda s: s.update(sumary="x"))
    change("an unknown field in the source", lambda s: s["source"].update(site="x"))
    change("an unknown field in an era", lambda s: s["eras"][0].update(colour="red"))
    change("an unknown field in a lane", lambda s: s["lanes"][0].update(colour="red"))
    change("an unknown field in an event", lambda s: s["events"][0].update(sumary="x"))
    change("an unknown field in a quote", lambda s: s["events"][0]["quotes"][0].update(tone="soft"))
    change("an unknown field in commentary", lambda s: s["events"][0]["commentary"][0].update(page=3))
    change("an unknown field in a tour stop", lambda s: s.update(tour=[{"event": "meet", "wait": 3}]))
    # Wrong types.
    change("a time that is an object", lambda s: s["events"][1].update(time={"at": 3}))
    change("a time that is true", lambda s: s["events"][1].update(time=True))
    change("a title that is a number", lambda s: s["events"][1].update(title=5))
    change("lanes that are an object", lambda s: s.update(lanes={"real": {}}))
    change("a lane kind that is not real or dream", lambda s: s["lanes"][0].update(kind="nightmare"))
    change("a format that is another", lambda s: s.update(format="epilogue-story/2"))
    change("a pair of three", lambda s: s["pairs"][0].append("end"))
    change("a pair of numbers", lambda s: s.update(pairs=[[1, 2]]))
    change("a time past the limit", lambda s: s["events"][2].update(time=2e12))
    change("a time unit over 40 bytes", lambda s: s.update(time_unit="m" * 41))
    change("\"$schema\" that is not text", lambda s: s.update({"$schema": 1}))
    change("a tour stop that is an event and a stretch", lambda s: s.update(tour=[{"event": "meet", "from": 1, "to": 2}]))
    change("a tour stop that is neither", lambda s: s.update(tour=[{"caption": "x"}]))
    change("a tour stretch without a caption", lambda s: s.update(tour=[{"from": 1, "to": 2}]))
    change("a tour stop held 0 seconds", lambda s: s.update(tour=[{"event": "meet", "seconds": 0}]))
    # Missing fields.
    change("an event without a time", lambda s: s["events"][1].pop("time"))
    change("an event without an id", lambda s: s["events"][1].pop("id"))
    change("a lane without a title", lambda s: s["lanes"][1].pop("title"))
    change("an era without an end", lambda s: s["eras"][0].pop("end"))
    change("a source without a title", lambda s: s["source"].pop("title"))
    change("a quote without words", lambda s: s["events"][0]["quotes"][0].pop("words"))
    change("a story without events", lambda s: s.pop("events"))
    change("a story without lanes", lambda s: s.pop("lanes"))
    change("a story without a title", lambda s: s.pop("title"))
    # Empty names and lists.
    change("an empty id", lambda s: s["events"][1].update(id=""))
    change("no events", lambda s: s.update(events=[]))
    # Dates the loader cannot read.
    if dated is None:
        failures.append("no example story in dates was found among the stories")
    else:
        first = next(i for i, event in enumerate(dated["events"]) if isinstance(event.get("time"), str))

        def date(text):
            return lambda s: s["events"][first].update(time=text)

        for text in ["1942-13", "June 4, 1942", "1942-06-04T24:00", "1942-06-04T09:30Z", "1942-06-04T09:30:00.5",
                     "10000", "42", "1942-6-4"]:
            change(f"the date {text!r}", date(text), story=dated)
        # The loader also knows the length of each month, which a pattern does not: only the loader refuses this.
        broken = copy.deepcopy(dated)
        date("1942-02-30")(broken)
        status, _ = epilogue_validates(binary, broken)
        check(status == 1, "the loader accepts 30 February")

    for failure in failures:
        print(f"FAIL: {failure}")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
