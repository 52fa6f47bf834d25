# Shared shell set-up of test.sh, bench/run.sh and tools/reliability/run.sh; source it, do not run it:
#   hp_install_missing PACKAGE...   apt-installs those of the named Debian packages that are missing
#   hp_free_port [FROM TO]          a free loopback port: the first in FROM–TO, or a random one from 20000–59999
#   hp_pg_start DIR PORT [OPTION...]  a throwaway PostgreSQL cluster in DIR on 127.0.0.1:PORT (server options such as
#                                   "-c max_connections=200" follow); sets HP_PG_CONNECTION, HP_PG_VERSION, HP_PG_BIN
#   hp_pg_stop                      stops that cluster (its folder is the caller's to remove)
#   HP_PG_NO_DURABILITY             server options for a cluster whose data may be lost on a crash (tests, benchmarks)
# Functions are prefixed hp_ so that they cannot clash with the scripts' own.

log() { printf '==> %s\n' "$*"; }

hp_as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Whether a package's program or files are present (faster than dpkg, and true for a copy installed another way).
hp_has_package() {
    case "$1" in
        postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null ;;
        chromium) command -v chromium >/dev/null ;;
        fonts-noto-cjk) compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null ;;
        poppler-utils) command -v pdftotext >/dev/null ;;
        python3-openpyxl) /usr/bin/python3 -c 'import openpyxl' 2>/dev/null ;;
        nodejs) command -v node >/dev/null ;;
        npm) command -v npm >/dev/null ;;
        wrk) command -v wrk >/dev/null ;;
        nginx) command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] ;;
        *) dpkg -s "$1" >/dev/null 2>&1 ;;
    esac
}

hp_install_missing() {
    local missing=() package
    for package in "$@"; do
        hp_has_package "$package" || missing+=("$package")
    done
    if ((${#missing[@]})); then
        log "installing ${missing[*]}"
        hp_as_root apt-get update -qq
        hp_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

hp_port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

hp_free_port() {
    local port
    if (($# == 2)); then
        for port in $(seq "$1" "$2"); do
            if hp_port_is_free "$port"; then echo "$port"; return; fi
        done
        echo "no free port in $1–$2" >&2
        return 1
    fi
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if hp_port_is_free "$port"; then echo "$port"; return; fi
    done
    echo "no free port found" >&2
    return 1
}

HP_PG_NO_DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
HP_PG_BIN=""
HP_PG_DIR=""

# PostgreSQL refuses to run as root; use its own system user then.
hp_pg_run() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

hp_pg_start() {
    HP_PG_DIR=$1
    local port=$2
    shift 2
    HP_PG_BIN=$(dirname "$(ls -1 /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
    HP_PG_VERSION=$("$HP_PG_BIN/postgres" --version | awk '{print $3}')
    mkdir -p "$HP_PG_DIR"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$HP_PG_DIR"; fi
    log "starting PostgreSQL $HP_PG_VERSION on 127.0.0.1:$port ($HP_PG_DIR)"
    hp_pg_run "$HP_PG_BIN/initdb" -D "$HP_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    hp_pg_run "$HP_PG_BIN/pg_ctl" -D "$HP_PG_DIR/data" -l "$HP_PG_DIR/server.log" -w -t 60 start \
        -o "-p $port -k $HP_PG_DIR -c listen_addresses=127.0.0.1 $*" >/dev/null
    HP_PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=30"
}

hp_pg_stop() {
    if [[ -n "$HP_PG_BIN" && -d "$HP_PG_DIR/data" ]]; then
        hp_pg_run "$HP_PG_BIN/pg_ctl" -D "$HP_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
}
