# Warning flags for the project's own targets: clausecheck_warnings(target).
function(clausecheck_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Wunused -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
  if(CLAUSECHECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
