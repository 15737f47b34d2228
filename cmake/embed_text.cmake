# cmake -DINPUT=file -DOUTPUT=file.cc -DNAMESPACE=ns -DSYMBOL=name -P embed_text.cmake
# Writes a C++ file that defines `const std::string_view ns::name` holding the
# input file's text, so a binary carries the file and works anywhere.
file(READ "${INPUT}" content)
get_filename_component(input_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated at build time from ${input_name}; edit that file, not this one.\n"
  "#include <string_view>\n\n"
  "namespace ${NAMESPACE} {\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL} = R\"edsync_embedded(")
file(APPEND "${OUTPUT}.tmp" "${content}")
file(APPEND "${OUTPUT}.tmp" ")edsync_embedded\";\n}  // namespace ${NAMESPACE}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
