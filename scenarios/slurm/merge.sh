#!/usr/bin/env bash
#SBATCH --job-name=radiolink-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=radiolink-merge-%j.log
#
# The merge step of sweep-array.sh: builds in OUT the report of every part in PARTS,
#   radiolink merge --out OUT PARTS/0 PARTS/1 ... [MERGE OPTION...]
# byte-identical to a single machine's run of the scenario. Submit it to start once every task of the
# array has succeeded:
#   sbatch --dependency=afterok:JOBID scenarios/slurm/merge.sh PARTS OUT [MERGE OPTION...]
# A unit missing from the parts (a task that did not finish) fails the job: merge exits 2 naming the
# missing units and writes nothing; give --partial for a report of what there is, labelled partial.
#
# NOT TESTED ON A REAL CLUSTER; tested under bash with sbatch and srun stubbed, as sweep-array.sh is.
#
# Environment: RADIOLINK, the radiolink command (default: radiolink on the PATH).
set -euo pipefail

fail() {
    echo "merge.sh: $*" >&2
    exit 2
}

[[ $# -ge 2 ]] || fail "usage: sbatch --dependency=afterok:JOBID merge.sh PARTS OUT [MERGE OPTION...]"
parts=$1
out=$2
shift 2
[[ -n $parts && -n $out ]] || fail "PARTS and OUT must not be empty"
[[ -d $parts ]] || fail "$parts: not a folder of parts"
radiolink=${RADIOLINK:-radiolink}

# The parts: every entry of PARTS but the hidden ones (the parts' lock and run folders), and PARTS/i for a
# part i killed before it finished, whose run folder .i.radiolink-run alone is there (merge reads it, and
# --partial takes its finished units); in the order of their numbers, so that run-info.json's command line
# reads in order, though merge's result does not depend on it. An entry that is not a part is merge's to
# refuse, not this script's to pass over.
shopt -s nullglob
declare -A seen=()
for entry in "$parts"/* "$parts"/.*.radiolink-run; do
    name=${entry##*/}
    if [[ $name == .*.radiolink-run ]]; then
        name=${name#.}
        name=${name%.radiolink-run}
    fi
    seen[$name]=1
done
((${#seen[@]} > 0)) || fail "$parts: holds no part"
mapfile -d '' -t sorted < <(for name in "${!seen[@]}"; do printf '%s\0' "$parts/$name"; done | sort -z -V)

exec srun --cpus-per-task=1 "$radiolink" merge --out "$out" "$@" "${sorted[@]}"
