// clausecheck: the process entry point. Everything else is in cli/app.cc.
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

namespace {

std::atomic<bool> g_interrupted{false};

// The first Ctrl-C (or SIGTERM) asks the batch to stop cleanly; the handler is
// then reset, so a second one ends the process at once.
extern "C" void OnSignal(int) { g_interrupted.store(true); }

void InstallSignalHandlers() {
  struct sigaction sa = {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  static_assert(std::atomic<bool>::is_always_lock_free);
  InstallSignalHandlers();
  std::vector<std::string> args(argv, argv + argc);
  clausecheck::cli::Environment env;
  env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  struct winsize ws = {};
  if (env.stderr_is_terminal && ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    env.columns = ws.ws_col;
  }
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && no_color[0] != '\0';
  const char* config = std::getenv("CLAUSECHECK_CONFIG");
  if (config != nullptr) env.config_env = config;
  env.interrupted = &g_interrupted;
  env.in = &std::cin;
  env.process_ends_after_run = true;
  int code = clausecheck::cli::Run(args, env, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
