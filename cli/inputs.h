// Input discovery: the files a review covers, from the paths on the command line.
//
// Files are taken as given; directories are walked recursively in name order
// (so two runs list the same files in the same order), skipping hidden entries,
// Office lock files ("~$contract.docx") and JSON/JSONL files (reports, ours or
// others'; a JSON file named on the command line is still read, and refused as
// not a contract). A path that does not exist is
// kept, so that it is reported as an error in its place rather than dropped.
#ifndef CLAUSECHECK_CLI_INPUTS_H_
#define CLAUSECHECK_CLI_INPUTS_H_

#include <string>
#include <vector>

namespace clausecheck::cli {

struct Input {
  std::string path;   // as it will appear in reports
  std::string error;  // set when the path itself cannot be used (e.g. an empty directory)
};

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths);

/// The report file for `input_path` under `dir`: the input path with any
/// leading '/' dropped and ".." made harmless, plus `extension`.
std::string MirrorPath(const std::string& dir, const std::string& input_path,
                       const std::string& extension);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_INPUTS_H_
