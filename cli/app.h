// The clausecheck command line: sub-commands wired to the libraries.
//
// Thin by design: argument parsing (CLI11), input discovery, the choice of
// reporters and exit codes live here; every decision about documents lives in
// parsers/, analyzer/ and reports/. Run() is main() without the process, so
// that tests can drive it with their own streams.
#ifndef CLAUSECHECK_CLI_APP_H_
#define CLAUSECHECK_CLI_APP_H_

#include <ostream>
#include <string>
#include <vector>

namespace clausecheck::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitError = 2;

struct Environment {
  bool stdout_is_terminal = false;
  bool no_color = false;  // NO_COLOR set and not empty
};

/// Runs clausecheck with `args` (args[0] is the program name).
int Run(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
        std::ostream& err);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_APP_H_
