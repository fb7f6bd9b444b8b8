#!/usr/bin/env bash
#SBATCH --job-name=radiolink-parts
#SBATCH --array=0-9
#SBATCH --cpus-per-task=2
#SBATCH --output=radiolink-parts-%A_%a.log
#
# One part of a radiolink run per task of a Slurm job array: task i of n runs
#   radiolink run SCENARIO --out PARTS/i --shard i/n --resume --threads <its CPUs> --quiet [RUN OPTION...]
# so that the n parts hold every unit (sweep point, replication) of the scenario once. merge.sh, beside
# this file, then builds the report of them all, byte-identical to a single machine's run.
#
# NOT TESTED ON A REAL CLUSTER. It is tested under bash with sbatch and srun stubbed
# (cli/src/test/java/io/radiolink/cli/SlurmScriptTest.java): each task id run once, then the merge step,
# compared with a single run byte for byte. Read it before you submit it.
#
# Submit both steps with submit.sh, or by hand from the folder the paths are relative to:
#   sbatch --parsable scenarios/slurm/sweep-array.sh SCENARIO PARTS [RUN OPTION...]     # prints the job id
#   sbatch --dependency=afterok:JOBID scenarios/slurm/merge.sh PARTS OUT
# Another number of parts: sbatch --array=0-(n-1) ... (the task ids must be 0 to n-1). A task that failed
# or was lost: submit it again, naming the array's size, SHARDS=10 sbatch --array=3 ... (with --resume it
# continues its own part, or runs nothing if the part had finished), then the merge step again.
#
# Environment: RADIOLINK, the radiolink command (default: radiolink on the PATH; it must be the same build
# on every node, or merge refuses the parts); SHARDS, the number of parts (default: the array's size).
# Add the #SBATCH lines your site needs (--time, --mem, --partition, --account).
set -euo pipefail

fail() {
    echo "sweep-array.sh: $*" >&2
    exit 2
}

[[ $# -ge 2 ]] || fail "usage: sbatch sweep-array.sh SCENARIO PARTS [RUN OPTION...]"
scenario=$1
parts=$2
shift 2
[[ -n $scenario && -n $parts ]] || fail "SCENARIO and PARTS must not be empty"
radiolink=${RADIOLINK:-radiolink}

task=${SLURM_ARRAY_TASK_ID:-}
[[ $task =~ ^[0-9]+$ ]] || fail "SLURM_ARRAY_TASK_ID is '$task': submit this script as a job array (sbatch --array=0-9 ...)"
task=$((10#$task))
if [[ -n ${SHARDS:-} ]]; then
    if ! [[ $SHARDS =~ ^[0-9]+$ ]] || ((10#$SHARDS < 1)); then
        fail "SHARDS is '$SHARDS'; allowed: the number of parts, 1 or more"
    fi
    shards=$((10#$SHARDS))
else
    # The array's task ids must be exactly 0 to n-1: then n is the number of parts. An array of some ids
    # only (a task submitted again) says nothing of n, so it needs SHARDS.
    count=${SLURM_ARRAY_TASK_COUNT:-} min=${SLURM_ARRAY_TASK_MIN:-} max=${SLURM_ARRAY_TASK_MAX:-}
    [[ $count =~ ^[0-9]+$ && $min =~ ^[0-9]+$ && $max =~ ^[0-9]+$ ]] \
        || fail "no SLURM_ARRAY_TASK_COUNT, _MIN and _MAX to take the number of parts from; give SHARDS=n"
    ((10#$min == 0 && 10#$max == 10#$count - 1)) \
        || fail "the array's task ids are not 0 to n-1 (ids $min to $max, count $count); give the number of parts, e.g. SHARDS=10 sbatch --array=3 ..."
    shards=$((10#$count))
fi
((task < shards)) || fail "task $task is not a part of $shards (parts are 0 to $((shards - 1)))"
threads=${SLURM_CPUS_PER_TASK:-1}

mkdir -p -- "$parts"
# srun does not pass the job's --cpus-per-task on to its step since Slurm 22.05: name it again.
exec srun --cpus-per-task="$threads" "$radiolink" run "$scenario" --out "$parts/$task" --shard "$task/$shards" \
    --resume --threads "$threads" --quiet "$@"
