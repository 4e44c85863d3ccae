# Sourced by bin/mxcp and the repository's .ci scripts: finds a Java runtime >= MIN_JAVA (default 21).
# find_java_home prints the JDK's folder, or explains on stderr and returns 1.

: "${MIN_JAVA:=21}"

# The major version of the JDK in folder $1, read from its release file (no JVM start needed), or 0.
java_major() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null || true)
  version=${version#1.}
  version=${version%%[.+-]*}
  echo "${version:-0}"
}

# The modules mxcp needs that the runtime in folder $1 lacks, from its release file's MODULES list (a runtime made with
# jlink lists what it was made with); nothing when it lists none.
missing_modules() {
  local listed needed missing=""
  listed=$(sed -n 's/^MODULES="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null || true)
  [ -n "$listed" ] || return 0
  for needed in java.se jdk.unsupported jdk.management; do
    case " $listed " in
      *" $needed "*) ;;
      *) missing="$missing $needed" ;;
    esac
  done
  echo "${missing# }"
}

find_java_home() {
  local candidates=() seen="" tried=" " dir real major missing
  [ -n "${MXCP_JAVA_HOME:-}" ] && candidates+=("$MXCP_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  # MXCP_JAVA_HOME is set for mxcp alone: say so when it cannot be used rather than pass over it in silence
  if [ -n "${MXCP_JAVA_HOME:-}" ]; then
    if [ ! -x "$MXCP_JAVA_HOME/bin/java" ]; then
      echo "mxcp: MXCP_JAVA_HOME=$MXCP_JAVA_HOME is not used: it has no bin/java" >&2
    elif [ "$(java_major "$MXCP_JAVA_HOME")" -lt "$MIN_JAVA" ]; then
      echo "mxcp: MXCP_JAVA_HOME=$MXCP_JAVA_HOME is not used: it is Java $(java_major "$MXCP_JAVA_HOME"), mxcp needs $MIN_JAVA or newer" >&2
    elif [ -n "$(missing_modules "$MXCP_JAVA_HOME")" ]; then
      echo "mxcp: MXCP_JAVA_HOME=$MXCP_JAVA_HOME is not used: it lacks the modules $(missing_modules "$MXCP_JAVA_HOME")" >&2
    fi
  fi
  if [ -n "${JAVA_HOME:-}" ] && [ ! -x "$JAVA_HOME/bin/java" ]; then
    seen=" JAVA_HOME=$JAVA_HOME (no bin/java);"
  fi
  # the first that qualifies wins: MXCP_JAVA_HOME, JAVA_HOME, the java on PATH, then the usual JDK folders
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] || continue
    real=$(readlink -f "$dir")
    case "$tried" in *" $real "*) continue ;; esac
    tried="$tried$real "
    major=$(java_major "$dir")
    missing=$(missing_modules "$dir")
    if [ "$major" -lt "$MIN_JAVA" ]; then
      seen="$seen $dir (Java $major);"
    elif [ -n "$missing" ]; then
      seen="$seen $dir (Java $major without the modules $missing);"
    else
      echo "$dir"
      return 0
    fi
  done
  echo "Error: mxcp needs Java $MIN_JAVA or newer, and none was found.${seen:+ Found:$seen}" >&2
  echo "Install a JDK $MIN_JAVA+ (for example Temurin 25) or set JAVA_HOME (or MXCP_JAVA_HOME) to one; a runtime made" \
    "with jlink needs the modules java.se, jdk.unsupported and jdk.management." >&2
  return 1
}
