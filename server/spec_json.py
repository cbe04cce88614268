#!/usr/bin/env python3
"""spec_json.py - build step: api-spec/openapi.yaml -> openapi.json.

Usage: spec_json.py IN.yaml OUT.json. Served at /openapi.json, so tools that
only read JSON get the same contract as /openapi.yaml.
"""
import json
import sys

import yaml


def main():
    src, dst = sys.argv[1:]
    with open(src, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=False, default=str)
        f.write("\n")


if __name__ == "__main__":
    main()
