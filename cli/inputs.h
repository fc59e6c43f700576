// Input discovery: the files a review covers, from the paths on the command line.
//
// Files are taken as given; directories are walked recursively, skipping
// hidden entries, Office lock files ("~$contract.docx") and JSON/JSONL files
// (reports, ours or others'; a JSON file named on the command line is still
// read, and refused as not a contract). Symlinked directories are followed
// once each (a directory already walked is not walked again, so symlink loops
// end). Siblings are visited in byte order of their names, directories as
// if their name ended in '/', so the files of one directory argument come out
// in byte order of their full paths: two runs list the same files in the same
// order, and outputs of shards sort back into the unsharded order.
//
// A path that does not exist is kept, so that it is reported as an error in
// its place rather than dropped. "-" reads a list of paths, one a line, from
// the input stream; --files-from FILE from a file.
#ifndef CLAUSECHECK_CLI_INPUTS_H_
#define CLAUSECHECK_CLI_INPUTS_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace clausecheck::cli {

struct Input {
  std::string path;   // as it will appear in reports
  std::string error;  // set when the path itself cannot be used (e.g. an empty directory)
};

struct InputOptions {
  // fnmatch(3) globs for files found in directories. A glob without '/'
  // matches the file name, one with '/' the path below the directory
  // argument. A file is taken when it matches any include (or none is given)
  // and no exclude; an excluded directory is not entered.
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<std::string> files_from;  // list files, one path a line
  std::istream* stdin_list = nullptr;   // read for the path "-"
};

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths);
std::vector<Input> ExpandInputs(const std::vector<std::string>& paths, const InputOptions& options);

/// The report file for `input_path` under `dir`: the input path with any
/// leading '/' dropped and ".." made harmless, plus `extension`.
std::string MirrorPath(const std::string& dir, const std::string& input_path,
                       const std::string& extension);

/// 64-bit FNV-1a of the bytes of `path`: the shard of an input is
/// PathHash(path) % N, with the path as it appears in reports.
uint64_t PathHash(const std::string& path);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_INPUTS_H_
