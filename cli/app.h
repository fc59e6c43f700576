// The clausecheck command line: sub-commands wired to the libraries.
//
// Thin by design: argument parsing (CLI11), input discovery, the choice of
// reporters and exit codes live here; every decision about documents lives in
// parsers/, analyzer/ and reports/. Run() is main() without the process, so
// that tests can drive it with their own streams.
#ifndef CLAUSECHECK_CLI_APP_H_
#define CLAUSECHECK_CLI_APP_H_

#include <atomic>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace clausecheck::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitError = 2;
inline constexpr int kExitInterrupted = 130;

struct Environment {
  bool stdout_is_terminal = false;
  bool no_color = false;  // NO_COLOR set and not empty
  bool stderr_is_terminal = false;
  int columns = 80;  // width of the terminal on stderr
  // Set by the SIGINT/SIGTERM handler: a batch stops cleanly (exit 130).
  const std::atomic<bool>* interrupted = nullptr;
  std::istream* in = nullptr;  // read for the input path "-"
  std::string config_env;      // the value of CLAUSECHECK_CONFIG
  std::string cwd;  // where .clausecheck.yaml is looked for; empty: the current directory
  // Set by main: the process ends when Run returns, so the compiled rules
  // (hundreds of RE2 programs) are left to the process's end (LeaveToExit,
  // heap.h) rather than freed block by block.
  bool process_ends_after_run = false;
};

/// Runs clausecheck with `args` (args[0] is the program name).
int Run(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
        std::ostream& err);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_APP_H_
