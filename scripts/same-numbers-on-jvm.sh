#!/usr/bin/env bash
# Runs every example (scenarios/examples/*.json) with the CLI jar under another JVM and compares report.json,
# summary.csv, replications.csv and flows.csv byte for byte with the golden files the default JDK made
# (cli/src/test/resources/golden/<example>/; each of the last two there or its SHA-256 in <file>.sha256). report.json
# is compared with its provenance.code (the build's identity, left out of the golden files) left out, by
# scripts/without-provenance-code.awk, the rule GoldenReportsTest applies.
#
#   mvn -B -q -pl cli -am package -DskipTests      # the jar, built with the project's JDK 17
#   scripts/same-numbers-on-jvm.sh /usr/lib/jvm/temurin-25-jdk-amd64/bin/java [cli/target/radiolink.jar]
#
# Prints one line per file (same or DIFFERS) and exits 1 if any file differs, 2 on bad arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
java=${1:?usage: scripts/same-numbers-on-jvm.sh JAVA [JAR]}
jar=${2:-cli/target/radiolink.jar}
[[ -x $java ]] || { echo "$java: not an executable java" >&2; exit 2; }
[[ -f $jar ]] || { echo "$jar: no CLI jar (mvn -B -q -pl cli -am package -DskipTests)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$java" -version 2>&1 | head -1
differs=0
for example in scenarios/examples/*.json; do
    name=$(basename "$example" .json)
    golden=cli/src/test/resources/golden/$name
    "$java" -jar "$jar" run "$example" --out "$out/$name" --threads 2 --quiet >/dev/null
    for file in report.json summary.csv replications.csv flows.csv; do
        if [[ $file == report.json ]]; then
            awk -f scripts/without-provenance-code.awk "$out/$name/$file" > "$out/$name/report.golden.json" \
                || { echo "$name/report.json: no provenance.code object" >&2; exit 1; }
            cmp -s "$golden/$file" "$out/$name/report.golden.json" && same=yes || same=no
        elif [[ -f $golden/$file ]]; then
            cmp -s "$golden/$file" "$out/$name/$file" && same=yes || same=no
        else
            [[ $(sha256sum < "$out/$name/$file" | cut -d' ' -f1) == $(tr -d '[:space:]' < "$golden/$file.sha256") ]] \
                && same=yes || same=no
        fi
        if [[ $same == yes ]]; then echo "same     $name/$file"; else echo "DIFFERS  $name/$file"; differs=1; fi
    done
done
exit $differs
