#!/usr/bin/env bash
# The Slurm test (`make slurm-test`, and `.ci/run`): starts a one-machine Slurm cluster of three nodes, builds
# three parts of a corpus through `make -j3 parts` with `srun` as the launcher, one part per node, merges them
# with `make merge`, and checks that the merged bag is byte for byte the bag a plain `scriptorium build` of the
# same inputs writes. Every daemon it started is stopped on the way out (also on failure or Ctrl-C) and
# /etc/slurm/slurm.conf is put back as it was.
#
# Needs root (it starts munged, slurmctld and slurmd, and writes /etc/slurm/slurm.conf). Installs munge and
# Slurm with apt-get when they are missing. Run from the top of the checkout; BIN names the binary
# (default .build/release/scriptorium, which `make slurm-test` builds first).
#
# Environment: BIN, SLURM_TEST_TIMEOUT (seconds for each wait, default 60), SLURM_TEST_KEEP=1 (keep the
# temporary folder: logs, parts, bags), SLURM_TEST_FORCE=1 (run even though Slurm daemons of another
# configuration are running here; not recommended).
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN="${BIN:-.build/release/scriptorium}"
TIMEOUT="${SLURM_TEST_TIMEOUT:-60}"
CONF=/etc/slurm/slurm.conf
BACKUP=/etc/slurm/slurm.conf.scriptorium-backup
MARK='# written by Scriptorium Tests/Slurm/slurm-test.sh; dir='
NODES=(node1 node2 node3)
SECONDS=0
FAILED=0

