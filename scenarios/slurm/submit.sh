#!/usr/bin/env bash
# Submits a radiolink run to Slurm as parts and their merge: the job array of sweep-array.sh (a part of the
# scenario's units per task, into PARTS/<task id>), then merge.sh (the report of every part, into OUT), to
# start once every task has succeeded.
#
#   scenarios/slurm/submit.sh SCENARIO PARTS OUT [RUN OPTION...]
#
# Run it on a login node, in the folder that SCENARIO, PARTS and OUT are relative to (the jobs start in
# the folder sbatch was called from). It calls the radiolink command once first: the repository's
# ./radiolink launcher builds its jar then, not in every task at once; and a missing command fails here,
# not in the queue. Further sbatch options for the job array (another array, --time, --partition) go in
# ARRAY_OPTIONS, e.g. ARRAY_OPTIONS="--array=0-19 --time=2:00:00" (sbatch's own SBATCH_* variables would
# apply to the merge job too).
#
# NOT TESTED ON A REAL CLUSTER: tested under bash with sbatch and srun stubbed
# (cli/src/test/java/io/radiolink/cli/SlurmScriptTest.java).
#
# Environment: RADIOLINK, the radiolink command (default: radiolink on the PATH; give a path such as
# $PWD/radiolink for the repository's launcher), passed on to the jobs; ARRAY_OPTIONS, as above.
set -euo pipefail

fail() {
    echo "submit.sh: $*" >&2
    exit 2
}

[[ $# -ge 3 ]] || fail "usage: submit.sh SCENARIO PARTS OUT [RUN OPTION...]"
scenario=$1
parts=$2
out=$3
shift 3
[[ -f $scenario ]] || fail "$scenario: no such scenario file"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export RADIOLINK=${RADIOLINK:-radiolink}
command -v "$RADIOLINK" >/dev/null || fail "$RADIOLINK: no such command; put radiolink on the PATH or set RADIOLINK"
"$RADIOLINK" --version
read -r -a options <<<"${ARRAY_OPTIONS:-}"

array=$(sbatch --parsable "${options[@]}" "$here/sweep-array.sh" "$scenario" "$parts" "$@")
array=${array%%;*} # --parsable prints "id" or "id;cluster"
[[ $array =~ ^[0-9]+$ ]] || fail "sbatch gave '$array', not a job id"
merge=$(sbatch --parsable --dependency=afterok:"$array" "$here/merge.sh" "$parts" "$out")
merge=${merge%%;*}
echo "parts: job array $array into $parts; merge: job $merge into $out, once every part has succeeded"
