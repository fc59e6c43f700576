# Sanitizer and fuzzing builds (docs/robustness.md).
#
# CLAUSECHECK_SANITIZE: everything (libraries, CLI, tests) with AddressSanitizer
# and UndefinedBehaviorSanitizer; undefined behaviour aborts, so a test that
# triggers it fails. scripts/test.sh builds it in build/asan.
#
# CLAUSECHECK_FUZZ: the libFuzzer targets of fuzz/ (clang only), the libraries
# instrumented for coverage and built with ASan and UBSan as well.
# scripts/fuzz.sh builds them in build/fuzz.
option(CLAUSECHECK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CLAUSECHECK_FUZZ "Build the libFuzzer targets of fuzz/ (needs clang)" OFF)

if(CLAUSECHECK_SANITIZE OR CLAUSECHECK_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(CLAUSECHECK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CLAUSECHECK_FUZZ needs clang (libFuzzer): "
                        "-DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