say()  { printf '%s [%3ds] %s\n' "slurm-test:" "$SECONDS" "$*"; }
pass() { printf 'PASS: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; FAILED=1; }
die()  { fail "$*"; exit 1; }
now()  { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# Wait until "$@" succeeds, at most TIMEOUT seconds.
wait_for() {
  local deadline=$((SECONDS + TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 0.2
  done
}

# The pid in file $1 if that process is still the program $2.
live_pid() {
  local file=$1 name=$2 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$name" ]; then echo "$pid"; fi
}

# Stop the processes "$@" together: TERM, then KILL those still there after 15 s.
stop_pids() {
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  local pid
  for _ in $(seq 75); do
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && break; pid=; done
    [ -n "$pid" ] || return 0
    sleep 0.2
  done
  kill -KILL "$@" 2>/dev/null || true
}

# Stop the daemons of a run whose folder is $1 (this one, or one that was killed before it could clean up):
# the jobs, then the three slurmd at once, then slurmctld, then munged.
stop_cluster() {
  local dir=$1 node pids=()
  # live_pid prints one pid or nothing: the unquoted expansions below are meant.
  [ -d "$dir" ] || return 0
  if [ -n "$(live_pid "$dir/run/slurmctld.pid" slurmctld)" ]; then
    timeout 10 scancel --quiet --full -u root 2>/dev/null || true
  fi
  # shellcheck disable=SC2207
  for node in "${NODES[@]}"; do pids+=($(live_pid "$dir/run/slurmd-$node.pid" slurmd)); done
  stop_pids "${pids[@]}"
  # shellcheck disable=SC2046
  stop_pids $(live_pid "$dir/run/slurmctld.pid" slurmctld)
  # shellcheck disable=SC2046
  stop_pids $(live_pid "$dir/munge/munged.pid" munged)
}

# Put /etc/slurm/slurm.conf back as it was before the run that wrote it.
restore_conf() {
  if [ -f "$CONF" ] && head -n1 "$CONF" | grep -qF "$MARK"; then
    if [ -f "$BACKUP" ]; then mv -f "$BACKUP" "$CONF"; else rm -f "$CONF"; fi
  fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  [ -n "${WORK:-}" ] || exit "$status"
  say "stopping the cluster"
  local t0; t0=$(now)
  stop_cluster "$WORK"
  restore_conf
  local left; left=$(pgrep -f -- "$WORK" || true)
  if [ -n "$left" ]; then fail "processes of the test are still running: $left"; status=1; fi
  say "cluster stopped in $(since "$t0") s"
  if [ "$status" -ne 0 ] || [ "$FAILED" -ne 0 ]; then
    for log in "$WORK"/munge/munged.log "$WORK"/log/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 15 "$log"; }
    done
  fi
  if [ "${SLURM_TEST_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  if [ "$status" -eq 0 ] && [ "$FAILED" -eq 0 ]; then
    echo "PASS: slurm-test (${SECONDS} s in all)"
  else
    echo "FAIL: slurm-test (${SECONDS} s in all)"
    [ "$status" -ne 0 ] || status=1
  fi
  exit "$status"
}

# --- Preconditions ------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || die "needs root: it starts munged, slurmctld and slurmd and writes $CONF"
[ -x "$BIN" ] || die "no binary at $BIN (run make release, or make slurm-test, which builds it)"

if ! command -v munged >/dev/null || ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
   || ! command -v srun >/dev/null; then
  say "installing munge and Slurm (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq munge slurmctld slurmd slurm-client >/dev/null
fi
say "$(slurmctld -V)"

# One run at a time. (The daemons are started without this descriptor, so that they do not hold the lock.)
exec 9>/run/scriptorium-slurm-test.lock
flock -w "$TIMEOUT" 9 || die "another slurm-test is still running after $TIMEOUT s"

# A run that was killed (SIGKILL, a reboot of the container) leaves its config and maybe its daemons: clean up.
if [ -f "$CONF" ] && head -n1 "$CONF" | grep -qF "$MARK"; then
  old=$(head -n1 "$CONF"); old=${old#"$MARK"}
  say "cleaning up after an earlier run ($old)"
  stop_cluster "$old"
  restore_conf
  case "$old" in /*/scriptorium-slurm.*) rm -rf "$old" ;; esac
fi

if [ "${SLURM_TEST_FORCE:-0}" != 1 ] && { pgrep -x slurmctld || pgrep -x slurmd; } >/dev/null; then
  die "Slurm daemons of another configuration are running on this machine; not touching them (SLURM_TEST_FORCE=1 to run anyway)"
fi
[ ! -e "$BACKUP" ] || die "$BACKUP exists (from an earlier run?); move it back to $CONF or away, then run again"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scriptorium-slurm.XXXXXX")
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
chmod 755 "$WORK"
mkdir -p "$WORK"/{run,log,state,spool,munge,input}
say "working in $WORK"

# --- munge: our own munged on a private socket, with the machine's key (or a new one) ----------------------
T0=$(now)
KEY=/etc/munge/munge.key
if [ ! -s "$KEY" ]; then
  KEY="$WORK/munge/munge.key"
  say "no /etc/munge/munge.key: creating a key for this run"
  dd if=/dev/urandom of="$KEY" bs=1024 count=1 status=none
  chmod 600 "$KEY"
fi
chown -R munge:munge "$WORK/munge"
chmod 700 "$WORK/munge"
[ "$KEY" != "$WORK/munge/munge.key" ] || chown munge:munge "$KEY"
SOCKET="$WORK/munge/munge.socket"
chmod 755 "$WORK/munge"   # clients (srun, slurmd) must reach the socket
runuser -u munge -- munged 9>&- --socket="$SOCKET" --key-file="$KEY" --pid-file="$WORK/munge/munged.pid" \
  --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" \
  || die "munged did not start (see $WORK/munge/munged.log)"
wait_for sh -c "munge -S '$SOCKET' -n | unmunge -S '$SOCKET'" || die "munge does not answer"
pass "munged up ($(since "$T0") s)"

# --- Slurm configuration -------------------------------------------------------------------------------------
CPUS=1   # one CPU per node: each part of `srun -c1` fills a node
if [ -f "$CONF" ]; then cp -p "$CONF" "$BACKUP"; fi
# From here on, the EXIT trap restores the config.
sed -e "s|@WORK@|$WORK|g" -e "s|@SOCKET@|$SOCKET|g" -e "s|@CPUS@|$CPUS|g" -e "1s|^|$MARK$WORK\n|" \
  Tests/Slurm/slurm.conf.in >"$CONF.tmp"
mv -f "$CONF.tmp" "$CONF"

# --- Start slurmctld and three slurmd ------------------------------------------------------------------------
T0=$(now)
slurmctld -i 9>&- || die "slurmctld did not start"
wait_for scontrol ping || die "slurmctld does not answer within $TIMEOUT s"
for node in "${NODES[@]}"; do
  slurmd -N "$node" 9>&- || die "slurmd -N $node did not start"
done
nodes_idle() {
  local states; states=$(sinfo -h -N -o '%N %t' 2>/dev/null | sort -u)
  [ "$(grep -c ' idle$' <<<"$states")" -eq "${#NODES[@]}" ]
}
wait_for nodes_idle || { sinfo -N; die "the nodes are not idle after $TIMEOUT s"; }
CLUSTER_START=$(since "$T0")
pass "cluster up: ${NODES[*]} idle ($CLUSTER_START s)"
sinfo -N -o '%N %P %c %t' | sed 's/^/    /'

# --- One dispatch per node -----------------------------------------------------------------------------------
for node in "${NODES[@]}"; do
  T0=$(now)
  got=$(timeout "$TIMEOUT" srun -N1 -n1 -c1 -w "$node" printenv SLURMD_NODENAME) || die "srun -w $node failed"
  [ "$got" = "$node" ] || die "srun -w $node ran on '$got'"
  pass "srun -w $node runs on $got ($(since "$T0") s)"
done

# --- The corpus: input/ and the real documents, in one folder ------------------------------------------------
cp -p input/* "$WORK/input/"
cp -p Tests/RealDocuments/*.txt "$WORK/input/"
say "corpus: $(find "$WORK/input" -name '*.txt' | wc -l) documents, $(du -sk "$WORK/input" | cut -f1) KB"

# --- Parts through Make with srun as the launcher, one part per node -----------------------------------------
N=3
PARTS="$WORK/parts"
T0=$(now)
# Make, not the shell, expands RUN: $* is the part number in the part recipe: part K runs on nodeK, and Tests/Slurm/on-node records where it ran.
# shellcheck disable=SC2016
RUN='srun --quiet -N1 -n1 -c1 -w node$* --time=10 Tests/Slurm/on-node $(PARTS)/part-$*-of-$(N).node'
timeout $((TIMEOUT * 5)) make --no-print-directory -j"$N" parts N="$N" PARTS="$PARTS" INPUT="$WORK/input" \
  BIN="$BIN" CACHE="$WORK/cache" RUN="$RUN" || die "make parts N=$N through srun failed"
PARTS_TIME=$(since "$T0")
pass "make -j$N parts N=$N with srun ($PARTS_TIME s)"

declare -A seen=()
for k in $(seq "$N"); do
  part="$PARTS/part-$k-of-$N"
  [ -d "$part" ] || die "$part was not written"
  [ -s "$part.node" ] || die "$part.node (where part $k ran) is missing"
  where=$(cat "$part.node")
  seen[$where]=1
  say "part $k of $N ran on $where"
done
if [ "${#seen[@]}" -eq "$N" ]; then
  pass "the $N parts ran on $N different nodes (${!seen[*]})"
else
  fail "the $N parts ran on ${#seen[@]} nodes only (${!seen[*]})"
fi

# --- Merge, and compare with a plain build -------------------------------------------------------------------
T0=$(now)
# RUN=false: the parts are up to date, so make merge must not build any of them again.
make --no-print-directory merge N="$N" PARTS="$PARTS" OUTPUT="$WORK/merged" INPUT="$WORK/input" BIN="$BIN" \
  CACHE="$WORK/cache" RUN=false || die "make merge N=$N failed (or tried to build a part again)"
pass "make merge N=$N ($(since "$T0") s)"

T0=$(now)
"$BIN" build "$WORK/input" --output "$WORK/whole" --jobs 2 || die "plain scriptorium build failed"
say "plain build in $(since "$T0") s"
if diff -r "$WORK/merged" "$WORK/whole" >"$WORK/log/diff.txt" 2>&1; then
  pass "merged bag and plain build are identical ($(find "$WORK/whole" -type f | wc -l) files)"
else
  head -n 20 "$WORK/log/diff.txt"
  fail "merged bag differs from the plain build (diff -r above)"
fi

# --- The sbatch array example, with the cache the first parts filled ------------------------------------------
T0=$(now)
rm -rf "$PARTS"
(
  export PARTS N INPUT="$WORK/input" BIN CACHE="$WORK/cache"
  timeout $((TIMEOUT * 5)) sbatch --wait --quiet --array=1-"$N" --output="$WORK/log/array-%a.log" \
    --chdir="$PWD" Tests/Slurm/build-parts.sbatch
) || { cat "$WORK"/log/array-*.log 2>/dev/null; die "sbatch --array=1-$N Tests/Slurm/build-parts.sbatch failed"; }
for k in $(seq "$N"); do
  [ -d "$PARTS/part-$k-of-$N" ] || die "the array did not write part $k"
  say "array task $k: $(head -n1 "$WORK/log/array-$k.log")"
done
# Make takes the parts the array wrote for up to date: with RUN=false, building any part again would fail.
rm -rf "$WORK/merged"
make --no-print-directory merge N="$N" PARTS="$PARTS" OUTPUT="$WORK/merged" INPUT="$WORK/input" BIN="$BIN" \
  CACHE="$WORK/cache" RUN=false || die "make merge N=$N of the array's parts failed (or tried to build a part again)"
if diff -r "$WORK/merged" "$WORK/whole" >"$WORK/log/diff-array.txt" 2>&1; then
  pass "sbatch --array=1-$N parts, merged, are identical to the plain build ($(since "$T0") s)"
else
  head -n 20 "$WORK/log/diff-array.txt"
  fail "the merged parts of the sbatch array differ from the plain build"
fi

say "timings: cluster start $CLUSTER_START s, parts through srun $PARTS_TIME s"
[ "$FAILED" -eq 0 ] || exit 1
