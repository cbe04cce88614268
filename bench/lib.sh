# shellcheck shell=bash
# bench/lib.sh: what bench/run and bench/soak share (sourced after
# script/lib.sh, never run): bench/gen's data, cached by size and seed, and
# the libpq URI of a database in the cluster script/lib.sh started.

# bench_gen_hash: a hash of the generator; cached data made by another
# generator is made again.
bench_gen_hash() { cat bench/gen/generate.py bench/gen/vocab.py | sha1sum | cut -c1-12; }

# bench_data DIR STATEMENTS SEED FRESH: bench/gen's data set in DIR, generated
# unless DIR already holds this generator's output (FRESH=1: always).
bench_data() {
    local dir=$1 n=$2 seed=$3 fresh=$4 hash
    hash=$(bench_gen_hash)
    if [ "$fresh" = 1 ] || [ "$(cat "$dir/.complete" 2>/dev/null)" != "$hash" ]; then
        say "generating $n statements (seed $seed) into $dir"
        rm -rf "$dir"
        /usr/bin/python3 bench/gen/generate.py --statements "$n" --seed "$seed" --out "$dir" ||
            die "bench/gen/generate.py failed"
        echo "$hash" >"$dir/.complete"
    else
        say "using the cached data in $dir"
    fi
    # The postgres user reads the COPY files.
    chmod -R a+rX "$dir" 2>/dev/null || true
}

# bench_db_url NAME: libpq URI of database NAME in the running cluster.
bench_db_url() {
    printf 'postgresql:///%s?host=%s&port=%s&user=onrecord' "$1" "$(urlenc "$PG_SOCKDIR")" "$PG_PORT"
}
