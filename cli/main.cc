// clausecheck: the process entry point. Everything else is in cli/app.cc.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  clausecheck::cli::Environment env;
  env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && no_color[0] != '\0';
  int code = clausecheck::cli::Run(args, env, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
